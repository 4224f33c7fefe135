package contacts

import (
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/ui/components/listnav"
	"github.com/intercom-tui/intercom-tui/ui/components/scroll"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// The mouse, in the pane's own coordinates (the root takes the tab bar off). In the
// list a left click moves the cursor to the row under it, and a click on the row
// already under the cursor opens the profile, as enter does. In a profile a click on
// one of the contact's conversations puts the cursor there, and a second click opens
// it. The wheel moves the list's cursor, or scrolls the profile, a few rows a notch.
// The bar, the search line and the column titles do nothing.

// rowAt is the list's row drawn at line y, or -1: the rows start under the bar, the
// search line and the column titles, from the first row listView draws.
func (p *Pane) rowAt(y int) int {
	top := 1
	if p.searchLine() {
		top++
	}
	if p.columnTitles() {
		top++
	}
	l := &p.list.rows
	h := p.listHeight()
	return listnav.At(y, top, listnav.First(l.cursor, l.offset, l.len(), h), h, l.len())
}

// convAt is the profile's conversation drawn at x, y (under the bar; in the right-hand
// column of a wide profile), or -1.
func (p *Pane) convAt(x, y int) int {
	d := p.document()
	if y < 1 || y > p.bodyHeight() || x < d.convX {
		return -1
	}
	line := p.prof.offset + y - 1
	for i, at := range d.convLine {
		if at == line {
			return i
		}
	}
	return -1
}

func (p Pane) click(msg tea.MouseClickMsg) (Pane, tea.Cmd) {
	if msg.X < 0 || msg.X >= p.width || msg.Y >= p.height {
		return p, nil
	}
	if p.prof.open() {
		i := p.convAt(msg.X, msg.Y)
		switch {
		case i < 0:
		case i == p.prof.cursor:
			id := p.prof.convs[i].id
			return p, func() tea.Msg { return shared.OpenConversationMsg{ID: id} }
		default:
			p.prof.cursor = i
		}
		return p, nil
	}
	i := p.rowAt(msg.Y)
	if i < 0 {
		return p, nil
	}
	if p.input.Focused() {
		p.input.Blur() // the click ends typing; the search typed stands
	}
	if l := &p.list.rows; i == l.cursor {
		r := l.selected()
		return p.openProfile(r.id, r.contact)
	}
	return p.moveTo(i)
}

func (p Pane) wheel(msg tea.MouseWheelMsg) (Pane, tea.Cmd) {
	if p.prof.open() {
		if to, ok := scroll.Wheel(msg, 0, scroll.Step); ok {
			p.scroll(to)
		}
		return p, nil
	}
	if to, ok := listnav.Wheel(msg, p.list.rows.cursor); ok {
		return p.moveTo(to)
	}
	return p, nil
}
