package ui

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/clock"
	"github.com/intercom-tui/intercom-tui/store"
	"github.com/intercom-tui/intercom-tui/store/storetest"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// The first inbox screen's requests (issue #9: "the first inbox screen costs one request,
// plus /me, cached across runs"). The help-center background sync is off in these tests
// (Settings.HelpCenterMaxAge is 0), and the window is below the split width, so no
// thread is previewed: what is counted is the start alone.

// firstRow is the first Open row of the seed-1 fake workspace.
const firstRow = "Oisín Kelly"

// routeLog records every request's "METHOD /path" in arrival order, thread paths
// folded into "/conversations/{id}"; holdMe, while set, keeps GET /me waiting.
type routeLog struct {
	mu     sync.Mutex
	routes []string
	holdMe chan struct{}
}

var convPath = regexp.MustCompile(`^/conversations/[0-9]+$`)

func (l *routeLog) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path := r.URL.Path
		if convPath.MatchString(path) {
			path = "/conversations/{id}"
		}
		l.mu.Lock()
		l.routes = append(l.routes, r.Method+" "+path)
		hold := l.holdMe
		l.mu.Unlock()
		if hold != nil && r.Method == http.MethodGet && r.URL.Path == "/me" {
			select {
			case <-hold:
			case <-r.Context().Done():
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

func (l *routeLog) snapshot() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.routes...)
}

func (l *routeLog) reset() {
	l.mu.Lock()
	l.routes = nil
	l.mu.Unlock()
}

// counts is how many requests each route had; thread loads are left out (the thread
// prefetch is the conversations pane's, counted by its own tests) and returned apart.
func counts(routes []string) (map[string]int, int) {
	n, threads := map[string]int{}, 0
	for _, r := range routes {
		if r == "GET /conversations/{id}" {
			threads++
			continue
		}
		n[r]++
	}
	return n, threads
}

// startProbe remembers, after every Update, the screen, the busy state and whether the
// network's directory answer has been applied (the background refresh of a warm start).
type startProbe struct {
	mu          sync.Mutex
	screen      string
	busy        bool
	dirAnswered bool
}

type startProbed struct {
	App
	p *startProbe
}

func (m startProbed) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.App.Update(msg)
	app := next.(App)
	m.p.mu.Lock()
	m.p.screen, m.p.busy = ansi.Strip(app.Render()), app.Busy()
	m.p.dirAnswered = app.dir.answered == app.dirReq
	m.p.mu.Unlock()
	return startProbed{app, m.p}, cmd
}

func (p *startProbe) state() (screen string, busy, dirAnswered bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.screen, p.busy, p.dirAnswered
}

// startRun is one run of the app on h's context until cond holds.
func startRun(t *testing.T, h *harness, cond func(screen string, busy, dirAnswered bool) bool) (*teatest.TestModel, *startProbe) {
	t.Helper()
	p := &startProbe{}
	tm := teatest.NewTestModel(t, startProbed{New(h.ctx, Options{Where: "demo workspace"}), p}, teatest.WithInitialTermSize(100, 36))
	waitStart(t, tm, p, cond)
	return tm, p
}

func waitStart(t *testing.T, tm *teatest.TestModel, p *startProbe, cond func(string, bool, bool) bool) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func([]byte) bool { return cond(p.state()) },
		teatest.WithDuration(15*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
	if s, b, d := p.state(); !cond(s, b, d) {
		t.Fatalf("the start never reached its state (busy %v, directory answered %v):\n%s", b, d, s)
	}
}

func quit(t *testing.T, tm *teatest.TestModel) {
	t.Helper()
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
}

// startHarness is newHarness with every request logged in order (log) and the store st.
func startHarness(t *testing.T, st *store.Store) (*harness, *routeLog) {
	t.Helper()
	h := newHarness(t, 300)
	log := &routeLog{}
	srv := httptest.NewServer(log.wrap(h.ws))
	t.Cleanup(srv.Close)
	client, err := api.New(api.WithToken(h.ws.Token()), api.WithBaseURL(srv.URL), api.WithClock(clock.NewFake(fixedNow)))
	if err != nil {
		t.Fatal(err)
	}
	h.ctx.WS, h.ctx.Store = workspace.New(client, true), st
	return h, log
}

func settledOn(want ...string) func(string, bool, bool) bool {
	return func(screen string, busy, dirAnswered bool) bool {
		if busy || !dirAnswered {
			return false
		}
		for _, w := range want {
			if !strings.Contains(screen, w) {
				return false
			}
		}
		return true
	}
}

// Cold start (an empty store): the directory (/me, /admins, /teams, once each), then the
// one search of the Open view, and nothing else: contacts, tickets and articles send
// nothing until their tab is shown.
func TestFirstInboxScreenColdStart(t *testing.T) {
	h, log := startHarness(t, storetest.Open(t))
	tm, _ := startRun(t, h, settledOn(firstRow))
	quit(t, tm)
	routes := log.snapshot()
	n, threads := counts(routes)
	want := map[string]int{"GET /me": 1, "GET /admins": 1, "GET /teams": 1, "POST /conversations/search": 1}
	if !sameCounts(n, want) {
		t.Fatalf("cold start requests %v, want %v (all: %v)", n, want, routes)
	}
	search := indexOf(routes, "POST /conversations/search")
	for _, dir := range []string{"GET /me", "GET /admins", "GET /teams"} {
		if i := indexOf(routes, dir); i > search {
			t.Fatalf("the search was sent before %s: %v", dir, routes)
		}
	}
	t.Logf("cold start: %v, thread loads %d", n, threads)
}

// Warm start (the store holds the last run's directory and Open page): the inbox shows
// its rows from the saved directory while GET /me is still unanswered; the first screen
// costs one search, and the directory is refreshed in the background (/me, /admins,
// /teams once each). The refresh changed nothing, so the panes are not restarted.
func TestFirstInboxScreenWarmStart(t *testing.T) {
	st := storetest.Open(t)
	h, log := startHarness(t, st)
	tm, _ := startRun(t, h, settledOn(firstRow))
	quit(t, tm)
	cold := h.ctx.Dir

	log.reset()
	hold := make(chan struct{})
	log.holdMe = hold
	h.ctx.Dir = nil // a new run: the context starts empty
	tm, p := startRun(t, h, func(screen string, busy, _ bool) bool {
		return !busy && strings.Contains(screen, firstRow) && strings.Contains(screen, cold.WorkspaceName())
	})
	// The rows are on screen and /me has not been answered.
	if _, _, answered := p.state(); answered {
		t.Fatal("the directory was answered while GET /me was held")
	}
	if n, _ := counts(log.snapshot()); n["POST /conversations/search"] != 1 || n["GET /me"] != 1 {
		t.Fatalf("warm start before /me answered: %v, want one search and the held /me", n)
	}
	close(hold)
	waitStart(t, tm, p, settledOn(firstRow))
	quit(t, tm)

	routes := log.snapshot()
	n, threads := counts(routes)
	want := map[string]int{"GET /me": 1, "GET /admins": 1, "GET /teams": 1, "POST /conversations/search": 1}
	if !sameCounts(n, want) {
		t.Fatalf("warm start requests %v, want %v (all: %v)", n, want, routes)
	}
	if !sameDirectory(h.ctx.Dir, cold) {
		t.Fatal("the refreshed directory differs from the first run's")
	}
	t.Logf("warm start: %v, thread loads %d", n, threads)
}

// A directory that changed since the last run replaces the saved one quietly: no toast,
// and the context holds the network's.
func TestChangedDirectoryReplacesTheSavedOne(t *testing.T) {
	st := storetest.Open(t)
	h, _ := startHarness(t, st)
	tm, _ := startRun(t, h, settledOn(firstRow))
	quit(t, tm)
	fresh := h.ctx.Dir
	saved, err := st.Directory()
	if err != nil {
		t.Fatal(err)
	}
	saved.Me.Name = "Someone Else"
	if err := st.PutDirectory(saved); err != nil {
		t.Fatal(err)
	}

	h.ctx.Dir = nil
	tm, p := startRun(t, h, settledOn(firstRow))
	quit(t, tm)
	if h.ctx.Dir == nil || h.ctx.Dir.Me.Name != fresh.Me.Name {
		t.Fatalf("the directory after the refresh: %+v, want the network's (%q)", h.ctx.Dir, fresh.Me.Name)
	}
	if screen, _, _ := p.state(); strings.Contains(screen, "Connecting") || strings.Contains(screen, "Offline") {
		t.Fatalf("the refresh was not quiet:\n%s", screen)
	}
}

func sameCounts(got, want map[string]int) bool {
	if len(got) != len(want) {
		return false
	}
	for k, v := range want {
		if got[k] != v {
			return false
		}
	}
	return true
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}
