package conversations

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/api/query"
	"github.com/intercom-tui/intercom-tui/models"
)

func TestStartLoadsTheOpenView(t *testing.T) {
	h := newHarness(t, harnessOpts{})
	p := h.start(100, 30)
	v := p.activeView()
	if v.def.key != viewOpen || !v.loaded || v.list.len() != 20 {
		t.Fatalf("view %q loaded=%v rows=%d", v.def.key, v.loaded, v.list.len())
	}
	if b := h.lastSearch(); b.Pagination.PerPage != 20 {
		t.Fatalf("first page asked for %d, want PageSize 20", b.Pagination.PerPage)
	}
	want := h.all(query.Field("state").Eq(models.StateOpen))
	if v.total != len(want) {
		t.Fatalf("total %d, want %d", v.total, len(want))
	}
	for i, id := range listedIDs(p) {
		if id != string(want[i].ID) {
			t.Fatalf("row %d is %s, want %s (the server's order)", i, id, want[i].ID)
		}
	}
	if p.Busy() {
		t.Fatal("busy after the answer")
	}
	if got := p.Title(); got != "Conversations" {
		t.Fatalf("title %q", got)
	}
}

// (a) An answer to a request that a newer one of the same view superseded is dropped.
func TestStalePageIsDropped(t *testing.T) {
	h := newHarness(t, harnessOpts{})
	p := h.start(100, 12)
	before := listedIDs(p)

	p, more := pressKeys(p, "G") // to the end: asks for the next page
	if !p.activeView().pending || !p.Busy() {
		t.Fatal("G at the end of the loaded rows did not ask for the next page")
	}
	p, refresh := pressKeys(p, "r") // a refresh supersedes it before it answers

	p = h.run(p, more)
	if got := listedIDs(p); !slices.Equal(got, before) {
		t.Fatalf("the superseded next page was applied: %d rows, want %d", len(got), len(before))
	}
	if !p.activeView().pending {
		t.Fatal("the stale answer cleared the pending refresh")
	}
	p = h.run(p, refresh)
	if p.activeView().pending || p.activeView().list.len() != len(before) {
		t.Fatalf("refresh not applied: pending=%v rows=%d", p.activeView().pending, p.activeView().list.len())
	}

	// A hand-made late answer with an old request number changes nothing either.
	late := PageMsg{View: viewOpen, Now: inboxNow}
	late.Req = 1
	late.Value = api.Page[models.Conversation]{Items: []models.Conversation{{ID: "stale"}}, TotalCount: 1}
	p2, cmd := p.Update(late)
	if cmd != nil || slices.Contains(listedIDs(p2), "stale") || p2.activeView().total == 1 {
		t.Fatal("a stale answer was applied")
	}
}

// (b) After a refresh the cursor stays on the same conversation though the order changed.
func TestRefreshKeepsTheCursorOnItsConversation(t *testing.T) {
	h := newHarness(t, harnessOpts{})
	p := h.start(100, 30)
	p, _ = pressKeys(p, "j", "j", "j", "j", "j")
	sel := cursorID(p)
	rows := listedIDs(p)
	if p.activeView().list.cursor != 5 {
		t.Fatalf("cursor %d", p.activeView().list.cursor)
	}

	// A customer writes in on a conversation below the cursor: it moves to the top.
	moved := rows[12]
	contact := p.activeView().list.at(12).conv.ContactIDs()[0]
	if _, err := h.client.ReplyAsContact(context.Background(), moved, string(contact), "<p>any news?</p>"); err != nil {
		t.Fatal(err)
	}
	p, cmd := pressKeys(p, "r")
	p = h.run(p, cmd)

	if got := listedIDs(p); got[0] != moved {
		t.Fatalf("the replied conversation is not first after the refresh: %v", got[:3])
	}
	if got := cursorID(p); got != sel {
		t.Fatalf("cursor on %s after refresh, want %s", got, sel)
	}
	if c := p.activeView().list.cursor; c != 6 {
		t.Fatalf("cursor index %d, want 6 (one conversation moved above it)", c)
	}
}

func TestRefreshWhenTheConversationLeftGoesToTheNearestRow(t *testing.T) {
	h := newHarness(t, harnessOpts{})
	p := h.start(100, 30)
	p, _ = pressKeys(p, "j", "j", "j")
	sel := cursorID(p)
	next := p.activeView().list.at(4).id
	if _, err := h.client.Close(context.Background(), sel, string(h.ctx.Dir.Me.ID), ""); err != nil {
		t.Fatal(err)
	}
	p, cmd := pressKeys(p, "r")
	p = h.run(p, cmd)
	if slices.Contains(listedIDs(p), sel) {
		t.Fatal("the closed conversation is still in Open")
	}
	if c := p.activeView().list.cursor; c != 3 || cursorID(p) != next {
		t.Fatalf("cursor %d on %s, want 3 on %s", c, cursorID(p), next)
	}
}

// (c) Holding j near the end asks for the next page once, not once per key.
func TestHoldingJNearTheEndRequestsTheNextPageOnce(t *testing.T) {
	h := newHarness(t, harnessOpts{})
	p := h.start(100, 12) // 10 rows on screen, 20 loaded
	h.ws.ResetCounters()

	var cmds []tea.Cmd
	for range 19 { // the keys arrive faster than the answer
		var cmd tea.Cmd
		p, cmd = pressKeys(p, "j")
		cmds = append(cmds, cmd)
	}
	p = h.run(p, tea.Batch(cmds...))
	if n := h.searches(); n != 1 {
		t.Fatalf("%d searches for one held key, want 1", n)
	}
	v := p.activeView()
	if want := min(v.total, 20+searchMaxPerPage); v.list.len() != want {
		t.Fatalf("%d rows after the next page, want %d", v.list.len(), want)
	}
	// Next pages are Intercom's largest (150), whatever the first page's size.
	if b := h.lastSearch(); b.Pagination.StartingAfter == "" || b.Pagination.PerPage != searchMaxPerPage {
		t.Fatalf("next page asked with %+v", b.Pagination)
	}
	if v.list.cursor != 19 || cursorID(p) != v.list.at(19).id {
		t.Fatalf("cursor %d after the page arrived, want 19", v.list.cursor)
	}

	// Far from the end again: keys ask for nothing.
	p, cmd := pressKeys(p, "k")
	p = h.run(p, cmd)
	if n := h.searches(); n != 1 {
		t.Fatalf("%d searches after moving up, want 1", n)
	}
	_ = p
}

// (d) One key switches the view, which loads its own query the first time.
func TestViewKeysSwitchAndLoadTheirQuery(t *testing.T) {
	h := newHarness(t, harnessOpts{})
	p := h.start(100, 30)
	me := h.ctx.Dir.MeID()

	cases := []struct {
		keys  []string
		view  string
		query models.Query
		check func(c *models.Conversation) bool
	}{
		{[]string{"@"}, viewUnassigned, unassignedQuery(), func(c *models.Conversation) bool {
			return c.State == models.StateOpen && c.AdminAssigneeID == 0
		}},
		{[]string{"]"}, viewMine, query.And(openQuery(), query.Field("admin_assignee_id").Eq(me)), func(c *models.Conversation) bool {
			return c.State == models.StateOpen && int64(c.AdminAssigneeID) == me
		}},
		{[]string{"$"}, viewSnoozed, query.Field("state").Eq("snoozed"), func(c *models.Conversation) bool { return c.State == models.StateSnoozed }},
		{[]string{"%"}, viewClosed, query.Field("state").Eq("closed"), func(c *models.Conversation) bool { return c.State == models.StateClosed }},
		{[]string{"["}, viewSnoozed, models.Query{}, nil}, // loaded already: no request
	}
	for _, tc := range cases {
		before := h.searches()
		p2, cmd := pressKeys(p, tc.keys...)
		if got := p2.activeView().def.key; got != tc.view {
			t.Fatalf("%v: active view %q, want %q", tc.keys, got, tc.view)
		}
		p = h.run(p2, cmd)
		if tc.check == nil {
			if h.searches() != before {
				t.Fatalf("%v: switching to a loaded view searched again", tc.keys)
			}
			continue
		}
		if h.searches() != before+1 {
			t.Fatalf("%v: %d searches, want 1", tc.keys, h.searches()-before)
		}
		want, _ := json.Marshal(tc.query)
		if got := h.lastSearch().Query; string(got) != string(want) {
			t.Fatalf("%v: sent query %s, want %s", tc.keys, got, want)
		}
		v := p.activeView()
		if !v.loaded || v.list.len() == 0 {
			t.Fatalf("%v: view %s not loaded", tc.keys, v.def.key)
		}
		for i := range v.list.len() {
			if c := v.list.at(i).conv; !tc.check(c) {
				t.Fatalf("%v: %s does not belong in %s: %+v", tc.keys, c.ID, tc.view, c)
			}
		}
	}

	// The team views follow the fixed ones; ] wraps around from the last to Open.
	if len(p.views) != 5+len(h.ctx.Dir.MyTeams()) {
		t.Fatalf("%d views", len(p.views))
	}
	for p.active != len(p.views)-1 {
		var cmd tea.Cmd
		p, cmd = pressKeys(p, "]")
		p = h.run(p, cmd)
	}
	team := p.activeView()
	if !strings.HasPrefix(team.def.key, "team:") || !team.loaded {
		t.Fatalf("last view %q loaded=%v", team.def.key, team.loaded)
	}
	p, _ = pressKeys(p, "]")
	if p.activeView().def.key != viewOpen {
		t.Fatalf("] from the last view went to %q", p.activeView().def.key)
	}
}

// The Unassigned view against the fake: exactly the open conversations with no admin
// rowAssignee. Each half of the query is checked too, to show how the fake reads them.
func TestUnassignedMatchesTheFake(t *testing.T) {
	h := newHarness(t, harnessOpts{size: 600, pageSize: 150})
	w := h.ws.World()
	var want []string
	for _, i := range w.ConversationsByActivity() {
		c := w.ConversationSummary(i)
		if c.State == models.StateOpen && c.AdminAssigneeID == 0 {
			want = append(want, string(c.ID))
		}
	}
	if len(want) == 0 {
		t.Fatal("the seed has no unassigned open conversation")
	}

	p := h.start(100, 30)
	p, cmd := pressKeys(p, "@")
	p = h.run(p, cmd)
	for p.activeView().next != "" {
		p, cmd = pressKeys(p, "G")
		p = h.run(p, cmd)
	}
	got := listedIDs(p)
	if !slices.Equal(got, want) {
		t.Fatalf("Unassigned lists %d conversations, want the %d open ones without an admin", len(got), len(want))
	}
	if p.activeView().total != len(want) {
		t.Fatalf("total_count %d, want %d", p.activeView().total, len(want))
	}

	isNull := h.all(query.And(openQuery(), query.Field("admin_assignee_id").IsNull()))
	isZero := h.all(query.And(openQuery(), query.Field("admin_assignee_id").Eq(0)))
	if len(isNull) != len(want) {
		t.Fatalf("admin_assignee_id = null: %d, want %d", len(isNull), len(want))
	}
	t.Logf("fake: open and admin_assignee_id = null → %d, = 0 → %d (of %d unassigned)", len(isNull), len(isZero), len(want))
}
