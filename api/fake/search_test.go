package fake

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/intercom-tui/intercom-tui/models"
)

// nested is (state = open OR state = snoozed) AND (priority = priority OR read = false)
// AND source.type IN [email, conversation]: two levels, as deep as Intercom allows.
var nested = map[string]any{"operator": "AND", "value": []any{
	map[string]any{"operator": "OR", "value": []any{
		map[string]any{"field": "state", "operator": "=", "value": "open"},
		map[string]any{"field": "state", "operator": "=", "value": "snoozed"},
	}},
	map[string]any{"operator": "OR", "value": []any{
		map[string]any{"field": "priority", "operator": "=", "value": "priority"},
		map[string]any{"field": "read", "operator": "=", "value": false},
	}},
	map[string]any{"field": "source.type", "operator": "IN", "value": []string{"email", "conversation"}},
}}

func nestedByHand(c models.Conversation) bool {
	return (c.State == "open" || c.State == "snoozed") && (c.Priority == "priority" || !c.Read) &&
		(c.Source.Type == "email" || c.Source.Type == "conversation")
}

// searchAll pages a search to the end and returns the ids and the total_count.
func searchAll(t *testing.T, e *env, path string, q any, perPage int) ([]string, int) {
	t.Helper()
	var ids []string
	total := -1
	after := ""
	for page := 1; ; page++ {
		pagination := map[string]any{"per_page": perPage}
		if after != "" {
			pagination["starting_after"] = after
		}
		var list struct {
			TotalCount    int                   `json:"total_count"`
			Pages         *models.CursorPages   `json:"pages"`
			Conversations []models.Conversation `json:"conversations"`
			Data          []models.Contact      `json:"data"`
			Tickets       []models.Ticket       `json:"tickets"`
		}
		e.do("POST", path, map[string]any{"query": q, "pagination": pagination}).want(t, 200).decode(t, &list)
		if total >= 0 && list.TotalCount != total {
			t.Fatalf("total_count changed from %d to %d", total, list.TotalCount)
		}
		total = list.TotalCount
		if list.Pages.Page != page {
			t.Fatalf("page %d says page %d", page, list.Pages.Page)
		}
		for _, c := range list.Conversations {
			ids = append(ids, string(c.ID))
		}
		for _, c := range list.Data {
			ids = append(ids, string(c.ID))
		}
		for _, tk := range list.Tickets {
			ids = append(ids, string(tk.ID))
		}
		if after = list.Pages.NextCursor(); after == "" {
			return ids, total
		}
	}
}

func TestSearchNestedSemantics(t *testing.T) {
	e := newEnv(t, Options{Seed: 9, Size: 400})
	w := e.ws.World()
	var want []string
	for _, i := range w.ActivityOrder() {
		if c := w.ConversationSummary(int(i)); nestedByHand(c) {
			want = append(want, string(c.ID))
		}
	}
	if len(want) == 0 || len(want) == w.NumConversations() {
		t.Fatalf("degenerate fixture: %d matches", len(want))
	}
	got, total := searchAll(t, e, "/conversations/search", nested, 7)
	if total != len(want) || !slices.Equal(got, want) {
		t.Fatalf("search found %d (total_count %d), by hand %d", len(got), total, len(want))
	}
	// A single filter at the top level works too, and the default page is 20.
	var list models.ConversationList
	e.do("POST", "/conversations/search", map[string]any{"query": map[string]any{"field": "state", "operator": "!=", "value": "closed"}}).want(t, 200).decode(t, &list)
	if len(list.Conversations) != 20 || list.Pages.PerPage != 20 {
		t.Fatalf("default page %d, per_page %d", len(list.Conversations), list.Pages.PerPage)
	}
	for _, c := range list.Conversations {
		if c.State == "closed" {
			t.Fatal("state != closed returned a closed conversation")
		}
	}
}

func TestSearchSourceBodyWord(t *testing.T) {
	e := newEnv(t, Options{Seed: 9, Size: 200})
	ids, total := searchAll(t, e, "/conversations/search", map[string]any{"field": "source.body", "operator": "=", "value": "CSV"}, 50)
	if total == 0 {
		t.Skip("no conversation mentions CSV with this seed")
	}
	for _, id := range ids {
		if c := getConv(t, e, id); !strings.Contains(strings.ToLower(c.Source.Body), "csv") {
			t.Errorf("%s matched source.body = CSV: %q", id, c.Source.Body)
		}
	}
}

func TestSearchRefusesBadQueries(t *testing.T) {
	e := newEnv(t, Options{Seed: 9, Size: 50})
	deep := map[string]any{"operator": "AND", "value": []any{nested}}
	for _, c := range []struct {
		path  string
		body  any
		field string
	}{
		{"/conversations/search", map[string]any{"query": map[string]any{"field": "nope", "operator": "=", "value": "x"}}, "nope"},
		{"/conversations/search", map[string]any{"query": map[string]any{"field": "state", "operator": ">", "value": "open"}}, "state"},
		{"/conversations/search", map[string]any{"query": map[string]any{"field": "created_at", "operator": "=", "value": "yesterday"}}, "created_at"},
		{"/conversations/search", map[string]any{"query": deep}, "query"},
		{"/conversations/search", map[string]any{"query": nested, "pagination": map[string]any{"per_page": 151}}, "per_page"},
		{"/conversations/search", map[string]any{"query": nested, "pagination": map[string]any{"starting_after": "bm9wZQ"}}, "starting_after"},
		{"/contacts/search", map[string]any{"query": map[string]any{"field": "created_at", "operator": ">=", "value": 1}}, "created_at"},
		{"/contacts/search", map[string]any{"query": map[string]any{"field": "tag_id", "operator": "IN", "value": []string{"1"}}}, "tag_id"},
		{"/tickets/search", map[string]any{"query": map[string]any{"field": "priority", "operator": "=", "value": "x"}}, "priority"},
	} {
		r := e.do("POST", c.path, c.body).want(t, http.StatusBadRequest)
		var body models.ErrorList
		r.decode(t, &body)
		if body.Errors[0].Code != "parameter_invalid" || body.Errors[0].Field != c.field || len(body.Errors[0].Message) < 10 {
			t.Errorf("%s %v: %s", c.path, c.body, r.body)
		}
	}
	r := e.doBad("POST", "/conversations/search", map[string]any{"pagination": map[string]any{"per_page": 5}}).want(t, http.StatusBadRequest)
	if r.errorCode(t) != "parameter_not_found" {
		t.Errorf("missing query: %s", r.body)
	}
	// A cursor only works with the query it was made for.
	var list models.ConversationList
	e.do("POST", "/conversations/search", map[string]any{"query": nested, "pagination": map[string]any{"per_page": 1}}).want(t, 200).decode(t, &list)
	other := map[string]any{"field": "open", "operator": "=", "value": true}
	e.do("POST", "/conversations/search", map[string]any{"query": other, "pagination": map[string]any{"starting_after": list.Pages.NextCursor()}}).want(t, http.StatusBadRequest)
}

func TestSearchContacts(t *testing.T) {
	e := newEnv(t, Options{Seed: 4, Size: 20})
	w := e.ws.World()
	c0 := w.Contact(0)
	plan, _ := w.Contact(1).CustomAttributes["plan"].(string)
	for _, c := range []struct {
		q   map[string]any
		hit func(i int, c models.Contact) bool
	}{
		{map[string]any{"field": "role", "operator": "=", "value": "lead"}, func(_ int, c models.Contact) bool { return c.Role == "lead" }},
		{map[string]any{"field": "email_domain", "operator": "=", "value": c0.EmailDomain},
			func(_ int, c models.Contact) bool {
				return c.EmailDomain != "" && strings.EqualFold(c.EmailDomain, c0.EmailDomain)
			}},
		{map[string]any{"operator": "AND", "value": []any{
			map[string]any{"field": "custom_attributes.plan", "operator": "=", "value": plan},
			map[string]any{"field": "role", "operator": "=", "value": "user"}}},
			func(_ int, c models.Contact) bool { return c.Role == "user" && c.CustomAttributes["plan"] == plan }},
		{map[string]any{"field": "segment_id", "operator": "=", "value": string(w.Segments()[1].ID)},
			func(i int, _ models.Contact) bool {
				return slices.ContainsFunc(w.ContactSegments(i), func(s models.Segment) bool { return s.ID == w.Segments()[1].ID })
			}},
	} {
		var want []string
		for i := range w.NumContacts() {
			if ct := w.Contact(i); c.hit(i, ct) {
				want = append(want, string(ct.ID))
			}
		}
		got, total := searchAll(t, e, "/contacts/search", c.q, 13)
		if total != len(want) || !slices.Equal(got, want) {
			t.Errorf("%v: got %d (total %d), want %d", c.q, len(got), total, len(want))
		}
	}
}

func TestContactWritesAreSearchable(t *testing.T) {
	e := newEnv(t, Options{Seed: 4, Size: 20})
	w := e.ws.World()
	contact := string(w.Contact(3).ID)
	var tag models.Tag
	for _, tg := range w.Tags() {
		if !slices.ContainsFunc(w.ContactTags(3), func(x models.Tag) bool { return x.ID == tg.ID }) {
			tag = tg
			break
		}
	}
	q := map[string]any{"field": "tag_id", "operator": "=", "value": string(tag.ID)}
	before, _ := searchAll(t, e, "/contacts/search", q, 150)
	e.do("POST", "/contacts/"+contact+"/tags", map[string]any{"id": string(tag.ID)}).want(t, 200)
	after, _ := searchAll(t, e, "/contacts/search", q, 150)
	if slices.Contains(before, contact) || !slices.Contains(after, contact) || len(after) != len(before)+1 {
		t.Fatalf("tag_id search before %v after %v", before, after)
	}
	var tags models.DataTagList
	e.do("GET", "/contacts/"+contact+"/tags", nil).want(t, 200).decode(t, &tags)
	if !slices.ContainsFunc(tags.Data, func(x models.Tag) bool { return x.ID == tag.ID }) {
		t.Fatal("GET /contacts/{id}/tags misses the attached tag")
	}
	var ct models.Contact
	e.do("GET", "/contacts/"+contact, nil).want(t, 200).decode(t, &ct)
	if ct.Tags.TotalCount != len(tags.Data) {
		t.Fatalf("contact tag summary %d, list %d", ct.Tags.TotalCount, len(tags.Data))
	}
	e.do("DELETE", "/contacts/"+contact+"/tags/"+string(tag.ID), nil).want(t, 200)
	if again, _ := searchAll(t, e, "/contacts/search", q, 150); slices.Contains(again, contact) {
		t.Fatal("detached tag still found")
	}

	var note models.Note
	e.do("POST", "/contacts/"+contact+"/notes", map[string]any{"body": "<p>VIP</p>"}).want(t, 200).decode(t, &note)
	if note.Body != "<p>VIP</p>" || note.Author == nil || note.Author.ID != w.Me().ID || string(note.Contact.ID) != contact || note.CreatedAt != epoch.Unix() {
		t.Fatalf("note %+v", note)
	}
	var notes models.NoteList
	e.do("GET", "/contacts/"+contact+"/notes", nil).want(t, 200).decode(t, &notes)
	if notes.Data[0].ID != note.ID || notes.TotalCount != len(w.ContactNotes(3))+1 {
		t.Fatalf("notes list starts %s (total %d), want the new note first", notes.Data[0].ID, notes.TotalCount)
	}
	var got models.Note
	e.do("GET", "/notes/"+string(note.ID), nil).want(t, 200).decode(t, &got)
	if got.Body != note.Body {
		t.Fatal("GET /notes/{id} misses the new note")
	}
	e.do("GET", "/contacts/"+contact, nil).want(t, 200).decode(t, &ct)
	if ct.Notes.TotalCount != notes.TotalCount || ct.Notes.Data[0].ID != note.ID {
		t.Fatalf("contact notes summary %+v", ct.Notes)
	}
	if r := e.doBad("POST", "/contacts/"+contact+"/notes", map[string]any{"admin_id": string(w.Me().ID)}); r.status != 400 || r.errorCode(t) != "parameter_not_found" {
		t.Fatalf("note without body: %d %s", r.status, r.body)
	}
}

// BenchmarkSearchNested100k runs the two-level nested search over a 100,000-conversation
// workspace (every conversation is tested, for total_count), one request per op.
func BenchmarkSearchNested100k(b *testing.B) {
	ws := New(Options{Seed: 1, Size: 100_000})
	body, _ := json.Marshal(map[string]any{"query": nested, "pagination": map[string]any{"per_page": 50}})
	run := func() *httptest.ResponseRecorder {
		req := httptest.NewRequest("POST", "/conversations/search", bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+ws.Token())
		rec := httptest.NewRecorder()
		ws.ServeHTTP(rec, req)
		return rec
	}
	if rec := run(); rec.Code != 200 {
		b.Fatalf("%d %s", rec.Code, rec.Body)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		run()
	}
}

// Written conversations are tested apart and slotted into the seeded order: search pages
// must still list exactly the matches of GET /conversations, in its order.
func TestSearchAfterWrites(t *testing.T) {
	e := newEnv(t, Options{Seed: 21, Size: 150})
	me := string(e.ws.World().Me().ID)
	order := listAll(t, e, 150, nil)
	for k, id := range []string{order[5], order[140], order[77], order[0], order[149], order[60]} {
		if k%2 == 0 {
			e.clk.Advance(time.Second) // some writes share a second, some do not
		}
		body := map[string]any{"message_type": "close", "type": "admin", "admin_id": me}
		if k%3 == 1 {
			body = map[string]any{"message_type": "comment", "type": "admin", "admin_id": me, "body": "hi"}
		}
		path := "/conversations/" + id + "/parts"
		if k%3 == 1 {
			path = "/conversations/" + id + "/reply"
		}
		e.do("POST", path, body).want(t, 200)
	}
	e.do("PUT", "/conversations/"+order[30], map[string]any{"read": false}).want(t, 200) // an overlay that is not activity
	var all []models.Conversation
	after := ""
	for {
		var list models.ConversationList
		path := "/conversations?per_page=150"
		if after != "" {
			path += "&starting_after=" + after
		}
		e.do("GET", path, nil).want(t, 200).decode(t, &list)
		all = append(all, list.Conversations...)
		if after = list.Pages.NextCursor(); after == "" {
			break
		}
	}
	for _, q := range []struct {
		q    map[string]any
		pred func(models.Conversation) bool
	}{
		{nested, nestedByHand},
		{map[string]any{"field": "state", "operator": "=", "value": "closed"}, func(c models.Conversation) bool { return c.State == "closed" }},
		{map[string]any{"field": "read", "operator": "=", "value": false}, func(c models.Conversation) bool { return !c.Read }},
	} {
		var want []string
		for _, c := range all {
			if q.pred(c) {
				want = append(want, string(c.ID))
			}
		}
		for _, perPage := range []int{1, 4, 150} {
			got, total := searchAll(t, e, "/conversations/search", q.q, perPage)
			if total != len(want) || !slices.Equal(got, want) {
				t.Errorf("%v per_page %d: got %v (total %d)\nwant %v", q.q, perPage, got, total, want)
			}
		}
	}
}

func TestMalformedBodies(t *testing.T) {
	e := newEnv(t, Options{Seed: 1, Size: 10})
	id := e.ws.World().ConversationID(0)
	for _, c := range []struct {
		method, path, body, code string
	}{
		{"POST", "/conversations/search", `{"query":`, "bad_request"},
		{"POST", "/conversations/search", `{"query":{"field":"contact_ids","operator":"IN","value":["a",1]}}`, "parameter_invalid"},
		{"PUT", "/conversations/" + id, `{"read":"yes"}`, "parameter_invalid"},
	} {
		if r := e.doBad(c.method, c.path, c.body); r.status != 400 || r.errorCode(t) != c.code {
			t.Errorf("%s %s %s: %d %s", c.method, c.path, c.body, r.status, r.body)
		}
	}
}
