// Package conversations is the inbox: views (Open, Unassigned, Mine, Snoozed, Closed and
// the agent's teams), the conversation list with its filter, and the thread beside it
// (wide screens) or over it (narrow ones).
package conversations

import (
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/ui/components/filter"
	"github.com/intercom-tui/intercom-tui/ui/components/listnav"
	"github.com/intercom-tui/intercom-tui/ui/components/markdown"
	"github.com/intercom-tui/intercom-tui/ui/components/weblink"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// Pane is the conversations tab. The root sends it keys (all of them while Capturing),
// its size, the directory once loaded, and every message it does not know.
type Pane struct {
	ctx    *shared.Context
	dir    *workspace.Directory
	views  []*inboxView
	active int
	seq    shared.Seq
	now    int64 // unix seconds of the last answer or tick: what ages are counted to

	tickGen uint64 // the auto-refresh timer generation; older ticks are ignored
	barGen  uint64 // bumped when a view's count changes: the cached view bar is redrawn

	width, height int
	input         textinput.Model

	thread        Thread
	threadFocused bool
	previewGen    uint64        // the latest preview request; older ones are ignored
	previewDelay  time.Duration // how long the cursor rests before the split thread follows it

	cache *rowCache   // rendered rows, shared by copies of the pane
	pf    *prefetcher // threads fetched and rendered ahead of the cursor (prefetch.go)

	writes  map[uint64]pendingWrite // writes in flight, by request (actions.go)
	loc     *time.Location          // the workspace's zone, once loaded (actions.go)
	triage  triageState             // triage.go
	compose composeState            // compose.go
	bulk    bulkState               // bulk.go
	watch   *unassignedWatch        // new unassigned conversations (watch.go)
	hidden  bool                    // another tab is on screen (the pane starts shown)
	opener  weblink.Opener          // opens the browser (O); tests swap it so none is launched
}

// defaultPreviewDelay lets the cursor rest before the split thread loads the row under
// it, so holding j sends one request, not one per row.
const defaultPreviewDelay = 150 * time.Millisecond

// previewMsg is the cursor having rested on a row for previewDelay.
type previewMsg struct{ gen uint64 }

// New builds the pane. Nothing loads until the directory arrives (Update).
func New(ctx *shared.Context) Pane {
	p := Pane{
		ctx:          ctx,
		input:        textinput.New(),
		thread:       NewThread(ctx, markdown.New()),
		previewDelay: defaultPreviewDelay,
		cache:        &rowCache{},
		pf:           newPrefetcher(),
		watch:        &unassignedWatch{},
		opener:       weblink.SystemOpener,
	}
	if ctx.Styles != nil {
		p.input = filter.New(ctx.Styles, "/ ", "contact, subject, tag or assignee")
	}
	return p
}

// Title is the tab's name.
func (p Pane) Title() string { return "Conversations" }

// Init starts the auto-refresh timer, if one is configured.
func (p Pane) Init() tea.Cmd {
	return refreshTickCmd(p.ctx.Settings.RefreshInterval, p.tickGen, p.clock())
}

// Busy reports work in flight: a page of any view, or the thread's load or render.
func (p Pane) Busy() bool {
	for _, v := range p.views {
		if v.pending {
			return true
		}
	}
	return p.thread.Loading() || p.thread.Rendering()
}

// Capturing reports that the filter input has focus: every key is text for it.
func (p Pane) Capturing() bool { return p.input.Focused() }

// Update handles one message.
func (p Pane) Update(msg tea.Msg) (Pane, tea.Cmd) {
	switch msg := msg.(type) {
	case shared.DirectoryMsg:
		return p.start(msg)
	case shared.SizeMsg:
		return p.resize(msg.Width, msg.Height)
	case tea.KeyPressMsg:
		return p.key(msg)
	case tea.PasteMsg:
		return p.paste(msg)
	case tea.MouseClickMsg:
		return p.click(msg)
	case tea.MouseWheelMsg:
		return p.wheel(msg)
	case PageMsg:
		return p.pageLoaded(msg)
	case storedPageMsg:
		return p.storedPage(msg)
	case RefreshTickMsg:
		return p.tick(msg)
	case pageRetryMsg:
		return p.retry(msg)
	case watchSkippedMsg:
		return p.watchSkipped(msg)
	case shared.DeactivatedMsg:
		p.hidden = true
		return p, nil
	case shared.ActivatedMsg:
		return p.shown()
	case previewMsg:
		return p.preview(msg)
	case ThreadLoadedMsg:
		// The thread takes its answer; a fresh load of a conversation then lets triage
		// mark it read and the composer look for drafts.
		fresh := p.thread.loading && msg.Req == p.thread.loadReq && msg.ID == p.thread.id
		var cmd tea.Cmd
		p.thread, cmd = p.thread.Update(msg)
		p.rememberThread()
		if !fresh || msg.Err != nil || msg.Value == nil {
			return p, cmd
		}
		next, hooks := p.afterThreadLoaded(msg)
		return next, tea.Batch(cmd, hooks)
	case ThreadRenderedMsg:
		var cmd tea.Cmd
		p.thread, cmd = p.thread.Update(msg)
		p.rememberThread()
		return p, cmd
	case prefetchedMsg:
		return p.prefetched(msg)
	case shared.OpenConversationMsg:
		return p.openByID(msg.ID)
	case DoMsg:
		p.forgetThread(msg.ConvID) // the write changes it: the thread re-renders what stays
		return p.doNow(msg)
	case zoneMsg:
		p.loc = msg.loc
		return p, nil
	case WriteDoneMsg:
		p.forgetThread(msg.ConvID)
		next, cmd := p.writeDone(msg)
		next, hooks := next.afterWrite(msg)
		return next, tea.Batch(cmd, hooks)
	}
	// Triage, composing and bulk actions have messages of their own.
	for _, h := range []func(Pane, tea.Msg) (Pane, tea.Cmd, bool){Pane.composeMsg, Pane.triageMsg, Pane.bulkMsg} {
		if next, cmd, ok := h(p, msg); ok {
			return next, cmd
		}
	}
	// Anything else is the thread's (its answers, its timers).
	var cmd tea.Cmd
	p.thread, cmd = p.thread.Update(msg)
	return p, cmd
}

// start builds the views for the signed-in admin and loads the first one.
func (p Pane) start(msg shared.DirectoryMsg) (Pane, tea.Cmd) {
	switch {
	case msg.Err != nil || msg.Value == nil:
		return p, nil // the root reports a failed directory
	case p.views != nil:
		return p.redirect(msg.Value) // the root sends only a changed one
	}
	p.dir = msg.Value
	for _, def := range buildViews(p.dir) {
		p.views = append(p.views, &inboxView{def: def})
	}
	p.barGen++
	p.active = defaultView(p.views, p.ctx.Settings.DefaultView)
	cmd := p.firstLoad(p.views[p.active])
	return p, tea.Batch(cmd, loadZoneCmd(p.dir))
}

func (p Pane) resize(width, height int) (Pane, tea.Cmd) {
	p.width, p.height = max(0, width), max(0, height)
	h := p.listHeight()
	for _, v := range p.views {
		v.list.moveTo(v.list.cursor, h)
	}
	tw, th := p.threadSize()
	var cmd tea.Cmd
	p.thread, cmd = p.thread.SetSize(tw, th)
	preview := p.previewNow() // widened into a split: the thread shows the cursor's row
	return p, tea.Batch(cmd, preview)
}

// key routes a key: to the filter while typing, to the thread while it has focus, else
// to the list.
func (p Pane) key(msg tea.KeyPressMsg) (Pane, tea.Cmd) {
	if p.input.Focused() {
		return p.filterKey(msg)
	}
	// Triage keys work from the list and from the thread; with rows selected, the bulk
	// layer takes the actions it can apply to all of them.
	for _, h := range []func(Pane, tea.KeyPressMsg) (Pane, tea.Cmd, bool){Pane.bulkKey, Pane.composeKey, Pane.triageKey, Pane.profileKey, Pane.webKey} {
		if next, cmd, ok := h(p, msg); ok {
			return next, cmd
		}
	}
	switch {
	case p.threadFocused:
		return p.threadKey(msg)
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
		return p.openThread()
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
			p.thread, cmd = p.thread.Update(msg)
			return p, cmd
		}
	default:
		for i, b := range []key.Binding{k.View1, k.View2, k.View3, k.View4, k.View5} {
			if key.Matches(msg, b) {
				return p.switchView(i)
			}
		}
	}
	return p, nil
}

// threadKey gives the focused thread every key but Back, which returns to the list.
func (p Pane) threadKey(msg tea.KeyPressMsg) (Pane, tea.Cmd) {
	if key.Matches(msg, p.ctx.Keys.Back) {
		p.threadFocused = false
		p.thread = p.thread.Blur()
		cmd := p.previewSoon()
		return p, cmd
	}
	var cmd tea.Cmd
	p.thread, cmd = p.thread.Update(msg)
	return p, cmd
}

func (p Pane) paste(msg tea.PasteMsg) (Pane, tea.Cmd) {
	if !p.input.Focused() {
		var cmd tea.Cmd
		p.thread, cmd = p.thread.Update(msg)
		return p, cmd
	}
	cmd := p.editFilter(msg)
	return p, cmd
}

func (p *Pane) activeView() *inboxView {
	if p.active < 0 || p.active >= len(p.views) {
		return nil
	}
	return p.views[p.active]
}

func (p *Pane) cursor() int {
	if v := p.activeView(); v != nil {
		return v.list.cursor
	}
	return 0
}

// moveTo puts the cursor on row i; near the end it asks for the next page.
func (p Pane) moveTo(i int) (Pane, tea.Cmd) {
	v := p.activeView()
	if v == nil {
		return p, nil
	}
	v.list.moveTo(i, p.listHeight())
	cmd := tea.Batch(p.maybeMore(), p.previewSoon())
	return p, cmd
}

// switchView makes view i (wrapping around) the active one and loads it the first time.
// The filter belongs to the view it was typed in, so it is cleared.
func (p Pane) switchView(i int) (Pane, tea.Cmd) {
	n := len(p.views)
	if n == 0 {
		return p, nil
	}
	i = ((i % n) + n) % n
	if i == p.active {
		return p, nil
	}
	if p.filtering() || p.input.Focused() {
		p.closeFilter(false)
	}
	p.active = i
	v := p.views[i]
	if v.def.key == viewUnassigned && p.watch.count() > 0 {
		p.watch.looked()
		p.barGen++
	}
	if !v.loaded && !v.pending {
		cmd := p.firstLoad(v)
		return p, cmd
	}
	v.list.moveTo(v.list.cursor, p.listHeight())
	cmd := p.previewSoon()
	return p, cmd
}

// openThread opens the conversation under the cursor and gives the thread focus.
func (p Pane) openThread() (Pane, tea.Cmd) {
	v := p.activeView()
	if v == nil {
		return p, nil
	}
	r := v.list.selected()
	if r == nil {
		return p, nil
	}
	p.previewGen++ // the thread shows this one now; a pending preview is moot
	var cmd tea.Cmd
	if p.thread.ID() != r.id {
		cmd = p.openRow(r.id, r.conv, r.updated)
	}
	p.thread = p.thread.Focus()
	p.threadFocused = true
	return p, cmd
}

// split reports whether the list and the thread are side by side.
func (p *Pane) split() bool {
	least := p.ctx.Settings.SplitMinWidth
	if least <= 0 {
		least = shared.DefaultSettings().SplitMinWidth
	}
	return p.width >= least
}

// listWidth is the list's share of a split pane; the thread gets the rest but a rule.
func (p *Pane) listWidth() int {
	if !p.split() {
		return p.width
	}
	return p.width * 45 / 100
}

// threadSize is the thread's area: beside the list under the view bar when split, the
// whole pane otherwise.
func (p *Pane) threadSize() (int, int) {
	if !p.split() {
		return p.width, p.height
	}
	return max(0, p.width-p.listWidth()-1), max(0, p.height-1)
}

// listHeight is the number of rows the list shows: the pane less the view bar, the
// filter line and the error line when they show.
func (p *Pane) listHeight() int {
	h := p.height - 1
	v := p.activeView()
	if p.filterShown() {
		h--
	}
	if v != nil && v.err != nil && v.list.len() > 0 {
		h--
	}
	return max(h, 1)
}

// filterShown reports whether the filter line shows above the rows: while typing, or
// while the active view is filtered.
func (p *Pane) filterShown() bool {
	v := p.activeView()
	return p.input.Focused() || (v != nil && v.list.query != "")
}

// previewRow is the row the split thread is to follow: the one under the cursor, unless
// there is no split, the agent is reading the thread (it never changes under them), or
// the thread shows that row already (nil then).
func (p *Pane) previewRow() *convRow {
	if !p.split() || p.threadFocused {
		return nil
	}
	v := p.activeView()
	if v == nil {
		return nil
	}
	r := v.list.selected()
	if r == nil || r.id == p.thread.ID() {
		return nil
	}
	return r
}

// previewSoon has the split thread follow the cursor once it rests there, and the
// rows from the cursor on prefetched. Prefetches of rows the cursor left are cancelled.
func (p *Pane) previewSoon() tea.Cmd {
	p.previewGen++
	p.cursorMoved()
	if p.previewRow() == nil && !p.restPrefetch() {
		return nil
	}
	gen := p.previewGen
	return tea.Tick(p.previewDelay, func(time.Time) tea.Msg { return previewMsg{gen: gen} })
}

func (p Pane) preview(msg previewMsg) (Pane, tea.Cmd) {
	if msg.gen != p.previewGen {
		return p, nil // the cursor moved on
	}
	cmd := p.previewNow()
	return p, tea.Batch(cmd, p.prefetchNow())
}

// previewNow shows the row under the cursor in the split thread (see previewRow).
func (p *Pane) previewNow() tea.Cmd {
	r := p.previewRow()
	if r == nil {
		return nil
	}
	p.previewGen++
	return p.openRow(r.id, r.conv, r.updated)
}

// Help is the short list of keys for the footer.
func (p Pane) Help() []key.Binding {
	k := p.ctx.Keys
	switch {
	case p.input.Focused():
		return []key.Binding{relabelKey(k.Open, "keep filter"), relabelKey(k.Back, "clear filter")}
	case p.threadFocused:
		return append(p.thread.Help(), k.Reply, k.Note, k.Assign, k.Snooze, k.SnoozeTomorrow, k.Close, k.Reopen, k.Tags, relabelKey(k.Back, "list"))
	}
	out := []key.Binding{k.Down, k.Up, k.Open, k.Reply, k.Note, k.Assign, k.Snooze, k.SnoozeTomorrow, k.Close, k.Tags, k.Select, k.Filter, k.NextView, k.Refresh}
	if p.split() {
		out = append(out, k.ScrollDown)
	}
	if p.filtering() {
		out = append(out, relabelKey(k.Back, "clear filter"))
	}
	return out
}

// relabelKey is a binding with the same keys and another description.
func relabelKey(b key.Binding, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, desc))
}
