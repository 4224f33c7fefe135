package names

import (
	"slices"
	"testing"
)

func TestSnake(t *testing.T) {
	for in, want := range map[string]string{
		"NextView": "next_view", "Tab1": "tab1", "OpenURL": "open_url", "OpenByID": "open_by_id",
		"AccentFg": "accent_fg", "Fg": "fg", "SelectBg": "select_bg",
	} {
		if got := Snake(in); got != want {
			t.Errorf("Snake(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNear(t *testing.T) {
	known := []string{"accent", "accent_fg", "close", "next_view", "fg"}
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"acent", []string{"accent"}},
		{"accentfg", []string{"accent", "accent_fg"}},
		{"next-view", []string{"next_view"}},
		{"clos", []string{"close"}},
		{"zzzzzzz", nil},
	} {
		if got := Near(c.in, known); !slices.Equal(got, c.want) {
			t.Errorf("Near(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}
