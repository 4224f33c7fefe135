package articles

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func click(x, y int) tea.MouseClickMsg { return tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft} }

func (h *harness) line(y int) string {
	lines := strings.Split(h.screen(), "\n")
	if y >= len(lines) {
		return ""
	}
	return lines[y]
}

// A click on a tree line lands on the row drawn there; a second click on a group folds
// it, on an article opens it; the wheel over the reader scrolls it and over the tree
// moves the cursor.
func TestMouseTreeAndReader(t *testing.T) {
	h := newHarness(t, 120, 14)
	for y := range h.p.h {
		cursor := h.p.tree.cursor
		if strings.HasPrefix(h.line(y), cursorMark) {
			continue
		}
		h.send(click(5, y))
		row := h.p.treeRowAt(y)
		switch {
		case row < 0 && h.p.tree.cursor != cursor:
			t.Errorf("a click on line %d moved the cursor", y)
		case row >= 0 && (h.p.tree.cursor != row || !strings.HasPrefix(h.line(y), cursorMark)):
			t.Errorf("a click on line %d: cursor %d, want %d drawn there:\n%s", y, h.p.tree.cursor, row, h.screen())
		}
	}
	h.selectTitle("Keyboard shortcuts")
	y := h.p.tree.cursor - h.p.tree.offset + 1
	h.send(click(5, y))
	if !h.p.rd.open() || h.p.rd.art.Title != "Keyboard shortcuts" || h.p.focus != focusReader {
		t.Fatalf("a second click on the article did not open it:\n%s", h.screen())
	}
	rx := h.p.treeWidth() + 5
	h.send(tea.MouseWheelMsg{X: rx, Y: 5, Button: tea.MouseWheelDown})
	if want := min(3, max(0, len(h.p.rd.lines)-h.p.bodyHeight())); h.p.rd.offset != want {
		t.Fatalf("a notch over the reader: offset %d, want %d", h.p.rd.offset, want)
	}
	cursor := h.p.tree.cursor
	h.send(tea.MouseWheelMsg{X: 5, Y: 5, Button: tea.MouseWheelUp})
	if h.p.tree.cursor != max(0, cursor-3) {
		t.Fatalf("a notch over the tree: cursor %d, want %d", h.p.tree.cursor, max(0, cursor-3))
	}
}

// A click on a search result's title or snippet line lands on that result (drawn with
// the cursor's mark); a second click opens it.
func TestMouseSearchResults(t *testing.T) {
	h := newHarness(t, 120, 36)
	h.press("/", "refund")
	if len(h.p.sr.hits) < 2 {
		t.Fatalf("hits %+v", h.p.sr.hits)
	}
	second := h.p.sr.hits[1]
	y := 2 + 1*hitHeight + 1 // under the input and the status line, the second hit's snippet
	h.send(click(5, y))
	if h.p.sr.cursor != 1 || h.p.Capturing() {
		t.Fatalf("a click on the second result: cursor %d, typing %v", h.p.sr.cursor, h.p.Capturing())
	}
	if title := h.line(y - 1); !strings.Contains(title, "▌") || !strings.Contains(title, line(second.Title, "")) {
		t.Fatalf("the second result is not drawn under the cursor: %q", title)
	}
	h.send(click(5, y-1))
	if !h.p.rd.open() || string(h.p.rd.art.ID) != second.ID {
		t.Fatal("a second click did not open the result")
	}
}
