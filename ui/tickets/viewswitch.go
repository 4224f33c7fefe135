package tickets

import tea "charm.land/bubbletea/v2"

// The active view: which one shows, its cursor, and switching between views (] and [,
// and a click on a view's name in the bar, mouse.go).

// activeView is the view shown, or nil before the views are built.
func (p *Pane) activeView() *ticketView {
	if p.active < 0 || p.active >= len(p.views) {
		return nil
	}
	return p.views[p.active]
}

// cursor is the active view's cursor row (0 before there is a view).
func (p *Pane) cursor() int {
	if v := p.activeView(); v != nil {
		return v.list.cursor
	}
	return 0
}

// moveTo puts the cursor on row i; near the end it asks for the next page.
func (p Pane) moveTo(i int) (Pane, tea.Cmd) {
	v := p.activeView()
	if v == nil {
		return p, nil
	}
	v.list.moveTo(i, p.listHeight())
	cmd := tea.Batch(p.maybeMore(), p.previewSoon())
	return p, cmd
}

// switchView makes view i (wrapping around) the active one and loads it the first time.
// The filter belongs to the view it was typed in, so it is cleared.
func (p Pane) switchView(i int) (Pane, tea.Cmd) {
	n := len(p.views)
	if n == 0 {
		return p, nil
	}
	i = ((i % n) + n) % n
	if i == p.active {
		return p, nil
	}
	if p.filtering() || p.filter.Focused() {
		p.closeFilter(false)
	}
	p.active = i
	v := p.views[i]
	if (!v.loaded || v.stale) && !v.pending {
		cmd := p.refresh(v)
		return p, cmd
	}
	v.list.moveTo(v.list.cursor, p.listHeight())
	cmd := p.previewSoon()
	return p, cmd
}
