// Package tabs draws the pane tab bar.
package tabs

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/ui/theme"
)

// Render draws the titles, numbered from 1, with active highlighted, in exactly width
// columns.
func Render(s *theme.Styles, width int, titles []string, active int) string {
	var b strings.Builder
	for i := range titles {
		b.WriteString(tab(s, titles, active, i))
	}
	line := ansi.Truncate(b.String(), width, "…")
	if pad := width - lipgloss.Width(line); pad > 0 {
		line += s.TabBar.Render(strings.Repeat(" ", pad))
	}
	return line
}

// tab is tab i as Render draws it: its number and title in its style.
func tab(s *theme.Styles, titles []string, active, i int) string {
	label := fmt.Sprintf("%d %s", i+1, titles[i])
	if i == active {
		return s.TabActive.Render(label)
	}
	return s.TabInactive.Render(label)
}

// At is the tab drawn at column x of a bar Render drew width columns wide, or -1 (for
// mouse clicks). It measures the same styled tabs Render joins, so a click lands on the
// tab drawn under it whatever the theme's padding; a tab cut off by the width is only
// hit where it shows.
func At(s *theme.Styles, width int, titles []string, active, x int) int {
	if x < 0 || x >= width {
		return -1
	}
	col := 0
	for i := range titles {
		w := lipgloss.Width(tab(s, titles, active, i))
		if x < col+w {
			return i
		}
		col += w
	}
	return -1
}
