package conversations

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/api/fake"
	"github.com/intercom-tui/intercom-tui/api/fake/faults"
	"github.com/intercom-tui/intercom-tui/api/fake/seed"
	"github.com/intercom-tui/intercom-tui/api/fake/spectest"
	"github.com/intercom-tui/intercom-tui/clock"
	"github.com/intercom-tui/intercom-tui/drafts"
	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// The one harness of this package's tests: a fake workspace over real HTTP, an api
// client pointed at it, a context on a fixed clock, and a synchronous stand-in for the
// runtime and the root model. Commands run one at a time, first in first out, so no test
// sleeps: batches join the queue, a sequence's messages land in order, each before the
// next of its commands runs.

// inboxNow is the fixed clock of every test: the fake's data lies before it.
var inboxNow = time.Date(2026, 11, 24, 14, 5, 0, 0, time.UTC)

// testNow is the fixed clock as a context reads it.
func testNow() time.Time { return inboxNow }

// testContext is a context with the seeded directory, dark styles, default keys, the
// clock now and no auto-refresh timer; it has no workspace (rendering needs none).
func testContext(w *seed.World, now func() time.Time, pageSize int) *shared.Context {
	return &shared.Context{
		Dir:      workspace.NewDirectory(w.Me(), w.Admins(), w.Teams()),
		Styles:   theme.New(theme.Dark),
		Keys:     keymap.Default(),
		Now:      now,
		Settings: shared.Settings{PageSize: pageSize, SplitMinWidth: 120},
	}
}

// harnessOpts is what differs between the tests' setups; the zero value is a fake of
// 300 conversations, pages of 20, a client with its default retries, no pane yet.
type harnessOpts struct {
	size          int           // conversations in the fake (default 300)
	pageSize      int           // default 20
	width, height int           // when both are set, the pane starts at this size (start)
	markRead      bool          // Settings.MarkReadOnOpen
	bulkParallel  int           // Settings.BulkParallel
	noRetries     bool          // the client never retries: a fault answers at once
	record        bool          // the client records every exchange (writes, oneWrite)
	drafts        bool          // a drafts store in ctx.Drafts, in draftsDir or a new directory
	draftsDir     string        // implies drafts
	previewDelay  time.Duration // the split preview's timer (0: the pane's default)
}

// harness is the fake workspace, the client, the context, and the root's part: the pane,
// the overlay stack (keys go to the top overlay alone, other messages to it and then to
// the pane) and the toasts.
type harness struct {
	t      testing.TB
	opts   harnessOpts
	ws     *fake.Workspace
	srv    *httptest.Server
	client *api.Client
	ctx    *shared.Context
	faults *faults.Injector
	store  *drafts.Store // with opts.drafts

	p      Pane
	stack  []shared.Overlay
	toasts []shared.ToastMsg
	seen   []tea.Msg // every message delivered, in order
	queue  []tea.Cmd
	model  func(tea.Msg) []tea.Cmd // who takes the messages: toPane, or a thread (runThread)

	ticks  []tea.Msg          // the drafts throttle's ticks, until the test lets time pass (fire)
	holdIf func(tea.Msg) bool // the messages it matches wait in held
	hold   bool               // the commands a DoMsg returns (the writes) wait in held
	held   []tea.Cmd          // until release
	onMsg  func(tea.Msg)      // called after each message a model took, when set

	inflight, maxInflight int // bulk writes between their DoMsg and their WriteDoneMsg
	issued                int // DoMsgs of bulk writes delivered
	answers               int // WriteDoneMsgs of bulk writes delivered

	v       *spectest.Validator // made on first use (spec)
	mu      sync.Mutex
	traffic []exchange // with opts.record
}

func newHarness(t testing.TB, o harnessOpts) *harness {
	t.Helper()
	if o.size == 0 {
		o.size = 300
	}
	if o.pageSize == 0 {
		o.pageSize = 20
	}
	clk := clock.NewFake(inboxNow)
	inj := faults.New(clk, 1)
	ws := fake.New(fake.Options{Seed: 1, Size: o.size, Clock: clk, Faults: inj})
	srv := httptest.NewServer(ws)
	t.Cleanup(srv.Close)
	h := &harness{t: t, opts: o, ws: ws, srv: srv, faults: inj}
	h.model = h.toPane
	with := []api.Option{api.WithToken(ws.Token()), api.WithBaseURL(srv.URL), api.WithClock(clk)}
	if o.noRetries {
		with = append(with, api.WithMaxRetries(0))
	}
	if o.record {
		with = append(with, api.WithHTTPClient(&http.Client{Transport: recorder{h: h, base: http.DefaultTransport}}))
	}
	client, err := api.New(with...)
	if err != nil {
		t.Fatal(err)
	}
	h.client = client
	h.ctx = testContext(ws.World(), clk.Now, o.pageSize)
	h.ctx.WS = workspace.New(client, true)
	h.ctx.Settings.MarkReadOnOpen, h.ctx.Settings.BulkParallel = o.markRead, o.bulkParallel
	if o.drafts || o.draftsDir != "" {
		dir := o.draftsDir
		if dir == "" {
			dir = filepath.Join(t.TempDir(), "drafts")
		}
		if h.store, err = drafts.Open(dir); err != nil {
			t.Fatal(err)
		}
		h.ctx.Drafts = h.store
	}
	if o.width > 0 && o.height > 0 {
		h.start(o.width, o.height)
	}
	return h
}

// newTriageHarness is a pane of width × height with its first page, a client that
// records every exchange, and the mark-read setting given; previews are sent by hand
// (previewMsg), never waited for. What the start sent and toasted is forgotten.
func newTriageHarness(t *testing.T, width, height int, markRead bool) *harness {
	t.Helper()
	h := newHarness(t, harnessOpts{width: width, height: height, markRead: markRead, record: true, previewDelay: time.Hour})
	h.forget()
	return h
}

// newComposeHarness is a pane of width × height (narrow: no split previews, whose timers
// would wait) on a fake of 60 conversations, a client that records every exchange, and a
// drafts store in dir ("" for a new one).
func newComposeHarness(t *testing.T, width, height int, dir string) *harness {
	t.Helper()
	return newHarness(t, harnessOpts{size: 60, width: width, height: height, record: true, drafts: true, draftsDir: dir})
}

// start makes h.p a pane sized width × height that has received the directory and its
// first page, and returns it.
func (h *harness) start(width, height int) Pane {
	h.t.Helper()
	p := New(h.ctx)
	if h.opts.previewDelay != 0 {
		p.previewDelay = h.opts.previewDelay
	}
	p.compose.after = func(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		return func() tea.Msg { return heldTick{fn(inboxNow)} }
	}
	h.p, _ = p.Update(shared.SizeMsg{Width: width, Height: height})
	h.send(shared.DirectoryMsg{Loaded: shared.Loaded[*workspace.Directory]{Req: 1, Value: h.ctx.Dir}})
	return h.p
}

// heldTick is a drafts throttle tick the test has not let fire yet.
type heldTick struct{ msg tea.Msg }

// run makes p the pane, runs cmd and everything it yields, and returns the pane.
func (h *harness) run(p Pane, cmd tea.Cmd) Pane {
	h.t.Helper()
	h.p = p
	h.exec(cmd)
	return h.p
}

// runThread runs cmd and feeds what it yields to th instead of the pane, until nothing
// is left, and returns the thread.
func (h *harness) runThread(th Thread, cmd tea.Cmd) Thread {
	h.t.Helper()
	pane := h.model
	defer func() { h.model = pane }()
	h.model = func(msg tea.Msg) []tea.Cmd {
		var next tea.Cmd
		th, next = th.Update(msg)
		return []tea.Cmd{next}
	}
	h.exec(cmd)
	return th
}

// exec queues cmd and runs everything until nothing is left.
func (h *harness) exec(cmd tea.Cmd) {
	h.t.Helper()
	h.queue = append(h.queue, cmd)
	h.drain()
}

// send delivers msg as the root would, and runs what it starts.
func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	h.deliver(msg)
	h.drain()
}

// drain runs commands until none is left.
func (h *harness) drain() {
	h.t.Helper()
	h.until(func() bool { return false })
}

// until runs commands until done holds after a message, or none is left.
func (h *harness) until(done func() bool) {
	h.t.Helper()
	for n := 0; len(h.queue) > 0; n++ {
		if n > 100_000 {
			h.t.Fatal("commands do not settle")
		}
		c := h.queue[0]
		h.queue = h.queue[1:]
		if c == nil {
			continue
		}
		if h.deliver(c()) && done() {
			return
		}
	}
}

// deliver routes one message; what the model returns joins the queue. It reports
// whether a model (or the toasts) took a message.
func (h *harness) deliver(msg tea.Msg) bool {
	switch m := msg.(type) {
	case nil:
		return false
	case tea.BatchMsg:
		h.queue = append(h.queue, m...)
		return false
	case heldTick:
		h.ticks = append(h.ticks, m.msg)
		return false
	}
	if cmds, ok := sequenceCmds(msg); ok {
		took := false
		for _, c := range cmds {
			if c != nil && h.deliver(c()) {
				took = true
			}
		}
		return took
	}
	if h.holdIf != nil && h.holdIf(msg) {
		h.held = append(h.held, func() tea.Msg { return msg })
		return false
	}
	h.seen = append(h.seen, msg)
	if m, ok := msg.(shared.ToastMsg); ok {
		h.toasts = append(h.toasts, m)
		return true
	}
	cmds := h.model(msg)
	if _, ok := msg.(DoMsg); ok && h.hold {
		h.held = append(h.held, cmds...)
	} else {
		h.queue = append(h.queue, cmds...)
	}
	if h.onMsg != nil {
		h.onMsg(msg)
	}
	return true
}

// toPane is the root's routing: the overlay stack, then the pane. It counts the bulk
// writes in flight.
func (h *harness) toPane(msg tea.Msg) []tea.Cmd {
	n := len(h.stack)
	switch m := msg.(type) {
	case shared.PushOverlay:
		h.stack = append(h.stack, m.Overlay)
		return nil
	case shared.PopOverlay:
		if n > 0 {
			h.stack = h.stack[:n-1]
		}
		return nil
	case tea.KeyPressMsg:
		var cmd tea.Cmd
		if n > 0 {
			h.stack[n-1], cmd = h.stack[n-1].Update(m)
		} else {
			h.p, cmd = h.p.Update(m)
		}
		return []tea.Cmd{cmd}
	case DoMsg:
		if m.Batch != 0 {
			h.issued++
			h.inflight++
			h.maxInflight = max(h.maxInflight, h.inflight)
		}
	case WriteDoneMsg:
		if m.Batch != 0 {
			h.inflight--
			h.answers++
		}
	}
	var cmds []tea.Cmd
	if n > 0 {
		var cmd tea.Cmd
		h.stack[n-1], cmd = h.stack[n-1].Update(msg)
		cmds = append(cmds, cmd)
	}
	var cmd tea.Cmd
	h.p, cmd = h.p.Update(msg)
	return append(cmds, cmd)
}

// sequenceCmds are the commands of a tea.Sequence (an unexported slice of commands).
func sequenceCmds(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	if !v.IsValid() || v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeFor[tea.Cmd]() {
		return nil, false
	}
	cmds := make([]tea.Cmd, v.Len())
	for i := range cmds {
		cmds[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return cmds, true
}

// runAll runs a command, batches and sequences included, and lists what it yields in
// order, without delivering anything.
func runAll(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	cmds, ok := sequenceCmds(msg) // a tea.BatchMsg is a slice of commands too
	if !ok {
		if msg == nil {
			return nil
		}
		return []tea.Msg{msg}
	}
	var out []tea.Msg
	for _, c := range cmds {
		out = append(out, runAll(c)...)
	}
	return out
}

// release delivers the held messages and runs the held commands, in order, and holds
// nothing more.
func (h *harness) release() {
	h.t.Helper()
	held := h.held
	h.held, h.holdIf, h.hold = nil, nil, false
	for _, c := range held {
		h.exec(c)
	}
}

// fire lets the drafts throttle's window pass: the held ticks arrive.
func (h *harness) fire() {
	h.t.Helper()
	ticks := h.ticks
	h.ticks = nil
	for _, m := range ticks {
		h.send(m)
	}
}

// forget drops the recorded traffic and the toasts so far.
func (h *harness) forget() {
	h.mu.Lock()
	h.traffic = nil
	h.mu.Unlock()
	h.toasts = nil
}

// Keys.

// namedKeys are the keys a test names; any other name is its runes.
var namedKeys = map[string]tea.KeyPressMsg{
	"enter":     {Code: tea.KeyEnter},
	"esc":       {Code: tea.KeyEscape},
	"backspace": {Code: tea.KeyBackspace},
	"space":     {Code: tea.KeySpace, Text: " "},
	"up":        {Code: tea.KeyUp},
	"down":      {Code: tea.KeyDown},
	"pgup":      {Code: tea.KeyPgUp},
	"pgdown":    {Code: tea.KeyPgDown},
	"home":      {Code: tea.KeyHome},
	"end":       {Code: tea.KeyEnd},
	"ctrl+s":    {Code: 's', Mod: tea.ModCtrl},
}

// inboxKey is a key press as the terminal sends it: a named key or one rune ("j", "G").
func inboxKey(k string) tea.KeyPressMsg {
	if m, ok := namedKeys[k]; ok {
		return m
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: string(r)}
}

// press sends keys by name ("enter", "esc", "space", "down", "ctrl+s", "j"), or types
// the text of any other name, running what each key starts.
func (h *harness) press(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		if _, named := namedKeys[k]; !named && len([]rune(k)) > 1 {
			h.typeText(k)
			continue
		}
		h.send(inboxKey(k))
	}
}

// typeText types s one key at a time ('\n' is enter), running what each starts.
func (h *harness) typeText(s string) {
	h.t.Helper()
	for _, r := range s {
		k := string(r)
		if r == '\n' {
			k = "enter"
		}
		h.send(inboxKey(k))
	}
}

// key delivers one key and queues what it starts, without running it.
func (h *harness) key(k string) { h.deliver(inboxKey(k)) }

// keyFirst delivers one key and runs what it starts before the commands already queued
// (the writes on the network): a quick answer, like a report's stop, comes first.
func (h *harness) keyFirst(k string) {
	queued := h.queue
	h.queue = nil
	h.deliver(inboxKey(k))
	h.queue = append(h.queue, queued...)
}

// pressKeys sends keys by name straight to a pane, as a terminal would.
func pressKeys(p Pane, keys ...string) (Pane, tea.Cmd) {
	var cmds []tea.Cmd
	for _, k := range keys {
		var cmd tea.Cmd
		p, cmd = p.Update(inboxKey(k))
		cmds = append(cmds, cmd)
	}
	return p, tea.Batch(cmds...)
}

// typeKeys types s one key at a time straight to a pane.
func typeKeys(p Pane, s string) Pane {
	for _, r := range s {
		p, _ = p.Update(inboxKey(string(r)))
	}
	return p
}

// What the root and the fake hold.
