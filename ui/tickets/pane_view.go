package tickets

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/ui/components/listnav"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/components/viewbar"
)

// View draws the pane at exactly the size of the last SizeMsg: the view bar, then the
// list (with the detail beside it when split); a narrow pane shows the focused detail
// alone.
func (p Pane) View() string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	if !p.split() && p.detailFocused {
		return textfmt.FitBlock(p.detail.View(), p.width, p.height)
	}
	if !p.split() {
		return textfmt.FitBlock(p.viewBar(p.width)+"\n"+p.listView(p.width, p.height-1), p.width, p.height)
	}
	bar := p.viewBar(p.width)
	if p.height == 1 {
		return bar
	}
	h := p.height - 1
	lw := p.listWidth()
	dw, _ := p.detailSize()
	return textfmt.Beside(bar, p.listView(lw, h), p.ctx.Styles.Rule.Render("│"), textfmt.FitBlock(p.detail.View(), dw, h), h)
}

// viewBar lists the views with their counts, the active one highlighted. When they do
// not fit, the bar starts late enough to show the active one. Rows from the offline
// store are marked at its right end with when they were saved.
func (p Pane) viewBar(width int) string {
	mark := p.storeMark(width)
	return viewbar.Render(p.ctx.Styles, "Tickets", p.barTabs(), p.active, width-ansi.StringWidth(mark)) + mark
}

// viewAt is the view whose name the bar draws at column x, or -1: the views get the
// width viewBar gives them (the store's mark takes the rest), measured by viewbar.At.
func (p Pane) viewAt(x int) int {
	w := p.width - ansi.StringWidth(p.storeMark(p.width))
	return viewbar.At(p.ctx.Styles, p.barTabs(), p.active, w, x)
}

// barTabs are the views as the bar shows them.
func (p Pane) barTabs() []viewbar.Tab {
	tabs := make([]viewbar.Tab, len(p.views))
	for i, v := range p.views {
		tabs[i] = viewbar.Tab{Name: v.def.name, Loaded: v.loaded || v.fromStore, Total: v.total}
	}
	return tabs
}

// storeMark is when the active view's rows were saved, while they are the store's, for
// the bar's right end; none when it would take more than half of width.
func (p Pane) storeMark(width int) string {
	v := p.activeView()
	if v == nil || !v.fromStore {
		return ""
	}
	mark := p.ctx.Styles.Muted.Render(v.saved + " ")
	if ansi.StringWidth(mark) > width/2 {
		return "" // the views' names come first
	}
	return mark
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
		lines = append(lines, blank, textfmt.StateLine(st.Empty, "Loading the workspace…", width))
		return textfmt.JoinLines(lines, blank, height)
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
		// since, without changing the model here. Clicks find their row with the same
		// sum (mouse.go).
		off := listnav.First(l.cursor, l.offset, l.len(), rowsH)
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
		lines = append(lines, blank, textfmt.StateLine(st.Error, "Couldn't load "+v.def.name+" tickets: "+errText(v.err), width),
			textfmt.StateLine(st.Muted, p.ctx.Keys.Refresh.Help().Key+" to retry", width))
	case !v.loaded && !v.fromStore:
		lines = append(lines, blank, textfmt.StateLine(st.Empty, "Loading "+v.def.name+" tickets…", width))
	case l.query != "":
		lines = append(lines, blank, textfmt.StateLine(st.Empty, "No tickets match “"+p.filter.Value()+"”", width))
	default:
		lines = append(lines, blank, textfmt.StateLine(st.Empty, v.def.empty, width))
	}
	if errBelow {
		for len(lines) < height-1 {
			lines = append(lines, blank)
		}
		lines = append(lines[:min(len(lines), max(0, height-1))], textfmt.FitWidth(st.Error.Render("! "+errText(v.err)), width))
	}
	return textfmt.JoinLines(lines, blank, height)
}
