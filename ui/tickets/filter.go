package tickets

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

// The `/` filter narrows the active view's loaded rows by number, title, type, state,
// assignee and contact. While its input has focus the pane captures every key; enter
// keeps the filter and returns to the list, esc clears it.

// newInput is a one-line input in the theme's look.
func newInput(ctx *shared.Context, prompt, placeholder string) textinput.Model {
	in := textinput.New()
	in.Prompt = prompt
	in.Placeholder = placeholder
	if ctx.Styles != nil {
		in.SetStyles(inputStyles(ctx.Styles))
	}
	return in
}

// inputStyles take the input's look from the theme. The cursor does not blink: a blink
// is a timer message per half second for nothing the agent needs.
func inputStyles(st *theme.Styles) textinput.Styles {
	state := textinput.StyleState{Text: st.Text, Placeholder: st.Muted, Suggestion: st.Muted, Prompt: st.Filter}
	s := textinput.Styles{Focused: state, Blurred: state}
	s.Cursor.Color = st.Palette.Accent
	s.Cursor.Blink = false
	return s
}

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
	p.filter.SetStyles(inputStyles(p.ctx.Styles))
	p.filter.CursorEnd()
	return p.filter.Focus()
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
	switch {
	case key.Matches(msg, p.ctx.Keys.Back):
		p.closeFilter(false)
		cmd := p.previewSoon()
		return p, cmd
	case key.Matches(msg, p.ctx.Keys.Open):
		p.closeFilter(true)
		cmd := p.previewSoon()
		return p, cmd
	}
	cmd := p.editFilter(msg)
	return p, cmd
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
	if v == nil || width <= 0 {
		return ""
	}
	tally := " " + strconv.Itoa(v.list.len()) + "/" + strconv.Itoa(len(v.list.rows))
	in := p.filter
	in.SetWidth(max(1, width-len(tally)-len(in.Prompt)-1))
	var line string
	if in.Focused() {
		line = in.View()
	} else {
		line = p.ctx.Styles.Filter.Render(in.Prompt + in.Value())
	}
	line = fitWidth(line, max(0, width-len(tally)))
	return fitWidth(line+p.ctx.Styles.Muted.Render(tally), width)
}
