package seed

import (
	"bytes"
	"encoding/json"
	"regexp"
	"testing"
	"time"

	"github.com/intercom-tui/intercom-tui/models"
)

var testNow = time.Date(2025, 6, 15, 12, 0, 0, 0, time.UTC)

var (
	reNumeric = regexp.MustCompile(`^[1-9][0-9]*$`)
	reHex24   = regexp.MustCompile(`^[0-9a-f]{24}$`)
	reAppID   = regexp.MustCompile(`^[a-z0-9]{8}$`)
)

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("marshal %T: %v", v, err)
	}
	return b
}

// dump is the whole world as JSON, item by item, for determinism checks.
func dump(t testing.TB, w *World, convs int) [][]byte {
	var out [][]byte
	add := func(v any) { out = append(out, mustJSON(t, v)) }
	add(w.Me())
	add(w.Admins())
	add(w.Teams())
	add(w.Tags())
	add(w.Segments())
	for i := range w.NumContacts() {
		add(w.Contact(i))
		add(w.ContactNotes(i))
		add(w.ContactTags(i))
		add(w.ContactSegments(i))
		add(w.ContactCompanies(i))
	}
	for i := range w.NumCompanies() {
		add(w.Company(i))
	}
	for i := range convs {
		add(w.Conversation(i))
	}
	add(w.TicketTypes())
	for i := range w.NumTickets() {
		add(w.Ticket(i))
	}
	add(w.HelpCenters())
	add(w.Collections())
	add(w.Sections())
	for i := range w.NumArticles() {
		add(w.Article(i))
	}
	return out
}

func TestDeterministic(t *testing.T) {
	a, b := dump(t, New(7, 0, testNow), 300), dump(t, New(7, 0, testNow), 300)
	if len(a) != len(b) {
		t.Fatalf("dumps differ in length: %d vs %d", len(a), len(b))
	}
	for k := range a {
		if !bytes.Equal(a[k], b[k]) {
			t.Fatalf("item %d differs between two worlds of the same seed:\n%s\n%s", k, a[k], b[k])
		}
	}
	w := New(7, 0, testNow)
	for i := range 50 {
		if !bytes.Equal(mustJSON(t, w.Conversation(i)), mustJSON(t, w.Conversation(i))) {
			t.Fatalf("conversation %d differs between two calls", i)
		}
	}
	// An item does not depend on the world's size: a bigger world extends a smaller one.
	big := New(7, 5000, testNow)
	if !bytes.Equal(mustJSON(t, w.Conversation(3)), mustJSON(t, big.Conversation(3))) {
		t.Error("conversation 3 depends on the number of conversations")
	}
}

func TestSeedsDiffer(t *testing.T) {
	a, b := New(1, 0, testNow), New(2, 0, testNow)
	pairs := map[string][2]any{
		"conversation": {a.Conversation(0), b.Conversation(0)},
		"contact":      {a.Contact(0), b.Contact(0)},
		"ticket":       {a.Ticket(5), b.Ticket(5)},
		"article":      {a.Article(5), b.Article(5)},
		"admins":       {a.Admins(), b.Admins()},
	}
	for name, p := range pairs {
		if bytes.Equal(mustJSON(t, p[0]), mustJSON(t, p[1])) {
			t.Errorf("%s is the same for seeds 1 and 2", name)
		}
	}
	if ida, _ := a.Workspace(); ida == func() string { id, _ := b.Workspace(); return id }() {
		t.Error("workspace id is the same for seeds 1 and 2")
	}
}

func TestCounts(t *testing.T) {
	w := New(3, 0, testNow)
	counts := []struct {
		name      string
		got, want int
	}{
		{"conversations (default)", w.NumConversations(), DefaultConversations},
		{"admins", len(w.Admins()), 8},
		{"teams", len(w.Teams()), 3},
		{"contacts", w.NumContacts(), 200},
		{"companies", w.NumCompanies(), 30},
		{"tickets", w.NumTickets(), 60},
		{"ticket types", len(w.TicketTypes()), 3},
		{"help centers", len(w.HelpCenters()), 1},
		{"collections", len(w.Collections()), 3},
		{"articles", w.NumArticles(), 40},
	}
	for _, c := range counts {
		if c.got != c.want {
			t.Errorf("%s: got %d, want %d", c.name, c.got, c.want)
		}
	}
	if n := len(w.Tags()); n < 10 || n > 15 {
		t.Errorf("tags: %d, want about 12", n)
	}
	if n := len(w.Sections()); n < 6 {
		t.Errorf("sections: %d, want a few per collection", n)
	}
	if New(3, 1234, testNow).NumConversations() != 1234 {
		t.Error("explicit conversation count ignored")
	}
}

func TestStaff(t *testing.T) {
	w := New(11, 0, testNow)
	me, admins, teams := w.Me(), w.Admins(), w.Teams()
	if me.ID != admins[0].ID || me.Name != admins[0].Name || me.App == nil {
		t.Fatalf("Me is not admin 0 with an app: %+v", me)
	}
	id, name := w.Workspace()
	if !reAppID.MatchString(id) || me.App.IDCode != id || me.App.Name != name || me.App.Region != "US" || me.App.Timezone == "" {
		t.Errorf("app: %+v (workspace %q %q)", me.App, id, name)
	}
	adminIDs := map[int64]bool{}
	for _, a := range admins {
		if !reNumeric.MatchString(string(a.ID)) || a.JobTitle == "" || len(a.TeamIDs) == 0 {
			t.Errorf("admin %+v", a)
		}
		adminIDs[parseInt(t, string(a.ID))] = true
	}
	for _, tm := range teams {
		if !reNumeric.MatchString(string(tm.ID)) || len(tm.AdminIDs) == 0 {
			t.Errorf("team %+v", tm)
		}
		for _, aid := range tm.AdminIDs {
			if !adminIDs[aid] {
				t.Errorf("team %s lists unknown admin %d", tm.Name, aid)
			}
			if !hasTeam(admins, aid, parseInt(t, string(tm.ID))) {
				t.Errorf("admin %d is in team %s but does not list it", aid, tm.Name)
			}
		}
	}
	for _, tg := range w.Tags() {
		if !reNumeric.MatchString(string(tg.ID)) || tg.Name == "" {
			t.Errorf("tag %+v", tg)
		}
	}
	for _, s := range w.Segments() {
		if !reHex24.MatchString(string(s.ID)) || (s.PersonType != "user" && s.PersonType != "contact") || s.Count == nil {
			t.Errorf("segment %+v", s)
		}
	}
}

func hasTeam(admins []models.Admin, admin, team int64) bool {
	for _, a := range admins {
		if parseIntQuiet(string(a.ID)) == admin {
			for _, t := range a.TeamIDs {
				if t == team {
					return true
				}
			}
		}
	}
	return false
}

func TestIndexesInvertIDs(t *testing.T) {
	w := New(5, 0, testNow)
	for i := range w.NumConversations() {
		id := string(w.ConversationSummary(i).ID)
		if !reNumeric.MatchString(id) {
			t.Fatalf("conversation id %q", id)
		}
		if j, ok := w.ConversationIndex(id); !ok || j != i {
			t.Fatalf("ConversationIndex(%q) = %d, %v; want %d", id, j, ok, i)
		}
	}
	for _, bad := range []string{"", "abc", "-1", "0", "99999999999999", w.ConversationID(w.NumConversations()), w.ConversationID(1 << 20)} {
		if _, ok := w.ConversationIndex(bad); ok {
			t.Errorf("ConversationIndex(%q) found something", bad)
		}
	}
	for i := range w.NumContacts() {
		id := string(w.Contact(i).ID)
		if j, ok := w.ContactIndex(id); !reHex24.MatchString(id) || !ok || j != i {
			t.Fatalf("contact %d id %q → %d, %v", i, id, j, ok)
		}
	}
	for i := range w.NumCompanies() {
		id := string(w.Company(i).ID)
		if j, ok := w.CompanyIndex(id); !reHex24.MatchString(id) || !ok || j != i {
			t.Fatalf("company %d id %q → %d, %v", i, id, j, ok)
		}
	}
	for i := range w.NumTickets() {
		id := string(w.Ticket(i).ID)
		if j, ok := w.TicketIndex(id); !reNumeric.MatchString(id) || !ok || j != i {
			t.Fatalf("ticket %d id %q → %d, %v", i, id, j, ok)
		}
	}
	for i := range w.NumArticles() {
		id := string(w.Article(i).ID)
		if j, ok := w.ArticleIndex(id); !reNumeric.MatchString(id) || !ok || j != i {
			t.Fatalf("article %d id %q → %d, %v", i, id, j, ok)
		}
	}
	for _, miss := range []func(string) (int, bool){w.ContactIndex, w.CompanyIndex, w.TicketIndex, w.ArticleIndex} {
		if _, ok := miss("nope"); ok {
			t.Error("an index found a bogus id")
		}
	}
	big := New(5, 1_000_000, testNow)
	for _, i := range []int{0, 1, 499_999, 999_999} {
		if j, ok := big.ConversationIndex(big.ConversationID(i)); !ok || j != i {
			t.Errorf("1M world: index %d → %d, %v", i, j, ok)
		}
	}
}

// TestJSONRoundTrip: every kind of item marshals and decodes back into its model.
func TestJSONRoundTrip(t *testing.T) {
	w := New(9, 0, testNow)
	check := func(v any, into any) {
		t.Helper()
		if err := json.Unmarshal(mustJSON(t, v), into); err != nil {
			t.Errorf("%T does not decode: %v", v, err)
		}
	}
	check(w.Me(), &models.Me{})
	check(w.Conversation(0), &models.Conversation{})
	check(w.Contact(0), &models.Contact{})
	check(w.Company(0), &models.Company{})
	check(w.Ticket(0), &models.Ticket{})
	check(w.Article(0), &models.Article{})
	check(models.TicketTypeList{Type: "ticket_type.list", TicketTypes: w.TicketTypes()}, &models.TicketTypeList{})
	check(w.Collections()[0], &models.Collection{})
	check(w.Sections()[0], &models.Section{})
	check(w.HelpCenters()[0], &models.HelpCenter{})
	check(w.ContactNotes(1), &[]models.Note{})

	var a models.Article
	_ = json.Unmarshal(mustJSON(t, w.Article(0)), &a)
	if a.TranslatedContent == nil || a.TranslatedContent.Content["en"].Title != a.Title {
		t.Error("article translations lost in a round trip")
	}
}

func TestNoteByID(t *testing.T) {
	w := New(4, 0, testNow)
	found := 0
	for i := range w.NumContacts() {
		for _, n := range w.ContactNotes(i) {
			got, ok := w.NoteByID(string(n.ID))
			if !ok || !bytes.Equal(mustJSON(t, got), mustJSON(t, n)) {
				t.Fatalf("NoteByID(%s) = %v, %v", n.ID, got.ID, ok)
			}
			found++
		}
	}
	if found == 0 {
		t.Fatal("no contact notes at all")
	}
	if _, ok := w.NoteByID("12"); ok {
		t.Error("NoteByID found a bogus id")
	}
}

func parseInt(t testing.TB, s string) int64 {
	t.Helper()
	var n int64
	if err := json.Unmarshal([]byte(s), &n); err != nil {
		t.Fatalf("not an integer: %q", s)
	}
	return n
}

func parseIntQuiet(s string) int64 {
	var n int64
	_ = json.Unmarshal([]byte(s), &n)
	return n
}
