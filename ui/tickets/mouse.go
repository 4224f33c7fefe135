package tickets

import (
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/ui/components/listnav"
)

// The mouse, in the pane's own coordinates (the root takes the tab bar off), as in the
// conversations pane: a left click on a row moves the cursor there, a click on the row
// already under the cursor opens it (as enter does); split, a click on the detail gives
// it focus; a click on a view's name in the view bar switches to it, as ] and [ do. The
// wheel moves the list's cursor or scrolls the detail, whichever it turns over. While a
// ticket number is typed the list and the bar take no clicks: the number is pending.

// areaAt is what the pane draws at x, y (the layout View draws), with the point in the
// detail's own coordinates when it is the detail.
func (p *Pane) areaAt(x, y int) (area listnav.Area, dx, dy int) {
	return listnav.Split{Width: p.width, Height: p.height, ListWidth: p.listWidth(),
		Beside: p.split(), ReaderFull: p.detailFocused}.At(x, y)
}

// rowAt is the active view's row drawn at line y of the pane, or -1: the rows start
// under the view bar and the input line, from the first row listView draws.
func (p *Pane) rowAt(y int) int {
	v := p.activeView()
	if v == nil {
		return -1
	}
	top := 1
	if p.inputLine() {
		top++
	}
	l := &v.list
	h := p.listHeight()
	return listnav.At(y, top, listnav.First(l.cursor, l.offset, l.len(), h), h, l.len())
}

// mouse handles a click or a wheel notch.
func (p Pane) mouse(msg tea.MouseMsg) (Pane, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.MouseClickMsg:
		return p.click(msg)
	case tea.MouseWheelMsg:
		return p.wheel(msg)
	}
	return p, nil
}

func (p Pane) click(msg tea.MouseClickMsg) (Pane, tea.Cmd) {
	area, _, _ := p.areaAt(msg.X, msg.Y)
	switch {
	case area == listnav.AreaReader:
		return p.focusDetail(), nil
	case p.byID.input.Focused():
		return p, nil
	case area == listnav.AreaBar:
		return p.clickView(msg.X)
	case area != listnav.AreaList:
		return p, nil
	}
	i := p.rowAt(msg.Y)
	if i < 0 {
		return p, nil
	}
	if p.filter.Focused() {
		p.closeFilter(true) // the click ends typing and keeps the filter, as enter does
	}
	if p.detailFocused { // split: back to the list, as esc does
		p.detailFocused = false
		p.detail = p.detail.Blur()
	}
	if i == p.cursor() {
		return p.openSelected()
	}
	return p.moveTo(i)
}

// clickView switches to the view drawn at column x of the bar. Split with the detail
// focused, the list takes focus back first (as esc does): the keys that switch views
// are the list's, and the new view's rows are what the agent looks at next.
func (p Pane) clickView(x int) (Pane, tea.Cmd) {
	i := p.viewAt(x)
	if i < 0 || i == p.active {
		return p, nil
	}
	if p.detailFocused {
		p.detailFocused = false
		p.detail = p.detail.Blur()
	}
	return p.switchView(i)
}

// focusDetail gives the split detail focus, when it shows a ticket.
func (p Pane) focusDetail() Pane {
	if p.detail.ID() == "" || p.detailFocused {
		return p
	}
	p.previewGen++ // the detail stays on what it shows
	p.detail = p.detail.Focus()
	p.detailFocused = true
	return p
}

func (p Pane) wheel(msg tea.MouseWheelMsg) (Pane, tea.Cmd) {
	area, dx, dy := p.areaAt(msg.X, msg.Y)
	switch area {
	case listnav.AreaReader:
		msg.X, msg.Y = dx, dy
		var cmd tea.Cmd
		p.detail, cmd = p.detail.Update(msg)
		return p, cmd
	case listnav.AreaList:
		if to, ok := listnav.Wheel(msg, p.cursor()); ok {
			return p.moveTo(to)
		}
	}
	return p, nil
}
