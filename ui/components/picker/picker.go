// Package picker is the overlay that chooses from a list by typing: a title, a text input
// that fuzzy-filters the items (matched runes highlighted), and a list with a cursor.
// Options add multi-select (space toggles; tags), items pinned to the top or the bottom
// whatever their score ("me" first, "unassign" last), a "create" row for text that names
// no item (a new tag), and typed text that matches nothing as the answer itself, checked
// by the opener ("3d" for a snooze; a closing note).
//
// The picker is a shared.Overlay. It finishes with tea.Sequence(shared.Pop, result): the
// overlay is closed before its Result (which names the opener's opaque ID) arrives, so an
// opener may answer it by opening another overlay (a confirmation) without racing the
// Pop. Nothing is lost on a refused enter: the text stays and the reason shows inline.
package picker

import (
	"cmp"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/components/listnav"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

// Pin keeps an item at one end of the list whatever its score. A pinned item is still
// filtered out when the text does not match it.
type Pin int

// Where an item sits.
const (
	PinNone   Pin = iota // ranked by score
	PinTop               // before every unpinned item
	PinBottom            // after every unpinned item
)

// Item is one choice. Label and Detail are sanitized by New; ID is the opener's.
type Item struct {
	ID      string
	Label   string // shown and matched
	Detail  string // shown muted at the right; not matched
	Pin     Pin
	Checked bool // multi-select: checked when the picker opens
}

// Options configure a picker.
type Options struct {
	ID          string // opaque; comes back in Result.ID so the opener knows its answer
	Title       string
	Placeholder string
	Items       []Item

	// Multi lets space (keymap Toggle) check several items; enter then answers with the
	// checked ones. Enter before any toggle also checks the item under the cursor.
	Multi bool
	// Create, when set, offers a last row for typed text that is no item's label (case
	// ignored): its label is Create(text), e.g. `Create tag "vip"`. Choosing it answers
	// Result.Create.
	Create func(text string) string
	// AcceptText makes enter on typed text that matches no item answer Result.Text.
	// FreeText, when set, checks it first: an error is shown inline and the picker stays;
	// as the text is typed, its preview (when it parses) shows what enter would do.
	AcceptText bool
	FreeText   func(text string) (preview string, err error)
	// AllowEmpty lets enter answer an empty Result.Text (an optional note).
	AllowEmpty bool
	CharLimit  int    // on the typed text; 0 means 200
	Empty      string // the list's text when nothing matches; "No match" by default
	Hint       string // the keys line; by default built from the keymap

	Styles *theme.Styles
	Keys   *keymap.KeyMap
}

// Result is what the user decided. It is a message: the opener's Update receives it.
type Result struct {
	ID        string
	Cancelled bool   // esc: nothing chosen
	Chosen    []Item // the item chosen; with Multi, every checked item in list order
	Added     []Item // Multi: checked now, not when the picker opened
	Removed   []Item // Multi: checked when the picker opened, not now
	Create    string // the typed text the create row was chosen for
	Text      string // typed text that matched nothing (AcceptText)
}

// Model is the picker overlay.
type Model struct {
	opts    Options
	items   []Item
	checked []bool
	input   textinput.Model

	shown   []ranked // items matching the text, in display order
	create  string   // the text the create row offers, "" when there is none
	cursor  int      // row under the cursor: shown, then the create row
	offset  int      // first row of the window (View keeps the cursor inside it)
	err     string   // why the last enter was refused
	preview string   // FreeText's reading of the text
	toggled bool     // Multi: space was used
	done    bool     // the result has been sent: every later message is ignored
}

// ranked is an item that matches the text.
type ranked struct {
	item      int
	score     int
	positions []int // matched rune indexes of the label
}

// maxRows is the tallest the list gets (a short screen gets fewer); a page for PgUp/PgDn.
const maxRows = 15

// New builds a picker. Every label and detail passes sanitize.Line.
func New(o Options) Model {
	if o.Keys == nil {
		o.Keys = keymap.Default()
	}
	if o.Styles == nil {
		o.Styles = theme.New(theme.Dark)
	}
	if o.CharLimit <= 0 {
		o.CharLimit = 200
	}
	o.Title = sanitize.Line(o.Title)
	m := Model{opts: o, items: make([]Item, len(o.Items)), checked: make([]bool, len(o.Items))}
	for i, it := range o.Items {
		it.Label, it.Detail = sanitize.Line(it.Label), sanitize.Line(it.Detail)
		m.items[i], m.checked[i] = it, it.Checked
	}
	m.input = newInput(o)
	m.refilter()
	return m
}

func newInput(o Options) textinput.Model {
	in := textinput.New()
	in.Prompt = "> "
	in.Placeholder = o.Placeholder
	in.CharLimit = o.CharLimit
	in.SetWidth(boxWidth - frameWidth - 3)
	st := o.Styles
	state := textinput.StyleState{Text: st.Text, Placeholder: st.Muted, Suggestion: st.Muted, Prompt: st.Filter}
	styles := textinput.Styles{Focused: state, Blurred: state}
	styles.Cursor.Color = st.Palette.Accent
	styles.Cursor.Blink = false // a blink is a timer message twice a second for nothing
	in.SetStyles(styles)
	in.Focus()
	return in
}

// Text is what has been typed.
func (m Model) Text() string { return m.input.Value() }

// Update handles keys, pastes, clicks in the box and the wheel; other messages are
// ignored.
func (m Model) Update(msg tea.Msg) (shared.Overlay, tea.Cmd) {
	if m.done {
		return m, nil
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.PasteMsg:
		return m.edit(msg)
	case shared.BoxClick:
		return m.click(msg)
	case tea.MouseWheelMsg:
		if to, ok := listnav.Wheel(msg, m.cursor); ok {
			m.moveTo(to)
		}
	}
	return m, nil
}

func (m Model) key(msg tea.KeyPressMsg) (shared.Overlay, tea.Cmd) {
	k := m.opts.Keys
	switch {
	case key.Matches(msg, k.Cancel):
		return m.finish(Result{Cancelled: true})
	case key.Matches(msg, k.Confirm):
		return m.enter()
	case m.opts.Multi && key.Matches(msg, k.Toggle) && m.onItem():
		return m.toggle(), nil
	case typed(msg):
		return m.edit(msg)
	case key.Matches(msg, k.Up):
		m.moveTo(m.cursor - 1)
	case key.Matches(msg, k.Down):
		m.moveTo(m.cursor + 1)
	case key.Matches(msg, k.PageUp):
		m.moveTo(m.cursor - maxRows)
	case key.Matches(msg, k.PageDown):
		m.moveTo(m.cursor + maxRows)
	default:
		return m.edit(msg) // cursor keys, backspace, ctrl+w … are the input's
	}
	return m, nil
}

// typed reports a key that is text: it goes to the input even when a binding also has
// it (j and k move in lists, not here).
func typed(msg tea.KeyPressMsg) bool {
	return msg.Text != "" && !msg.Mod.Contains(tea.ModCtrl) && !msg.Mod.Contains(tea.ModAlt)
}

// edit gives msg to the input and filters again if the text changed.
func (m Model) edit(msg tea.Msg) (shared.Overlay, tea.Cmd) {
	before := m.input.Value()
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if m.input.Value() != before {
		m.err = ""
		m.refilter()
	}
	return m, cmd
}

// rows is the number of rows: the matching items, then the create row.
func (m *Model) rows() int {
	n := len(m.shown)
	if m.create != "" {
		n++
	}
	return n
}

// onItem reports that the cursor is on an item (not on the create row or nothing).
func (m *Model) onItem() bool { return m.cursor >= 0 && m.cursor < len(m.shown) }

func (m *Model) moveTo(i int) {
	m.cursor = max(0, min(i, m.rows()-1))
	switch {
	case m.cursor < m.offset:
		m.offset = m.cursor
	case m.cursor >= m.offset+maxRows:
		m.offset = m.cursor - maxRows + 1
	}
}

// refilter ranks the items against the text: pinned-to-top first, then by score (ties:
// the shorter label, then the given order), then pinned-to-bottom. With no text the
// given order stands.
func (m *Model) refilter() {
	text := m.input.Value()
	m.shown = m.shown[:0:0]
	exact := false
	for i, it := range m.items {
		score, pos, ok := Match(text, it.Label)
		if !ok {
			continue
		}
		m.shown = append(m.shown, ranked{item: i, score: score, positions: pos})
		exact = exact || strings.EqualFold(strings.TrimSpace(text), it.Label)
	}
	group := func(r ranked) int {
		switch m.items[r.item].Pin {
		case PinTop:
			return 0
		case PinBottom:
			return 2
		}
		return 1
	}
	slices.SortStableFunc(m.shown, func(a, b ranked) int {
		if c := cmp.Compare(group(a), group(b)); c != 0 || text == "" {
			return c
		}
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(len([]rune(m.items[a.item].Label)), len([]rune(m.items[b.item].Label)))
	})
	m.create = ""
	if trimmed := strings.TrimSpace(text); m.opts.Create != nil && trimmed != "" && !exact {
		m.create = sanitize.Line(trimmed)
	}
	m.preview = ""
	if m.opts.AcceptText && m.opts.FreeText != nil && len(m.shown) == 0 && strings.TrimSpace(text) != "" {
		if p, err := m.opts.FreeText(text); err == nil {
			m.preview = sanitize.Line(p)
		}
	}
	m.cursor, m.offset = 0, 0
}

// enter chooses the row under the cursor, or takes the typed text when nothing matches.
func (m Model) enter() (shared.Overlay, tea.Cmd) {
	text := m.input.Value()
	onCreate := m.create != "" && m.cursor == len(m.shown)
	if m.opts.Multi {
		if onCreate {
			return m.finish(m.multiResult(Result{Create: m.create}))
		}
		if !m.toggled && m.onItem() {
			m.checked = slices.Clone(m.checked)
			m.checked[m.shown[m.cursor].item] = true
		}
		if m.onItem() || m.toggled || strings.TrimSpace(text) == "" {
			return m.finish(m.multiResult(Result{}))
		}
		m.err = "Nothing matches “" + sanitize.Line(strings.TrimSpace(text)) + "”"
		return m, nil
	}
	trimmed := strings.TrimSpace(text)
	switch {
	case m.onItem():
		return m.finish(Result{Chosen: []Item{m.items[m.shown[m.cursor].item]}})
	case onCreate:
		return m.finish(Result{Create: m.create})
	case !m.opts.AcceptText || (trimmed == "" && !m.opts.AllowEmpty):
		if trimmed != "" {
			m.err = "Nothing matches “" + sanitize.Line(trimmed) + "”"
		}
		return m, nil
	}
	if trimmed != "" && m.opts.FreeText != nil {
		if _, err := m.opts.FreeText(trimmed); err != nil {
			m.err = sanitize.Line(err.Error())
			return m, nil
		}
	}
	return m.finish(Result{Text: trimmed})
}

// multiResult fills in the checked items and the changes since the picker opened.
func (m *Model) multiResult(r Result) Result {
	for i, it := range m.items {
		switch {
		case m.checked[i]:
			r.Chosen = append(r.Chosen, it)
			if !it.Checked {
				r.Added = append(r.Added, it)
			}
		case it.Checked:
			r.Removed = append(r.Removed, it)
		}
	}
	return r
}

// finish closes the overlay, then delivers the result.
func (m Model) finish(r Result) (shared.Overlay, tea.Cmd) {
	m.done = true
	r.ID = m.opts.ID
	return m, tea.Sequence(shared.Pop, func() tea.Msg { return r })
}
