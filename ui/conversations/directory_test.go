package conversations

import (
	"strconv"
	"testing"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/workspace"
)

func (h *harness) viewNames() []string {
	var out []string
	for _, v := range h.p.views {
		out = append(out, v.def.name)
	}
	return out
}

// A directory that changes after the views were built (the network's replacing the one
// saved by the last run) rebuilds the team views: a team the admin joined appears, one
// they left goes, and the views that stay keep their rows and cursor without a search.
func TestChangedDirectoryRebuildsTheTeamViews(t *testing.T) {
	h := newHarness(t, harnessOpts{width: 100, height: 30})
	w := h.ws.World()
	me, teams := w.Me(), w.Teams()
	if len(me.TeamIDs) < 2 {
		t.Fatalf("the seed's admin is in %d teams; the test needs two", len(me.TeamIDs))
	}
	full := h.viewNames()
	h.press("j", "j")
	cursor := h.p.activeView().list.cursor

	// The admin left their first team.
	left := me
	left.TeamIDs = me.TeamIDs[1:]
	before := h.searches()
	h.send(shared.DirectoryMsg{Loaded: shared.Loaded[*workspace.Directory]{Req: 2, Value: workspace.NewDirectory(left, w.Admins(), teams)}})
	if got := h.viewNames(); len(got) != len(full)-1 {
		t.Fatalf("views %v after leaving a team, want one fewer than %v", got, full)
	}
	if h.searches() != before || h.p.activeView().def.key != viewOpen || h.p.activeView().list.cursor != cursor {
		t.Fatalf("the Open view was reloaded or moved: %d searches, view %s, cursor %d (was %d)",
			h.searches()-before, h.p.activeView().def.key, h.p.activeView().list.cursor, cursor)
	}

	// Back in it, on that team's view; then the team is renamed.
	renamed := append([]models.Team(nil), teams...)
	for i := range renamed {
		if renamed[i].ID == models.ID(strconv.FormatInt(me.TeamIDs[0], 10)) {
			renamed[i].Name = "Tier 2"
		}
	}
	h.send(shared.DirectoryMsg{Loaded: shared.Loaded[*workspace.Directory]{Req: 3, Value: workspace.NewDirectory(me, w.Admins(), renamed)}})
	names := h.viewNames()
	if len(names) != len(full) || names[5] != "Tier 2" {
		t.Fatalf("views %v after rejoining a renamed team", names)
	}
	h.press("]", "]", "]", "]", "]") // Open → … → the first team view
	if h.p.activeView().def.name != "Tier 2" || !h.p.activeView().loaded {
		t.Fatalf("on %q, loaded %v", h.p.activeView().def.name, h.p.activeView().loaded)
	}

	// Leaving the team whose view is on screen falls back to Open.
	h.send(shared.DirectoryMsg{Loaded: shared.Loaded[*workspace.Directory]{Req: 4, Value: workspace.NewDirectory(left, w.Admins(), renamed)}})
	if h.p.activeView().def.key != viewOpen {
		t.Fatalf("on %q after its team was left, want Open", h.p.activeView().def.key)
	}
}
