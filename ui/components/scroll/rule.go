package scroll

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/ui/theme"
)

// Rule is the line under a document's header, width cells: a rule carrying a status
// at its right end (the scroll position, or what the document is doing) in style, or
// a bare rule when there is none or it does not fit.
func Rule(st *theme.Styles, width int, status string, style lipgloss.Style) string {
	if width <= 0 {
		return ""
	}
	label := " " + status + " "
	lw := ansi.StringWidth(label)
	if status == "" || lw+4 > width {
		return st.Rule.Render(strings.Repeat("─", width))
	}
	return st.Rule.Render(strings.Repeat("─", width-lw-2)) + style.Render(label) + st.Rule.Render("──")
}
