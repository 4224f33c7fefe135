// Package tickets is the Tickets tab: views (Open, Mine, Resolved and one per ticket
// type) searched with POST /tickets/search on Intercom-Version 2.10 (2.9 cannot list
// tickets), a list with a filter, a ticket opened by id (GET /tickets/{id} on 2.9), and
// the detail beside the list (wide screens) or over it (narrow ones): every attribute
// by its data type and the timeline of parts. Actions: change the state, assign, add a
// note, each shown at once, sent once, and replaced by the server's answer or rolled
// back with a toast that says what failed.
package tickets

import (
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/filter"
	"github.com/intercom-tui/intercom-tui/ui/components/listnav"
	"github.com/intercom-tui/intercom-tui/ui/components/markdown"
	"github.com/intercom-tui/intercom-tui/ui/components/weblink"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// Pane is the tickets tab. The root sends it keys (all of them while Capturing), its
// size, the directory once loaded, and every message it does not know.
type Pane struct {
	ctx      *shared.Context
	dir      *workspace.Directory
	views    []*ticketView
	active   int
	seq      shared.Seq
	typesReq uint64                 // GET /ticket_types in flight, 0 when none
	typesOK  bool                   // the ticket types have loaded once
	now      int64                  // unix seconds of the last answer: what row ages count to
	labels   map[string]stateLabels // the workspace's state labels, learned from answers
	tickGen  uint64                 // the auto-refresh timer generation
	shown    bool                   // the tab has been on screen: nothing loads before (the first inbox screen costs one request)

	width, height int
	filter        textinput.Model // `/`
	byID          byIDState       // `i` (openid.go)

	detail        Detail
	detailFocused bool
	previewGen    uint64        // the latest preview; older ones are ignored
	previewDelay  time.Duration // how long the cursor rests before the split detail follows it

	writes map[uint64]pendingWrite // writes in flight, by request (actions.go)
	notes  noteState               // note drafts (compose.go)

	opener weblink.Opener // opens the browser (o); tests swap it so none is launched
}

// defaultPreviewDelay lets the cursor rest before the split detail loads the row under
// it, so holding j sends one request, not one per row.
const defaultPreviewDelay = 150 * time.Millisecond

// previewMsg is the cursor having rested on a row for previewDelay.
type previewMsg struct{ gen uint64 }

// New builds the pane. Nothing loads until the directory arrives (Update).
func New(ctx *shared.Context) Pane {
	p := Pane{ctx: ctx, detail: NewDetail(ctx, markdown.New()), previewDelay: defaultPreviewDelay,
		opener: weblink.SystemOpener}
	p.filter = filter.New(ctx.Styles, "/ ", "title, number, type, state, assignee or contact")
	p.byID = newByID(ctx)
	return p
}

// Title is the tab's name.
func (p Pane) Title() string { return "Tickets" }

// Init starts nothing: loading waits for the directory.
func (p Pane) Init() tea.Cmd { return nil }

// Busy reports a load in flight: a page (or its store read), the ticket types, the
// detail or a ticket opened by id.
func (p Pane) Busy() bool {
	for _, v := range p.views {
		if v.pending || v.storeReq != 0 {
			return true
		}
	}
	return p.typesReq != 0 || p.detail.Loading() || p.detail.Rendering() || p.byID.req != 0
}

// Capturing reports that a text input has focus (the filter, the ticket id): every key
// is text for it.
func (p Pane) Capturing() bool { return p.filter.Focused() || p.byID.input.Focused() }

// Update handles one message.
func (p Pane) Update(msg tea.Msg) (Pane, tea.Cmd) {
	switch msg := msg.(type) {
	case shared.DirectoryMsg:
		return p.start(msg)
	case shared.SizeMsg:
		return p.resize(msg.Width, msg.Height)
	case shared.ActivatedMsg:
		return p.activated()
	case tea.KeyPressMsg:
		return p.key(msg)
	case tea.PasteMsg:
		return p.paste(msg)
	case tea.MouseClickMsg, tea.MouseWheelMsg:
		return p.mouse(msg.(tea.MouseMsg))
	case PageMsg:
		return p.pageLoaded(msg)
	case viewStoreMsg:
		return p.viewFromStore(msg)
	case TypesMsg:
		return p.typesLoaded(msg)
	case typesRetryMsg:
		if p.typesReq == 0 && p.dir != nil {
			cmd := p.loadTypes()
			return p, cmd
		}
		return p, nil
	case pageRetryMsg:
		return p.retry(msg)
	case RefreshTickMsg:
		return p.tick(msg)
	case previewMsg:
		if msg.gen != p.previewGen {
			return p, nil // the cursor moved on
		}
		cmd := p.previewNow()
		return p, cmd
	case OpenedMsg:
		return p.opened(msg)
	case doMsg:
		return p.doNow(msg)
	case WriteDoneMsg:
		next, cmd := p.writeDone(msg)
		next, after := next.noteWriteDone(msg)
		return next, tea.Batch(cmd, after)
	}
	if next, cmd, ok := p.noteMsg(msg); ok {
		return next, cmd
	}
	if next, cmd, ok := p.pickerMsg(msg); ok {
		return next, cmd
	}
	// Anything else is the detail's (its answers).
	var cmd tea.Cmd
	p.detail, cmd = p.detail.Update(msg)
	return p, cmd
}

// start builds the fixed views for the signed-in admin, loads the first, and asks for
// the ticket types (one view each).
func (p Pane) start(msg shared.DirectoryMsg) (Pane, tea.Cmd) {
	if msg.Err != nil || msg.Value == nil {
		return p, nil // the root reports a failed directory
	}
	if p.views != nil { // views are built once
		return p.reconnected(msg)
	}
	p.dir = msg.Value
	for _, def := range fixedViews(p.dir) {
		p.views = append(p.views, &ticketView{def: def})
	}
	p.active = 0
	if !p.shown {
		return p, nil // the first load waits until the tab is shown
	}
	cmd := tea.Batch(p.refresh(p.views[0]), p.loadTypes())
	return p, cmd
}

// activated loads the first view and the ticket types the first time the tab is shown
// (when the directory is known; else start does once it arrives).
func (p Pane) activated() (Pane, tea.Cmd) {
	if p.shown {
		return p, nil
	}
	p.shown = true
	if p.views == nil {
		return p, nil
	}
	cmd := tea.Batch(p.refresh(p.views[0]), p.loadTypes())
	return p, cmd
}

// reconnected follows a fresh directory after one from the offline store (the network is
// back): the ticket types and a view still showing the store's rows load again.
func (p Pane) reconnected(msg shared.DirectoryMsg) (Pane, tea.Cmd) {
	if msg.Stale != nil || !p.shown {
		return p, nil
	}
	var cmds []tea.Cmd
	if !p.typesOK && p.typesReq == 0 {
		cmds = append(cmds, p.loadTypes())
	}
	if v := p.activeView(); v != nil && !v.pending && (v.fromStore || v.err != nil) {
		cmds = append(cmds, p.refresh(v))
	}
	return p, tea.Batch(cmds...)
}

func (p Pane) resize(width, height int) (Pane, tea.Cmd) {
	p.width, p.height = max(0, width), max(0, height)
	h := p.listHeight()
	for _, v := range p.views {
		v.list.moveTo(v.list.cursor, h)
	}
	dw, dh := p.detailSize()
	var cmd tea.Cmd
	p.detail, cmd = p.detail.SetSize(dw, dh)
	cmd = tea.Batch(cmd, p.previewNow()) // widened into a split: the detail shows the cursor's row
	return p, cmd
}

// key routes a key: to an input while typing, then the actions, then the detail when it
// has focus, else the list.
func (p Pane) key(msg tea.KeyPressMsg) (Pane, tea.Cmd) {
	switch {
	case p.byID.input.Focused():
		return p.byIDKey(msg)
	case p.filter.Focused():
		return p.filterKey(msg)
	}
	if next, cmd, ok := p.actionKey(msg); ok {
		return next, cmd
	}
	if key.Matches(msg, p.ctx.Keys.OpenURL, p.ctx.Keys.Copy) {
		return p, p.webKey(msg)
	}
	if p.detailFocused {
		return p.detailKey(msg)
	}
	return p.listKey(msg)
}

func (p Pane) listKey(msg tea.KeyPressMsg) (Pane, tea.Cmd) {
	k := p.ctx.Keys
	if to, ok := listnav.Move(msg, k, p.cursor(), p.listHeight()); ok {
		return p.moveTo(to)
	}
	switch {
	case key.Matches(msg, k.Open):
		return p.openSelected()
	case key.Matches(msg, k.Filter):
		cmd := p.openFilter()
		return p, cmd
	case key.Matches(msg, k.Back):
		if p.filtering() {
			p.closeFilter(false)
			cmd := p.previewSoon()
			return p, cmd
		}
	case key.Matches(msg, k.Refresh):
		if v := p.activeView(); v != nil {
			cmd := p.refresh(v)
			return p, cmd
		}
	case key.Matches(msg, k.NextView):
		return p.switchView(p.active + 1)
	case key.Matches(msg, k.PrevView):
		return p.switchView(p.active - 1)
	case key.Matches(msg, k.ScrollDown, k.ScrollUp):
		if p.split() {
			var cmd tea.Cmd
			p.detail, cmd = p.detail.Update(msg)
			return p, cmd
		}
	}
	return p, nil
}

// detailKey gives the focused detail every key but Back, which returns to the list, and
// Refresh, which reloads the ticket.
func (p Pane) detailKey(msg tea.KeyPressMsg) (Pane, tea.Cmd) {
	if key.Matches(msg, p.ctx.Keys.Back) {
		p.detailFocused = false
		p.detail = p.detail.Blur()
		cmd := p.previewSoon()
		return p, cmd
	}
	if key.Matches(msg, p.ctx.Keys.Refresh) && p.detail.ID() != "" && !p.detail.Loading() {
		var cmd tea.Cmd
		p.detail, cmd = p.detail.Open(p.detail.ID(), nil) // reload in place
		return p, cmd
	}
	var cmd tea.Cmd
	p.detail, cmd = p.detail.Update(msg)
	return p, cmd
}

func (p Pane) paste(msg tea.PasteMsg) (Pane, tea.Cmd) {
	switch {
	case p.byID.input.Focused():
		return p.byIDPaste(msg)
	case p.filter.Focused():
		cmd := p.editFilter(msg)
		return p, cmd
	}
	return p, nil
}

// openSelected opens the ticket under the cursor and gives the detail focus.
func (p Pane) openSelected() (Pane, tea.Cmd) {
	v := p.activeView()
	if v == nil {
		return p, nil
	}
	r := v.list.selected()
	if r == nil {
		return p, nil
	}
	p.previewGen++ // the detail shows this one now; a pending preview is moot
	var cmd tea.Cmd
	if p.detail.ID() != r.id || !p.detail.full {
		p.detail, cmd = p.detail.Open(r.id, r.t)
	}
	p.detail = p.detail.Focus()
	p.detailFocused = true
	return p, cmd
}

// split reports whether the list and the detail are side by side.
func (p *Pane) split() bool {
	least := p.ctx.Settings.SplitMinWidth
	if least <= 0 {
		least = shared.DefaultSettings().SplitMinWidth
	}
	return p.width >= least
}

// listWidth is the list's share of a split pane; the detail gets the rest but a rule.
func (p *Pane) listWidth() int {
	if !p.split() {
		return p.width
	}
	return p.width * 45 / 100
}

// detailSize is the detail's area: beside the list under the view bar when split, the
// whole pane otherwise.
func (p *Pane) detailSize() (int, int) {
	if !p.split() {
		return p.width, p.height
	}
	return max(0, p.width-p.listWidth()-1), max(0, p.height-1)
}

// listHeight is the number of rows the list shows: the pane less the view bar, the
// input line and the error line when they show.
func (p *Pane) listHeight() int {
	h := p.height - 1
	if p.inputLine() {
		h--
	}
	if v := p.activeView(); v != nil && v.err != nil && v.list.len() > 0 {
		h--
	}
	return max(h, 1)
}

// previewSoon has the split detail follow the cursor once it rests there.
func (p *Pane) previewSoon() tea.Cmd {
	p.previewGen++
	if p.previewTarget() == nil {
		return nil
	}
	if p.previewDelay <= 0 {
		return p.previewNow()
	}
	gen := p.previewGen
	return tea.Tick(p.previewDelay, func(time.Time) tea.Msg { return previewMsg{gen: gen} })
}

// previewNow shows the row under the cursor in the split detail (unless the agent is
// reading the detail: it never changes under them).
func (p *Pane) previewNow() tea.Cmd {
	r := p.previewTarget()
	if r == nil {
		return nil
	}
	p.previewGen++
	var cmd tea.Cmd
	p.detail, cmd = p.detail.Open(r.id, r.t)
	return cmd
}

// previewTarget is the row the split detail should show, or nil when it should not
// change.
func (p *Pane) previewTarget() *ticketRow {
	if !p.split() || p.detailFocused {
		return nil
	}
	v := p.activeView()
	if v == nil {
		return nil
	}
	r := v.list.selected()
	if r == nil || r.id == p.detail.ID() {
		return nil
	}
	return r
}

// target is the ticket an action applies to: the detail's when it has focus, else the
// row under the cursor (the detail's copy of it when it shows that one: it has every
// part), else, beside an empty list, the ticket the detail shows.
func (p *Pane) target() (models.Ticket, bool) {
	shown := p.detail.Ticket()
	if p.detailFocused && shown != nil {
		return *shown, true
	}
	if v := p.activeView(); v != nil {
		if r := v.list.selected(); r != nil && r.t != nil {
			if shown != nil && string(shown.ID) == r.id {
				return *shown, true
			}
			return *r.t, true
		}
	}
	if p.split() && shown != nil {
		return *shown, true
	}
	return models.Ticket{}, false
}

// Help is the short list of keys for the footer.
func (p Pane) Help() []key.Binding {
	k := p.ctx.Keys
	actions := []key.Binding{k.TicketState, k.Assign, k.Note, k.Profile, k.OpenByID}
	switch {
	case p.byID.input.Focused():
		return []key.Binding{relabel(k.Open, "open ticket"), relabel(k.Back, "cancel")}
	case p.filter.Focused():
		return []key.Binding{relabel(k.Open, "keep filter"), relabel(k.Back, "clear filter")}
	case p.detailFocused:
		return append(append(p.detail.Help(), actions...), relabel(k.Refresh, "reload"), relabel(k.Back, "list"))
	}
	out := append([]key.Binding{k.Down, k.Up, k.Open}, actions...)
	out = append(out, k.Filter, k.NextView, k.Refresh)
	if p.split() {
		out = append(out, k.ScrollDown)
	}
	if p.filtering() {
		out = append(out, relabel(k.Back, "clear filter"))
	}
	return out
}

// relabel is a binding with the same keys and another description.
func relabel(b key.Binding, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, desc))
}
