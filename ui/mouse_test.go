package ui

import (
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// kept is a probed app that also keeps its latest model, so that a test can ask what
// a message would do to it: Update does no I/O, so calling it beside the program is safe.
type kept struct {
	probed
	mu  *sync.Mutex
	app *App
}

func (k kept) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := k.probed.Update(msg)
	pr := next.(probed)
	k.mu.Lock()
	*k.app = pr.App
	k.mu.Unlock()
	return kept{pr, k.mu, k.app}, cmd
}

func (k kept) latest() App {
	k.mu.Lock()
	defer k.mu.Unlock()
	return *k.app
}

// runKept is run, keeping the latest model.
func (h *harness) runKept(t *testing.T, w, hgt int, want ...string) (*teatest.TestModel, *probe, kept) {
	t.Helper()
	p := &probe{}
	k := kept{probed{New(h.ctx, Options{Where: "demo workspace"}), p}, &sync.Mutex{}, &App{}}
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

// Clicks on the status bar, below the last row, on the view bar, and with the right
// button change nothing; a release or a drag is ignored.
func TestMouseClicksOnNothingChangeNothing(t *testing.T) {
	h := newHarness(t, 300)
	tm, _, k := h.runKept(t, 120, 36, "Open 134")
	a := k.latest()
	for _, msg := range []tea.Msg{
		leftClick(5, 35),  // the status bar
		leftClick(100, 0), // the tab bar past the tabs
		leftClick(5, 1),   // the view bar
		tea.MouseClickMsg{X: 5, Y: 4, Button: tea.MouseRight},
		tea.MouseReleaseMsg{X: 5, Y: 4, Button: tea.MouseLeft},
		tea.MouseMotionMsg{X: 5, Y: 4, Button: tea.MouseLeft},
		wheelAt(5, 35, tea.MouseWheelDown), // the wheel over the status bar
	} {
		next, cmd := a.Update(msg)
		if got := next.(App).Render(); got != a.Render() || cmd != nil {
			t.Errorf("%v changed the screen (or started %v):\n%s", msg, cmd != nil, got)
		}
	}
	quit(t, tm)

	// A short list: a click under its last row moves nothing.
	h = newHarness(t, 12)
	tm, p, k := h.runKept(t, 120, 36, "Open ")
	a = k.latest()
	rows := 0
	for _, l := range strings.Split(p.text(), "\n")[2:] {
		if strings.Contains(l, "│") && strings.TrimSpace(strings.Split(l, "│")[0]) != "" {
			rows++
		}
	}
	if rows == 0 || rows > 30 {
		t.Fatalf("want a short list, got %d rows:\n%s", rows, p.text())
	}
	next, _ := a.Update(leftClick(5, 2+rows))
	if next.(App).Render() != a.Render() {
		t.Errorf("a click under the last row changed the screen:\n%s", next.(App).Render())
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
	a := k.latest()
	next, _ := a.Update(wheelAt(10, 10, tea.MouseWheelDown))
	if got := next.(App).helpOffset; got != 3 {
		t.Errorf("a notch down scrolls the help 3 lines, got %d", got)
	}
	press(tm, "?")
	tm.Send(ctrlK)
	waitFor(t, tm, p, "Command palette")
	a = k.latest()
	next, _ = a.Update(wheelAt(2, 10, tea.MouseWheelDown))
	b := next.(App)
	if b.Render() == a.Render() {
		t.Error("the wheel did not move the palette")
	}
	if strings.Split(b.Render(), "\n")[2] != strings.Split(a.Render(), "\n")[2] {
		t.Error("the wheel moved the pane under the palette")
	}
	// A click on the palette's second row moves its cursor there; the first line of
	// the box is found from the screen itself.
	lines := strings.Split(p.text(), "\n")
	top := -1
	for y, l := range lines {
		if strings.Contains(l, "Command palette") {
			top = y
			break
		}
	}
	if top < 0 {
		t.Fatal("no palette")
	}
	x := strings.Index(lines[top], "Command palette")
	next, _ = a.Update(leftClick(x, top+3)) // title, input, first row, second row
	row := strings.Split(next.(App).Render(), "\n")[top+3]
	if !strings.Contains(row, "▌") {
		t.Errorf("the clicked palette row is not selected: %q", row)
	}
	quit(t, tm)
}
