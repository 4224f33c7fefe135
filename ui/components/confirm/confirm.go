// Package confirm is the small overlay that asks a yes-or-no question before something
// that cannot be taken back ("Create tag “vip”?"). It is a shared.Overlay: it finishes
// with tea.Sequence(shared.Pop, Result), so the opener acts once the box has closed.
package confirm

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

// Options configure the question.
type Options struct {
	ID       string // opaque; comes back in Result.ID
	Question string // one line; sanitized
	// Yes and No are the answering keys; by default the keymap's Confirm (enter) and
	// Cancel (esc). Every other key is ignored.
	Yes, No []key.Binding
	Styles  *theme.Styles
	Keys    *keymap.KeyMap
}

// Result is the answer, a message for the opener.
type Result struct {
	ID  string
	Yes bool
}

// Model is the confirmation overlay.
type Model struct {
	opts Options
	done bool
}

// maxWidth bounds the box.
const maxWidth = 64

// New builds the overlay.
func New(o Options) Model {
	if o.Keys == nil {
		o.Keys = keymap.Default()
	}
	if o.Styles == nil {
		o.Styles = theme.New(theme.Dark)
	}
	if len(o.Yes) == 0 {
		o.Yes = []key.Binding{o.Keys.Confirm}
	}
	if len(o.No) == 0 {
		o.No = []key.Binding{o.Keys.Cancel}
	}
	o.Question = sanitize.Line(o.Question)
	return Model{opts: o}
}

// Update answers on a Yes or No key; anything else is ignored.
func (m Model) Update(msg tea.Msg) (shared.Overlay, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || m.done {
		return m, nil
	}
	var yes bool
	switch {
	case key.Matches(k, m.opts.Yes...):
		yes = true
	case key.Matches(k, m.opts.No...):
	default:
		return m, nil
	}
	m.done = true
	r := Result{ID: m.opts.ID, Yes: yes}
	return m, tea.Sequence(shared.Pop, func() tea.Msg { return r })
}

// View is the question over the keys that answer it: "enter yes, esc no".
func (m Model) View(width, height int) string {
	s := m.opts.Styles
	frame := s.HelpBox.GetHorizontalFrameSize()
	inner := min(width, maxWidth) - frame
	if inner < 4 || height < 3 {
		return ""
	}
	hint := keys(m.opts.Yes) + " yes, " + keys(m.opts.No) + " no"
	lines := []string{s.Bold.Render(ansi.Truncate(m.opts.Question, inner, "…"))}
	if height >= 4 {
		lines = append(lines, s.Muted.Render(ansi.Truncate(hint, inner, "…")))
	}
	w := 0
	for _, l := range lines {
		w = max(w, lipgloss.Width(l))
	}
	for i, l := range lines {
		lines[i] = l + strings.Repeat(" ", w-lipgloss.Width(l))
	}
	return s.HelpBox.Render(strings.Join(lines, "\n"))
}

// keys is the bindings' keys as help shows them: "y/enter".
func keys(bs []key.Binding) string {
	var out []string
	for _, b := range bs {
		if h := b.Help().Key; h != "" {
			out = append(out, h)
		}
	}
	return strings.Join(out, "/")
}
