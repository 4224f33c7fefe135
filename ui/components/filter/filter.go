// Package filter is the one-line `/` input the panes share: its look, how it opens,
// what enter and esc do with it, and its line with the match tally.
package filter

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

// New is a one-line input with prompt and placeholder in the theme's look (the
// default look when st is nil).
func New(st *theme.Styles, prompt, placeholder string) textinput.Model {
	in := textinput.New()
	in.Prompt = prompt
	in.Placeholder = placeholder
	if st != nil {
		in.SetStyles(Styles(st))
	}
	return in
}

// Styles take the input's look from the theme. The cursor does not blink: a blink is a
// timer message per half second for nothing the agent needs.
func Styles(st *theme.Styles) textinput.Styles {
	state := textinput.StyleState{Text: st.Text, Placeholder: st.Muted, Suggestion: st.Muted, Prompt: st.Filter}
	s := textinput.Styles{Focused: state, Blurred: state}
	s.Cursor.Color = st.Palette.Accent
	s.Cursor.Blink = false
	return s
}

// Open focuses in with its cursor at the end, in the theme's look now (the theme may
// have changed since it was made).
func Open(in *textinput.Model, st *theme.Styles) tea.Cmd {
	in.SetStyles(Styles(st))
	in.CursorEnd()
	return in.Focus()
}

// Action is what a key does to a focused filter.
type Action int

const (
	Edit  Action = iota // the key goes to the input
	Clear               // back (esc): leave the input and drop the filter
	Keep                // open (enter): leave the input and keep the filter
)

// KeyAction is what msg does to a focused filter.
func KeyAction(msg tea.KeyPressMsg, k *keymap.KeyMap) Action {
	switch {
	case key.Matches(msg, k.Back):
		return Clear
	case key.Matches(msg, k.Open):
		return Keep
	}
	return Edit
}

// Line is the input (while typing) or the applied filter, then the tally
// " shown/total", exactly width cells; "" when width is not positive.
func Line(in textinput.Model, st *theme.Styles, shown, total, width int) string {
	if width <= 0 {
		return ""
	}
	tally := " " + strconv.Itoa(shown) + "/" + strconv.Itoa(total)
	in.SetWidth(max(1, width-len(tally)-len(in.Prompt)-1))
	var line string
	if in.Focused() {
		line = in.View()
	} else {
		line = st.Filter.Render(in.Prompt + in.Value())
	}
	line = textfmt.FitWidth(line, max(0, width-len(tally)))
	return textfmt.FitWidth(line+st.Muted.Render(tally), width)
}
