package tabs

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/ui/theme"
)

func TestRenderWidthAndAt(t *testing.T) {
	s := theme.New(theme.Dark)
	titles := []string{"Conversations", "Contacts"}
	for _, w := range []int{80, 20, 5} {
		if got := lipgloss.Width(Render(s, w, titles, 1)); got != w {
			t.Errorf("width %d: got %d", w, got)
		}
	}
	if At(s, 80, titles, 1, 0) != 0 || At(s, 80, titles, 1, 16) != 0 || At(s, 80, titles, 1, 17) != 1 || At(s, 80, titles, 1, 60) != -1 {
		t.Errorf("At: %d %d %d %d", At(s, 80, titles, 1, 0), At(s, 80, titles, 1, 16), At(s, 80, titles, 1, 17), At(s, 80, titles, 1, 60))
	}
	if At(s, 10, titles, 1, 12) != -1 || At(s, 80, titles, 1, -1) != -1 {
		t.Error("no tab past the bar's width or before it")
	}
}

// TestAtMatchesRender checks every column against the bar drawn: the tab At names is
// the one whose number and title are drawn around that column.
func TestAtMatchesRender(t *testing.T) {
	s := theme.New(theme.Dark)
	titles := []string{"Conversations", "Contacts", "Tickets", "Articles"}
	bar := ansi.Strip(Render(s, 120, titles, 2))
	for i, title := range titles {
		label := string(rune('1'+i)) + " " + title
		at := strings.Index(bar, label)
		if at < 0 {
			t.Fatalf("%q not drawn in %q", label, bar)
		}
		for x := at; x < at+len(label); x++ {
			if got := At(s, 120, titles, 2, x); got != i {
				t.Errorf("column %d (%q): At = %d, want %d", x, label, got, i)
			}
		}
	}
}
