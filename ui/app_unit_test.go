package ui

import (
	"net"
	"strings"
	"syscall"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

type answer struct{ shared.Loaded[int] }

func TestOnlineIndicatorFollowsOutcomes(t *testing.T) {
	h := newHarness(t, 10)
	var m tea.Model = New(h.ctx, Options{})
	m, _ = m.Update(tea.WindowSizeMsg{Width: 100, Height: 20})
	m, cmd := m.Update(answer{shared.Loaded[int]{Err: &api.NetworkError{Err: &net.OpError{Op: "dial", Err: syscall.ECONNREFUSED}}}})
	m, _ = m.Update(cmd()) // the command reads the clock: when the app went offline
	if s := ansi.Strip(m.(App).Render()); !strings.Contains(s, "offline since 12:00") {
		t.Fatalf("a network failure should show offline:\n%s", s)
	}
	// A server error is an answer from the server: still online.
	m, _ = m.Update(answer{shared.Loaded[int]{Err: &api.APIError{HTTPStatus: 500}}})
	if s := ansi.Strip(m.(App).Render()); !strings.Contains(s, "● online") {
		t.Fatalf("any answer from the server means online:\n%s", s)
	}
}

func TestQuitUnlessTyping(t *testing.T) {
	h := newHarness(t, 10)
	var m tea.Model = New(h.ctx, Options{})
	_, cmd := m.Update(keyMsg("q"))
	if cmd == nil || !isQuit(cmd()) {
		t.Fatal("q should quit from the list")
	}
	_, cmd = m.Update(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	if cmd == nil || !isQuit(cmd()) {
		t.Fatal("ctrl+c should always quit")
	}
}

func isQuit(msg tea.Msg) bool {
	_, ok := msg.(tea.QuitMsg)
	return ok
}

func TestHelpListsEveryBinding(t *testing.T) {
	h := newHarness(t, 10)
	var m tea.Model = New(h.ctx, Options{})
	m, _ = m.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
	m, _ = m.Update(keyMsg("?"))
	screen := ansi.Strip(m.(App).Render())
	for _, g := range h.ctx.Keys.Groups() {
		for _, b := range g.Bindings {
			if !strings.Contains(screen, b.Help().Desc) || !strings.Contains(screen, b.Help().Key) {
				t.Errorf("help lacks %q (%s)", b.Help().Desc, b.Help().Key)
			}
		}
	}
}

func TestHelpScrollsToTheLastBinding(t *testing.T) {
	h := newHarness(t, 10)
	var m tea.Model = New(h.ctx, Options{})
	m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m, _ = m.Update(keyMsg("?"))
	groups := h.ctx.Keys.Groups()
	lastGroup := groups[len(groups)-1]
	last := lastGroup.Bindings[len(lastGroup.Bindings)-1].Help().Desc
	if strings.Contains(ansi.Strip(m.(App).Render()), last) {
		t.Skip("everything fits at 80x24; nothing to scroll")
	}
	for range 60 {
		m, _ = m.Update(keyMsg("j"))
	}
	if s := ansi.Strip(m.(App).Render()); !strings.Contains(s, last) {
		t.Fatalf("scrolling the help should reach %q:\n%s", last, s)
	}
}
