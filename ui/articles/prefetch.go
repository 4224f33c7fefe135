package articles

import (
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/markdown"
)

// Prefetch: Glamour takes tens of milliseconds for a long article, so the articles the
// agent is likely to open next (the one under the cursor and the ones after it, or
// the ones after the article just opened) are rendered in commands and kept, and
// opening one shows its lines in the same Update. The articles themselves are loaded
// with the help center: prefetching costs no request.

const (
	// articlesAhead: the article under the cursor and the next two.
	articlesAhead = 3
	// renderedCap bounds the bodies kept (a 30 KB article is ~100 KB of lines).
	renderedCap = 24
	// restDelay: how long the tree's cursor rests before prefetching starts.
	restDelay = 150 * time.Millisecond
)

// renderKey is what a rendered body depends on.
type renderKey struct {
	id, locale string
	updated    int64
	width      int
	style      string
}

// prefetch is the pane's prefetch state, shared by pointer by copies of the pane and
// changed only in Update.
type prefetch struct {
	rendered map[renderKey][]string
	order    []renderKey // oldest first, for eviction
	inflight map[renderKey]bool
	gen      uint64 // the latest rest timer
	onRest   bool   // the tree's cursor resting starts prefetches (PrefetchOnRest)
	sent     int    // renders started (tests read it)
}

func newPrefetch() *prefetch {
	return &prefetch{rendered: map[renderKey][]string{}, inflight: map[renderKey]bool{}}
}

// prefetchedMsg is a body rendered ahead of time.
type prefetchedMsg struct {
	key   renderKey
	lines []string
	err   error
}

// restMsg is the tree's cursor having rested for restDelay.
type restMsg struct{ gen uint64 }

// PrefetchOnRest has the pane render the articles around the tree's cursor whenever it
// rests there, not only after an article is opened. The root turns it on; it costs a
// timer per cursor move.
func (p Pane) PrefetchOnRest() Pane {
	p.pf.onRest = true
	return p
}

func (pf *prefetch) get(k renderKey) ([]string, bool) {
	l, ok := pf.rendered[k]
	return l, ok
}

func (pf *prefetch) put(k renderKey, lines []string) {
	if _, ok := pf.rendered[k]; !ok {
		pf.order = append(pf.order, k)
	}
	pf.rendered[k] = lines
	for len(pf.order) > renderedCap {
		delete(pf.rendered, pf.order[0])
		pf.order = slices.Delete(pf.order, 0, 1)
	}
}

// keyFor is what article a renders for in the reader now: the reader's language when a
// has it (show keeps it), else a's default.
func (p *Pane) keyFor(a *models.Article) renderKey {
	locs := locales(a)
	loc := locs[0]
	if cur := p.rd.locale(); slices.Contains(locs, cur) {
		loc = cur
	}
	w, _ := p.readerSize()
	c := contentFor(a, loc)
	return renderKey{id: string(a.ID), locale: loc, updated: c.UpdatedAt, width: w, style: p.ctx.Styles.GlamourStyle()}
}

// cursorMoved starts the rest timer for the tree's cursor, when prefetching on rest.
func (p *Pane) cursorMoved() tea.Cmd {
	p.pf.gen++
	if !p.pf.onRest {
		return nil
	}
	gen := p.pf.gen
	return tea.Tick(restDelay, func(time.Time) tea.Msg { return restMsg{gen: gen} })
}

func (p Pane) rested(msg restMsg) (Pane, tea.Cmd) {
	if msg.gen != p.pf.gen || p.sr.active {
		return p, nil
	}
	cmd := p.prefetchFrom(p.tree.cursor, articlesAhead)
	return p, cmd
}

// prefetchFrom renders up to n articles from tree row i on, skipping groups and what
// is rendered or on its way already.
func (p *Pane) prefetchFrom(i, n int) tea.Cmd {
	w, _ := p.readerSize()
	if w <= 0 || p.ctx.Styles == nil {
		return nil
	}
	var cmds []tea.Cmd
	for ; i < len(p.tree.rows) && n > 0; i++ {
		nd := p.tree.rows[i].n
		if nd.kind != kindArticle || nd.article == nil {
			continue
		}
		n--
		k := p.keyFor(nd.article)
		if _, ok := p.pf.rendered[k]; ok || p.pf.inflight[k] {
			continue
		}
		p.pf.inflight[k] = true
		p.pf.sent++
		body, md := contentFor(nd.article, k.locale).Body, p.md
		cmds = append(cmds, func() tea.Msg {
			lines, err := md.Render(markdown.Key{ID: k.id + "@" + k.locale, UpdatedAt: k.updated}, body, k.width, k.style)
			return prefetchedMsg{key: k, lines: lines, err: err}
		})
	}
	return tea.Batch(cmds...)
}

// prefetchAfterOpen renders the articles after the one just opened.
func (p *Pane) prefetchAfterOpen() tea.Cmd {
	return p.prefetchFrom(p.tree.cursor+1, articlesAhead-1)
}

// prefetched keeps a body rendered ahead; an error is left for opening to report.
func (p Pane) prefetched(msg prefetchedMsg) (Pane, tea.Cmd) {
	delete(p.pf.inflight, msg.key)
	if msg.err == nil {
		p.pf.put(msg.key, msg.lines)
	}
	return p, nil
}
