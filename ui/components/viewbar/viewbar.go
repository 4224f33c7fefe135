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
	var b strings.Builder
	for _, p := range pieces(st, tabs, active, width) {
		b.WriteString(p.text)
	}
	return textfmt.FitWidth(b.String(), width)
}

// At is the view whose name (with its count and badge) Render draws at column x of a
// bar width cells wide, or -1: the lead space, the "‹ " mark, the gaps between views
// and whatever is cut off at the right edge are no view. It walks the same pieces
// Render joins, so the start offset of a bar that does not fit is the one drawn.
func At(st *theme.Styles, tabs []Tab, active, width, x int) int {
	if x < 0 || x >= width {
		return -1
	}
	col := 0
	for _, p := range pieces(st, tabs, active, width) {
		w := ansi.StringWidth(p.text)
		if x < col+w {
			return p.tab
		}
		col += w
	}
	return -1
}

// piece is a run of the bar: text in its style, and the view it belongs to (-1 for
// the lead space, the mark and the gaps).
type piece struct {
	text string
	tab  int
}

// pieces is the bar from its first cell, before it is fitted to width.
func pieces(st *theme.Styles, tabs []Tab, active, width int) []piece {
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
	out := []piece{{" ", -1}}
	if start > 0 {
		out = append(out, piece{st.Muted.Render("‹ "), -1})
	}
	for i := start; i < len(labels); i++ {
		s := st.ViewOther
		if i == active {
			s = st.ViewActive
		}
		out = append(out, piece{s.Render(labels[i]), i})
		if n := tabs[i].New; n > 0 {
			// The badge is part of its view: a click on "+3 new" means "show me those".
			out = append(out, piece{st.Unread.Render(badge(n)), i})
		}
		out = append(out, piece{sep, -1})
	}
	return out
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
