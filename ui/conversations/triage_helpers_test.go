package conversations

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

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/api/fake"
	"github.com/intercom-tui/intercom-tui/api/fake/faults"
	"github.com/intercom-tui/intercom-tui/api/fake/spectest"
	"github.com/intercom-tui/intercom-tui/clock"
	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// triageHarness is a pane on a fake workspace whose api client records every exchange,
// with the overlay stack the root would keep. Commands run synchronously, in order
// (batches in their order, sequences in theirs), so nothing sleeps; a test can hold the
// writes a DoMsg starts to look at the optimistic state before the answer.
type triageHarness struct {
	t      *testing.T
	ws     *fake.Workspace
	srv    *httptest.Server
	client *api.Client
	ctx    *shared.Context
	faults *faults.Injector
	v      *spectest.Validator

	p       Pane
	stack   []shared.Overlay
	toasts  []shared.ToastMsg
	hold    bool      // keep the commands a DoMsg returns in held instead of running them
	held    []tea.Cmd // what the held DoMsgs started
	mu      sync.Mutex
	traffic []exchange
}

// exchange is one request and its answer, as sent and received.
type exchange struct {
	req    *http.Request
	body   []byte
	status int
	header http.Header
	resp   []byte
}

// recorder is the api client's transport: it keeps a copy of every exchange.
type recorder struct {
	h    *triageHarness
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
	x := exchange{req: req.Clone(context.Background()), body: body}
	if err == nil {
		data, _ := io.ReadAll(resp.Body)
		_ = resp.Body.Close()
		resp.Body = io.NopCloser(bytes.NewReader(data))
		x.status, x.header, x.resp = resp.StatusCode, resp.Header.Clone(), data
	}
	r.h.mu.Lock()
	r.h.traffic = append(r.h.traffic, x)
	r.h.mu.Unlock()
	return resp, err
}

// newTriageHarness starts a fake workspace (seed 1, 300 conversations, inboxNow) with
// the given mark-read setting and a pane of width × height that has its first page.
func newTriageHarness(t *testing.T, width, height int, markRead bool) *triageHarness {
	t.Helper()
	clk := clock.NewFake(inboxNow)
	inj := faults.New(clk, 1)
	ws := fake.New(fake.Options{Seed: 1, Size: 300, Clock: clk, Faults: inj})
	srv := httptest.NewServer(ws)
	t.Cleanup(srv.Close)
	h := &triageHarness{t: t, ws: ws, srv: srv, faults: inj, v: spectest.NewValidator(t, "2.9", srv.URL)}
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
		Settings: shared.Settings{PageSize: 20, SplitMinWidth: 120, MarkReadOnOpen: markRead},
	}
	p := New(h.ctx)
	p.previewDelay = time.Hour // previews are sent by hand (previewMsg), never waited for
	h.p, _ = p.Update(shared.SizeMsg{Width: width, Height: height})
	h.send(shared.DirectoryMsg{Loaded: shared.Loaded[*workspace.Directory]{Req: 1, Value: h.ctx.Dir}})
	h.forget()
	return h
}

// forget drops the recorded traffic and the toasts so far.
func (h *triageHarness) forget() {
	h.mu.Lock()
	h.traffic = nil
	h.mu.Unlock()
	h.toasts = nil
}

// send delivers a message as the root would: to the top overlay too, unless it is a key
// (the top overlay then takes it alone), and runs what comes back.
func (h *triageHarness) send(msg tea.Msg) {
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
	case tea.KeyPressMsg:
		if n := len(h.stack); n > 0 {
			var cmd tea.Cmd
			h.stack[n-1], cmd = h.stack[n-1].Update(msg)
			h.exec(cmd)
			return
		}
		var cmd tea.Cmd
		h.p, cmd = h.p.Update(msg)
		h.exec(cmd)
	default:
		if n := len(h.stack); n > 0 {
			var cmd tea.Cmd
			h.stack[n-1], cmd = h.stack[n-1].Update(msg)
			h.exec(cmd)
		}
		var cmd tea.Cmd
		h.p, cmd = h.p.Update(msg)
		if _, ok := msg.(DoMsg); ok && h.hold {
			h.held = append(h.held, cmd)
			return
		}
		h.exec(cmd)
	}
}

// exec runs a command and delivers what it yields; batches and sequences run in order.
func (h *triageHarness) exec(cmd tea.Cmd) {
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

// runAll runs a command, batches and sequences included, and lists what it yields in
// order, without delivering anything.
func runAll(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	var cmds []tea.Cmd
	if b, ok := msg.(tea.BatchMsg); ok {
		cmds = b
	} else if v := reflect.ValueOf(msg); v.IsValid() && v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		for i := range v.Len() {
			cmds = append(cmds, v.Index(i).Interface().(tea.Cmd))
		}
	} else if msg != nil {
		return []tea.Msg{msg}
	}
	var out []tea.Msg
	for _, c := range cmds {
		out = append(out, runAll(c)...)
	}
	return out
}

// release runs the held writes.
func (h *triageHarness) release() {
	h.t.Helper()
	held := h.held
	h.held, h.hold = nil, false
	for _, c := range held {
		h.exec(c)
	}
}

// press sends keys by name ("enter", "esc", "down", "space", "backspace") or types the
// text of any other name.
func (h *triageHarness) press(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		switch k {
		case "enter", "esc", "backspace":
			h.send(inboxKey(k))
		case "down":
			h.send(tea.KeyPressMsg{Code: tea.KeyDown})
		case "space":
			h.send(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
		default:
			for _, r := range k {
				h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
			}
		}
	}
}

// top is the overlay on top, or nil.
func (h *triageHarness) top() shared.Overlay {
	if n := len(h.stack); n > 0 {
		return h.stack[n-1]
	}
	return nil
}

// writes are the recorded requests that change something (not GETs, not searches).
func (h *triageHarness) writes() []exchange {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []exchange
	for _, x := range h.traffic {
		if x.req.Method != http.MethodGet && x.req.URL.Path != "/conversations/search" {
			out = append(out, x)
		}
	}
	return out
}

// oneWrite checks that exactly one write was sent, to method and a path matching the
// route template, and that the request (and the answer, when it succeeded) validate
// against the 2.9 spec's operation; it returns the body as a map.
func (h *triageHarness) oneWrite(method, route string) map[string]any {
	h.t.Helper()
	ws := h.writes()
	if len(ws) != 1 {
		var seen []string
		for _, x := range ws {
			seen = append(seen, x.req.Method+" "+x.req.URL.Path+" "+string(x.body))
		}
		h.t.Fatalf("%d writes, want exactly one %s %s: %v", len(ws), method, route, seen)
	}
	return h.checkWrite(ws[0], method, route)
}

// checkWrite validates one write exchange against the spec.
func (h *triageHarness) checkWrite(x exchange, method, route string) map[string]any {
	h.t.Helper()
	got, err := h.v.Route(x.req)
	if err != nil || got != method+" "+route {
		h.t.Fatalf("%s %s is operation %q (%v), want %s %s", x.req.Method, x.req.URL.Path, got, err, method, route)
	}
	if err := h.v.Check(x.req, x.body, x.status, x.header, x.resp); err != nil {
		h.t.Fatalf("%s %s %s breaks the 2.9 spec: %v", x.req.Method, x.req.URL.Path, x.body, err)
	}
	var body map[string]any
	dec := json.NewDecoder(bytes.NewReader(x.body))
	dec.UseNumber() // unix times compare as written
	if err := dec.Decode(&body); err != nil {
		h.t.Fatalf("body %q: %v", x.body, err)
	}
	return body
}

// server reads the conversation back through the api: what the fake now holds.
func (h *triageHarness) server(id string) models.Conversation {
	h.t.Helper()
	c, err := h.client.Conversation(context.Background(), id)
	if err != nil {
		h.t.Fatal(err)
	}
	return *c
}

// row is the pane's list copy of the conversation.
func (h *triageHarness) row(id string) *convRow {
	h.t.Helper()
	for _, v := range h.p.views {
		if i, ok := v.list.index[id]; ok {
			return &v.list.rows[i]
		}
	}
	h.t.Fatalf("%s is not listed", id)
	return nil
}

// firstWhere moves the cursor of the active view to the first row c satisfies, loading
// pages as needed, and returns its id.
func (h *triageHarness) firstWhere(what string, ok func(c *models.Conversation) bool) string {
	h.t.Helper()
	for range 20 {
		v := h.p.activeView()
		for i := range v.list.len() {
			if c := v.list.at(i).conv; c != nil && ok(c) {
				v.list.moveTo(i, h.p.listHeight())
				return string(c.ID)
			}
		}
		if v.next == "" {
			break
		}
		h.press("G")
	}
	h.t.Fatalf("no listed conversation is %s", what)
	return ""
}

// toasted reports a toast containing all of the parts.
func (h *triageHarness) toasted(parts ...string) bool {
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
