package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/ui/components/help"
	"github.com/intercom-tui/intercom-tui/ui/components/scroll"
	"github.com/intercom-tui/intercom-tui/ui/components/tabs"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// The mouse. The screen is the tab bar (line 0), the body, and the status bar (the last
// line). A left click on a tab switches to it, as its number key does; a click or a
// wheel notch in the body goes to the help overlay, else the top overlay, else the
// active pane, in that pane's own coordinates (line 0 is its first line). The status
// bar and every other button do nothing. Each pane finds what it drew under the click
// with the same layout sums its View uses.

// mouse handles a click or a wheel notch (the root's Update sends it nothing else).
func (a App) mouse(msg tea.MouseMsg) (tea.Model, tea.Cmd) {
	m := msg.Mouse()
	bodyH := a.height - 2
	_, wheel := msg.(tea.MouseWheelMsg)
	var cmd tea.Cmd
	switch {
	case a.height < 3 || a.width <= 0:
		// A terminal this small shows no tab bar (Render keeps the status bar).
	case !wheel && m.Button != tea.MouseLeft:
		// Only the left button acts: a right or middle click (a menu, a paste in
		// other programs) doing something here would surprise.
	case a.help:
		a = a.helpWheel(msg)
	case len(a.overlays) > 0:
		a, cmd = a.overlayMouse(msg, bodyH)
	case m.Y == 0 && !wheel:
		if i := tabs.At(a.ctx.Styles, a.width, a.titles(), a.active, m.X); i >= 0 {
			cmd = a.switchTo(i)
		}
	case m.Y >= 1 && m.Y <= bodyH:
		cmd = a.toActive(inBody(msg))
	}
	return a.withSpinner(cmd)
}

// helpWheel scrolls the help overlay a few lines a notch; clicks on it do nothing.
func (a App) helpWheel(msg tea.MouseMsg) App {
	w, ok := msg.(tea.MouseWheelMsg)
	if !ok {
		return a
	}
	_, maxOffset := help.Render(a.ctx.Styles, a.ctx.Keys, a.width, max(0, a.height-2), 0)
	if to, ok := scroll.Wheel(w, a.helpOffset, scroll.Step); ok {
		a.helpOffset = max(0, min(maxOffset, to))
	}
	return a
}

// overlayMouse gives the top overlay the wheel wherever it turns (the overlay is modal:
// the pane under it must not move unseen), and a click inside its box as a BoxClick.
// A click beside the box does nothing: closing an overlay is a deliberate key.
func (a App) overlayMouse(msg tea.MouseMsg, bodyH int) (App, tea.Cmd) {
	top := len(a.overlays) - 1
	var send tea.Msg
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		send = msg
	case tea.MouseClickMsg:
		box := a.overlays[top].View(a.width, bodyH)
		if box == "" {
			return a, nil
		}
		lines := strings.Split(box, "\n")
		y0, x0, bw := centered(lines, bodyH, a.width)
		x, y := msg.X-x0, msg.Y-1-y0
		if x < 0 || x >= bw || y < 0 || y >= len(lines) {
			return a, nil
		}
		send = shared.BoxClick{X: x, Y: y, Width: a.width, Height: bodyH}
	}
	if send == nil {
		return a, nil
	}
	a.overlays = append([]shared.Overlay(nil), a.overlays...) // copies share no stack
	var cmd tea.Cmd
	a.overlays[top], cmd = a.overlays[top].Update(send)
	return a, cmd
}

// inBody is msg in the body's coordinates (the pane's): the tab bar's line taken off.
func inBody(msg tea.MouseMsg) tea.MouseMsg {
	switch msg := msg.(type) {
	case tea.MouseClickMsg:
		msg.Y--
		return msg
	case tea.MouseWheelMsg:
		msg.Y--
		return msg
	}
	return msg
}
