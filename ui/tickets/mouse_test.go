package tickets

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

func click(x, y int) tea.MouseClickMsg { return tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft} }

func screenLine(h *harness, y int) string {
	lines := strings.Split(h.screen(), "\n")
	if y >= len(lines) {
		return ""
	}
	return lines[y]
}

// A click on any line lands on the row drawn there (the cursor's mark shows on it);
// lines without a row move nothing; a click on the selected row opens it. The view bar
// switches views (TestMouseClickViewBar), so it is left out here.
func TestMouseClickLandsOnTheRowDrawn(t *testing.T) {
	h := newHarness(t, 100, 16)
	for range 25 {
		h.press("j") // the window starts down the list
	}
	for y := range h.p.height {
		cursor := h.p.cursor()
		if y == 0 || strings.HasPrefix(screenLine(h, y), "▌") {
			continue
		}
		h.send(click(10, y))
		row := h.p.rowAt(y)
		switch {
		case row < 0 && h.p.cursor() != cursor:
			t.Errorf("a click on line %d moved the cursor to %d", y, h.p.cursor())
		case row >= 0 && (h.p.cursor() != row || !strings.HasPrefix(screenLine(h, y), "▌")):
			t.Errorf("a click on line %d: cursor %d, want %d drawn there:\n%s", y, h.p.cursor(), row, h.screen())
		}
	}
	y := 3
	h.send(click(10, y))
	h.send(click(10, y))
	if !h.p.detailFocused {
		t.Fatal("a second click on the row did not open it")
	}
}

// Split, the wheel over the list moves its cursor three rows; over the detail it scrolls
// the detail; a click on the detail focuses it.
func TestMouseSplitWheelAndDetail(t *testing.T) {
	h := newHarness(t, 140, 14)
	h.send(tea.MouseWheelMsg{X: 5, Y: 5, Button: tea.MouseWheelDown})
	if h.p.cursor() != 3 {
		t.Fatalf("a notch over the list: cursor %d, want 3", h.p.cursor())
	}
	if h.p.detail.ID() == "" || h.p.detail.doc().Max() < 3 {
		t.Fatalf("want a detail taller than its window (%q, max %d)", h.p.detail.ID(), h.p.detail.doc().Max())
	}
	dx := h.p.listWidth() + 5
	h.send(tea.MouseWheelMsg{X: dx, Y: 5, Button: tea.MouseWheelDown})
	if h.p.detail.offset != 3 || h.p.cursor() != 3 {
		t.Fatalf("a notch over the detail: offset %d, cursor %d", h.p.detail.offset, h.p.cursor())
	}
	h.send(click(dx, 5))
	if !h.p.detailFocused {
		t.Fatal("a click on the detail did not focus it")
	}
}

// nameAt is the column where name is drawn on line 0 (the view bar), or -1.
func nameAt(h *harness, name string) int {
	bar := screenLine(h, 0)
	i := strings.Index(bar, name)
	if i < 0 {
		return -1
	}
	return ansi.StringWidth(bar[:i])
}

// A click on a view's name in the bar switches to it and draws what ] draws (a harness
// beside it presses the key); a click on a gap, on the active view or while a ticket
// number is typed does nothing.
func TestMouseClickViewBar(t *testing.T) {
	h, keys := newHarness(t, 160, 16), newHarness(t, 160, 16)
	if len(h.p.views) < 4 {
		t.Fatalf("want the fixed views and a type's: %d views", len(h.p.views))
	}
	for i, v := range h.p.views {
		x := nameAt(h, v.def.name)
		if x < 0 {
			t.Fatalf("view %q not drawn in %q", v.def.name, screenLine(h, 0))
		}
		h.send(click(x+len(v.def.name)/2, 0))
		if i > 0 {
			keys.press("]")
		}
		if h.p.active != i || h.screen() != keys.screen() {
			t.Fatalf("a click on %q: active %d, want %d; drew\n%s\nwhere ] drew\n%s", v.def.name, h.p.active, i, h.screen(), keys.screen())
		}
	}
	view := h.screen()
	for _, x := range []int{0, nameAt(h, "Open") - 1, nameAt(h, h.p.views[h.p.active].def.name), 159} {
		if h.send(click(x, 0)); h.screen() != view {
			t.Fatalf("a click on column %d of the bar changed the pane", x)
		}
	}
	h.press("i")
	if !h.p.byID.input.Focused() {
		t.Fatal("i did not ask for a ticket number")
	}
	active := h.p.active
	if h.send(click(nameAt(h, "Open"), 0)); h.p.active != active {
		t.Fatal("a click on the bar switched views while a ticket number was typed")
	}
}

// A narrow bar starts late, after a "‹ " mark: a click lands on the name drawn there.
// Split with the detail focused, the click gives the list focus back.
func TestMouseClickViewBarStartsLate(t *testing.T) {
	h := newHarness(t, 50, 16)
	h.press("[") // the last view: the bar starts late
	last := len(h.p.views) - 1
	if h.p.active != last || !strings.HasPrefix(screenLine(h, 0), " ‹ ") {
		t.Fatalf("want the last view active and the bar starting late: %d, %q", h.p.active, screenLine(h, 0))
	}
	prev := h.p.views[last-1].def.name
	x := nameAt(h, prev)
	if x < 0 {
		t.Fatalf("%q not drawn in %q", prev, screenLine(h, 0))
	}
	if h.send(click(1, 0)); h.p.active != last {
		t.Fatal("a click on the ‹ mark switched views")
	}
	if h.send(click(x, 0)); h.p.active != last-1 {
		t.Fatalf("a click on %q at column %d: active %d, want %d", prev, x, h.p.active, last-1)
	}

	h = newHarness(t, 140, 14)
	h.send(click(h.p.listWidth()+5, 5))
	if !h.p.detailFocused {
		t.Fatal("a click on the detail did not focus it")
	}
	h.send(click(nameAt(h, "Resolved"), 0))
	if h.p.detailFocused || h.p.activeView().def.key != viewResolved {
		t.Fatalf("a click on Resolved: detail focused %v, view %q", h.p.detailFocused, h.p.activeView().def.key)
	}
}
