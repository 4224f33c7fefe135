package api

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3filter"

	"github.com/intercom-tui/intercom-tui/api/fake/spectest"
	"github.com/intercom-tui/intercom-tui/api/query"
	"github.com/intercom-tui/intercom-tui/models"
)

// stub answers every request with the canned body of the current case (or, first, the
// queued bodies in order) and keeps what the client sent.
type stub struct {
	*httptest.Server
	mu     sync.Mutex
	answer string
	status int
	queued []string
	sent   []sentRequest
}

type sentRequest struct {
	req  *http.Request
	body []byte
}

func newStub(t *testing.T) *stub {
	t.Helper()
	s := &stub{status: 200}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.sent = append(s.sent, sentRequest{r.Clone(context.Background()), body})
		answer, status := s.answer, s.status
		if len(s.queued) > 0 {
			answer, status, s.queued = s.queued[0], 200, s.queued[1:]
		}
		s.mu.Unlock()
		writeJSON(w, status, answer)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *stub) set(status int, answer string) {
	s.mu.Lock()
	s.status, s.answer = status, answer
	s.mu.Unlock()
}

// queue makes the next requests answer 200 with these bodies, in order.
func (s *stub) queue(answers ...string) {
	s.mu.Lock()
	s.queued = append(s.queued, answers...)
	s.mu.Unlock()
}

func (s *stub) requests() []sentRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]sentRequest(nil), s.sent...)
}

// jsonEqual compares two JSON texts as values.
func jsonEqual(t *testing.T, got []byte, want string) bool {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Errorf("sent body %q is not JSON: %v", got, err)
		return false
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("bad expected body %q: %v", want, err)
	}
	return reflect.DeepEqual(g, w)
}

const (
	convJSON   = `{"type":"conversation","id":"7","state":"open","priority":"not_priority"}`
	tagJSON    = `{"type":"tag","id":"89","name":"VIP"}`
	ticketJSON = `{"type":"ticket","id":"447","ticket_state":"resolved","admin_assignee_id":"0","team_assignee_id":"0"}`
	emptyList  = `{"type":"list","data":[]}`
)

// TestEveryEndpointRequestShape calls every method once against a stub and checks the
// method, path, query, Intercom-Version and body it sent; it validates each request
// against the spec (2.10 for ticket search) and checks that the requests cover
// api.Endpoints exactly, so the table and the methods cannot drift apart.
func TestEveryEndpointRequestShape(t *testing.T) {
	srv := newStub(t)
	c, clk := newTestClient(t, srv.URL)
	ctx := context.Background()
	until := clk.Now().Add(2 * time.Hour)
	q := query.And(query.Field("state").Eq("open"))

	cases := []struct {
		name, answer      string
		call              func() (any, error)
		method, path, raw string // raw is the expected query string
		body              string // expected JSON body; "" for none
	}{
		{"Me", `{"type":"admin","id":"1","app":{"id_code":"abc"}}`, func() (any, error) { return c.Me(ctx) }, "GET", "/me", "", ""},
		{"Admins", `{"type":"admin.list","admins":[{"id":"1"}]}`, func() (any, error) { return c.Admins(ctx) }, "GET", "/admins", "", ""},
		{"Admin", `{"type":"admin","id":"1"}`, func() (any, error) { return c.Admin(ctx, "1") }, "GET", "/admins/1", "", ""},
		{"Teams", `{"type":"team.list","teams":[]}`, func() (any, error) { return c.Teams(ctx) }, "GET", "/teams", "", ""},
		{"Team", `{"type":"team","id":"5"}`, func() (any, error) { return c.Team(ctx, "5") }, "GET", "/teams/5", "", ""},
		{"Tags", emptyList, func() (any, error) { return c.Tags(ctx) }, "GET", "/tags", "", ""},
		{"CreateTag", tagJSON, func() (any, error) { return c.CreateTag(ctx, "VIP") }, "POST", "/tags", "", `{"name":"VIP"}`},
		{"Segments", `{"type":"segment.list","segments":[]}`, func() (any, error) { return c.Segments(ctx) }, "GET", "/segments", "include_count=true", ""},

		{"ListConversations", `{"type":"conversation.list","conversations":[]}`, func() (any, error) { return c.ListConversations(ctx, 500, "cur") }, "GET", "/conversations", "per_page=150&starting_after=cur", ""},
		{"SearchConversations", `{"type":"conversation.list","conversations":[]}`, func() (any, error) { return c.SearchConversations(ctx, q, 50, "") }, "POST", "/conversations/search", "",
			`{"query":{"operator":"AND","value":[{"field":"state","operator":"=","value":"open"}]},"pagination":{"per_page":50}}`},
		{"Conversation", convJSON, func() (any, error) { return c.Conversation(ctx, "7") }, "GET", "/conversations/7", "", ""},
		{"MarkRead", convJSON, func() (any, error) { return c.MarkRead(ctx, "7") }, "PUT", "/conversations/7", "", `{"read":true}`},
		{"Reply", convJSON, func() (any, error) { return c.Reply(ctx, "7", "1", "<p>Hi</p>") }, "POST", "/conversations/7/reply", "",
			`{"message_type":"comment","type":"admin","admin_id":"1","body":"<p>Hi</p>"}`},
		{"Note", convJSON, func() (any, error) { return c.Note(ctx, "7", "1", "<b>fyi</b>") }, "POST", "/conversations/7/reply", "",
			`{"message_type":"note","type":"admin","admin_id":"1","body":"<b>fyi</b>"}`},
		{"ReplyAsContact", convJSON, func() (any, error) { return c.ReplyAsContact(ctx, "7", "6657aad66abd0164c24b0d0c", "thanks") }, "POST", "/conversations/7/reply", "",
			`{"message_type":"comment","type":"user","intercom_user_id":"6657aad66abd0164c24b0d0c","body":"thanks"}`},
		{"Close", convJSON, func() (any, error) { return c.Close(ctx, "7", "1", "") }, "POST", "/conversations/7/parts", "",
			`{"message_type":"close","type":"admin","admin_id":"1"}`},
		{"CloseWithBody", convJSON, func() (any, error) { return c.Close(ctx, "7", "1", "Bye") }, "POST", "/conversations/7/parts", "",
			`{"message_type":"close","type":"admin","admin_id":"1","body":"Bye"}`},
		{"Snooze", convJSON, func() (any, error) { return c.Snooze(ctx, "7", "1", until) }, "POST", "/conversations/7/parts", "",
			`{"message_type":"snoozed","admin_id":"1","snoozed_until":` + itoa(until.Unix()) + `}`},
		{"Open", convJSON, func() (any, error) { return c.Open(ctx, "7", "1") }, "POST", "/conversations/7/parts", "",
			`{"message_type":"open","admin_id":"1"}`},
		{"AssignTeam", convJSON, func() (any, error) { return c.Assign(ctx, "7", "1", AssignTeam("5"), "") }, "POST", "/conversations/7/parts", "",
			`{"message_type":"assignment","type":"team","admin_id":"1","assignee_id":"5"}`},
		{"Unassign", convJSON, func() (any, error) { return c.Assign(ctx, "7", "1", UnassignAdmin, "Passing on") }, "POST", "/conversations/7/parts", "",
			`{"message_type":"assignment","type":"admin","admin_id":"1","assignee_id":"0","body":"Passing on"}`},
		{"AttachTag", tagJSON, func() (any, error) { return c.AttachTag(ctx, "7", "89", "1") }, "POST", "/conversations/7/tags", "", `{"id":"89","admin_id":"1"}`},
		{"DetachTag", tagJSON, func() (any, error) { return c.DetachTag(ctx, "7", "89", "1") }, "DELETE", "/conversations/7/tags/89", "", `{"admin_id":"1"}`},

		{"ListContacts", `{"type":"list","data":[]}`, func() (any, error) { return c.ListContacts(ctx, 0, "") }, "GET", "/contacts", "", ""},
		{"SearchContacts", `{"type":"list","data":[]}`, func() (any, error) {
			return c.SearchContacts(ctx, query.Field("email").Eq("a@b.c"), 0, "cur")
		}, "POST", "/contacts/search", "", `{"query":{"field":"email","operator":"=","value":"a@b.c"},"pagination":{"starting_after":"cur"}}`},
		{"Contact", `{"type":"contact","id":"c1"}`, func() (any, error) { return c.Contact(ctx, "c1") }, "GET", "/contacts/c1", "", ""},
		{"ContactCompanies", `{"type":"list","data":[{"type":"company","id":"co1"}]}`, func() (any, error) { return c.ContactCompanies(ctx, "c1") }, "GET", "/contacts/c1/companies", "", ""},
		{"ContactTags", emptyList, func() (any, error) { return c.ContactTags(ctx, "c1") }, "GET", "/contacts/c1/tags", "", ""},
		{"ContactSegments", emptyList, func() (any, error) { return c.ContactSegments(ctx, "c1") }, "GET", "/contacts/c1/segments", "", ""},
		{"ContactNotes", emptyList, func() (any, error) { return c.ContactNotes(ctx, "c1", "n2") }, "GET", "/contacts/c1/notes", "starting_after=n2", ""},
		{"CreateNote", `{"type":"note","id":"30","body":"<p>x</p>"}`, func() (any, error) { return c.CreateNote(ctx, "c1", "1", "<p>x</p>") }, "POST", "/contacts/c1/notes", "",
			`{"body":"<p>x</p>","admin_id":"1"}`},

		{"TicketTypes", `{"type":"ticket_type.list","ticket_types":[]}`, func() (any, error) { return c.TicketTypes(ctx) }, "GET", "/ticket_types", "", ""},
		{"Ticket", ticketJSON, func() (any, error) { return c.Ticket(ctx, "447") }, "GET", "/tickets/447", "", ""},
		{"UpdateTicket", ticketJSON, func() (any, error) {
			shared := true
			return c.UpdateTicket(ctx, "447", models.UpdateTicketRequest{
				TicketAttributes: map[string]any{"_default_title_": "x"}, IsShared: &shared,
			})
		}, "PUT", "/tickets/447", "", `{"ticket_attributes":{"_default_title_":"x"},"is_shared":true}`},
		{"SetTicketState", ticketJSON, func() (any, error) { return c.SetTicketState(ctx, "447", models.TicketResolved) }, "PUT", "/tickets/447", "", `{"state":"resolved"}`},
		{"AssignTicket", ticketJSON, func() (any, error) { return c.AssignTicket(ctx, "447", "1", "0") }, "PUT", "/tickets/447", "",
			`{"assignment":{"admin_id":"1","assignee_id":"0"}}`},
		{"TicketNote", `{"type":"ticket_part","id":"9","part_type":"note","body":"<p>n</p>"}`, func() (any, error) { return c.TicketNote(ctx, "447", "1", "<p>n</p>") }, "POST", "/tickets/447/reply", "",
			`{"message_type":"note","admin_id":"1","body":"<p>n</p>"}`},
		{"SearchTickets", `{"type":"ticket.list","tickets":[]}`, func() (any, error) {
			return c.SearchTickets(ctx, query.Field("state").Eq("in_progress"), 0, "")
		}, "POST", "/tickets/search", "", `{"query":{"field":"state","operator":"=","value":"in_progress"}}`},

		{"ListArticles", `{"type":"list","data":[]}`, func() (any, error) { return c.ListArticles(ctx, "") }, "GET", "/articles", "", ""},
		{"Article", `{"type":"article","id":"a1"}`, func() (any, error) { return c.Article(ctx, "42") }, "GET", "/articles/42", "", ""},
		{"HelpCenters", emptyList, func() (any, error) { return c.HelpCenters(ctx) }, "GET", "/help_center/help_centers", "", ""},
		{"ListCollections", emptyList, func() (any, error) { return c.ListCollections(ctx, "k") }, "GET", "/help_center/collections", "starting_after=k", ""},
		{"ListSections", emptyList, func() (any, error) { return c.ListSections(ctx, "") }, "GET", "/help_center/sections", "", ""},

		{"PhoneRedirect", `{"type":"phone_call_redirect","url":"http://via.intercom.io/msgr/x"}`, func() (any, error) {
			return c.PhoneRedirect(ctx, "+353832345678", map[string]any{"issue_type": "Billing"})
		}, "POST", "/phone_call_redirects", "", `{"phone":"+353832345678","custom_attributes":{"issue_type":"Billing"}}`},
	}

	validators := map[string]*spectest.Validator{
		Version:             spectest.NewValidator(t, Version, srv.URL),
		TicketSearchVersion: spectest.NewValidator(t, TicketSearchVersion, srv.URL),
	}
	hit := map[string]bool{}
	for _, tc := range cases {
		srv.set(200, tc.answer)
		before := len(srv.requests())
		out, err := tc.call()
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if v := reflect.ValueOf(out); v.Kind() == reflect.Pointer && v.IsNil() {
			t.Errorf("%s: nil result", tc.name)
		}
		sent := srv.requests()[before:]
		if len(sent) != 1 {
			t.Errorf("%s: sent %d requests, want 1", tc.name, len(sent))
			continue
		}
		r := sent[0]
		if r.req.Method != tc.method || r.req.URL.Path != tc.path || r.req.URL.RawQuery != tc.raw {
			t.Errorf("%s: sent %s %s?%s, want %s %s?%s", tc.name, r.req.Method, r.req.URL.Path, r.req.URL.RawQuery, tc.method, tc.path, tc.raw)
		}
		switch {
		case tc.body == "" && len(r.body) > 0:
			t.Errorf("%s: sent body %s, want none", tc.name, r.body)
		case tc.body != "" && !jsonEqual(t, r.body, tc.body):
			t.Errorf("%s: sent body\n %s\nwant\n %s", tc.name, r.body, tc.body)
		}
		version := r.req.Header.Get("Intercom-Version")
		v := validators[version]
		if v == nil {
			t.Errorf("%s: Intercom-Version %q", tc.name, version)
			continue
		}
		route, err := v.Route(r.req)
		if err != nil {
			t.Errorf("%s: %s %s matches no %s operation: %v", tc.name, r.req.Method, r.req.URL.Path, version, err)
			continue
		}
		hit[route+" "+version] = true
		// Only the request is under test here; the canned answers are deliberately small.
		err = v.Check(r.req, r.body, 200, http.Header{"Content-Type": {"application/json"}}, []byte(tc.answer))
		var reqErr *openapi3filter.RequestError
		if errors.As(err, &reqErr) && !specTypesContactIDAsInteger(route, reqErr) {
			t.Errorf("%s: request breaks the %s spec: %v", tc.name, version, err)
		}
	}

	var want, got []string
	for _, ep := range Endpoints {
		want = append(want, ep.Method+" "+ep.Path+" "+ep.Version)
	}
	for k := range hit {
		got = append(got, k)
	}
	sort.Strings(want)
	sort.Strings(got)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("requests cover\n %v\napi.Endpoints lists\n %v", got, want)
	}
}

// specTypesContactIDAsInteger excuses one known spec bug: GET and POST
// /contacts/{id}/notes type the contact id as an integer, while contact ids are strings
// (the same operation's examples use "6657aad66abd0164c24b0d0c").
func specTypesContactIDAsInteger(route string, err *openapi3filter.RequestError) bool {
	return (route == "GET /contacts/{id}/notes" || route == "POST /contacts/{id}/notes") &&
		err.Parameter != nil && err.Parameter.Name == "id"
}

func itoa(n int64) string { b, _ := json.Marshal(n); return string(b) }
