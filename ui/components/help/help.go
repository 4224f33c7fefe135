// Package help draws the help overlay from the keymap's groups, so it never drifts
// from the real bindings.
package help

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

// Render draws every group of the keymap in columns that fit width, centred in a
// width x height area, from line offset on when it does not fit (the caller scrolls;
// Render clamps). It returns the box and the largest useful offset.
func Render(s *theme.Styles, k *keymap.KeyMap, width, height, offset int) (string, int) {
	var blocks []string
	for _, g := range k.Groups() {
		blocks = append(blocks, group(s, g))
	}
	inner := max(10, width-s.HelpBox.GetHorizontalFrameSize())
	var rows []string
	var row []string
	rowWidth := 0
	for _, b := range blocks {
		w := lipgloss.Width(b) + 3
		if len(row) > 0 && rowWidth+w > inner {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row, rowWidth = nil, 0
		}
		row = append(row, lipgloss.NewStyle().PaddingRight(3).Render(b))
		rowWidth += w
	}
	if len(row) > 0 {
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	}
	lines := strings.Split(strings.Join(rows, "\n\n"), "\n")
	room := max(1, height-s.HelpBox.GetVerticalFrameSize()-2) // less the title and its gap
	maxOffset := max(0, len(lines)-room)
	offset = max(0, min(offset, maxOffset))
	title := s.HelpTitle.Render("Keys") + "  " + s.Muted.Render("(? or esc closes)")
	if maxOffset > 0 {
		title += s.Muted.Render(fmt.Sprintf("  j/k scroll · %d–%d of %d", offset+1, min(len(lines), offset+room), len(lines)))
	}
	lines = append([]string{title, ""}, lines[offset:min(len(lines), offset+room)]...)
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, inner, "…")
	}
	box := s.HelpBox.Render(strings.Join(lines, "\n"))
	return lipgloss.Place(width, height, lipgloss.Center, lipgloss.Center, box), maxOffset
}

func group(s *theme.Styles, g keymap.Group) string {
	keyWidth := 0
	for _, b := range g.Bindings {
		keyWidth = max(keyWidth, lipgloss.Width(b.Help().Key))
	}
	lines := []string{s.HelpTitle.Render(g.Title)}
	for _, b := range g.Bindings {
		lines = append(lines, line(s, b, keyWidth))
	}
	return strings.Join(lines, "\n")
}

func line(s *theme.Styles, b key.Binding, keyWidth int) string {
	h := b.Help()
	pad := strings.Repeat(" ", keyWidth-lipgloss.Width(h.Key))
	return s.HelpKey.Render(h.Key) + pad + "  " + s.HelpDesc.Render(h.Desc)
}
