package listnav

import (
	"math"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/keymap"
)

func TestMove(t *testing.T) {
	k := keymap.Default()
	for _, c := range []struct {
		msg  tea.KeyPressMsg
		want int
		ok   bool
	}{
		{tea.KeyPressMsg{Code: 'j', Text: "j"}, 6, true},
		{tea.KeyPressMsg{Code: tea.KeyDown}, 6, true},
		{tea.KeyPressMsg{Code: 'k', Text: "k"}, 4, true},
		{tea.KeyPressMsg{Code: tea.KeyPgDown}, 15, true},
		{tea.KeyPressMsg{Code: tea.KeyPgUp}, -5, true},
		{tea.KeyPressMsg{Code: 'g', Text: "g"}, 0, true},
		{tea.KeyPressMsg{Code: 'G', Text: "G"}, math.MaxInt, true},
		{tea.KeyPressMsg{Code: tea.KeyEnter}, 5, false},
	} {
		if got, ok := Move(c.msg, k, 5, 10); got != c.want || ok != c.ok {
			t.Errorf("%s: got %d %v, want %d %v", c.msg, got, ok, c.want, c.ok)
		}
	}
}

func TestPlace(t *testing.T) {
	for _, c := range []struct {
		i, n, height, offset int
		cursor, first        int
	}{
		{3, 10, 5, 0, 3, 0},           // on screen: stays
		{7, 10, 5, 0, 7, 3},           // below: scrolls just enough
		{1, 10, 5, 4, 1, 1},           // above: scrolls up to it
		{math.MaxInt, 10, 5, 0, 9, 5}, // the bottom
		{-4, 10, 5, 2, 0, 0},          // above the top
		{5, 10, 0, 2, 5, 2},           // no room: offset stays
		{0, 0, 5, 3, 0, 0},            // an empty list
		{2, 3, 5, 1, 2, 0},            // a short list shows from the top
	} {
		cursor, first := Place(c.i, c.n, c.height, c.offset)
		if cursor != c.cursor || first != c.first {
			t.Errorf("Place(%d, %d, %d, %d) = %d %d, want %d %d", c.i, c.n, c.height, c.offset, cursor, first, c.cursor, c.first)
		}
	}
}

func TestWheelFirstAt(t *testing.T) {
	if to, ok := Wheel(tea.MouseWheelMsg{Button: tea.MouseWheelDown}, 4); to != 7 || !ok {
		t.Errorf("wheel down: %d %v", to, ok)
	}
	if to, ok := Wheel(tea.MouseWheelMsg{Button: tea.MouseWheelUp}, 4); to != 1 || !ok {
		t.Errorf("wheel up: %d %v", to, ok)
	}
	if _, ok := Wheel(tea.MouseWheelMsg{Button: tea.MouseLeft}, 4); ok {
		t.Error("a click is no wheel")
	}
	cases := []struct{ cursor, offset, n, height, want int }{
		{0, 0, 10, 5, 0},
		{7, 0, 10, 5, 3}, // the cursor below the window pulls it down
		{2, 6, 10, 5, 2}, // above it pulls it up
		{4, 3, 10, 5, 3},
		{0, 9, 0, 5, 0}, // no rows
	}
	for _, c := range cases {
		if got := First(c.cursor, c.offset, c.n, c.height); got != c.want {
			t.Errorf("First(%+v) = %d", c, got)
		}
	}
	// Rows from line 2, 4 lines tall, from row 5 of 7.
	for y, want := range map[int]int{1: -1, 2: 5, 3: 6, 4: -1, 6: -1} {
		if got := At(y, 2, 5, 4, 7); got != want {
			t.Errorf("At(%d) = %d, want %d", y, got, want)
		}
	}
}

func TestSplitAt(t *testing.T) {
	beside := Split{Width: 120, Height: 30, ListWidth: 50, Beside: true}
	narrow := Split{Width: 80, Height: 30, ListWidth: 80}
	full := Split{Width: 80, Height: 30, ListWidth: 80, ReaderFull: true}
	for _, c := range []struct {
		s      Split
		x, y   int
		area   Area
		rx, ry int
	}{
		{beside, 10, 0, AreaBar, 10, 0},
		{beside, 10, 5, AreaList, 10, 5},
		{beside, 50, 5, AreaNone, 0, 0}, // the rule
		{beside, 51, 5, AreaReader, 0, 4},
		{beside, 120, 5, AreaNone, 0, 0},
		{beside, 10, 30, AreaNone, 0, 0},
		{narrow, 79, 29, AreaList, 79, 29},
		{full, 3, 0, AreaReader, 3, 0},
		{Split{Width: 120, Height: 30, ListWidth: 50, Beside: true, ReaderFull: true}, 10, 5, AreaList, 10, 5},
	} {
		area, rx, ry := c.s.At(c.x, c.y)
		if area != c.area || rx != c.rx || ry != c.ry {
			t.Errorf("%+v.At(%d, %d) = %d, %d, %d; want %d, %d, %d", c.s, c.x, c.y, area, rx, ry, c.area, c.rx, c.ry)
		}
	}
}
