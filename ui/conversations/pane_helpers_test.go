package conversations

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/api/fake"
	"github.com/intercom-tui/intercom-tui/api/fake/faults"
	"github.com/intercom-tui/intercom-tui/clock"
	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// inboxNow is the fixed clock of every test: the fake's data lies before it.
var inboxNow = time.Date(2026, 11, 24, 14, 5, 0, 0, time.UTC)

// inboxHarness is a pane wired to a fake workspace over real HTTP, on a fixed clock. Commands
// run synchronously (run), so tests never sleep.
type inboxHarness struct {
	t      testing.TB
	ws     *fake.Workspace
	srv    *httptest.Server
	client *api.Client
	ctx    *shared.Context
	faults *faults.Injector
	toasts []shared.ToastMsg
}

type inboxOpts struct {
	size     int // conversations in the fake (default 300)
	pageSize int // default 20
}

func newInboxHarness(t testing.TB, o inboxOpts) *inboxHarness {
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
	client, err := api.New(api.WithToken(ws.Token()), api.WithBaseURL(srv.URL), api.WithClock(clk))
	if err != nil {
		t.Fatal(err)
	}
	w := ws.World()
	ctx := &shared.Context{
		WS:       workspace.New(client, true),
		Dir:      workspace.NewDirectory(w.Me(), w.Admins(), w.Teams()),
		Styles:   theme.New(theme.Dark),
		Keys:     keymap.Default(),
		Now:      clk.Now,
		Settings: shared.Settings{PageSize: o.pageSize, SplitMinWidth: 120}, // no auto-refresh timer
	}
	return &inboxHarness{t: t, ws: ws, srv: srv, client: client, ctx: ctx, faults: inj}
}

// start is a pane sized width × height that has received the directory and its first
// page.
func (h *inboxHarness) start(width, height int) Pane {
	h.t.Helper()
	p := New(h.ctx)
	p, _ = p.Update(shared.SizeMsg{Width: width, Height: height})
	p, cmd := p.Update(shared.DirectoryMsg{Loaded: shared.Loaded[*workspace.Directory]{Req: 1, Value: h.ctx.Dir}})
	return h.run(p, cmd)
}

// run executes cmd and feeds what it yields back into the pane, as the runtime would,
// until nothing is left. Toasts are collected. These tests have no timers in flight
// (auto-refresh off, narrow panes), so every command returns at once.
func (h *inboxHarness) run(p Pane, cmd tea.Cmd) Pane {
	h.t.Helper()
	queue := []tea.Cmd{cmd}
	for n := 0; len(queue) > 0; n++ {
		if n > 10_000 {
			h.t.Fatal("commands do not settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case shared.ToastMsg:
			h.toasts = append(h.toasts, msg)
		default:
			var next tea.Cmd
			p, next = p.Update(msg)
			queue = append(queue, next)
		}
	}
	return p
}

// searches is how many conversation searches reached the fake.
func (h *inboxHarness) searches() int { return h.ws.Count("POST", "/conversations/search") }

// lastSearch is the body of the latest conversation search.
func (h *inboxHarness) lastSearch() searchRequestBody {
	h.t.Helper()
	log := h.ws.Log()
	for i := len(log) - 1; i >= 0; i-- {
		if log[i].Method == "POST" && strings.HasPrefix(log[i].Path, "/conversations/search") {
			var b searchRequestBody
			if err := json.Unmarshal(log[i].Body, &b); err != nil {
				h.t.Fatal(err)
			}
			return b
		}
	}
	h.t.Fatal("no conversation search was sent")
	return searchRequestBody{}
}

type searchRequestBody struct {
	Query      json.RawMessage `json:"query"`
	Pagination struct {
		PerPage       int    `json:"per_page"`
		StartingAfter string `json:"starting_after"`
	} `json:"pagination"`
}

// all pages through the search to the end, straight through the client.
func (h *inboxHarness) all(q models.Query) []models.Conversation {
	h.t.Helper()
	out, err := api.All(context.Background(), func(ctx context.Context, cursor string) (api.Page[models.Conversation], error) {
		return h.client.SearchConversations(ctx, q, 150, cursor)
	})
	if err != nil {
		h.t.Fatal(err)
	}
	return out
}

// keys by name, as a terminal sends them.
func pressKeys(p Pane, keys ...string) (Pane, tea.Cmd) {
	var cmds []tea.Cmd
	for _, k := range keys {
		var cmd tea.Cmd
		p, cmd = p.Update(inboxKey(k))
		cmds = append(cmds, cmd)
	}
	return p, tea.Batch(cmds...)
}

func inboxKey(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// typeKeys types s one key at a time.
func typeKeys(p Pane, s string) Pane {
	for _, r := range s {
		p, _ = p.Update(inboxKey(string(r)))
	}
	return p
}

// ids lists the shown rows' ids.
func listedIDs(p Pane) []string {
	v := p.activeView()
	out := make([]string, v.list.len())
	for i := range out {
		out[i] = v.list.at(i).id
	}
	return out
}

func cursorID(p Pane) string {
	if r := p.activeView().list.selected(); r != nil {
		return r.id
	}
	return ""
}

// checkViewSize fails unless the view is exactly width × height cells.
func checkViewSize(t testing.TB, view string, width, height int) {
	t.Helper()
	if width == 0 || height == 0 {
		if view != "" {
			t.Fatalf("%dx%d: want an empty view, got %q", width, height, view)
		}
		return
	}
	lines := strings.Split(view, "\n")
	if len(lines) != height {
		t.Fatalf("%dx%d: %d lines", width, height, len(lines))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w != width {
			t.Fatalf("%dx%d: line %d is %d wide: %q", width, height, i, w, ansi.Strip(l))
		}
	}
}
