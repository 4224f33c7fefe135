package ui

import (
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// kept is a probed app that answers a mark with a snapshot of itself, taken inside the
// program's loop (the panes share state between copies, so the model is never read
// beside the program). Messages are handled in order: a snapshot after a message shows
// what that message did.
type kept struct {
	probed
	snaps chan snapshot
}

type mark struct{}

type snapshot struct {
	app    App
	screen []string
}

func (k kept) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(mark); ok {
		k.snaps <- snapshot{k.App, strings.Split(ansi.Strip(k.App.Render()), "\n")}
		return k, nil
	}
	next, cmd := k.probed.Update(msg)
	return kept{next.(probed), k.snaps}, cmd
}

// snap is the model once every message sent so far has been handled.
func (k kept) snap(t *testing.T, tm *teatest.TestModel) snapshot {
	t.Helper()
	tm.Send(mark{})
	select {
	case s := <-k.snaps:
		return s
	case <-time.After(15 * time.Second):
		t.Fatal("no snapshot")
		return snapshot{}
	}
}

// runKept is run, with snapshots.
func (h *harness) runKept(t *testing.T, w, hgt int, want ...string) (*teatest.TestModel, *probe, kept) {
	t.Helper()
	p := &probe{}
	k := kept{probed{New(h.ctx, Options{Where: "demo workspace"}), p}, make(chan snapshot, 1)}
	tm := teatest.NewTestModel(t, k, teatest.WithInitialTermSize(w, hgt))
	waitFor(t, tm, p, want...)
	return tm, p, k
}

func leftClick(x, y int) tea.MouseClickMsg {
	return tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft}
}

func wheelAt(x, y int, b tea.MouseButton) tea.MouseWheelMsg {
	return tea.MouseWheelMsg{X: x, Y: y, Button: b}
}

// waitScreen waits until the screen satisfies ok.
func waitScreen(t *testing.T, tm *teatest.TestModel, p *probe, what string, ok func(lines []string) bool) {
	t.Helper()
	cond := func() bool { return ok(strings.Split(p.text(), "\n")) }
	teatest.WaitFor(t, tm.Output(), func([]byte) bool { return cond() },
		teatest.WithDuration(15*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
	if !cond() {
		t.Fatalf("the screen never showed %s:\n%s", what, p.text())
	}
}

// selectedAt reports that screen line y shows the list's cursor.
func selectedAt(y int) func([]string) bool {
	return func(lines []string) bool { return y < len(lines) && strings.HasPrefix(lines[y], "▌") }
}

func TestMouseModeFollowsTheSetting(t *testing.T) {
	h := newHarness(t, 10)
	if New(h.ctx, Options{}).View().MouseMode != tea.MouseModeCellMotion {
		t.Error("the mouse is on by default (cell motion)")
	}
	h.ctx.Settings.NoMouse = true
	if New(h.ctx, Options{}).View().MouseMode != tea.MouseModeNone {
		t.Error("NoMouse leaves the mouse to the terminal")
	}
}

// A click on a tab shows that pane, as its number key does.
func TestMouseClickTabShowsContacts(t *testing.T) {
	h := newHarness(t, 300)
	tm, p := h.run(t, 120, 36, "Open 134")
	x := strings.Index(strings.Split(p.text(), "\n")[0], "2 Contacts")
	tm.Send(leftClick(x+3, 0))
	waitFor(t, tm, p, " contacts", "ROLE NAME")
	final(t, tm)
}

// A click on the third row selects it (the split thread follows it); a wheel notch
// over the list moves the cursor three rows.
func TestMouseClickThirdRowAndWheelTheList(t *testing.T) {
	h := newHarness(t, 300)
	tm, p := h.run(t, 120, 36, "Open 134")
	tm.Send(leftClick(5, 4)) // tab bar, view bar, rows 1 and 2, row 3
	waitScreen(t, tm, p, "the third row selected", selectedAt(4))
	waitFor(t, tm, p, "Alejandro López <alejandro")
	tm.Send(wheelAt(5, 10, tea.MouseWheelDown))
	waitScreen(t, tm, p, "the sixth row selected", selectedAt(7))
	final(t, tm)
}

// The wheel over a full-width thread scrolls it.
func TestMouseWheelScrollsTheThread(t *testing.T) {
	h := newHarness(t, 300)
	tm, p := h.run(t, 80, 24, "Open 134")
	press(tm, "j", "j", "enter")
	waitFor(t, tm, p, "Alejandro López <alejandro", "customer")
	before := p.text()
	tm.Send(wheelAt(10, 12, tea.MouseWheelUp)) // a thread opens at its latest part
	waitScreen(t, tm, p, "the thread scrolled", func([]string) bool { return p.text() != before })
	if strings.Contains(p.text(), "Open 134") {
		t.Fatalf("the wheel left the thread:\n%s", p.text())
	}
	final(t, tm)
}

// Split, a click on the thread gives it the keys: j then scrolls the thread, not the
// list; a click on a row gives them back to the list.
func TestMouseClickSplitThread(t *testing.T) {
	h := newHarness(t, 300)
	tm, p := h.run(t, 120, 16, "Open 134", "Oisín Kelly <oisin") // short: the thread scrolls
	tm.Send(leftClick(90, 12))
	press(tm, "j")
	before := p.text()
	tm.Send(wheelAt(90, 12, tea.MouseWheelUp)) // marks that the click and j were handled
	waitScreen(t, tm, p, "the thread scrolled", func([]string) bool { return p.text() != before })
	if !selectedAt(2)(strings.Split(p.text(), "\n")) {
		t.Fatalf("j moved the list after a click on the thread:\n%s", p.text())
	}
	tm.Send(leftClick(5, 3))
	press(tm, "j")
	waitScreen(t, tm, p, "the list moved by j", selectedAt(4))
	final(t, tm)
}

// Clicks on the status bar, below the last row, on the active view, and with the right
// button change nothing; a release or a drag is ignored.
func TestMouseClicksOnNothingChangeNothing(t *testing.T) {
	h := newHarness(t, 300)
	tm, _, k := h.runKept(t, 120, 36, "Open 134")
	before := k.snap(t, tm)
	for _, msg := range []tea.Msg{
		leftClick(5, 35),  // the status bar
		leftClick(100, 0), // the tab bar past the tabs
		leftClick(5, 1),   // the view bar: the active view's name (Open)
		tea.MouseClickMsg{X: 5, Y: 4, Button: tea.MouseRight},
		tea.MouseReleaseMsg{X: 5, Y: 4, Button: tea.MouseLeft},
		tea.MouseMotionMsg{X: 5, Y: 4, Button: tea.MouseLeft},
		wheelAt(5, 35, tea.MouseWheelDown), // the wheel over the status bar
	} {
		tm.Send(msg)
		if after := k.snap(t, tm); strings.Join(after.screen, "\n") != strings.Join(before.screen, "\n") {
			t.Errorf("%v changed the screen:\n%s", msg, strings.Join(after.screen, "\n"))
		}
	}
	quit(t, tm)

	// A short list: a click under its last row moves nothing.
	h = newHarness(t, 12)
	tm, _, k = h.runKept(t, 120, 36, "Open ")
	before = k.snap(t, tm)
	rows := 0
	for _, l := range before.screen[2:] {
		if strings.Contains(l, "│") && strings.TrimSpace(strings.Split(l, "│")[0]) != "" {
			rows++
		}
	}
	if rows == 0 || rows > 30 {
		t.Fatalf("want a short list, got %d rows:\n%s", rows, strings.Join(before.screen, "\n"))
	}
	tm.Send(leftClick(5, 2+rows))
	if after := k.snap(t, tm); strings.Join(after.screen, "\n") != strings.Join(before.screen, "\n") {
		t.Errorf("a click under the last row changed the screen:\n%s", strings.Join(after.screen, "\n"))
	}
	quit(t, tm)
}

// The wheel scrolls the help overlay, and goes to the top overlay (the palette) rather
// than to the pane under it; a click on a palette row moves its cursor there.
func TestMouseHelpAndOverlay(t *testing.T) {
	h := newHarness(t, 300)
	tm, p, k := h.runKept(t, 80, 24, "Open 134")
	press(tm, "?")
	waitFor(t, tm, p, "Global")
	tm.Send(wheelAt(10, 10, tea.MouseWheelDown))
	if got := k.snap(t, tm).app.helpOffset; got != 3 {
		t.Errorf("a notch down scrolls the help 3 lines, got %d", got)
	}
	press(tm, "?")
	tm.Send(ctrlK)
	waitFor(t, tm, p, "Command palette")
	before := k.snap(t, tm)
	tm.Send(wheelAt(2, 10, tea.MouseWheelDown))
	after := k.snap(t, tm)
	if strings.Join(after.screen, "\n") == strings.Join(before.screen, "\n") {
		t.Error("the wheel did not move the palette")
	}
	if after.screen[2] != before.screen[2] {
		t.Error("the wheel moved the pane under the palette")
	}
	// A click on the palette's second row moves its cursor there; the box is found on
	// the screen itself.
	top := -1
	for y, l := range after.screen {
		if strings.Contains(l, "Command palette") {
			top = y
			break
		}
	}
	if top < 0 {
		t.Fatal("no palette")
	}
	// A column, not a byte offset; the second row is under the title, the input and the first.
	x := ansi.StringWidth(after.screen[top][:strings.Index(after.screen[top], "Command palette")])
	tm.Send(leftClick(x, top+3))
	if row := k.snap(t, tm).screen[top+3]; !strings.Contains(row, "▌") {
		t.Errorf("the clicked palette row is not selected: %q", row)
	}
	quit(t, tm)
}

// columnOf is the screen column where text starts on line y, or -1.
func columnOf(lines []string, y int, text string) int {
	if y >= len(lines) {
		return -1
	}
	i := strings.Index(lines[y], text)
	if i < 0 {
		return -1
	}
	return ansi.StringWidth(lines[y][:i])
}

// lineShowing is the first screen line that holds text, or -1.
func lineShowing(lines []string, text string) int {
	for y, l := range lines {
		if strings.Contains(l, text) {
			return y
		}
	}
	return -1
}

// A click on a view's name in the conversations' view bar (screen line 1) switches to
// it: the Closed view loads (its count appears) and its rows replace Open's. Then, in
// the tickets tab, a click on Resolved does the same there.
func TestMouseClickViewBars(t *testing.T) {
	h := newHarness(t, 300)
	tm, p := h.run(t, 120, 36, "Open 134")
	lines := strings.Split(p.text(), "\n")
	x := columnOf(lines, 1, "Closed")
	if x < 0 {
		t.Fatalf("no Closed view in the bar: %q", lines[1])
	}
	if regexp.MustCompile(`Closed \d`).MatchString(lines[1]) {
		t.Fatalf("the Closed view is loaded before the click: %q", lines[1])
	}
	tm.Send(leftClick(x+2, 1))
	closed := regexp.MustCompile(`Closed \d+`)
	waitScreen(t, tm, p, "the Closed view loaded", func(l []string) bool {
		return len(l) > 2 && closed.MatchString(l[1]) && selectedAt(2)(l)
	})

	tm.Send(leftClick(columnOf(strings.Split(p.text(), "\n"), 0, "3 Tickets")+2, 0))
	waitFor(t, tm, p, "Resolved")
	resolved := regexp.MustCompile(`Resolved \d+`)
	lines = strings.Split(p.text(), "\n")
	if resolved.MatchString(lines[1]) {
		t.Fatalf("the Resolved view is loaded before the click: %q", lines[1])
	}
	tm.Send(leftClick(columnOf(lines, 1, "Resolved")+1, 1))
	waitScreen(t, tm, p, "the Resolved view loaded", func(l []string) bool { return len(l) > 1 && resolved.MatchString(l[1]) })
	final(t, tm)
}

// In the global search (ctrl+f), a click on a result selects it and a second click
// opens it, as enter does: the overlay closes on that conversation.
func TestMouseGlobalSearchClickOpens(t *testing.T) {
	tm, p := globalSearch(t)
	const title = "Cancel and refund annual plan"
	lines := strings.Split(p.text(), "\n")
	y := lineShowing(lines, title)
	if y < 0 {
		t.Fatalf("no %q on screen:\n%s", title, p.text())
	}
	x := columnOf(lines, y, title)
	tm.Send(leftClick(x, y))
	waitScreen(t, tm, p, "the clicked result selected", func(l []string) bool {
		return y < len(l) && strings.Contains(l[y], "▸ ✉ conversation   "+title) // the pointer marks the selected one
	})
	tm.Send(leftClick(x, y+1)) // its snippet: the same result
	closedShowing(t, tm, p, title, "Ольга Иванов customer")
	final(t, tm)
}

// The wheel moves the search's cursor three results a notch: enter then opens the
// fourth, the conversation the arrows reach with three presses.
func TestMouseGlobalSearchWheel(t *testing.T) {
	tm, p := globalSearch(t)
	tm.Send(wheelAt(60, 18, tea.MouseWheelDown))
	press(tm, "enter")
	closedShowing(t, tm, p, "Cancel and refund annual plan", "Ольга Иванов customer")
	final(t, tm)
}
