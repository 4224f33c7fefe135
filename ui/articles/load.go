package articles

import (
	"context"
	"errors"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/syncer"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// Cache is the offline store as this pane uses it (package store behind it; a test
// may supply another). Every method is called from a command, never from Update.
type Cache interface {
	LoadHelp() (Help, error)
	SaveHelp(Help) error
	Article(id string) (models.Article, bool, error)
	Search(q string, limit int) ([]Hit, error)
}

// Hit is one search result: an article with a snippet whose matches lie between
// \x01 and \x02.
type Hit struct {
	ID      string
	Title   string
	Snippet string
}

// NetMsg answers a network load of the help center (help centers, collections,
// sections, articles). It is dropped unless Req is still the latest load.
type NetMsg struct {
	shared.Loaded[Help]
}

// StoreMsg answers a read of the offline store. It is applied only while no newer
// answer (the network's) has been: the store shows at once, the network refreshes.
// It is no network outcome, so it does not embed shared.Loaded.
type StoreMsg struct {
	Req  uint64
	Help Help
	Err  error
}

// SavedMsg reports the write-back of a network answer to the store.
type SavedMsg struct{ Err error }

// netRetryMsg is what a failed load's toast runs on the retry key.
type netRetryMsg struct{}

var _ shared.Outcome = NetMsg{}

const (
	loadTimeout = 90 * time.Second
	searchLimit = 30
)

// cacheOf is the store of the context as a Cache, or nil without one.
func cacheOf(ctx *shared.Context) Cache {
	if ctx.Store == nil {
		return nil
	}
	return storeCache{ctx.Store}
}

// start shows what the store holds and asks the network for the rest.
func (p *Pane) start() tea.Cmd {
	p.started = true
	var fromStore tea.Cmd
	if p.cache != nil {
		fromStore = p.readStore()
	}
	return tea.Batch(fromStore, p.refresh())
}

// storeChanged re-reads the store after a background sync wrote the help center. A
// pane not started yet reads the store when it starts; a network load in flight is
// newer anyway.
func (p *Pane) storeChanged(msg shared.StoreChangedMsg) tea.Cmd {
	if msg.Resource != syncer.ResArticles || !p.started || p.cache == nil || p.netReq != 0 {
		return nil
	}
	return p.readStore()
}

// readStore reads the help center from the store (an answer newer than what shows).
func (p *Pane) readStore() tea.Cmd {
	req := p.seq.Next()
	p.storeReq = req
	c := p.cache
	return func() tea.Msg {
		h, err := c.LoadHelp()
		return StoreMsg{Req: req, Help: h, Err: err}
	}
}

// refresh loads the whole help center from the API, superseding a load in flight.
func (p *Pane) refresh() tea.Cmd {
	req := p.seq.Next()
	p.netReq = req
	ws := p.ctx.WS
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), loadTimeout)
		defer cancel()
		h, err := fetchHelp(ctx, ws)
		return NetMsg{shared.Loaded[Help]{Req: req, Value: h, Err: err}}
	}
}

// fetchHelp walks every help-center list of the API.
func fetchHelp(ctx context.Context, ws *workspace.Workspace) (Help, error) {
	if ws == nil || ws.API == nil {
		return Help{}, errors.New("no workspace")
	}
	var h Help
	var err error
	if h.Centers, err = ws.API.HelpCenters(ctx); err != nil {
		return Help{}, fmt.Errorf("loading help centers: %w", err)
	}
	if h.Collections, err = collect(ws.API.AllCollections(ctx)); err != nil {
		return Help{}, fmt.Errorf("loading collections: %w", err)
	}
	if h.Sections, err = collect(ws.API.AllSections(ctx)); err != nil {
		return Help{}, fmt.Errorf("loading sections: %w", err)
	}
	if h.Articles, err = collect(ws.API.AllArticles(ctx)); err != nil {
		return Help{}, fmt.Errorf("loading articles: %w", err)
	}
	return h, nil
}

func collect[T any](seq func(yield func(T, error) bool)) ([]T, error) {
	var out []T
	for v, err := range seq {
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// storeLoaded shows the store's help center unless something newer already shows.
func (p Pane) storeLoaded(msg StoreMsg) (Pane, tea.Cmd) {
	if msg.Req != p.storeReq || msg.Req <= p.shown {
		return p, nil
	}
	p.storeReq = 0
	if msg.Err != nil {
		return p, shared.ErrorToast("Reading the offline help center: "+msg.Err.Error(), nil)
	}
	if len(msg.Help.Articles)+len(msg.Help.Collections) == 0 {
		return p, nil // an empty store: wait for the network
	}
	p.shown = msg.Req
	p.setHelp(msg.Help)
	cmd := p.readerFollow()
	return p, cmd
}

// netLoaded shows the API's help center and writes it back to the store.
func (p Pane) netLoaded(msg NetMsg) (Pane, tea.Cmd) {
	if msg.Req != p.netReq {
		return p, nil // stale: a newer load superseded it
	}
	p.netReq = 0
	if msg.Err != nil {
		p.err = msg.Err
		retry := func() tea.Msg { return netRetryMsg{} }
		return p, shared.LoadErrorToast("Loading articles: "+api.Short(msg.Err), msg.Err, retry)
	}
	p.err = nil
	p.shown = msg.Req
	p.storeReq = 0 // a store answer still on its way is older than this
	p.setHelp(msg.Value)
	cmds := []tea.Cmd{p.readerFollow()}
	if p.cache != nil {
		c, h := p.cache, msg.Value
		cmds = append(cmds, func() tea.Msg { return SavedMsg{Err: c.SaveHelp(h)} })
	}
	return p, tea.Batch(cmds...)
}

// setHelp replaces the tree, keeping the expansion and the cursor's node.
func (p *Pane) setHelp(h Help) {
	p.help = h
	p.roots = buildTree(h)
	p.byID = make(map[string]*models.Article, len(h.Articles))
	for _, n := range allArticles(p.roots) {
		p.byID[n.id] = n.article
	}
	p.loaded = true
	p.tree.rebuild(p.roots, p.height())
}

func allArticles(ns []*node) []*node {
	var out []*node
	for _, n := range ns {
		if n.kind == kindArticle {
			out = append(out, n)
		}
		out = append(out, allArticles(n.children)...)
	}
	return out
}
