package conversations

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Dublin, the seeded workspace's zone, on any machine

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/api/fake"
	"github.com/intercom-tui/intercom-tui/api/fake/faults"
	"github.com/intercom-tui/intercom-tui/api/fake/seed"
	"github.com/intercom-tui/intercom-tui/clock"
	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/markdown"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// threadNow is the fixed clock of the thread tests; the seeded data lies before it.
var threadNow = time.Date(2026, 11, 24, 14, 5, 0, 0, time.UTC)

// Seeded conversations (seed 1, 300 conversations, threadNow) with what the tests need.
const (
	// A lead's conversation with a bot reply, teammates, notes, default and admin
	// assignments, snoozes, closes and reopens, and attachments.
	convEverything = 29
	// A closed conversation whose close carries a closing note.
	convClosingNote = 238
	// A snoozed conversation.
	convSnoozed = 116
)

func threadWorld() *seed.World { return seed.New(1, 300, threadNow) }

// threadCtx is a context with the seeded directory, dark styles, default keys and the
// fixed clock, and no workspace (rendering needs none).
func threadCtx(w *seed.World) *shared.Context {
	return &shared.Context{
		Dir:    workspace.NewDirectory(w.Me(), w.Admins(), w.Teams()),
		Styles: theme.New(theme.Dark),
		Keys:   keymap.Default(),
		Now:    func() time.Time { return threadNow },
	}
}

// renderSeeded renders seeded conversation i at width as a command would.
func renderSeeded(t testing.TB, w *seed.World, i, width int) (models.Conversation, threadBody) {
	t.Helper()
	c := w.Conversation(i)
	ctx := threadCtx(w)
	return c, renderThreadBody(threadInput{
		conv: &c, width: width, styles: ctx.Styles, dir: ctx.Dir, now: threadNow,
		loc: threadZone(ctx.Dir), md: markdown.New(),
	})
}

// threadText is the body's text without styling.
func threadText(b threadBody) string { return ansi.Strip(strings.Join(b.lines, "\n")) }

// threadHarness is a fake workspace over real HTTP and a context pointed at it.
type threadHarness struct {
	ws     *fake.Workspace
	ctx    *shared.Context
	faults *faults.Injector
	toasts []shared.ToastMsg
}

func newThreadHarness(t testing.TB) *threadHarness {
	t.Helper()
	clk := clock.NewFake(threadNow)
	inj := faults.New(clk, 1)
	ws := fake.New(fake.Options{Seed: 1, Size: 300, Clock: clk, Faults: inj})
	srv := httptest.NewServer(ws)
	t.Cleanup(srv.Close)
	client, err := api.New(api.WithToken(ws.Token()), api.WithBaseURL(srv.URL), api.WithClock(clk), api.WithMaxRetries(0))
	if err != nil {
		t.Fatal(err)
	}
	ctx := threadCtx(ws.World())
	ctx.WS = workspace.New(client, true)
	return &threadHarness{ws: ws, ctx: ctx, faults: inj}
}

// run executes cmd and feeds what it yields back into the thread, as the runtime
// would, until nothing is left; toasts are collected. Nothing here waits on a timer.
func (h *threadHarness) run(t testing.TB, th Thread, cmd tea.Cmd) Thread {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for n := 0; len(queue) > 0; n++ {
		if n > 1000 {
			t.Fatal("commands do not settle")
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
			th, next = th.Update(msg)
			queue = append(queue, next)
		}
	}
	return th
}

// open is a thread of width × height that has opened seeded conversation i and
// received its answer.
func (h *threadHarness) open(t testing.TB, i, width, height int) Thread {
	t.Helper()
	th, _ := NewThread(h.ctx, markdown.New()).SetSize(width, height)
	w := h.ws.World()
	sum := w.ConversationSummary(i)
	th, cmd := th.Open(w.ConversationID(i), &sum)
	return h.run(t, th, cmd)
}

// threadPress is a key press as the terminal sends it: "j", "G", "pgdown".
func threadPress(s string) tea.KeyPressMsg {
	switch s {
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	}
	return tea.KeyPressMsg{Code: []rune(s)[0], Text: s}
}
