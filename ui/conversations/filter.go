package conversations

import (
	tea "charm.land/bubbletea/v2"
	"github.com/intercom-tui/intercom-tui/ui/components/filter"
)

// The `/` filter narrows the active view's loaded rows by contact, subject, tags and
// rowAssignee. While its input has focus the pane captures every key; enter keeps the
// filter and returns to the list, esc clears it.

// filtering reports whether a filter is applied to the active view.
func (p Pane) filtering() bool {
	v := p.activeView()
	return v != nil && v.list.query != ""
}

func (p *Pane) openFilter() tea.Cmd {
	if p.activeView() == nil {
		return nil // nothing loaded to filter yet
	}
	return filter.Open(&p.input, p.ctx.Styles)
}

// closeFilter leaves the input; keep=false also clears the filter.
func (p *Pane) closeFilter(keep bool) {
	p.input.Blur()
	if !keep {
		p.input.Reset()
		if v := p.activeView(); v != nil {
			v.list.setFilter("", p.listHeight())
		}
	}
}

// filterKey handles a key while the input has focus.
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

// editFilter gives the input a key or a paste and filters the list by what it then
// holds. Typing only narrows what is loaded: moving to the end of the matches loads more.
func (p *Pane) editFilter(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	if v := p.activeView(); v != nil {
		v.list.setFilter(p.input.Value(), p.listHeight())
	}
	return cmd
}

// filterLine is the input (while typing) or the applied filter, with the match count.
func (p Pane) filterLine(width int) string {
	v := p.activeView()
	if v == nil {
		return ""
	}
	return filter.Line(p.input, p.ctx.Styles, v.list.len(), len(v.list.rows), width)
}
