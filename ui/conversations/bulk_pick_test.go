package conversations

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/confirm"
	"github.com/intercom-tui/intercom-tui/ui/components/picker"
)

// finishReport checks that the run ended with every write done, and closes the report.
func (l *harness) finishReport(writes int) {
	l.t.Helper()
	r := l.mustReport()
	if done, failed, skipped, total := r.Counts(); !r.Ended() || done != writes || failed+skipped != 0 || total != writes {
		l.t.Fatalf("report: ended=%v done=%d failed=%d skipped=%d total=%d, want %d done", r.Ended(), done, failed, skipped, total, writes)
	}
	l.press("enter")
	if len(l.stack) != 0 {
		l.t.Fatal("the report stayed open")
	}
}

// Bulk assign uses triage's assign picker: the team chosen is assigned to every selected
// conversation, one write each, and they leave the selection.
func TestBulkAssignToTeam(t *testing.T) {
	l := newHarness(t, harnessOpts{pageSize: 50, bulkParallel: 4, width: 100, height: 30})
	rows := l.selectFirst(12)
	team := l.ctx.Dir.Teams[0]
	before := l.parts()

	l.press("a")
	if _, ok := l.top().(picker.Model); !ok {
		t.Fatalf("a with a selection opened %T, want the assign picker", l.top())
	}
	l.typeText(team.Name)
	l.press("enter")
	r := l.mustReport()
	if v := ansiView(r); !strings.Contains(v, "Assigned 12 conversations to "+team.Name) {
		t.Fatalf("report:\n%s", v)
	}
	l.finishReport(12)
	if n := l.parts() - before; n != 12 {
		t.Fatalf("%d writes, want 12", n)
	}
	for _, id := range rows {
		if c := l.conv(id); int64(c.TeamAssigneeID) != threadID(team.ID) {
			t.Fatalf("#%s is assigned to team %d in the fake, want %s", id, c.TeamAssigneeID, team.ID)
		}
	}
	if got := l.selected(); len(got) != 0 {
		t.Fatalf("still selected: %v", got)
	}
	if l.maxInflight > 4 {
		t.Fatalf("%d in flight", l.maxInflight)
	}
	// esc in the picker cancels: nothing is written, the selection stays.
	l.press("space", "a", "esc")
	if l.top() != nil || len(l.selected()) != 1 || l.parts()-before != 12 {
		t.Fatalf("a cancelled pick: overlay %T, selected %v, writes %d", l.top(), l.selected(), l.parts()-before)
	}
}

// Bulk snooze uses triage's snooze picker; the moment is resolved once, when chosen,
// and every selected conversation sleeps until then.
func TestBulkSnooze(t *testing.T) {
	l := newHarness(t, harnessOpts{pageSize: 50, bulkParallel: 3, width: 100, height: 30})
	rows := l.selectFirst(7)
	l.press("s")
	if _, ok := l.top().(picker.Model); !ok {
		t.Fatalf("s with a selection opened %T, want the snooze picker", l.top())
	}
	l.typeText("3d")
	l.press("enter")
	want := inboxNow.AddDate(0, 0, 3) // the workspace's zone is UTC in the fake; no sleep moved the clock
	r := l.mustReport()
	if v := ansiView(r); !strings.Contains(v, "Snoozed 7 conversations until "+want.Format("Mon 2 Jan 15:04")) {
		t.Fatalf("report:\n%s", v)
	}
	l.finishReport(7)
	for _, id := range rows {
		c := l.conv(id)
		if c.State != models.StateSnoozed || int64(c.SnoozedUntil) != want.Unix() {
			t.Fatalf("#%s: %s until %v, want snoozed until %v", id, c.State, time.Unix(int64(c.SnoozedUntil), 0).UTC(), want)
		}
	}
}

// Bulk tags use triage's tags picker: the checked tag is attached to every selected
// conversation; a new name is created after a confirmation and attached too.
func TestBulkTags(t *testing.T) {
	l := newHarness(t, harnessOpts{pageSize: 50, bulkParallel: 4, width: 100, height: 30})
	rows := l.selectFirst(5)
	tags, err := l.client.Tags(context.Background())
	if err != nil || len(tags) == 0 {
		t.Fatalf("tags: %v", err)
	}
	tag := tags[len(tags)-1]

	l.press("t") // loads the workspace's tags, then opens the picker
	if _, ok := l.top().(picker.Model); !ok {
		t.Fatalf("t with a selection opened %T, want the tags picker", l.top())
	}
	l.typeText(tag.Name)
	l.press("enter")
	l.finishReport(5)
	for _, id := range rows {
		if !slices.Contains(l.conv(id).TagNames(), tag.Name) {
			t.Fatalf("#%s lacks %q in the fake: %v", id, tag.Name, l.conv(id).TagNames())
		}
	}
	if n := l.ws.Count("POST", "/conversations/{conversation_id}/tags"); n != 5 {
		t.Fatalf("%d tag writes, want 5", n)
	}

	// A new tag: the create row, a confirmation, POST /tags once, then attached to all.
	l.selectFirst(3)
	l.press("t")
	l.typeText("bulk-new-tag")
	l.press("enter")
	if _, ok := l.top().(confirm.Model); !ok {
		t.Fatalf("the create row opened %T, want a confirmation", l.top())
	}
	l.press("enter")
	l.finishReport(3)
	if n := l.ws.Count("POST", "/tags"); n != 1 {
		t.Fatalf("%d POST /tags, want 1", n)
	}
	for _, id := range rows[:3] {
		if !slices.Contains(l.conv(id).TagNames(), "bulk-new-tag") {
			t.Fatalf("#%s lacks the new tag: %v", id, l.conv(id).TagNames())
		}
	}
	if !slices.ContainsFunc(l.p.triage.tags, func(t models.Tag) bool { return t.Name == "bulk-new-tag" }) {
		t.Fatal("the new tag is not kept with the workspace's tags")
	}
}

// A stale answer (a picker opened before another) does nothing.
func TestBulkStalePickIsDropped(t *testing.T) {
	l := newHarness(t, harnessOpts{pageSize: 50, bulkParallel: 4, width: 100, height: 30})
	l.selectFirst(3)
	l.press("a")
	first := l.p.bulk.pending.id
	l.press("esc", "a")
	if l.p.bulk.pending.id == first {
		t.Fatal("two picks share an ID")
	}
	stale := picker.Result{ID: first, Chosen: []picker.Item{{ID: unassignItem}}}
	before := l.parts()
	l.queue = append(l.queue, func() tea.Msg { return stale })
	l.drain()
	if l.parts() != before || l.p.bulk.run != nil {
		t.Fatal("a stale picker answer started a run")
	}
}
