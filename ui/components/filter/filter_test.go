package filter

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

func TestKeyAction(t *testing.T) {
	keys := keymap.Default()
	esc := tea.KeyPressMsg{Code: tea.KeyEscape}
	enter := tea.KeyPressMsg{Code: tea.KeyEnter}
	letter := tea.KeyPressMsg{Code: 'a', Text: "a"}
	if got := KeyAction(esc, keys); got != Clear {
		t.Errorf("esc: %d, want Clear", got)
	}
	if got := KeyAction(enter, keys); got != Keep {
		t.Errorf("enter: %d, want Keep", got)
	}
	if got := KeyAction(letter, keys); got != Edit {
		t.Errorf("a letter: %d, want Edit", got)
	}
}

func TestLineShowsTheQueryAndTally(t *testing.T) {
	st := theme.For(true, "")
	in := New(st, "/ ", "anything")
	in.SetValue("abc")
	got := ansi.Strip(Line(in, st, 3, 40, 20))
	if ansi.StringWidth(got) != 20 || !strings.HasPrefix(got, "/ abc") || !strings.HasSuffix(got, " 3/40") {
		t.Errorf("line %q", got)
	}
	if Line(in, st, 0, 0, 0) != "" {
		t.Error("no room, no line")
	}
}

func TestOpenFocusesAtTheEnd(t *testing.T) {
	st := theme.For(false, "")
	in := New(nil, "/ ", "")
	in.SetValue("xyz")
	in.SetCursor(0)
	Open(&in, st)
	if !in.Focused() || in.Position() != 3 {
		t.Errorf("focused %v at %d", in.Focused(), in.Position())
	}
}
