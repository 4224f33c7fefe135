package fake

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/intercom-tui/intercom-tui/models"
)

// listAll pages GET /conversations to the end and returns the ids in order.
func listAll(t *testing.T, e *env, perPage int, between func(page int)) []string {
	t.Helper()
	var ids []string
	after := ""
	for page := 1; ; page++ {
		path := fmt.Sprintf("/conversations?per_page=%d", perPage)
		if after != "" {
			path += "&starting_after=" + url.QueryEscape(after)
		}
		var list models.ConversationList
		e.do("GET", path, nil).want(t, 200).decode(t, &list)
		if list.Pages.Page != page || list.TotalCount != e.ws.World().NumConversations() {
			t.Fatalf("page %d: pages %+v total %d", page, list.Pages, list.TotalCount)
		}
		for k, c := range list.Conversations {
			ids = append(ids, string(c.ID))
			if k > 0 && c.UpdatedAt > list.Conversations[k-1].UpdatedAt {
				t.Fatalf("page %d not newest first at %d", page, k)
			}
		}
		after = list.Pages.NextCursor()
		if after == "" {
			if list.Pages.TotalPages != page && between == nil {
				t.Errorf("last page %d of total_pages %d", page, list.Pages.TotalPages)
			}
			return ids
		}
		if len(list.Conversations) != perPage {
			t.Fatalf("page %d has %d items and a next cursor", page, len(list.Conversations))
		}
		if between != nil {
			between(page)
		}
	}
}

func TestPagingReturnsEveryConversationOnce(t *testing.T) {
	e := newEnv(t, Options{Seed: 3, Size: 300})
	ids := listAll(t, e, 7, nil)
	if len(ids) != 300 {
		t.Fatalf("got %d conversations, want 300", len(ids))
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			t.Fatalf("%s served twice", id)
		}
		seen[id] = true
	}
	if got := e.do("GET", "/conversations", nil).want(t, 200); got.status == 200 {
		var list models.ConversationList
		got.decode(t, &list)
		if len(list.Conversations) != 20 || list.Pages.PerPage != 20 || list.Pages.TotalPages != 15 {
			t.Errorf("default page: %d items, pages %+v", len(list.Conversations), list.Pages)
		}
	}
}

// Writes while paging move conversations to the top; the keyset cursor never serves one
// twice, and every conversation nobody wrote is still served exactly once.
func TestPagingStableUnderWrites(t *testing.T) {
	e := newEnv(t, Options{Seed: 3, Size: 120})
	me := string(e.ws.World().Me().ID)
	order := listAll(t, e, 10, nil)
	written := map[string]bool{}
	ids := listAll(t, e, 10, func(page int) {
		for _, id := range []string{order[page*10-3], order[len(order)-page]} { // one served, one ahead
			written[id] = true
			e.clk.Advance(time.Second)
			e.do("POST", "/conversations/"+id+"/reply", map[string]any{"message_type": "note", "type": "admin", "admin_id": me, "body": "x"}).want(t, 200)
		}
	})
	seen := map[string]int{}
	for _, id := range ids {
		seen[id]++
	}
	for _, id := range order {
		if seen[id] > 1 {
			t.Errorf("%s served %d times", id, seen[id])
		}
		if !written[id] && seen[id] != 1 {
			t.Errorf("unwritten %s served %d times", id, seen[id])
		}
	}
}

func TestActivityMovesConversationToTop(t *testing.T) {
	e := newEnv(t, Options{Seed: 5, Size: 200})
	me := string(e.ws.World().Me().ID)
	order := listAll(t, e, 150, nil)
	first := func() string {
		var list models.ConversationList
		e.do("GET", "/conversations?per_page=3", nil).want(t, 200).decode(t, &list)
		return string(list.Conversations[0].ID)
	}
	oldest, older := order[len(order)-1], order[len(order)-2]
	e.do("POST", "/conversations/"+oldest+"/reply", map[string]any{"message_type": "comment", "type": "admin", "admin_id": me, "body": "hi"}).want(t, 200)
	if got := first(); got != oldest {
		t.Fatalf("after a reply the first conversation is %s, want %s", got, oldest)
	}
	// Same second (the clock is frozen): the later write still comes first.
	e.do("POST", "/conversations/"+older+"/parts", map[string]any{"message_type": "close", "type": "admin", "admin_id": me}).want(t, 200)
	if got := first(); got != older {
		t.Fatalf("after a close the first conversation is %s, want %s", got, older)
	}
	// Marking read is not activity.
	e.do("PUT", "/conversations/"+order[100], map[string]any{"read": true}).want(t, 200)
	if got := first(); got != older {
		t.Fatalf("marking read moved %s to the top", got)
	}
	if ids := listAll(t, e, 150, nil); len(ids) != 200 || ids[0] != older || ids[1] != oldest {
		t.Fatalf("full list after writes: %d items, starts %v", len(ids), ids[:2])
	}
}

func getConv(t *testing.T, e *env, id string) models.Conversation {
	t.Helper()
	var c models.Conversation
	e.do("GET", "/conversations/"+id, nil).want(t, 200).decode(t, &c)
	return c
}

func lastPart(c models.Conversation) models.Part {
	p := c.Parts()
	return p[len(p)-1]
}

func searchConvIDs(t *testing.T, e *env, q map[string]any) []string {
	t.Helper()
	var list models.ConversationList
	e.do("POST", "/conversations/search", map[string]any{"query": q, "pagination": map[string]any{"per_page": 150}}).want(t, 200).decode(t, &list)
	var ids []string
	for _, c := range list.Conversations {
		ids = append(ids, string(c.ID))
	}
	return ids
}

func TestManageWritesPersist(t *testing.T) {
	e := newEnv(t, Options{Seed: 11, Size: 100})
	w := e.ws.World()
	me, other, team := string(w.Me().ID), string(w.Admins()[2].ID), string(w.Teams()[1].ID)
	var id string
	for i := range w.NumConversations() {
		if c := w.ConversationSummary(i); c.State == models.StateOpen && c.Statistics != nil {
			id = string(c.ID)
			break
		}
	}
	parts := func(body map[string]any) models.Conversation {
		var c models.Conversation
		e.clk.Advance(time.Minute)
		e.do("POST", "/conversations/"+id+"/parts", body).want(t, 200).decode(t, &c)
		if got := getConv(t, e, id); got.State != c.State || len(got.Parts()) != len(c.Parts()) {
			t.Fatalf("GET disagrees with the write's answer: %s/%d vs %s/%d", got.State, len(got.Parts()), c.State, len(c.Parts()))
		}
		return c
	}

	c := parts(map[string]any{"message_type": "close", "type": "admin", "admin_id": me, "body": "<p>Solved</p>"})
	p := lastPart(c)
	if c.State != "closed" || c.Open || p.PartType != "close" || p.Body != "<p>Solved</p>" || string(p.Author.ID) != me ||
		p.CreatedAt != e.clk.Now().Unix() || c.UpdatedAt != p.CreatedAt || string(c.Statistics.LastClosedByID) != me {
		t.Fatalf("close: state %s open %v part %+v", c.State, c.Open, p)
	}
	if ids := searchConvIDs(t, e, map[string]any{"field": "state", "operator": "=", "value": "closed"}); !slices.Contains(ids, id) {
		t.Fatal("search state=closed does not find the closed conversation")
	}
	if ids := searchConvIDs(t, e, map[string]any{"field": "open", "operator": "=", "value": true}); slices.Contains(ids, id) {
		t.Fatal("search open=true finds the closed conversation")
	}

	until := e.clk.Now().Add(48 * time.Hour).Unix()
	c = parts(map[string]any{"message_type": "snoozed", "admin_id": me, "snoozed_until": until})
	if c.State != "snoozed" || !c.Open || int64(c.SnoozedUntil) != until || lastPart(c).PartType != "snoozed" {
		t.Fatalf("snooze: %s %v %d", c.State, c.Open, c.SnoozedUntil)
	}
	if ids := searchConvIDs(t, e, map[string]any{"field": "snoozed_until", "operator": "=", "value": until}); !slices.Equal(ids, []string{id}) {
		t.Fatalf("search snoozed_until: %v", ids)
	}

	c = parts(map[string]any{"message_type": "open", "admin_id": me})
	if c.State != "open" || !c.Open || c.SnoozedUntil != 0 || lastPart(c).PartType != "open" || c.Statistics.CountReopens != 1 {
		t.Fatalf("open: %s %v %d reopens %d", c.State, c.Open, c.SnoozedUntil, c.Statistics.CountReopens)
	}

	c = parts(map[string]any{"message_type": "assignment", "type": "admin", "admin_id": me, "assignee_id": other})
	if p := lastPart(c); fmt.Sprint(int64(c.AdminAssigneeID)) != other || p.PartType != "assignment" || p.AssignedTo == nil || string(p.AssignedTo.ID) != other {
		t.Fatalf("assign admin: %d %+v", c.AdminAssigneeID, lastPart(c).AssignedTo)
	}
	c = parts(map[string]any{"message_type": "assignment", "type": "team", "admin_id": me, "assignee_id": team, "body": "for you"})
	if p := lastPart(c); fmt.Sprint(int64(c.TeamAssigneeID)) != team || p.AssignedTo.Type != "team" || p.Body != "for you" {
		t.Fatalf("assign team: %d %+v", c.TeamAssigneeID, p)
	}
	if ids := searchConvIDs(t, e, map[string]any{"operator": "AND", "value": []any{
		map[string]any{"field": "admin_assignee_id", "operator": "=", "value": parseID(other)},
		map[string]any{"field": "team_assignee_id", "operator": "=", "value": parseID(team)},
	}}); !slices.Contains(ids, id) {
		t.Fatal("search by both assignees misses the conversation")
	}
	c = parts(map[string]any{"message_type": "assignment", "type": "admin", "admin_id": me, "assignee_id": "0"})
	if c.AdminAssigneeID != 0 || lastPart(c).AssignedTo != nil || c.TeamAssigneeID == 0 {
		t.Fatalf("unassign admin: admin %d team %d", c.AdminAssigneeID, c.TeamAssigneeID)
	}

	var r models.Conversation
	e.do("PUT", "/conversations/"+id, map[string]any{"read": false}).want(t, 200).decode(t, &r)
	if r.Read || getConv(t, e, id).Read {
		t.Fatal("PUT read:false did not stick")
	}
	e.do("PUT", "/conversations/"+id, map[string]any{"read": true}).want(t, 200)
	if !getConv(t, e, id).Read {
		t.Fatal("PUT read:true did not stick")
	}
	if got := getConv(t, e, id); len(got.Parts()) < 6 || got.ConversationParts.TotalCount != len(got.Parts()) ||
		got.Statistics.CountConversationParts != len(got.Parts()) {
		t.Fatalf("parts: %d listed, total_count %d, statistics %d", len(got.Parts()), got.ConversationParts.TotalCount, got.Statistics.CountConversationParts)
	}
}

func TestReplies(t *testing.T) {
	e := newEnv(t, Options{Seed: 11, Size: 100})
	w := e.ws.World()
	me := string(w.Me().ID)
	var id string
	for i := range w.NumConversations() {
		if c := w.ConversationSummary(i); c.State == models.StateClosed && c.Statistics != nil {
			id = string(c.ID)
			break
		}
	}
	contact := string(getConv(t, e, id).Contacts.Contacts[0].ID)
	before := getConv(t, e, id)

	e.clk.Advance(time.Hour)
	var c models.Conversation
	e.do("POST", "/conversations/"+id+"/reply", map[string]any{"message_type": "comment", "type": "user", "intercom_user_id": contact, "body": "<p>Still broken</p>"}).want(t, 200).decode(t, &c)
	p := lastPart(c)
	now := e.clk.Now().Unix()
	if c.State != "open" || !c.Open || c.Read || int64(c.WaitingSince) != now || p.PartType != "comment" ||
		string(p.Author.ID) != contact || p.Author.Type == "admin" || c.Statistics.CountReopens != before.Statistics.CountReopens+1 {
		t.Fatalf("contact reply: state %s read %v waiting %d part %+v", c.State, c.Read, c.WaitingSince, p)
	}
	if ids := searchConvIDs(t, e, map[string]any{"field": "waiting_since", "operator": ">", "value": now - 1}); !slices.Contains(ids, id) {
		t.Fatal("search waiting_since misses the conversation")
	}

	e.clk.Advance(time.Minute)
	e.do("POST", "/conversations/"+id+"/reply", map[string]any{"message_type": "note", "type": "admin", "admin_id": me, "body": "<p>looking</p>"}).want(t, 200).decode(t, &c)
	if int64(c.WaitingSince) != now || lastPart(c).PartType != "note" {
		t.Fatal("a note must not clear waiting_since")
	}
	e.do("POST", "/conversations/"+id+"/reply", map[string]any{"message_type": "comment", "type": "admin", "admin_id": me, "body": "<p>fixed</p>",
		"attachment_urls": []string{"https://example.com/fix.png"}}).want(t, 200).decode(t, &c)
	p = lastPart(c)
	if c.WaitingSince != 0 || p.Author.Type != "admin" || len(p.Attachments) != 1 || p.Attachments[0].ContentType != "image/png" {
		t.Fatalf("admin comment: waiting %d part %+v", c.WaitingSince, p)
	}
	if !slices.ContainsFunc(c.Teammates.Teammates, func(r models.Reference) bool { return string(r.ID) == me }) {
		t.Error("the replying admin is not among the teammates")
	}
	if got := getConv(t, e, id); len(got.Parts()) != len(before.Parts())+3 {
		t.Fatalf("GET shows %d parts, want %d", len(got.Parts()), len(before.Parts())+3)
	}
}

func TestTagsOnConversation(t *testing.T) {
	e := newEnv(t, Options{Seed: 2, Size: 50})
	w := e.ws.World()
	me, id := string(w.Me().ID), w.ConversationID(4)
	var tag models.Tag
	for _, tg := range w.Tags() {
		if !slices.ContainsFunc(getConv(t, e, id).Tags.Tags, func(x models.Tag) bool { return x.ID == tg.ID }) {
			tag = tg
			break
		}
	}
	var got models.Tag
	e.do("POST", "/conversations/"+id+"/tags", map[string]any{"id": string(tag.ID), "admin_id": me}).want(t, 200).decode(t, &got)
	if got.ID != tag.ID || got.Name != tag.Name || got.Type != "tag" {
		t.Fatalf("attach answered %+v", got)
	}
	c := getConv(t, e, id)
	at := slices.IndexFunc(c.Tags.Tags, func(x models.Tag) bool { return x.ID == tag.ID })
	if at < 0 || c.Tags.Tags[at].AppliedBy == nil || string(c.Tags.Tags[at].AppliedBy.ID) != me {
		t.Fatalf("tag not on the conversation: %+v", c.Tags)
	}
	if ids := searchConvIDs(t, e, map[string]any{"field": "tag_ids", "operator": "IN", "value": []string{string(tag.ID)}}); !slices.Contains(ids, id) {
		t.Fatal("search tag_ids misses the tagged conversation")
	}
	e.do("DELETE", "/conversations/"+id+"/tags/"+string(tag.ID), map[string]any{"admin_id": me}).want(t, 200)
	if c := getConv(t, e, id); slices.ContainsFunc(c.Tags.Tags, func(x models.Tag) bool { return x.ID == tag.ID }) {
		t.Fatal("tag still on the conversation after DELETE")
	}
}

func TestWriteValidation(t *testing.T) {
	e := newEnv(t, Options{Seed: 2, Size: 50})
	w := e.ws.World()
	me, id := string(w.Me().ID), w.ConversationID(1)
	contact := string(w.Contact(0).ID)
	past := epoch.Unix() - 60
	for _, c := range []struct {
		path   string
		body   any
		status int
		code   string
		field  string
	}{
		{"/parts", map[string]any{"message_type": "close", "type": "admin"}, 400, "parameter_not_found", "admin_id"},
		{"/parts", map[string]any{"type": "admin", "admin_id": me}, 400, "parameter_not_found", "message_type"},
		{"/parts", map[string]any{"message_type": "delete", "admin_id": me}, 400, "parameter_invalid", "message_type"},
		{"/parts", map[string]any{"message_type": "close", "admin_id": me}, 400, "parameter_not_found", "type"},
		{"/parts", map[string]any{"message_type": "snoozed", "admin_id": me}, 400, "parameter_not_found", "snoozed_until"},
		{"/parts", map[string]any{"message_type": "snoozed", "admin_id": me, "snoozed_until": past}, 400, "parameter_invalid", "snoozed_until"},
		{"/parts", map[string]any{"message_type": "assignment", "admin_id": me, "assignee_id": me}, 400, "parameter_not_found", "type"},
		{"/parts", map[string]any{"message_type": "assignment", "type": "bot", "admin_id": me, "assignee_id": me}, 400, "parameter_invalid", "type"},
		{"/parts", map[string]any{"message_type": "assignment", "type": "admin", "admin_id": me}, 400, "parameter_not_found", "assignee_id"},
		{"/parts", map[string]any{"message_type": "open", "admin_id": "12"}, 404, "admin_not_found", "admin_id"},
		{"/parts", `{"message_type":`, 400, "bad_request", ""},
		{"/reply", map[string]any{"message_type": "comment", "type": "admin", "admin_id": me}, 400, "parameter_not_found", "body"},
		{"/reply", map[string]any{"message_type": "comment", "type": "admin", "body": "x"}, 400, "parameter_not_found", "admin_id"},
		{"/reply", map[string]any{"message_type": "close", "type": "admin", "admin_id": me, "body": "x"}, 400, "parameter_invalid", "message_type"},
		{"/reply", map[string]any{"message_type": "comment", "type": "bot", "body": "x"}, 400, "parameter_invalid", "type"},
		{"/reply", map[string]any{"message_type": "note", "type": "user", "intercom_user_id": contact, "body": "x"}, 400, "parameter_invalid", "message_type"},
		{"/reply", map[string]any{"message_type": "comment", "type": "user", "body": "x"}, 400, "parameter_not_found", "intercom_user_id"},
		{"/reply", map[string]any{"message_type": "comment", "type": "user", "email": "nobody@example.invalid", "body": "x"}, 404, "not_found", ""},
		{"/reply", map[string]any{"message_type": "comment", "type": "admin", "admin_id": me, "body": "x", "attachment_urls": slices.Repeat([]string{"https://e.com/a"}, 11)}, 400, "parameter_invalid", "attachment_urls"},
		{"/tags", map[string]any{"id": string(w.Tags()[0].ID)}, 400, "parameter_not_found", "admin_id"},
		{"/tags", map[string]any{"admin_id": me}, 400, "parameter_not_found", "id"},
	} {
		r := e.doBad("POST", "/conversations/"+id+c.path, c.body)
		var body models.ErrorList
		r.decode(t, &body)
		if r.status != c.status || body.Errors[0].Code != c.code || body.Errors[0].Field != c.field || body.Errors[0].Message == "" {
			t.Errorf("%s %v: %d %s", c.path, c.body, r.status, r.body)
		}
	}
	seeded := w.Conversation(1)
	if got := getConv(t, e, id); len(got.Parts()) != len(seeded.Parts()) {
		t.Error("a refused write changed the conversation")
	}
}

func TestDisplayAsPlaintext(t *testing.T) {
	e := newEnv(t, Options{Seed: 2, Size: 20})
	id := e.ws.World().ConversationID(0)
	var c models.Conversation
	e.do("GET", "/conversations/"+id+"?display_as=plaintext", nil).want(t, http.StatusOK).decode(t, &c)
	for _, s := range append([]string{c.Source.Body}, func() (out []string) {
		for _, p := range c.Parts() {
			out = append(out, string(p.Body))
		}
		return
	}()...) {
		if slices.Contains([]byte(s), '<') && slices.Contains([]byte(s), '>') {
			t.Errorf("HTML left in plaintext body %q", s)
		}
	}
}

func TestTicketAssignToTeam(t *testing.T) {
	ws := New(Options{Seed: 3, Size: 20})
	team := string(ws.World().Teams()[1].ID)
	me := string(ws.World().Me().ID)
	id := string(ws.World().Ticket(0).ID)
	body := `{"assignment":{"admin_id":"` + me + `","assignee_id":"` + team + `"}}`
	req := httptest.NewRequest("PUT", "/tickets/"+id, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+ws.Token())
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	ws.ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	var got models.Ticket
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	parts := got.Parts()
	last := parts[len(parts)-1]
	if string(got.TeamAssigneeID) != team || last.PartType != "assignment" || last.AssignedTo == nil || last.AssignedTo.Type != "team" {
		t.Fatalf("team assignee %q, last part %+v", got.TeamAssigneeID, last)
	}
}
