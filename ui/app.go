// Package ui is the Bubble Tea program: App is the one root model. It owns the screen
// (tab bar, the active pane, the status bar), the overlays (help, toasts), and the
// shared context; panes get keys and messages from it and report back with messages.
package ui

import (
	"errors"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/ui/articles"
	"github.com/intercom-tui/intercom-tui/ui/components/help"
	"github.com/intercom-tui/intercom-tui/ui/components/picker"
	"github.com/intercom-tui/intercom-tui/ui/components/toast"
	"github.com/intercom-tui/intercom-tui/ui/contacts"
	"github.com/intercom-tui/intercom-tui/ui/conversations"
	"github.com/intercom-tui/intercom-tui/ui/palette"
	"github.com/intercom-tui/intercom-tui/ui/redirect"
	"github.com/intercom-tui/intercom-tui/ui/search"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
	"github.com/intercom-tui/intercom-tui/ui/tickets"
)

// Options tune the root model.
type Options struct {
	Theme  string       // "dark", "light", or "" to follow the terminal background
	Look   theme.Config // colour overrides, icons, NO_COLOR
	Where  string       // what we connect to, for the connecting screen ("demo workspace", a URL)
	Notice string       // something to tell the user at start (e.g. the offline store was rebuilt)
	Crash  Crash        // where a panic in a command is logged, and what to redact from it
	// Commands are the config's [[commands]], bound to Keys.Commands (commands.go).
	Commands []Command
}

// App is the root model.
type App struct {
	ctx  *shared.Context
	opts Options

	panes  []pane // in tab order: Conversations, Contacts, Tickets
	active int

	width, height int
	help          bool
	helpOffset    int              // the help overlay's scroll position
	overlays      []shared.Overlay // modal stack; the last is on top
	toast         toast.Toast
	spin          spinner.Model
	spinning      bool

	seq    shared.Seq
	dirReq uint64
	dirErr error
	dir    dirState

	online       bool
	offlineSince time.Time
	budget       api.RateBudget

	helpSync struct{ started, running bool } // the background help-center sync
}

// New builds the root model. ctx.Styles may be nil: the dark theme is used until the
// terminal reports its background.
func New(ctx *shared.Context, opts Options) App {
	if ctx.Styles == nil {
		ctx.Styles = opts.Look.Styles(true, opts.Theme)
	}
	a := App{
		ctx:  ctx,
		opts: opts,
		panes: []pane{
			wrap[conversations.Pane]{conversations.New(ctx).PrefetchOnRest()},
			wrap[contacts.Pane]{contacts.New(ctx)},
			wrap[tickets.Pane]{tickets.New(ctx)},
			wrap[articles.Pane]{articles.New(ctx).PrefetchOnRest()},
		},
		spin:   spinner.New(spinner.WithSpinner(spinner.MiniDot)),
		online: true,
	}
	// Init cannot change the model, so its requests are numbered here.
	a.dir.savedReq = a.seq.Next()
	a.dirReq = a.seq.Next()
	return a
}

// budgetMsg carries the client's last rate-limit report.
type budgetMsg struct{ budget api.RateBudget }

// Init reads the directory saved by the last run (the panes start from it at once) and
// loads it from the network beside, and asks the terminal for its background.
func (a App) Init() tea.Cmd {
	cmds := []tea.Cmd{readSavedDirectory(a.ctx.Store, a.dir.savedReq), a.loadDirectory(a.dirReq),
		tea.RequestBackgroundColor, a.readBudget()}
	if a.opts.Notice != "" {
		cmds = append(cmds, shared.ErrorToast(a.opts.Notice, nil))
	}
	for _, p := range a.panes {
		cmds = append(cmds, p.Init())
	}
	return a.opts.Crash.guard(tea.Batch(cmds...))
}

func (a App) loadDirectory(req uint64) tea.Cmd {
	ws, st, now := a.ctx.WS, a.ctx.Store, a.ctx.Now
	return func() tea.Msg { return fetchDirectory(ws, st, now, req) }
}

func (a App) readBudget() tea.Cmd {
	every := a.ctx.Settings.BudgetEvery
	if every <= 0 {
		return nil
	}
	client := a.ctx.WS.API
	return tea.Tick(every, func(time.Time) tea.Msg { return budgetMsg{client.RateBudget()} })
}

// Update routes a message: app-level ones here, keys by focus, the rest to the pane.
// Every command it returns is guarded: a panic inside one becomes an error toast.
func (a App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var offline tea.Cmd
	if o, ok := msg.(shared.Outcome); ok {
		a, offline = a.noteOutcome(o.Outcome())
		a, offline = a.afterOutcome(msg, offline)
	}
	next, cmd := a.route(msg)
	return next, a.opts.Crash.guard(tea.Batch(offline, cmd))
}

// route handles one message by kind.
func (a App) route(msg tea.Msg) (tea.Model, tea.Cmd) {
	if res, ok := msg.(picker.Result); ok && res.ID == palette.ID {
		return a.paletteChosen(res)
	}
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		cmd = a.toAll(a.paneSize())
	case tea.BackgroundColorMsg:
		a.ctx.Styles = a.opts.Look.Styles(msg.IsDark(), a.opts.Theme)
	case shared.DirectoryMsg:
		a, cmd = a.directoryLoaded(msg)
	case savedDirectoryMsg:
		a, cmd = a.savedDirectory(msg)
	case retryDirectory:
		a.dirErr = nil
		a.dirReq = a.seq.Next()
		cmd = a.loadDirectory(a.dirReq)
	case shared.PushOverlay:
		a.overlays = append(a.overlays, msg.Overlay)
	case shared.PopOverlay:
		if n := len(a.overlays); n > 0 {
			a.overlays = a.overlays[:n-1]
		}
	case shared.OpenConversationMsg:
		cmd = tea.Batch(a.switchTo(a.paneIndex("Conversations")), a.toAll(msg))
	case shared.OpenContactMsg:
		cmd = tea.Batch(a.switchTo(a.paneIndex("Contacts")), a.toAll(msg))
	case shared.OpenArticleMsg:
		cmd = tea.Batch(a.switchTo(a.paneIndex("Articles")), a.toAll(msg))
	case helpSyncedMsg:
		a, cmd = a.helpSynced(msg)
	case shared.ToastMsg:
		a, cmd = a.showToast(msg)
	case commandPanicked:
		a, cmd = a.showToast(shared.ToastMsg{Text: msg.toast(), Error: true})
	case offlineAt:
		if !a.online {
			a.offlineSince = msg.t
		}
	case budgetMsg:
		a.budget = msg.budget
		cmd = a.readBudget()
	case spinner.TickMsg:
		if !a.busy() {
			a.spinning = false
			return a, nil
		}
		a.spin, cmd = a.spin.Update(msg)
	case tea.KeyPressMsg:
		return a.key(msg)
	case tea.MouseClickMsg, tea.MouseWheelMsg:
		return a.mouse(msg.(tea.MouseMsg))
	case tea.MouseReleaseMsg, tea.MouseMotionMsg:
		return a, nil // a click acts on the press; drags select nothing here
	case tea.PasteMsg:
		if n := len(a.overlays); n > 0 {
			a.overlays = append([]shared.Overlay(nil), a.overlays...)
			a.overlays[n-1], cmd = a.overlays[n-1].Update(msg)
		} else {
			cmd = a.toActive(msg) // typed text belongs to what is on screen
		}
	default:
		a.toast = a.toast.Update(msg)
		// The top overlay sees every message too (its own timers and answers).
		var ocmd tea.Cmd
		if n := len(a.overlays); n > 0 {
			a.overlays[n-1], ocmd = a.overlays[n-1].Update(msg)
		}
		cmd = tea.Batch(ocmd, a.toAll(msg))
	}
	return a.withSpinner(cmd)
}

// toAll gives a message to every pane: answers and timers find the pane they belong to,
// whichever is on screen.
func (a *App) toAll(msg tea.Msg) tea.Cmd {
	a.panes = append([]pane(nil), a.panes...) // copies of the model share no slice
	cmds := make([]tea.Cmd, len(a.panes))
	for i, p := range a.panes {
		a.panes[i], cmds[i] = p.update(msg)
	}
	return tea.Batch(cmds...)
}

// toActive gives a message (a key, a paste) to the pane on screen.
func (a *App) toActive(msg tea.Msg) tea.Cmd {
	a.panes = append([]pane(nil), a.panes...)
	var cmd tea.Cmd
	a.panes[a.active], cmd = a.panes[a.active].update(msg)
	return cmd
}

// paneIndex is the tab of the pane with that title, or the active one.
func (a *App) paneIndex(title string) int {
	for i, p := range a.panes {
		if p.Title() == title {
			return i
		}
	}
	return a.active
}

// switchTo makes pane i active (wrapping around) and tells it so.
func (a *App) switchTo(i int) tea.Cmd {
	n := len(a.panes)
	i = ((i % n) + n) % n
	var left tea.Cmd
	if i != a.active {
		left = a.toActive(shared.DeactivatedMsg{})
	}
	a.active = i
	return tea.Batch(left, a.toActive(shared.ActivatedMsg{}))
}

// retryDirectory asks for the directory again after it failed.
type retryDirectory struct{}

func (a App) directoryLoaded(msg shared.DirectoryMsg) (App, tea.Cmd) {
	if msg.Req != a.dirReq {
		return a, nil // an older attempt
	}
	a.dir.answered = msg.Req
	if msg.Stale != nil {
		return a.staleDirectory(msg)
	}
	if msg.Err != nil {
		a.dirErr = msg.Err
		retry := func() tea.Msg { return retryDirectory{} }
		var cmd tea.Cmd
		a.toast, cmd = a.toast.Show("Connecting: "+api.Short(msg.Err), true, retry)
		return a, cmd
	}
	wasOffline := a.dir.stale
	a.dirErr, a.dir.stale = nil, false
	var cmd tea.Cmd
	// The background refresh of the directory saved by the last run is no news to the
	// panes when nothing changed; a changed one replaces it quietly. Back from offline,
	// the panes hear of it (they reload what they showed from the store).
	if wasOffline || !sameDirectory(a.ctx.Dir, msg.Value) {
		a.ctx.Dir = msg.Value
		cmd = a.toAll(msg)
	}
	a, sync := a.startHelpSync()
	return a, tea.Batch(cmd, sync)
}

// key handles a key press: overlays first, then global keys, then the pane.
func (a App) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := a.ctx.Keys
	var cmd tea.Cmd
	switch {
	case key.Matches(msg, k.ForceQuit):
		return a, tea.Quit
	case len(a.overlays) > 0:
		top := len(a.overlays) - 1
		a.overlays = append([]shared.Overlay(nil), a.overlays...) // copies share no stack
		a.overlays[top], cmd = a.overlays[top].Update(msg)
	case a.help:
		return a.helpKey(msg), nil
	case a.panes[a.active].Capturing():
		cmd = a.toActive(msg)
	case key.Matches(msg, k.Quit):
		return a, tea.Quit
	case key.Matches(msg, k.Help):
		a.help, a.helpOffset = true, 0
	case key.Matches(msg, k.GlobalSearch):
		cmd = shared.Push(search.New(a.ctx))
	case key.Matches(msg, k.Palette):
		cmd = shared.Push(palette.New(k, a.ctx.Styles))
	case key.Matches(msg, k.PhoneRedirect):
		id, ph := a.panes[a.active].FocusContact()
		cmd = redirect.Open(a.ctx, redirect.Options{ID: a.seq.Next(), Phone: ph, ContactID: id})
	case key.Matches(msg, k.Retry) && a.toast.Retry != nil:
		cmd = a.toast.Retry
		a.toast = a.toast.Dismiss()
	case key.Matches(msg, k.NextTab):
		cmd = a.switchTo(a.active + 1)
	case key.Matches(msg, k.PrevTab):
		cmd = a.switchTo(a.active - 1)
	case a.tabKey(msg) >= 0:
		cmd = a.switchTo(a.tabKey(msg))
	case a.commandKey(msg) >= 0:
		a, cmd = a.runCommand(a.commandKey(msg))
	default:
		cmd = a.toActive(msg)
	}
	return a.withSpinner(cmd)
}

// paletteChosen runs the action chosen in the palette (closed by now) as its key press,
// so that it behaves exactly as the key would.
func (a App) paletteChosen(res picker.Result) (tea.Model, tea.Cmd) {
	press, ok := palette.Chosen(a.ctx.Keys, res)
	if !ok {
		return a, nil
	}
	return a.key(press)
}

// offlineAt is when the app went offline (the clock is read in a command).
type offlineAt struct{ t time.Time }

// noteOutcome keeps the online indicator: failing to reach the server means offline (since when
// it started); any answer from the server means online.
func (a App) noteOutcome(err error) (App, tea.Cmd) {
	switch {
	case errors.Is(err, shared.ErrOffline): // a write refused here says nothing new
	case err == nil || !api.Unreachable(err): // a broken-off answer reached the server
		a.online, a.offlineSince = true, time.Time{}
	case a.online:
		a.online = false
		now := a.ctx.Now
		return a, func() tea.Msg { return offlineAt{now()} }
	}
	return a, nil
}

func (a App) busy() bool {
	if (a.ctx.Dir == nil && a.dirErr == nil) || a.helpSync.running {
		return true
	}
	for _, p := range a.panes {
		if p.Busy() {
			return true
		}
	}
	return false
}

// tabKey is the pane a number key selects (1 is the first), or -1.
func (a App) tabKey(msg tea.KeyPressMsg) int {
	k := a.ctx.Keys
	for i, b := range []key.Binding{k.Tab1, k.Tab2, k.Tab3, k.Tab4} {
		if i < len(a.panes) && key.Matches(msg, b) {
			return i
		}
	}
	return -1
}

// withSpinner starts the spinner's ticks when something started loading.
func (a App) withSpinner(cmd tea.Cmd) (App, tea.Cmd) {
	if a.busy() && !a.spinning {
		a.spinning = true
		return a, tea.Batch(cmd, a.spin.Tick)
	}
	return a, cmd
}

func (a App) paneSize() shared.SizeMsg {
	return shared.SizeMsg{Width: a.width, Height: max(0, a.height-2)}
}

// Busy reports whether anything is loading (the directory, or a pane's request).
func (a App) Busy() bool { return a.busy() }

// helpKey scrolls or closes the help overlay.
func (a App) helpKey(msg tea.KeyPressMsg) App {
	k := a.ctx.Keys
	_, maxOffset := help.Render(a.ctx.Styles, k, a.width, max(0, a.height-2), 0)
	switch {
	case key.Matches(msg, k.Help, k.Back, k.Quit):
		a.help = false
	case key.Matches(msg, k.Down):
		a.helpOffset = min(maxOffset, a.helpOffset+1)
	case key.Matches(msg, k.Up):
		a.helpOffset = max(0, a.helpOffset-1)
	case key.Matches(msg, k.PageDown):
		a.helpOffset = min(maxOffset, a.helpOffset+max(1, a.height/2))
	case key.Matches(msg, k.PageUp):
		a.helpOffset = max(0, a.helpOffset-max(1, a.height/2))
	}
	return a
}
