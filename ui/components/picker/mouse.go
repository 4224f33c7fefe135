package picker

import (
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/ui/components/listnav"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// listTop is the box line of the list's first row: under the border, the title and
// the input, as View stacks them.
const listTop = 1 + 2

// click acts on a left click in the box (the root sends it in the box's coordinates,
// with the area View drew the box for). A click on a row moves the cursor there; a
// click on the row already under it is enter (choose it), or in a multi-choice picker
// space (check or uncheck it), since there enter applies them all. The title, the
// input and the lines under the list do nothing.
func (m Model) click(c shared.BoxClick) (shared.Overlay, tea.Cmd) {
	if inner := min(c.Width, boxWidth) - frameWidth; inner < 4 {
		return m, nil // View drew nothing
	}
	h := m.listHeight(c.Height - frameLines)
	i := listnav.At(c.Y, listTop, m.windowStart(h), h, m.rows())
	switch {
	case i < 0:
		return m, nil
	case i != m.cursor:
		m.moveTo(i)
		return m, nil
	case m.opts.Multi && m.onItem():
		return m.toggle(), nil
	}
	return m.enter()
}

// toggle checks or unchecks the item under the cursor (space, or a second click).
func (m Model) toggle() Model {
	i := m.shown[m.cursor].item
	m.checked = slices.Clone(m.checked) // copies of the model share no state
	m.checked[i] = !m.checked[i]
	m.toggled, m.err = true, ""
	return m
}
