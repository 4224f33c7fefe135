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

	"github.com/intercom-tui/intercom-tui/models"
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
	src      Searcher      // nil: nothing stored offline
	chooser  bool          // articles only (NewArticles): enter chooses the article
	pick     ArticleSource // where the chooser reads the chosen article (nil: no store)
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

// ArticleSource is what the article chooser reads: the store.
type ArticleSource interface {
	SearchArticles(q string, limit int) ([]store.Hit, error)
	Article(id string) (models.Article, error)
}

// NoHelpCenter is the line the article chooser shows when nothing is stored offline.
const NoHelpCenter = "No offline help center yet: run intercom-tui sync"

// ArticleChosenMsg is the article chosen in NewArticles' overlay, after it closed:
// its id, title and URL as stored (remote text: sanitize before use), or Err when it
// could not be read.
type ArticleChosenMsg struct {
	ID, Title, URL string
	Err            error
}

// articles adapts an ArticleSource to a Searcher of articles only.
type articles struct{ ArticleSource }

func (a articles) Search(q string, limit int) ([]store.Hit, error) { return a.SearchArticles(q, limit) }

// NewArticles is the search in articles-only mode over ctx.Store: enter closes it and
// answers with an ArticleChosenMsg (to the overlay below, the composer); esc closes it.
func NewArticles(ctx *shared.Context) Overlay {
	var src ArticleSource
	if ctx.Store != nil {
		src = ctx.Store
	}
	return newArticles(ctx, src, defaultDebounce)
}

func newArticles(ctx *shared.Context, src ArticleSource, debounce time.Duration) Overlay {
	var s Searcher
	if src != nil {
		s = articles{src}
	}
	o := newOverlay(ctx, s, debounce)
	o.chooser, o.pick = true, src
	o.input.Placeholder = "search the help center"
	return o
}

// choose is the command that reads the chosen article's URL (I/O: in a command).
func (o Overlay) choose(h store.Hit) tea.Cmd {
	src := o.pick
	return func() tea.Msg {
		a, err := src.Article(h.ID)
		if err != nil {
			return ArticleChosenMsg{ID: h.ID, Title: h.Title, Err: err}
		}
		title := a.Title
		if title == "" {
			title = h.Title
		}
		return ArticleChosenMsg{ID: h.ID, Title: title, URL: string(a.URL)}
	}
}

func newOverlay(ctx *shared.Context, src Searcher, debounce time.Duration) Overlay {
	in := textinput.New()
	in.Prompt = "> "
	in.Placeholder = "search articles and conversations"
	if st := ctx.Styles; st != nil {
		in.Prompt = st.Icons.Search + " "
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
	case shared.BoxClick:
		return o.click(msg)
	case tea.MouseWheelMsg:
		return o.wheel(msg), nil
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
		return o.open()
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

// open acts on the result under the cursor (enter, or a second click on it): the
// chooser closes and answers with the article; the search closes and opens the result
// in its pane.
func (o Overlay) open() (shared.Overlay, tea.Cmd) {
	switch {
	case o.chooser && o.pick != nil && o.cursor < len(o.hits):
		o.gen++
		return o, tea.Sequence(shared.Pop, o.choose(o.hits[o.cursor]))
	case o.chooser:
		return o, nil
	}
	if open := o.Selected(); open != nil {
		return o, tea.Sequence(shared.Pop, func() tea.Msg { return open })
	}
	return o, nil
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
	inner, shown, ok := o.layout(width, height)
	if !ok {
		return ""
	}
	o.input.SetWidth(max(1, inner-ansi.StringWidth(o.input.Prompt)-1))
	lines := []string{o.input.View(), o.status()}
	for i := o.offset; i < len(o.hits) && i < o.offset+shown; i++ {
		lines = append(lines, o.row(o.hits[i], i == o.cursor, inner)...)
	}
	for len(lines) < 2+shown*hitHeight {
		lines = append(lines, "")
	}
	k := o.ctx.Keys
	verb := "open"
	if o.chooser {
		verb = "insert link"
	}
	lines = append(lines, st.Muted.Render(fmt.Sprintf("↑↓ move · %s %s · %s close",
		k.Open.Help().Key, verb, k.Back.Help().Key)))
	for i, l := range lines {
		lines[i] = textfmt.FitWidth(l, inner)
	}
	return st.HelpBox.Render(strings.Join(lines, "\n"))
}

// layout is the box's inner width and how many results it shows in an area width ×
// height, or !ok when the box does not fit (View draws nothing). View and click both
// use it, so a click finds the result drawn under it.
func (o Overlay) layout(width, height int) (inner, shown int, ok bool) {
	st := o.ctx.Styles
	frameW, frameH := st.HelpBox.GetHorizontalFrameSize(), st.HelpBox.GetVerticalFrameSize()
	inner = min(width, maxWidth) - frameW
	if inner < 10 || height-frameH < 3 {
		return 0, 0, false
	}
	return inner, max(0, min(maxShown, (height-frameH-3)/hitHeight)), true
}

// status says what the results are, or why there are none.
func (o Overlay) status() string {
	st := o.ctx.Styles
	q := strings.TrimSpace(o.input.Value())
	switch {
	case o.src == nil && o.isArticles():
		return st.Error.Render(NoHelpCenter)
	case o.src == nil:
		return st.Error.Render(NoStore)
	case o.pending:
		return st.Muted.Render("Searching…")
	case o.err != nil:
		return st.Error.Render("Search failed: " + textfmt.Line(o.err.Error()))
	case q == "" && o.isArticles():
		return st.Muted.Render("Type to search the help center articles stored offline")
	case q == "":
		return st.Muted.Render("Type to search the articles and conversations stored offline")
	case len(o.hits) == 0:
		return st.Empty.Render(fmt.Sprintf("Nothing stored offline matches %q", textfmt.Line(o.query)))
	case len(o.hits) == 1:
		return st.Muted.Render("1 result")
	}
	return st.Muted.Render(fmt.Sprintf("%d results", len(o.hits)))
}

// isArticles reports the articles-only mode (NewArticles), with or without a store.
func (o Overlay) isArticles() bool { return o.chooser }

// row is a result's two lines: cursor, kind and title; the snippet below.
func (o Overlay) row(h store.Hit, selected bool, w int) []string {
	st := o.ctx.Styles
	mark, title := "  ", st.Text
	if selected {
		mark, title = st.Title.Render(st.Icons.Pointer+" "), st.Bold
	}
	kind := st.Icons.Conversation + " conversation"
	if h.Kind == store.KindArticle {
		kind = st.Icons.Article + " article"
	}
	t := textfmt.Line(h.Title)
	if t == "" {
		t = "(untitled)"
	}
	head := mark + st.Muted.Render(textfmt.Cell(kind, 16)) + " " + title.Render(t)
	return []string{textfmt.FitWidth(head, w), "    " + Snippet(st.Title, st.Muted, h.Snippet, w-4)}
}
