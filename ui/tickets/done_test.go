package tickets

import (
	"slices"
	"strings"
	"testing"

	"github.com/intercom-tui/intercom-tui/models"
)

// The check: on the Tickets tab filter by type, move a ticket to
// waiting_on_customer and add a note; the fake's state agrees.
func TestFilterByTypeMoveAndNote(t *testing.T) {
	h := newHarness(t, 120, 36)
	h.switchTo(typePrefix + bugTypeID)
	h.press("/", "#100", "enter") // the filter narrows the type's rows to ticket #100
	if ids := listedIDs(h.p); !slices.Equal(ids, []string{bugTicket}) {
		t.Fatalf("filtered rows %v", ids)
	}
	h.press("enter")
	if !h.p.detailFocused || h.p.detail.ID() != bugTicket {
		t.Fatalf("enter opened %q", h.p.detail.ID())
	}
	h.forget()
	h.pick("S", "waiting")
	h.composeNote("Asked for a HAR file")
	h.press("ctrl+s")

	server := h.server(bugTicket)
	last := lastPart(&server)
	if server.TicketState != models.TicketWaitingOnCustomer || last.PartType != "note" || !strings.Contains(string(last.Body), "Asked for a HAR file") {
		t.Fatalf("the fake has %s, last part %s %q", server.TicketState, last.PartType, last.Body)
	}
	if n, m := h.ws.Count("PUT", "/tickets/{id}"), h.ws.Count("POST", "/tickets/{id}/reply"); n != 1 || m != 1 {
		t.Fatalf("%d PUTs and %d replies", n, m)
	}
	if r := h.row(bugTicket); r.state != models.TicketWaitingOnCustomer {
		t.Fatalf("the row says %s", r.state)
	}
	if got := h.p.detail.Ticket(); got.TicketState != server.TicketState || len(got.Parts()) != len(server.Parts()) {
		t.Fatal("the detail does not show the server's ticket")
	}
	// Other views were loaded before the change: showing one again reloads it.
	h.forget()
	h.press("esc", "esc")
	h.switchTo(viewOpen)
	if q := h.lastSearchQuery(); !strings.Contains(q, `"field":"state","operator":"IN"`) || strings.Contains(q, "ticket_type_id") {
		t.Fatalf("the Open view was not reloaded after the write (last search %s)", q)
	}
	if _, ok := h.p.activeView().list.index[bugTicket]; !ok {
		t.Fatalf("%s (waiting on customer) is not in Open", bugTicket)
	}
}
