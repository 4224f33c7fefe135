package tickets

import (
	"strings"
	"testing"

	"github.com/intercom-tui/intercom-tui/drafts"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/composer"
)

// noteDraftOnDisk is the ticket's note draft in the store, if any.
func (h *harness) noteDraftOnDisk(id string) (string, bool) {
	h.t.Helper()
	d, found, err := h.store.Load(h.p.draftKey(id))
	if err != nil {
		h.t.Fatal(err)
	}
	return d.Text, found
}

// composeNote opens the composer with N and types text.
func (h *harness) composeNote(text string) composer.Composer {
	h.t.Helper()
	h.press("N")
	c, ok := h.top().(composer.Composer)
	if !ok {
		h.t.Fatalf("N opened %T, want the composer", h.top())
	}
	if c.Kind() != drafts.TicketNote || c.ConvID() != bugTicket {
		h.t.Fatalf("composer for %s %s", c.Kind(), c.ConvID())
	}
	h.press(text)
	return h.top().(composer.Composer)
}

func TestAddANote(t *testing.T) {
	h := startOn(t, 120, 36)
	c := h.composeNote("Reproduced on staging")
	if !strings.Contains(c.View(120, 36), "Note on ticket #100") {
		t.Fatalf("composer title:\n%s", c.View(120, 36))
	}
	if text, found := h.noteDraftOnDisk(bugTicket); !found || text != "Reproduced on staging" {
		t.Fatalf("draft on disk %q (%v) while typing", text, found)
	}
	if status, _ := c.Status(); !strings.HasPrefix(status, "draft saved") {
		t.Fatalf("composer status %q", status)
	}
	h.hold = true
	h.press("ctrl+s")
	if h.top() != nil {
		t.Fatal("the composer is still open after ctrl+s")
	}
	// At once: the note is in the timeline, pending.
	if p := lastPart(h.p.detail.Ticket()); p.PartType != "note" || !strings.HasPrefix(string(p.ID), pendingPrefix) {
		t.Fatalf("no pending note: %+v", p)
	}
	h.press("G")
	if screen := h.screen(); !strings.Contains(screen, "Internal note") || !strings.Contains(screen, "Reproduced on staging") {
		t.Fatalf("the pending note does not show:\n%s", screen)
	}
	body := h.oneWrite("POST", "/tickets/"+bugTicket+"/reply")
	me := string(h.ctx.Dir.Me.ID)
	if body["message_type"] != "note" || body["admin_id"] != me || body["body"] != "<p>Reproduced on staging</p>" {
		t.Fatalf("reply body %v", body)
	}
	if _, found := h.noteDraftOnDisk(bugTicket); !found {
		t.Fatal("the draft went before the server confirmed the note")
	}

	h.release()
	server := h.server(bugTicket)
	last := lastPart(&server)
	if last.PartType != "note" || string(last.Body) != "<p>Reproduced on staging</p>" || string(last.Author.ID) != me {
		t.Fatalf("the fake's last part %+v", last)
	}
	if got := lastPart(h.p.detail.Ticket()); got.ID != last.ID {
		t.Fatalf("the detail shows part %s, the server %s", got.ID, last.ID)
	}
	if _, found := h.noteDraftOnDisk(bugTicket); found {
		t.Fatal("the draft is still on disk after the note was added")
	}
	if n := h.ws.Count("POST", "/tickets/{id}/reply"); n != 1 || !h.toasted("Note added to ticket #100") {
		t.Fatalf("%d replies, toasts %q", n, h.toastTexts())
	}
	// The next N starts empty.
	h.press("N")
	if c := h.top().(composer.Composer); c.Value() != "" {
		t.Fatalf("the composer reopened on %q", c.Value())
	}
}

func TestNoteFailureKeepsTheDraft(t *testing.T) {
	h := startOn(t, 80, 24)
	if err := h.faults.Add(faultOnce("POST", "/tickets/*/reply", 500)); err != nil {
		t.Fatal(err)
	}
	parts := len(h.p.detail.Ticket().Parts())
	h.composeNote("Customer sent the HAR file")
	h.press("ctrl+s")
	if got := h.p.detail.Ticket(); len(got.Parts()) != parts {
		t.Fatalf("the note was not rolled back: %d parts, had %d", len(got.Parts()), parts)
	}
	if !h.toasted("Couldn't add a note to ticket #100: ", "HTTP 500", "The draft is kept") {
		t.Fatalf("toasts %q", h.toastTexts())
	}
	if n := h.ws.Count("POST", "/tickets/{id}/reply"); n != 1 {
		t.Fatalf("%d replies reached the server, want exactly 1", n)
	}
	if text, found := h.noteDraftOnDisk(bugTicket); !found || text != "Customer sent the HAR file" {
		t.Fatalf("draft on disk %q (%v) after the failure", text, found)
	}
	server := h.server(bugTicket)
	if lastPart(&server).PartType == "note" && strings.Contains(string(lastPart(&server).Body), "HAR file") {
		t.Fatal("the fake has the note")
	}
	// The toast's retry reopens the composer on the draft, saying why it was not sent.
	h.exec(h.toasts[len(h.toasts)-1].Retry)
	c, ok := h.top().(composer.Composer)
	if !ok || c.Value() != "Customer sent the HAR file" {
		t.Fatalf("retry opened %T", h.top())
	}
	if status, isErr := c.Status(); !isErr || !strings.Contains(status, "Not sent") {
		t.Fatalf("composer status %q", status)
	}
	if n := h.ws.Count("POST", "/tickets/{id}/reply"); n != 1 {
		t.Fatalf("reopening re-sent the note (%d replies)", n)
	}
}

func TestDraftSurvivesClosingTheComposer(t *testing.T) {
	h := startOn(t, 80, 24)
	h.composeNote("half a thought")
	h.press("esc")
	if h.top() != nil {
		t.Fatal("esc should close the composer")
	}
	// A new pane (a restart) finds it on disk.
	h2 := newHarness(t, 80, 24)
	h2.ctx.Drafts, h2.store = h.store, h.store // the pane reads the store in its commands
	h2.openByID(bugTicket)
	h2.press("N")
	c, ok := h2.top().(composer.Composer)
	if !ok || c.Value() != "half a thought" {
		t.Fatalf("the draft was not restored: %T", h2.top())
	}
	if status, _ := c.Status(); !strings.Contains(status, "draft restored") {
		t.Fatalf("status %q", status)
	}
}

func TestOtherComposerKindsAreNotOurs(t *testing.T) {
	h := startOn(t, 80, 24)
	for _, kind := range []drafts.Kind{drafts.Reply, drafts.Note, drafts.ContactNote} {
		next, cmd := h.p.Update(composer.DraftChangedMsg{ConvID: bugTicket, Kind: kind, Text: "not a ticket note"})
		if cmd != nil || len(next.notes.drafts) != 0 {
			t.Fatalf("the tickets pane took a %s draft", kind)
		}
		next, cmd = h.p.Update(composer.SendMsg{ConvID: bugTicket, Kind: kind, Text: "not a ticket note"})
		if cmd != nil || len(next.writes) != 0 {
			t.Fatalf("the tickets pane sent a %s", kind)
		}
	}
	if got := h.p.detail.Ticket().TicketState; got != models.TicketInProgress {
		t.Fatal(got)
	}
}
