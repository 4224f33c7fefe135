package conversations

import (
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/api/fake/faults"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// (e) The filter narrows the loaded rows as one types; esc restores them all.
func TestFilterNarrowsAndEscRestores(t *testing.T) {
	h := newHarness(t, harnessOpts{pageSize: 150})
	p := h.start(100, 30)
	all := listedIDs(p)
	target := p.activeView().list.at(7)
	word := strings.ToLower(strings.Fields(target.who)[0])
	p, _ = pressKeys(p, "/")
	if !p.Capturing() {
		t.Fatal("/ did not focus the filter")
	}
	p = typeKeys(p, word)
	if p.input.Value() != word {
		t.Fatalf("input %q, want %q (keys like j must type, not move)", p.input.Value(), word)
	}
	v := p.activeView()
	if v.list.len() == 0 || v.list.len() >= len(all) {
		t.Fatalf("filter %q shows %d of %d", word, v.list.len(), len(all))
	}
	if !slices.Contains(listedIDs(p), target.id) {
		t.Fatalf("filter %q lost the row it was typed from", word)
	}
	for i := range v.list.len() {
		if text := string(v.list.textOf(int(v.list.vis[i]))); !strings.Contains(text, word) {
			t.Fatalf("row %q does not match %q", text, word)
		}
	}
	if !strings.Contains(ansi.Strip(p.View()), "/ "+word) {
		t.Fatal("the filter line is not shown")
	}

	// enter keeps the filter and gives the keys back to the list.
	n := v.list.len()
	p, _ = pressKeys(p, "enter")
	if p.Capturing() || p.activeView().list.len() != n {
		t.Fatalf("enter: capturing=%v rows=%d, want false, %d", p.Capturing(), p.activeView().list.len(), n)
	}
	// A filter matching nothing shows so.
	p, _ = pressKeys(p, "/")
	p = typeKeys(p, "zzzqqq")
	if p.activeView().list.len() != 0 || !strings.Contains(ansi.Strip(p.View()), "No conversations match") {
		t.Fatal("a filter matching nothing does not say so")
	}
	// esc clears it: every row is back.
	p, _ = pressKeys(p, "esc")
	if p.Capturing() || !slices.Equal(listedIDs(p), all) || p.filtering() {
		t.Fatalf("esc: capturing=%v rows=%d, want all %d", p.Capturing(), p.activeView().list.len(), len(all))
	}
	if cursorID(p) == "" {
		t.Fatal("no row selected after clearing the filter")
	}
	// A paste types into the filter too.
	p, _ = pressKeys(p, "/")
	p, _ = p.Update(tea.PasteMsg{Content: word})
	if p.input.Value() != word || p.activeView().list.len() != n {
		t.Fatalf("paste: input %q, %d rows, want %d", p.input.Value(), p.activeView().list.len(), n)
	}
	p, _ = pressKeys(p, "esc")
	// Backspacing widens the filter again.
	p, _ = pressKeys(p, "/")
	p = typeKeys(p, word+"x")
	narrow := p.activeView().list.len()
	p, _ = pressKeys(p, "backspace")
	if p.activeView().list.len() < narrow || p.input.Value() != word {
		t.Fatal("backspace did not widen the filter")
	}
}

// (f) An empty view says so.
func TestEmptyViewShowsItsEmptyState(t *testing.T) {
	h := newHarness(t, harnessOpts{size: 1})
	only := h.ws.World().ConversationSummary(0)
	p := h.start(80, 12)
	var key, want string
	switch only.State {
	case models.StateSnoozed:
		key, want = "%", "No closed conversations"
	default:
		key, want = "$", "No snoozed conversations"
	}
	p, cmd := pressKeys(p, key)
	if got := ansi.Strip(p.View()); !strings.Contains(got, "Loading") {
		t.Fatalf("while loading:\n%s", got)
	}
	p = h.run(p, cmd)
	view := p.View()
	checkViewSize(t, view, 80, 12)
	if !strings.Contains(ansi.Strip(view), want) {
		t.Fatalf("empty view does not say %q:\n%s", want, ansi.Strip(view))
	}
	// Keys on an empty list do nothing, and crash nothing.
	p, _ = pressKeys(p, "j", "k", "G", "g", "enter", "/", "x", "esc", "J")
	checkViewSize(t, p.View(), 80, 12)
}

// (g) Small sizes render at exactly their size.
func TestSmallSizesRender(t *testing.T) {
	h := newHarness(t, harnessOpts{})
	p := h.start(40, 10)
	view := p.View()
	checkViewSize(t, view, 40, 10)
	if !strings.Contains(ansi.Strip(view), "Open") {
		t.Fatalf("40x10:\n%s", ansi.Strip(view))
	}
	for _, sz := range [][2]int{{10, 3}, {1, 1}, {3, 2}, {0, 0}, {40, 1}, {200, 50}, {120, 2}, {60, 4}} {
		p, _ = p.Update(shared.SizeMsg{Width: sz[0], Height: sz[1]})
		p, _ = pressKeys(p, "j", "G", "/", "a")
		checkViewSize(t, p.View(), sz[0], sz[1])
		p, _ = pressKeys(p, "esc", "enter")
		checkViewSize(t, p.View(), sz[0], sz[1])
		p, _ = pressKeys(p, "esc")
	}
}

func TestRowsFitTheirWidthWithWideText(t *testing.T) {
	h := newHarness(t, harnessOpts{})
	p := h.start(100, 30)
	v := p.activeView()
	c := *v.list.at(0).conv
	c.Source = &models.Source{Type: "whatsapp", Author: models.Author{Type: "user", Name: "山田 太郎 🙂🙂"},
		Body: "<p>注文した商品が届きません。確認お願いします 🙏🙏🙏</p>"}
	r := newConvRow(&c, h.ctx.Dir)
	for w := 1; w <= 160; w++ {
		for _, sel := range []bool{false, true} {
			st := newRowStyles(h.ctx.Styles, sel)
			if got := ansi.StringWidth(r.render(newRowLayout(w), &st, inboxNow.Unix())); got != w {
				t.Fatalf("width %d: row is %d wide", w, got)
			}
		}
	}
}

// A failed load shows inline, keeps the rows, and toasts with a retry that works.
func TestFailedLoadShowsInlineAndRetries(t *testing.T) {
	h := newHarness(t, harnessOpts{})
	p := h.start(100, 20)
	rows := listedIDs(p)

	if err := h.faults.Add(faults.Rule{Kind: faults.Status, Code: 400, Method: "POST", Pattern: "/conversations/search", Count: 1}); err != nil {
		t.Fatal(err)
	}
	p, cmd := pressKeys(p, "r")
	p = h.run(p, cmd)
	if len(h.toasts) != 1 || !h.toasts[0].Error || !strings.HasPrefix(h.toasts[0].Text, "Loading Open: ") || h.toasts[0].Retry == nil {
		t.Fatalf("toasts %+v", h.toasts)
	}
	if !slices.Equal(listedIDs(p), rows) {
		t.Fatal("a failed refresh dropped the loaded rows")
	}
	view := p.View()
	checkViewSize(t, view, 100, 20)
	if !strings.Contains(ansi.Strip(view), "! Bad Request (HTTP 400)") {
		t.Fatalf("no inline error:\n%s", ansi.Strip(view))
	}

	p = h.run(p, h.toasts[0].Retry)
	if p.activeView().err != nil || strings.Contains(ansi.Strip(p.View()), "! Bad Request (HTTP 400)") {
		t.Fatal("the retry did not clear the error")
	}

	// A first load that fails shows the error where the rows would be.
	if err := h.faults.Add(faults.Rule{Kind: faults.Status, Code: 400, Method: "POST", Pattern: "/conversations/search", Count: 1}); err != nil {
		t.Fatal(err)
	}
	p, cmd = pressKeys(p, "$")
	p = h.run(p, cmd)
	if got := ansi.Strip(p.View()); !strings.Contains(got, "Couldn't load Snoozed") || !strings.Contains(got, "r to retry") {
		t.Fatalf("first load failure:\n%s", got)
	}
	p, cmd = pressKeys(p, "r")
	p = h.run(p, cmd)
	if !p.activeView().loaded || p.activeView().list.len() == 0 {
		t.Fatal("r after a failed first load did not load")
	}
}

// Auto-refresh: only the current timer generation refreshes, and every refresh starts
// a new one.
func TestAutoRefreshIgnoresOldTicks(t *testing.T) {
	h := newHarness(t, harnessOpts{})
	h.ctx.Settings.RefreshInterval = time.Minute
	p := New(h.ctx)
	if p.Init() == nil {
		t.Fatal("Init has no timer with a refresh interval")
	}
	p, _ = p.Update(shared.SizeMsg{Width: 100, Height: 20})
	p, cmd := p.Update(shared.DirectoryMsg{Loaded: shared.Loaded[*workspace.Directory]{Value: h.ctx.Dir}})
	if cmd == nil {
		t.Fatal("no first load")
	}
	// That command holds the load and a one-minute timer: it is not run here.
	gen := p.tickGen
	p, cmd = p.Update(RefreshTickMsg{Gen: gen - 1, Now: inboxNow})
	if cmd != nil || p.tickGen != gen {
		t.Fatal("an old tick did something")
	}
	req := p.activeView().req
	p, cmd = p.Update(RefreshTickMsg{Gen: gen, Now: inboxNow})
	if cmd == nil || p.tickGen != gen+1 {
		t.Fatal("the current tick did not restart the timer")
	}
	if p.activeView().req != req {
		t.Fatal("a tick refreshed while the first load was in flight")
	}

	// Once loaded, a current tick reloads the first page.
	h.ctx.Settings.RefreshInterval = 0 // run() must not wait for timers
	p, cmd = pressKeys(p, "r")
	p = h.run(p, cmd)
	before := h.searches()
	h.ctx.Settings.RefreshInterval = time.Minute
	p, cmd = p.Update(RefreshTickMsg{Gen: p.tickGen, Now: inboxNow.Add(time.Minute)})
	if cmd == nil || !p.activeView().pending {
		t.Fatal("a current tick did not refresh")
	}
	h.ctx.Settings.RefreshInterval = 0
	p, cmd = pressKeys(p, "r") // supersedes the tick's request; run only this one
	p = h.run(p, cmd)
	if h.searches() != before+1 || p.activeView().pending {
		t.Fatalf("%d searches, pending %v", h.searches()-before, p.activeView().pending)
	}
}

// Narrow: enter opens the thread full screen; esc returns with the cursor where it was.
func TestNarrowEnterOpensThreadAndEscReturns(t *testing.T) {
	h := newHarness(t, harnessOpts{})
	p := h.start(100, 20)
	p, _ = pressKeys(p, "j", "j", "j")
	sel := cursorID(p)
	p, _ = pressKeys(p, "enter")
	if !p.threadFocused || p.thread.ID() != sel || !p.thread.Focused() {
		t.Fatalf("enter: focused=%v thread=%q want %q", p.threadFocused, p.thread.ID(), sel)
	}
	checkViewSize(t, p.View(), 100, 20)
	bar := strings.TrimSpace(ansi.Strip(p.viewBar(100)))
	if strings.Contains(ansi.Strip(p.View()), bar) {
		t.Fatal("the narrow thread does not cover the list")
	}
	if p.Capturing() {
		t.Fatal("the thread is not a text input")
	}
	p, _ = pressKeys(p, "j") // the thread's: the list cursor stays
	if cursorID(p) != sel {
		t.Fatal("j with the thread focused moved the list")
	}
	p, _ = pressKeys(p, "esc")
	if p.threadFocused || p.thread.Focused() || cursorID(p) != sel || p.activeView().list.cursor != 3 {
		t.Fatalf("esc: focused=%v cursor=%d", p.threadFocused, p.activeView().list.cursor)
	}
	if !strings.Contains(ansi.Strip(p.View()), bar) {
		t.Fatal("esc did not return to the list")
	}
}

// Split: the thread previews the row the cursor rests on; stale previews are ignored.
func TestSplitPreviewFollowsTheRestingCursor(t *testing.T) {
	h := newHarness(t, harnessOpts{})
	p := New(h.ctx)
	p.previewDelay = 0
	p, _ = p.Update(shared.SizeMsg{Width: 160, Height: 30})
	p, cmd := p.Update(shared.DirectoryMsg{Loaded: shared.Loaded[*workspace.Directory]{Value: h.ctx.Dir}})
	p = h.run(p, cmd) // the preview timers are 0 long
	if p.thread.ID() != cursorID(p) {
		t.Fatalf("split thread shows %q, want the first row %q", p.thread.ID(), cursorID(p))
	}
	tw, th := p.threadSize()
	if tw != 160-72-1 || th != 29 {
		t.Fatalf("thread size %dx%d", tw, th)
	}
	checkViewSize(t, p.View(), 160, 30)

	first := p.thread.ID()
	p, _ = pressKeys(p, "j")
	stale := p.previewGen
	p, _ = pressKeys(p, "j")
	p, _ = p.Update(previewMsg{gen: stale})
	if p.thread.ID() != first {
		t.Fatal("a preview for a row the cursor left was opened")
	}
	p, _ = p.Update(previewMsg{gen: p.previewGen})
	if p.thread.ID() != cursorID(p) {
		t.Fatalf("resting cursor: thread %q, want %q", p.thread.ID(), cursorID(p))
	}
	// enter focuses the thread; esc gives the keys back to the list.
	p, _ = pressKeys(p, "enter")
	if !p.threadFocused {
		t.Fatal("enter did not focus the thread")
	}
	checkViewSize(t, p.View(), 160, 30)
	p, _ = pressKeys(p, "esc")
	if p.threadFocused {
		t.Fatal("esc did not return to the list")
	}
}

func TestHelpAndCapturing(t *testing.T) {
	h := newHarness(t, harnessOpts{})
	p := h.start(100, 20)
	if p.Capturing() || len(p.Help()) == 0 {
		t.Fatal("list help")
	}
	p, _ = pressKeys(p, "/")
	if !p.Capturing() || len(p.Help()) != 2 {
		t.Fatal("filter help")
	}
	p, _ = pressKeys(p, "esc")
	p, _ = pressKeys(p, "enter")
	if len(p.Help()) == 0 {
		t.Fatal("thread help")
	}
}
