package tickets

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// Golden screens of the pane at fixed sizes against the fake (seed 1, testNow), without
// colours. Update them with `go test ./ui/tickets/ -update`.

func TestGoldenList120x36(t *testing.T) {
	h := newHarness(t, 120, 36) // the split detail previews the first row
	golden.RequireEqual(t, h.screen())
}

func TestGoldenList80x24(t *testing.T) {
	h := newHarness(t, 80, 24)
	golden.RequireEqual(t, h.screen())
}

func TestGoldenTypeView80x24(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.switchTo(typePrefix + bugTypeID)
	golden.RequireEqual(t, h.screen())
}

// Billing question: string (single and multiline), decimal, datetime, boolean, files
// and list attributes.
func TestGoldenDetail120x36(t *testing.T) {
	h := newHarness(t, 120, 36)
	h.openByID(billingTicket)
	golden.RequireEqual(t, h.screen())
}

// Bug report: the integer attribute (and list, multiline string, boolean, files).
func TestGoldenDetailBugReport120x36(t *testing.T) {
	h := newHarness(t, 120, 36)
	h.openByID(bugTicket)
	golden.RequireEqual(t, h.screen())
}

func TestGoldenDetail80x24(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.openByID(billingTicket)
	h.press("G")
	golden.RequireEqual(t, h.screen())
}

func TestGoldenOpenByID80x24(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.press("i", "99999", "enter")
	golden.RequireEqual(t, h.screen())
}
