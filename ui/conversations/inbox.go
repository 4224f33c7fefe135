package conversations

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// PageMsg answers one search of an inbox view: its first page (which replaces the head
// of the list) or its next page (appended). It is dropped unless Req is still the latest
// request of that view.
type PageMsg struct {
	shared.Loaded[api.Page[models.Conversation]]
	View string    // the view's key
	More bool      // the next page, not the first
	Now  time.Time // read by the command, for the waiting times
}

// The root reads every answer's outcome (online indicator, last error) before routing it.
var _ shared.Outcome = PageMsg{}

// RefreshTickMsg is the auto-refresh timer. Every refresh restarts the timer with a new
// generation, so a tick of an older one is ignored.
type RefreshTickMsg struct {
	Gen uint64
	Now time.Time
}

// pageRetryMsg is what a failed load's toast runs on the retry key: Update sends it again
// (with a new request number, which a command cannot hand out).
type pageRetryMsg struct {
	view string
	more bool
}

const (
	// searchMaxPerPage is Intercom's cap on per_page for a conversation search.
	searchMaxPerPage = 150
	// searchTimeout bounds one search, retries included, so a stuck load ends in an error.
	searchTimeout = 90 * time.Second
)

// inboxView is one inbox view with its rows and where its loading stands.
type inboxView struct {
	def     viewDef
	list    rowList
	loaded  bool   // a first page has answered
	total   int    // total_count of the last answer
	next    string // the next page's cursor, "" at the end
	req     uint64 // the latest request; an answer to any other is stale
	pending bool   // that request is in flight
	more    bool   // … and it asks for the next page
	err     error  // the last load failed (rows already loaded stay)

	// Read-through (cache.go): rows from the offline store show until a first page
	// from the network replaces them.
	storeReq  uint64 // the latest store read; an answer to any other is stale
	stored    bool   // the rows shown came from the store
	storeNote string // what the view bar says of them ("saved 14:05")
}

func (p *Pane) viewByKey(key string) *inboxView {
	for _, v := range p.views {
		if v.def.key == key {
			return v
		}
	}
	return nil
}

func (p *Pane) pageSize() int {
	n := p.ctx.Settings.PageSize
	if n <= 0 {
		n = shared.DefaultSettings().PageSize
	}
	return min(n, searchMaxPerPage)
}

// load asks for a view's first page (more=false) or its next one. It supersedes any
// request of that view still in flight: that one's answer will be dropped.
func (p *Pane) load(v *inboxView, more bool) tea.Cmd {
	req := p.seq.Next()
	v.req, v.pending, v.more = req, true, more
	perPage, cursor := p.pageSize(), ""
	if more {
		// Pages after the first are Intercom's largest: scrolling costs one request per
		// 150 rows, asked for a screen ahead of the cursor (maybeMore). The first page
		// stays as configured, so the first screen comes back quickly.
		perPage, cursor = searchMaxPerPage, v.next
	} else {
		// A refresh re-reads as much as one request allows of what is loaded, so an
		// agent within the first 150 rows keeps exactly their place.
		perPage = max(perPage, min(len(v.list.rows), searchMaxPerPage))
	}
	ws, st, q, key, now := p.ctx.WS, p.ctx.Store, v.def.query, v.def.key, p.clock()
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), searchTimeout)
		defer cancel()
		page, err := ws.API.SearchConversations(ctx, q, perPage, cursor)
		at := now()
		if err == nil {
			savePage(st, key, page, more, at)
		}
		return PageMsg{
			Loaded: shared.Loaded[api.Page[models.Conversation]]{Req: req, Value: page, Err: err},
			View:   key, More: more, Now: at,
		}
	}
}

func (p *Pane) clock() func() time.Time {
	if p.ctx.Now != nil {
		return p.ctx.Now
	}
	return time.Now
}

// refresh reloads the view's first page and restarts the auto-refresh timer.
func (p *Pane) refresh(v *inboxView) tea.Cmd {
	return tea.Batch(p.load(v, false), p.scheduleTick())
}

// scheduleTick starts a new auto-refresh timer generation (nil when it is off).
func (p *Pane) scheduleTick() tea.Cmd {
	p.tickGen++
	return refreshTickCmd(p.ctx.Settings.RefreshInterval, p.tickGen, p.clock())
}

func refreshTickCmd(every time.Duration, gen uint64, now func() time.Time) tea.Cmd {
	if every <= 0 {
		return nil
	}
	return tea.Tick(every, func(time.Time) tea.Msg { return RefreshTickMsg{Gen: gen, Now: now()} })
}

// pageLoaded applies an answer if it is still the latest of its view.
func (p Pane) pageLoaded(msg PageMsg) (Pane, tea.Cmd) {
	v := p.viewByKey(msg.View)
	if v == nil || msg.Req != v.req {
		return p, nil // stale: a newer request of this view superseded it
	}
	v.pending = false
	if !msg.Now.IsZero() {
		p.now = msg.Now.Unix()
	}
	if msg.Err != nil {
		v.err = msg.Err
		key, more := v.def.key, msg.More
		retry := func() tea.Msg { return pageRetryMsg{view: key, more: more} }
		return p, shared.LoadErrorToast("Loading "+v.def.name+": "+loadErrorText(msg.Err), msg.Err, retry)
	}
	v.err = nil
	page := msg.Value
	rows := make([]convRow, len(page.Items))
	for i := range page.Items {
		rows[i] = newConvRow(&page.Items[i], p.dir)
	}
	v.total = page.TotalCount
	p.barGen++ // the view bar shows the new count
	switch {
	case msg.More:
		v.list.append(rows)
		v.next = page.Next
	case v.stored:
		// The store's rows are not pages of this search: the first page replaces them
		// all, and paging starts from it. A cursor the agent moved stays on its
		// conversation; one at the top stays at the top.
		top := v.list.cursor == 0
		v.list.refresh(rows, true, p.listHeight())
		if top {
			v.list.moveTo(0, p.listHeight())
		}
		v.next = page.Next
	default:
		if !v.list.refresh(rows, page.Next == "", p.listHeight()) {
			v.next = page.Next
		}
	}
	var rang tea.Cmd
	if !msg.More {
		v.loaded, v.stored, v.storeNote, v.storeReq = true, false, "", 0
		rang = p.watchAnswer(v, page.Items)
	}
	if v != p.activeView() {
		return p, rang
	}
	cmd := p.previewNow()
	return p, tea.Batch(cmd, rang)
}

// retry sends a failed load again, unless something newer is already in flight.
func (p Pane) retry(msg pageRetryMsg) (Pane, tea.Cmd) {
	v := p.viewByKey(msg.view)
	if v == nil || v.pending {
		return p, nil
	}
	if msg.more && v.next != "" {
		cmd := p.load(v, true)
		return p, cmd
	}
	cmd := p.refresh(v)
	return p, cmd
}

// tick refreshes the active view when the timer is still the current one.
func (p Pane) tick(msg RefreshTickMsg) (Pane, tea.Cmd) {
	if msg.Gen != p.tickGen {
		return p, nil
	}
	if !msg.Now.IsZero() {
		p.now = msg.Now.Unix()
	}
	v := p.activeView()
	if v == nil || v.pending {
		cmd := p.scheduleTick() // nothing to refresh yet, or a load is on its way
		return p, cmd
	}
	cmd := tea.Batch(p.refresh(v), p.watchRefresh())
	return p, cmd
}

// maybeMore asks for the next page once the cursor is within a screen of the end of the
// loaded rows. The pending flag makes it one request however many keys arrive meanwhile.
func (p *Pane) maybeMore() tea.Cmd {
	v := p.activeView()
	if v == nil || v.pending || v.next == "" || !v.loaded {
		return nil
	}
	if v.list.cursor < v.list.len()-1-max(p.listHeight(), 1) {
		return nil
	}
	return p.load(v, true)
}

// loadErrorText is an error as a toast or the inline line has room for: the app's short
// wording (api.Short), one safe line.
func loadErrorText(err error) string {
	return ansi.Truncate(sanitize.Line(api.Short(err)), 80, rowEllipsis)
}
