package contacts

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/api/fake"
	"github.com/intercom-tui/intercom-tui/api/fake/faults"
	"github.com/intercom-tui/intercom-tui/clock"
	"github.com/intercom-tui/intercom-tui/drafts"
	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// testNow is the fixed clock of every test: the fake's data lies before it.
var testNow = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

// loop is the pane on a fake workspace over real HTTP with what the root gives it: the
// overlay stack (keys go to the top overlay; other messages to it and then the pane),
// the toasts, and the messages meant for the root. Commands run synchronously, so no
// test sleeps. Timers are held until the test lets them fire (fire, settle).
type loop struct {
	t      *testing.T
	ws     *fake.Workspace
	client *api.Client
	ctx    *shared.Context
	faults *faults.Injector
	store  *drafts.Store
	p      Pane
	stack  []shared.Overlay
	toasts []shared.ToastMsg
	out    []tea.Msg // OpenConversationMsg and OpenContactMsg: for the root
	ticks  []tea.Msg // timers not fired yet
	queue  []tea.Cmd
	hold   func(tea.Msg) bool // messages to hold back, to look at the state before they land
	held   []tea.Msg
}

// heldTick is a timer the test has not let fire yet.
type heldTick struct{ msg tea.Msg }

// newLoop starts a pane of width x height on a fake workspace (seed 1, 300
// conversations) that has received the directory and its first page.
func newLoop(t *testing.T, width, height int) *loop {
	t.Helper()
	return newLoopWith(t, width, height, nil)
}

// newLoopWith is newLoop with the fake's handler wrapped (nil: as is).
func newLoopWith(t *testing.T, width, height int, wrap func(http.Handler) http.Handler) *loop {
	t.Helper()
	return newLoopSetup(t, width, height, wrap, nil)
}

// newLoopSetup is newLoopWith with setup run on the loop before the directory arrives
// (nil: none), e.g. to give the context an offline store.
func newLoopSetup(t *testing.T, width, height int, wrap func(http.Handler) http.Handler, setup func(*loop)) *loop {
	t.Helper()
	clk := clock.NewFake(testNow)
	inj := faults.New(clk, 1)
	ws := fake.New(fake.Options{Seed: 1, Size: 300, Clock: clk, Faults: inj})
	var h http.Handler = ws
	if wrap != nil {
		h = wrap(ws)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	client, err := api.New(api.WithToken(ws.Token()), api.WithBaseURL(srv.URL), api.WithClock(clk))
	if err != nil {
		t.Fatal(err)
	}
	store, err := drafts.Open(filepath.Join(t.TempDir(), "drafts"))
	if err != nil {
		t.Fatal(err)
	}
	w := ws.World()
	ctx := &shared.Context{
		WS:       workspace.New(client, true),
		Dir:      workspace.NewDirectory(w.Me(), w.Admins(), w.Teams()),
		Styles:   theme.New(theme.Dark),
		Keys:     keymap.Default(),
		Now:      func() time.Time { return testNow },
		Settings: shared.Settings{PageSize: 50},
		Drafts:   store,
	}
	l := &loop{t: t, ws: ws, client: client, ctx: ctx, faults: inj, store: store}
	l.p = New(ctx)
	l.p.after = func(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		return func() tea.Msg { return heldTick{fn(testNow)} }
	}
	if setup != nil {
		setup(l)
	}
	l.p.shown = true // as if its tab were on screen: the list loads only then
	l.send(shared.SizeMsg{Width: width, Height: height})
	l.send(shared.DirectoryMsg{Loaded: shared.Loaded[*workspace.Directory]{Req: 1, Value: ctx.Dir}})
	l.settle()
	return l
}

// send delivers msg as the root would and runs what follows (timers stay held).
func (l *loop) send(msg tea.Msg) {
	l.t.Helper()
	l.deliver(msg)
	l.run()
}

// press sends keys by name, as a terminal would.
func (l *loop) press(keys ...string) {
	l.t.Helper()
	for _, k := range keys {
		l.send(keyPress(k))
	}
}

// typeText types s one key at a time.
func (l *loop) typeText(s string) {
	l.t.Helper()
	for _, r := range s {
		l.send(keyPress(string(r)))
	}
}

// run executes the queued commands and everything they lead to.
func (l *loop) run() {
	l.t.Helper()
	for n := 0; len(l.queue) > 0; n++ {
		if n > 100_000 {
			l.t.Fatal("commands do not settle")
		}
		c := l.queue[0]
		l.queue = l.queue[1:]
		if c != nil {
			l.deliver(c())
		}
	}
}

// release delivers the held messages and stops holding.
func (l *loop) release() {
	l.t.Helper()
	held := l.held
	l.held, l.hold = nil, nil
	for _, m := range held {
		l.send(m)
	}
}

// fire lets every held timer fire, in the order they were set.
func (l *loop) fire() {
	l.t.Helper()
	ticks := l.ticks
	l.ticks = nil
	for _, m := range ticks {
		l.send(m)
	}
}

// settle runs and fires timers until nothing is left: time passes.
func (l *loop) settle() {
	l.t.Helper()
	l.run()
	for i := 0; len(l.ticks) > 0; i++ {
		if i > 1000 {
			l.t.Fatal("timers do not settle")
		}
		l.fire()
	}
}

func (l *loop) deliver(msg tea.Msg) {
	l.t.Helper()
	if b, ok := msg.(tea.BatchMsg); ok {
		l.queue = append(l.queue, b...)
		return
	}
	// A tea.Sequence (an unexported slice of commands): its messages land in order.
	if v := reflect.ValueOf(msg); v.IsValid() && v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		for i := range v.Len() {
			if c := v.Index(i).Interface().(tea.Cmd); c != nil {
				l.deliver(c())
			}
		}
		return
	}
	if msg != nil && l.hold != nil && l.hold(msg) {
		l.held = append(l.held, msg)
		return
	}
	var cmd tea.Cmd
	switch m := msg.(type) {
	case nil:
		return
	case heldTick:
		l.ticks = append(l.ticks, m.msg)
		return
	case shared.ToastMsg:
		l.toasts = append(l.toasts, m)
		return
	case shared.PushOverlay:
		l.stack = append(l.stack, m.Overlay)
		return
	case shared.PopOverlay:
		if n := len(l.stack); n > 0 {
			l.stack = l.stack[:n-1]
		}
		return
	case shared.OpenConversationMsg:
		l.out = append(l.out, m)
		return
	case shared.OpenContactMsg:
		l.out = append(l.out, m)
		l.p, cmd = l.p.Update(m)
	case tea.KeyPressMsg:
		if n := len(l.stack); n > 0 {
			l.stack[n-1], cmd = l.stack[n-1].Update(m)
		} else {
			l.p, cmd = l.p.Update(m)
		}
	default:
		var ocmd tea.Cmd
		if n := len(l.stack); n > 0 {
			l.stack[n-1], ocmd = l.stack[n-1].Update(m)
		}
		l.p, cmd = l.p.Update(m)
		cmd = tea.Batch(ocmd, cmd)
	}
	l.queue = append(l.queue, cmd)
}

func keyPress(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "ctrl+s":
		return tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// screen is the pane's view without colours.
func (l *loop) screen() string { return ansi.Strip(l.p.View()) }

// searches is how many contact searches reached the fake.
func (l *loop) searches() int { return l.ws.Count("POST", "/contacts/search") }

// lastSearchQuery is the query of the latest contact search, decoded.
func (l *loop) lastSearchQuery() models.Query {
	l.t.Helper()
	log := l.ws.Log()
	for i := len(log) - 1; i >= 0; i-- {
		if log[i].Method == "POST" && strings.HasPrefix(log[i].Path, "/contacts/search") {
			var body struct {
				Query models.Query `json:"query"`
			}
			if err := json.Unmarshal(log[i].Body, &body); err != nil {
				l.t.Fatal(err)
			}
			return body.Query
		}
	}
	l.t.Fatal("no contact search was sent")
	return models.Query{}
}

// listed is the ids of the list's rows.
func (l *loop) listed() []string {
	out := make([]string, l.p.list.rows.len())
	for i := range out {
		out[i] = l.p.list.rows.rows[i].id
	}
	return out
}

// pickContact finds a seeded contact for which ok holds.
func (l *loop) pickContact(ok func(models.Contact) bool) models.Contact {
	l.t.Helper()
	w := l.ws.World()
	for i := range w.NumContacts() {
		if c := w.Contact(i); ok(c) {
			return c
		}
	}
	l.t.Fatal("no contact fits")
	return models.Contact{}
}

// checkSize fails unless view (of the state named what) is exactly width x height cells.
func checkSize(t *testing.T, what, view string, width, height int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != height {
		t.Fatalf("%s at %dx%d: %d lines", what, width, height, len(lines))
	}
	for i, ln := range lines {
		if w := ansi.StringWidth(ln); w != width {
			t.Fatalf("%s at %dx%d: line %d is %d wide: %q", what, width, height, i, w, ansi.Strip(ln))
		}
	}
}

// fault makes the next request matching method and pattern fail with status code.
func (l *loop) fault(code int, method, pattern string) {
	l.t.Helper()
	if err := l.faults.Add(faults.Rule{Kind: faults.Status, Code: code, Method: method, Pattern: pattern, Count: 1}); err != nil {
		l.t.Fatal(err)
	}
}
