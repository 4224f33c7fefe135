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
