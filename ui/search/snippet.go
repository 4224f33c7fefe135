package search

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/store"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
)

// Snippet renders a store snippet on one line of at most w cells: the text between
// store.MarkStart and store.MarkEnd in hl, the rest in plain. The markers never show;
// each piece is sanitized after they are found, so a marker byte in the remote text
// cannot smuggle anything else through.
func Snippet(hl, plain lipgloss.Style, s string, w int) string {
	var b strings.Builder
	used, on := 0, false
	for s != "" && used < w {
		piece, next, toggle := s, "", ""
		if i := strings.IndexAny(s, store.MarkStart+store.MarkEnd); i >= 0 {
			piece, toggle, next = s[:i], s[i:i+1], s[i+1:]
		}
		if used == 0 {
			piece = strings.TrimLeft(piece, " \t\r\n")
		}
		if piece = squeeze(sanitize.Line(piece)); piece != "" {
			if used+ansi.StringWidth(piece) > w {
				piece = ansi.Truncate(piece, w-used, textfmt.Ellipsis)
			}
			used += ansi.StringWidth(piece)
			if on {
				b.WriteString(hl.Render(piece))
			} else {
				b.WriteString(plain.Render(piece))
			}
		}
		switch toggle {
		case store.MarkStart:
			on = true
		case store.MarkEnd:
			on = false
		}
		s = next
	}
	return b.String()
}

// squeeze turns runs of white space into one space, keeping one at either end where
// there was any (a match sits between two pieces).
func squeeze(s string) string {
	mid := strings.Join(strings.Fields(s), " ")
	if mid == "" {
		if s != "" {
			return " "
		}
		return ""
	}
	if strings.IndexFunc(s[:1], isSpace) == 0 {
		mid = " " + mid
	}
	if strings.LastIndexFunc(s, isSpace) == len(s)-1 {
		mid += " "
	}
	return mid
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }
