package contract

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/api/fake"
	"github.com/intercom-tui/intercom-tui/api/fake/spectest"
	"github.com/intercom-tui/intercom-tui/api/query"
	"github.com/intercom-tui/intercom-tui/models"
)

// recorder is a RoundTripper that validates every exchange against the spec of the
// version the request declares (2.9, or 2.10 for ticket search) and remembers which
// operation each request was.
type recorder struct {
	t          *testing.T
	next       http.RoundTripper
	validators map[string]*spectest.Validator

	mu       sync.Mutex
	seen     map[string]int
	failures []string
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	var reqBody []byte
	if req.Body != nil {
		reqBody, _ = io.ReadAll(req.Body)
		req.Body = io.NopCloser(bytes.NewReader(reqBody))
	}
	resp, err := r.next.RoundTrip(req)
	if err != nil {
		return resp, err
	}
	respBody, _ := io.ReadAll(resp.Body)
	resp.Body = io.NopCloser(bytes.NewReader(respBody))

	version := req.Header.Get("Intercom-Version")
	v := r.validators[version]
	r.mu.Lock()
	defer r.mu.Unlock()
	if v == nil {
		r.failures = append(r.failures, fmt.Sprintf("%s %s: Intercom-Version %q is not one the client may send", req.Method, req.URL.Path, version))
		return resp, nil
	}
	route, rerr := v.Route(req)
	if rerr != nil {
		r.failures = append(r.failures, fmt.Sprintf("%s %s: no such operation in the %s spec: %v", req.Method, req.URL.Path, version, rerr))
		return resp, nil
	}
	r.seen[route+" "+version]++
	if verr := v.Check(req, reqBody, resp.StatusCode, resp.Header, respBody); verr != nil {
		r.failures = append(r.failures, fmt.Sprintf("%s (%s) → %d: %v\n  request: %s\n  response: %.400s", route, version, resp.StatusCode, verr, reqBody, respBody))
	}
	return resp, nil
}

// TestClientAgainstFakeValidates drives every client method against the fake workspace
// and validates each request and response with openapi3filter: no violations, and every
// endpoint in api.Endpoints exercised.
func TestClientAgainstFakeValidates(t *testing.T) {
	ws := fake.New(fake.Options{Seed: 7, Size: 60})
	srv := httptest.NewServer(ws)
	defer srv.Close()
	rec := &recorder{
		t:    t,
		next: http.DefaultTransport,
		validators: map[string]*spectest.Validator{
			api.Version:             spectest.NewValidator(t, api.Version, srv.URL),
			api.TicketSearchVersion: spectest.NewValidator(t, api.TicketSearchVersion, srv.URL),
		},
		seen: map[string]int{},
	}
	client, err := api.New(api.WithToken(ws.Token()), api.WithBaseURL(srv.URL), api.WithHTTPClient(&http.Client{Transport: rec}))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}

	me, err := client.Me(ctx)
	must("Me", err)
	admin := string(me.ID)
	admins, err := client.Admins(ctx)
	must("Admins", err)
	_, err = client.Admin(ctx, string(admins[1].ID))
	must("Admin", err)
	teams, err := client.Teams(ctx)
	must("Teams", err)
	_, err = client.Team(ctx, string(teams[0].ID))
	must("Team", err)
	tags, err := client.Tags(ctx)
	must("Tags", err)
	newTag, err := client.CreateTag(ctx, "contract-test")
	must("CreateTag", err)
	_, err = client.Segments(ctx)
	must("Segments", err)

	page, err := client.ListConversations(ctx, 20, "")
	must("ListConversations", err)
	_, err = client.ListConversations(ctx, 20, page.Next)
	must("ListConversations page 2", err)
	open, err := client.SearchConversations(ctx, query.And(
		query.Field("state").Eq(models.StateOpen),
		query.Or(query.Field("priority").Eq(models.PriorityHigh), query.Field("read").Eq(false)),
	), 5, "")
	must("SearchConversations", err)
	if len(open.Items) == 0 {
		t.Fatal("no open conversation to work on")
	}
	conv := open.Items[0]
	id := string(conv.ID)
	full, err := client.Conversation(ctx, id)
	must("Conversation", err)
	_, err = client.MarkRead(ctx, id)
	must("MarkRead", err)
	_, err = client.Reply(ctx, id, admin, "<p>Thanks, looking now</p>")
	must("Reply", err)
	_, err = client.Note(ctx, id, admin, "<p>checked logs</p>")
	must("Note", err)
	if cids := full.ContactIDs(); len(cids) > 0 {
		_, err = client.ReplyAsContact(ctx, id, string(cids[0]), "<p>any news?</p>")
		must("ReplyAsContact", err)
	}
	_, err = client.Assign(ctx, id, admin, api.AssignTeam(string(teams[0].ID)), "")
	must("Assign team", err)
	_, err = client.Assign(ctx, id, admin, api.AssignAdmin(admin), "<p>mine</p>")
	must("Assign admin", err)
	_, err = client.Snooze(ctx, id, admin, time.Now().Add(24*time.Hour))
	must("Snooze", err)
	_, err = client.Open(ctx, id, admin)
	must("Open", err)
	_, err = client.AttachTag(ctx, id, string(tags[0].ID), admin)
	must("AttachTag", err)
	_, err = client.DetachTag(ctx, id, string(tags[0].ID), admin)
	must("DetachTag", err)
	_, err = client.AttachTag(ctx, id, string(newTag.ID), admin)
	must("AttachTag new", err)
	_, err = client.Close(ctx, id, admin, "<p>solved</p>")
	must("Close", err)

	contacts, err := client.ListContacts(ctx, 10, "")
	must("ListContacts", err)
	found, err := client.SearchContacts(ctx, query.Or(
		query.Field("email").Contains("@"),
		query.Field("name").StartsWith("A"),
	), 10, "")
	must("SearchContacts", err)
	if len(found.Items) == 0 || len(contacts.Items) == 0 {
		t.Fatal("no contacts")
	}
	cid := string(contacts.Items[0].ID)
	_, err = client.Contact(ctx, cid)
	must("Contact", err)
	_, err = client.ContactCompanies(ctx, cid)
	must("ContactCompanies", err)
	_, err = client.ContactTags(ctx, cid)
	must("ContactTags", err)
	_, err = client.ContactSegments(ctx, cid)
	must("ContactSegments", err)
	_, err = client.ContactNotes(ctx, cid, "")
	must("ContactNotes", err)
	_, err = client.CreateNote(ctx, cid, admin, "<p>called back</p>")
	must("CreateNote", err)

	types, err := client.TicketTypes(ctx)
	must("TicketTypes", err)
	tickets, err := client.SearchTickets(ctx, query.Field("ticket_type_id").Eq(string(types[0].ID)), 10, "")
	must("SearchTickets", err)
	if len(tickets.Items) == 0 {
		tickets, err = client.SearchTickets(ctx, query.Field("open").Eq(true), 10, "")
		must("SearchTickets open", err)
	}
	if len(tickets.Items) == 0 {
		t.Fatal("no tickets")
	}
	tid := string(tickets.Items[0].ID)
	_, err = client.Ticket(ctx, tid)
	must("Ticket", err)
	_, err = client.SetTicketState(ctx, tid, models.TicketWaitingOnCustomer)
	must("SetTicketState", err)
	_, err = client.AssignTicket(ctx, tid, admin, string(admins[1].ID))
	must("AssignTicket", err)
	_, err = client.TicketNote(ctx, tid, admin, "<p>asked for logs</p>")
	must("TicketNote", err)

	arts, err := client.ListArticles(ctx, "")
	must("ListArticles", err)
	_, err = client.Article(ctx, string(arts.Items[0].ID))
	must("Article", err)
	_, err = client.HelpCenters(ctx)
	must("HelpCenters", err)
	_, err = client.ListCollections(ctx, "")
	must("ListCollections", err)
	_, err = client.ListSections(ctx, "")
	must("ListSections", err)

	_, err = client.PhoneRedirect(ctx, "+353832345678", map[string]any{"issue_type": "Billing", "priority": "High"})
	must("PhoneRedirect", err)
	if _, err := client.PhoneRedirect(ctx, "12345", nil); !api.HasCode(err, "invalid_phone_number") {
		t.Fatalf("PhoneRedirect 12345: %v", err)
	}
	if _, err := client.Conversation(ctx, "999999999999"); !api.IsNotFound(err) {
		t.Fatalf("unknown conversation: %v", err)
	}

	rec.mu.Lock()
	defer rec.mu.Unlock()
	for _, f := range rec.failures {
		t.Error(f)
	}
	var missing []string
	for _, ep := range api.Endpoints {
		if rec.seen[ep.Method+" "+ep.Path+" "+ep.Version] == 0 {
			missing = append(missing, ep.Method+" "+ep.Path)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("endpoints the client has but this test never called:\n  %s", strings.Join(missing, "\n  "))
	}
	known := map[string]bool{}
	for _, ep := range api.Endpoints {
		known[ep.Method+" "+ep.Path+" "+ep.Version] = true
	}
	for route := range rec.seen {
		if !known[route] {
			t.Errorf("the client called %s, which api.Endpoints does not list", route)
		}
	}
}
