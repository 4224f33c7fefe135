// Package toast is the short message shown above the status bar: results and errors.
// An error toast may carry a retry command, run by the retry key while it is up.
package toast

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

// How long a toast stays up.
const (
	InfoTTL  = 4 * time.Second
	ErrorTTL = 10 * time.Second
)

// Toast is the current message, if any. The zero value shows nothing.
type Toast struct {
	Text  string
	Error bool
	Retry tea.Cmd
	gen   uint64
}

// expired says a toast's time is up; gen names which toast, so a newer one stays.
type expired struct{ gen uint64 }

// Show replaces the toast and returns the command that will expire it.
func (t Toast) Show(text string, isErr bool, retry tea.Cmd) (Toast, tea.Cmd) {
	gen := t.gen + 1
	ttl := InfoTTL
	if isErr {
		ttl = ErrorTTL
	}
	return Toast{Text: sanitize.Line(text), Error: isErr, Retry: retry, gen: gen},
		tea.Tick(ttl, func(time.Time) tea.Msg { return expired{gen} })
}

// Update clears the toast when its own expiry arrives.
func (t Toast) Update(msg tea.Msg) Toast {
	if e, ok := msg.(expired); ok && e.gen == t.gen {
		return Toast{gen: t.gen}
	}
	return t
}

// Dismiss clears the toast.
func (t Toast) Dismiss() Toast { return Toast{gen: t.gen} }

// Visible reports whether there is a toast to show.
func (t Toast) Visible() bool { return t.Text != "" }

// View is the toast box, at most maxWidth wide: the text wrapped onto up to three
// lines, and for an error with a retry command a last line with retryHint (e.g.
// "ctrl+r retry"), so the way out is never cut off.
func (t Toast) View(s *theme.Styles, maxWidth int, retryHint string) string {
	if !t.Visible() || maxWidth < 8 {
		return ""
	}
	style := s.ToastInfo
	text := s.Icons.Done + " " + t.Text
	if t.Error {
		style, text = s.ToastError, s.Icons.Failed+" "+t.Text
	}
	inner := maxWidth - style.GetHorizontalFrameSize()
	lines := strings.Split(ansi.Wrap(text, inner, " "), "\n")
	if len(lines) > 3 {
		lines = lines[:3]
		lines[2] = ansi.Truncate(lines[2]+" …", inner, "…")
	}
	if t.Error && t.Retry != nil && retryHint != "" {
		lines = append(lines, s.Muted.Render(ansi.Truncate(retryHint, inner, "…")))
	}
	return style.Render(strings.Join(lines, "\n"))
}

// Overlay draws box over the bottom-right corner of content (lines of exactly width).
func Overlay(content []string, box string, width int) []string {
	if box == "" {
		return content
	}
	boxLines := splitLines(box)
	bw := lipgloss.Width(box)
	start := len(content) - len(boxLines)
	if start < 0 || bw > width {
		return content
	}
	out := append([]string(nil), content...)
	for i, bl := range boxLines {
		base := ansi.Truncate(out[start+i], width-bw, "")
		pad := width - bw - lipgloss.Width(base)
		if pad > 0 {
			base += spaces(pad)
		}
		out[start+i] = base + bl
	}
	return out
}

func splitLines(s string) []string {
	var lines []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			lines = append(lines, s[start:i])
			start = i + 1
		}
	}
	return append(lines, s[start:])
}

func spaces(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = ' '
	}
	return string(b)
}
