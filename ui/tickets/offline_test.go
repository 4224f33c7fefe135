package tickets

import (
	"testing"

	"github.com/intercom-tui/intercom-tui/ui/components/composer"
)

// Offline, a note is refused before anything is sent: nothing changes on screen, the
// offline sentence, and the draft stays (the retry reopens the composer on it).
func TestNoteWhileOfflineIsRefused(t *testing.T) {
	h := startOn(t, 80, 24)
	parts := len(h.p.detail.Ticket().Parts())
	h.ctx.Offline = true
	h.ws.ResetCounters()
	h.composeNote("Customer sent the HAR file")
	h.press("ctrl+s")
	if n := h.ws.Requests(); n != 0 {
		t.Fatalf("%d requests sent while offline, want none", n)
	}
	if got := h.p.detail.Ticket(); len(got.Parts()) != parts {
		t.Fatalf("the note shows while offline: %d parts, had %d", len(got.Parts()), parts)
	}
	if !h.toasted("You're offline: the change was not sent. Nothing is lost") {
		t.Fatalf("toasts %q", h.toastTexts())
	}
	if text, found := h.noteDraftOnDisk(bugTicket); !found || text != "Customer sent the HAR file" {
		t.Fatalf("draft on disk %q (%v) after the refusal", text, found)
	}
	h.exec(h.toasts[len(h.toasts)-1].Retry)
	if c, ok := h.top().(composer.Composer); !ok || c.Value() != "Customer sent the HAR file" {
		t.Fatalf("retry opened %T", h.top())
	}
}
