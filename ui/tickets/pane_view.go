package tickets

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// View draws the pane at exactly the size of the last SizeMsg: the view bar, then the
// list (with the detail beside it when split); a narrow pane shows the focused detail
// alone.
func (p Pane) View() string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	if !p.split() && p.detailFocused {
		return fitBlock(p.detail.View(), p.width, p.height)
	}
	if !p.split() {
		return fitBlock(p.viewBar(p.width)+"\n"+p.listView(p.width, p.height-1), p.width, p.height)
	}
	bar := p.viewBar(p.width)
	if p.height == 1 {
		return bar
	}
	h := p.height - 1
	lw := p.listWidth()
	dw, _ := p.detailSize()
	left := strings.Split(p.listView(lw, h), "\n")
	right := strings.Split(fitBlock(p.detail.View(), dw, h), "\n")
	sep := p.ctx.Styles.Rule.Render("│")
	var b strings.Builder
	b.WriteString(bar)
	for i := range h {
		b.WriteByte('\n')
		b.WriteString(left[i])
		b.WriteString(sep)
		b.WriteString(right[i])
	}
	return b.String()
}

// viewBar lists the views with their counts, the active one highlighted. When they do
// not fit, the bar starts late enough to show the active one.
func (p Pane) viewBar(width int) string {
	st := p.ctx.Styles
	if len(p.views) == 0 {
		return fitWidth(st.Muted.Render(" Tickets"), width)
	}
	const sep = "  "
	labels := make([]string, len(p.views))
	widths := make([]int, len(p.views))
	for i, v := range p.views {
		labels[i] = v.def.name
		if v.loaded {
			labels[i] += " " + viewCount(v.total)
		}
		widths[i] = ansi.StringWidth(labels[i]) + len(sep)
	}
	start, used := 0, 1
	for i := 0; i <= p.active && i < len(widths); i++ {
		used += widths[i]
	}
	for start < p.active && used > width {
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
		if i == p.active {
			s = st.ViewActive
		}
		b.WriteString(s.Render(labels[i]))
		b.WriteString(sep)
	}
	return fitWidth(b.String(), width)
}

// viewCount is a total for the view bar: 7, 1234, 12k, 1.2M.
func viewCount(n int) string {
	switch {
	case n < 10_000:
		return strconv.Itoa(n)
	case n < 1_000_000:
		return strconv.Itoa(n/1000) + "k"
	}
	return strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64) + "M"
}

// listView is the active view's list area, exactly width × height: the input line, the
// visible rows (only those are rendered) or the state in their place, and the error of
// a failed load below rows already shown.
func (p Pane) listView(width, height int) string {
	st := p.ctx.Styles
	blank := strings.Repeat(" ", max(0, width))
	lines := make([]string, 0, height)
	switch {
	case p.byID.input.Focused():
		lines = append(lines, p.byIDLine(width))
	case p.filter.Focused() || p.filtering():
		lines = append(lines, p.filterLine(width))
	}
	v := p.activeView()
	if v == nil {
		lines = append(lines, blank, stateLine(st.Empty, "Loading the workspace…", width))
		return joinLines(lines, blank, height)
	}
	l := &v.list
	errBelow := v.err != nil && l.len() > 0
	rowsH := height - len(lines)
	if errBelow {
		rowsH--
	}
	switch {
	case l.len() > 0:
		// The offset is kept right in Update; clamp anyway for a height that changed
		// since, without changing the model here.
		off := max(0, min(l.offset, l.len()-1))
		if l.cursor >= off+rowsH {
			off = l.cursor - rowsH + 1
		}
		off = max(0, min(off, l.cursor))
		layout := newRowLayout(width)
		plain, sel := newRowStyles(st, false), newRowStyles(st, true)
		for i := off; i < min(l.len(), off+max(rowsH, 0)); i++ {
			rs := &plain
			if i == l.cursor {
				rs = &sel
			}
			lines = append(lines, l.at(i).render(layout, rs, p.now))
		}
	case v.err != nil:
		lines = append(lines, blank, stateLine(st.Error, "Couldn't load "+v.def.name+" tickets: "+errText(v.err), width),
			stateLine(st.Muted, p.ctx.Keys.Refresh.Help().Key+" to retry", width))
	case !v.loaded:
		lines = append(lines, blank, stateLine(st.Empty, "Loading "+v.def.name+" tickets…", width))
	case l.query != "":
		lines = append(lines, blank, stateLine(st.Empty, "No tickets match “"+p.filter.Value()+"”", width))
	default:
		lines = append(lines, blank, stateLine(st.Empty, v.def.empty, width))
	}
	if errBelow {
		for len(lines) < height-1 {
			lines = append(lines, blank)
		}
		lines = append(lines[:min(len(lines), max(0, height-1))], fitWidth(st.Error.Render("! "+errText(v.err)), width))
	}
	return joinLines(lines, blank, height)
}

// joinLines joins the first height lines (each already its width), adding blank ones.
func joinLines(lines []string, blank string, height int) string {
	var b strings.Builder
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

// stateLine is one indented line of text in a style, cut to width.
func stateLine(s lipgloss.Style, text string, width int) string {
	return fitWidth("  "+s.Render(ansi.Truncate(text, max(0, width-2), ellipsis)), width)
}
