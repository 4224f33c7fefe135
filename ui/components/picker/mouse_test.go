package picker

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// clickLine clicks the box line whose text holds label, in the box View draws at
// width × height, and returns the picker and what its command yielded.
func clickLine(t *testing.T, o shared.Overlay, label string, width, height int) (shared.Overlay, []tea.Msg) {
	t.Helper()
	for y, l := range strings.Split(ansi.Strip(o.View(width, height)), "\n") {
		if strings.Contains(l, label) {
			next, cmd := o.Update(shared.BoxClick{X: 3, Y: y, Width: width, Height: height})
			return next, drain(cmd)
		}
	}
	t.Fatalf("%q is not drawn", label)
	return o, nil
}

// A click lands on the row drawn under it (the cursor's mark moves there); a second
// click on it chooses it. Clicks on the title or the input choose nothing.
func TestClickMovesThenChooses(t *testing.T) {
	p := shared.Overlay(New(Options{ID: "assign", Title: "Assign to", Items: assignItems()}))
	p, msgs := clickLine(t, p, "Assign to", 80, 24)
	p, msgs2 := clickLine(t, p, "Mobile sales", 80, 24)
	noResult(t, append(msgs, msgs2...))
	if line := lineWith(p.View(80, 24), "Mobile sales"); !strings.Contains(line, "▌") {
		t.Fatalf("the clicked row is not under the cursor: %q", line)
	}
	_, msgs = clickLine(t, p, "Mobile sales", 80, 24)
	if r := result(t, msgs); len(r.Chosen) != 1 || r.Chosen[0].ID != "t2" {
		t.Fatalf("the second click chose %+v", r)
	}
	// In a short box the window scrolls: a click still lands on the row drawn there.
	p = shared.Overlay(New(Options{ID: "assign", Items: assignItems()}))
	p, _ = press(t, p, "down", "down", "down", "down")
	p, _ = clickLine(t, p, "Mobile sales", 80, 9)
	if line := lineWith(p.View(80, 9), "Mobile sales"); !strings.Contains(line, "▌") {
		t.Fatalf("short box: the clicked row is not under the cursor:\n%s", ansi.Strip(p.View(80, 9)))
	}
}

// In a multi-choice picker a second click checks the row, as space does.
func TestClickChecksInMulti(t *testing.T) {
	p := shared.Overlay(New(Options{ID: "tags", Items: tagItems(), Multi: true}))
	p, _ = clickLine(t, p, "refund", 80, 24)
	p, msgs := clickLine(t, p, "refund", 80, 24)
	noResult(t, msgs)
	if line := lineWith(p.View(80, 24), "refund"); !strings.Contains(line, "[x]") {
		t.Fatalf("a second click did not check it: %q", line)
	}
}

func TestWheelMovesTheCursor(t *testing.T) {
	p := shared.Overlay(New(Options{ID: "assign", Items: assignItems()}))
	p, _ = p.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if c := p.(Model).cursor; c != 3 {
		t.Fatalf("a notch down: cursor %d, want 3", c)
	}
}

func lineWith(view, s string) string {
	for _, l := range strings.Split(ansi.Strip(view), "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}
