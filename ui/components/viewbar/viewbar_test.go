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
