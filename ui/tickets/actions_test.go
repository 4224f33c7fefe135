package tickets

import (
	"reflect"
	"strings"
	"testing"

	"github.com/intercom-tui/intercom-tui/api/fake/faults"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/picker"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// startOn is a harness with the bug ticket (#100, in progress) open in the detail, the
// traffic forgotten.
func startOn(t *testing.T, width, height int) *harness {
	t.Helper()
	h := newHarness(t, width, height)
	if st := h.server(bugTicket).TicketState; st != models.TicketInProgress {
		t.Fatalf("seed changed: %s is %s", bugTicket, st)
	}
	h.openByID(bugTicket)
	h.forget()
	return h
}

// pick opens a picker with key, types text and chooses the first match.
func (h *harness) pick(key, text string) {
	h.t.Helper()
	h.press(key)
	if _, ok := h.top().(picker.Model); !ok {
		h.t.Fatalf("%s opened %T, want a picker", key, h.top())
	}
	h.press(text, "enter")
	if h.top() != nil {
		h.t.Fatalf("the picker is still open after enter on %q", text)
	}
}

func lastPart(t *models.Ticket) models.TicketPart {
	parts := t.Parts()
	if len(parts) == 0 {
		return models.TicketPart{}
	}
	return parts[len(parts)-1]
}

func TestMoveToWaitingOnCustomer(t *testing.T) {
	h := startOn(t, 80, 24)
	h.hold = true
	h.pick("S", "waiting")

	// At once: the detail and the row say so, with the workspace's labels, and the
	// timeline has the change pending.
	d := h.p.detail.Ticket()
	if d.TicketState != models.TicketWaitingOnCustomer || d.TicketStateExternalLabel != "Awaiting your reply" {
		t.Fatalf("optimistic state %q (%q)", d.TicketState, d.TicketStateExternalLabel)
	}
	if p := lastPart(d); !strings.HasPrefix(string(p.ID), pendingPrefix) || p.PreviousTicketState != models.TicketInProgress {
		t.Fatalf("no pending state change: %+v", p)
	}
	screen := h.screen()
	h.press("G")
	screen += h.screen()
	for _, want := range []string{"Waiting on customer", "“Awaiting your reply”", "moved it from in progress to waiting on customer", "sending…"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the optimistic detail lacks %q:\n%s", want, screen)
		}
	}
	if r := h.row(bugTicket); r.state != models.TicketWaitingOnCustomer || r.label != "Awaiting your reply" {
		t.Errorf("row %q %q", r.state, r.label)
	}
	body := h.oneWrite("PUT", "/tickets/"+bugTicket)
	if !reflect.DeepEqual(body, map[string]any{"state": "waiting_on_customer"}) {
		t.Fatalf("PUT body %v", body)
	}

	// The server's answer replaces it.
	h.release()
	server := h.server(bugTicket)
	if server.TicketState != models.TicketWaitingOnCustomer {
		t.Fatalf("the fake has %s", server.TicketState)
	}
	if got := h.p.detail.Ticket(); !reflect.DeepEqual(got.Parts(), server.Parts()) || got.TicketState != server.TicketState {
		t.Fatal("the detail does not show the server's ticket")
	}
	if strings.Contains(h.screen(), "sending…") {
		t.Fatalf("still pending:\n%s", h.screen())
	}
	if n := h.ws.Count("PUT", "/tickets/{id}"); n != 1 || len(h.toasts) != 0 {
		t.Fatalf("%d PUTs, toasts %q", n, h.toastTexts())
	}
}

func TestMoveRolledBackWhenTheServerFails(t *testing.T) {
	h := startOn(t, 80, 24)
	if err := h.faults.Add(faults.Rule{Kind: faults.Status, Code: 500, Method: "PUT", Pattern: "/tickets/*"}); err != nil {
		t.Fatal(err)
	}
	before := *h.p.detail.Ticket()
	h.pick("S", "waiting")
	if got := h.p.detail.Ticket(); !reflect.DeepEqual(*got, before) {
		t.Fatalf("not rolled back: %s, %d parts", got.TicketState, len(got.Parts()))
	}
	if r := h.row(bugTicket); r.state != models.TicketInProgress {
		t.Fatalf("row not rolled back: %s", r.state)
	}
	if !h.toasted("Couldn't move ticket #100 to waiting on customer: ", "HTTP 500") {
		t.Fatalf("toasts %q", h.toastTexts())
	}
	if n := h.ws.Count("PUT", "/tickets/{id}"); n != 1 {
		t.Fatalf("%d PUTs reached the server, want exactly 1 (writes are never re-sent)", n)
	}
	if st := h.server(bugTicket).TicketState; st != models.TicketInProgress {
		t.Fatalf("the fake has %s", st)
	}
}

func TestMoveToTheCurrentStateSendsNothing(t *testing.T) {
	h := startOn(t, 80, 24)
	h.pick("S", "in progress")
	if len(h.writes()) != 0 || !h.toasted("Ticket #100 is already in progress") {
		t.Fatalf("writes %d, toasts %q", len(h.writes()), h.toastTexts())
	}
}

func TestStatePickerOffersOnlyWritableStates(t *testing.T) {
	h := startOn(t, 120, 36)
	h.press("S")
	view := h.top().View(120, 36)
	for _, want := range []string{"In progress (“We're on it”)", "current", "Waiting on customer (“Awaiting your reply”)", "Resolved"} {
		if !strings.Contains(view, want) {
			t.Errorf("the state picker lacks %q:\n%s", want, view)
		}
	}
	if strings.Contains(view, "Submitted") {
		t.Errorf("a ticket cannot go back to submitted:\n%s", view)
	}
	h.press("esc")
	if h.top() != nil || len(h.writes()) != 0 {
		t.Fatal("esc should close the picker and send nothing")
	}
}

func TestAssignToMe(t *testing.T) {
	h := startOn(t, 120, 36)
	me := h.ctx.Dir.Me
	h.press("a")
	if view := h.top().View(120, 36); !strings.Contains(view, "Me (Aoife Byrne)") || !strings.Contains(view, "Unassign") {
		t.Fatalf("assign picker:\n%s", view)
	}
	h.press("esc")
	h.hold = true
	h.pick("a", "me")
	if got := h.p.detail.Ticket().AdminAssigneeID; got != me.ID {
		t.Fatalf("optimistic assignee %s", got)
	}
	body := h.oneWrite("PUT", "/tickets/"+bugTicket)
	want := map[string]any{"assignment": map[string]any{"admin_id": string(me.ID), "assignee_id": string(me.ID)}}
	if !reflect.DeepEqual(body, want) {
		t.Fatalf("PUT body %v, want %v", body, want)
	}
	h.release()
	server := h.server(bugTicket)
	if server.AdminAssigneeID != me.ID {
		t.Fatalf("the fake has admin %s", server.AdminAssigneeID)
	}
	h.press("G")
	if !strings.Contains(h.screen(), "Aoife Byrne assigned it to themselves") {
		t.Fatalf("the timeline lacks the assignment:\n%s", h.screen())
	}
	if r := h.row(bugTicket); r.assignee != "Aoife Byrne" {
		t.Fatalf("row assignee %q", r.assignee)
	}
}

func TestAssignToTeamAndUnassign(t *testing.T) {
	h := startOn(t, 80, 24)
	h.pick("a", "onboarding")
	if got := h.server(bugTicket).TeamAssigneeID; got != "7533875" {
		t.Fatalf("team %s", got)
	}
	h.forget()
	h.pick("a", "unassign")
	body := h.oneWrite("PUT", "/tickets/"+bugTicket)
	if a, _ := body["assignment"].(map[string]any); a["assignee_id"] != "0" {
		t.Fatalf("unassign sent %v", body)
	}
	if got := h.server(bugTicket).AdminAssigneeID; got != "0" {
		t.Fatalf("admin %s after unassign", got)
	}
	h.forget()
	h.pick("a", "unassign")
	if len(h.writes()) != 0 || !h.toasted("already without an admin") {
		t.Fatalf("unassigning twice: writes %d, toasts %q", len(h.writes()), h.toastTexts())
	}
}

func TestProfileOpensTheFirstContact(t *testing.T) {
	h := startOn(t, 80, 24)
	h.press("u")
	want := string(h.p.detail.Ticket().Contacts.Contacts[0].ID)
	if len(h.root) != 1 || h.root[0] != (shared.OpenContactMsg{ID: want}) {
		t.Fatalf("asked the root for %v, want contact %s", h.root, want)
	}
}
