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
	for i, t := range titles {
		label := fmt.Sprintf("%d %s", i+1, t)
		if i == active {
			b.WriteString(s.TabActive.Render(label))
		} else {
			b.WriteString(s.TabInactive.Render(label))
		}
	}
	line := ansi.Truncate(b.String(), width, "…")
	if pad := width - lipgloss.Width(line); pad > 0 {
		line += s.TabBar.Render(strings.Repeat(" ", pad))
	}
	return line
}

// At is the tab index at column x of a bar drawn by Render, or -1 (for mouse clicks).
func At(titles []string, x int) int {
	col := 0
	for i, t := range titles {
		w := lipgloss.Width(fmt.Sprintf("%d %s", i+1, t)) + 2 // the tab styles' padding
		if x >= col && x < col+w {
			return i
		}
		col += w
	}
	return -1
}
