package statusbar

import (
	"strings"
	"testing"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

func TestRender(t *testing.T) {
	s := theme.New(theme.Dark)
	st := Status{Workspace: "Acme\x1b]0;x\x07", Admin: "Ana", Region: "eu", Online: true, Hint: "? help",
		Budget: api.RateBudget{Known: true, Limit: 167, Remaining: 12}, Spinner: "⠋"}
	for _, w := range []int{200, 80, 40, 10, 3} {
		got := Render(s, w, st)
		if lipgloss.Width(got) != w {
			t.Errorf("width %d: rendered %d columns: %q", w, lipgloss.Width(got), ansi.Strip(got))
		}
	}
	plain := ansi.Strip(Render(s, 200, st))
	for _, want := range []string{"Acme", "Ana", "EU", "● online", "rate 12/167", "⠋ loading", "? help"} {
		if !strings.Contains(plain, want) {
			t.Errorf("missing %q in %q", want, plain)
		}
	}
	if strings.Contains(plain, "]0;x") {
		t.Errorf("workspace name not sanitized: %q", plain)
	}
	st.Online, st.OfflineSince = false, time.Date(2026, 1, 2, 15, 4, 0, 0, time.UTC)
	if plain := ansi.Strip(Render(s, 200, st)); !strings.Contains(plain, "○ offline since 15:04") {
		t.Errorf("offline: %q", plain)
	}
}
