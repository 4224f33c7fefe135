package scroll

import (
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/ui/theme"
)

func TestRule(t *testing.T) {
	st := theme.For(true, "")
	if got := ansi.Strip(Rule(st, 20, "42%", st.Muted)); got != "───────────── 42% ──" {
		t.Errorf("with a status: %q", got)
	}
	if got := ansi.Strip(Rule(st, 6, "lines 1–9 of 90", st.Muted)); got != "──────" {
		t.Errorf("a status too wide: %q", got)
	}
	if got := ansi.Strip(Rule(st, 4, "", st.Muted)); got != "────" {
		t.Errorf("no status: %q", got)
	}
	if Rule(st, 0, "x", st.Muted) != "" {
		t.Error("no width, no rule")
	}
}

func TestSource(t *testing.T) {
	cases := []struct {
		stored, shown, loading, failed bool
		width                          int
		want                           string
		isErr, ok                      bool
	}{
		{true, true, true, false, 80, "from the offline store · refreshing…", false, true},
		{true, true, false, true, 80, "from the offline store · refresh failed", true, true},
		{true, true, false, false, 80, "from the offline store", false, true},
		{true, true, true, false, 20, "stored copy", false, true},
		{false, true, true, false, 80, "loading…", false, true},
		{false, true, false, true, 80, "reload failed", true, true},
		{false, false, true, false, 80, "", false, false},
	}
	for _, c := range cases {
		got, isErr, ok := Source(c.stored, c.shown, c.loading, c.failed, c.width)
		if got != c.want || isErr != c.isErr || ok != c.ok {
			t.Errorf("Source(%+v) = %q %v %v", c, got, isErr, ok)
		}
	}
}
