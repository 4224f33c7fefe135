package tickets

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
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
// lines without a row move nothing; a click on the selected row opens it.
func TestMouseClickLandsOnTheRowDrawn(t *testing.T) {
	h := newHarness(t, 100, 16)
	for range 25 {
		h.press("j") // the window starts down the list
	}
	for y := range h.p.height {
		cursor := h.p.cursor()
		if strings.HasPrefix(screenLine(h, y), "▌") {
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
