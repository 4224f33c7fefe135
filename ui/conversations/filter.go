package conversations

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/ui/theme"
)

// The `/` filter narrows the active view's loaded rows by contact, subject, tags and
// rowAssignee. While its input has focus the pane captures every key; enter keeps the
// filter and returns to the list, esc clears it.

func newFilterInput(st *theme.Styles) textinput.Model {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = "contact, subject, tag or assignee"
	in.SetStyles(filterStyles(st))
	return in
}

// filterStyles take the input's look from the theme. The cursor does not blink: a blink
// is a timer message per half second for nothing the agent needs.
func filterStyles(st *theme.Styles) textinput.Styles {
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

func (p *Pane) openFilter() tea.Cmd {
	if p.activeView() == nil {
		return nil // nothing loaded to filter yet
	}
	p.input.SetStyles(filterStyles(p.ctx.Styles))
	p.input.CursorEnd()
	return p.input.Focus()
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
	if v == nil || width <= 0 {
		return ""
	}
	tally := " " + strconv.Itoa(v.list.len()) + "/" + strconv.Itoa(len(v.list.rows))
	p.input.SetWidth(max(1, width-len(tally)-len(p.input.Prompt)-1))
	var line string
	if p.input.Focused() {
		line = p.input.View()
	} else {
		line = p.ctx.Styles.Filter.Render(p.input.Prompt + p.input.Value())
	}
	line = fitWidth(line, max(0, width-len(tally)))
	return fitWidth(line+p.ctx.Styles.Muted.Render(tally), width)
}
