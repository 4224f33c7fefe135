package search

import (
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/ui/components/listnav"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// The mouse, as in the panes' lists and the picker: a click on a result moves the
// cursor there, a click on the result already under it opens it (as enter does); the
// wheel moves the cursor three results a notch. The input, the status line and the keys
// line take no clicks: the input has focus already and keeps it.

// hitsTop is the box line of the first result: under the border and padding, the input
// and the status line, as View stacks them.
func (o Overlay) hitsTop() int {
	st := o.ctx.Styles
	return st.HelpBox.GetBorderTopSize() + st.HelpBox.GetPaddingTop() + 2
}

// hitAt is the result drawn at line y of the box (View drawn in width × height), or -1.
// A result is two lines (its title, its snippet); either one is the result.
func (o Overlay) hitAt(y, width, height int) int {
	_, shown, ok := o.layout(width, height)
	line := y - o.hitsTop()
	if !ok || line < 0 || line >= shown*hitHeight {
		return -1
	}
	if i := o.offset + line/hitHeight; i < len(o.hits) {
		return i
	}
	return -1
}

func (o Overlay) click(c shared.BoxClick) (shared.Overlay, tea.Cmd) {
	i := o.hitAt(c.Y, c.Width, c.Height)
	switch {
	case i < 0:
		return o, nil
	case i != o.cursor:
		o.moveTo(i)
		return o, nil
	}
	return o.open()
}

func (o Overlay) wheel(msg tea.MouseWheelMsg) Overlay {
	if to, ok := listnav.Wheel(msg, o.cursor); ok && len(o.hits) > 0 {
		o.moveTo(to)
	}
	return o
}
