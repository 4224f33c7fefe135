package conversations

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/api/fake/faults"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/confirm"
	"github.com/intercom-tui/intercom-tui/ui/components/picker"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// Right after the key, before the server answers, the row and the thread show the
// change; the server's answer then replaces the optimistic copy.
func TestOptimisticCloseThenTheServersAnswer(t *testing.T) {
	h := newTriageHarness(t, 100, 30, false)
	id := h.firstWhere("open", openConv)
	h.press("enter") // the thread, over the list
	if h.p.thread.Conversation() == nil {
		t.Fatal("the thread did not load")
	}
	h.forget()
	h.hold = true
	h.press("c", "All done", "enter")
	if n := len(h.writes()); n != 0 {
		t.Fatalf("%d writes before the release", n)
	}
	if got := h.row(id).conv.State; got != models.StateClosed {
		t.Fatalf("row state %s right after the key", got)
	}
	th := h.p.thread.Conversation()
	last := th.Parts()[len(th.Parts())-1]
	if th.State != models.StateClosed || last.PartType != "close" || !strings.HasPrefix(string(last.ID), "pending-") {
		t.Fatalf("thread state %s, last part %s %s", th.State, last.PartType, last.ID)
	}
	h.release()
	h.oneWrite("POST", "/conversations/{id}/parts")
	th = h.p.thread.Conversation()
	last = th.Parts()[len(th.Parts())-1]
	if th.State != models.StateClosed || last.PartType != "close" || strings.HasPrefix(string(last.ID), "pending-") {
		t.Fatalf("after the answer: thread state %s, last part %s %s", th.State, last.PartType, last.ID)
	}
	if got := h.server(id).State; got != models.StateClosed || len(h.toasts) != 0 {
		t.Fatalf("server %s, toasts %v", got, h.toasts)
	}
}

// The optimistic tag shows in the row before the answer.
func TestOptimisticTagInTheRow(t *testing.T) {
	h := newTriageHarness(t, 100, 30, false)
	vip := h.tagNamed("VIP")
	id := h.firstWhere("open without VIP", func(c *models.Conversation) bool { return openConv(c) && !hasTag(*c, vip.ID) })
	h.press("t") // loads the tags, opens the picker
	h.hold = true
	h.press("vip", "enter")
	if r := h.row(id); !hasTag(*r.conv, vip.ID) || !strings.Contains(r.tags, "VIP") {
		t.Fatalf("row tags %q right after the key", r.tags)
	}
	h.release()
	h.oneWrite("POST", "/conversations/{conversation_id}/tags")
	if !hasTag(h.server(id), vip.ID) {
		t.Fatal("not tagged on the server")
	}
}

// A refused write is rolled back, sent once (never retried), and a toast names the
// action, the conversation and the reason.
func TestRefusedWritesRollBack(t *testing.T) {
	for _, tc := range []struct {
		name  string
		rule  faults.Rule
		keys  []string
		pick  func(*harness) func(c *models.Conversation) bool
		route string
		toast string
		check func(t *testing.T, before, after models.Conversation)
	}{
		{"close", faults.Rule{Kind: faults.Status, Code: 500, Method: "POST", Pattern: "/conversations/*/parts", Count: 1},
			[]string{"c", "enter"}, nil, "/conversations/{id}/parts", "Couldn't close #",
			func(t *testing.T, before, after models.Conversation) {
				if after.State != before.State {
					t.Errorf("state %s, want %s back", after.State, before.State)
				}
			}},
		{"snooze", faults.Rule{Kind: faults.Status, Code: 503, Method: "POST", Pattern: "/conversations/*/parts", Count: 1},
			[]string{"s", "enter"}, nil, "/conversations/{id}/parts", "Couldn't snooze until Tue 24 Nov 15:05 #",
			func(t *testing.T, before, after models.Conversation) {
				if after.State != before.State || after.SnoozedUntil != before.SnoozedUntil {
					t.Errorf("state %s until %d, want %s back", after.State, after.SnoozedUntil, before.State)
				}
			}},
		{"assign", faults.Rule{Kind: faults.Status, Code: 404, Method: "POST", Pattern: "/conversations/*/parts", Count: 1},
			[]string{"a", "enter"}, func(h *harness) func(c *models.Conversation) bool {
				me := h.ctx.Dir.MeID()
				return func(c *models.Conversation) bool { return openConv(c) && int64(c.AdminAssigneeID) != me }
			}, "/conversations/{id}/parts", "Couldn't assign to ",
			func(t *testing.T, before, after models.Conversation) {
				if after.AdminAssigneeID != before.AdminAssigneeID {
					t.Errorf("admin %d, want %d back", after.AdminAssigneeID, before.AdminAssigneeID)
				}
			}},
		{"tag", faults.Rule{Kind: faults.Status, Code: 500, Method: "POST", Pattern: "/conversations/*/tags", Count: 1},
			[]string{"t", "security", "enter"}, nil, "/conversations/{conversation_id}/tags", "Couldn't tag Security #",
			func(t *testing.T, before, after models.Conversation) {
				if len(after.TagNames()) != len(before.TagNames()) {
					t.Errorf("tags %v, want %v back", after.TagNames(), before.TagNames())
				}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newTriageHarness(t, 100, 30, false)
			pick := func(c *models.Conversation) bool {
				return openConv(c) && !strings.Contains(strings.Join(c.TagNames(), ","), "Security")
			}
			if tc.pick != nil {
				pick = tc.pick(h)
			}
			id := h.firstWhere(tc.name+"-able", pick)
			before := *h.row(id).conv
			if err := h.faults.Add(tc.rule); err != nil {
				t.Fatal(err)
			}
			h.press(tc.keys...)
			var sent int
			for _, x := range h.writes() {
				if strings.HasPrefix(x.req.URL.Path, "/conversations/"+id) {
					sent++
				}
			}
			if sent != 1 {
				t.Fatalf("%d attempts of the write, want exactly 1 (writes are never retried)", sent)
			}
			tc.check(t, before, *h.row(id).conv)
			if len(h.toasts) != 1 || !h.toasts[0].Error {
				t.Fatalf("toasts %+v", h.toasts)
			}
			text := h.toasts[0].Text
			if !strings.Contains(text, tc.toast) || !strings.Contains(text, id+": ") || strings.HasSuffix(text, ": ") {
				t.Fatalf("toast %q should name the action (%q), #%s and the reason", text, tc.toast, id)
			}
			t.Logf("toast: %s", text)
			tc.check(t, before, h.server(id))
		})
	}
}

// A failed GET /tags says so and offers a retry, which loads them and opens the picker.
func TestTagsLoadFailureRetries(t *testing.T) {
	h := newTriageHarness(t, 100, 30, false)
	h.firstWhere("open", openConv)
	if err := h.faults.Add(faults.Rule{Kind: faults.Status, Code: 500, Method: "GET", Pattern: "/tags", Count: 10}); err != nil {
		t.Fatal(err)
	}
	h.press("t")
	if len(h.toasts) != 1 || !strings.Contains(h.toasts[0].Text, "Couldn't load the workspace's tags: ") || h.toasts[0].Retry == nil {
		t.Fatalf("toasts %+v", h.toasts)
	}
	if h.top() != nil {
		t.Fatal("a picker opened without tags")
	}
	h.faults.Clear()
	h.exec(h.toasts[0].Retry)
	if _, ok := h.top().(picker.Model); !ok {
		t.Fatalf("the retry did not open the picker: %T", h.top())
	}
}

// An answer to a superseded GET /tags is dropped.
func TestStaleTagsAnswerDropped(t *testing.T) {
	h := newTriageHarness(t, 100, 30, false)
	h.firstWhere("open", openConv)
	h.p.triage.tagsReq = 7
	stale := tagsLoadedMsg{ConvID: "x"}
	stale.Req, stale.Value = 6, []models.Tag{{ID: "1", Name: "old"}}
	h.send(stale)
	if h.p.triage.tags != nil || h.top() != nil {
		t.Fatal("a stale answer was applied")
	}
}

// Answers of overlays that triage did not open are left to the other layers.
func TestForeignOverlayAnswersAreNotTriages(t *testing.T) {
	h := newTriageHarness(t, 100, 30, false)
	for _, msg := range []tea.Msg{picker.Result{ID: "bulk:assign"}, confirm.Result{ID: "bulk:confirm", Yes: true}, picker.Result{ID: "triage"}} {
		if _, _, ok := h.p.triageMsg(msg); ok {
			t.Errorf("triage claimed %+v", msg)
		}
	}
}

// The reusable pieces the bulk layer calls read the answers the same way.
func TestChoicesForBulk(t *testing.T) {
	for _, tc := range []struct {
		item string
		want api.Assignee
	}{{"admin:12", api.AssignAdmin("12")}, {"team:7", api.AssignTeam("7")}, {unassignItem, api.UnassignAdmin}} {
		got, ok := assignChoice(picker.Result{Chosen: []picker.Item{{ID: tc.item}}})
		if !ok || got != tc.want {
			t.Errorf("assignChoice(%s) = %+v %v", tc.item, got, ok)
		}
	}
	if _, ok := assignChoice(picker.Result{Cancelled: true}); ok {
		t.Error("a cancelled picker assigns")
	}
	now := time.Date(2026, 11, 24, 14, 5, 0, 0, time.UTC)
	if got, err := resolveSnooze(picker.Result{Chosen: []picker.Item{{ID: "4h"}}}, now, time.UTC); err != nil || !got.Equal(now.Add(4*time.Hour)) {
		t.Errorf("resolveSnooze(4h) = %s %v", got, err)
	}
	if got, err := resolveSnooze(picker.Result{Text: "30m"}, now, time.UTC); err != nil || !got.Equal(now.Add(30*time.Minute)) {
		t.Errorf("resolveSnooze(30m) = %s %v", got, err)
	}
	all := []models.Tag{{Type: "tag", ID: "1", Name: "VIP"}, {Type: "tag", ID: "2", Name: "Bug"}}
	attach, detach, create := tagChanges(picker.Result{
		Added: []picker.Item{{ID: "2", Label: "Bug"}}, Removed: []picker.Item{{ID: "1", Label: "VIP"}}, Create: " new ",
	}, all)
	if len(attach) != 1 || attach[0] != all[1] || len(detach) != 1 || detach[0] != all[0] || create != "new" {
		t.Errorf("tagChanges = %v %v %q", attach, detach, create)
	}
}

// The assign picker lists me first, then the teams, then the other admins, and
// Unassign last.
func TestAssignPickerOrder(t *testing.T) {
	h := newTriageHarness(t, 100, 30, false)
	o := assignPicker(&h.p, "x", nil).(picker.Model)
	res := drainPicker(t, o)
	dir := h.ctx.Dir
	want := []string{"admin:" + string(dir.Me.ID)}
	for _, tm := range dir.Teams {
		want = append(want, "team:"+string(tm.ID))
	}
	for _, a := range dir.Admins {
		if a.ID != dir.Me.ID {
			want = append(want, "admin:"+string(a.ID))
		}
	}
	want = append(want, unassignItem)
	if strings.Join(res, " ") != strings.Join(want, " ") {
		t.Fatalf("order %v, want %v", res, want)
	}
}

// drainPicker chooses every row in turn (down, enter on copies) and lists the ids.
func drainPicker(t *testing.T, o shared.Overlay) []string {
	t.Helper()
	var out []string
	for i := 0; i < 1000; i++ {
		cur := o
		for range i {
			cur, _ = cur.Update(tea.KeyPressMsg{Code: tea.KeyDown})
		}
		_, cmd := cur.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
		id := ""
		for _, m := range runAll(cmd) {
			if r, ok := m.(picker.Result); ok && len(r.Chosen) == 1 {
				id = r.Chosen[0].ID
			}
		}
		if id == "" || (len(out) > 0 && out[len(out)-1] == id) {
			return out
		}
		out = append(out, id)
	}
	t.Fatal("the picker never ends")
	return nil
}
