package seed

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/intercom-tui/intercom-tui/models"
)

// TestConversationCoverage: the first 300 conversations show every state, channel,
// priority and the other variety a demo inbox needs, for several seeds.
func TestConversationCoverage(t *testing.T) {
	for _, seed := range []int64{0, 1, 2, 42, 1234567} {
		w := New(seed, 300, testNow)
		seen := map[string]bool{}
		var html strings.Builder
		for i := range 300 {
			c := w.Conversation(i)
			seen["state:"+c.State] = true
			seen["channel:"+c.Source.Type] = true
			seen["priority:"+c.Priority] = true
			seen["delivered_as:"+c.Source.DeliveredAs] = true
			seen["source_author:"+c.Source.Author.Type] = true
			seen["read:"+boolStr(c.Read)] = true
			seen["waiting:"+boolStr(c.WaitingSince != 0)] = true
			seen["admin_assigned:"+boolStr(c.AdminAssigneeID != 0)] = true
			seen["team_assigned:"+boolStr(c.TeamAssigneeID != 0)] = true
			seen["tagged:"+boolStr(len(c.Tags.Tags) > 0)] = true
			seen["sla:"+boolStr(c.SLAApplied != nil)] = true
			seen["rating:"+boolStr(c.ConversationRating != nil)] = true
			seen["statistics:"+boolStr(c.Statistics != nil)] = true
			seen["teammates:"+boolStr(c.Teammates != nil)] = true
			seen["title:"+boolStr(c.Title != "")] = true
			seen["two_contacts:"+boolStr(len(c.Contacts.Contacts) == 2)] = true
			seen["reopened:"+boolStr(c.Statistics != nil && c.Statistics.CountReopens > 0)] = true
			html.WriteString(c.Source.Body)
			for _, p := range c.Parts() {
				seen["part:"+p.PartType] = true
				seen["part_author:"+p.Author.Type] = true
				seen["part_attachments:"+boolStr(len(p.Attachments) > 0)] = true
				html.WriteString(string(p.Body))
			}
		}
		var missing []string
		for _, want := range coverageWanted() {
			if !seen[want] {
				missing = append(missing, want)
			}
		}
		if len(missing) > 0 {
			t.Errorf("seed %d: first 300 conversations lack %v", seed, missing)
		}
		all := html.String()
		for _, frag := range []string{"<p>", "<br>", `<a href="`, "<b>", "<i>", "<ul>", "<ol>", "<li>", "<code>", "<pre>", "<img ", "🎉", "👍", "🙏"} {
			if !strings.Contains(all, frag) {
				t.Errorf("seed %d: no %q in any body", seed, frag)
			}
		}
		for name, re := range scripts {
			if !re.MatchString(all) {
				t.Errorf("seed %d: no %s text in any body", seed, name)
			}
		}
	}
}

var scripts = map[string]*regexp.Regexp{
	"Japanese": regexp.MustCompile(`\p{Hiragana}|\p{Katakana}`), "Chinese": regexp.MustCompile(`\p{Han}`),
	"Arabic": regexp.MustCompile(`\p{Arabic}`), "Cyrillic": regexp.MustCompile(`\p{Cyrillic}`),
	"Greek": regexp.MustCompile(`\p{Greek}`),
}

func coverageWanted() []string {
	var want []string
	for _, s := range states {
		want = append(want, "state:"+s)
	}
	for _, ch := range channels {
		want = append(want, "channel:"+ch)
	}
	want = append(want, "priority:priority", "priority:not_priority", "delivered_as:customer_initiated",
		"delivered_as:admin_initiated", "source_author:user", "source_author:lead", "source_author:admin", "source_author:bot")
	for _, k := range []string{"read", "waiting", "admin_assigned", "team_assigned", "tagged", "sla", "rating", "statistics",
		"teammates", "title", "two_contacts", "reopened", "part_attachments"} {
		want = append(want, k+":true", k+":false")
	}
	for _, p := range []string{"comment", "note", "assignment", "default_assignment", "snoozed", "close", "open"} {
		want = append(want, "part:"+p)
	}
	for _, a := range []string{"user", "lead", "admin", "bot"} {
		want = append(want, "part_author:"+a)
	}
	return want
}

func boolStr(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// TestConversationInvariants: what the UI and the fake's handlers rely on, for every
// conversation of a few thousand.
func TestConversationInvariants(t *testing.T) {
	w := New(99, 3000, testNow)
	now := testNow.Unix()
	teams := map[models.ID]bool{}
	for _, tm := range w.Teams() {
		teams[tm.ID] = true
	}
	for i := range w.NumConversations() {
		c := w.Conversation(i)
		fail := func(format string, args ...any) {
			t.Helper()
			t.Fatalf("conversation %d (%s, %s): "+format, append([]any{i, c.ID, c.State}, args...)...)
		}
		parts := c.Parts()
		if n := len(parts); n < 2 || n > 40 || c.ConversationParts.TotalCount != n {
			fail("%d parts (total_count %d)", n, c.ConversationParts.TotalCount)
		}
		if c.Statistics != nil && c.Statistics.CountConversationParts != len(parts) {
			fail("count_conversation_parts %d for %d parts", c.Statistics.CountConversationParts, len(parts))
		}
		if c.CreatedAt >= c.UpdatedAt || c.UpdatedAt > now || c.CreatedAt < now-75*day {
			fail("created %d updated %d now %d", c.CreatedAt, c.UpdatedAt, now)
		}
		prev := c.CreatedAt
		for k, p := range parts {
			if p.CreatedAt <= prev || !reNumeric.MatchString(string(p.ID)) {
				fail("part %d: id %q at %d after %d", k, p.ID, p.CreatedAt, prev)
			}
			prev = p.CreatedAt
			checkPartBody(t, fail, k, p)
		}
		if last := parts[len(parts)-1]; last.CreatedAt != c.UpdatedAt {
			fail("last part at %d, updated_at %d", last.CreatedAt, c.UpdatedAt)
		}
		last := parts[len(parts)-1].PartType
		switch c.State {
		case models.StateClosed:
			if last != "close" || c.Open || c.WaitingSince != 0 || c.SnoozedUntil != 0 {
				fail("closed: last %s open %v waiting %d snoozed %d", last, c.Open, c.WaitingSince, c.SnoozedUntil)
			}
		case models.StateSnoozed:
			if last != "snoozed" || !c.Open || int64(c.SnoozedUntil) <= now {
				fail("snoozed: last %s open %v until %d", last, c.Open, c.SnoozedUntil)
			}
		case models.StateOpen:
			if last == "close" || last == "snoozed" || !c.Open || c.SnoozedUntil != 0 {
				fail("open: last %s open %v", last, c.Open)
			}
		default:
			fail("unknown state")
		}
		checkAssignees(t, fail, &c, teams)
		checkWaiting(fail, &c)
		checkPeople(fail, &c)
		if c.Tags != nil {
			for _, tg := range c.Tags.Tags {
				if int64(tg.AppliedAt) < c.CreatedAt || int64(tg.AppliedAt) > c.UpdatedAt {
					fail("tag %s applied at %d", tg.Name, tg.AppliedAt)
				}
			}
		}
		full := c
		full.ConversationParts = nil
		if !bytes.Equal(mustJSON(t, full), mustJSON(t, w.ConversationSummary(i))) {
			fail("summary differs from the full conversation without parts")
		}
	}
}

func checkPartBody(t *testing.T, fail func(string, ...any), k int, p models.Part) {
	t.Helper()
	switch p.PartType {
	case "comment", "note":
		if p.Body == "" {
			fail("part %d: %s without body", k, p.PartType)
		}
	case "snoozed", "open":
		if p.Body != "" {
			fail("part %d: %s with a body", k, p.PartType)
		}
	case "assignment", "default_assignment":
		if p.AssignedTo == nil {
			fail("part %d: assignment without assigned_to", k)
		}
	case "close":
	default:
		fail("part %d: unexpected part_type %q", k, p.PartType)
	}
	if p.PartType != "assignment" && p.PartType != "default_assignment" && p.AssignedTo != nil {
		fail("part %d: %s with assigned_to", k, p.PartType)
	}
	if p.PartType == "note" && p.Author.Type != "admin" {
		fail("part %d: note by %s", k, p.Author.Type)
	}
}

// checkAssignees: the assignees are the targets of the last admin and team assignments.
func checkAssignees(t *testing.T, fail func(string, ...any), c *models.Conversation, teams map[models.ID]bool) {
	t.Helper()
	var lastAdmin, lastTeam models.ID
	assignments := 0
	for _, p := range c.Parts() {
		if p.AssignedTo == nil {
			continue
		}
		assignments++
		switch p.AssignedTo.Type {
		case "admin":
			lastAdmin = p.AssignedTo.ID
		case "team":
			if !teams[p.AssignedTo.ID] {
				fail("assigned to unknown team %s", p.AssignedTo.ID)
			}
			lastTeam = p.AssignedTo.ID
		default:
			fail("assigned_to type %q", p.AssignedTo.Type)
		}
	}
	if string(lastAdmin) != nullIntStr(c.AdminAssigneeID) || string(lastTeam) != nullIntStr(c.TeamAssigneeID) {
		fail("assignees admin %d team %d, last assignments admin %q team %q", c.AdminAssigneeID, c.TeamAssigneeID, lastAdmin, lastTeam)
	}
	if c.Statistics != nil && c.Statistics.CountAssignments != assignments {
		fail("count_assignments %d, %d assignment parts", c.Statistics.CountAssignments, assignments)
	}
}

func nullIntStr(n models.NullInt) string {
	if n == 0 {
		return ""
	}
	return itoa(int64(n))
}

// checkWaiting: waiting_since is null when an admin replied last, else when the
// customer's unanswered run started.
func checkWaiting(fail func(string, ...any), c *models.Conversation) {
	lastComment := ""
	for _, p := range c.Parts() {
		if p.PartType == "comment" && p.Author.Type != "bot" {
			lastComment = p.Author.Type
		}
	}
	if lastComment == "admin" && c.WaitingSince != 0 {
		fail("waiting_since %d although an admin replied last", c.WaitingSince)
	}
	if c.WaitingSince != 0 && (int64(c.WaitingSince) < c.CreatedAt || int64(c.WaitingSince) > c.UpdatedAt) {
		fail("waiting_since %d outside the conversation", c.WaitingSince)
	}
	if c.State != models.StateClosed && (lastComment == "user" || lastComment == "lead") && c.WaitingSince == 0 {
		fail("customer replied last but waiting_since is null")
	}
}

// checkPeople: customers who write are the conversation's contacts, and the channel
// fits the source (pushes are outbound, customer-initiated sources have a customer author).
func checkPeople(fail func(string, ...any), c *models.Conversation) {
	ids := c.ContactIDs()
	if len(ids) < 1 || len(ids) > 2 {
		fail("%d contacts", len(ids))
	}
	customer := func(a models.Author) bool { return a.Type == "user" || a.Type == "lead" }
	for _, p := range c.Parts() {
		if customer(p.Author) && !slices.Contains(ids, p.Author.ID) {
			fail("part by %s who is not a contact", p.Author.ID)
		}
	}
	s := c.Source
	if (s.DeliveredAs == "customer_initiated") != customer(s.Author) {
		fail("source delivered_as %s by %s", s.DeliveredAs, s.Author.Type)
	}
	if customer(s.Author) && s.Author.ID != ids[0] {
		fail("source author is not the first contact")
	}
	if s.Type == "push" && s.DeliveredAs == "customer_initiated" {
		fail("a customer-initiated push")
	}
	if (s.Type == "email") != (s.Subject != "") {
		fail("subject %q on a %s source", s.Subject, s.Type)
	}
}

func TestActivityOrder(t *testing.T) {
	w := New(17, 20_000, testNow)
	order := w.ConversationsByActivity()
	if len(order) != w.NumConversations() {
		t.Fatalf("%d indices for %d conversations", len(order), w.NumConversations())
	}
	seen := make([]bool, len(order))
	prev := int64(1 << 62)
	for k, i := range order {
		if seen[i] {
			t.Fatalf("index %d twice", i)
		}
		seen[i] = true
		u := w.ConversationSummary(i).UpdatedAt
		if u > prev {
			t.Fatalf("position %d: updated_at %d after %d", k, u, prev)
		}
		prev = u
	}
	compact := w.ActivityOrder()
	for k := range order {
		if int(compact[k]) != order[k] {
			t.Fatalf("ActivityOrder and ConversationsByActivity differ at %d", k)
		}
	}
	order[0] = -1 // callers may modify their copy
	if w.ConversationsByActivity()[0] == -1 {
		t.Error("ConversationsByActivity returned a shared slice")
	}
}

// TestConcurrentUse: handlers call the World from many goroutines (run with -race).
func TestConcurrentUse(t *testing.T) {
	w := New(21, 2000, testNow)
	done := make(chan bool)
	for g := range 4 {
		go func() {
			for i := g; i < 200; i += 4 {
				_ = w.Conversation(i)
				_ = w.Contact(i % w.NumContacts())
				_ = w.ActivityOrder()
			}
			done <- true
		}()
	}
	for range 4 {
		<-done
	}
}
