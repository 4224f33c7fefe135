package api

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/intercom-tui/intercom-tui/api/query"
	"github.com/intercom-tui/intercom-tui/models"
)

// TestRefusedBeforeSending: calls that Intercom would refuse, or that would hit another
// endpoint (an empty id), fail with a clear error and send nothing.
func TestRefusedBeforeSending(t *testing.T) {
	srv := newStub(t)
	c, clk := newTestClient(t, srv.URL)
	ctx := context.Background()
	deep := query.And(query.Or(query.And(query.Field("state").Eq("open"))))

	cases := []struct {
		name string
		call func() error
		want string // substring of the error
	}{
		{"empty conversation id", func() error { _, err := c.Conversation(ctx, " "); return err }, "conversation id is required"},
		{"reply without admin", func() error { _, err := c.Reply(ctx, "7", "", "hi"); return err }, "admin id is required"},
		{"reply without body", func() error { _, err := c.Reply(ctx, "7", "1", ""); return err }, "reply body is required"},
		{"note without body", func() error { _, err := c.Note(ctx, "7", "1", " \n"); return err }, "reply body is required"},
		{"contact reply without contact", func() error { _, err := c.ReplyAsContact(ctx, "7", "", "x"); return err }, "contact id is required"},
		{"close without admin", func() error { _, err := c.Close(ctx, "7", "", ""); return err }, "admin id is required"},
		{"snooze in the past", func() error { _, err := c.Snooze(ctx, "7", "1", clk.Now().Add(-time.Minute)); return err }, "not in the future"},
		{"snooze zero time", func() error { _, err := c.Snooze(ctx, "7", "1", time.Time{}); return err }, "not in the future"},
		{"assign to nobody", func() error { _, err := c.Assign(ctx, "7", "1", Assignee{Type: "admin"}, ""); return err }, "assignee id is required"},
		{"assign to a bot", func() error { _, err := c.Assign(ctx, "7", "1", Assignee{Type: "bot", ID: "3"}, ""); return err }, "neither admin nor team"},
		{"detach without tag", func() error { _, err := c.DetachTag(ctx, "7", "", "1"); return err }, "tag id is required"},
		{"ticket to submitted", func() error { _, err := c.SetTicketState(ctx, "447", models.TicketSubmitted); return err }, `state "submitted"`},
		{"ticket to unknown state", func() error {
			_, err := c.UpdateTicket(ctx, "447", models.UpdateTicketRequest{State: "open"})
			return err
		}, `state "open"`},
		{"ticket assignment without assignee", func() error { _, err := c.AssignTicket(ctx, "447", "1", ""); return err }, "assignee id is required"},
		{"ticket note without body", func() error { _, err := c.TicketNote(ctx, "447", "1", ""); return err }, "note body is required"},
		{"contact note without admin", func() error { _, err := c.CreateNote(ctx, "c1", "", "x"); return err }, "admin id is required"},
		{"redirect without phone", func() error { _, err := c.PhoneRedirect(ctx, "", nil); return err }, "phone number is required"},
		{"empty tag name", func() error { _, err := c.CreateTag(ctx, ""); return err }, "tag name is required"},
		{"deep conversation search", func() error { _, err := c.SearchConversations(ctx, deep, 0, ""); return err }, ""},
		{"unknown contact field", func() error {
			_, err := c.SearchContacts(ctx, query.Field("nope").Eq("x"), 0, "")
			return err
		}, `unknown field "nope"`},
		{"conversation field in ticket search", func() error {
			_, err := c.SearchTickets(ctx, query.Field("priority").Eq("priority"), 0, "")
			return err
		}, `unknown field "priority"`},
	}
	for _, tc := range cases {
		err := tc.call()
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want one containing %q", tc.name, err, tc.want)
		}
	}
	if n := len(srv.requests()); n != 0 {
		t.Errorf("refused calls sent %d requests", n)
	}

	// Missing arguments are recognisable; query refusals are the query package's error.
	_, err := c.Ticket(ctx, "")
	if !errors.Is(err, ErrMissingArgument) {
		t.Errorf("Ticket(\"\"): %v is not ErrMissingArgument", err)
	}
	_, err = c.SearchConversations(ctx, deep, 0, "")
	var ve *query.ValidationError
	if !errors.As(err, &ve) {
		t.Errorf("deep search: %T %v is not a *query.ValidationError", err, err)
	}
}

func TestPerPageClampAndDefaults(t *testing.T) {
	srv := newStub(t)
	c, _ := newTestClient(t, srv.URL)
	ctx := context.Background()
	srv.set(200, `{"type":"conversation.list","conversations":[]}`)
	for _, n := range []int{-1, 0, 1, 150, 151} {
		if _, err := c.ListConversations(ctx, n, ""); err != nil {
			t.Fatal(err)
		}
		if _, err := c.SearchConversations(ctx, query.Field("open").Eq(true), n, ""); err != nil {
			t.Fatal(err)
		}
	}
	var lists, searches []string
	for _, r := range srv.requests() {
		if r.req.Method == "GET" {
			lists = append(lists, r.req.URL.RawQuery)
		} else {
			searches = append(searches, string(r.body))
		}
	}
	wantLists := []string{"", "", "per_page=1", "per_page=150", "per_page=150"}
	if strings.Join(lists, "|") != strings.Join(wantLists, "|") {
		t.Errorf("list queries %q, want %q", lists, wantLists)
	}
	const q = `{"query":{"field":"open","operator":"=","value":true}`
	wantSearches := []string{q + `}`, q + `}`, q + `,"pagination":{"per_page":1}}`,
		q + `,"pagination":{"per_page":150}}`, q + `,"pagination":{"per_page":150}}`}
	if strings.Join(searches, "|") != strings.Join(wantSearches, "|") {
		t.Errorf("search bodies\n %q\nwant\n %q", searches, wantSearches)
	}
}

func TestPageCarriesCursorAndTotal(t *testing.T) {
	srv := newStub(t)
	c, _ := newTestClient(t, srv.URL)
	srv.set(200, `{"type":"list","total_count":3,"data":[{"type":"contact","id":"a"},{"type":"contact","id":"b"}],
		"pages":{"type":"pages","page":1,"per_page":2,"total_pages":2,"next":{"per_page":2,"starting_after":"WzE3MF0="}}}`)
	p, err := c.ListContacts(context.Background(), 2, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 2 || p.Items[1].ID != "b" || p.TotalCount != 3 || p.Next != "WzE3MF0=" {
		t.Errorf("page = %+v", p)
	}
	srv.set(200, `{"type":"list","total_count":3,"data":[{"type":"contact","id":"c"}],"pages":{"type":"pages","page":2,"per_page":2,"total_pages":2,"next":null}}`)
	p, err = c.ListContacts(context.Background(), 2, "WzE3MF0=")
	if err != nil || p.Next != "" || len(p.Items) != 1 {
		t.Errorf("last page = %+v, %v", p, err)
	}
	if got := srv.requests()[1].req.URL.RawQuery; got != "per_page=2&starting_after=WzE3MF0%3D" {
		t.Errorf("second query = %q", got)
	}
}

func TestContactCompaniesFollowsLinkPages(t *testing.T) {
	srv := newStub(t)
	c, _ := newTestClient(t, srv.URL)
	ctx := context.Background()
	page := func(ids, next string) string {
		return `{"type":"list","data":[` + ids + `],"pages":{"type":"pages","page":1,"per_page":1,"total_pages":2,"next":` + next + `}}`
	}
	answers := []string{
		page(`{"type":"company","id":"co1"}`, `"https://api.intercom.io/contacts/c%2F1/companies?page=2&per_page=1"`),
		page(`{"type":"company","id":"co2"}`, `null`),
	}
	srv.queue(answers...)
	got, err := c.ContactCompanies(ctx, "c/1")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != "co1" || got[1].ID != "co2" {
		t.Fatalf("companies = %+v", got)
	}
	reqs := srv.requests()
	if len(reqs) != 2 || reqs[1].req.URL.EscapedPath() != "/contacts/c%2F1/companies" || reqs[1].req.URL.RawQuery != "page=2&per_page=1" {
		t.Errorf("follow-up = %s?%s", reqs[1].req.URL.EscapedPath(), reqs[1].req.URL.RawQuery)
	}

	// A next link to another list is not followed.
	srv.queue(page(`{"type":"company","id":"co1"}`, `"https://evil.example/admins?page=2"`))
	if _, err := c.ContactCompanies(ctx, "c1"); err == nil || !strings.Contains(err.Error(), "not on the same list") {
		t.Errorf("foreign link: %v", err)
	}
}
