package conversations

import (
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/ui/components/listnav"
)

// The mouse, in the pane's own coordinates (the root takes the tab bar off). A left
// click on a row moves the cursor there; a click on the row already under the cursor
// opens it, as enter does (no double-click: a terminal reports no click count, and a
// second click on the selected row is the same gesture without a timer). A click on a
// view's name in the view bar switches to it, as ] and [ do. Split, a click on the
// thread gives it focus. The wheel moves the list's cursor or scrolls the thread,
// whichever it turns over. The rule and the lines below the last row do nothing.

// areaAt is what the pane draws at x, y (the layout View draws), with the point in the
// thread's own coordinates when it is the thread.
func (p *Pane) areaAt(x, y int) (area listnav.Area, tx, ty int) {
	return listnav.Split{Width: p.width, Height: p.height, ListWidth: p.listWidth(),
		Beside: p.split(), ReaderFull: p.threadFocused}.At(x, y)
}

// rowAt is the active view's row drawn at line y of the pane, or -1: the rows start
// under the view bar and the filter line, from the first row listView draws.
func (p *Pane) rowAt(y int) int {
	v := p.activeView()
	if v == nil {
		return -1
	}
	l := &v.list
	top := 1
	if p.filterShown() {
		top++
	}
	h := p.listHeight()
	return listnav.At(y, top, listnav.First(l.cursor, l.offset, l.len(), h), h, l.len())
}

func (p Pane) click(msg tea.MouseClickMsg) (Pane, tea.Cmd) {
	area, _, _ := p.areaAt(msg.X, msg.Y)
	switch area {
	case listnav.AreaBar:
		return p.clickView(msg.X)
	case listnav.AreaReader:
		return p.focusThread(), nil
	case listnav.AreaList:
		i := p.rowAt(msg.Y)
		if i < 0 {
			return p, nil
		}
		if p.input.Focused() {
			p.closeFilter(true) // the click ends typing and keeps the filter, as enter does
		}
		if p.threadFocused { // split: back to the list, as esc does
			p.threadFocused = false
			p.thread = p.thread.Blur()
		}
		if i == p.cursor() {
			return p.openThread()
		}
		return p.moveTo(i)
	}
	return p, nil
}

// clickView switches to the view drawn at column x of the bar. Split with the thread
// focused, the list takes focus back first (as esc does): the keys that switch views
// are the list's, and the new view's rows are what the agent looks at next.
func (p Pane) clickView(x int) (Pane, tea.Cmd) {
	i := p.viewAt(x)
	if i < 0 || i == p.active {
		return p, nil
	}
	if p.threadFocused {
		p.threadFocused = false
		p.thread = p.thread.Blur()
	}
	return p.switchView(i)
}

// focusThread gives the split thread focus, when it shows a conversation.
func (p Pane) focusThread() Pane {
	if p.thread.ID() == "" || p.threadFocused {
		return p
	}
	p.previewGen++ // the thread stays on what it shows
	p.thread = p.thread.Focus()
	p.threadFocused = true
	return p
}

func (p Pane) wheel(msg tea.MouseWheelMsg) (Pane, tea.Cmd) {
	area, tx, ty := p.areaAt(msg.X, msg.Y)
	switch area {
	case listnav.AreaReader:
		msg.X, msg.Y = tx, ty
		var cmd tea.Cmd
		p.thread, cmd = p.thread.Update(msg)
		return p, cmd
	case listnav.AreaList:
		if to, ok := listnav.Wheel(msg, p.cursor()); ok {
			return p.moveTo(max(0, to))
		}
	}
	return p, nil
}
