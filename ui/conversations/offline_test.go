package conversations

import (
	"strings"
	"testing"

	"github.com/intercom-tui/intercom-tui/models"
)

// Offline, a triage write is refused before anything is sent: the row keeps its state
// (no optimistic change) and the toast is the offline sentence.
func TestCloseWhileOfflineIsRefused(t *testing.T) {
	h := newTriageHarness(t, 100, 30, false)
	id := h.firstWhere("open", openConv)
	h.ctx.Offline = true
	h.forget()
	h.press("c", "All done", "enter")
	if n := len(h.writes()); n != 0 {
		t.Fatalf("%d writes sent while offline, want none", n)
	}
	if got := h.row(id).conv.State; got != models.StateOpen {
		t.Fatalf("row state %s after a refused close", got)
	}
	if got := h.server(id).State; got != models.StateOpen {
		t.Fatalf("server state %s", got)
	}
	if len(h.toasts) != 1 || !strings.HasPrefix(h.toasts[0].Text, "You're offline: the change was not sent. Nothing is lost") {
		t.Fatalf("toasts %+v", h.toasts)
	}
}
