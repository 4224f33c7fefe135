package tickets

import (
	tea "charm.land/bubbletea/v2"
	"github.com/intercom-tui/intercom-tui/ui/components/filter"
)

// The `/` filter narrows the active view's loaded rows by number, title, type, state,
// assignee and contact. While its input has focus the pane captures every key; enter
// keeps the filter and returns to the list, esc clears it.

// filtering reports whether a filter is applied to the active view.
func (p Pane) filtering() bool {
	v := p.activeView()
	return v != nil && v.list.query != ""
}

// inputLine reports that the list area starts with an input line: the ticket id being
// typed, or the filter (typed or applied).
func (p *Pane) inputLine() bool {
	return p.byID.input.Focused() || p.filter.Focused() || p.filtering()
}

func (p *Pane) openFilter() tea.Cmd {
	if p.activeView() == nil {
		return nil // nothing loaded to filter yet
	}
	return filter.Open(&p.filter, p.ctx.Styles)
}

// closeFilter leaves the input; keep=false also clears the filter.
func (p *Pane) closeFilter(keep bool) {
	p.filter.Blur()
	if !keep {
		p.filter.Reset()
		if v := p.activeView(); v != nil {
			v.list.setFilter("", p.listHeight())
		}
	}
}

// filterKey handles a key while the filter has focus.
func (p Pane) filterKey(msg tea.KeyPressMsg) (Pane, tea.Cmd) {
	switch filter.KeyAction(msg, p.ctx.Keys) {
	case filter.Clear:
		p.closeFilter(false)
		return p, p.previewSoon()
	case filter.Keep:
		p.closeFilter(true)
		return p, p.previewSoon()
	}
	return p, p.editFilter(msg)
}

// editFilter gives the input a key or a paste and filters the list by what it holds.
func (p *Pane) editFilter(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	p.filter, cmd = p.filter.Update(msg)
	if v := p.activeView(); v != nil {
		v.list.setFilter(p.filter.Value(), p.listHeight())
	}
	return cmd
}

// filterLine is the input (while typing) or the applied filter, with the match count.
func (p Pane) filterLine(width int) string {
	v := p.activeView()
	if v == nil {
		return ""
	}
	return filter.Line(p.filter, p.ctx.Styles, v.list.len(), len(v.list.rows), width)
}
