package search

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/store"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// manyHits is an overlay showing n conversations titled "Result 00"… with a snippet each.
func manyHits(t *testing.T, n int) Overlay {
	t.Helper()
	hits := make([]store.Hit, n)
	for i := range hits {
		hits[i] = store.Hit{Kind: store.KindConversation, ID: fmt.Sprint(100 + i), Title: fmt.Sprintf("Result %02d", i), Snippet: "about a refund"}
	}
	o := newOverlay(testCtx(nil), fakeSearcher{hits}, 0)
	o, cmd := press(o, typed("refund")...)
	return settle(t, o, cmd)
}

func update(o Overlay, msg tea.Msg) (Overlay, tea.Cmd) {
	n, cmd := o.Update(msg)
	return n.(Overlay), cmd
}

// drawnAt is the result whose title (or the snippet under it) is on line y of the box
// View draws in width × height, or -1.
func drawnAt(o Overlay, y, width, height int) int {
	lines := strings.Split(ansi.Strip(o.View(width, height)), "\n")
	for l := y; l >= 0 && l >= y-1; l-- {
		if i := strings.Index(lines[l], "Result "); i >= 0 {
			var n int
			fmt.Sscanf(lines[l][i:], "Result %d", &n)
			return n
		}
	}
	return -1
}

// Every line of the box is clicked in a tall and a short area, scrolled down: a click
// on a result's title or snippet puts the cursor on the result drawn there, and the
// input, the status, the keys line and the borders move nothing.
func TestClickLandsOnTheResultDrawn(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {100, 11}} {
		w, h := size[0], size[1]
		o := manyHits(t, 20)
		for range 4 {
			o, _ = update(o, tea.MouseWheelMsg{Button: tea.MouseWheelDown})
		}
		if o.offset == 0 {
			t.Fatalf("%dx%d: the wheel did not scroll the results", w, h)
		}
		for y := range strings.Count(o.View(w, h), "\n") + 1 {
			want, cursor := drawnAt(o, y, w, h), o.cursor
			if want == cursor {
				continue // a second click opens it (below)
			}
			next, cmd := update(o, shared.BoxClick{X: 5, Y: y, Width: w, Height: h})
			switch {
			case cmd != nil:
				t.Errorf("%dx%d: a click on line %d sent a command", w, h, y)
			case want < 0 && next.cursor != cursor:
				t.Errorf("%dx%d: a click on line %d (no result) moved the cursor to %d", w, h, y, next.cursor)
			case want >= 0 && next.cursor != want:
				t.Errorf("%dx%d: a click on line %d put the cursor on %d, want %d", w, h, y, next.cursor, want)
			}
		}
	}
}

// A second click on the selected result opens it as enter does: the overlay closes,
// then the result opens in its pane.
func TestSecondClickOpens(t *testing.T) {
	o := manyHits(t, 5)
	y := o.hitsTop() + 2*hitHeight // the third result's title
	o, cmd := update(o, shared.BoxClick{X: 5, Y: y, Width: 100, Height: 30})
	if o.cursor != 2 || cmd != nil {
		t.Fatalf("first click: cursor %d, command %v", o.cursor, cmd != nil)
	}
	_, cmd = update(o, shared.BoxClick{X: 5, Y: y + 1, Width: 100, Height: 30}) // its snippet
	seq := sequence(cmd())
	if len(seq) != 2 {
		t.Fatalf("a second click gave %T, want Sequence(Pop, open)", cmd())
	}
	if _, ok := seq[0]().(shared.PopOverlay); !ok {
		t.Error("the second click does not close the overlay first")
	}
	if got := seq[1](); got != (shared.OpenConversationMsg{ID: "102"}) {
		t.Errorf("the second click opens %#v", got)
	}
}

// The wheel moves the cursor three results a notch, within the list; with no results
// it does nothing.
func TestWheelMovesTheCursor(t *testing.T) {
	o := manyHits(t, 5)
	down, up := tea.MouseWheelMsg{Button: tea.MouseWheelDown}, tea.MouseWheelMsg{Button: tea.MouseWheelUp}
	for _, c := range []struct {
		msg  tea.MouseWheelMsg
		want int
	}{{down, 3}, {down, 4}, {up, 1}, {up, 0}} {
		o, _ = update(o, c.msg)
		if o.cursor != c.want {
			t.Fatalf("after a notch: cursor %d, want %d", o.cursor, c.want)
		}
	}
	empty := newOverlay(testCtx(nil), fakeSearcher{}, 0)
	if empty, _ = update(empty, down); empty.cursor != 0 {
		t.Fatalf("the wheel over no results moved the cursor to %d", empty.cursor)
	}
}
