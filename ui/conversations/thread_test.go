package conversations

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/api/fake/faults"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/markdown"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

func TestThreadLoadsOverHTTP(t *testing.T) {
	h := newHarness(t, harnessOpts{noRetries: true})
	w := h.ws.World()
	id := w.ConversationID(convEverything)
	sum := w.ConversationSummary(convEverything)

	th, _ := NewThread(h.ctx, markdown.New()).SetSize(80, 30)
	th, cmd := th.Open(id, &sum)
	if !th.Loading() || th.ID() != id || cmd == nil {
		t.Fatalf("Open: loading %v, id %q, cmd %v", th.Loading(), th.ID(), cmd != nil)
	}
	view := th.View()
	checkViewSize(t, view, 80, 30)
	if plain := ansi.Strip(view); !strings.Contains(plain, threadTitle(&sum, id)) || !strings.Contains(plain, "Loading conversation…") {
		t.Errorf("while loading, the summary's header and a loading line should show:\n%s", plain)
	}

	msg := cmd()
	loaded, ok := msg.(ThreadLoadedMsg)
	if !ok {
		t.Fatalf("the load answered %T", msg)
	}
	if _, ok := msg.(shared.Outcome); !ok || loaded.Req == 0 || loaded.ID != id {
		t.Errorf("the answer must carry its request and an Outcome: %+v", loaded.Loaded)
	}
	th, _ = th.Update(msg)
	if th.Loading() || th.Err() != nil || th.Conversation() == nil || string(th.Conversation().ID) != id {
		t.Fatalf("after the answer: loading %v, err %v", th.Loading(), th.Err())
	}
	if n := h.ws.Count("GET", "/conversations/{id}"); n != 1 {
		t.Errorf("%d GET /conversations/{id}, want 1", n)
	}

	// It opens at the latest part: the last line of the thread is the window's last.
	view = th.View()
	checkViewSize(t, view, 80, 30)
	lines := strings.Split(view, "\n")
	if got, want := ansi.Strip(lines[29]), ansi.Strip(th.body.lines[len(th.body.lines)-1]); strings.TrimRight(got, " ") != want {
		t.Errorf("the window does not end at the latest part: last row %q, want %q", got, want)
	}
	if th.offset != th.maxOffset() || th.offset == 0 {
		t.Errorf("offset %d, want the bottom %d", th.offset, th.maxOffset())
	}
	total := len(th.body.lines)
	if want := fmt.Sprintf("lines %d–%d of %d", total-th.bodyHeight()+1, total, total); !strings.Contains(ansi.Strip(view), want) {
		t.Errorf("no scroll position %q in\n%s", want, ansi.Strip(view))
	}
}

func TestThreadOpensAtTheHeadingOfALongLatestPart(t *testing.T) {
	w := threadWorld()
	c := w.Conversation(convEverything)
	parts := c.Parts()
	long := parts[len(parts)-1]
	long.PartType, long.Author = "comment", w.Conversation(convEverything).Source.Author
	long.Body = models.NullString(strings.Repeat("<p>A long paragraph that goes on and on.</p>", 40))
	parts[len(parts)-1] = long

	ctx := threadCtx(w)
	th, _ := NewThread(ctx, markdown.New()).SetSize(80, 20)
	th.id = string(c.ID)
	th.loading, th.loadReq = true, 1
	in := th.input(&c)
	in.now, in.loc = inboxNow, time.UTC
	th, _ = th.Update(ThreadLoadedMsg{Loaded: shared.Loaded[*models.Conversation]{Req: 1, Value: &c}, ID: th.id, body: renderThreadBody(in)})
	if start := th.body.starts[len(th.body.starts)-1]; th.offset != start || th.offset >= th.maxOffset() {
		t.Errorf("offset %d, want the latest part's heading at %d (bottom is %d)", th.offset, start, th.maxOffset())
	}
}

func TestStaleThreadAnswersAreDropped(t *testing.T) {
	h := newHarness(t, harnessOpts{noRetries: true})
	w := h.ws.World()
	idA, idB := w.ConversationID(convEverything), w.ConversationID(convSnoozed)
	th, _ := NewThread(h.ctx, markdown.New()).SetSize(80, 30)

	th, cmdA := th.Open(idA, nil)
	answerA := cmdA() // A answered, but its message is still on its way…
	th, cmdB := th.Open(idB, nil)
	th, _ = th.Update(answerA) // … and arrives after B was opened
	if th.ID() != idB || !th.Loading() || th.conv != nil || len(th.body.lines) != 0 {
		t.Fatalf("A's late answer was applied to B: id %s, loading %v", th.ID(), th.Loading())
	}
	th = h.runThread(th, cmdB)
	if string(th.Conversation().ID) != idB || th.Loading() {
		t.Fatalf("B did not load")
	}
	bodyB := strings.Join(th.body.lines, "\n")
	th, _ = th.Update(answerA)
	if string(th.Conversation().ID) != idB || strings.Join(th.body.lines, "\n") != bodyB {
		t.Error("A's answer replaced B")
	}

	// Reopening the same conversation: the first request's answer is stale too.
	th, cmd1 := th.Open(idB, nil)
	first := cmd1()
	th, cmd2 := th.Open(idB, nil)
	th, _ = th.Update(first)
	if !th.Loading() {
		t.Error("an answer to a superseded request ended the load")
	}
	th = h.runThread(th, cmd2)
	if th.Loading() || th.Err() != nil {
		t.Errorf("the latest reload did not land: loading %v, err %v", th.Loading(), th.Err())
	}

	// A superseded load is cancelled and answers nothing.
	th, cmdA = th.Open(idA, nil)
	_, _ = th.Open(idB, nil)
	if msg := cmdA(); msg != nil {
		t.Errorf("a cancelled load answered %T", msg)
	}
}

func TestResizeRendersInACommand(t *testing.T) {
	h := newHarness(t, harnessOpts{noRetries: true})
	th := h.openThread(convEverything, 80, 30)
	if th.body.width != 80 {
		t.Fatalf("rendered for %d", th.body.width)
	}
	if _, cmd := th.SetSize(80, 20); cmd != nil {
		t.Error("a new height alone asked for a render")
	}

	th, cmd := th.SetSize(60, 30)
	if cmd == nil {
		t.Fatal("a new width asked for no render")
	}
	// Until the render answers, the old lines show, cut to the new size.
	checkViewSize(t, th.View(), 60, 30)
	if th.body.width != 80 {
		t.Error("the body changed before the render answered")
	}
	msg := cmd()
	if _, ok := msg.(ThreadRenderedMsg); !ok {
		t.Fatalf("the render answered %T", msg)
	}
	th, _ = th.Update(msg)
	if th.body.width != 60 {
		t.Errorf("after the render: width %d, want 60", th.body.width)
	}
	for _, l := range th.body.lines {
		if ansi.StringWidth(l) > 60 {
			t.Errorf("line wider than 60: %q", ansi.Strip(l))
		}
	}
	if th.offset != th.maxOffset() {
		t.Errorf("a reader at the bottom stays there: offset %d, bottom %d", th.offset, th.maxOffset())
	}

	// Back to the width the body has before the render answers: the answer is moot.
	th, cmd = th.SetSize(100, 30)
	stale := cmd()
	th, cmd = th.SetSize(60, 30)
	if cmd != nil {
		t.Error("returning to the rendered width asked for another render")
	}
	th, _ = th.Update(stale)
	if th.body.width != 60 {
		t.Errorf("a superseded render was applied: width %d", th.body.width)
	}
}

func TestThemeChangeReRenders(t *testing.T) {
	h := newHarness(t, harnessOpts{noRetries: true})
	th := h.openThread(convEverything, 80, 30)
	h.ctx.Styles = theme.New(theme.Light)
	th, cmd := th.Update(tea.FocusMsg{})
	if cmd == nil {
		t.Fatal("a theme change asked for no render")
	}
	th = h.runThread(th, cmd)
	if th.body.styles != h.ctx.Styles || th.chromeFor.styles != h.ctx.Styles {
		t.Error("the thread still shows the old theme")
	}
}

func TestThreadScrollKeys(t *testing.T) {
	h := newHarness(t, harnessOpts{noRetries: true})
	th := h.openThread(convEverything, 80, 20)
	bottom := th.maxOffset()
	if bottom < 20 {
		t.Fatalf("conversation too short to scroll: %d", bottom)
	}
	press := func(k string) {
		t.Helper()
		var cmd tea.Cmd
		th, cmd = th.Update(inboxKey(k))
		if cmd != nil {
			if msg := cmd(); msg != nil {
				t.Errorf("%s led to %T", k, msg)
			}
		}
	}

	// Unfocused (the list has the keys): j/k/g do nothing, J/K scroll.
	press("k")
	press("g")
	if th.offset != bottom {
		t.Errorf("unfocused k/g moved the thread to %d", th.offset)
	}
	press("K")
	if th.offset != bottom-threadScrollStep {
		t.Errorf("K: offset %d, want %d", th.offset, bottom-threadScrollStep)
	}
	press("J")
	if th.offset != bottom {
		t.Errorf("J: offset %d, want %d", th.offset, bottom)
	}

	th = th.Focus()
	steps := []struct {
		key  string
		want int
	}{
		{"g", 0}, {"j", 1}, {"down", 2}, {"k", 1}, {"up", 0}, {"k", 0},
		{"pgdown", th.page()}, {"pgup", 0}, {"G", bottom}, {"j", bottom}, {"home", 0}, {"end", bottom},
	}
	for _, s := range steps {
		press(s.key)
		if th.offset != s.want {
			t.Errorf("after %s: offset %d, want %d", s.key, th.offset, s.want)
		}
	}
	press("g")
	if !strings.Contains(ansi.Strip(th.View()), fmt.Sprintf("lines 1–%d of %d", th.bodyHeight(), len(th.body.lines))) {
		t.Errorf("the scroll position did not follow:\n%s", ansi.Strip(th.View()))
	}
	th, _ = th.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if th.offset != threadScrollStep {
		t.Errorf("wheel: offset %d", th.offset)
	}

	// A reload keeps the reader's place; at the bottom it follows the latest part.
	th = th.scrollTo(7)
	th = reopen(t, h, th)
	if th.offset != 7 {
		t.Errorf("reload moved the reader from 7 to %d", th.offset)
	}
	th = th.scrollTo(th.maxOffset())
	th = reopen(t, h, th)
	if th.offset != th.latestOffset() {
		t.Errorf("reload at the bottom: offset %d, want the latest part at %d", th.offset, th.latestOffset())
	}
}

func reopen(t *testing.T, h *harness, th Thread) Thread {
	t.Helper()
	th, cmd := th.Open(th.ID(), nil)
	if len(th.body.lines) == 0 {
		t.Error("a reload blanked the thread")
	}
	return h.runThread(th, cmd)
}

func TestThreadLoadErrorShowsInlineAndRetries(t *testing.T) {
	h := newHarness(t, harnessOpts{noRetries: true})
	if err := h.faults.Add(faults.Rule{Kind: faults.Status, Code: 503, Method: "GET", Pattern: "/conversations/*", Count: 1}); err != nil {
		t.Fatal(err)
	}
	th := h.openThread(convEverything, 80, 24)
	if th.Err() == nil || th.Loading() {
		t.Fatalf("err %v, loading %v", th.Err(), th.Loading())
	}
	view := ansi.Strip(th.View())
	checkViewSize(t, th.View(), 80, 24)
	sum := h.ws.World().ConversationSummary(convEverything)
	if !strings.Contains(view, "Could not load this conversation:") || !strings.Contains(view, threadTitle(&sum, th.ID())) {
		t.Errorf("the error should show inline under the summary's header:\n%s", view)
	}
	if len(h.toasts) != 1 || !h.toasts[0].Error || h.toasts[0].Retry == nil ||
		!strings.HasPrefix(h.toasts[0].Text, "Could not load this conversation: ") {
		t.Fatalf("toasts %+v", h.toasts)
	}
	if help := th.Help(); len(help) == 0 || help[len(help)-1].Help().Desc != h.ctx.Keys.Retry.Help().Desc {
		t.Error("help does not offer the retry")
	}

	th = h.runThread(th, h.toasts[0].Retry)
	if th.Err() != nil || th.Conversation() == nil || len(th.body.lines) == 0 {
		t.Errorf("retry did not load: err %v", th.Err())
	}
	if n := h.ws.Count("GET", "/conversations/{id}"); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
}

func TestThreadErrorOutcome(t *testing.T) {
	m := ThreadLoadedMsg{Loaded: shared.Loaded[*models.Conversation]{Req: 3, Err: errors.New("boom")}}
	var o shared.Outcome = m
	if o.Outcome() == nil {
		t.Error("Outcome hides the error")
	}
}

func TestThreadSizes(t *testing.T) {
	h := newHarness(t, harnessOpts{noRetries: true})
	th := h.openThread(convEverything, 80, 24)
	empty := NewThread(h.ctx, markdown.New())
	for _, sz := range [][2]int{{0, 0}, {1, 1}, {5, 2}, {12, 3}, {20, 7}, {30, 8}, {200, 60}, {10, 100}} {
		for name, th := range map[string]Thread{"loaded": th, "empty": empty} {
			th, _ := th.SetSize(sz[0], sz[1])
			view := th.View()
			if sz[0] == 0 || sz[1] == 0 {
				if view != "" {
					t.Errorf("%s %v: %q", name, sz, view)
				}
				continue
			}
			checkViewSize(t, view, sz[0], sz[1])
		}
	}
	empty, _ = empty.SetSize(40, 10)
	if !strings.Contains(ansi.Strip(empty.View()), "Select a conversation") {
		t.Errorf("an empty thread says nothing:\n%s", ansi.Strip(empty.View()))
	}
	th, cmd := th.Open("", nil)
	if cmd != nil || th.ID() != "" || th.Loading() {
		t.Error("Open(\"\") should clear the thread")
	}
}

func TestThreadHelpAndFocus(t *testing.T) {
	h := newHarness(t, harnessOpts{noRetries: true})
	th := NewThread(h.ctx, markdown.New())
	if th.Focused() || len(th.Help()) != 2 {
		t.Errorf("unfocused help %v", th.Help())
	}
	th = th.Focus()
	if !th.Focused() || len(th.Help()) != 6 {
		t.Errorf("focused help %v", th.Help())
	}
	if th = th.Blur(); th.Focused() {
		t.Error("Blur kept focus")
	}
}

// A changed conversation (Replace: an optimistic write, a write's answer) is rendered
// even when another message reaches the thread before that render answers: the thread
// sees every message the pane does not take, and one of them must not cancel the
// render of new content just because the width and theme are unchanged. (Seen as a
// reply that never appeared in scripts/e2e-triage, now and then.)
func TestReplacedConversationRendersDespiteOtherMessages(t *testing.T) {
	h := newHarness(t, harnessOpts{noRetries: true})
	w := h.ws.World()
	id := w.ConversationID(convEverything)
	sum := w.ConversationSummary(convEverything)
	th, _ := NewThread(h.ctx, markdown.New()).SetSize(80, 30)
	th, cmd := th.Open(id, &sum)
	th, _ = th.Update(cmd())

	changed := *th.Conversation()
	parts := *changed.ConversationParts
	parts.ConversationParts = append(append([]models.Part(nil), parts.ConversationParts...), models.Part{
		Type: "conversation_part", ID: "pending-1", PartType: models.MessageComment,
		Body: "<p>Thanks, looking now</p>", CreatedAt: inboxNow.Unix(), UpdatedAt: inboxNow.Unix(),
		Author: models.Author{Type: "admin", ID: "1", Name: "Aoife"},
	})
	changed.ConversationParts = &parts
	th, render := th.Replace(&changed)
	if render == nil {
		t.Fatal("Replace asked for no render")
	}
	th, _ = th.Update(spinner.TickMsg{}) // any message the pane passes on, before the render answers
	th, _ = th.Update(render())
	if got := ansi.Strip(th.View()); !strings.Contains(got, "Thanks, looking now") {
		t.Fatalf("the new part is not shown:\n%s", got)
	}
}
