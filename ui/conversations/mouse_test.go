package conversations

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

func click(x, y int) tea.MouseClickMsg {
	return tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft}
}

func wheel(x, y int, b tea.MouseButton) tea.MouseWheelMsg {
	return tea.MouseWheelMsg{X: x, Y: y, Button: b}
}

// screenLine is line y of the pane's view, without styles.
func screenLine(p Pane, y int) string {
	lines := strings.Split(ansi.Strip(p.View()), "\n")
	if y < 0 || y >= len(lines) {
		return ""
	}
	return lines[y]
}

// A click on any line lands on the row drawn there: scrolled down the list, and with
// the filter line above the rows, every row line shows the cursor after a click on it,
// and the lines without a row (the filter line) move nothing. The view bar switches
// views (TestMouseClickViewBar), so it is left out here.
func TestMouseClickLandsOnTheRowDrawn(t *testing.T) {
	h := newHarness(t, harnessOpts{pageSize: 150})
	p := h.start(100, 20)
	p = h.run(p.moveTo(60)) // the window starts well down the list
	check := func(name string, p Pane) Pane {
		t.Helper()
		for y := range p.height {
			before, cursor := screenLine(p, y), p.cursor()
			if y == 0 || strings.HasPrefix(before, "▌") {
				continue // a second click there opens it (below)
			}
			var cmd tea.Cmd
			p, cmd = p.Update(click(10, y))
			p = h.run(p, cmd)
			row := p.rowAt(y)
			switch {
			case row < 0 && p.cursor() != cursor:
				t.Errorf("%s: a click on line %d (%q) moved the cursor to %d", name, y, before, p.cursor())
			case row >= 0 && !strings.HasPrefix(screenLine(p, y), "▌"):
				t.Errorf("%s: after a click on line %d the cursor is not drawn there:\n%s", name, y, ansi.Strip(p.View()))
			case row >= 0 && p.cursor() != row:
				t.Errorf("%s: a click on line %d put the cursor on %d, want %d", name, y, p.cursor(), row)
			}
		}
		return p
	}
	p = check("scrolled", p)
	p = typeKeys(p, "/")
	p, _ = pressKeys(p, "enter") // an empty filter closes the line again: type one
	p = typeKeys(p, "/a")
	p = check("typing a filter", p)
	if p.Capturing() {
		t.Error("a click on a row ends typing the filter")
	}
	if !strings.Contains(screenLine(p, 1), "/ a") {
		t.Errorf("the click kept the filter: line 1 is %q", screenLine(p, 1))
	}
}

// A click on the selected row opens its thread, as enter does; a click beyond the last
// row changes nothing.
func TestMouseClickSelectedRowOpens(t *testing.T) {
	h := newHarness(t, harnessOpts{size: 12})
	p := h.start(100, 20)
	n := p.activeView().list.len()
	if n < 2 || n > 15 {
		t.Fatalf("want a short list, got %d rows", n)
	}
	view := p.View()
	p = h.run(p.Update(click(10, n+1))) // the line under the last row
	if p.View() != view || p.cursor() != 0 {
		t.Fatal("a click below the last row changed the pane")
	}
	p = h.run(p.Update(click(10, 2)))
	if p.cursor() != 1 || p.threadFocused {
		t.Fatalf("first click: cursor %d, thread focused %v; want 1, false", p.cursor(), p.threadFocused)
	}
	p = h.run(p.Update(click(10, 2)))
	if !p.threadFocused || p.thread.ID() != p.activeView().list.at(1).id {
		t.Fatalf("a second click did not open row 1: focused %v, thread %q", p.threadFocused, p.thread.ID())
	}
}

// The wheel over the list moves the cursor three rows a notch.
func TestMouseWheelMovesTheList(t *testing.T) {
	h := newHarness(t, harnessOpts{pageSize: 50})
	p := h.start(100, 20)
	p = h.run(p.Update(wheel(10, 5, tea.MouseWheelDown)))
	p = h.run(p.Update(wheel(10, 5, tea.MouseWheelDown)))
	if p.cursor() != 6 {
		t.Fatalf("two notches down: cursor %d, want 6", p.cursor())
	}
	p = h.run(p.Update(wheel(10, 5, tea.MouseWheelUp)))
	if p.cursor() != 3 {
		t.Fatalf("a notch up: cursor %d, want 3", p.cursor())
	}
}

// Split, the wheel over the thread scrolls it and leaves the list; a click on the thread
// gives it focus; a click on a row gives the list focus back.
func TestMouseSplitThread(t *testing.T) {
	h := newHarness(t, harnessOpts{previewDelay: time.Hour})
	p := h.start(140, 16)
	p = h.run(p.Update(previewMsg{gen: p.previewGen}))
	if p.thread.ID() == "" || p.thread.doc().Max() == 0 {
		t.Fatalf("want a previewed thread taller than its window: %q, max %d", p.thread.ID(), p.thread.doc().Max())
	}
	tx := p.listWidth() + 5
	at := p.thread.offset // a thread opens at its latest part: the wheel goes up from there
	if at < 3 {
		t.Fatalf("the thread opened at line %d: too near the top to scroll up", at)
	}
	p, _ = p.Update(wheel(tx, 10, tea.MouseWheelUp)) // (previews wait an hour here: no command is run)
	if p.thread.offset != at-3 || p.cursor() != 0 {
		t.Fatalf("wheel over the thread: offset %d (was %d), cursor %d", p.thread.offset, at, p.cursor())
	}
	if p.threadFocused {
		t.Fatal("the wheel gave the thread focus")
	}
	p, _ = p.Update(click(p.listWidth(), 10)) // the rule
	if p.threadFocused {
		t.Fatal("a click on the rule focused the thread")
	}
	p, _ = p.Update(click(tx, 10))
	if !p.threadFocused {
		t.Fatal("a click on the thread did not focus it")
	}
	p, _ = p.Update(click(5, 3)) // under the view bar, row 2
	if p.threadFocused || p.cursor() != 2 {
		t.Fatalf("a click on row 2: thread focused %v, cursor %d", p.threadFocused, p.cursor())
	}
}

// nameAt is the column where name is drawn on line 0 (the view bar), or -1.
func nameAt(p Pane, name string) int {
	bar := screenLine(p, 0)
	i := strings.Index(bar, name)
	if i < 0 {
		return -1
	}
	return ansi.StringWidth(bar[:i])
}

// A click on a view's name in the bar switches to it, as the keys do (the same view is
// loaded, with the same rows); a click on the active view, on the gaps or past the
// last view does nothing.
func TestMouseClickViewBar(t *testing.T) {
	h := newHarness(t, harnessOpts{pageSize: 50})
	p := h.start(120, 20)
	keys := newHarness(t, harnessOpts{pageSize: 50})
	byKey := keys.start(120, 20)
	for i, v := range p.views {
		x := nameAt(p, v.def.name)
		if x < 0 {
			t.Fatalf("view %q not drawn in %q", v.def.name, screenLine(p, 0))
		}
		p = h.run(p.Update(click(x+len(v.def.name)/2, 0)))
		if p.active != i {
			t.Fatalf("a click on %q: active view %d, want %d", v.def.name, p.active, i)
		}
		if i > 0 {
			byKey = keys.run(pressKeys(byKey, "]"))
		}
		if p.View() != byKey.View() {
			t.Fatalf("a click on %q drew\n%s\nwhere ] drew\n%s", v.def.name, ansi.Strip(p.View()), ansi.Strip(byKey.View()))
		}
	}
	view := p.View()
	for _, x := range []int{0, nameAt(p, "Open") - 1, 119} {
		if p = h.run(p.Update(click(x, 0))); p.View() != view {
			t.Fatalf("a click on column %d of the bar (no view there) changed the pane", x)
		}
	}
	p = h.run(p.Update(click(nameAt(p, p.views[p.active].def.name), 0)))
	if p.View() != view {
		t.Fatal("a click on the active view changed the pane")
	}
}

// A bar too narrow for every view starts late, after a "‹ " mark; the clicks land on
// the names drawn there, not where they would be in a wide bar, and the mark is none.
func TestMouseClickViewBarStartsLate(t *testing.T) {
	h := newHarness(t, harnessOpts{pageSize: 50})
	p := h.start(40, 20)
	p = h.run(pressKeys(p, "[")) // the last view (a team's): the bar starts late
	last := len(p.views) - 1
	if p.active != last || !strings.HasPrefix(screenLine(p, 0), " ‹ ") {
		t.Fatalf("want the last view active and the bar starting late: %d, %q", p.active, screenLine(p, 0))
	}
	view := p.View()
	if p = h.run(p.Update(click(1, 0))); p.View() != view {
		t.Fatal("a click on the ‹ mark changed the pane")
	}
	prev := p.views[last-1].def.name
	x := nameAt(p, prev)
	if x < 0 {
		t.Fatalf("%q not drawn in %q", prev, screenLine(p, 0))
	}
	p = h.run(p.Update(click(x, 0)))
	if p.active != last-1 {
		t.Fatalf("a click on %q at column %d of %q: active %d, want %d", prev, x, screenLine(p, 0), p.active, last-1)
	}
}

// Split with the thread focused, a click on a view gives the list focus back and
// switches to the view.
func TestMouseClickViewBarFromTheThread(t *testing.T) {
	h := newHarness(t, harnessOpts{previewDelay: time.Hour})
	p := h.start(140, 16)
	p = h.run(p.Update(previewMsg{gen: p.previewGen}))
	p, _ = p.Update(click(p.listWidth()+5, 10))
	if !p.threadFocused {
		t.Fatal("a click on the thread did not focus it")
	}
	p = h.run(p.Update(click(nameAt(p, "Closed"), 0)))
	if p.threadFocused || p.views[p.active].def.key != viewClosed {
		t.Fatalf("a click on Closed: thread focused %v, view %q", p.threadFocused, p.views[p.active].def.key)
	}
}

// A click on the "+N new" badge opens the Unassigned view it counts, which clears it,
// as @ does.
func TestMouseClickUnassignedBadge(t *testing.T) {
	h := newHarness(t, harnessOpts{width: 100, height: 30})
	h.tickOnce()
	h.unassignOne()
	h.tickOnce()
	x := nameAt(h.p, "+1 new")
	if x < 0 {
		t.Fatalf("no badge drawn: %q", screenLine(h.p, 0))
	}
	h.send(click(x+2, 0))
	if h.p.views[h.p.active].def.key != viewUnassigned || h.p.NewUnassigned() != 0 {
		t.Fatalf("a click on the badge: view %q, badge %d", h.p.views[h.p.active].def.key, h.p.NewUnassigned())
	}
}
