package contacts

import (
	"slices"
	"strings"
	"testing"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/api/query"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// Typing "alice@exa" quickly is one search, not nine: every key restarts the debounce
// timer, and only the last timer sends. The query is an OR over the four fields with
// the operators Intercom allows, and it validates.
func TestTypingQuicklySendsOneSearch(t *testing.T) {
	l := newLoop(t, 120, 36)
	l.ws.ResetCounters()
	l.press("/")
	if !l.p.Capturing() {
		t.Fatal("/ did not focus the search box")
	}
	l.typeText("alice@exa")
	if got := l.searches(); got != 0 {
		t.Fatalf("%d searches before the pause, want 0", got)
	}
	if len(l.ticks) != 9 {
		t.Fatalf("%d debounce timers, want one per key (9)", len(l.ticks))
	}
	l.settle() // the pause: all nine timers fire, in order
	if got := l.searches(); got != 1 {
		t.Fatalf("typing alice@exa sent %d searches, want 1", got)
	}
	if got := l.ws.Requests(); got != 1 {
		t.Fatalf("%d requests in all, want the one search: %v", got, l.ws.Log())
	}
	q := l.lastSearchQuery()
	if err := query.Validate(query.Contacts, q); err != nil {
		t.Fatalf("the search does not validate: %v", err)
	}
	if q.Operator != "OR" {
		t.Fatalf("query %+v is not an OR", q)
	}
	var fields []string
	for _, c := range q.Children {
		if c.Operator != "~" || c.Value != "alice@exa" {
			t.Fatalf("filter %+v: want %q ~ \"alice@exa\"", c, c.Field)
		}
		fields = append(fields, c.Field)
	}
	if want := []string{"name", "email", "phone", "external_id"}; !slices.Equal(fields, want) {
		t.Fatalf("fields %v, want %v", fields, want)
	}
	if l.p.list.query != "alice@exa" || !strings.Contains(l.screen(), "matches for “alice@exa”") {
		t.Fatalf("the list does not show the search:\n%s", l.screen())
	}
}

// A pause mid-word is a search; typing on cancels the first and sends a second.
func TestSearchAfterEachPause(t *testing.T) {
	l := newLoop(t, 120, 36)
	l.ws.ResetCounters()
	l.press("/")
	l.typeText("gra")
	l.settle()
	l.typeText("ce")
	l.settle()
	if got := l.searches(); got != 2 {
		t.Fatalf("%d searches after two pauses, want 2", got)
	}
	if l.p.list.query != "grace" {
		t.Fatalf("list answers %q, want grace", l.p.list.query)
	}
	for _, r := range l.p.list.rows.rows {
		if !strings.Contains(strings.ToLower(r.name+r.email), "grace") {
			t.Fatalf("row %q <%s> does not match grace", r.name, r.email)
		}
	}
}

// A phone typed with spaces also searches its digits.
func TestSearchQueryReadsPhones(t *testing.T) {
	q := searchQuery("+353 83")
	if err := query.Validate(query.Contacts, q); err != nil {
		t.Fatal(err)
	}
	last := q.Children[len(q.Children)-1]
	if last.Field != "phone" || last.Value != "+35383" {
		t.Fatalf("last filter %+v, want phone ~ +35383", last)
	}
	if n := len(searchQuery("grace").Children); n != 4 {
		t.Fatalf("a name search has %d filters, want 4", n)
	}
}

// An answer to a superseded request is dropped: the list keeps the newer search's
// rows, and the older request was cancelled.
func TestStaleAnswerIsDropped(t *testing.T) {
	l := newLoop(t, 120, 36)
	l.press("/")
	l.typeText("grace")
	first := l.p.load("grace", false) // a search in flight…
	firstReq := l.p.list.req
	second := l.p.load("mia", false) // … superseded by another
	l.queue = append(l.queue, second)
	l.run()
	if l.p.list.query != "mia" || l.p.list.pending {
		t.Fatalf("after the newer answer: query %q pending %v", l.p.list.query, l.p.list.pending)
	}
	rows := l.listed()
	// The older request was cancelled: running it yields nothing to apply.
	if msg := first(); msg != (listCancelledMsg{req: firstReq}) {
		t.Fatalf("the superseded request yielded %T, want listCancelledMsg", msg)
	}
	// And an answer that did arrive late is dropped all the same.
	stale := ListMsg{Query: "grace"}
	stale.Req = firstReq
	stale.Value = api.Page[models.Contact]{Items: []models.Contact{{ID: "stale", Name: "Stale Row"}}, TotalCount: 1}
	l.send(stale)
	if got := l.listed(); !slices.Equal(got, rows) || l.p.list.query != "mia" {
		t.Fatalf("a stale answer changed the list: %v (query %q)", got, l.p.list.query)
	}
}

// esc clears the search and lists all contacts again; enter keeps it.
func TestEnterKeepsEscClears(t *testing.T) {
	l := newLoop(t, 120, 36)
	all := l.p.list.total
	l.press("/")
	l.typeText("mia")
	l.press("enter") // searches at once, without waiting for the timer
	l.run()
	if l.p.Capturing() || l.p.list.query != "mia" {
		t.Fatalf("enter: capturing %v, query %q", l.p.Capturing(), l.p.list.query)
	}
	n := l.searches()
	l.settle() // the typing's timers are moot now
	if l.searches() != n {
		t.Fatal("a moot debounce timer searched again")
	}
	l.press("/", "esc")
	l.settle()
	if l.p.Capturing() || l.p.list.query != "" || l.p.list.total != all {
		t.Fatalf("esc: capturing %v, query %q, total %d (want %d)", l.p.Capturing(), l.p.list.query, l.p.list.total, all)
	}
}

// Moving near the end of the loaded rows asks for the next page, once.
func TestPagingNearTheEnd(t *testing.T) {
	l := newLoop(t, 120, 36)
	if l.p.list.rows.len() != 50 || l.p.list.next == "" {
		t.Fatalf("first page: %d rows, next %q", l.p.list.rows.len(), l.p.list.next)
	}
	l.ws.ResetCounters()
	l.press("G")
	l.settle()
	if got := l.ws.Count("GET", "/contacts"); got != 1 {
		t.Fatalf("%d page requests, want 1", got)
	}
	if l.p.list.rows.len() != 100 {
		t.Fatalf("%d rows after paging, want 100", l.p.list.rows.len())
	}
}

// A failed search says so inline and in a toast whose retry searches again.
func TestSearchFailureRetries(t *testing.T) {
	l := newLoop(t, 80, 24)
	l.fault(400, "POST", "/contacts/search") // a 400 is not retried by the client
	l.press("/")
	l.typeText("mia")
	l.settle()
	if l.p.list.err == nil || len(l.toasts) == 0 || !l.toasts[len(l.toasts)-1].Error {
		t.Fatalf("no error after a failed search: %v %v", l.p.list.err, l.toasts)
	}
	retry := l.toasts[len(l.toasts)-1].Retry
	l.queue = append(l.queue, retry)
	l.settle()
	if l.p.list.err != nil || l.p.list.query != "mia" {
		t.Fatalf("retry: err %v query %q", l.p.list.err, l.p.list.query)
	}
}

// OpenContactMsg (u on a conversation) opens that profile, from the list or the box.
func TestOpenContactMsgOpensProfile(t *testing.T) {
	l := newLoop(t, 120, 36)
	c := l.pickContact(func(c models.Contact) bool { return c.Name != "" && c.Companies.TotalCount > 0 })
	l.press("/")
	l.send(shared.OpenContactMsg{ID: string(c.ID)})
	l.settle()
	if l.p.Capturing() || l.p.prof.id != string(c.ID) {
		t.Fatalf("profile %q capturing %v, want %s", l.p.prof.id, l.p.Capturing(), c.ID)
	}
	if s := l.screen(); !strings.Contains(s, string(c.Name)) || !strings.Contains(s, c.Email) {
		t.Fatalf("the profile does not show %s <%s>:\n%s", c.Name, c.Email, s)
	}
}

// Company names load lazily: nothing for a pane nobody has used, then only for the rows
// on screen once the list rests, once per contact.
func TestCompanyNamesLoadLazily(t *testing.T) {
	l := newLoop(t, 120, 36)
	lookups := func() int { return l.ws.Count("GET", "/contacts/{id}/companies") }
	if n := lookups(); n != 0 {
		t.Fatalf("%d company lookups before the pane was used", n)
	}
	l.press("j")
	l.run()
	if n := lookups(); n != 0 {
		t.Fatalf("%d company lookups before the list rested", n)
	}
	l.settle()
	want := 0
	h := l.p.listHeight()
	for i, r := range l.p.list.rows.rows {
		if i < h && r.companies > 0 {
			want++
		}
	}
	if n := lookups(); n == 0 || n > want {
		t.Fatalf("%d company lookups, want between 1 and the %d rows on screen with companies", n, want)
	}
	for _, r := range l.p.list.rows.rows[:h] {
		if _, known := l.p.names.name(&r); r.companies > 0 && !known {
			t.Fatalf("row %q still has no company name", r.name)
		}
	}
	if !strings.Contains(l.screen(), "Redwood Realty +1") {
		t.Fatalf("no company names on screen:\n%s", l.screen())
	}
	n := lookups()
	l.press("k", "j", "g")
	l.settle()
	if lookups() != n {
		t.Fatal("company names were asked for again")
	}
}

// The search finds a contact by part of each field: a non-Latin name, an email, a
// phone typed with spaces, an external id.
func TestSearchFindsByEachField(t *testing.T) {
	l := newLoop(t, 120, 36)
	nonLatin := l.pickContact(func(c models.Contact) bool {
		return strings.ContainsFunc(string(c.Name), func(r rune) bool { return r > 0x400 })
	})
	withPhone := l.pickContact(func(c models.Contact) bool { return len(c.Phone) > 10 && c.ExternalID != "" })
	phone := string(withPhone.Phone)
	spaced := phone[:4] + " " + phone[4:7] + " " + phone[7:10] // "+353 836 755"
	for _, tc := range []struct {
		typed string
		want  models.Contact
	}{
		{strings.Fields(string(nonLatin.Name))[len(strings.Fields(string(nonLatin.Name)))-1], nonLatin},
		{emailFragment(withPhone.Email), withPhone},
		{spaced, withPhone},
		{string(withPhone.ExternalID), withPhone},
	} {
		l.press("/", "esc", "/")
		l.typeText(tc.typed)
		l.settle()
		if !slices.Contains(l.listed(), string(tc.want.ID)) {
			t.Fatalf("searching %q did not find %s (%s):\n%s", tc.typed, tc.want.Name, tc.want.ID, l.screen())
		}
	}
}
