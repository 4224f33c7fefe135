package ui

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/ui/components/help"
	"github.com/intercom-tui/intercom-tui/ui/components/statusbar"
	"github.com/intercom-tui/intercom-tui/ui/components/tabs"
	"github.com/intercom-tui/intercom-tui/ui/components/toast"
)

// View draws the tab bar, the active pane (or the help overlay), a toast over the
// pane's bottom-right corner, and the status bar: exactly width x height.
func (a App) View() tea.View {
	v := tea.NewView(a.Render())
	v.AltScreen = true
	v.WindowTitle = "intercom-tui"
	if !a.ctx.Settings.NoMouse {
		// Cell motion reports clicks, releases, drags and the wheel, not bare motion:
		// nothing here follows the pointer, so no event is sent for it.
		v.MouseMode = tea.MouseModeCellMotion
	}
	return v
}

// Render is the screen as a string (View's content; tests compare it).
func (a App) Render() string {
	if a.width <= 0 || a.height <= 0 {
		return ""
	}
	s := a.ctx.Styles
	bodyHeight := max(0, a.height-2)
	var body string
	switch {
	case a.help:
		body, _ = help.Render(s, a.ctx.Keys, a.width, bodyHeight, a.helpOffset)
	case a.ctx.Dir == nil:
		body = a.connecting(bodyHeight)
	default:
		body = a.panes[a.active].View()
	}
	lines := fit(body, a.width, bodyHeight)
	if !a.help {
		// Every overlay, the top one last: a picker opened from the composer (an
		// article, a saved reply) shows over the text it inserts into.
		for _, o := range a.overlays {
			lines = overlayCenter(lines, o.View(a.width, bodyHeight), a.width)
		}
	}
	box := a.toast.View(s, min(a.width, max(30, a.width*2/3)), a.ctx.Keys.Retry.Help().Key+" retry")
	lines = toast.Overlay(lines, box, a.width)

	out := make([]string, 0, a.height)
	out = append(out, tabs.Render(s, a.width, a.titles(), a.active))
	out = append(out, lines...)
	out = append(out, statusbar.Render(s, a.width, a.status()))
	if len(out) > a.height {
		out = out[len(out)-a.height:] // a 1- or 2-line terminal: keep the status bar
	}
	return strings.Join(out, "\n")
}

func (a App) titles() []string {
	out := make([]string, len(a.panes))
	for i, p := range a.panes {
		out[i] = p.Title()
		if n := p.Badge(); n > 0 {
			out[i] += " +" + strconv.Itoa(n)
		}
	}
	return out
}

func (a App) status() statusbar.Status {
	st := statusbar.Status{
		Demo:         a.ctx.WS.Demo,
		Region:       a.ctx.WS.Region,
		Online:       a.online,
		OfflineSince: a.offlineSince,
		Budget:       a.budget,
		Hint:         a.ctx.Keys.Help.Help().Key + " help  " + a.ctx.Keys.Quit.Help().Key + " quit",
	}
	if d := a.ctx.Dir; d != nil {
		st.Workspace = d.WorkspaceName()
		st.Admin = d.Me.Name
	}
	if a.busy() {
		st.Spinner = a.spin.View()
	}
	return st
}

// connecting is the body before the directory has loaded, or after it failed.
func (a App) connecting(height int) string {
	s := a.ctx.Styles
	where := a.opts.Where
	if where == "" {
		where = a.ctx.WS.API.BaseURL()
	}
	msg := s.Muted.Render("Connecting to " + where + " …")
	if a.dirErr != nil {
		msg = s.Error.Render("Could not connect to "+where+": "+api.Short(a.dirErr)) + "\n" +
			s.Muted.Render(a.ctx.Keys.Retry.Help().Key+" retries · "+a.ctx.Keys.Quit.Help().Key+" quits")
	}
	return lipgloss.Place(a.width, height, lipgloss.Center, lipgloss.Center, msg)
}

// fit makes body exactly height lines of exactly width columns.
func fit(body string, width, height int) []string {
	lines := strings.Split(body, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		w := lipgloss.Width(l)
		switch {
		case w > width:
			lines[i] = ansi.Truncate(l, width, "")
		case w < width:
			lines[i] = l + strings.Repeat(" ", width-w)
		}
	}
	for len(lines) < height {
		lines = append(lines, strings.Repeat(" ", width))
	}
	return lines
}

// overlayCenter draws box over the middle of content (lines of exactly width).
func overlayCenter(content []string, box string, width int) []string {
	if box == "" {
		return content
	}
	boxLines := strings.Split(box, "\n")
	top, left, bw := centered(boxLines, len(content), width)
	out := append([]string(nil), content...)
	for i, bl := range boxLines {
		row := top + i
		if row >= len(out) {
			break
		}
		bl = ansi.Truncate(bl, bw, "")
		if pad := bw - lipgloss.Width(bl); pad > 0 {
			bl += strings.Repeat(" ", pad)
		}
		out[row] = ansi.Truncate(out[row], left, "") + bl + ansi.TruncateLeft(out[row], left+bw, "")
	}
	return out
}

// centered is where overlayCenter puts a box of boxLines over height lines of width
// columns: its top line, its left column and its width. Mouse clicks on an overlay are
// placed with it too, so a click lands where the box is drawn.
func centered(boxLines []string, height, width int) (top, left, bw int) {
	for _, l := range boxLines {
		bw = max(bw, lipgloss.Width(l))
	}
	bw = min(bw, width)
	return max(0, (height-len(boxLines))/2), (width - bw) / 2, bw
}
