package contacts

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/ui/shared"
)

func click(x, y int) tea.MouseClickMsg { return tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft} }

func wheel(b tea.MouseButton) tea.MouseWheelMsg { return tea.MouseWheelMsg{X: 5, Y: 5, Button: b} }

func (l *loop) line(y int) string {
	lines := strings.Split(l.screen(), "\n")
	if y >= len(lines) {
		return ""
	}
	return lines[y]
}

// A click on any line lands on the row drawn there (under the bar and the column
// titles); lines without a row move nothing; a second click opens the profile.
func TestMouseClickLandsOnTheRowDrawn(t *testing.T) {
	l := newLoop(t, 100, 16)
	for range 20 {
		l.press("j") // the window starts down the list
	}
	for y := range l.p.height {
		cursor := l.p.list.rows.cursor
		if strings.HasPrefix(l.line(y), "▌") {
			continue
		}
		l.send(click(10, y))
		row := l.p.rowAt(y)
		switch {
		case row < 0 && l.p.list.rows.cursor != cursor:
			t.Errorf("a click on line %d (%q) moved the cursor", y, l.line(y))
		case row >= 0 && (l.p.list.rows.cursor != row || !strings.HasPrefix(l.line(y), "▌")):
			t.Errorf("a click on line %d: cursor %d, want %d drawn there:\n%s", y, l.p.list.rows.cursor, row, l.screen())
		}
	}
	l.send(wheel(tea.MouseWheelUp))
	if got := l.p.list.rows.cursor; got < 0 {
		t.Fatal("no cursor")
	}
	before := l.p.list.rows.cursor
	l.send(wheel(tea.MouseWheelDown))
	if got := l.p.list.rows.cursor; got != before+3 {
		t.Fatalf("a notch down: cursor %d, want %d", got, before+3)
	}
	l.send(click(10, 5))
	l.send(click(10, 5))
	if !l.p.prof.open() {
		t.Fatal("a second click on the row did not open the profile")
	}
}

// The wheel scrolls a profile three lines a notch.
func TestMouseWheelScrollsTheProfile(t *testing.T) {
	l := newLoop(t, 80, 12)
	c, _ := l.richContact()
	l.send(shared.OpenContactMsg{ID: string(c.ID)})
	l.settle()
	l.send(wheel(tea.MouseWheelDown))
	if l.p.prof.offset != 3 {
		t.Fatalf("a notch down: offset %d, want 3", l.p.prof.offset)
	}
	l.send(wheel(tea.MouseWheelUp))
	if l.p.prof.offset != 0 {
		t.Fatalf("a notch up: offset %d, want 0", l.p.prof.offset)
	}
}

// In a wide profile a click on a conversation (right-hand column) puts the cursor on
// it and a second click opens it; a click on the details beside it does nothing.
func TestMouseClickProfileConversation(t *testing.T) {
	l := newLoop(t, 120, 30)
	c, _ := l.richContact()
	l.send(shared.OpenContactMsg{ID: string(c.ID)})
	l.settle()
	d := l.p.document()
	if len(d.convLine) == 0 || d.convX == 0 || d.convLine[0] >= l.p.bodyHeight() {
		t.Fatalf("want a two-column profile with a conversation on screen: %d convs at x %d", len(d.convLine), d.convX)
	}
	y := d.convLine[0] + 1 // under the bar
	l.send(click(d.convX-5, y))
	if l.p.prof.cursor != -1 {
		t.Fatalf("a click on the details moved the cursor to %d", l.p.prof.cursor)
	}
	l.send(click(d.convX+2, y))
	if l.p.prof.cursor != 0 {
		t.Fatalf("a click on the conversation: cursor %d, want 0", l.p.prof.cursor)
	}
	_, cmd := l.p.Update(click(d.convX+2, y))
	if cmd == nil {
		t.Fatal("a second click did not open the conversation")
	}
	if msg, ok := cmd().(shared.OpenConversationMsg); !ok || msg.ID != l.p.prof.convs[0].id {
		t.Fatalf("a second click sent %v", msg)
	}
}
