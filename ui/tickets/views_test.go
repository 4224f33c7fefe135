package tickets

import (
	"context"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api/fake/faults"
	"github.com/intercom-tui/intercom-tui/models"
)

// faultOnce answers the next request to method and pattern with status.
func faultOnce(method, pattern string, status int) faults.Rule {
	return faults.Rule{Kind: faults.Status, Code: status, Method: method, Pattern: pattern, Count: 1}
}

// worldTickets are the seeded tickets that satisfy ok (no writes have happened yet).
func worldTickets(h *harness, ok func(t *models.Ticket) bool) []string {
	w := h.ws.World()
	var out []string
	for i := range w.NumTickets() {
		t := w.Ticket(i)
		if ok(&t) {
			out = append(out, string(t.ID))
		}
	}
	slices.Sort(out)
	return out
}

func isOpen(t *models.Ticket) bool { return t.TicketState != models.TicketResolved }

// loadAll pages the active view to its end.
func (h *harness) loadAll() {
	h.t.Helper()
	for range 20 {
		if v := h.p.activeView(); v.next == "" && !v.pending {
			return
		}
		h.press("G")
	}
	h.t.Fatal("the view never finished paging")
}

// lastSearchQuery is the query of the latest ticket search, as JSON.
func (h *harness) lastSearchQuery() string {
	h.t.Helper()
	s := h.requests("POST", "/tickets/search")
	if len(s) == 0 {
		h.t.Fatal("no ticket search was sent")
	}
	var body struct {
		Query json.RawMessage `json:"query"`
	}
	if err := json.Unmarshal(s[len(s)-1].body, &body); err != nil {
		h.t.Fatal(err)
	}
	return compactJSON(h.t, body.Query)
}

func compactJSON(t *testing.T, raw []byte) string {
	t.Helper()
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func TestViewsSearchTheirQueriesOnVersion210(t *testing.T) {
	h := newHarness(t, 80, 24)
	var names []string
	for _, v := range h.p.views {
		names = append(names, v.def.name)
	}
	want := []string{"Open", "Mine", "Resolved", "🐞 Bug report", "💡 Feature request", "💳 Billing question"}
	if !reflect.DeepEqual(names, want) {
		t.Fatalf("views %q, want %q", names, want)
	}
	me := string(h.ctx.Dir.Me.ID)
	openStates := `{"field":"state","operator":"IN","value":["submitted","in_progress","waiting_on_customer"]}`
	cases := []struct {
		key, query string
		ok         func(t *models.Ticket) bool
	}{
		{viewOpen, openStates, isOpen},
		{viewMine, `{"operator":"AND","value":[` + openStates + `,{"field":"admin_assignee_id","operator":"=","value":"` + me + `"}]}`,
			func(t *models.Ticket) bool { return isOpen(t) && string(t.AdminAssigneeID) == me }},
		{viewResolved, `{"field":"state","operator":"=","value":"resolved"}`, func(t *models.Ticket) bool { return !isOpen(t) }},
		{typePrefix + bugTypeID, `{"field":"ticket_type_id","operator":"=","value":"` + bugTypeID + `"}`,
			func(t *models.Ticket) bool { return string(t.TicketType.ID) == bugTypeID }},
	}
	for _, c := range cases {
		h.switchTo(c.key)
		if got := h.lastSearchQuery(); got != c.query {
			t.Errorf("%s searches %s, want %s", c.key, got, c.query)
		}
		h.loadAll()
		got := listedIDs(h.p)
		slices.Sort(got)
		if wantIDs := worldTickets(h, c.ok); !reflect.DeepEqual(got, wantIDs) || h.p.activeView().total != len(wantIDs) {
			t.Errorf("%s lists %v (total %d), want %v", c.key, got, h.p.activeView().total, wantIDs)
		}
	}
	// Ticket search is the one request on 2.10; the rest of the traffic stays on 2.9.
	// Every exchange is as Intercom describes it for that version.
	h.mu.Lock()
	traffic := slices.Clone(h.traffic)
	h.mu.Unlock()
	searches := 0
	for _, x := range traffic {
		want := "2.9"
		if x.path == "/tickets/search" {
			want = "2.10"
			searches++
		}
		h.checkSpec(want, x)
		if got := x.header.Get("Intercom-Version"); got != want {
			t.Errorf("%s %s sent Intercom-Version %q, want %s", x.method, x.path, got, want)
		}
	}
	if searches == 0 || h.ws.Count("GET", "/ticket_types") != 1 {
		t.Fatalf("%d searches, %d GET /ticket_types", searches, h.ws.Count("GET", "/ticket_types"))
	}
}

func TestTypeViewListsOnlyThatType(t *testing.T) {
	h := newHarness(t, 100, 30)
	h.switchTo(typePrefix + bugTypeID)
	h.loadAll()
	if h.p.activeView().list.len() == 0 {
		t.Fatal("the Bug report view is empty")
	}
	for _, id := range listedIDs(h.p) {
		if tt := h.row(id).t.TicketType; tt == nil || string(tt.ID) != bugTypeID {
			t.Errorf("%s of type %v in the Bug report view", id, tt)
		}
	}
	_, rows, _ := strings.Cut(h.screen(), "\n") // below the view bar, which names every type
	if strings.Contains(rows, "💡") || strings.Contains(rows, "💳") || !strings.Contains(rows, "🐞") {
		t.Errorf("another type's icon shows:\n%s", rows)
	}
}

func TestFilterNarrowsTheLoadedRows(t *testing.T) {
	h := newHarness(t, 80, 24)
	all := listedIDs(h.p)
	h.press("/", "billing question")
	if !h.p.Capturing() {
		t.Fatal("the filter does not capture keys")
	}
	got := listedIDs(h.p)
	if len(got) == 0 || len(got) == len(all) {
		t.Fatalf("the filter kept %d of %d rows", len(got), len(all))
	}
	for _, id := range got {
		if n := h.row(id).t.TicketType.Name; n != "Billing question" {
			t.Errorf("%s (%s) matches “billing question”", id, n)
		}
	}
	h.press("enter")
	if h.p.Capturing() || !h.p.filtering() || !strings.Contains(h.screen(), "/ billing question") {
		t.Fatalf("enter should keep the filter and leave the input:\n%s", h.screen())
	}
	h.press("esc")
	if !reflect.DeepEqual(listedIDs(h.p), all) {
		t.Fatal("esc did not clear the filter")
	}
}

// collect runs cmd without delivering what it yields.
func collect(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	var cmds []tea.Cmd
	if b, ok := msg.(tea.BatchMsg); ok {
		cmds = b
	} else if v := reflect.ValueOf(msg); v.IsValid() && v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		for i := range v.Len() {
			cmds = append(cmds, v.Index(i).Interface().(tea.Cmd))
		}
	} else if msg != nil {
		return []tea.Msg{msg}
	}
	var out []tea.Msg
	for _, c := range cmds {
		out = append(out, collect(c)...)
	}
	return out
}

func pageOf(t *testing.T, msgs []tea.Msg) PageMsg {
	t.Helper()
	for _, m := range msgs {
		if pm, ok := m.(PageMsg); ok {
			return pm
		}
	}
	t.Fatalf("no PageMsg in %T", msgs)
	return PageMsg{}
}

func TestStaleAnswersAreDropped(t *testing.T) {
	h := newHarness(t, 80, 24)
	target := listedIDs(h.p)[0]
	// Two refreshes; the older answers last. Between them the ticket is resolved, so
	// only the newer answer leaves it out of Open.
	r := tea.KeyPressMsg{Code: 'r', Text: "r"}
	p1, cmd1 := h.p.Update(r)
	p2, cmd2 := p1.Update(r)
	older := pageOf(t, collect(cmd1))
	if _, err := h.client.SetTicketState(context.Background(), target, models.TicketResolved); err != nil {
		t.Fatal(err)
	}
	newer := pageOf(t, collect(cmd2))
	h.p = p2
	h.send(newer)
	h.send(older)
	if slices.Contains(listedIDs(h.p), target) {
		t.Fatalf("the older answer was applied: %s is listed again", target)
	}

	// The detail: a load superseded by a newer open is dropped too, even one that
	// names the ticket now shown.
	d := NewDetail(h.ctx, nil)
	d, _ = d.SetSize(80, 24)
	d, _ = d.Open(bugTicket, nil)
	first := d.loadReq
	d, _ = d.Open(billingTicket, nil)
	bug := h.server(bugTicket)
	for _, id := range []string{bugTicket, billingTicket} {
		late := DetailLoadedMsg{ID: id}
		late.Req, late.Value = first, &bug
		d, _ = d.Update(late)
	}
	if d.ID() != billingTicket || d.Ticket() != nil || !d.Loading() {
		t.Fatalf("the first open's answer was applied: %s %v", d.ID(), d.Ticket() != nil)
	}
	// An open answer after esc (the lookup was cancelled) opens nothing.
	h.press("i", bugTicket)
	p3, cmd := h.p.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	h.p = p3
	h.press("esc")
	for _, m := range collect(cmd) {
		h.send(m)
	}
	if h.p.detail.ID() == bugTicket && h.p.detailFocused {
		t.Fatal("a cancelled open by id still opened the ticket")
	}
}

func TestRefreshKeepsTheCursorOnItsTicket(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.press("j", "j", "j", "j", "j")
	v := h.p.activeView()
	id := v.list.selected().id
	// A ticket below the cursor changes: a refresh lists it first.
	below := v.list.at(10).id
	state := models.TicketWaitingOnCustomer
	if v.list.at(10).t.TicketState == state {
		state = models.TicketInProgress
	}
	if _, err := h.client.SetTicketState(context.Background(), below, state); err != nil {
		t.Fatal(err)
	}
	h.press("r")
	if got := listedIDs(h.p)[0]; got != below {
		t.Fatalf("the changed ticket %s is not first after the refresh (%s is)", below, got)
	}
	if got := h.p.activeView().list.selected().id; got != id {
		t.Fatalf("the cursor moved from %s to %s", id, got)
	}
}

func TestPagingLoadsTheWholeView(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.loadAll()
	v := h.p.activeView()
	if v.list.len() != v.total || v.total != len(worldTickets(h, isOpen)) {
		t.Fatalf("%d rows of %d", v.list.len(), v.total)
	}
	if per := h.requests("POST", "/tickets/search"); len(per) < 3 {
		t.Fatalf("%d searches for %d tickets at 20 a page", len(per), v.total)
	}
}

func TestFailedLoadSaysSoAndRetries(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.forget()
	// The client retries a failed search on its own: the fault stays until cleared.
	if err := h.faults.Add(faults.Rule{Kind: faults.Status, Code: 503, Method: "POST", Pattern: "/tickets/search"}); err != nil {
		t.Fatal(err)
	}
	h.switchTo(viewResolved)
	if !h.toasted("Loading Resolved tickets:") || !strings.Contains(h.screen(), "Couldn't load Resolved tickets") {
		t.Fatalf("toasts %q, screen:\n%s", h.toastTexts(), h.screen())
	}
	retry := h.toasts[len(h.toasts)-1].Retry
	if retry == nil {
		t.Fatal("the toast has no retry")
	}
	h.faults.Clear()
	h.exec(retry)
	if v := h.p.activeView(); !v.loaded || v.err != nil || v.list.len() == 0 {
		t.Fatalf("the retry did not load the view: %v", v.err)
	}
}

func TestTimersOfAnOlderGenerationAreIgnored(t *testing.T) {
	h := newHarness(t, 120, 36)
	h.forget()
	h.send(RefreshTickMsg{Gen: h.p.tickGen - 1, Now: testNow})
	if n := len(h.requests("POST", "/tickets/search")); n != 0 {
		t.Fatalf("an old refresh tick sent %d searches", n)
	}
	h.send(RefreshTickMsg{Gen: h.p.tickGen, Now: testNow})
	if n := len(h.requests("POST", "/tickets/search")); n != 1 {
		t.Fatalf("the current refresh tick sent %d searches", n)
	}
	// The split detail follows the cursor once it rests; a rest the cursor left is moot.
	h.p.previewDelay = time.Hour
	p, _ := h.p.Update(tea.KeyPressMsg{Code: 'j', Text: "j"})
	gen := p.previewGen
	p, _ = p.Update(tea.KeyPressMsg{Code: 'j', Text: "j"})
	h.p = p
	shown := h.p.detail.ID()
	h.send(previewMsg{gen: gen})
	if h.p.detail.ID() != shown {
		t.Fatal("an old preview moved the detail")
	}
	h.send(previewMsg{gen: h.p.previewGen})
	if want := h.p.activeView().list.selected().id; h.p.detail.ID() != want {
		t.Fatalf("the detail shows %s, the cursor is on %s", h.p.detail.ID(), want)
	}
}
