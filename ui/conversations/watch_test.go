package conversations

import (
	"context"
	"net/http"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// tickOnce delivers the current auto-refresh tick and runs what it starts. The
// interval is 0 in tests, so no timer waits.
func (h *harness) tickOnce() {
	h.t.Helper()
	h.send(RefreshTickMsg{Gen: h.p.tickGen, Now: inboxNow})
}

// unassignOne takes an open conversation assigned to an admin off them on the server,
// as a teammate would, and returns its id.
func (h *harness) unassignOne() string {
	h.t.Helper()
	id := h.firstWhere("an open conversation assigned to an admin", func(c *models.Conversation) bool {
		return c.State == models.StateOpen && c.AdminAssigneeID != 0
	})
	me := string(h.ctx.Dir.Me.ID)
	if _, err := h.client.Assign(context.Background(), id, me, api.UnassignAdmin, ""); err != nil {
		h.t.Fatal(err)
	}
	return id
}

func (h *harness) bells() int {
	n := 0
	for _, m := range h.seen {
		if r, ok := m.(tea.RawMsg); ok && r.Msg == bell {
			n++
		}
	}
	return n
}

// The first refresh only learns the Unassigned view; a conversation that becomes
// unassigned later is badged on that view and the tab, until the agent opens the view.
func TestRefreshBadgesNewUnassignedUntilLooked(t *testing.T) {
	h := newHarness(t, harnessOpts{width: 100, height: 30})
	before := h.searches()
	h.tickOnce()
	if got := h.searches() - before; got != 2 {
		t.Fatalf("a tick sent %d searches, want 2 (the open view and the unassigned watch)", got)
	}
	if n := h.p.NewUnassigned(); n != 0 {
		t.Fatalf("the first look at the Unassigned view badged %d", n)
	}

	h.unassignOne()
	h.tickOnce()
	if n := h.p.NewUnassigned(); n != 1 {
		t.Fatalf("badge %d after one conversation became unassigned, want 1", n)
	}
	if bar := ansi.Strip(h.p.View()); !strings.Contains(bar, "Unassigned") || !strings.Contains(bar, "+1 new") {
		t.Fatalf("the view bar shows no badge:\n%s", bar)
	}
	if h.bells() != 0 {
		t.Fatal("the bell rang without bell = true")
	}
	h.tickOnce() // nothing new: the badge stays as it is
	if n := h.p.NewUnassigned(); n != 1 {
		t.Fatalf("badge %d after a quiet refresh, want 1", n)
	}

	h.press("@")
	if n := h.p.NewUnassigned(); n != 0 {
		t.Fatalf("badge %d after opening the Unassigned view, want 0", n)
	}
	if strings.Contains(ansi.Strip(h.p.View()), "new") {
		t.Fatalf("the badge is still drawn:\n%s", ansi.Strip(h.p.View()))
	}
}

// With bell = true the terminal bell rings once for a refresh that finds new ones, and
// not for the first (baseline) refresh or for one that finds nothing new.
func TestBellRingsForNewUnassigned(t *testing.T) {
	h := newHarness(t, harnessOpts{width: 100, height: 30})
	h.ctx.Settings.Bell = true
	h.tickOnce()
	h.tickOnce()
	if n := h.bells(); n != 0 {
		t.Fatalf("%d bells before anything new", n)
	}
	h.unassignOne()
	h.tickOnce()
	if n := h.bells(); n != 1 {
		t.Fatalf("%d bells for one new unassigned conversation, want 1", n)
	}
	h.tickOnce()
	if n := h.bells(); n != 1 {
		t.Fatalf("%d bells after a quiet refresh, want still 1", n)
	}
}

// Looking at the Unassigned view, new rows simply appear there: no badge, no bell.
func TestNoBadgeWhileLookingAtUnassigned(t *testing.T) {
	h := newHarness(t, harnessOpts{width: 100, height: 30})
	h.ctx.Settings.Bell = true
	h.tickOnce()
	h.unassignOne()
	h.press("@")
	before := h.searches()
	h.tickOnce()
	if got := h.searches() - before; got != 1 {
		t.Fatalf("a tick on the Unassigned view sent %d searches, want 1", got)
	}
	if n, b := h.p.NewUnassigned(), h.bells(); n != 0 || b != 0 {
		t.Fatalf("badge %d, bells %d while looking at the view", n, b)
	}
}

// A low rate budget skips the watch: only the active view is refreshed, and the
// Unassigned view is not left pending.
func TestLowBudgetSkipsTheWatch(t *testing.T) {
	h := newHarness(t, harnessOpts{})
	client, err := api.New(api.WithToken(h.ws.Token()), api.WithBaseURL(h.srv.URL),
		api.WithHTTPClient(&http.Client{Transport: lowBudget5{http.DefaultTransport}}))
	if err != nil {
		t.Fatal(err)
	}
	h.ctx.WS = workspace.New(client, true)
	h.start(100, 30)
	before := h.searches()
	h.tickOnce()
	if got := h.searches() - before; got != 1 {
		t.Fatalf("with 5 of 167 requests left a tick sent %d searches, want 1", got)
	}
	if v := h.p.viewByKey(viewUnassigned); v.pending {
		t.Fatal("the skipped watch left the Unassigned view pending")
	}
}

// With the Unassigned view active but another tab on screen, new ones are news: they
// are badged, and showing the tab again clears the badge.
func TestBadgeWhileAnotherTabIsShown(t *testing.T) {
	h := newHarness(t, harnessOpts{width: 100, height: 30})
	h.press("@")
	h.tickOnce()
	h.send(shared.DeactivatedMsg{})
	h.press("!")    // back to Open to find a conversation to unassign…
	h.unassignOne() // …as a teammate would
	h.press("@")
	h.tickOnce()
	if n := h.p.NewUnassigned(); n != 1 {
		t.Fatalf("badge %d while another tab is shown, want 1", n)
	}
	h.send(shared.ActivatedMsg{})
	if n := h.p.NewUnassigned(); n != 0 {
		t.Fatalf("badge %d once the tab is shown on the Unassigned view, want 0", n)
	}
}
