package viewbar

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/ui/theme"
)

func TestCount(t *testing.T) {
	for n, want := range map[int]string{7: "7", 9999: "9999", 12_345: "12k", 1_234_567: "1.2M"} {
		if got := Count(n); got != want {
			t.Errorf("Count(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestRender(t *testing.T) {
	st := theme.For(true, "")
	tabs := []Tab{{Name: "Open", Loaded: true, Total: 12}, {Name: "Mine"}, {Name: "Closed", Loaded: true, Total: 12_000}}
	got := ansi.Strip(Render(st, "Things", tabs, 0, 40))
	if got != " Open 12  Mine  Closed 12k              " {
		t.Errorf("wide: %q", got)
	}
	narrow := ansi.Strip(Render(st, "Things", tabs, 2, 16))
	if ansi.StringWidth(narrow) != 16 || !strings.HasPrefix(narrow, " ‹ ") || !strings.Contains(narrow, "Closed") {
		t.Errorf("narrow: %q", narrow)
	}
	if got := ansi.Strip(Render(st, "Things", nil, 0, 10)); got != " Things   " {
		t.Errorf("empty: %q", got)
	}
}

// TestAtMatchesRender checks every column of drawn bars against At: the view At names
// is the one whose name, count or badge is drawn there, and the lead space, the "‹ "
// mark and the gaps are none. The narrow bar starts late (the active view is the last),
// so At must take the same start offset Render does.
func TestAtMatchesRender(t *testing.T) {
	st := theme.For(true, "")
	tabs := []Tab{
		{Name: "Open", Loaded: true, Total: 12},
		{Name: "Unassigned", Loaded: true, Total: 3, New: 2},
		{Name: "Mine"},
		{Name: "Closed", Loaded: true, Total: 12_000},
		{Name: "Billing team", Loaded: true, Total: 40},
	}
	for _, c := range []struct{ active, width int }{{0, 80}, {4, 80}, {4, 30}, {3, 24}, {1, 12}} {
		bar := []rune(ansi.Strip(Render(st, "Things", tabs, c.active, c.width)))
		want := make([]int, len(bar))
		for x := range want {
			want[x] = -1
		}
		for i, tab := range tabs {
			label := tab.Name
			if tab.Loaded {
				label += " " + Count(tab.Total)
			}
			label += badge(tab.New)
			// A view cut off at the right edge is drawn (and hit) only as far as it shows.
			drawn := []rune(label)
			for len(drawn) > 0 && !strings.Contains(string(bar), string(drawn)) {
				drawn = drawn[:len(drawn)-1]
			}
			if len(drawn) < len(label) && !strings.HasSuffix(string(bar), string(drawn)) {
				continue // not drawn at all
			}
			at := len([]rune(string(bar)[:strings.LastIndex(string(bar), string(drawn))]))
			for x := at; x < at+len(drawn); x++ {
				want[x] = i
			}
		}
		for x := range bar {
			if got := At(st, tabs, c.active, c.width, x); got != want[x] {
				t.Errorf("active %d width %d, column %d of %q: At = %d, want %d", c.active, c.width, x, string(bar), got, want[x])
			}
		}
		if got := At(st, tabs, c.active, c.width, c.width); got != -1 {
			t.Errorf("active %d width %d: past the bar At = %d", c.active, c.width, got)
		}
		if c.width < 40 && !strings.HasPrefix(string(bar), " ‹ ") {
			t.Errorf("narrow bar %q: want it to start late, with the mark", string(bar))
		}
	}
	if At(st, nil, 0, 20, 3) != -1 {
		t.Error("a bar with no views (the title) has nothing to click")
	}
}
