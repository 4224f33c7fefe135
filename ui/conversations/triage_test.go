package conversations

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/confirm"
	"github.com/intercom-tui/intercom-tui/ui/components/picker"
)

// Each triage action sends exactly one write whose body validates against the 2.9
// spec's variant, and the fake agrees afterwards.

func openConv(c *models.Conversation) bool { return c.State == models.StateOpen }

// meID is the signed-in admin's id as the bodies carry it.
func (h *harness) meID() string { return string(h.ctx.Dir.Me.ID) }

func wantBody(t *testing.T, body map[string]any, want map[string]any, absent ...string) {
	t.Helper()
	for k, v := range want {
		if fmt.Sprint(body[k]) != fmt.Sprint(v) {
			t.Errorf("body %s = %v, want %v (body %v)", k, body[k], v, body)
		}
	}
	for _, k := range absent {
		if _, ok := body[k]; ok {
			t.Errorf("body has %s: %v", k, body)
		}
	}
}

func TestAssignToTeam(t *testing.T) {
	h := newTriageHarness(t, 100, 30, false)
	id := h.firstWhere("open", openConv)
	before := h.server(id)
	var team models.Team
	for _, tm := range h.ctx.Dir.Teams {
		if threadID(tm.ID) != int64(before.TeamAssigneeID) {
			team = tm
			break
		}
	}
	h.press("a")
	if _, ok := h.top().(picker.Model); !ok {
		t.Fatal("a did not open the assign picker")
	}
	h.press(team.Name, "enter")
	if h.top() != nil {
		t.Fatal("the picker stayed open")
	}
	body := h.oneWrite("POST", "/conversations/{id}/parts")
	wantBody(t, body, map[string]any{"message_type": "assignment", "type": "team", "assignee_id": string(team.ID), "admin_id": h.meID()}, "body")
	after := h.server(id)
	if int64(after.TeamAssigneeID) != threadID(team.ID) || after.AdminAssigneeID != before.AdminAssigneeID {
		t.Fatalf("server: team %d admin %d, want team %s and the admin kept (%d)", after.TeamAssigneeID, after.AdminAssigneeID, team.ID, before.AdminAssigneeID)
	}
	if r := h.row(id); int64(r.conv.TeamAssigneeID) != threadID(team.ID) {
		t.Fatalf("row shows team %d", r.conv.TeamAssigneeID)
	}
	if len(h.toasts) != 0 {
		t.Fatalf("toasts %v", h.toasts)
	}
}

func TestAssignToAdmin(t *testing.T) {
	h := newTriageHarness(t, 100, 30, false)
	id := h.firstWhere("open", openConv)
	before := h.server(id)
	var admin models.Admin
	for _, a := range h.ctx.Dir.Admins {
		if a.ID != h.ctx.Dir.Me.ID && threadID(a.ID) != int64(before.AdminAssigneeID) {
			admin = a
			break
		}
	}
	h.press("a", admin.Name, "enter")
	body := h.oneWrite("POST", "/conversations/{id}/parts")
	wantBody(t, body, map[string]any{"message_type": "assignment", "type": "admin", "assignee_id": string(admin.ID), "admin_id": h.meID()})
	if got := h.server(id).AdminAssigneeID; int64(got) != threadID(admin.ID) {
		t.Fatalf("server admin %d, want %s", got, admin.ID)
	}
	if r := h.row(id); r.assignee != admin.Name {
		t.Fatalf("row assignee %q, want %q", r.assignee, admin.Name)
	}
}

// Me is the first row: a then enter assigns to me.
func TestAssignToMe(t *testing.T) {
	h := newTriageHarness(t, 100, 30, false)
	me := h.ctx.Dir.MeID()
	id := h.firstWhere("open and not mine", func(c *models.Conversation) bool { return openConv(c) && int64(c.AdminAssigneeID) != me })
	h.press("a")
	if v := ansi.Strip(h.top().View(100, 28)); !strings.Contains(v, "▌ Me ("+h.ctx.Dir.Me.Name+")") {
		t.Fatalf("Me is not first under the cursor:\n%s", v)
	}
	h.press("enter")
	wantBody(t, h.oneWrite("POST", "/conversations/{id}/parts"), map[string]any{"type": "admin", "assignee_id": h.meID()})
	if got := h.server(id).AdminAssigneeID; int64(got) != me {
		t.Fatalf("server admin %d", got)
	}
}

// Unassign clears the admin (assignee_id "0") and leaves the team.
func TestUnassign(t *testing.T) {
	h := newTriageHarness(t, 100, 30, false)
	id := h.firstWhere("open with an admin and a team", func(c *models.Conversation) bool {
		return openConv(c) && c.AdminAssigneeID != 0 && c.TeamAssigneeID != 0
	})
	team := h.server(id).TeamAssigneeID
	h.press("a", "unassign", "enter")
	wantBody(t, h.oneWrite("POST", "/conversations/{id}/parts"),
		map[string]any{"message_type": "assignment", "type": "admin", "assignee_id": "0", "admin_id": h.meID()})
	after := h.server(id)
	if after.AdminAssigneeID != 0 || after.TeamAssigneeID != team {
		t.Fatalf("server admin %d team %d, want 0 and %d", after.AdminAssigneeID, after.TeamAssigneeID, team)
	}
	if r := h.row(id); r.conv.AdminAssigneeID != 0 {
		t.Fatalf("row admin %d", r.conv.AdminAssigneeID)
	}
}

// Choosing who has it already sends nothing and says so.
func TestAssignToTheCurrentAssigneeSendsNothing(t *testing.T) {
	h := newTriageHarness(t, 100, 30, false)
	me := h.ctx.Dir.MeID()
	h.firstWhere("open and mine", func(c *models.Conversation) bool { return openConv(c) && int64(c.AdminAssigneeID) == me })
	h.press("a")
	if v := ansi.Strip(h.top().View(100, 28)); !strings.Contains(v, "admin · assigned") {
		t.Fatalf("the current assignee is not marked:\n%s", v)
	}
	h.press("enter")
	if n := len(h.writes()); n != 0 {
		t.Fatalf("%d writes", n)
	}
	if !h.toasted("already assigned to " + h.ctx.Dir.Me.Name) {
		t.Fatalf("toasts %v", h.toasts)
	}
}

func TestSnoozePreset(t *testing.T) {
	h := newTriageHarness(t, 100, 30, false)
	id := h.firstWhere("open", openConv)
	h.press("s")
	v := ansi.Strip(h.top().View(100, 28))
	// inboxNow is Tuesday 24 November 2026 14:05 UTC; the workspace is in Dublin (GMT).
	for _, want := range []string{"1 hour", "Tue 24 Nov 15:05", "4 hours", "Tue 24 Nov 18:05",
		"Tomorrow 9:00", "Wed 25 Nov 09:00", "Next Monday 9:00", "Mon 30 Nov 09:00"} {
		if !strings.Contains(v, want) {
			t.Fatalf("snooze picker lacks %q:\n%s", want, v)
		}
	}
	h.press("down", "down", "enter")
	body := h.oneWrite("POST", "/conversations/{id}/parts")
	until := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC).Unix()
	wantBody(t, body, map[string]any{"message_type": "snoozed", "admin_id": h.meID(), "snoozed_until": until}, "type")
	after := h.server(id)
	if after.State != models.StateSnoozed || int64(after.SnoozedUntil) != until {
		t.Fatalf("server %s until %d", after.State, after.SnoozedUntil)
	}
	if r := h.row(id); r.conv.State != models.StateSnoozed {
		t.Fatalf("row state %s", r.conv.State)
	}
}

func TestSnoozeTyped(t *testing.T) {
	h := newTriageHarness(t, 100, 30, false)
	id := h.firstWhere("open", openConv)
	h.press("s", "3x", "enter")
	if h.top() == nil {
		t.Fatal("a text that does not parse closed the picker")
	}
	if v := ansi.Strip(h.top().View(100, 28)); !strings.Contains(v, `"3x": use 30m, 2h, 3d, a weekday or a date like 2026-12-01`) {
		t.Fatalf("no inline error:\n%s", v)
	}
	if n := len(h.writes()); n != 0 {
		t.Fatalf("%d writes", n)
	}
	h.press("backspace", "backspace", "2h")
	if v := ansi.Strip(h.top().View(100, 28)); !strings.Contains(v, "enter snoozes until Tue 24 Nov 16:05") {
		t.Fatalf("no preview:\n%s", v)
	}
	h.press("enter")
	until := inboxNow.Add(2 * time.Hour).Unix()
	wantBody(t, h.oneWrite("POST", "/conversations/{id}/parts"), map[string]any{"message_type": "snoozed", "snoozed_until": until}, "type")
	if got := h.server(id); got.State != models.StateSnoozed || int64(got.SnoozedUntil) != until {
		t.Fatalf("server %s until %d", got.State, got.SnoozedUntil)
	}
}

func TestCloseWithNote(t *testing.T) {
	h := newTriageHarness(t, 100, 30, false)
	id := h.firstWhere("open", openConv)
	h.press("c")
	if v := ansi.Strip(h.top().View(100, 28)); !strings.Contains(v, "Closing note (optional, enter to close, esc to cancel)") {
		t.Fatalf("close prompt:\n%s", v)
	}
	h.press("Fixed in 4.2 <b>today</b>", "enter")
	body := h.oneWrite("POST", "/conversations/{id}/parts")
	wantBody(t, body, map[string]any{"message_type": "close", "type": "admin", "admin_id": h.meID(),
		"body": "<p>Fixed in 4.2 &lt;b&gt;today&lt;/b&gt;</p>"})
	after := h.server(id)
	parts := after.Parts()
	if after.State != models.StateClosed || len(parts) == 0 || parts[len(parts)-1].PartType != "close" ||
		string(parts[len(parts)-1].Body) != "<p>Fixed in 4.2 &lt;b&gt;today&lt;/b&gt;</p>" {
		t.Fatalf("server state %s, last part %+v", after.State, parts[len(parts)-1])
	}
}

func TestCloseWithoutNote(t *testing.T) {
	h := newTriageHarness(t, 100, 30, false)
	id := h.firstWhere("open", openConv)
	h.press("c", "esc")
	if n := len(h.writes()); n != 0 || h.top() != nil {
		t.Fatalf("esc: %d writes, overlay %v", n, h.top())
	}
	h.press("c", "enter")
	wantBody(t, h.oneWrite("POST", "/conversations/{id}/parts"), map[string]any{"message_type": "close", "type": "admin"}, "body")
	if got := h.server(id).State; got != models.StateClosed {
		t.Fatalf("server %s", got)
	}
	h.forget()
	h.press("c")
	if len(h.stack) != 0 || !h.toasted("already closed") || len(h.writes()) != 0 {
		t.Fatalf("c on a closed conversation: stack %d toasts %v", len(h.stack), h.toasts)
	}
}

func TestReopen(t *testing.T) {
	h := newTriageHarness(t, 100, 30, false)
	h.firstWhere("open", openConv)
	h.press("o")
	if !h.toasted("already open") || len(h.writes()) != 0 {
		t.Fatalf("o on an open conversation: toasts %v writes %d", h.toasts, len(h.writes()))
	}
	h.press("%") // the Closed view
	id := h.firstWhere("closed", func(c *models.Conversation) bool { return c.State == models.StateClosed })
	h.forget()
	h.press("o")
	wantBody(t, h.oneWrite("POST", "/conversations/{id}/parts"), map[string]any{"message_type": "open", "admin_id": h.meID()}, "type")
	if got := h.server(id); got.State != models.StateOpen || !got.Open {
		t.Fatalf("server %s open=%v", got.State, got.Open)
	}
	if r := h.row(id); r.conv.State != models.StateOpen {
		t.Fatalf("row %s", r.conv.State)
	}
}

// Intercom 2.9 cannot set priority: p says so and sends nothing at all.
func TestPrioritySendsNothing(t *testing.T) {
	h := newTriageHarness(t, 100, 30, false)
	h.firstWhere("open", openConv)
	before := h.ws.Requests()
	h.press("p")
	if got := h.ws.Requests(); got != before {
		t.Fatalf("%d requests", got-before)
	}
	if len(h.toasts) != 1 || !h.toasts[0].Error || h.toasts[0].Text != priorityRefusal ||
		!strings.Contains(priorityRefusal, "2.9") || !strings.Contains(priorityRefusal, "priority") {
		t.Fatalf("toasts %+v", h.toasts)
	}
}

// tagNamed is the workspace's tag of that name.
func (h *harness) tagNamed(name string) models.Tag {
	h.t.Helper()
	for _, tg := range h.ws.World().Tags() {
		if tg.Name == name {
			return tg
		}
	}
	h.t.Fatalf("no tag %q", name)
	return models.Tag{}
}

func hasTag(c models.Conversation, id models.ID) bool {
	return c.Tags != nil && slices.ContainsFunc(c.Tags.Tags, func(t models.Tag) bool { return t.ID == id })
}

func TestTagAttach(t *testing.T) {
	h := newTriageHarness(t, 100, 30, false)
	sec := h.tagNamed("Security")
	id := h.firstWhere("open without Security", func(c *models.Conversation) bool { return openConv(c) && !hasTag(*c, sec.ID) })
	h.press("t")
	if n := h.ws.Count("GET", "/tags"); n != 1 {
		t.Fatalf("%d GET /tags", n)
	}
	h.press("secur", "enter")
	body := h.oneWrite("POST", "/conversations/{conversation_id}/tags")
	wantBody(t, body, map[string]any{"id": string(sec.ID), "admin_id": h.meID()})
	if !hasTag(h.server(id), sec.ID) || !hasTag(*h.row(id).conv, sec.ID) {
		t.Fatal("the tag is not on the conversation")
	}
	// The tags are loaded once.
	h.press("t", "esc")
	if n := h.ws.Count("GET", "/tags"); n != 1 {
		t.Fatalf("%d GET /tags after the second t", n)
	}
}

func TestTagDetach(t *testing.T) {
	h := newTriageHarness(t, 100, 30, false)
	id := h.firstWhere("open with a tag", func(c *models.Conversation) bool { return openConv(c) && c.Tags != nil && len(c.Tags.Tags) > 0 })
	tag := h.row(id).conv.Tags.Tags[0]
	h.press("t")
	if v := ansi.Strip(h.top().View(100, 28)); !strings.Contains(v, "[x] "+tag.Name) {
		t.Fatalf("the conversation's tag is not checked:\n%s", v)
	}
	h.press(tag.Name, "space", "enter")
	x := h.writes()
	if len(x) != 1 || x[0].req.URL.Path != "/conversations/"+id+"/tags/"+string(tag.ID) {
		t.Fatalf("writes %v", x)
	}
	wantBody(t, h.checkWrite(x[0], "DELETE", "/conversations/{conversation_id}/tags/{id}"), map[string]any{"admin_id": h.meID()}, "id")
	if hasTag(h.server(id), tag.ID) || hasTag(*h.row(id).conv, tag.ID) {
		t.Fatal("the tag is still on the conversation")
	}
}

// A new name is created after a confirmation (POST /tags) and attached.
func TestCreateTagAndAttach(t *testing.T) {
	h := newTriageHarness(t, 100, 30, false)
	id := h.firstWhere("open", openConv)
	h.press("t", "qx escalated", "enter")
	c, ok := h.top().(confirm.Model)
	if !ok {
		t.Fatalf("no confirmation: %T", h.top())
	}
	if v := ansi.Strip(c.View(100, 28)); !strings.Contains(v, "Create tag “qx escalated”?") {
		t.Fatalf("confirmation:\n%s", v)
	}
	if n := len(h.writes()); n != 0 {
		t.Fatalf("%d writes before the confirmation", n)
	}
	h.press("esc")
	if n := len(h.writes()); n != 0 || h.top() != nil {
		t.Fatalf("esc: %d writes", n)
	}
	h.press("t", "qx escalated", "enter", "enter")
	x := h.writes()
	if len(x) != 2 {
		t.Fatalf("%d writes, want POST /tags then the attach", len(x))
	}
	wantBody(t, h.checkWrite(x[0], "POST", "/tags"), map[string]any{"name": "qx escalated"})
	body := h.checkWrite(x[1], "POST", "/conversations/{conversation_id}/tags")
	var created models.Tag
	for _, tg := range h.server(id).Tags.Tags {
		if tg.Name == "qx escalated" {
			created = tg
		}
	}
	if created.ID == "" || body["id"] != string(created.ID) {
		t.Fatalf("attached %v, conversation has %+v", body["id"], created)
	}
	// The new tag joins the cached list: the next picker offers it without a reload.
	h.press("t")
	if v := ansi.Strip(h.top().View(100, 28)); !strings.Contains(v, "[x] qx escalated") || h.ws.Count("GET", "/tags") != 1 {
		t.Fatalf("second picker (GET /tags %d):\n%s", h.ws.Count("GET", "/tags"), v)
	}
}

func TestMarkReadOnOpen(t *testing.T) {
	h := newTriageHarness(t, 100, 30, true)
	id := h.firstWhere("open and unread", func(c *models.Conversation) bool { return openConv(c) && !c.Read })
	h.press("enter")
	wantBody(t, h.oneWrite("PUT", "/conversations/{id}"), map[string]any{"read": true})
	if !h.server(id).Read || h.row(id).unread {
		t.Fatal("not read after opening")
	}
	// Back to the list and in again: nothing more.
	h.press("esc", "enter")
	if n := len(h.writes()); n != 1 {
		t.Fatalf("%d writes after opening twice", n)
	}
}

// In the split, the thread previewing the row under the cursor marks it read once, not
// on every preview.
func TestMarkReadOnPreviewOnce(t *testing.T) {
	h := newTriageHarness(t, 130, 30, true)
	h.p.previewDelay = 0 // the preview timer fires at once
	v := h.p.activeView()
	i := -1
	for j := 1; j < v.list.len() && i < 0; j++ {
		if !v.list.at(j).conv.Read {
			i = j
		}
	}
	if i < 0 {
		t.Fatal("no unread row below the first on the first page")
	}
	id := v.list.at(i).id
	for range i {
		h.press("j")
	}
	if h.p.thread.ID() != id {
		t.Fatalf("the thread previews %s, want %s", h.p.thread.ID(), id)
	}
	marks := func() []exchange {
		var out []exchange
		for _, x := range h.writes() {
			if x.req.URL.Path == "/conversations/"+id {
				out = append(out, x)
			}
		}
		return out
	}
	if m := marks(); len(m) != 1 {
		t.Fatalf("%d mark-reads of %s after previewing it", len(m), id)
	}
	wantBody(t, h.checkWrite(marks()[0], "PUT", "/conversations/{id}"), map[string]any{"read": true})
	h.press("k", "j", "k", "j")
	if h.p.thread.ID() != id {
		t.Fatalf("the thread previews %s, want %s", h.p.thread.ID(), id)
	}
	if m := marks(); len(m) != 1 {
		t.Fatalf("%d mark-reads of %s after previewing it three times", len(m), id)
	}
	if !h.server(id).Read {
		t.Fatal("not read on the server")
	}
}

func TestMarkReadOffBySettings(t *testing.T) {
	h := newTriageHarness(t, 100, 30, false)
	id := h.firstWhere("open and unread", func(c *models.Conversation) bool { return openConv(c) && !c.Read })
	h.press("enter")
	if h.p.thread.ID() != id || h.p.thread.Conversation() == nil {
		t.Fatal("the thread did not open")
	}
	if n := len(h.writes()); n != 0 || h.server(id).Read {
		t.Fatalf("%d writes with MarkReadOnOpen off", n)
	}
}
