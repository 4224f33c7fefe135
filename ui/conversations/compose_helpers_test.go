package conversations

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/clock"
	"github.com/intercom-tui/intercom-tui/drafts"
	"github.com/intercom-tui/intercom-tui/ui/components/composer"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// composeLoop is a pane on the fake workspace with what the root gives it: the overlay
// stack (keys go to the top overlay, other messages to it and then the pane) and the
// toasts. Commands run synchronously, so nothing sleeps. The throttle's ticks are held
// until the test lets time pass (fire), and any message can be held back (holdIf) to
// look at the state before it lands.
type composeLoop struct {
	t      *testing.T
	h      *inboxHarness
	store  *drafts.Store
	p      Pane
	stack  []shared.Overlay
	toasts []shared.ToastMsg
	seen   []tea.Msg // every message delivered, in order

	ticks  []tea.Msg
	holdIf func(tea.Msg) bool
	held   []tea.Msg
	queue  []tea.Cmd

	mu      sync.Mutex
	traffic []composeExchange
}

// composeExchange is one request and its answer as the client sent and received them.
type composeExchange struct {
	req    *http.Request
	body   []byte
	status int
	header http.Header
	resp   []byte
}

// heldTick is a throttle tick the test has not let fire yet.
type heldTick struct{ msg tea.Msg }

// composeTap is the api client's transport: it records every exchange.
type composeTap struct {
	l    *composeLoop
	base http.RoundTripper
}

func (c composeTap) RoundTrip(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		body, _ = io.ReadAll(req.Body)
		_ = req.Body.Close()
		req.Body = io.NopCloser(bytes.NewReader(body))
	}
	resp, err := c.base.RoundTrip(req)
	if err != nil {
		return resp, err
	}
	data, _ := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(data))
	c.l.mu.Lock()
	c.l.traffic = append(c.l.traffic, composeExchange{req.Clone(context.Background()), body, resp.StatusCode, resp.Header.Clone(), data})
	c.l.mu.Unlock()
	return resp, nil
}

// newComposeLoop starts a pane of width x height (narrow: no split previews, whose
// timers would wait) on a fake workspace, with a drafts store in dir ("" for a new one).
func newComposeLoop(t *testing.T, width, height int, dir string) *composeLoop {
	t.Helper()
	h := newInboxHarness(t, inboxOpts{size: 60})
	l := &composeLoop{t: t, h: h}
	client, err := api.New(api.WithToken(h.ws.Token()), api.WithBaseURL(h.srv.URL), api.WithClock(clock.NewFake(inboxNow)),
		api.WithHTTPClient(&http.Client{Transport: composeTap{l: l, base: http.DefaultTransport}}))
	if err != nil {
		t.Fatal(err)
	}
	h.client = client
	h.ctx.WS.API = client
	if dir == "" {
		dir = filepath.Join(t.TempDir(), "drafts")
	}
	if l.store, err = drafts.Open(dir); err != nil {
		t.Fatal(err)
	}
	h.ctx.Drafts = l.store
	l.p = h.start(width, height)
	l.p.compose.after = func(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		return func() tea.Msg { return heldTick{fn(inboxNow)} }
	}
	return l
}

// run queues cmd and runs everything until nothing is left.
func (l *composeLoop) run(cmd tea.Cmd) {
	l.t.Helper()
	l.queue = append(l.queue, cmd)
	for n := 0; len(l.queue) > 0; n++ {
		if n > 100_000 {
			l.t.Fatal("commands do not settle")
		}
		c := l.queue[0]
		l.queue = l.queue[1:]
		if c == nil {
			continue
		}
		l.deliver(c())
	}
}

func (l *composeLoop) deliver(msg tea.Msg) {
	if b, ok := msg.(tea.BatchMsg); ok {
		l.queue = append(l.queue, b...)
		return
	}
	// A tea.Sequence (an unexported slice of commands): its messages land in order,
	// each before the next command runs.
	if v := reflect.ValueOf(msg); v.IsValid() && v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		for i := range v.Len() {
			if c := v.Index(i).Interface().(tea.Cmd); c != nil {
				l.deliver(c())
			}
		}
		return
	}
	switch m := msg.(type) {
	case nil:
		return
	case heldTick:
		l.ticks = append(l.ticks, m.msg)
		return
	}
	if l.holdIf != nil && l.holdIf(msg) {
		l.held = append(l.held, msg)
		return
	}
	l.seen = append(l.seen, msg)
	var cmd tea.Cmd
	switch m := msg.(type) {
	case shared.PushOverlay:
		l.stack = append(l.stack, m.Overlay)
	case shared.PopOverlay:
		if len(l.stack) > 0 {
			l.stack = l.stack[:len(l.stack)-1]
		}
	case shared.ToastMsg:
		l.toasts = append(l.toasts, m)
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

// press sends keys by name, as the root would, running what each starts.
func (l *composeLoop) press(keys ...string) {
	l.t.Helper()
	for _, k := range keys {
		l.run(func() tea.Msg { return composeKeyMsg(k) })
	}
}

// typeText types s one key at a time ('\n' is enter).
func (l *composeLoop) typeText(s string) {
	l.t.Helper()
	for _, r := range s {
		k := string(r)
		if r == '\n' {
			k = "enter"
		}
		l.press(k)
	}
}

func composeKeyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "ctrl+s":
		return tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// fire lets the throttle's window pass: the held ticks arrive.
func (l *composeLoop) fire() {
	l.t.Helper()
	ticks := l.ticks
	l.ticks = nil
	for _, m := range ticks {
		l.run(func() tea.Msg { return m })
	}
}

// release delivers the held messages.
func (l *composeLoop) release() {
	l.t.Helper()
	held := l.held
	l.held, l.holdIf = nil, nil
	for _, m := range held {
		l.run(func() tea.Msg { return m })
	}
}

// composer is the composer on top of the stack, or fails.
func (l *composeLoop) composer() composer.Composer {
	l.t.Helper()
	if len(l.stack) == 0 {
		l.t.Fatal("no composer is open")
	}
	c, ok := l.stack[len(l.stack)-1].(composer.Composer)
	if !ok {
		l.t.Fatalf("the top overlay is a %T", l.stack[len(l.stack)-1])
	}
	return c
}

// openFirst opens the thread of the first row and returns its id.
func (l *composeLoop) openFirst() string {
	l.t.Helper()
	id := cursorID(l.p)
	l.press("enter")
	if l.p.thread.ID() != id || l.p.thread.Conversation() == nil {
		l.t.Fatalf("thread on %q, want %s loaded", l.p.thread.ID(), id)
	}
	return id
}

func (l *composeLoop) key(conv string, kind drafts.Kind) drafts.Key {
	return drafts.Key{Workspace: l.p.draftWorkspace(), ConversationID: conv, Kind: kind}
}

// onDisk is the draft's text on disk, and whether there is one.
func (l *composeLoop) onDisk(conv string, kind drafts.Kind) (string, bool) {
	l.t.Helper()
	d, found, err := l.store.Load(l.key(conv, kind))
	if err != nil {
		l.t.Fatal(err)
	}
	return d.Text, found
}

func (l *composeLoop) replies() int { return l.h.ws.Count("POST", "/conversations/{id}/reply") }

// writesTo are the exchanges of POST /conversations/{conv}/reply.
func (l *composeLoop) writesTo(conv string) []composeExchange {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []composeExchange
	for _, x := range l.traffic {
		if x.req.Method == http.MethodPost && x.req.URL.Path == "/conversations/"+conv+"/reply" {
			out = append(out, x)
		}
	}
	return out
}

func (l *composeLoop) threadText() string { return ansi.Strip(l.p.thread.View()) }

// toastTexts are the toasts shown since the last call.
func (l *composeLoop) toastTexts() []string {
	var out []string
	for _, t := range l.toasts {
		out = append(out, t.Text)
	}
	l.toasts = nil
	return out
}

func (l *composeLoop) savesOf(conv string) []string {
	var out []string
	for _, m := range l.seen {
		if s, ok := m.(composer.SavedMsg); ok && s.ConvID == conv {
			out = append(out, s.Text)
		}
	}
	return out
}

func containsText(list []string, sub string) bool {
	for _, s := range list {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
