package tickets

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/api/fake"
	"github.com/intercom-tui/intercom-tui/api/fake/faults"
	"github.com/intercom-tui/intercom-tui/api/fake/spectest"
	"github.com/intercom-tui/intercom-tui/clock"
	"github.com/intercom-tui/intercom-tui/drafts"
	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/store"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// testNow is the fixed clock of every test: the fake's data lies before it.
var testNow = time.Date(2026, 11, 24, 14, 5, 0, 0, time.UTC)

// Tickets of the fake (seed 1) the tests lean on; seedCheck fails loudly if the seed
// ever changes them.
const (
	bugTicket     = "1200" // #100, Bug report (string, list, integer, boolean, files), in progress
	billingTicket = "1236" // #102, Billing question (string, decimal, datetime, boolean, files, list), resolved
	bugTypeID     = "41"
)

// harness is a pane on a fake workspace (seed 1, 300 conversations, testNow) over real
// HTTP, with the overlay stack the root would keep. The api client records every
// exchange. Commands run synchronously, in order, so nothing sleeps.
type harness struct {
	t      *testing.T
	ws     *fake.Workspace
	srv    *httptest.Server
	client *api.Client
	ctx    *shared.Context
	faults *faults.Injector
	store  *drafts.Store

	p      Pane
	stack  []shared.Overlay
	toasts []shared.ToastMsg
	root   []tea.Msg // what the pane asked of the root (open a contact, …)

	hold bool // keep write answers in held instead of delivering them
	held []WriteDoneMsg

	mu      sync.Mutex
	traffic []exchange
}

// exchange is one request and its answer.
type exchange struct {
	method, path string
	req          *http.Request
	header       http.Header
	body         []byte
	status       int
	respHeader   http.Header
	resp         []byte
}

type recorder struct {
	h    *harness
	base http.RoundTripper
}

func (r recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		body, _ = io.ReadAll(req.Body)
		_ = req.Body.Close()
		req.Body = io.NopCloser(bytes.NewReader(body))
	}
	resp, err := r.base.RoundTrip(req)
	x := exchange{method: req.Method, path: req.URL.Path, req: req.Clone(context.Background()), header: req.Header.Clone(), body: body}
	if err == nil {
		data, _ := io.ReadAll(resp.Body)
		_ = resp.Body.Close()
		resp.Body = io.NopCloser(bytes.NewReader(data))
		x.status, x.respHeader, x.resp = resp.StatusCode, resp.Header.Clone(), data
	}
	r.h.mu.Lock()
	r.h.traffic = append(r.h.traffic, x)
	r.h.mu.Unlock()
	return resp, err
}

// newHarness starts the fake and a pane of width × height that has the directory, its
// first page and the ticket types.
func newHarness(t *testing.T, width, height int) *harness {
	t.Helper()
	return newHarnessWith(t, width, height, nil)
}

// newHarnessWith serves the fake through wrap (nil: as is).
func newHarnessWith(t *testing.T, width, height int, wrap func(http.Handler) http.Handler) *harness {
	t.Helper()
	return newHarnessOpts(t, width, height, harnessOpts{wrap: wrap})
}

// harnessOpts are a harness's variations: the fake served through wrap, an offline
// store, and what to do before the directory arrives (faults to inject).
type harnessOpts struct {
	wrap   func(http.Handler) http.Handler
	store  *store.Store
	before func(h *harness)
}

func newHarnessOpts(t *testing.T, width, height int, o harnessOpts) *harness {
	t.Helper()
	wrap := o.wrap
	clk := clock.NewFake(testNow)
	inj := faults.New(clk, 1)
	ws := fake.New(fake.Options{Seed: 1, Size: 300, Clock: clk, Faults: inj})
	var handler http.Handler = ws
	if wrap != nil {
		handler = wrap(ws)
	}
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	store, err := drafts.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, ws: ws, srv: srv, faults: inj, store: store}
	client, err := api.New(api.WithToken(ws.Token()), api.WithBaseURL(srv.URL), api.WithClock(clk),
		api.WithHTTPClient(&http.Client{Transport: recorder{h: h, base: http.DefaultTransport}}))
	if err != nil {
		t.Fatal(err)
	}
	w := ws.World()
	h.client = client
	h.ctx = &shared.Context{
		WS:       workspace.New(client, true),
		Dir:      workspace.NewDirectory(w.Me(), w.Admins(), w.Teams()),
		Styles:   theme.New(theme.Dark),
		Keys:     keymap.Default(),
		Now:      clk.Now,
		Settings: shared.Settings{PageSize: 20, SplitMinWidth: 120}, // no auto-refresh timer
		Drafts:   store,
		Store:    o.store,
	}
	if o.before != nil {
		o.before(h)
	}
	p := New(h.ctx)
	p.previewDelay = 0 // the split detail follows the cursor at once: no timers in tests
	p.shown = true     // as if its tab were on screen: the views load only then
	h.p, _ = p.Update(shared.SizeMsg{Width: width, Height: height})
	h.send(shared.DirectoryMsg{Loaded: shared.Loaded[*workspace.Directory]{Req: 1, Value: h.ctx.Dir}})
	return h
}

// forget drops the recorded traffic, the toasts and the root's messages so far.
func (h *harness) forget() {
	h.mu.Lock()
	h.traffic = nil
	h.mu.Unlock()
	h.toasts, h.root = nil, nil
	h.ws.ResetCounters()
}

// send delivers a message as the root would: a key to the top overlay alone (else the
// pane); anything else to the top overlay and the pane. What comes back is run.
func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	switch msg := msg.(type) {
	case nil:
	case shared.ToastMsg:
		h.toasts = append(h.toasts, msg)
	case shared.PushOverlay:
		h.stack = append(h.stack, msg.Overlay)
	case shared.PopOverlay:
		if n := len(h.stack); n > 0 {
			h.stack = h.stack[:n-1]
		}
	case shared.OpenContactMsg, shared.OpenConversationMsg:
		h.root = append(h.root, msg)
	case WriteDoneMsg:
		if h.hold {
			h.held = append(h.held, msg)
			return
		}
		h.toPane(msg)
	case tea.KeyPressMsg, tea.PasteMsg:
		if n := len(h.stack); n > 0 {
			var cmd tea.Cmd
			h.stack[n-1], cmd = h.stack[n-1].Update(msg)
			h.exec(cmd)
			return
		}
		h.toPane(msg)
	default:
		if n := len(h.stack); n > 0 {
			var cmd tea.Cmd
			h.stack[n-1], cmd = h.stack[n-1].Update(msg)
			h.exec(cmd)
		}
		h.toPane(msg)
	}
}

func (h *harness) toPane(msg tea.Msg) {
	var cmd tea.Cmd
	h.p, cmd = h.p.Update(msg)
	h.exec(cmd)
}

// exec runs a command and delivers what it yields; batches and sequences run in order.
func (h *harness) exec(cmd tea.Cmd) {
	h.t.Helper()
	if cmd == nil {
		return
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		for _, c := range b {
			h.exec(c)
		}
		return
	}
	if v := reflect.ValueOf(msg); v.IsValid() && v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		for i := range v.Len() {
			h.exec(v.Index(i).Interface().(tea.Cmd))
		}
		return
	}
	h.send(msg)
}

// release delivers the held write answers.
func (h *harness) release() {
	h.t.Helper()
	held := h.held
	h.held, h.hold = nil, false
	for _, m := range held {
		h.send(m)
	}
}

// press sends keys by name ("enter", "esc", "backspace", "ctrl+s") or types the text of
// any other name.
func (h *harness) press(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		switch k {
		case "enter":
			h.send(tea.KeyPressMsg{Code: tea.KeyEnter})
		case "esc":
			h.send(tea.KeyPressMsg{Code: tea.KeyEscape})
		case "backspace":
			h.send(tea.KeyPressMsg{Code: tea.KeyBackspace})
		case "ctrl+s":
			h.send(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
		default:
			for _, r := range k {
				h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
			}
		}
	}
}

// top is the overlay on top, or nil.
func (h *harness) top() shared.Overlay {
	if n := len(h.stack); n > 0 {
		return h.stack[n-1]
	}
	return nil
}

// requests are the recorded exchanges of one method and path prefix.
func (h *harness) requests(method, pathPrefix string) []exchange {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []exchange
	for _, x := range h.traffic {
		if x.method == method && strings.HasPrefix(x.path, pathPrefix) {
			out = append(out, x)
		}
	}
	return out
}

// writes are the recorded requests that change something (not GETs, not searches).
func (h *harness) writes() []exchange {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []exchange
	for _, x := range h.traffic {
		if x.method != http.MethodGet && x.path != "/tickets/search" {
			out = append(out, x)
		}
	}
	return out
}

// oneWrite checks that exactly one write was sent, to method and path, and returns its
// body as a map.
func (h *harness) oneWrite(method, path string) map[string]any {
	h.t.Helper()
	ws := h.writes()
	if len(ws) != 1 || ws[0].method != method || ws[0].path != path {
		var seen []string
		for _, x := range ws {
			seen = append(seen, x.method+" "+x.path+" "+string(x.body))
		}
		h.t.Fatalf("writes %v, want exactly one %s %s", seen, method, path)
	}
	h.checkSpec("2.9", ws[0])
	var body map[string]any
	if err := json.Unmarshal(ws[0].body, &body); err != nil {
		h.t.Fatalf("body %q: %v", ws[0].body, err)
	}
	return body
}

// checkSpec validates an exchange (request and answer) against Intercom's description
// of that version.
func (h *harness) checkSpec(version string, x exchange) {
	h.t.Helper()
	v := spectest.NewValidator(h.t, version, h.srv.URL)
	if err := v.Check(x.req, x.body, x.status, x.respHeader, x.resp); err != nil {
		h.t.Fatalf("%s %s %s breaks the %s spec: %v", x.method, x.path, x.body, version, err)
	}
}

// server reads the ticket back through the api: what the fake now holds.
func (h *harness) server(id string) models.Ticket {
	h.t.Helper()
	t, err := h.client.Ticket(context.Background(), id)
	if err != nil {
		h.t.Fatal(err)
	}
	return *t
}

// row is the pane's list copy of a ticket in the active view.
func (h *harness) row(id string) *ticketRow {
	h.t.Helper()
	v := h.p.activeView()
	if i, ok := v.list.index[id]; ok {
		return &v.list.rows[i]
	}
	h.t.Fatalf("%s is not listed in %s", id, v.def.name)
	return nil
}

// toasted reports a toast containing all of the parts.
func (h *harness) toasted(parts ...string) bool {
	for _, ts := range h.toasts {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(ts.Text, p)
		}
		if all {
			return true
		}
	}
	return false
}

func (h *harness) toastTexts() []string {
	var out []string
	for _, ts := range h.toasts {
		out = append(out, ts.Text)
	}
	return out
}

// switchTo makes the view with that key active (] until it is).
func (h *harness) switchTo(key string) {
	h.t.Helper()
	for range len(h.p.views) {
		if h.p.activeView().def.key == key {
			return
		}
		h.press("]")
	}
	h.t.Fatalf("no view %q", key)
}

// openByID opens a ticket with i, its id and enter.
func (h *harness) openByID(id string) {
	h.t.Helper()
	h.press("i", id, "enter")
	if got := h.p.detail.ID(); got != id || !h.p.detailFocused {
		h.t.Fatalf("i %s enter: the detail shows %q (focused %v); input error %q", id, got, h.p.detailFocused, h.p.byID.err)
	}
}

// screen is the pane's view without colours.
func (h *harness) screen() string { return ansi.Strip(h.p.View()) }

// listedIDs are the shown rows' ids in the active view.
func listedIDs(p Pane) []string {
	v := p.activeView()
	out := make([]string, v.list.len())
	for i := range out {
		out[i] = v.list.at(i).id
	}
	return out
}

// checkViewSize fails unless the view is exactly width × height cells.
func checkViewSize(t testing.TB, view string, width, height int) {
	t.Helper()
	if width <= 0 || height <= 0 {
		if view != "" {
			t.Fatalf("%dx%d: want an empty view, got %q", width, height, view)
		}
		return
	}
	lines := strings.Split(view, "\n")
	if len(lines) != height {
		t.Fatalf("%dx%d: %d lines:\n%s", width, height, len(lines), ansi.Strip(view))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w != width {
			t.Fatalf("%dx%d: line %d is %d wide: %q", width, height, i, w, ansi.Strip(l))
		}
	}
}

// The root hosts panes through this method set (ui/panes.go): the pane must keep it.
var _ interface {
	Update(tea.Msg) (Pane, tea.Cmd)
	View() string
	Title() string
	Help() []key.Binding
	Busy() bool
	Capturing() bool
	Init() tea.Cmd
} = Pane{}
