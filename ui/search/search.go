// Package search is the global search (ctrl+f): an overlay with an input over the
// offline store's full-text index of articles and cached conversations, ranked by
// bm25, each result with a snippet whose matches are highlighted. It reads only the
// store, so it works offline; enter opens the result in its pane.
package search

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/store"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// Searcher is what the overlay queries: the store (its Search method).
type Searcher interface {
	Search(q string, limit int) ([]store.Hit, error)
}

// NoStore is the line shown when nothing is stored offline.
const NoStore = "Nothing is stored offline yet: run intercom-tui sync"

const (
	defaultDebounce = 200 * time.Millisecond
	limit           = 30  // results asked of the store
	maxWidth        = 100 // the box's widest
	maxShown        = 8   // results on screen at once
	hitHeight       = 2   // a result's rows: kind and title, then the snippet
)

// Overlay is the global search box.
type Overlay struct {
	ctx      *shared.Context
	src      Searcher // nil: nothing stored offline
	input    textinput.Model
	debounce time.Duration

	gen     uint64 // the latest query typed
	pending bool   // a search of gen is due or running
	query   string // what hits answer
	hits    []store.Hit
	err     error
	cursor  int
	offset  int
}

// ResultMsg answers the search of generation Gen; an older generation's is dropped.
type ResultMsg struct {
	Gen   uint64
	Query string
	Hits  []store.Hit
	Err   error
}

// tickMsg is the pause after a keystroke; a newer keystroke makes it moot.
type tickMsg struct{ gen uint64 }

// New is the overlay over ctx.Store (nil: it says nothing is stored offline).
func New(ctx *shared.Context) Overlay {
	var src Searcher
	if ctx.Store != nil {
		src = ctx.Store
	}
	return newOverlay(ctx, src, defaultDebounce)
}

func newOverlay(ctx *shared.Context, src Searcher, debounce time.Duration) Overlay {
	in := textinput.New()
	in.Prompt = "⌕ "
	in.Placeholder = "search articles and conversations"
	if st := ctx.Styles; st != nil {
		state := textinput.StyleState{Text: st.Text, Placeholder: st.Muted, Suggestion: st.Muted, Prompt: st.Filter}
		s := textinput.Styles{Focused: state, Blurred: state}
		s.Cursor.Color = st.Palette.Accent
		s.Cursor.Blink = false
		in.SetStyles(s)
	}
	in.Focus()
	return Overlay{ctx: ctx, src: src, input: in, debounce: debounce}
}

// Update handles keys, pastes, the debounce tick and the store's answers.
func (o Overlay) Update(msg tea.Msg) (shared.Overlay, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return o.key(msg)
	case tea.PasteMsg:
		var cmd tea.Cmd
		o.input, cmd = o.input.Update(msg)
		return o, tea.Batch(cmd, o.changed())
	case tickMsg:
		if msg.gen == o.gen && o.pending {
			return o, o.run()
		}
	case ResultMsg:
		if msg.Gen != o.gen {
			return o, nil // the agent typed on
		}
		o.pending = false
		o.query, o.hits, o.err = msg.Query, msg.Hits, msg.Err
		o.cursor, o.offset = 0, 0
	}
	return o, nil
}

func (o Overlay) key(msg tea.KeyPressMsg) (shared.Overlay, tea.Cmd) {
	k := o.ctx.Keys
	switch {
	case key.Matches(msg, k.Back, k.GlobalSearch):
		o.gen++ // an answer on its way finds nothing to change
		return o, shared.Pop
	case key.Matches(msg, k.Open):
		if open := o.Selected(); open != nil {
			return o, tea.Sequence(shared.Pop, func() tea.Msg { return open })
		}
		return o, nil
	case msg.Text == "" && key.Matches(msg, k.Down): // the arrows; j and k are text here
		o.moveTo(o.cursor + 1)
		return o, nil
	case msg.Text == "" && key.Matches(msg, k.Up):
		o.moveTo(o.cursor - 1)
		return o, nil
	}
	var cmd tea.Cmd
	o.input, cmd = o.input.Update(msg)
	return o, tea.Batch(cmd, o.changed())
}

// Selected is the message that opens the result under the cursor, or nil.
func (o Overlay) Selected() tea.Msg {
	if o.cursor >= len(o.hits) {
		return nil
	}
	h := o.hits[o.cursor]
	if h.Kind == store.KindArticle {
		return shared.OpenArticleMsg{ID: h.ID}
	}
	return shared.OpenConversationMsg{ID: h.ID}
}

// Hits are the results shown, best first.
func (o Overlay) Hits() []store.Hit { return o.hits }

// changed schedules a search of the input's text after the debounce.
func (o *Overlay) changed() tea.Cmd {
	q := strings.TrimSpace(o.input.Value())
	if o.src == nil || (q == o.query && !o.pending) {
		return nil
	}
	o.gen++
	if q == "" {
		o.hits, o.query, o.pending, o.err = nil, "", false, nil
		o.cursor, o.offset = 0, 0
		return nil
	}
	o.pending = true
	gen := o.gen
	if o.debounce <= 0 {
		return o.run()
	}
	return tea.Tick(o.debounce, func(time.Time) tea.Msg { return tickMsg{gen: gen} })
}

// run queries the store in a command.
func (o Overlay) run() tea.Cmd {
	q, gen, src := strings.TrimSpace(o.input.Value()), o.gen, o.src
	return func() tea.Msg {
		hits, err := src.Search(q, limit)
		return ResultMsg{Gen: gen, Query: q, Hits: hits, Err: err}
	}
}

func (o *Overlay) moveTo(i int) {
	o.cursor = max(0, min(i, len(o.hits)-1))
	if o.cursor < o.offset {
		o.offset = o.cursor
	}
	if o.cursor >= o.offset+maxShown {
		o.offset = o.cursor - maxShown + 1
	}
}

// View draws the box: the input, a status line, the results, the keys.
func (o Overlay) View(width, height int) string {
	st := o.ctx.Styles
	frameW, frameH := st.HelpBox.GetHorizontalFrameSize(), st.HelpBox.GetVerticalFrameSize()
	inner := min(width, maxWidth) - frameW
	if inner < 10 || height-frameH < 3 {
		return ""
	}
	shown := max(0, min(maxShown, (height-frameH-3)/hitHeight))
	o.input.SetWidth(max(1, inner-ansi.StringWidth(o.input.Prompt)-1))
	lines := []string{o.input.View(), o.status()}
	for i := o.offset; i < len(o.hits) && i < o.offset+shown; i++ {
		lines = append(lines, o.row(o.hits[i], i == o.cursor, inner)...)
	}
	for len(lines) < 2+shown*hitHeight {
		lines = append(lines, "")
	}
	k := o.ctx.Keys
	lines = append(lines, st.Muted.Render(fmt.Sprintf("↑↓ move · %s open · %s close",
		k.Open.Help().Key, k.Back.Help().Key)))
	for i, l := range lines {
		lines[i] = textfmt.FitWidth(l, inner)
	}
	return st.HelpBox.Render(strings.Join(lines, "\n"))
}

// status says what the results are, or why there are none.
func (o Overlay) status() string {
	st := o.ctx.Styles
	q := strings.TrimSpace(o.input.Value())
	switch {
	case o.src == nil:
		return st.Error.Render(NoStore)
	case o.pending:
		return st.Muted.Render("Searching…")
	case o.err != nil:
		return st.Error.Render("Search failed: " + textfmt.Line(o.err.Error()))
	case q == "":
		return st.Muted.Render("Type to search the articles and conversations stored offline")
	case len(o.hits) == 0:
		return st.Empty.Render(fmt.Sprintf("Nothing stored offline matches %q", textfmt.Line(o.query)))
	case len(o.hits) == 1:
		return st.Muted.Render("1 result")
	}
	return st.Muted.Render(fmt.Sprintf("%d results", len(o.hits)))
}

// row is a result's two lines: cursor, kind and title; the snippet below.
func (o Overlay) row(h store.Hit, selected bool, w int) []string {
	st := o.ctx.Styles
	mark, title := "  ", st.Text
	if selected {
		mark, title = st.Title.Render("▸ "), st.Bold
	}
	kind := "💬 conversation"
	if h.Kind == store.KindArticle {
		kind = "📄 article"
	}
	t := textfmt.Line(h.Title)
	if t == "" {
		t = "(untitled)"
	}
	head := mark + st.Muted.Render(textfmt.Cell(kind, 16)) + " " + title.Render(t)
	return []string{textfmt.FitWidth(head, w), "    " + Snippet(st.Title, st.Muted, h.Snippet, w-4)}
}
