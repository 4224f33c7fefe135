// Package textfmt holds the text helpers every pane shares: one safe line from a
// remote string, cells cut and padded by display width, ages and times as agents read
// them.
package textfmt

import (
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/sanitize"
)

// Ellipsis marks text that was cut.
const Ellipsis = "…"

// Line sanitizes a remote string for a one-line place and collapses its white space.
func Line(s string) string {
	return Collapse(sanitize.Line(s))
}

// Collapse squeezes runs of white space into one space and trims the ends.
func Collapse(s string) string {
	if !strings.Contains(s, "  ") && strings.TrimSpace(s) == s &&
		!strings.ContainsFunc(s, func(r rune) bool { return r != ' ' && unicode.IsSpace(r) }) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// Clip keeps at most n runes of s: more never fits on a line.
func Clip(s string, n int) string {
	count := 0
	for i := range s {
		if count == n {
			return s[:i]
		}
		count++
	}
	return s
}

// Cell is s cut (by display width, so CJK and emoji count double) with an ellipsis and
// padded to exactly w cells.
func Cell(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := ansi.StringWidth(s)
	if sw > w {
		s = ansi.Truncate(s, w, Ellipsis)
		sw = ansi.StringWidth(s)
	}
	if sw < w {
		s += strings.Repeat(" ", w-sw)
	}
	return s
}

// CellRight is s cut and padded on the left to w cells.
func CellRight(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) > w {
		s = ansi.Truncate(s, w, "")
	}
	return strings.Repeat(" ", w-ansi.StringWidth(s)) + s
}

// FitWidth makes a styled line exactly w cells wide: cut without a mark, or padded.
func FitWidth(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := ansi.StringWidth(s)
	if sw > w {
		s = ansi.Truncate(s, w, "")
		sw = ansi.StringWidth(s)
	}
	if sw < w {
		s += strings.Repeat(" ", w-sw)
	}
	return s
}

// JoinEnds puts the first of rights that fits at the end of a width-wide line after
// left; when none fits, left alone, cut to width.
func JoinEnds(left string, width int, rights ...string) string {
	lw := ansi.StringWidth(left)
	for _, r := range rights {
		if rw := ansi.StringWidth(r); r != "" && lw+2+rw <= width {
			return left + strings.Repeat(" ", width-lw-rw) + r
		}
	}
	if lw <= width {
		return left
	}
	return ansi.Truncate(left, width, Ellipsis)
}

// Indent prefixes every non-empty line with n spaces.
func Indent(lines []string, n int) []string {
	pad := strings.Repeat(" ", n)
	out := make([]string, len(lines))
	for i, l := range lines {
		if l != "" {
			l = pad + l
		}
		out[i] = l
	}
	return out
}

// Age is how long ago unix was, from now (unix seconds): "now", "4m", "2h", "3d",
// "12w", "2y". A zero time reads "now".
func Age(unix, now int64) string {
	d := now - unix
	switch {
	case unix == 0 || d < 60:
		return "now"
	case d < 3600:
		return strconv.FormatInt(d/60, 10) + "m"
	case d < 86400:
		return strconv.FormatInt(d/3600, 10) + "h"
	case d < 100*86400:
		return strconv.FormatInt(d/86400, 10) + "d"
	case d < 365*86400:
		return strconv.FormatInt(d/(7*86400), 10) + "w"
	}
	return strconv.FormatInt(d/(365*86400), 10) + "y"
}

// AbsTime is unix in loc (UTC when nil): "Tue 24 Nov 14:05", with the year when it is
// not now's.
func AbsTime(unix int64, now time.Time, loc *time.Location) string {
	if loc == nil {
		loc = time.UTC
	}
	t := time.Unix(unix, 0).In(loc)
	if t.Year() != now.In(loc).Year() {
		return t.Format("Mon 2 Jan 2006 15:04")
	}
	return t.Format("Mon 2 Jan 15:04")
}

// zones memoizes time.LoadLocation, which reads the zone database from disk.
var zones sync.Map // name → *time.Location

// Zone is the named time zone, else UTC. It may read the disk, so only commands call it.
func Zone(name string) *time.Location {
	if name == "" {
		return time.UTC
	}
	if loc, ok := zones.Load(name); ok {
		return loc.(*time.Location)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		loc = time.UTC
	}
	zones.Store(name, loc)
	return loc
}

// ScrollStatus is "lines 10–40 of 200", or "42%" when that does not fit width, or ""
// when the whole body shows.
func ScrollStatus(offset, height, total, width int) string {
	if total <= height || height <= 0 {
		return ""
	}
	last := min(offset+height, total)
	s := "lines " + strconv.Itoa(offset+1) + "–" + strconv.Itoa(last) + " of " + strconv.Itoa(total)
	if ansi.StringWidth(s)+6 <= width {
		return s
	}
	return strconv.Itoa(offset*100/(total-height)) + "%"
}

// JoinLines joins the first height lines (each already its width), adding blank ones
// below.
func JoinLines(lines []string, blank string, height int) string {
	var b strings.Builder
	b.Grow(max(0, height) * (len(blank) + 1) * 2)
	for i := range max(0, height) {
		if i > 0 {
			b.WriteByte('\n')
		}
		if i < len(lines) {
			b.WriteString(lines[i])
		} else {
			b.WriteString(blank)
		}
	}
	return b.String()
}

// StateLine is one indented line of text in a style, cut to width.
func StateLine(s lipgloss.Style, text string, width int) string {
	return FitWidth("  "+s.Render(ansi.Truncate(text, max(0, width-2), Ellipsis)), width)
}

// Beside is top over left and right side by side with sep between them, height rows:
// left and right each hold at least height lines, every one already its width.
func Beside(top, left, sep, right string, height int) string {
	l, r := strings.Split(left, "\n"), strings.Split(right, "\n")
	var b strings.Builder
	b.WriteString(top)
	for i := range height {
		b.WriteByte('\n')
		b.WriteString(l[i])
		b.WriteString(sep)
		b.WriteString(r[i])
	}
	return b.String()
}

// FitBlock makes s exactly width × height: lines cut or padded, missing lines added.
func FitBlock(s string, width, height int) string {
	if height <= 0 {
		return ""
	}
	lines := strings.SplitN(s, "\n", height+1)
	if len(lines) > height {
		lines = lines[:height]
	}
	var b strings.Builder
	for i := range height {
		if i > 0 {
			b.WriteByte('\n')
		}
		if i < len(lines) {
			b.WriteString(FitWidth(lines[i], width))
		} else {
			b.WriteString(strings.Repeat(" ", max(0, width)))
		}
	}
	return b.String()
}

// Saved says when the offline store saved what a list shows: "saved 14:05" today,
// "saved 23 Nov 14:05" earlier this year, "saved 23 Nov 2025" before. One wording for
// every pane's stored-source mark.
func Saved(at, now time.Time, loc *time.Location) string {
	if loc == nil {
		loc = time.UTC
	}
	at, now = at.In(loc), now.In(loc)
	switch {
	case at.Year() == now.Year() && at.YearDay() == now.YearDay():
		return "saved " + at.Format("15:04")
	case at.Year() == now.Year():
		return "saved " + at.Format("2 Jan 15:04")
	}
	return "saved " + at.Format("2 Jan 2006")
}
