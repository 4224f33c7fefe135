package contacts

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/ui/components/scroll"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// Moving in a profile. The document scrolls line by line; the cursor is on one of the
// contact's conversations or on none (-1). Like links on a page: j moves the cursor to
// the next conversation when that one is on screen, else scrolls down a line; k the
// same upwards. PgUp/PgDn scroll a screen, g/G go to the top and the bottom. A cursor
// scrolled off screen is let go. enter opens the conversation under the cursor in the
// conversations pane.

// profileKey handles a key on a profile.
func (p Pane) profileKey(msg tea.KeyPressMsg) (Pane, tea.Cmd) {
	k := p.ctx.Keys
	h := p.bodyHeight()
	switch {
	case key.Matches(msg, k.Back):
		p.prof = profile{}
		return p, p.restSoon()
	case key.Matches(msg, k.Down):
		p.profileDown()
	case key.Matches(msg, k.Up):
		p.profileUp()
	case key.Matches(msg, k.PageDown):
		p.scroll(scroll.Page(h))
	case key.Matches(msg, k.PageUp):
		p.scroll(-scroll.Page(h))
	case key.Matches(msg, k.Top):
		p.prof.offset, p.prof.cursor = 0, -1
	case key.Matches(msg, k.Bottom):
		p.scroll(len(p.document().lines))
		if n := len(p.prof.convs); n > 0 && p.onScreen(p.document().convLine[n-1]) {
			p.prof.cursor = n - 1
		}
	case key.Matches(msg, k.Open):
		if c := p.prof.cursor; c >= 0 && c < len(p.prof.convs) {
			id := p.prof.convs[c].id
			return p, func() tea.Msg { return shared.OpenConversationMsg{ID: id} }
		}
	case key.Matches(msg, k.Note):
		return p.noteKey()
	case key.Matches(msg, k.OpenURL, k.Copy):
		return p, p.webKey(msg, p.prof.id)
	case key.Matches(msg, k.Refresh):
		return p.reloadProfile()
	case key.Matches(msg, k.Filter):
		return p, p.focusSearch()
	}
	return p, nil
}

// bodyHeight is the lines the document has on screen (the pane less its bar).
func (p *Pane) bodyHeight() int { return max(1, p.height-1) }

// onScreen reports whether document line i is on screen.
func (p *Pane) onScreen(i int) bool {
	return i >= p.prof.offset && i < p.prof.offset+p.bodyHeight()
}

func (p *Pane) profileDown() {
	d := p.document()
	next := p.prof.cursor + 1
	if p.prof.cursor < 0 {
		next = len(d.convLine) // none on screen below, unless found
		for i, at := range d.convLine {
			if at >= p.prof.offset {
				next = i
				break
			}
		}
	}
	if next < len(d.convLine) && p.onScreen(d.convLine[next]) {
		p.prof.cursor = next
		return
	}
	p.scroll(1)
}

func (p *Pane) profileUp() {
	d := p.document()
	prev := p.prof.cursor - 1
	if p.prof.cursor < 0 {
		prev = -1
		for i, at := range d.convLine {
			if at < p.prof.offset+p.bodyHeight() {
				prev = i
			}
		}
	}
	if prev >= 0 && p.onScreen(d.convLine[prev]) {
		p.prof.cursor = prev
		return
	}
	if p.prof.offset == 0 {
		p.prof.cursor = -1
		return
	}
	p.scroll(-1)
}

// scroll moves the document by n lines; a cursor that leaves the screen is let go.
func (p *Pane) scroll(n int) {
	p.prof.offset += n
	p.clampProfile()
	if c := p.prof.cursor; c >= 0 && !p.onScreen(p.document().convLine[c]) {
		p.prof.cursor = -1
	}
}

// clampProfile keeps the offset within the document and the cursor within the rows,
// after a load, a resize or a scroll.
func (p *Pane) clampProfile() {
	if !p.prof.open() {
		return
	}
	d := p.document()
	p.prof.offset = scroll.Doc{Offset: p.prof.offset, Height: p.bodyHeight(), Total: len(d.lines)}.Clamp()
	if p.prof.cursor >= len(d.convLine) {
		p.prof.cursor = len(d.convLine) - 1
	}
}
