// Package statusbar draws the bottom line: workspace, admin, region, online or offline,
// a spinner while anything loads, the rate-limit budget left, and a hint.
package statusbar

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

// Status is what the bar shows. Strings from the network are sanitized here.
type Status struct {
	Workspace    string
	Demo         bool
	Admin        string
	Region       string
	Online       bool
	OfflineSince time.Time
	Spinner      string // the spinner frame while loading, else ""
	Budget       api.RateBudget
	Hint         string // e.g. "? help"
}

// Render draws the bar in exactly width columns. Segments on the left are dropped from
// the right end first when the terminal is narrow; the hint stays at the right.
func Render(s *theme.Styles, width int, st Status) string {
	sep := s.StatusBar.Render(" · ")
	var left []string
	name := sanitize.Line(st.Workspace)
	if name == "" {
		name = "connecting…"
	}
	if st.Demo {
		name += " (demo workspace)"
	}
	left = append(left, s.StatusKey.Render(" "+name))
	if st.Admin != "" {
		left = append(left, s.StatusBar.Render(sanitize.Line(st.Admin)))
	}
	if st.Region != "" {
		left = append(left, s.StatusBar.Render(strings.ToUpper(st.Region)))
	}
	if st.Online {
		left = append(left, s.StatusOK.Render(s.Icons.Online+" online"))
	} else {
		off := s.Icons.Offline + " offline"
		if !st.OfflineSince.IsZero() {
			off += " since " + st.OfflineSince.Format("15:04")
		}
		left = append(left, s.StatusError.Render(off))
	}
	if st.Budget.Known {
		style := s.StatusBar
		if st.Budget.Limit > 0 && st.Budget.Remaining*5 < st.Budget.Limit {
			style = s.StatusWarn
		}
		left = append(left, style.Render(fmt.Sprintf("rate %d/%d", st.Budget.Remaining, st.Budget.Limit)))
	}
	if st.Spinner != "" {
		left = append(left, s.StatusBar.Render(st.Spinner+" loading"))
	}
	right := s.StatusBar.Render(st.Hint + " ")
	room := width - lipgloss.Width(right)
	line := ""
	for i, seg := range left {
		next := line
		if i > 0 {
			next += sep
		}
		next += seg
		if lipgloss.Width(next) > room {
			break
		}
		line = next
	}
	if room < 0 { // not even the hint fits: show what does, full width
		cut := ansi.Truncate(right, width, "")
		return cut + s.StatusBar.Render(strings.Repeat(" ", max(0, width-lipgloss.Width(cut))))
	}
	gap := room - lipgloss.Width(line)
	return line + s.StatusBar.Render(strings.Repeat(" ", max(0, gap))) + right
}
