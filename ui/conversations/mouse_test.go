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
// and the lines without a row (the view bar, the filter line) move nothing.
func TestMouseClickLandsOnTheRowDrawn(t *testing.T) {
	h := newHarness(t, harnessOpts{pageSize: 150})
	p := h.start(100, 20)
	p = h.run(p.moveTo(60)) // the window starts well down the list
	check := func(name string, p Pane) Pane {
		t.Helper()
		for y := range p.height {
			before, cursor := screenLine(p, y), p.cursor()
			if strings.HasPrefix(before, "▌") {
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
