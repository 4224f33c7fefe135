// Package listnav is how the panes' lists move their cursor: the keys and the sums of
// keeping the cursor on screen.
package listnav

import (
	"math"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/keymap"
)

// Move is the row a navigation key moves the cursor to from cursor, page rows a page:
// Down/Up a row, PageDown/PageUp a page, Top the first, Bottom math.MaxInt (the last,
// once the list clamps it). Not clamped. ok is false for any other key.
func Move(msg tea.KeyPressMsg, k *keymap.KeyMap, cursor, page int) (to int, ok bool) {
	switch {
	case key.Matches(msg, k.Down):
		return cursor + 1, true
	case key.Matches(msg, k.Up):
		return cursor - 1, true
	case key.Matches(msg, k.PageDown):
		return cursor + page, true
	case key.Matches(msg, k.PageUp):
		return cursor - page, true
	case key.Matches(msg, k.Top):
		return 0, true
	case key.Matches(msg, k.Bottom):
		return math.MaxInt, true
	}
	return cursor, false
}

// Place is where the cursor and the first row on screen go when the cursor moves to
// row i of n rows on a screen of height rows: i clamped to the rows, offset moved just
// enough to show it and no further than the last screenful. With no room (height <= 0)
// the offset stays as it was.
func Place(i, n, height, offset int) (cursor, first int) {
	cursor = max(0, min(i, n-1))
	if height <= 0 {
		return cursor, offset
	}
	if cursor < offset {
		offset = cursor
	}
	if cursor >= offset+height {
		offset = cursor - height + 1
	}
	return cursor, max(0, min(offset, n-height))
}

// WheelStep is the rows a notch of the mouse wheel moves a list's cursor.
const WheelStep = 3

// Wheel is the row the mouse wheel moves the cursor to from cursor, WheelStep rows a
// notch, not clamped; ok is false for other buttons.
func Wheel(msg tea.MouseWheelMsg, cursor int) (to int, ok bool) {
	switch msg.Button {
	case tea.MouseWheelDown:
		return cursor + WheelStep, true
	case tea.MouseWheelUp:
		return cursor - WheelStep, true
	}
	return cursor, false
}

// First is the first row a list of n rows draws in height rows, its cursor on cursor
// and its kept offset offset: the offset, moved to show the cursor. Views draw from it
// and mouse clicks are resolved with it, so a click lands on the row drawn there.
func First(cursor, offset, n, height int) int {
	first := max(0, min(offset, n-1))
	if cursor >= first+height {
		first = cursor - height + 1
	}
	return max(0, min(first, cursor))
}

// At is the row drawn at line y of a list whose rows start at line top, height lines
// from row first of n: the row a click at y lands on, or -1 for a line with no row
// (above the rows, below the last, or past the window).
func At(y, top, first, height, n int) int {
	line := y - top
	if line < 0 || line >= height {
		return -1
	}
	if i := first + line; i < n {
		return i
	}
	return -1
}

// Area is what a point of a list-and-reader pane shows (the conversations and their
// thread, the tickets and a ticket's detail).
type Area int

const (
	AreaNone   Area = iota // the rule between list and reader, or outside the pane
	AreaBar                // the view bar, the pane's first line
	AreaList               // the list (its filter line and rows)
	AreaReader             // the reader beside the list, or in its place
)

// Split is the layout of a list-and-reader pane: the view bar on the first line over
// the list; side by side (Beside) the reader starts under the bar after a rule of one
// column at ListWidth; otherwise a focused reader (ReaderFull) fills the pane.
type Split struct {
	Width, Height, ListWidth int
	Beside, ReaderFull       bool
}

// At is what s draws at x, y, with the point in the reader's own coordinates when it
// is the reader. Both panes' clicks and wheel resolve with it, from the same numbers
// their views draw with.
func (s Split) At(x, y int) (area Area, rx, ry int) {
	switch {
	case x < 0 || y < 0 || x >= s.Width || y >= s.Height:
		return AreaNone, 0, 0
	case !s.Beside && s.ReaderFull:
		return AreaReader, x, y
	case y == 0:
		return AreaBar, x, 0
	case !s.Beside || x < s.ListWidth:
		return AreaList, x, y
	case x == s.ListWidth:
		return AreaNone, 0, 0
	}
	return AreaReader, x - s.ListWidth - 1, y - 1
}
