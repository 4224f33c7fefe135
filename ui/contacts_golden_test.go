package ui

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/intercom-tui/intercom-tui/api/query"
	"github.com/intercom-tui/intercom-tui/drafts"
	"github.com/intercom-tui/intercom-tui/models"
)

// The contacts tab through the whole program (seed 1, fixedNow): find a contact by part
// of an email, open the profile, add a note, jump to one of their conversations, and
// check the fake's state agrees. Golden screens of the search and the profile.
// Regenerate only these with go test ./ui/ -run GoldenContact -update.

// contactsTab starts the app at w x h with a drafts store, waits for the inbox, and
// switches to the Contacts tab by its number.
func contactsTab(t *testing.T, w, hgt int) (*teatest.TestModel, *probe, *harness) {
	t.Helper()
	h := newHarness(t, 300)
	store, err := drafts.Open(filepath.Join(t.TempDir(), "drafts"))
	if err != nil {
		t.Fatal(err)
	}
	h.ctx.Drafts = store
	p := &probe{}
	tm := teatest.NewTestModel(t, probed{New(h.ctx, Options{Where: "demo workspace"}), p}, teatest.WithInitialTermSize(w, hgt))
	waitFor(t, tm, p, "Open 134")
	tab := regexp.MustCompile(`(\d) Contacts`).FindStringSubmatch(strings.SplitN(p.text(), "\n", 2)[0])
	if tab == nil {
		t.Fatalf("no Contacts tab:\n%s", p.text())
	}
	press(tm, tab[1])
	waitFor(t, tm, p, "200 contacts")
	return tm, p, h
}

// richContact is a seeded contact with companies, tags, notes and at least two
// conversations, found through the api.
func richContact(t *testing.T, h *harness) models.Contact {
	t.Helper()
	w := h.ws.World()
	for i := range w.NumContacts() {
		c := w.Contact(i)
		if c.Name == "" || c.Email == "" || c.Companies.TotalCount == 0 || c.Notes.TotalCount < 2 || c.Tags.TotalCount == 0 {
			continue
		}
		page, err := h.ctx.WS.API.SearchConversations(context.Background(), query.Field("contact_ids").Eq(string(c.ID)), 50, "")
		if err != nil {
			t.Fatal(err)
		}
		if page.TotalCount >= 2 {
			return c
		}
	}
	t.Fatal("no seeded contact has companies, tags, notes and conversations")
	return models.Contact{}
}

// findContact types part of c's email (the local part and the start of the domain)
// into the search box and keeps the search.
func findContact(t *testing.T, tm *teatest.TestModel, p *probe, c models.Contact) string {
	t.Helper()
	at := strings.IndexByte(c.Email, '@')
	part := c.Email[:at+4]
	press(tm, "/")
	typeInto(tm, part)
	waitFor(t, tm, p, "1 match for “"+part+"”", string(c.Name))
	press(tm, "enter")
	return part
}

func TestContactsEndToEnd(t *testing.T) {
	tm, p, h := contactsTab(t, 120, 36)
	c := richContact(t, h)
	findContact(t, tm, p, c)
	press(tm, "enter")
	waitFor(t, tm, p, "Contacts › "+string(c.Name), "Companies (", "Notes (", "Conversations (")

	note := "Spoke to them: happy to join the beta"
	press(tm, "N")
	waitFor(t, tm, p, "Note on "+string(c.Name))
	typeInto(tm, note)
	tm.Send(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	waitFor(t, tm, p, "Note added to "+string(c.Name), note)
	page, err := h.ctx.WS.API.ContactNotes(context.Background(), string(c.ID), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Items) != c.Notes.TotalCount+1 || !strings.Contains(page.Items[0].Body, note) {
		t.Fatalf("the fake's notes after adding one: %d, newest %q", len(page.Items), page.Items[0].Body)
	}
	// The draft goes once the server has confirmed (its delete follows the toast).
	noDrafts := func() bool {
		list, err := h.ctx.Drafts.List(drafts.WorkspaceKey(h.ctx.Dir.Me.App.IDCode, ""))
		return err == nil && len(list) == 0
	}
	teatest.WaitFor(t, tm.Output(), func([]byte) bool { return noDrafts() },
		teatest.WithDuration(15*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
	if !noDrafts() {
		t.Fatal("the draft is still on disk after the note was added")
	}

	press(tm, "j", "enter") // the first conversation: the inbox opens it
	waitFor(t, tm, p, "Open 134", "<"+c.Email+">")
	if strings.Contains(p.text(), "Contacts › ") {
		t.Fatalf("still on the profile:\n%s", p.text())
	}
}

// contactSearchGolden searches "grace" and keeps the search.
func contactSearchGolden(t *testing.T, w, hgt int) {
	tm, p, _ := contactsTab(t, w, hgt)
	press(tm, "/")
	typeInto(tm, "grace")
	waitFor(t, tm, p, "10 matches for “grace”", "Redwood Real")
	press(tm, "enter", "j")
	waitFor(t, tm, p, "▌ user Grace García")
	requireGolden(t, final(t, tm))
}

func TestGoldenContactSearch120x36(t *testing.T) { contactSearchGolden(t, 120, 36) }

func TestGoldenContactSearch80x24(t *testing.T) { contactSearchGolden(t, 80, 24) }

func TestGoldenContactProfile120x36(t *testing.T) {
	tm, p, h := contactsTab(t, 120, 36)
	c := richContact(t, h)
	findContact(t, tm, p, c)
	press(tm, "enter")
	waitFor(t, tm, p, "Contacts › "+string(c.Name), "Companies (", "Notes (", "Segments (", "Conversations (")
	press(tm, "j")
	waitFor(t, tm, p, "▌ ")
	requireGolden(t, final(t, tm))
}
