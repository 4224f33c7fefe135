package tickets

import (
	"context"
	"errors"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/components/markdown"
	"github.com/intercom-tui/intercom-tui/ui/components/scroll"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// Detail is one ticket to read: a pinned header (title, state badge, type, number,
// assignee) over a scrolling body (the facts, every attribute of its type by data type,
// then the timeline of its parts).
//
// It is a value: methods return the changed Detail. Loading (GET /tickets/{id}) and
// rendering (markdown, the clock for relative times) happen in commands; Update stores
// their answers, dropping any that a newer request superseded; View only slices lines.
type Detail struct {
	ctx *shared.Context
	md  *markdown.Renderer
	seq shared.Seq

	id      string
	ticket  *models.Ticket // the loaded ticket, else the list's summary; nil until known
	version uint64         // bumped on every change of ticket: a body made for an older one is stale
	full    bool           // ticket came from GET /tickets/{id}, not from a search
	loading bool
	loadReq uint64
	cancel  context.CancelFunc // cancels the load in flight
	err     error
	// storeReq is the store read in flight (cache.go), 0 when none; fromStore says the
	// ticket shown is the store's copy, until the network answers.
	storeReq  uint64
	fromStore bool

	loc *time.Location // the workspace's zone and a clock reading, from the last render
	now time.Time

	body      detailBody
	renderReq uint64 // the render in flight, 0 when none
	renderFor detailTarget

	width, height int
	offset        int // first body line shown
	focused       bool

	chromeFor   detailTarget
	header      []string
	rule        string
	placeholder []string // the body while there is none
}

// detailTarget is what a rendered body depends on.
type detailTarget struct {
	width   int
	styles  *theme.Styles
	dir     *workspace.Directory
	version uint64
}

// detailBody is a rendered body and what it was rendered for.
type detailBody struct {
	lines  []string
	target detailTarget
}

// DetailLoadedMsg answers GET /tickets/{id} for the detail. Req names the request.
type DetailLoadedMsg struct {
	shared.Loaded[*models.Ticket]
	ID string
}

var _ shared.Outcome = DetailLoadedMsg{}

// detailRenderedMsg answers a render of the body; it needs no network.
type detailRenderedMsg struct {
	req  uint64
	id   string
	loc  *time.Location
	now  time.Time
	body detailBody
}

// detailRetryMsg is a failed load's retry: Update reopens with a new request number.
type detailRetryMsg struct{ id string }

// detailScrollStep is what J/K and the wheel move.
const detailScrollStep = scroll.Step

// NewDetail returns an empty detail that renders note bodies with r (nil: its own).
func NewDetail(ctx *shared.Context, r *markdown.Renderer) Detail {
	if r == nil {
		r = markdown.New()
	}
	d := Detail{ctx: ctx, md: r}
	d.refreshChrome()
	return d
}

// Open shows ticket id: the summary (a search result) at once, then the ticket as GET
// /tickets/{id} answers. Opening the one shown reloads it in place.
func (d Detail) Open(id string, summary *models.Ticket) (Detail, tea.Cmd) {
	d.stopLoad()
	if id != d.id {
		d.body, d.offset, d.renderReq, d.ticket, d.full, d.fromStore = detailBody{}, 0, 0, nil, false, false
	}
	if summary != nil && d.ticket == nil {
		d.ticket = summary
		d.version++
	}
	d.id, d.err, d.loading = id, nil, id != ""
	d.storeReq = 0
	if id == "" {
		d.ticket, d.fromStore = nil, false
		d.refreshChrome()
		return d, nil
	}
	d.loadReq = d.seq.Next()
	ctx, cancel := context.WithCancel(context.Background())
	d.cancel = cancel
	d.refreshChrome()
	var fromStore tea.Cmd
	if st := d.ctx.Store; st != nil && !d.full {
		// The stored copy (with its parts) shows while the network answers.
		d.storeReq = d.seq.Next()
		fromStore = readTicket(st, d.storeReq, id)
	}
	cmd := tea.Batch(d.loadCmd(ctx, d.loadReq), fromStore, d.maybeRender())
	return d, cmd
}

// fromStoreLoaded shows the stored ticket while the network has not answered (or failed
// with nothing shown), unless what shows is newer.
func (d Detail) fromStoreLoaded(msg detailStoreMsg) (Detail, tea.Cmd) {
	if d.storeReq == 0 || msg.req != d.storeReq || msg.id != d.id {
		return d, nil // superseded
	}
	d.storeReq = 0
	switch {
	case d.full:
		return d, nil // the network answered first
	case msg.err != nil:
		return d, shared.ErrorToast("Reading saved ticket "+d.name()+": "+errText(msg.err), nil)
	case msg.ticket == nil:
		return d, nil
	case d.ticket != nil && msg.ticket.UpdatedAt < d.ticket.UpdatedAt:
		return d, nil // the summary shown is newer
	case d.fromStore && d.ticket != nil && msg.ticket.UpdatedAt == d.ticket.UpdatedAt:
		return d, nil // the same copy already shows
	}
	d.ticket, d.fromStore = msg.ticket, true
	d.version++
	d.refreshChrome()
	cmd := d.maybeRender()
	return d, cmd
}

// Show shows a ticket already loaded (opened by id): no request is sent.
func (d Detail) Show(t *models.Ticket) (Detail, tea.Cmd) {
	if t == nil {
		return d, nil
	}
	d.stopLoad()
	if id := string(t.ID); id != d.id {
		d.body, d.offset, d.renderReq = detailBody{}, 0, 0
		d.id = id
	}
	d.ticket, d.full, d.err, d.fromStore, d.storeReq = t, true, nil, false, 0
	d.version++
	d.refreshChrome()
	cmd := d.maybeRender()
	return d, cmd
}

// Replace shows t in place of the ticket shown (an optimistic change, a rollback, or the
// server's answer to a write), keeping the reader's place. It does nothing for another
// ticket. A load in flight is dropped: it was asked before the change.
func (d Detail) Replace(t *models.Ticket) (Detail, tea.Cmd) {
	if t == nil || string(t.ID) != d.id || d.id == "" {
		return d, nil
	}
	d.stopLoad()
	d.ticket, d.err, d.fromStore, d.storeReq = t, nil, false, 0
	d.version++
	d.refreshChrome()
	cmd := d.maybeRender()
	return d, cmd
}

// stopLoad cancels the load in flight; its answer is dropped.
func (d *Detail) stopLoad() {
	if d.cancel != nil {
		d.cancel()
	}
	d.cancel, d.loading = nil, false
}

// SetSize gives the detail its area; the body is re-rendered for a new width.
func (d Detail) SetSize(width, height int) (Detail, tea.Cmd) {
	d.width, d.height = max(0, width), max(0, height)
	d.refreshChrome()
	cmd := d.maybeRender()
	return d, cmd
}

// Update handles the detail's answers and its keys: the scroll keys when focused, J/K
// always (the pane sends them while the list has focus).
func (d Detail) Update(msg tea.Msg) (Detail, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case DetailLoadedMsg:
		d, cmd = d.loaded(msg)
	case detailStoreMsg:
		d, cmd = d.fromStoreLoaded(msg)
	case detailRenderedMsg:
		d = d.rendered(msg)
	case detailRetryMsg:
		if msg.id == d.id && !d.loading {
			d, cmd = d.Open(d.id, nil)
		}
	case tea.KeyPressMsg:
		if offset, ok := scroll.Key(msg, d.ctx.Keys, d.focused, d.doc(), detailScrollStep); ok {
			d = d.scrollTo(offset)
		}
	case tea.MouseWheelMsg:
		if offset, ok := scroll.Wheel(msg, d.offset, detailScrollStep); ok {
			d = d.scrollTo(offset)
		}
	}
	// The root may have changed the theme or loaded the directory since.
	if d.chromeFor != d.target() {
		d.refreshChrome()
	}
	cmd = tea.Batch(cmd, d.maybeRender())
	return d, cmd
}

func (d Detail) scrollTo(offset int) Detail {
	d.offset = offset
	d.clamp()
	d.refreshRule()
	return d
}

// target is what the body should be rendered for now.
func (d *Detail) target() detailTarget {
	return detailTarget{width: d.width, styles: d.ctx.Styles, dir: d.ctx.Dir, version: d.version}
}

func (d *Detail) clock() func() time.Time {
	if d.ctx.Now != nil {
		return d.ctx.Now
	}
	return time.Now
}

// loadCmd fetches the ticket. A load superseded by a newer Open is cancelled and
// answers nothing.
func (d *Detail) loadCmd(ctx context.Context, req uint64) tea.Cmd {
	id, ws, st := d.id, d.ctx.WS, d.ctx.Store
	return func() tea.Msg {
		msg := DetailLoadedMsg{ID: id}
		msg.Req = req
		if ws == nil || ws.API == nil {
			msg.Err = errors.New("no workspace is connected")
			return msg
		}
		cctx, stop := context.WithTimeout(ctx, loadTimeout)
		defer stop()
		t, err := ws.API.Ticket(cctx, id)
		if ctx.Err() != nil {
			return nil // cancelled: nobody waits for this answer
		}
		msg.Value, msg.Err = t, err
		if err == nil && t == nil {
			msg.Err = errors.New("the answer held no ticket")
		}
		if msg.Err == nil {
			saveTickets(st, []models.Ticket{*t})
		}
		return msg
	}
}

// maybeRender asks for a render when the body was made for another ticket version,
// width, theme or directory, unless one for the same is already on its way.
func (d *Detail) maybeRender() tea.Cmd {
	if d.ticket == nil || d.width <= 0 || d.ctx.Styles == nil {
		return nil
	}
	want := d.target()
	switch {
	case d.body.target == want:
		d.renderReq = 0
		return nil
	case d.renderReq != 0 && d.renderFor == want:
		return nil
	}
	d.renderReq, d.renderFor = d.seq.Next(), want
	req, id, clock := d.renderReq, d.id, d.clock()
	in := detailInput{ticket: d.ticket, width: want.width, styles: want.styles, dir: want.dir, md: d.md}
	return func() tea.Msg {
		in.now, in.loc = clock(), textfmt.Zone(in.dir.Timezone())
		return detailRenderedMsg{req: req, id: id, loc: in.loc, now: in.now,
			body: detailBody{lines: renderDetailBody(in), target: want}}
	}
}

func (d Detail) loaded(msg DetailLoadedMsg) (Detail, tea.Cmd) {
	if !d.loading || msg.Req != d.loadReq || msg.ID != d.id {
		return d, nil // superseded
	}
	d.loading, d.cancel = false, nil
	if msg.Err != nil {
		d.err = msg.Err
		d.refreshChrome()
		id := d.id
		retry := func() tea.Msg { return detailRetryMsg{id: id} }
		cmd := shared.LoadErrorToast("Couldn't load ticket "+d.name()+": "+loadErrText(msg.Err, d.id), msg.Err, retry)
		return d, cmd
	}
	d.ticket, d.full, d.err, d.fromStore, d.storeReq = msg.Value, true, nil, false, 0
	d.version++
	d.refreshChrome()
	cmd := d.maybeRender()
	return d, cmd
}

func (d Detail) rendered(msg detailRenderedMsg) Detail {
	if d.renderReq == 0 || msg.req != d.renderReq || msg.id != d.id {
		return d // superseded: a newer render, or another ticket
	}
	d.renderReq = 0
	d.loc, d.now = msg.loc, msg.now
	d.body = msg.body
	d.refreshChrome()
	return d
}

// loadErrText says why a ticket could not be loaded; a 404 in words.
func loadErrText(err error, id string) string {
	if api.IsNotFound(err) {
		return "no ticket has id " + sanitize.Line(id)
	}
	return errText(err)
}

// name is the ticket as a toast names it: "#12", or its id before anything is known.
func (d *Detail) name() string {
	if d.ticket != nil {
		return ticketNumber(d.ticket)
	}
	return sanitize.Line(d.id)
}

// View is the detail at exactly its size.
func (d Detail) View() string {
	if d.width <= 0 || d.height <= 0 {
		return ""
	}
	lines := make([]string, 0, d.height)
	lines = append(lines, d.header...)
	if d.rule != "" {
		lines = append(lines, d.rule)
	}
	body := d.body.lines
	if len(body) == 0 {
		body = d.placeholder
	}
	lines = append(lines, scroll.Window(body, d.offset, d.height-len(lines))...)
	return textfmt.FitBlock(strings.Join(lines, "\n"), d.width, d.height)
}

// ID is the ticket shown, "" when none is.
func (d Detail) ID() string { return d.id }

// Ticket is the ticket shown (loaded, else the summary), or nil.
func (d Detail) Ticket() *models.Ticket { return d.ticket }

// Loading reports a load in flight (from the network or the store).
func (d Detail) Loading() bool { return d.loading || d.storeReq != 0 }

// FromStore reports that the ticket shown is the offline store's copy.
func (d Detail) FromStore() bool { return d.fromStore }

// Rendering reports a body render in flight (after a resize, a theme change or a write).
func (d Detail) Rendering() bool { return d.renderReq != 0 }

// Err is the last load's error, nil once a load succeeds.
func (d Detail) Err() error { return d.err }

// Focus gives the detail the keys; Blur takes them away (J/K still scroll it).
func (d Detail) Focus() Detail { d.focused = true; return d }

// Blur takes the keys away.
func (d Detail) Blur() Detail { d.focused = false; return d }

// Help lists the keys that act on the detail now.
func (d Detail) Help() []key.Binding {
	k := d.ctx.Keys
	if !d.focused {
		return []key.Binding{k.ScrollDown, k.ScrollUp}
	}
	out := []key.Binding{k.Down, k.Up, k.PageDown, k.PageUp, k.Top, k.Bottom}
	if d.err != nil {
		out = append(out, k.Retry)
	}
	return out
}
