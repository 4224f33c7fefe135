// Package articles is the Articles tab: the help center as a tree (help centers →
// collections → sections → articles) with draft and published badges and counts, a
// reader that renders an article's HTML with glamour at its width in any of its
// languages, full-text search (the offline store's FTS5 index, or the loaded articles
// without a store), and the article's link opened in the browser or copied.
//
// Read-through: with a store, what it holds shows at once; the API's answer then
// replaces it and is written back.
package articles

import (
	"math"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/markdown"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

type focus int

const (
	focusTree focus = iota
	focusReader
)

// Pane is the articles tab.
type Pane struct {
	ctx    *shared.Context
	cache  Cache // nil: network only
	md     *markdown.Renderer
	opener Opener

	seq      shared.Seq
	started  bool
	netReq   uint64 // the network load in flight, 0 when none
	storeReq uint64 // the store read in flight, 0 when none
	shown    uint64 // the request whose answer shows: an older one is never applied
	loaded   bool
	err      error // the last network load failed

	help  Help
	roots []*node
	byID  map[string]*models.Article
	tree  treeView

	rd          reader
	focus       focus
	sr          search
	debounce    time.Duration
	pendingOpen string    // an article being read from the store to open it
	pf          *prefetch // bodies rendered ahead of the cursor (prefetch.go)

	width, h int
}

// New builds the pane. Nothing loads until it is first shown (ActivatedMsg).
func New(ctx *shared.Context) Pane {
	return Pane{ctx: ctx, cache: cacheOf(ctx), md: markdown.New(), opener: SystemOpener,
		sr: search{input: newSearchInput(ctx.Styles)}, debounce: defaultDebounce, pf: newPrefetch()}
}

// Title is the tab's name.
func (p Pane) Title() string { return "Articles" }

// Init starts nothing: the help center loads when the tab is first shown.
func (p Pane) Init() tea.Cmd { return nil }

// Busy reports a load, a render or a search in flight.
func (p Pane) Busy() bool {
	return p.netReq != 0 || p.storeReq != 0 || p.rd.pending || p.sr.pending || p.pendingOpen != ""
}

// Capturing reports that the search input has focus: every key is text for it.
func (p Pane) Capturing() bool { return p.sr.input.Focused() }

// Update handles one message. When the theme changed under an open article (the root
// swaps Styles on the terminal's background report), its body is rendered again in
// the new style.
func (p Pane) Update(msg tea.Msg) (Pane, tea.Cmd) {
	p, cmd := p.update(msg)
	if p.rd.open() && !p.rd.pending && p.rd.style != p.ctx.Styles.GlamourStyle() {
		cmd = tea.Batch(cmd, p.render())
	}
	return p, cmd
}

func (p Pane) update(msg tea.Msg) (Pane, tea.Cmd) {
	switch msg := msg.(type) {
	case shared.ActivatedMsg:
		if !p.started {
			cmd := p.start()
			return p, cmd
		}
	case shared.SizeMsg:
		return p.resize(msg.Width, msg.Height)
	case shared.OpenArticleMsg:
		return p.openByID(msg.ID)
	case tea.KeyPressMsg:
		if !p.started {
			cmd := p.start()
			next, kcmd := p.key(msg)
			return next, tea.Batch(cmd, kcmd)
		}
		return p.key(msg)
	case tea.MouseClickMsg:
		return p.click(msg)
	case tea.MouseWheelMsg:
		return p.wheel(msg)
	case tea.PasteMsg:
		if p.sr.input.Focused() {
			return p.searchPaste(msg)
		}
	case StoreMsg:
		return p.storeLoaded(msg)
	case shared.StoreChangedMsg:
		cmd := p.storeChanged(msg)
		return p, cmd
	case NetMsg:
		return p.netLoaded(msg)
	case netRetryMsg:
		if p.netReq == 0 {
			cmd := p.refresh()
			return p, cmd
		}
	case SavedMsg:
		if msg.Err != nil {
			return p, shared.ErrorToast("Saving articles offline: "+msg.Err.Error(), nil)
		}
	case RenderedMsg:
		return p.rendered(msg)
	case prefetchedMsg:
		return p.prefetched(msg)
	case restMsg:
		return p.rested(msg)
	case searchTick:
		if msg.gen == p.sr.gen && p.sr.pending {
			cmd := p.runSearch(msg.gen)
			return p, cmd
		}
	case SearchMsg:
		return p.searched(msg)
	case storedArticleMsg:
		return p.storedArticle(msg)
	case openedMsg:
		return p.opened(msg)
	}
	return p, nil
}

func (p Pane) resize(width, height int) (Pane, tea.Cmd) {
	p.width, p.h = max(0, width), max(0, height)
	p.tree.moveTo(p.tree.cursor, p.height())
	p.sr.moveTo(p.sr.cursor, p.hitRows())
	p.sr.input.SetWidth(max(1, p.treeWidth()-3))
	if w, _ := p.readerSize(); p.rd.open() && w != p.rd.width {
		cmd := p.render()
		return p, cmd
	}
	p.rd.scrollTo(p.rd.offset, p.bodyHeight())
	return p, nil
}

// key routes a key: the search input while typing, the reader when it has focus, else
// the tree (or the search results).
func (p Pane) key(msg tea.KeyPressMsg) (Pane, tea.Cmd) {
	k := p.ctx.Keys
	if p.sr.input.Focused() {
		return p.searchKey(msg)
	}
	switch {
	case key.Matches(msg, k.Filter):
		cmd := p.openSearch()
		return p, cmd
	case key.Matches(msg, k.Refresh):
		if p.netReq == 0 {
			cmd := p.refresh()
			return p, cmd
		}
		return p, nil
	case key.Matches(msg, k.OpenURL):
		cmd := p.openURL()
		return p, cmd
	case key.Matches(msg, k.Copy):
		cmd := p.copyURL()
		return p, cmd
	}
	if p.focus == focusReader {
		return p.readerKey(msg)
	}
	if key.Matches(msg, k.ScrollDown, k.ScrollUp) && p.split() {
		return p.readerKey(msg)
	}
	if p.sr.active {
		return p.resultsKey(msg)
	}
	return p.treeKey(msg)
}

func (p Pane) treeKey(msg tea.KeyPressMsg) (Pane, tea.Cmd) {
	k := p.ctx.Keys
	h := p.height()
	t := &p.tree
	before := t.cursor
	switch {
	case key.Matches(msg, k.Down):
		t.moveTo(t.cursor+1, h)
	case key.Matches(msg, k.Up):
		t.moveTo(t.cursor-1, h)
	case key.Matches(msg, k.PageDown):
		t.moveTo(t.cursor+h, h)
	case key.Matches(msg, k.PageUp):
		t.moveTo(t.cursor-h, h)
	case key.Matches(msg, k.Top):
		t.moveTo(0, h)
	case key.Matches(msg, k.Bottom):
		t.moveTo(math.MaxInt, h)
	case key.Matches(msg, k.Collapse):
		t.setExpanded(false, h)
	case key.Matches(msg, k.Expand):
		if n := t.selected(); n != nil && n.group() {
			t.setExpanded(true, h)
		}
	case key.Matches(msg, k.Open):
		n := t.selected()
		switch {
		case n == nil:
		case n.group():
			t.setExpanded(!t.isExpanded(n), h)
		default:
			cmd := p.openArticle(n.article)
			return p, cmd
		}
	case key.Matches(msg, k.Back) && p.rd.open() && p.split():
		p.rd = reader{gen: p.rd.gen + 1} // close the reader beside the tree
	}
	if t.cursor != before {
		cmd := p.cursorMoved()
		return p, cmd
	}
	return p, nil
}

func (p Pane) resultsKey(msg tea.KeyPressMsg) (Pane, tea.Cmd) {
	k := p.ctx.Keys
	rows := p.hitRows()
	switch {
	case key.Matches(msg, k.Down):
		p.sr.moveTo(p.sr.cursor+1, rows)
	case key.Matches(msg, k.Up):
		p.sr.moveTo(p.sr.cursor-1, rows)
	case key.Matches(msg, k.Top):
		p.sr.moveTo(0, rows)
	case key.Matches(msg, k.Bottom):
		p.sr.moveTo(math.MaxInt, rows)
	case key.Matches(msg, k.Open):
		return p.openHit()
	case key.Matches(msg, k.Back):
		p.closeSearch()
	}
	return p, nil
}

func (p Pane) readerKey(msg tea.KeyPressMsg) (Pane, tea.Cmd) {
	k := p.ctx.Keys
	bh := p.bodyHeight()
	r := &p.rd
	switch {
	case key.Matches(msg, k.Down, k.ScrollDown):
		r.scrollTo(r.offset+1, bh)
	case key.Matches(msg, k.Up, k.ScrollUp):
		r.scrollTo(r.offset-1, bh)
	case key.Matches(msg, k.PageDown):
		r.scrollTo(r.offset+max(1, bh-1), bh)
	case key.Matches(msg, k.PageUp):
		r.scrollTo(r.offset-max(1, bh-1), bh)
	case key.Matches(msg, k.Top):
		r.scrollTo(0, bh)
	case key.Matches(msg, k.Bottom):
		r.scrollTo(math.MaxInt, bh)
	case key.Matches(msg, k.Locale):
		cmd := p.nextLocale()
		return p, cmd
	case key.Matches(msg, k.Back):
		p.focus = focusTree
	}
	return p, nil
}

// openArticle shows an article in the reader and gives the reader focus; the tree
// moves to it.
func (p *Pane) openArticle(a *models.Article) tea.Cmd {
	p.focus = focusReader
	p.tree.reveal((&node{kind: kindArticle, id: string(a.ID)}).key(), p.height())
	show := p.show(a)
	return tea.Batch(show, p.prefetchAfterOpen())
}

// Help is the short list of keys for the footer.
func (p Pane) Help() []key.Binding {
	k := p.ctx.Keys
	switch {
	case p.sr.input.Focused():
		return []key.Binding{relabel(k.Open, "open"), relabel(k.Back, "close search")}
	case p.focus == focusReader:
		return []key.Binding{k.Down, k.Up, k.PageDown, k.Locale, k.OpenURL, k.Copy, relabel(k.Back, "articles")}
	case p.sr.active:
		return []key.Binding{k.Down, k.Up, k.Open, k.Filter, relabel(k.Back, "close search")}
	}
	return []key.Binding{k.Down, k.Up, k.Open, k.Expand, k.Collapse, relabel(k.Filter, "search"), k.OpenURL, k.Copy, k.Refresh}
}

// relabel is a binding with the same keys and another description.
func relabel(b key.Binding, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, desc))
}
