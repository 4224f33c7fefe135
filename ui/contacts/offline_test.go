package contacts

import (
	"strings"
	"testing"
)

// Offline, a contact note is refused before anything is sent, with the offline
// sentence, and the draft stays.
func TestNoteWhileOfflineIsRefused(t *testing.T) {
	l := newLoop(t, 120, 36)
	c, _ := l.richContact()
	l.openNoteComposer(c)
	text := "Called back: refund approved"
	l.typeText(text)
	l.settle()
	l.ctx.Offline = true
	l.ws.ResetCounters()
	l.toasts = nil
	l.press("ctrl+s")
	l.settle()
	if n := l.ws.Requests(); n != 0 {
		t.Fatalf("%d requests sent while offline, want none", n)
	}
	if len(l.toasts) == 0 || !strings.HasPrefix(l.toasts[len(l.toasts)-1].Text, "You're offline: the change was not sent") {
		t.Fatalf("toasts %+v", l.toasts)
	}
	if d, found := l.draft(c); !found || d.Text != text {
		t.Fatalf("draft after the refusal: %+v found %v", d, found)
	}
	if strings.Contains(l.screen(), "sending…") {
		t.Fatalf("a refused note shows as sending:\n%s", l.screen())
	}
}
