package api

import (
	"context"
	"errors"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/intercom-tui/intercom-tui/api/fake"
	"github.com/intercom-tui/intercom-tui/api/fake/faults"
	"github.com/intercom-tui/intercom-tui/api/query"
	"github.com/intercom-tui/intercom-tui/clock"
	"github.com/intercom-tui/intercom-tui/models"
)

// workspace is the fake Intercom workspace behind httptest, a client pointed at it, and
// the one fake clock both share (so no test ever really sleeps).
type workspace struct {
	ws  *fake.Workspace
	url string
	c   *Client
	clk *clock.Fake
	me  string // the signed-in admin's id
}

func newWorkspace(t *testing.T, size int, rules ...faults.Rule) *workspace {
	t.Helper()
	clk := clock.NewFake(epoch)
	opts := fake.Options{Seed: 7, Size: size, Token: testToken, Clock: clk}
	if len(rules) > 0 {
		opts.Faults = faults.New(clk, 7)
		if err := opts.Faults.Add(rules...); err != nil {
			t.Fatal(err)
		}
	}
	ws := fake.New(opts)
	srv := httptest.NewServer(ws)
	t.Cleanup(srv.Close)
	c, err := New(WithToken(testToken), WithBaseURL(srv.URL), WithClock(clk))
	if err != nil {
		t.Fatal(err)
	}
	return &workspace{ws: ws, url: srv.URL, c: c, clk: clk, me: string(ws.World().Me().ID)}
}

// (1) Paging GET /conversations to the end of a multi-page list.
func TestFakePagingConversationsToTheEnd(t *testing.T) {
	w := newWorkspace(t, 320)
	ctx := context.Background()
	seen := map[models.ID]int{}
	var pages int
	for cursor := ""; ; {
		p, err := w.c.ListConversations(ctx, 150, cursor)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		if p.TotalCount != 320 {
			t.Errorf("page %d: total_count %d", pages, p.TotalCount)
		}
		for _, conv := range p.Items {
			seen[conv.ID]++
		}
		if p.Next == "" {
			break
		}
		cursor = p.Next
	}
	if pages != 3 || w.ws.Count("GET", "/conversations") != 3 {
		t.Errorf("%d pages in %d requests, want 3", pages, w.ws.Count("GET", "/conversations"))
	}
	world := w.ws.World()
	for i := range world.NumConversations() {
		id := models.ID(world.ConversationID(i))
		if seen[id] != 1 {
			t.Errorf("conversation %s served %d times", id, seen[id])
		}
	}
	if len(seen) != 320 {
		t.Errorf("%d distinct conversations, want 320", len(seen))
	}

	// The iterator gives the same.
	all, err := All(ctx, func(ctx context.Context, cursor string) (Page[models.Conversation], error) {
		return w.c.ListConversations(ctx, 150, cursor)
	})
	if err != nil || len(all) != 320 {
		t.Errorf("All: %d conversations, %v", len(all), err)
	}
}

// (2) A nested search returns exactly the matching conversations; invalid queries never
// reach the server.
func TestFakeNestedSearch(t *testing.T) {
	w := newWorkspace(t, 200)
	ctx := context.Background()
	me, err := strconv.ParseInt(w.me, 10, 64)
	if err != nil {
		t.Fatalf("admin id %q: %v", w.me, err)
	}
	q := query.And(
		query.Field("state").Eq("open"),
		query.Or(query.Field("priority").Eq("priority"), query.Field("admin_assignee_id").Eq(me)),
	)
	match := func(c models.Conversation) bool {
		return c.State == models.StateOpen && (c.Priority == models.PriorityHigh || int64(c.AdminAssigneeID) == me)
	}
	found := map[models.ID]bool{}
	for conv, err := range Iterate(ctx, func(ctx context.Context, cursor string) (Page[models.Conversation], error) {
		return w.c.SearchConversations(ctx, q, 25, cursor)
	}) {
		if err != nil {
			t.Fatal(err)
		}
		if !match(conv) {
			t.Errorf("%s matched: state %s, priority %s, admin %d", conv.ID, conv.State, conv.Priority, conv.AdminAssigneeID)
		}
		found[conv.ID] = true
	}
	// Nothing that matches is missing: compare with the whole list filtered here.
	want := 0
	for conv, err := range w.c.AllConversations(ctx, 150) {
		if err != nil {
			t.Fatal(err)
		}
		if match(conv) {
			want++
			if !found[conv.ID] {
				t.Errorf("%s matches but was not found", conv.ID)
			}
		}
	}
	if want == 0 || len(found) != want {
		t.Errorf("search found %d, the list holds %d matching", len(found), want)
	}

	before := w.ws.Requests()
	sixteen := make([]models.Query, 16)
	for i := range sixteen {
		sixteen[i] = query.Field("admin_assignee_id").Eq(int64(i + 1))
	}
	invalid := map[string]models.Query{
		"depth 3":     query.And(query.Or(query.And(query.Field("state").Eq("open")))),
		"16 filters":  query.Or(sixteen...),
		"~ on a date": query.Field("created_at").Contains("1700"),
	}
	for name, bad := range invalid {
		_, err := w.c.SearchConversations(ctx, bad, 0, "")
		var ve *query.ValidationError
		if !errors.As(err, &ve) {
			t.Errorf("%s: err = %v, want a *query.ValidationError", name, err)
		}
	}
	if got := w.ws.Requests(); got != before {
		t.Errorf("invalid queries sent %d requests", got-before)
	}
}

// (3) Typed errors: 401, 404 and the phone redirect's own shape.
func TestFakeTypedErrors(t *testing.T) {
	w := newWorkspace(t, 50)
	ctx := context.Background()

	wrong, err := New(WithToken("not-the-token"), WithBaseURL(w.url), WithClock(w.clk))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := wrong.Me(ctx); !IsUnauthorized(err) || !HasCode(err, "unauthorized") {
		t.Errorf("wrong token: %v", err)
	}
	if _, err := w.c.Conversation(ctx, "999999999999"); !IsNotFound(err) {
		t.Errorf("unknown conversation: %v", err)
	}
	_, err = w.c.PhoneRedirect(ctx, "12345", nil)
	var pe *PhoneRedirectError
	if !errors.As(err, &pe) || pe.ErrorKey != "invalid_phone_number" || pe.HTTPStatus != 400 {
		t.Errorf("phone 12345: %T %v", err, err)
	}
	if n := w.ws.Count("POST", "/phone_call_redirects"); n != 1 {
		t.Errorf("redirect sent %d times", n)
	}

	sw, err := w.c.PhoneRedirect(ctx, "+353832345678", map[string]any{"issue_type": "Billing"})
	if err != nil || sw.Type != "phone_call_redirect" {
		t.Fatalf("redirect: %+v, %v", sw, err)
	}
	if sms := w.ws.SMSSent(); len(sms) != 1 || sms[0] != "+353832345678" {
		t.Errorf("SMS sent to %v", sms)
	}
}

// (4) A 429 burst is waited out on the fake clock until the reset.
func TestFakeRateLimitBurstRecovers(t *testing.T) {
	const resetIn = 4 * time.Second
	w := newWorkspace(t, 50, faults.Rule{Kind: faults.RateLimit, Pattern: "*", Count: 3, ResetAfter: resetIn})
	start := w.clk.Now()
	me, err := w.c.Me(context.Background())
	if err != nil {
		t.Fatalf("Me after a 429 burst: %v", err)
	}
	if string(me.ID) != w.me {
		t.Errorf("Me = %s", me.ID)
	}
	if n := w.ws.Count("GET", "/me"); n != 4 {
		t.Errorf("GET /me sent %d times, want 3 refused + 1", n)
	}
	// Each 429 names a reset resetIn ahead of the clock, so the client waited at least
	// three times that, on the fake clock only.
	slept, _ := w.clk.Slept()
	if slept < 3*resetIn || w.clk.Now().Sub(start) < 3*resetIn {
		t.Errorf("slept %v (clock moved %v), want at least %v", slept, w.clk.Now().Sub(start), 3*resetIn)
	}
}

// (5) A reply that met a 500 is not resent; the user's second try sends once.
func TestFakeReplyAfter500IsNotResent(t *testing.T) {
	w := newWorkspace(t, 50, faults.Rule{Kind: faults.Status, Method: "POST", Pattern: "/conversations/*/reply", Count: 1})
	ctx := context.Background()
	id := w.ws.World().ConversationID(3)
	parts := func() int {
		conv, err := w.c.Conversation(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return len(conv.Parts())
	}
	before := parts()

	_, err := w.c.Reply(ctx, id, w.me, "<p>On it.</p>")
	if !IsServerError(err) {
		t.Fatalf("first reply: %v, want a 5xx", err)
	}
	if n := w.ws.Count("POST", "/conversations/{id}/reply"); n != 1 {
		t.Errorf("reply POSTed %d times after a 500, want 1", n)
	}
	if got := parts(); got != before {
		t.Errorf("parts %d → %d after the failed reply", before, got)
	}

	conv, err := w.c.Reply(ctx, id, w.me, "<p>On it.</p>")
	if err != nil {
		t.Fatalf("second reply: %v", err)
	}
	if n := w.ws.Count("POST", "/conversations/{id}/reply"); n != 2 {
		t.Errorf("reply POSTed %d times in all, want 2", n)
	}
	ps := conv.Parts()
	if len(ps) != before+1 {
		t.Fatalf("parts %d → %d, want exactly one new", before, len(ps))
	}
	last := ps[len(ps)-1]
	if last.PartType != models.MessageComment || last.Body != "<p>On it.</p>" || string(last.Author.ID) != w.me {
		t.Errorf("new part = %+v", last)
	}
	if got := parts(); got != before+1 {
		t.Errorf("read back %d parts, want %d", got, before+1)
	}
}
