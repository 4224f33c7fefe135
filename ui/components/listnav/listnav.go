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
