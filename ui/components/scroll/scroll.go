// Package scroll moves a pre-rendered document of lines under a window: the thread,
// the ticket detail and the contact profile share its keys, its wheel and its sums.
package scroll

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/keymap"
)

// Step is what ScrollDown/ScrollUp (J/K) and a notch of the wheel move: a few lines,
// for reading a document from the list beside it.
const Step = 3

// Doc is where a document stands: Offset is its first line on screen, Height the lines
// the window shows, Total the lines it has.
type Doc struct{ Offset, Height, Total int }

// Max is the last offset: the one that shows the bottom.
func (d Doc) Max() int { return max(0, d.Total-d.Height) }

// Clamp is Offset kept within 0 and Max.
func (d Doc) Clamp() int { return max(0, min(d.Offset, d.Max())) }

// Page is a screenful less a line of context, at least one line.
func (d Doc) Page() int { return Page(d.Height) }

// Page is a screenful of height lines less a line of context, at least one line.
func Page(height int) int { return max(1, height-1) }

// Key is the offset a key moves d to, not yet clamped: ScrollDown/ScrollUp (J/K) move
// step lines whether or not the document has focus; with focus, Down/Up move a line,
// PageDown/PageUp a page, Top/Bottom go to the ends. ok is false for any other key, and
// for every key without a keymap.
func Key(msg tea.KeyPressMsg, k *keymap.KeyMap, focused bool, d Doc, step int) (offset int, ok bool) {
	if k == nil {
		return d.Offset, false
	}
	switch {
	case key.Matches(msg, k.ScrollDown):
		return d.Offset + step, true
	case key.Matches(msg, k.ScrollUp):
		return d.Offset - step, true
	case !focused:
		return d.Offset, false
	case key.Matches(msg, k.Down):
		return d.Offset + 1, true
	case key.Matches(msg, k.Up):
		return d.Offset - 1, true
	case key.Matches(msg, k.PageDown):
		return d.Offset + d.Page(), true
	case key.Matches(msg, k.PageUp):
		return d.Offset - d.Page(), true
	case key.Matches(msg, k.Top):
		return 0, true
	case key.Matches(msg, k.Bottom):
		return d.Max(), true
	}
	return d.Offset, false
}

// Wheel is the offset the mouse wheel moves offset to, step lines a notch, not yet
// clamped; ok is false for other buttons.
func Wheel(msg tea.MouseWheelMsg, offset, step int) (int, bool) {
	switch msg.Button {
	case tea.MouseWheelDown:
		return offset + step, true
	case tea.MouseWheelUp:
		return offset - step, true
	}
	return offset, false
}

// Window is at most n of lines from offset on: what a window shows of the document.
func Window(lines []string, offset, n int) []string {
	offset = max(0, offset)
	if offset >= len(lines) || n <= 0 {
		return nil
	}
	return lines[offset:min(len(lines), offset+n)]
}
