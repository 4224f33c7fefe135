package articles

import (
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/ui/components/listnav"
	"github.com/intercom-tui/intercom-tui/ui/components/scroll"
)

// The mouse, in the pane's own coordinates (the root takes the tab bar off). A left
// click on a tree row (or a search result) moves the cursor there; a click on the row
// already under the cursor acts as enter does: it opens the article, or folds or
// unfolds the group. Split, a click on the reader gives it focus. The wheel moves the
// tree's (or the results') cursor, or scrolls the reader, whichever it turns over.

type mouseArea int

const (
	areaNone mouseArea = iota
	areaLeft           // the tree, or the search results
	areaReader
)

// areaAt is what the pane draws at x, y (the layout View draws).
func (p *Pane) areaAt(x, y int) mouseArea {
	switch {
	case x < 0 || y < 0 || x >= p.width || y >= p.h:
		return areaNone
	case !p.split() && p.focus == focusReader && p.rd.open():
		return areaReader
	case !p.split() || x < p.treeWidth():
		return areaLeft
	case x == p.treeWidth(): // the rule between them
		return areaNone
	}
	return areaReader
}

// treeRowAt is the tree's row drawn at line y (under the header line, from the offset
// leftLines draws from), or -1.
func (p *Pane) treeRowAt(y int) int {
	if !p.loaded {
		return -1
	}
	return listnav.At(y, 1, p.tree.offset, p.height(), len(p.tree.rows))
}

// hitAt is the search result drawn at line y (under the input and the status line,
// hitHeight lines each, as resultLines draws them), or -1.
func (p *Pane) hitAt(y int) int {
	if y < 2 {
		return -1
	}
	per := p.hitRows() / hitHeight
	return listnav.At((y-2)/hitHeight, 0, p.sr.offset, per, len(p.sr.hits))
}

func (p Pane) click(msg tea.MouseClickMsg) (Pane, tea.Cmd) {
	switch p.areaAt(msg.X, msg.Y) {
	case areaReader:
		if p.rd.open() {
			p.focus = focusReader
		}
	case areaLeft:
		p.focus = focusTree
		if p.sr.active {
			return p.clickHit(p.hitAt(msg.Y))
		}
		return p.clickTree(p.treeRowAt(msg.Y))
	}
	return p, nil
}

// clickTree moves the tree's cursor to row i, or opens it when the cursor is there.
func (p Pane) clickTree(i int) (Pane, tea.Cmd) {
	t := &p.tree
	n := t.selected()
	switch {
	case i < 0 || n == nil:
		return p, nil
	case i != t.cursor:
		t.moveTo(i, p.height())
		return p, p.cursorMoved()
	case n.group():
		t.setExpanded(!t.isExpanded(n), p.height())
		return p, nil
	}
	return p, p.openArticle(n.article)
}

// clickHit moves the results' cursor to hit i, or opens it when the cursor is there.
func (p Pane) clickHit(i int) (Pane, tea.Cmd) {
	if i < 0 {
		return p, nil
	}
	p.sr.input.Blur() // the click ends typing; the results stay
	if i == p.sr.cursor {
		return p.openHit()
	}
	p.sr.moveTo(i, p.hitRows())
	return p, nil
}

func (p Pane) wheel(msg tea.MouseWheelMsg) (Pane, tea.Cmd) {
	switch p.areaAt(msg.X, msg.Y) {
	case areaReader:
		if to, ok := scroll.Wheel(msg, p.rd.offset, scroll.Step); ok {
			p.rd.scrollTo(to, p.bodyHeight())
		}
	case areaLeft:
		if p.sr.active {
			if to, ok := listnav.Wheel(msg, p.sr.cursor); ok {
				p.sr.moveTo(to, p.hitRows())
			}
		} else if to, ok := listnav.Wheel(msg, p.tree.cursor); ok {
			p.tree.moveTo(to, p.height())
			return p, p.cursorMoved() // prefetching follows the cursor, as with j/k
		}
	}
	return p, nil
}
