package contacts

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/intercom-tui/intercom-tui/api/query"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// richContact is a seeded contact with companies, tags, notes and conversations, and
// how many conversations they have (asked straight through the client).
func (l *loop) richContact() (models.Contact, int) {
	l.t.Helper()
	w := l.ws.World()
	for i := range w.NumContacts() {
		c := w.Contact(i)
		if c.Name == "" || c.Email == "" || c.Companies.TotalCount == 0 || c.Notes.TotalCount < 2 || c.Tags.TotalCount == 0 {
			continue
		}
		page, err := l.client.SearchConversations(context.Background(), query.Field("contact_ids").Eq(string(c.ID)), 50, "")
		if err != nil {
			l.t.Fatal(err)
		}
		if page.TotalCount >= 2 {
			l.ws.ResetCounters()
			return c, page.TotalCount
		}
	}
	l.t.Fatal("no seeded contact has companies, tags, notes and conversations")
	return models.Contact{}, 0
}

// emailFragment is part of an email: its local part and the start of its domain.
func emailFragment(email string) string {
	at := strings.IndexByte(email, '@')
	return email[:at+4]
}

// findAndOpen searches for part of c's email, moves to c's row and opens its profile.
// The fake's counters start over just before the profile opens.
func (l *loop) findAndOpen(c models.Contact) {
	l.t.Helper()
	l.press("/")
	l.typeText(emailFragment(c.Email))
	l.settle()
	l.press("enter")
	i := slices.Index(l.listed(), string(c.ID))
	if i < 0 {
		l.t.Fatalf("searching %q did not find %s:\n%s", emailFragment(c.Email), c.Email, l.screen())
	}
	for range i {
		l.press("j")
	}
	l.settle()
	l.ws.ResetCounters()
	l.press("enter")
	l.settle()
}

// Find a contact by part of their email, open the profile: every section loads, each
// with its own request, and shows what the workspace holds.
func TestFindByEmailAndOpenProfile(t *testing.T) {
	l := newLoop(t, 120, 36)
	c, convs := l.richContact()
	l.findAndOpen(c)
	if l.p.prof.id != string(c.ID) {
		t.Fatalf("profile %q, want %s", l.p.prof.id, c.ID)
	}
	for s := range numSections {
		if st := l.p.prof.sec[s]; !st.loaded || st.err != nil || st.loading {
			t.Fatalf("section %s: %+v", sectionNames[s], st)
		}
	}
	for _, route := range []string{"/contacts/{id}", "/contacts/{id}/companies", "/contacts/{contact_id}/tags",
		"/contacts/{contact_id}/segments", "/contacts/{id}/notes"} {
		if n := l.ws.Count("GET", route); n != 1 {
			t.Fatalf("GET %s sent %d times, want 1", route, n)
		}
	}
	if n := l.ws.Count("POST", "/conversations/search"); n != 1 {
		t.Fatalf("%d conversation searches, want 1", n)
	}
	if len(l.p.prof.convs) != convs || len(l.p.prof.notes) != c.Notes.TotalCount || len(l.p.prof.tags) != c.Tags.TotalCount {
		t.Fatalf("profile holds %d conversations, %d notes, %d tags; want %d, %d, %d",
			len(l.p.prof.convs), len(l.p.prof.notes), len(l.p.prof.tags), convs, c.Notes.TotalCount, c.Tags.TotalCount)
	}
	screen := l.screen()
	for _, want := range []string{string(c.Name), c.Email, "Companies (", "Tags (", "Segments (", "Notes (", "Conversations (", l.p.prof.tags[0].Name,
		l.p.prof.companies[0].Name} {
		if !strings.Contains(screen, want) {
			t.Fatalf("the profile does not show %q:\n%s", want, screen)
		}
	}
}

// Enter on one of the contact's conversations asks the root to open it.
func TestEnterOpensConversation(t *testing.T) {
	for _, size := range [][2]int{{120, 36}, {80, 24}} {
		l := newLoop(t, size[0], size[1])
		c, _ := l.richContact()
		l.send(shared.OpenContactMsg{ID: string(c.ID)})
		l.settle()
		for i := 0; l.p.prof.cursor < 1 && i < 200; i++ {
			l.press("j")
		}
		if l.p.prof.cursor != 1 {
			t.Fatalf("%dx%d: j never reached the second conversation", size[0], size[1])
		}
		want := l.p.prof.convs[1].id
		if !strings.Contains(l.screen(), "▌ "+l.p.prof.convs[1].state) {
			t.Fatalf("%dx%d: the cursor is not drawn:\n%s", size[0], size[1], l.screen())
		}
		l.out = nil
		l.press("enter")
		if len(l.out) != 1 || l.out[0] != (shared.OpenConversationMsg{ID: want}) {
			t.Fatalf("%dx%d: enter sent %v, want OpenConversationMsg{%s}", size[0], size[1], l.out, want)
		}
	}
}

// Moving in a profile: j scrolls until a conversation is on screen, then moves over
// them; k goes back up; g returns to the top; esc returns to the list.
func TestProfileScrollsAndLetsGo(t *testing.T) {
	l := newLoop(t, 80, 12)
	c, _ := l.richContact()
	l.send(shared.OpenContactMsg{ID: string(c.ID)})
	l.settle()
	d := l.p.document()
	if d.convLine[0] < l.p.bodyHeight() {
		t.Fatalf("the conversations start on screen (line %d): the test wants them below", d.convLine[0])
	}
	l.press("j")
	if l.p.prof.offset != 1 || l.p.prof.cursor != -1 {
		t.Fatalf("j above the conversations: offset %d cursor %d, want 1 -1", l.p.prof.offset, l.p.prof.cursor)
	}
	for l.p.prof.cursor < 0 {
		l.press("j")
	}
	if !l.p.onScreen(d.convLine[0]) || l.p.prof.cursor != 0 {
		t.Fatalf("the cursor entered at %d, off screen", l.p.prof.cursor)
	}
	l.press("k", "k")
	if l.p.prof.cursor != -1 {
		t.Fatalf("k above the first conversation: cursor %d", l.p.prof.cursor)
	}
	l.press("G")
	if want := max(0, len(d.lines)-l.p.bodyHeight()); l.p.prof.offset != want {
		t.Fatalf("G: offset %d, want %d", l.p.prof.offset, want)
	}
	l.press("g")
	if l.p.prof.offset != 0 || l.p.prof.cursor != -1 {
		t.Fatalf("g: offset %d cursor %d", l.p.prof.offset, l.p.prof.cursor)
	}
	l.press("esc")
	if l.p.prof.open() || !strings.Contains(l.screen(), "200 contacts") {
		t.Fatalf("esc did not return to the list:\n%s", l.screen())
	}
}

// A section that fails shows its error inline, the others still show, and r retries
// only the failed one.
func TestSectionFailsInlineAndRetries(t *testing.T) {
	l := newLoop(t, 120, 36)
	c, _ := l.richContact()
	l.fault(404, "GET", "/contacts/*/companies")
	l.send(shared.OpenContactMsg{ID: string(c.ID)})
	l.settle()
	if l.p.prof.sec[secCompanies].err == nil {
		t.Fatal("the companies section did not fail")
	}
	screen := l.screen()
	if !strings.Contains(screen, "! Couldn't load companies") || !strings.Contains(screen, "r to retry") {
		t.Fatalf("no inline error:\n%s", screen)
	}
	if !strings.Contains(screen, l.p.prof.tags[0].Name) || len(l.p.prof.convs) == 0 {
		t.Fatalf("the other sections do not show:\n%s", screen)
	}
	l.ws.ResetCounters()
	l.press("r")
	l.settle()
	if l.ws.Requests() != 1 || l.ws.Count("GET", "/contacts/{id}/companies") != 1 {
		t.Fatalf("r sent %v, want only the companies", l.ws.Log())
	}
	if l.p.prof.sec[secCompanies].err != nil || !strings.Contains(l.screen(), l.p.prof.companies[0].Name) {
		t.Fatalf("retry did not load the companies:\n%s", l.screen())
	}
}

// An answer for another contact, or to an older request of a section, is dropped.
func TestStaleSectionAnswersAreDropped(t *testing.T) {
	l := newLoop(t, 120, 36)
	c, _ := l.richContact()
	l.send(shared.OpenContactMsg{ID: string(c.ID)})
	l.settle()
	tags := slices.Clone(l.p.prof.tags)
	old := TagsMsg{ContactID: string(c.ID)}
	old.Req = l.p.prof.sec[secTags].req - 1
	old.Value = []models.Tag{{ID: "1", Name: "Stale"}}
	l.send(old)
	other := TagsMsg{ContactID: "someone-else"}
	other.Req = l.p.prof.sec[secTags].req
	other.Value = []models.Tag{{ID: "1", Name: "Stale"}}
	l.send(other)
	if !slices.EqualFunc(l.p.prof.tags, tags, func(a, b models.Tag) bool { return a.ID == b.ID }) {
		t.Fatalf("a stale answer replaced the tags: %v", l.p.prof.tags)
	}
}
