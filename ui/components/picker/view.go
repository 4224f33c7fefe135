package picker

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Box geometry: the box is at most boxWidth wide; the frame (border and padding) takes
// frameWidth columns and two lines.
const (
	boxWidth   = 64
	frameWidth = 4
	frameLines = 2
)

// Row marks, plain-font.
const (
	markCursor  = "▌ "
	markNone    = "  "
	markChecked = "[x] "
	markOpen    = "[ ] "
	markCreate  = "+ "
)

// View draws the box for an area of width × height (the root centres it): the title,
// the input, the visible window of rows, a status line (why enter was refused, what the
// typed text means, or how many match) and the keys.
func (m Model) View(width, height int) string {
	bw := min(width, boxWidth)
	inner := bw - frameWidth
	avail := height - frameLines
	if inner < 4 || avail < 2 {
		return ""
	}
	s := m.opts.Styles
	lines := []string{s.Title.Render(ansi.Truncate(m.opts.Title, inner, "…")), ansi.Truncate(m.input.View(), inner, "")}
	lines = append(lines, m.window(m.listHeight(avail), inner)...)
	if len(lines) < avail {
		lines = append(lines, m.status(inner))
	}
	if len(lines) < avail {
		lines = append(lines, s.Muted.Render(ansi.Truncate(m.hint(), inner, "…")))
	}
	for i, l := range lines {
		if pad := inner - lipgloss.Width(l); pad > 0 {
			lines[i] = l + strings.Repeat(" ", pad)
		}
	}
	return s.HelpBox.Render(strings.Join(lines, "\n"))
}

// naturalRows is the list's height when there is room: every item (and the create row)
// up to maxRows, fixed while typing so that the box does not jump. A picker without
// items or a create row (a note) has no list.
func (m *Model) naturalRows() int {
	n := len(m.items)
	if m.opts.Create != nil {
		n++
	}
	return min(n, maxRows)
}

// listHeight is the list's lines in a box avail lines tall inside its frame: its
// natural height, less the title, the input, the status and the hint lines when the
// box is short, and a line at least when there is one to show.
func (m *Model) listHeight(avail int) int {
	listH := min(m.naturalRows(), max(0, avail-4))
	if listH == 0 && m.naturalRows() > 0 && avail >= 4 {
		listH = 1
	}
	return listH
}

// windowStart is the first row a window of h lines shows: the offset, moved to keep
// the cursor on screen. window draws from it and clicks are found with it.
func (m *Model) windowStart(h int) int {
	start := min(m.offset, max(0, m.rows()-h))
	start = max(0, min(start, m.cursor))
	if m.cursor >= start+h {
		start = m.cursor - h + 1
	}
	return start
}

// window renders the rows around the cursor: exactly h lines.
func (m *Model) window(h, inner int) []string {
	out := make([]string, 0, h)
	if h <= 0 {
		return out
	}
	rows := m.rows()
	if rows == 0 {
		empty := m.opts.Empty
		if empty == "" {
			empty = "No match"
		}
		out = append(out, m.opts.Styles.Empty.Render(ansi.Truncate(markNone+empty, inner, "…")))
	}
	for i := m.windowStart(h); i < rows && len(out) < h; i++ {
		out = append(out, m.row(i, inner))
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out
}

// row renders row i: the cursor mark, the check box, the label with its matched runes
// highlighted, and the detail at the right.
func (m *Model) row(i, inner int) string {
	s := m.opts.Styles
	selected := i == m.cursor
	base, hl, muted := s.Text, s.Filter.Bold(true), s.Muted
	mark := markNone
	if selected {
		sel := s.RowSelected
		base, hl, muted = sel, sel.Foreground(s.Palette.Accent).Underline(true), sel.Foreground(s.Palette.Muted).Bold(false)
		mark = markCursor
	}
	if i >= len(m.shown) { // the create row
		text := mark + markCreate + m.opts.Create(m.create)
		return fill(base.Render(ansi.Truncate(text, inner, "…")), inner, base)
	}
	r := m.shown[i]
	it := m.items[r.item]
	prefix := mark
	if m.opts.Multi {
		prefix += map[bool]string{true: markChecked, false: markOpen}[m.checked[r.item]]
	}
	detail := ""
	if it.Detail != "" {
		detail = ansi.Truncate(it.Detail, max(0, inner/3), "…")
	}
	room := inner - lipgloss.Width(prefix) - lipgloss.Width(detail)
	if detail != "" {
		room-- // a space before the detail
	}
	label := highlight(ansi.Truncate(it.Label, max(0, room), "…"), r.positions, base, hl)
	line := base.Render(prefix) + label
	if detail != "" {
		gap := inner - lipgloss.Width(line) - lipgloss.Width(detail)
		line += base.Render(strings.Repeat(" ", max(1, gap))) + muted.Render(detail)
	}
	return fill(line, inner, base)
}

// fill pads a row to the full width in its style (the selected row's background).
func fill(line string, width int, st lipgloss.Style) string {
	if pad := width - lipgloss.Width(line); pad > 0 {
		line += st.Render(strings.Repeat(" ", pad))
	}
	return line
}

// highlight styles label's runes at positions with hl and the rest with base, in runs.
func highlight(label string, positions []int, base, hl lipgloss.Style) string {
	if len(positions) == 0 {
		return base.Render(label)
	}
	at := make(map[int]bool, len(positions))
	for _, p := range positions {
		at[p] = true
	}
	var b strings.Builder
	runes := []rune(label)
	for i := 0; i < len(runes); {
		j := i
		for j < len(runes) && at[j] == at[i] {
			j++
		}
		st := base
		if at[i] {
			st = hl
		}
		b.WriteString(st.Render(string(runes[i:j])))
		i = j
	}
	return b.String()
}

// status is the line under the list: the refusal, else the typed text's meaning, else
// the count.
func (m *Model) status(inner int) string {
	s := m.opts.Styles
	switch {
	case m.err != "":
		return s.Error.Render(ansi.Truncate(m.err, inner, "…"))
	case m.preview != "":
		return s.Title.Render(ansi.Truncate(m.preview, inner, "…"))
	case len(m.items) == 0:
		return ""
	}
	text := strconv.Itoa(len(m.shown)) + " of " + strconv.Itoa(len(m.items))
	if m.opts.Multi {
		n := 0
		for _, c := range m.checked {
			if c {
				n++
			}
		}
		text = strconv.Itoa(n) + " checked · " + text
	}
	return s.Muted.Render(ansi.Truncate(text, inner, "…"))
}

// hint names the keys, from the keymap.
func (m *Model) hint() string {
	if m.opts.Hint != "" {
		return m.opts.Hint
	}
	k := m.opts.Keys
	enter := "choose"
	if m.opts.Multi {
		enter = "apply"
	}
	parts := []string{k.Confirm.Help().Key + " " + enter, k.Cancel.Help().Key + " cancel"}
	if m.opts.Multi {
		parts = append([]string{k.Toggle.Help().Key + " " + k.Toggle.Help().Desc}, parts...)
	}
	return strings.Join(parts, " · ")
}
