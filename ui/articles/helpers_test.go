package articles

import (
	"fmt"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/api/fake"
	"github.com/intercom-tui/intercom-tui/api/fake/faults"
	"github.com/intercom-tui/intercom-tui/clock"
	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/store"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
	"github.com/intercom-tui/intercom-tui/workspace"
)

var testNow = time.Date(2026, 11, 24, 14, 5, 0, 0, time.UTC)

// harness is the pane on the fake workspace (seed 1) over real HTTP. Commands run
// synchronously and in order; nothing sleeps (the search debounce is 0).
type harness struct {
	t      *testing.T
	ws     *fake.Workspace
	srv    *httptest.Server
	ctx    *shared.Context
	faults *faults.Injector
	p      Pane

	toasts    []shared.ToastMsg
	clipboard []string // what tea.SetClipboard was asked to copy

	mu     sync.Mutex
	opened []string
	openFn func(string) error
}

type option func(*harness)

// withStore gives the pane an offline store in a temporary directory.
func withStore() option {
	return func(h *harness) {
		s, err := store.Open(filepath.Join(h.t.TempDir(), "cache.db"))
		if err != nil {
			h.t.Fatal(err)
		}
		h.t.Cleanup(func() { _ = s.Close() })
		h.ctx.Store = s
	}
}

// newPane builds the pane at width × height without loading anything.
func newPane(t *testing.T, width, height int, opts ...option) *harness {
	t.Helper()
	clk := clock.NewFake(testNow)
	inj := faults.New(clk, 1)
	ws := fake.New(fake.Options{Seed: 1, Size: 50, Clock: clk, Faults: inj})
	srv := httptest.NewServer(ws)
	t.Cleanup(srv.Close)
	client, err := api.New(api.WithToken(ws.Token()), api.WithBaseURL(srv.URL), api.WithClock(clk))
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, ws: ws, srv: srv, faults: inj}
	h.ctx = &shared.Context{
		WS:       workspace.New(client, true),
		Styles:   theme.New(theme.Dark),
		Keys:     keymap.Default(),
		Now:      clk.Now,
		Settings: shared.Settings{SplitMinWidth: 120},
	}
	for _, o := range opts {
		o(h)
	}
	h.p = New(h.ctx)
	h.p.debounce = 0
	h.p.opener = func(u string) error {
		h.mu.Lock()
		defer h.mu.Unlock()
		h.opened = append(h.opened, u)
		if h.openFn != nil {
			return h.openFn(u)
		}
		return nil
	}
	h.send(shared.SizeMsg{Width: width, Height: height})
	return h
}

// newHarness is a pane that has been shown once and has loaded the help center.
func newHarness(t *testing.T, width, height int, opts ...option) *harness {
	t.Helper()
	h := newPane(t, width, height, opts...)
	h.send(shared.ActivatedMsg{})
	if !h.p.loaded {
		t.Fatalf("the help center did not load; toasts %v", h.toasts)
	}
	return h
}

// send delivers a message to the pane and runs what comes back.
func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	switch msg := msg.(type) {
	case nil:
		return
	case shared.ToastMsg:
		h.toasts = append(h.toasts, msg)
		return
	}
	if fmt.Sprintf("%T", msg) == "tea.setClipboardMsg" {
		h.clipboard = append(h.clipboard, reflect.ValueOf(msg).String())
		return
	}
	var cmd tea.Cmd
	h.p, cmd = h.p.Update(msg)
	h.exec(cmd)
}

// drain runs a command and returns the messages it yields, batches flattened,
// without delivering them.
func drain(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, drain(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

func (h *harness) exec(cmd tea.Cmd) {
	h.t.Helper()
	for _, m := range drain(cmd) {
		h.send(m)
	}
}

// press sends keys by name ("enter", "esc", "right", "left", "down") or types the text
// of any other.
func (h *harness) press(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		switch k {
		case "enter":
			h.send(tea.KeyPressMsg{Code: tea.KeyEnter})
		case "esc":
			h.send(tea.KeyPressMsg{Code: tea.KeyEscape})
		case "right":
			h.send(tea.KeyPressMsg{Code: tea.KeyRight})
		case "left":
			h.send(tea.KeyPressMsg{Code: tea.KeyLeft})
		case "down":
			h.send(tea.KeyPressMsg{Code: tea.KeyDown})
		default:
			for _, r := range k {
				h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
			}
		}
	}
}

// screen is the view without colours, checked to be exactly the pane's size.
func (h *harness) screen() string {
	h.t.Helper()
	v := h.p.View()
	lines := strings.Split(v, "\n")
	if len(lines) != h.p.h {
		h.t.Fatalf("view has %d lines, want %d:\n%s", len(lines), h.p.h, ansi.Strip(v))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w != h.p.width {
			h.t.Fatalf("line %d is %d cells wide, want %d: %q", i, w, h.p.width, ansi.Strip(l))
		}
	}
	return ansi.Strip(v)
}

// selectTitle moves the tree's cursor to the visible row with that title.
func (h *harness) selectTitle(title string) {
	h.t.Helper()
	for i, r := range h.p.tree.rows {
		if r.n.title == title {
			h.p.tree.moveTo(i, h.p.height())
			return
		}
	}
	h.t.Fatalf("no visible row %q", title)
}

// openTitle reveals and opens the article with that title.
func (h *harness) openTitle(title string) {
	h.t.Helper()
	for _, a := range h.p.byID {
		if a.Title == title {
			h.p.tree.reveal((&node{kind: kindArticle, id: string(a.ID)}).key(), h.p.height())
			h.press("enter")
			if !h.p.rd.open() || h.p.rd.art.Title != title {
				h.t.Fatalf("enter did not open %q", title)
			}
			return
		}
	}
	h.t.Fatalf("no article %q", title)
}

func stripped(s string) string { return ansi.Strip(s) }

func width(s string) int { return ansi.StringWidth(s) }
