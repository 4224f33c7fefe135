package tickets

import (
	"context"
	"maps"
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// PageMsg answers one ticket search of a view: its first page (which replaces the head
// of the list) or its next page (appended). It is dropped unless Req is still the latest
// request of that view.
type PageMsg struct {
	shared.Loaded[api.Page[models.Ticket]]
	View string    // the view's key
	More bool      // the next page, not the first
	Now  time.Time // read by the command, for the rows' ages
}

// TypesMsg answers GET /ticket_types: the views per type are built from it.
type TypesMsg struct {
	shared.Loaded[[]models.TicketType]
}

// RefreshTickMsg is the auto-refresh timer. Every refresh restarts the timer with a new
// generation, so a tick of an older one is ignored.
type RefreshTickMsg struct {
	Gen uint64
	Now time.Time
}

// The root reads every answer's outcome (online indicator, last error) before routing it.
var (
	_ shared.Outcome = PageMsg{}
	_ shared.Outcome = TypesMsg{}
)

// pageRetryMsg and typesRetryMsg are what a failed load's toast runs on the retry key:
// Update sends the request again with a new number.
type (
	pageRetryMsg  struct{ view string }
	typesRetryMsg struct{}
)

const (
	// searchMaxPerPage is the most a search page holds.
	searchMaxPerPage = 150
	// loadTimeout bounds one load, retries and rate-limit waits included.
	loadTimeout = 90 * time.Second
)

// ticketView is one view with its rows and where its loading stands. Views are shared by
// copies of the pane (pointers), like the inbox's.
type ticketView struct {
	def     viewDef
	list    rowList
	loaded  bool   // a first page has answered
	total   int    // total_count of the last answer
	next    string // the next page's cursor, "" at the end
	req     uint64 // the latest request; an answer to any other is stale
	pending bool
	stale   bool  // a write changed tickets since it loaded: switching to it reloads it
	err     error // the last load failed (rows already loaded stay)

	storeReq  uint64 // the store read in flight (cache.go), 0 when none
	fromStore bool   // the rows are the store's, until a first page answers
	saved     string // when the store's rows were saved ("saved 14:05")
}

func (p *Pane) viewByKey(key string) *ticketView {
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

func (p *Pane) clock() func() time.Time {
	if p.ctx.Now != nil {
		return p.ctx.Now
	}
	return time.Now
}

// load asks for a view's first page (more=false) or its next one, superseding any
// request of that view in flight.
func (p *Pane) load(v *ticketView, more bool) tea.Cmd {
	req := p.seq.Next()
	v.req, v.pending = req, true
	perPage, cursor := p.pageSize(), ""
	if more {
		cursor = v.next
	} else {
		// A refresh re-reads what is loaded, as far as one request allows, so the agent
		// keeps their place.
		perPage = max(perPage, min(len(v.list.rows), searchMaxPerPage))
	}
	ws, st, q, key, now := p.ctx.WS, p.ctx.Store, v.def.query, v.def.key, p.clock()
	net := func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), loadTimeout)
		defer cancel()
		page, err := ws.API.SearchTickets(ctx, q, perPage, cursor)
		at := now()
		if err == nil {
			saveTickets(st, page.Items)
			saveView(st, key, page.Items, page.TotalCount, more, at)
		}
		return PageMsg{
			Loaded: shared.Loaded[api.Page[models.Ticket]]{Req: req, Value: page, Err: err},
			View:   key, More: more, Now: at,
		}
	}
	// Nothing shows for the view yet: the store shows what it last held meanwhile.
	if st == nil || more || v.loaded || v.fromStore || v.list.len() > 0 {
		return net
	}
	v.storeReq = p.seq.Next()
	return tea.Batch(net, readView(st, v.storeReq, key, p.dir, now))
}

// viewFromStore shows a view's stored rows while its network answer has not come (or
// failed with nothing shown); otherwise the store's answer is older and is dropped.
func (p Pane) viewFromStore(msg viewStoreMsg) (Pane, tea.Cmd) {
	v := p.viewByKey(msg.view)
	if v == nil || msg.req != v.storeReq {
		return p, nil
	}
	v.storeReq = 0
	if v.loaded || v.list.len() > 0 {
		return p, nil // the network answered first
	}
	if msg.err != nil {
		return p, shared.ErrorToast("Reading saved "+v.def.name+" tickets: "+errText(msg.err), nil)
	}
	if !msg.found {
		return p, nil
	}
	p.now = max(p.now, msg.now.Unix())
	rows := make([]ticketRow, len(msg.tickets))
	for i := range msg.tickets {
		rows[i] = newTicketRow(&msg.tickets[i], p.dir)
		p.learnLabels(&msg.tickets[i])
	}
	v.list.refresh(rows, true, p.listHeight())
	v.total, v.next, v.fromStore, v.saved = msg.total, "", true, msg.saved
	if v != p.activeView() {
		return p, nil
	}
	return p, p.previewNow()
}

// refresh reloads the view's first page and restarts the auto-refresh timer.
func (p *Pane) refresh(v *ticketView) tea.Cmd {
	return tea.Batch(p.load(v, false), p.scheduleTick())
}

func (p *Pane) scheduleTick() tea.Cmd {
	p.tickGen++
	every, gen, now := p.ctx.Settings.RefreshInterval, p.tickGen, p.clock()
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
		key := v.def.key
		retry := func() tea.Msg { return pageRetryMsg{view: key} }
		return p, shared.LoadErrorToast("Loading "+v.def.name+" tickets: "+errText(msg.Err), msg.Err, retry)
	}
	v.err = nil
	page := msg.Value
	rows := make([]ticketRow, len(page.Items))
	for i := range page.Items {
		rows[i] = newTicketRow(&page.Items[i], p.dir)
		p.learnLabels(&page.Items[i])
	}
	v.total = page.TotalCount
	if msg.More {
		v.list.append(rows)
		v.next = page.Next
	} else {
		// Stored rows give way to the page whole: paging goes on from the network's end.
		if !v.list.refresh(rows, page.Next == "" || v.fromStore, p.listHeight()) {
			v.next = page.Next
		}
		v.loaded, v.stale, v.fromStore, v.storeReq = true, false, false, 0
	}
	if v != p.activeView() {
		return p, nil
	}
	// A page shorter than the screen is followed by the next one, to fill it.
	cmd := tea.Batch(p.previewNow(), p.maybeMore())
	return p, cmd
}

// stateLabels are a state's labels as this workspace names them.
type stateLabels struct{ internal, external string }

// learnLabels remembers the labels the workspace gives each state, so that a state
// change shows the right ones before the server answers.
func (p *Pane) learnLabels(t *models.Ticket) {
	if t.TicketState == "" || (t.TicketStateInternalLabel == "" && t.TicketStateExternalLabel == "") {
		return
	}
	l := stateLabels{t.TicketStateInternalLabel, t.TicketStateExternalLabel}
	if p.labels[t.TicketState] == l {
		return
	}
	m := maps.Clone(p.labels) // copies of the pane share no map
	if m == nil {
		m = map[string]stateLabels{}
	}
	m[t.TicketState] = l
	p.labels = m
}

// labelsFor are the labels of state: learned, else the state in words.
func (p *Pane) labelsFor(state string) stateLabels {
	if l, ok := p.labels[state]; ok {
		return l
	}
	h := capitalize(humanState(state))
	return stateLabels{h, h}
}

// retry sends a failed load again, unless something newer is already in flight.
func (p Pane) retry(msg pageRetryMsg) (Pane, tea.Cmd) {
	v := p.viewByKey(msg.view)
	if v == nil || v.pending {
		return p, nil
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
		cmd := p.scheduleTick()
		return p, cmd
	}
	cmd := p.refresh(v)
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

// loadTypes asks for the ticket types (GET /ticket_types).
func (p *Pane) loadTypes() tea.Cmd {
	req := p.seq.Next()
	p.typesReq = req
	ws := p.ctx.WS
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), loadTimeout)
		defer cancel()
		types, err := ws.API.TicketTypes(ctx)
		return TypesMsg{shared.Loaded[[]models.TicketType]{Req: req, Value: types, Err: err}}
	}
}

// typesLoaded adds a view per ticket type after the fixed ones.
func (p Pane) typesLoaded(msg TypesMsg) (Pane, tea.Cmd) {
	if msg.Req != p.typesReq {
		return p, nil
	}
	p.typesReq = 0
	if msg.Err != nil {
		retry := func() tea.Msg { return typesRetryMsg{} }
		return p, shared.LoadErrorToast("Loading ticket types: "+errText(msg.Err), msg.Err, retry)
	}
	p.typesOK = true
	views := slices.Clone(p.views) // copies of the pane share no backing array
	for _, def := range typeViews(msg.Value) {
		if v := p.viewByKey(def.key); v != nil {
			v.def = def
			continue
		}
		views = append(views, &ticketView{def: def})
	}
	p.views = views
	return p, nil
}

// errText is an error as a toast or an inline line has room for: the app's short
// wording (api.Short), one safe line.
func errText(err error) string {
	return ansi.Truncate(sanitize.Line(api.Short(err)), 100, ellipsis)
}
