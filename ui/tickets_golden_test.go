package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/teatest/v2"
)

// The tickets tab through the whole program (seed 1, fixedNow): the list at both sizes,
// the Bug report view, and ticket details that together show every attribute data type
// (id 1236, #102 Billing question: string, list, decimal, boolean, datetime, files; #100 Bug
// report: integer). Regenerate only these with go test ./ui/ -run GoldenTicket -update.

func ticketsTab(t *testing.T, w, hgt int) (*teatest.TestModel, *probe) {
	t.Helper()
	h := newHarness(t, 300)
	tm, p := h.run(t, w, hgt, "Open 134")
	press(tm, "3")
	waitFor(t, tm, p, "Open 45", "Resolved")
	return tm, p
}

func TestGoldenTicketList120x36(t *testing.T) {
	tm, _ := ticketsTab(t, 120, 36)
	requireGolden(t, final(t, tm))
}

func TestGoldenTicketList80x24(t *testing.T) {
	tm, _ := ticketsTab(t, 80, 24)
	requireGolden(t, final(t, tm))
}

func TestGoldenTicketTypeView120x36(t *testing.T) {
	tm, p := ticketsTab(t, 120, 36)
	press(tm, "]", "]", "]") // Open → Mine → Resolved → Bug report
	waitFor(t, tm, p, "Bug report 19")
	screen := final(t, tm)
	for _, l := range strings.Split(screen, "\n")[2:] {
		if strings.Contains(l, "💡") || strings.Contains(l, "💳") {
			t.Fatalf("the Bug report view lists another type:\n%s", screen)
		}
	}
	requireGolden(t, screen)
}

// ticketDetail opens a ticket by its number with i.
func ticketDetail(t *testing.T, number string, want ...string) string {
	t.Helper()
	tm, p := ticketsTab(t, 120, 36)
	press(tm, "i")
	for _, r := range number {
		press(tm, string(r))
	}
	press(tm, "enter")
	waitFor(t, tm, p, append([]string{"Timeline"}, want...)...)
	return final(t, tm)
}

func TestGoldenTicketDetailBilling120x36(t *testing.T) {
	screen := ticketDetail(t, "1236", "💳 Billing question · #102")
	requireGolden(t, screen)
}

func TestGoldenTicketDetailBug120x36(t *testing.T) {
	screen := ticketDetail(t, "100", "🐞 Bug report · #100")
	requireGolden(t, screen)
}
