package api

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/intercom-tui/intercom-tui/api/query"
	"github.com/intercom-tui/intercom-tui/models"
)

// TestFakeConversationWrites: every conversation write changes the workspace, as read
// back through the client, and answers the updated conversation.
func TestFakeConversationWrites(t *testing.T) {
	w := newWorkspace(t, 60)
	ctx := context.Background()
	world := w.ws.World()
	id := world.ConversationID(5)
	team := string(world.Teams()[1].ID)
	tag := world.Tags()[0]
	read := func() *models.Conversation {
		t.Helper()
		conv, err := w.c.Conversation(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return conv
	}
	check := func(what string, got *models.Conversation, err error, ok func(*models.Conversation) bool) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if !ok(got) {
			t.Errorf("%s: answer %+v", what, got)
		}
		if back := read(); !ok(back) {
			t.Errorf("%s: read back state %s, snoozed_until %d, team %d, admin %d, read %v",
				what, back.State, back.SnoozedUntil, back.TeamAssigneeID, back.AdminAssigneeID, back.Read)
		}
	}
	lastPart := func(c *models.Conversation) models.Part {
		ps := c.Parts()
		if len(ps) == 0 {
			return models.Part{}
		}
		return ps[len(ps)-1]
	}

	conv, err := w.c.Close(ctx, id, w.me, "Closing, thanks!")
	check("close", conv, err, func(c *models.Conversation) bool {
		return c.State == models.StateClosed && !c.Open && lastPart(c).PartType == models.MessageClose
	})

	until := w.clk.Now().Add(3 * time.Hour).Truncate(time.Second)
	conv, err = w.c.Snooze(ctx, id, w.me, until)
	check("snooze", conv, err, func(c *models.Conversation) bool {
		return c.State == models.StateSnoozed && int64(c.SnoozedUntil) == until.Unix()
	})

	conv, err = w.c.Open(ctx, id, w.me)
	check("open", conv, err, func(c *models.Conversation) bool {
		return c.State == models.StateOpen && c.Open && c.SnoozedUntil == 0
	})

	conv, err = w.c.Assign(ctx, id, w.me, AssignTeam(team), "")
	check("assign to team", conv, err, func(c *models.Conversation) bool {
		return models.ID(itoa(int64(c.TeamAssigneeID))) == models.ID(team)
	})
	conv, err = w.c.Assign(ctx, id, w.me, AssignAdmin(w.me), "Taking this one")
	check("assign to me", conv, err, func(c *models.Conversation) bool {
		return itoa(int64(c.AdminAssigneeID)) == w.me && itoa(int64(c.TeamAssigneeID)) == team
	})
	conv, err = w.c.Assign(ctx, id, w.me, UnassignTeam, "")
	check("unassign team", conv, err, func(c *models.Conversation) bool {
		return c.TeamAssigneeID == 0 && itoa(int64(c.AdminAssigneeID)) == w.me
	})

	conv, err = w.c.Note(ctx, id, w.me, "<p>internal</p>")
	check("note", conv, err, func(c *models.Conversation) bool {
		p := lastPart(c)
		return p.PartType == models.MessageNote && p.Body == "<p>internal</p>"
	})

	contact := read().ContactIDs()
	if len(contact) == 0 {
		t.Fatal("conversation has no contact")
	}
	conv, err = w.c.ReplyAsContact(ctx, id, string(contact[0]), "still broken")
	check("contact reply", conv, err, func(c *models.Conversation) bool {
		p := lastPart(c)
		return p.PartType == models.MessageComment && p.Body == "still broken" && p.Author.ID == contact[0]
	})

	conv, err = w.c.MarkRead(ctx, id)
	check("mark read", conv, err, func(c *models.Conversation) bool { return c.Read })

	hasTag := func(c *models.Conversation) bool { return slices.Contains(c.TagNames(), tag.Name) }
	applied, err := w.c.AttachTag(ctx, id, string(tag.ID), w.me)
	if err != nil || applied.ID != tag.ID {
		t.Fatalf("attach tag: %+v, %v", applied, err)
	}
	if !hasTag(read()) {
		t.Errorf("tag %s not on the conversation after attach", tag.Name)
	}
	removed, err := w.c.DetachTag(ctx, id, string(tag.ID), w.me)
	if err != nil || removed.ID != tag.ID {
		t.Fatalf("detach tag: %+v, %v", removed, err)
	}
	if hasTag(read()) {
		t.Errorf("tag %s still on the conversation after detach", tag.Name)
	}
}

func TestFakeTicketWrites(t *testing.T) {
	w := newWorkspace(t, 20)
	ctx := context.Background()
	world := w.ws.World()
	id := string(world.Ticket(2).ID)
	other := string(world.Admins()[2].ID)

	state := models.TicketWaitingOnCustomer
	if world.Ticket(2).TicketState == state {
		state = models.TicketInProgress
	}
	tk, err := w.c.SetTicketState(ctx, id, state)
	if err != nil || tk.TicketState != state {
		t.Fatalf("set state: %+v, %v", tk, err)
	}
	tk, err = w.c.AssignTicket(ctx, id, w.me, other)
	if err != nil || string(tk.AdminAssigneeID) != other {
		t.Fatalf("assign: %+v, %v", tk, err)
	}
	note, err := w.c.TicketNote(ctx, id, w.me, "<p>checked the logs</p>")
	if err != nil || note.PartType != "note" || note.Body != "<p>checked the logs</p>" {
		t.Fatalf("ticket note: %+v, %v", note, err)
	}

	back, err := w.c.Ticket(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if back.TicketState != state || string(back.AdminAssigneeID) != other {
		t.Errorf("read back state %s, admin %s", back.TicketState, back.AdminAssigneeID)
	}
	if !slices.ContainsFunc(back.Parts(), func(p models.TicketPart) bool { return p.ID == note.ID && p.Body == note.Body }) {
		t.Errorf("note %s not among the ticket's parts", note.ID)
	}

	// The search (2.10) sees the new state.
	page, err := w.c.SearchTickets(ctx, query.Field("state").Eq(state), 150, "")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(page.Items, func(x models.Ticket) bool { return string(x.ID) == id }) {
		t.Errorf("ticket %s not found by state %s", id, state)
	}
	for _, x := range page.Items {
		if x.TicketState != state {
			t.Errorf("ticket %s in state %s matched state %s", x.ID, x.TicketState, state)
		}
	}
}

func TestFakeContactNote(t *testing.T) {
	w := newWorkspace(t, 20)
	ctx := context.Background()
	contact := string(w.ws.World().Contact(4).ID)

	note, err := w.c.CreateNote(ctx, contact, w.me, "<p>prefers e-mail</p>")
	if err != nil || note.Body != "<p>prefers e-mail</p>" || note.Author == nil || string(note.Author.ID) != w.me {
		t.Fatalf("create note: %+v, %v", note, err)
	}
	var found bool
	for cursor := ""; ; {
		p, err := w.c.ContactNotes(ctx, contact, cursor)
		if err != nil {
			t.Fatal(err)
		}
		found = found || slices.ContainsFunc(p.Items, func(n models.Note) bool { return n.ID == note.ID })
		if p.Next == "" {
			break
		}
		cursor = p.Next
	}
	if !found {
		t.Errorf("note %s not listed on contact %s", note.ID, contact)
	}
}

// TestFakeReads: every read method decodes what the workspace serves.
func TestFakeReads(t *testing.T) {
	w := newWorkspace(t, 40)
	ctx := context.Background()
	world := w.ws.World()
	contact := string(world.Contact(1).ID)

	must := func(what string, n int, err error) {
		t.Helper()
		if err != nil || n == 0 {
			t.Errorf("%s: %d items, %v", what, n, err)
		}
	}
	admins, err := w.c.Admins(ctx)
	must("admins", len(admins), err)
	if len(admins) > 0 {
		a, err := w.c.Admin(ctx, string(admins[1].ID))
		must("admin", len(a.Name), err)
	}
	teams, err := w.c.Teams(ctx)
	must("teams", len(teams), err)
	if len(teams) > 0 {
		tm, err := w.c.Team(ctx, string(teams[0].ID))
		must("team", len(tm.Name), err)
	}
	tags, err := w.c.Tags(ctx)
	must("tags", len(tags), err)
	segs, err := w.c.Segments(ctx)
	must("segments", len(segs), err)

	contacts, err := All(ctx, func(ctx context.Context, cursor string) (Page[models.Contact], error) {
		return w.c.ListContacts(ctx, 150, cursor)
	})
	must("contacts", len(contacts), err)
	if len(contacts) != world.NumContacts() {
		t.Errorf("listed %d contacts of %d", len(contacts), world.NumContacts())
	}
	c, err := w.c.Contact(ctx, contact)
	must("contact", len(c.ID), err)
	found, err := w.c.SearchContacts(ctx, query.Field("email").Eq(c.Email), 0, "")
	must("contact search", len(found.Items), err)
	// A contact with companies, tags and segments, to compare counts with the seed.
	rich := -1
	for i := range world.NumContacts() {
		if len(world.ContactCompanies(i)) > 0 && len(world.ContactTags(i)) > 0 && len(world.ContactSegments(i)) > 0 {
			rich = i
			break
		}
	}
	if rich < 0 {
		t.Fatal("no seeded contact has companies, tags and segments")
	}
	richID := string(world.Contact(rich).ID)
	companies, err := w.c.ContactCompanies(ctx, richID)
	if err != nil || len(companies) != len(world.ContactCompanies(rich)) {
		t.Errorf("companies: %d of %d, %v", len(companies), len(world.ContactCompanies(rich)), err)
	}
	ctags, err := w.c.ContactTags(ctx, richID)
	if err != nil || len(ctags) != len(world.ContactTags(rich)) {
		t.Errorf("contact tags: %d of %d, %v", len(ctags), len(world.ContactTags(rich)), err)
	}
	csegs, err := w.c.ContactSegments(ctx, richID)
	if err != nil || len(csegs) != len(world.ContactSegments(rich)) {
		t.Errorf("contact segments: %d of %d, %v", len(csegs), len(world.ContactSegments(rich)), err)
	}

	types, err := w.c.TicketTypes(ctx)
	must("ticket types", len(types), err)

	var articles []models.Article
	for a, err := range w.c.AllArticles(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		articles = append(articles, a)
	}
	must("articles", len(articles), nil)
	if len(articles) != world.NumArticles() {
		t.Errorf("listed %d articles of %d", len(articles), world.NumArticles())
	}
	if len(articles) > 0 {
		a, err := w.c.Article(ctx, string(articles[0].ID))
		must("article", len(a.Body), err)
	}
	hcs, err := w.c.HelpCenters(ctx)
	must("help centers", len(hcs), err)
	var cols, secs int
	for _, err := range w.c.AllCollections(ctx) {
		must("collections", 1, err)
		cols++
	}
	for _, err := range w.c.AllSections(ctx) {
		must("sections", 1, err)
		secs++
	}
	must("collections", cols, nil)
	must("sections", secs, nil)
}

func TestFakeCreateTag(t *testing.T) {
	w := newWorkspace(t, 20)
	if !slices.Contains(w.ws.Routes(), "POST /tags") {
		// Reported to the fake's owner: api.Endpoints has POST /tags, the fake does not
		// serve it yet (it answers the catch-all 404). The test runs once it does.
		t.Skip("the fake workspace does not serve POST /tags yet")
	}
	ctx := context.Background()
	tag, err := w.c.CreateTag(ctx, "Escalated to billing")
	if err != nil || tag.Name != "Escalated to billing" || tag.ID == "" {
		t.Fatalf("create tag: %+v, %v", tag, err)
	}
	tags, err := w.c.Tags(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(tags, func(x models.Tag) bool { return x.ID == tag.ID && x.Name == tag.Name }) {
		t.Errorf("tag %s not listed after creation", tag.ID)
	}
}
