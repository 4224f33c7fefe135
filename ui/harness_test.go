package ui

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/api/fake"
	"github.com/intercom-tui/intercom-tui/api/fake/faults"
	"github.com/intercom-tui/intercom-tui/clock"
	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// fixedNow is the clock of every UI test: the fake's data and the UI's "4m ago" agree.
var fixedNow = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

// harness is a fake workspace over HTTP and a UI context pointed at it.
type harness struct {
	ws  *fake.Workspace
	ctx *shared.Context
	inj *faults.Injector
	req *requestCount // requests the fake has seen, by "METHOD /path"
}

// requestCount counts the requests that reach the fake, by "METHOD /path".
type requestCount struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *requestCount) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.mu.Lock()
		c.n[r.Method+" "+r.URL.Path]++
		c.mu.Unlock()
		next.ServeHTTP(w, r)
	})
}

// count is how many requests "METHOD /path" the fake has seen.
func (c *requestCount) count(route string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n[route]
}

// newHarness starts a fake workspace of size conversations (seed 1, fixed clock) with
// the given faults. The api client sleeps on its own manual clock, so retries and
// rate-limit waits take no real time.
func newHarness(t *testing.T, size int, rules ...faults.Rule) *harness {
	t.Helper()
	inj := faults.New(clock.NewFake(fixedNow), 1)
	if err := inj.Add(rules...); err != nil {
		t.Fatal(err)
	}
	ws := fake.New(fake.Options{Seed: 1, Size: size, Clock: clock.NewFake(fixedNow), Faults: inj})
	req := &requestCount{n: map[string]int{}}
	srv := httptest.NewServer(req.wrap(ws))
	t.Cleanup(srv.Close)
	client, err := api.New(api.WithToken(ws.Token()), api.WithBaseURL(srv.URL), api.WithClock(clock.NewFake(fixedNow)))
	if err != nil {
		t.Fatal(err)
	}
	ctx := &shared.Context{
		WS:     workspace.New(client, true),
		Styles: theme.New(theme.Dark),
		Keys:   keymap.Default(),
		Now:    func() time.Time { return fixedNow },
		Settings: shared.Settings{
			RefreshInterval: 0, // no background refresh in tests
			PageSize:        50,
			SplitMinWidth:   120,
		},
	}
	return &harness{ws: ws, ctx: ctx, inj: inj, req: req}
}

// probe remembers the screen and the busy state after every Update, so a test can wait
// for a state of the model rather than for a length of time or for bytes on the wire.
type probe struct {
	mu     sync.Mutex
	screen string
	raw    string // screen with its escape sequences (the NO_COLOR tests read them)
	busy   bool
}

type probed struct {
	App
	p *probe
}

func (m probed) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.App.Update(msg)
	app := next.(App)
	m.p.mu.Lock()
	raw := app.Render()
	m.p.screen, m.p.raw, m.p.busy = ansi.Strip(raw), raw, app.Busy()
	m.p.mu.Unlock()
	return probed{app, m.p}, cmd
}

// settled reports that nothing is loading and the screen shows every wanted string.
func (p *probe) settled(want ...string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.busy {
		return false
	}
	for _, w := range want {
		if !strings.Contains(p.screen, w) {
			return false
		}
	}
	return true
}

func (p *probe) text() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.screen
}

// run starts the app at w x h and waits until it settles showing want.
func (h *harness) run(t *testing.T, w, hgt int, want ...string) (*teatest.TestModel, *probe) {
	t.Helper()
	return h.runWith(t, Options{Where: "demo workspace"}, w, hgt, want...)
}

// runWith is run with the app's options given.
func (h *harness) runWith(t *testing.T, opts Options, w, hgt int, want ...string) (*teatest.TestModel, *probe) {
	t.Helper()
	p := &probe{}
	tm := teatest.NewTestModel(t, probed{New(h.ctx, opts), p}, teatest.WithInitialTermSize(w, hgt))
	waitFor(t, tm, p, want...)
	return tm, p
}

// waitFor waits until the model settles showing want (a condition on the model, polled
// by teatest; no fixed sleep).
func waitFor(t *testing.T, tm *teatest.TestModel, p *probe, want ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func([]byte) bool { return p.settled(want...) },
		teatest.WithDuration(15*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
	if !p.settled(want...) {
		t.Fatalf("screen never showed %q:\n%s", want, p.text())
	}
}

// final quits and returns the final screen without colours, for a golden file.
func final(t *testing.T, tm *teatest.TestModel) string {
	t.Helper()
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	m := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(probed)
	return ansi.Strip(m.App.Render())
}

func requireGolden(t *testing.T, screen string) {
	t.Helper()
	golden.RequireEqual(t, []byte(screen))
}

func press(tm *teatest.TestModel, keys ...string) {
	for _, k := range keys {
		tm.Send(keyMsg(k))
	}
}

// keyMsg is the key press a terminal would send for a key name.
func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "ctrl+r":
		return tea.KeyPressMsg{Code: 'r', Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}
