// Package viewbar draws the bar of a pane's views: each view's name with its count once
// loaded, the active one highlighted, starting late enough to show the active one.
package viewbar

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

// Tab is one view in the bar: its name, and its total once it has loaded.
type Tab struct {
	Name   string
	Loaded bool
	Total  int
	// New is a badge: items that arrived since the agent last looked at the view.
	New int
}

// badge is the text of a Tab's New count.
func badge(n int) string {
	if n <= 0 {
		return ""
	}
	return " +" + Count(n) + " new"
}

// Render is the bar exactly width cells wide. With no tabs it is the pane's title,
// muted. When the tabs do not fit, the bar starts late enough to show the active one,
// with a mark that some came before.
func Render(st *theme.Styles, title string, tabs []Tab, active, width int) string {
	if len(tabs) == 0 {
		return textfmt.FitWidth(st.Muted.Render(" "+title), width)
	}
	const sep = "  "
	labels := make([]string, len(tabs))
	widths := make([]int, len(tabs))
	for i, t := range tabs {
		labels[i] = t.Name
		if t.Loaded {
			labels[i] += " " + Count(t.Total)
		}
		widths[i] = ansi.StringWidth(labels[i]) + ansi.StringWidth(badge(t.New)) + len(sep)
	}
	start, used := 0, 1
	for i := 0; i <= active && i < len(widths); i++ {
		used += widths[i]
	}
	for start < active && used > width {
		used -= widths[start]
		start++
	}
	var b strings.Builder
	b.WriteString(" ")
	if start > 0 {
		b.WriteString(st.Muted.Render("‹ "))
	}
	for i := start; i < len(labels); i++ {
		s := st.ViewOther
		if i == active {
			s = st.ViewActive
		}
		b.WriteString(s.Render(labels[i]))
		if n := tabs[i].New; n > 0 {
			b.WriteString(st.Unread.Render(badge(n)))
		}
		b.WriteString(sep)
	}
	return textfmt.FitWidth(b.String(), width)
}

// Count is a total for the view bar: 7, 1234, 12k, 1.2M.
func Count(n int) string {
	switch {
	case n < 10_000:
		return strconv.Itoa(n)
	case n < 1_000_000:
		return strconv.Itoa(n/1000) + "k"
	}
	return strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64) + "M"
}
