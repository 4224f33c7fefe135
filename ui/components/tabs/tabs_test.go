package tabs

import (
	"testing"

	"charm.land/lipgloss/v2"

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
	if At(titles, 0) != 0 || At(titles, 16) != 0 || At(titles, 17) != 1 || At(titles, 60) != -1 {
		t.Errorf("At: %d %d %d %d", At(titles, 0), At(titles, 16), At(titles, 17), At(titles, 60))
	}
}
