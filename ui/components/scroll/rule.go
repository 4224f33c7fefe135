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

// Source is what a reader's rule says about where its text came from and whether a
// load is on its way, or ok=false when there is nothing to say (the rule then shows
// the scroll position). stored: the text is the offline store's copy; shown: some
// text is on screen; failed: the last load failed. Every reader words it alike.
func Source(stored, shown, loading, failed bool, width int) (status string, isErr, ok bool) {
	const mark = "from the offline store"
	switch {
	case stored && loading:
		status = mark + " · refreshing…"
	case stored && failed:
		status, isErr = mark+" · refresh failed", true
	case stored:
		status = mark
	case loading && shown:
		return "loading…", false, true
	case failed && shown:
		return "reload failed", true, true
	default:
		return "", false, false
	}
	if ansi.StringWidth(status)+6 > width {
		status = "stored copy" // a narrow reader still says where its text came from
	}
	return status, isErr, true
}
