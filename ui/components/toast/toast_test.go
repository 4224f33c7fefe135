package toast

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/ui/theme"
)

func TestExpiryClearsOnlyItsOwnToast(t *testing.T) {
	var tt Toast
	tt, first := tt.Show("saved", false, nil)
	tt, _ = tt.Show("second", true, func() tea.Msg { return nil })
	// The first toast's expiry arrives: the second one stays.
	tt = tt.Update(expired{gen: 1})
	if !tt.Visible() || tt.Text != "second" {
		t.Fatalf("the newer toast was cleared: %+v", tt)
	}
	tt = tt.Update(expired{gen: 2})
	if tt.Visible() {
		t.Fatal("its own expiry should clear it")
	}
	if first == nil {
		t.Fatal("Show must return the expiry command")
	}
}

func TestErrorToastKeepsRetryHint(t *testing.T) {
	s := theme.New(theme.Dark)
	tt, _ := Toast{}.Show(strings.Repeat("a very long error message ", 10), true, func() tea.Msg { return nil })
	box := ansi.Strip(tt.View(s, 40, "ctrl+r retry"))
	if !strings.Contains(box, "ctrl+r retry") {
		t.Fatalf("retry hint cut off:\n%s", box)
	}
	for _, l := range strings.Split(box, "\n") {
		if w := ansi.StringWidth(l); w > 40 {
			t.Fatalf("line of %d columns:\n%s", w, box)
		}
	}
}

func TestOverlayKeepsWidth(t *testing.T) {
	content := []string{"aaaaaaaaaa", "bbbbbbbbbb", "cccccccccc"}
	out := Overlay(content, "XX\nYY", 10)
	if out[1] != "bbbbbbbbXX" || out[2] != "ccccccccYY" || out[0] != content[0] {
		t.Fatalf("got %q", out)
	}
}
