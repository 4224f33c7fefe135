// Package contacts is the contacts tab: search as you type over name, email, phone and
// external id (POST /contacts/search; all contacts when the box is empty), the list of
// results, and a contact's profile (attributes, location, custom attributes,
// companies, tags, segments, notes, and their conversations), where the agent adds a
// note or opens one of the conversations in the conversations pane.
package contacts

import (
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/ui/components/filter"
	"github.com/intercom-tui/intercom-tui/ui/components/listnav"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/components/weblink"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// Pane is the contacts tab. The root sends it keys (all of them while Capturing), its
// size, the directory once loaded, OpenContactMsg, and every message it does not know.
type Pane struct {
	ctx *shared.Context
	dir *workspace.Directory
	loc *time.Location // the workspace's zone, once a command has loaded it
	seq shared.Seq
	now int64 // unix seconds of the last answer: what ages are counted to

	width, height int

	input    textinput.Model
	typedGen uint64 // the debounce timer's generation; older timers are ignored
	restGen  uint64 // the rest timer's generation (company names)
	list     listState
	names    *companyNames // shared by copies: a cache
	engaged  bool          // the agent has used the pane: company names are worth asking for
	shown    bool          // the tab has been on screen: the list loads only then (the first inbox screen costs one request)

	prof  profile
	doc   *docCache // shared by copies: keyed by what it depends on
	notes noteState

	// after makes timers: tea.Tick, unless a test holds them.
	after func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
	// opener opens the browser (o); tests swap it so none is launched.
	opener weblink.Opener
}

// New builds the pane. Nothing loads until the directory arrives.
func New(ctx *shared.Context) Pane {
	return Pane{
		ctx:    ctx,
		input:  filter.New(ctx.Styles, "/ ", "name, email, phone or external id"),
		names:  newCompanyNames(),
		doc:    &docCache{},
		prof:   profile{cursor: -1},
		opener: weblink.SystemOpener,
	}
}

// Init has nothing to start: the first page loads when the directory arrives.
func (p Pane) Init() tea.Cmd { return nil }

// Title is the tab's name.
func (p Pane) Title() string { return "Contacts" }

// Busy reports a request in flight: a page, a profile section, company names, a note,
// a read of the offline store.
func (p Pane) Busy() bool {
	if p.list.pending || p.prof.loading() || p.names.pending > 0 || p.list.storeReq != 0 || p.prof.storeReq != 0 {
		return true
	}
	for _, st := range p.notes.drafts {
		if st.sending != 0 {
			return true
		}
	}
	return false
}

// Capturing reports that the search box has focus: every key is text for it.
func (p Pane) Capturing() bool { return p.input.Focused() }

// zoneMsg carries the workspace's time zone, loaded in a command (it reads the disk).
type zoneMsg struct{ loc *time.Location }

// Update handles one message.
func (p Pane) Update(msg tea.Msg) (Pane, tea.Cmd) {
	switch msg := msg.(type) {
	case shared.DirectoryMsg:
		return p.start(msg)
	case shared.SizeMsg:
		p.width, p.height = max(0, msg.Width), max(0, msg.Height)
		p.list.rows.moveTo(p.list.rows.cursor, p.listHeight())
		p.clampProfile()
		return p, p.restSoon()
	case zoneMsg:
		p.loc = msg.loc
		p.prof.gen++
		return p, nil
	case shared.ActivatedMsg:
		p.engaged, p.shown = true, true
		cmd := tea.Batch(p.restSoon(), p.firstLoad())
		return p, cmd
	case tea.KeyPressMsg:
		p.engaged = true
		return p.key(msg)
	case tea.MouseClickMsg:
		p.engaged = true
		return p.click(msg)
	case tea.MouseWheelMsg:
		p.engaged = true
		return p.wheel(msg)
	case tea.PasteMsg:
		if p.input.Focused() {
			return p.edit(msg)
		}
		return p, nil
	case typedMsg:
		return p.typed(msg)
	case ListMsg:
		return p.listLoaded(msg)
	case listStoreMsg:
		return p.listFromStore(msg)
	case profileStoreMsg:
		return p.profileFromStore(msg)
	case listCancelledMsg:
		return p, nil // a newer request cancelled it: nothing to apply
	case listRetryMsg:
		return p.retry(msg)
	case restMsg:
		if msg.gen != p.restGen || p.prof.open() {
			return p, nil
		}
		return p, p.lookupCompanies()
	case CompaniesLoadedMsg:
		return p.companiesLoaded(msg)
	case shared.OpenContactMsg:
		p.engaged = true
		return p.openProfile(msg.ID, p.summaryOf(msg.ID))
	}
	if next, ok := p.sectionMsg(msg); ok {
		return next, nil
	}
	if next, cmd, ok := p.noteMsg(msg); ok {
		return next, cmd
	}
	return p, nil
}

// start lists all contacts once the workspace is known.
func (p Pane) start(msg shared.DirectoryMsg) (Pane, tea.Cmd) {
	if msg.Err != nil || msg.Value == nil {
		return p, nil // the root reports a failed directory
	}
	p.dir = msg.Value
	p.prof.gen++ // owners' names
	dir := p.dir
	zone := func() tea.Msg { return zoneMsg{loc: textfmt.Zone(dir.Timezone())} }
	cmd := tea.Batch(p.firstLoad(), zone)
	return p, cmd
}

// firstLoad lists the contacts once the tab has been shown and the directory is known:
// nothing is sent before, so the first inbox screen costs one request.
func (p *Pane) firstLoad() tea.Cmd {
	if !p.shown || p.dir == nil || p.list.loaded || p.list.pending {
		return nil
	}
	return p.load(normalizeQuery(p.input.Value()), false)
}

// directory is the signed-in workspace's directory: the pane's, else the context's.
func (p *Pane) directory() *workspace.Directory {
	if p.dir != nil {
		return p.dir
	}
	return p.ctx.Dir
}

// key routes a key: to the search box while it has focus, to the profile when one
// shows, else to the list.
func (p Pane) key(msg tea.KeyPressMsg) (Pane, tea.Cmd) {
	switch {
	case p.input.Focused():
		return p.searchKey(msg)
	case p.prof.open():
		return p.profileKey(msg)
	}
	return p.listKey(msg)
}

func (p Pane) listKey(msg tea.KeyPressMsg) (Pane, tea.Cmd) {
	k := p.ctx.Keys
	l := &p.list.rows
	if to, ok := listnav.Move(msg, k, l.cursor, p.listHeight()); ok {
		return p.moveTo(to)
	}
	switch {
	case key.Matches(msg, k.Open):
		if r := l.selected(); r != nil {
			return p.openProfile(r.id, r.contact)
		}
	case key.Matches(msg, k.Filter):
		return p, p.focusSearch()
	case key.Matches(msg, k.Back):
		if p.input.Value() != "" || p.list.query != "" {
			p.input.Reset()
			return p, p.searchNow()
		}
	case key.Matches(msg, k.Refresh):
		return p, p.refresh()
	case key.Matches(msg, k.OpenURL, k.Copy):
		if r := l.selected(); r != nil {
			return p, p.webKey(msg, r.id)
		}
	}
	return p, nil
}

// moveTo puts the cursor on row i; near the end it asks for the next page, and once the
// list rests for the company names on screen.
func (p Pane) moveTo(i int) (Pane, tea.Cmd) {
	p.list.rows.moveTo(i, p.listHeight())
	return p, tea.Batch(p.maybeMore(), p.restSoon())
}

// Help is the short list of keys for the footer.
func (p Pane) Help() []key.Binding {
	k := p.ctx.Keys
	switch {
	case p.input.Focused():
		return []key.Binding{relabel(k.Open, "keep search"), relabel(k.Back, "clear search")}
	case p.prof.open():
		return []key.Binding{k.Down, k.Up, k.PageDown, relabel(k.Open, "open conversation"), relabel(k.Note, "add a note"),
			relabel(k.Refresh, "reload"), relabel(k.Filter, "search"), relabel(k.Back, "contacts")}
	}
	out := []key.Binding{k.Down, k.Up, relabel(k.Open, "profile"), relabel(k.Filter, "search"), k.Refresh}
	if p.list.query != "" {
		out = append(out, relabel(k.Back, "clear search"))
	}
	return out
}

// relabel is a binding with the same keys and another description.
func relabel(b key.Binding, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, desc))
}
