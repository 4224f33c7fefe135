package scroll

import (
	"slices"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/keymap"
)

func press(code rune, text string) tea.KeyPressMsg {
	return tea.KeyPressMsg{Code: code, Text: text}
}

func TestDocSums(t *testing.T) {
	d := Doc{Offset: 50, Height: 10, Total: 30}
	if d.Max() != 20 || d.Clamp() != 20 || d.Page() != 9 {
		t.Errorf("max %d clamp %d page %d", d.Max(), d.Clamp(), d.Page())
	}
	if (Doc{Offset: -3, Height: 10, Total: 5}).Clamp() != 0 {
		t.Error("a short document stays at the top")
	}
	if Page(1) != 1 || Page(0) != 1 {
		t.Error("a page is at least a line")
	}
}

func TestKeys(t *testing.T) {
	k := keymap.Default()
	d := Doc{Offset: 10, Height: 11, Total: 100}
	cases := []struct {
		msg     tea.KeyPressMsg
		focused bool
		want    int
		ok      bool
	}{
		{press('J', "J"), false, 13, true},
		{press('K', "K"), false, 7, true},
		{press('j', "j"), false, 10, false},
		{press('j', "j"), true, 11, true},
		{press('k', "k"), true, 9, true},
		{press(tea.KeyPgDown, ""), true, 20, true},
		{press(tea.KeyPgUp, ""), true, 0, true},
		{press('g', "g"), true, 0, true},
		{press('G', "G"), true, 89, true},
		{press('x', "x"), true, 10, false},
	}
	for i, c := range cases {
		got, ok := Key(c.msg, k, c.focused, d, 3)
		if got != c.want || ok != c.ok {
			t.Errorf("%d %q: got %d %v, want %d %v", i, c.msg.String(), got, ok, c.want, c.ok)
		}
	}
	if _, ok := Key(press('J', "J"), nil, true, d, 3); ok {
		t.Error("no keymap, no scrolling")
	}
}

func TestWheel(t *testing.T) {
	if got, ok := Wheel(tea.MouseWheelMsg{Button: tea.MouseWheelDown}, 4, 3); got != 7 || !ok {
		t.Errorf("down: %d %v", got, ok)
	}
	if got, ok := Wheel(tea.MouseWheelMsg{Button: tea.MouseWheelUp}, 4, 3); got != 1 || !ok {
		t.Errorf("up: %d %v", got, ok)
	}
	if _, ok := Wheel(tea.MouseWheelMsg{Button: tea.MouseLeft}, 4, 3); ok {
		t.Error("other buttons do not scroll")
	}
}

func TestWindow(t *testing.T) {
	lines := []string{"a", "b", "c", "d"}
	if got := Window(lines, 1, 2); !slices.Equal(got, []string{"b", "c"}) {
		t.Errorf("got %q", got)
	}
	if got := Window(lines, 3, 5); !slices.Equal(got, []string{"d"}) {
		t.Errorf("got %q", got)
	}
	if Window(lines, 4, 2) != nil || Window(lines, 0, 0) != nil {
		t.Error("nothing past the end or in no room")
	}
}
