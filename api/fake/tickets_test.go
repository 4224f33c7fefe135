package fake

import (
	"slices"
	"testing"
	"time"

	"github.com/intercom-tui/intercom-tui/models"
)

func TestTicketWrites(t *testing.T) {
	e := newEnv(t, Options{Seed: 6, Size: 20})
	w := e.ws.World()
	me, other := string(w.Me().ID), string(w.Admins()[3].ID)
	var id string
	for i := range w.NumTickets() {
		if tk := w.Ticket(i); tk.TicketState == models.TicketSubmitted {
			id = string(tk.ID)
			break
		}
	}
	get := func() models.Ticket {
		var tk models.Ticket
		e.do("GET", "/tickets/"+id, nil).want(t, 200).decode(t, &tk)
		return tk
	}
	before := get()

	e.clk.Advance(time.Minute)
	var tk models.Ticket
	e.do("PUT", "/tickets/"+id, map[string]any{"state": "in_progress"}).want(t, 200).decode(t, &tk)
	p := tk.Parts()[len(tk.Parts())-1]
	if tk.TicketState != "in_progress" || tk.TicketStateInternalLabel != "In progress" || p.PartType != "ticket_state_updated_by_admin" ||
		p.PreviousTicketState != "submitted" || p.TicketState != "in_progress" || p.Author.ID != w.Me().ID || tk.UpdatedAt != e.clk.Now().Unix() {
		t.Fatalf("state change: %s %+v", tk.TicketState, p)
	}
	e.do("PUT", "/tickets/"+id, map[string]any{"assignment": map[string]any{"admin_id": me, "assignee_id": other}}).want(t, 200).decode(t, &tk)
	if p := tk.Parts()[len(tk.Parts())-1]; string(tk.AdminAssigneeID) != other || p.PartType != "assignment" || string(p.AssignedTo.ID) != other {
		t.Fatalf("assignment: %s %+v", tk.AdminAssigneeID, p)
	}
	e.do("PUT", "/tickets/"+id, map[string]any{"assignment": map[string]any{"admin_id": me, "assignee_id": "0"}}).want(t, 200).decode(t, &tk)
	if tk.AdminAssigneeID != "0" {
		t.Fatalf("unassign: %s", tk.AdminAssigneeID)
	}
	var note models.TicketPart
	e.do("POST", "/tickets/"+id+"/reply", map[string]any{"admin_id": me, "body": "<p>Checked</p>"}).want(t, 200).decode(t, &note)
	if note.PartType != "note" || note.Type != "ticket_part" || note.Body != "<p>Checked</p>" {
		t.Fatalf("reply: %+v", note)
	}
	after := get()
	if after.TicketState != "in_progress" || len(after.Parts()) != len(before.Parts())+4 || after.Parts()[len(after.Parts())-1].ID != note.ID {
		t.Fatalf("GET after writes: %s, %d parts (was %d)", after.TicketState, len(after.Parts()), len(before.Parts()))
	}

	for _, c := range []struct {
		body any
		code string
	}{
		{map[string]any{"state": "submitted"}, "parameter_invalid"},
		{map[string]any{"state": "closed"}, "parameter_invalid"},
		{map[string]any{"assignment": map[string]any{"admin_id": "1", "assignee_id": other}}, "assignee_not_found"},
		{map[string]any{"assignment": map[string]any{"assignee_id": other}}, "parameter_not_found"},
	} {
		if r := e.doBad("PUT", "/tickets/"+id, c.body); r.errorCode(t) != c.code {
			t.Errorf("%v: %d %s", c.body, r.status, r.body)
		}
	}
	for _, c := range []struct {
		body any
		code string
	}{
		{map[string]any{"admin_id": me}, "parameter_not_found"},
		{map[string]any{"body": "x"}, "parameter_not_found"},
		{map[string]any{"admin_id": me, "body": "x", "message_type": "comment"}, "parameter_invalid"},
		{map[string]any{"admin_id": "1", "body": "x"}, "admin_not_found"},
	} {
		if r := e.doBad("POST", "/tickets/"+id+"/reply", c.body); r.errorCode(t) != c.code {
			t.Errorf("%v: %d %s", c.body, r.status, r.body)
		}
	}
	if got := get(); len(got.Parts()) != len(after.Parts()) {
		t.Fatal("a refused write changed the ticket")
	}
}

func TestTicketSearch(t *testing.T) {
	e := newEnv(t, Options{Seed: 6, Size: 20})
	w := e.ws.World()
	resolved := func() []string {
		ids, total := searchAll(t, e, "/tickets/search", map[string]any{"field": "state", "operator": "=", "value": "resolved"}, 5)
		if total != len(ids) {
			t.Fatalf("total_count %d for %d tickets", total, len(ids))
		}
		return ids
	}
	before := resolved()
	for _, id := range before {
		if tk := w.Ticket(mustTicket(t, e, id)); tk.TicketState != "resolved" {
			t.Fatalf("%s is %s", id, tk.TicketState)
		}
	}
	var open string
	for i := range w.NumTickets() {
		if tk := w.Ticket(i); tk.TicketState != models.TicketResolved {
			open = string(tk.ID)
			break
		}
	}
	e.clk.Advance(time.Hour)
	e.do("PUT", "/tickets/"+open, map[string]any{"state": "resolved"}).want(t, 200)
	after := resolved()
	if len(after) != len(before)+1 || after[0] != open {
		t.Fatalf("after resolving %s: %v (was %v)", open, after, before)
	}
	// ticket_attribute.{id} names an attribute by its id.
	tt := w.TicketTypes()[0]
	title := tt.Attributes()[0]
	tk := w.Ticket(0)
	ids, _ := searchAll(t, e, "/tickets/search", map[string]any{"field": "ticket_attribute." + string(title.ID), "operator": "=", "value": tk.Title()}, 50)
	if !slices.Contains(ids, string(tk.ID)) {
		t.Fatalf("ticket_attribute.%s = %q misses ticket %s: %v", title.ID, tk.Title(), tk.ID, ids)
	}
	// 2.9 has no ticket search.
	req, data := e.request("POST", "/tickets/search", map[string]any{"query": map[string]any{"field": "open", "operator": "=", "value": true}})
	req.Header.Set("Intercom-Version", "2.9")
	if r := e.send(req, data, false); r.status != 400 || r.errorCode(t) != "intercom_version_invalid" {
		t.Fatalf("ticket search on 2.9: %d %s", r.status, r.body)
	}
}

func mustTicket(t *testing.T, e *env, id string) int {
	t.Helper()
	i, ok := e.ws.World().TicketIndex(id)
	if !ok {
		t.Fatalf("no ticket %s", id)
	}
	return i
}
