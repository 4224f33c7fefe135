package articles

import (
	"cmp"
	"html"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

// search is `/`: an input, and the ranked results that replace the tree while it is
// open. Typing searches once the agent pauses (debounce); every search has a generation
// and only the latest one's answer is shown.
type search struct {
	input   textinput.Model
	active  bool   // the results show instead of the tree
	gen     uint64 // the latest query typed
	pending bool
	query   string // what the hits answer
	hits    []Hit
	cursor  int
	offset  int
	err     error
}

// SearchMsg answers the search of generation Gen.
type SearchMsg struct {
	Gen   uint64
	Query string
	Hits  []Hit
	Err   error
}

// searchTick is the pause after a keystroke; a newer keystroke makes it moot.
type searchTick struct{ gen uint64 }

// defaultDebounce is how long typing rests before a search runs.
const defaultDebounce = 200 * time.Millisecond

func newSearchInput(st *theme.Styles) textinput.Model {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = "search articles"
	if st != nil {
		state := textinput.StyleState{Text: st.Text, Placeholder: st.Muted, Suggestion: st.Muted, Prompt: st.Filter}
		s := textinput.Styles{Focused: state, Blurred: state}
		s.Cursor.Color = st.Palette.Accent
		s.Cursor.Blink = false
		in.SetStyles(s)
	}
	return in
}

// openSearch shows the input (and the last results, if any).
func (p *Pane) openSearch() tea.Cmd {
	p.sr.active = true
	p.focus = focusTree
	p.sr.input.SetWidth(max(1, p.treeWidth()-3))
	return p.sr.input.Focus()
}

func (p *Pane) closeSearch() {
	p.sr.input.Blur()
	p.sr.input.SetValue("")
	p.sr = search{input: p.sr.input, gen: p.sr.gen + 1} // an answer on its way is dropped
}

// searchKey handles a key while the input has focus.
func (p Pane) searchKey(msg tea.KeyPressMsg) (Pane, tea.Cmd) {
	k := p.ctx.Keys
	switch {
	case key.Matches(msg, k.Back):
		p.closeSearch()
		return p, nil
	case key.Matches(msg, k.Open):
		p.sr.input.Blur()
		return p.openHit()
	case msg.Text == "" && key.Matches(msg, k.Down): // the arrows; j and k are text here
		p.sr.moveTo(p.sr.cursor+1, p.hitRows())
		return p, nil
	case msg.Text == "" && key.Matches(msg, k.Up):
		p.sr.moveTo(p.sr.cursor-1, p.hitRows())
		return p, nil
	}
	var cmd tea.Cmd
	p.sr.input, cmd = p.sr.input.Update(msg)
	return p, tea.Batch(cmd, p.queryChanged())
}

func (p Pane) searchPaste(msg tea.PasteMsg) (Pane, tea.Cmd) {
	var cmd tea.Cmd
	p.sr.input, cmd = p.sr.input.Update(msg)
	return p, tea.Batch(cmd, p.queryChanged())
}

// queryChanged schedules a search of the input's text after the debounce.
func (p *Pane) queryChanged() tea.Cmd {
	q := strings.TrimSpace(p.sr.input.Value())
	if q == p.sr.query && !p.sr.pending {
		return nil
	}
	p.sr.gen++
	if q == "" {
		p.sr.hits, p.sr.query, p.sr.pending, p.sr.err = nil, "", false, nil
		p.sr.cursor, p.sr.offset = 0, 0
		return nil
	}
	p.sr.pending = true
	gen := p.sr.gen
	if p.debounce <= 0 {
		return p.runSearch(gen)
	}
	return tea.Tick(p.debounce, func(time.Time) tea.Msg { return searchTick{gen: gen} })
}

// runSearch searches the store's full-text index, or without a store the articles
// loaded, for the input's text.
func (p *Pane) runSearch(gen uint64) tea.Cmd {
	q := strings.TrimSpace(p.sr.input.Value())
	if c := p.cache; c != nil {
		return func() tea.Msg {
			hits, err := c.Search(q, searchLimit)
			return SearchMsg{Gen: gen, Query: q, Hits: hits, Err: err}
		}
	}
	arts := p.help.Articles // replaced, never modified, by a reload
	return func() tea.Msg {
		return SearchMsg{Gen: gen, Query: q, Hits: memSearch(arts, q, searchLimit)}
	}
}

func (p Pane) searched(msg SearchMsg) (Pane, tea.Cmd) {
	if msg.Gen != p.sr.gen || !p.sr.active {
		return p, nil // the agent typed on, or closed the search
	}
	p.sr.pending = false
	p.sr.query, p.sr.hits, p.sr.err = msg.Query, msg.Hits, msg.Err
	p.sr.cursor, p.sr.offset = 0, 0
	return p, nil
}

// openHit opens the result under the cursor: from the loaded tree, or from the store
// when the tree has not loaded it.
func (p Pane) openHit() (Pane, tea.Cmd) {
	if p.sr.cursor >= len(p.sr.hits) {
		return p, nil
	}
	return p.openByID(p.sr.hits[p.sr.cursor].ID)
}

// openByID opens an article in the reader: from the loaded tree, or from the store
// when the tree has not loaded it (a search result, the global search's choice).
func (p Pane) openByID(id string) (Pane, tea.Cmd) {
	if a, ok := p.byID[id]; ok {
		cmd := p.openArticle(a)
		return p, cmd
	}
	if p.cache == nil {
		return p, shared.Toast("That article is no longer in the help center")
	}
	c := p.cache
	p.pendingOpen = id
	return p, func() tea.Msg {
		a, ok, err := c.Article(id)
		return storedArticleMsg{id: id, a: a, ok: ok, err: err}
	}
}

// storedArticleMsg is an article read from the store to open it.
type storedArticleMsg struct {
	id  string
	a   models.Article
	ok  bool
	err error
}

func (p Pane) storedArticle(msg storedArticleMsg) (Pane, tea.Cmd) {
	if msg.id != p.pendingOpen {
		return p, nil
	}
	p.pendingOpen = ""
	switch {
	case msg.err != nil:
		return p, shared.ErrorToast("Reading the article: "+msg.err.Error(), nil)
	case !msg.ok:
		return p, shared.Toast("That article is no longer in the help center")
	}
	a := msg.a
	cmd := p.openArticle(&a)
	return p, cmd
}

func (s *search) moveTo(i, rows int) {
	s.cursor = max(0, min(i, len(s.hits)-1))
	per := max(1, rows/hitHeight)
	if s.cursor < s.offset {
		s.offset = s.cursor
	}
	if s.cursor >= s.offset+per {
		s.offset = s.cursor - per + 1
	}
}

// hitHeight is the rows one result takes: its title and its snippet.
const hitHeight = 2

// memSearch is the search without a store: every word of q in an article's title,
// description or text (any language); title matches rank first, then by title. The
// snippet is the text around the first match.
func memSearch(arts []models.Article, q string, limit int) []Hit {
	words := strings.Fields(strings.ToLower(q))
	type scored struct {
		hit   Hit
		score int
	}
	var found []scored
	for i := range arts {
		a := &arts[i]
		var parts []string
		for _, l := range locales(a) {
			c := contentFor(a, l)
			parts = append(parts, c.Title, c.Description, plainText(c.Body))
		}
		text := strings.Join(parts, "\n")
		lower := strings.ToLower(text)
		score := 0
		for _, w := range words {
			if !strings.Contains(lower, w) {
				score = -1
				break
			}
			if strings.Contains(strings.ToLower(a.Title), w) {
				score += 2
			}
		}
		if score < 0 || len(words) == 0 {
			continue
		}
		found = append(found, scored{Hit{ID: string(a.ID), Title: a.Title, Snippet: mark(around(text, lower, words), words)}, score})
	}
	slices.SortStableFunc(found, func(a, b scored) int {
		return cmp.Or(cmp.Compare(b.score, a.score), strings.Compare(a.hit.Title, b.hit.Title))
	})
	out := make([]Hit, 0, min(len(found), limit))
	for _, f := range found[:min(len(found), limit)] {
		out = append(out, f.hit)
	}
	return out
}

var tags = regexp.MustCompile(`<[^>]*>`)

// plainText is an HTML body's text, tags dropped and entities decoded.
func plainText(body string) string {
	return html.UnescapeString(tags.ReplaceAllString(body, " "))
}

// around is the text near the first match outside the title (the title shows already),
// at most about 100 bytes, cut at spaces.
func around(text, lower string, words []string) string {
	skip := strings.IndexByte(lower, '\n') + 1
	at := -1
	for _, w := range words {
		if i := strings.Index(lower[skip:], w); i >= 0 && (at < 0 || skip+i < at) {
			at = skip + i
		}
	}
	if at < 0 {
		at = 0
	}
	from := max(0, at-30)
	for from > 0 && !utf8.RuneStart(text[from]) {
		from++
	}
	if i := strings.IndexAny(text[from:at], " \n"); i >= 0 && from > 0 {
		from += i + 1
	}
	to := min(len(text), at+100)
	for to < len(text) && !utf8.RuneStart(text[to]) {
		to++
	}
	if i := strings.LastIndexAny(text[at:to], " \n"); i > 0 && to < len(text) {
		to = at + i
	}
	s := strings.ReplaceAll(text[from:to], "\n", " ")
	if from > 0 {
		s = "…" + s
	}
	return s
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// mark puts \x01 … \x02 around every case-insensitive occurrence of the words.
func mark(s string, words []string) string {
	lower := strings.ToLower(s)
	if len(lower) != len(s) {
		return s // a case change altered byte offsets: leave it unmarked
	}
	on := make([]bool, len(s))
	for _, w := range words {
		for i := 0; w != "" && i < len(lower); {
			j := strings.Index(lower[i:], w)
			if j < 0 {
				break
			}
			for k := i + j; k < i+j+len(w); k++ {
				on[k] = true
			}
			i += j + len(w)
		}
	}
	var b strings.Builder
	for i := range len(s) {
		if on[i] && (i == 0 || !on[i-1]) {
			b.WriteByte(markOn)
		}
		b.WriteByte(s[i])
		if on[i] && (i == len(s)-1 || !on[i+1]) {
			b.WriteByte(markOff)
		}
	}
	return b.String()
}

// The highlight markers of a snippet (the store's FTS5 snippet() uses the same).
const (
	markOn  = '\x01'
	markOff = '\x02'
)
