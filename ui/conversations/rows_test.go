package conversations

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/theme"
	"github.com/intercom-tui/intercom-tui/workspace"
)

func TestBodyLead(t *testing.T) {
	cases := []struct{ body, want string }{
		{"<p>Hello there, my export never finishes and I need it today</p><p>Thanks</p>", "Hello there, my export never finishes and I need it today"},
		{"<p>Hi,</p><p>I can&#39;t log in &amp; the reset mail never comes.</p><p>Ana</p>", "Hi, I can't log in & the reset mail never comes."},
		{"Plain text, no tags", "Plain text, no tags"},
		{"<div>  spaced\t\tout  </div>", "spaced out"},
		{"a < b and <b>bold</b>", "a < b and bold"},
		{"<p>evil &#27;]0;title&#7; here</p>", "evil here"}, // an encoded OSC is decoded, then dropped
		{"<p>\x1b[31mred\x1b[0m</p>", "red"},
		{"<p>bidi \u202eoverride</p>", "bidi override"},
		{"<p></p><br><p>after blanks</p>", "after blanks"},
		{"<p>unterminated <a href=", "unterminated"},
		{"", ""},
	}
	for _, tc := range cases {
		if got := bodyLead(tc.body); got != tc.want {
			t.Errorf("bodyLead(%q) = %q, want %q", tc.body, got, tc.want)
		}
	}
}

func TestRowFields(t *testing.T) {
	dir := workspace.NewDirectory(models.Me{ID: "1"},
		[]models.Admin{{ID: "7", Name: "Ana \x1b[2JAdmin"}}, []models.Team{{ID: "9", Name: "Billing"}})
	base := func() models.Conversation {
		return models.Conversation{ID: "c1", UpdatedAt: 1000, Read: true, Priority: models.PriorityNone,
			Source:   &models.Source{Type: "whatsapp", Subject: "", Body: "<p>Where is my order?</p>", Author: models.Author{Type: "lead", Name: "Zoë\u202e Ng"}},
			Contacts: &models.ContactRefList{Contacts: []models.ContactReference{{ID: "6657abe46abd0164c24b0df2"}}},
			Tags:     &models.TagList{Tags: []models.Tag{{Name: "VIP"}, {Name: "Refund"}}},
		}
	}
	c := base()
	r := newConvRow(&c, dir)
	if r.who != "Zoë Ng" || r.subject != "Where is my order?" || r.channel != "wa" || r.assignee != "unassigned" ||
		r.tags != "VIP, Refund" || r.unread || r.priority || r.since != 1000 {
		t.Fatalf("row %+v", r)
	}

	c = base()
	c.Read, c.Priority, c.WaitingSince, c.AdminAssigneeID = false, models.PriorityHigh, 900, 7
	c.Source.Author = models.Author{Type: "bot", Name: "Operator"}
	c.Source.Subject = "<p>Invoice &amp; VAT</p>"
	r = newConvRow(&c, dir)
	if r.who != "…4b0df2" || r.subject != "Invoice & VAT" || r.assignee != "Ana Admin" || !r.unread || !r.priority || r.since != 900 {
		t.Fatalf("row %+v", r)
	}

	c = base()
	c.TeamAssigneeID, c.Source, c.Contacts, c.Title = 9, nil, nil, "From the title"
	r = newConvRow(&c, dir)
	if r.who != "—" || r.subject != "From the title" || r.assignee != "Billing" || r.channel != "" {
		t.Fatalf("row %+v", r)
	}
	if got := r.searchText(); got != "—\x00from the title\x00vip, refund\x00billing" {
		t.Fatalf("search text %q", got)
	}
}

func TestRowAge(t *testing.T) {
	const now = 10_000_000
	cases := []struct {
		ago  int64
		want string
	}{{0, "now"}, {59, "now"}, {-30, "now"}, {240, "4m"}, {3599, "59m"}, {7200, "2h"}, {3 * 86400, "3d"},
		{99 * 86400, "99d"}, {120 * 86400, "17w"}, {800 * 86400, "2y"}}
	for _, tc := range cases {
		if got := textfmt.Age(now-tc.ago, now); got != tc.want {
			t.Errorf("%ds ago: %q, want %q", tc.ago, got, tc.want)
		}
	}
	if got := textfmt.Age(0, now); got != "now" {
		t.Errorf("no time: %q", got)
	}
}

// Columns drop as the list narrows: tags first, then channel, then assignee.
func TestLayoutDropsColumnsInOrder(t *testing.T) {
	prev := newRowLayout(200)
	if prev.tags == 0 || prev.channel == 0 || prev.assign == 0 {
		t.Fatalf("200 wide shows every column: %+v", prev)
	}
	for w := 199; w >= 0; w-- {
		l := newRowLayout(w)
		switch {
		case l.tags > 0 && (l.channel == 0 || l.assign == 0):
			t.Fatalf("%d: tags kept after channel or assignee: %+v", w, l)
		case l.channel > 0 && l.assign == 0:
			t.Fatalf("%d: channel kept after assignee: %+v", w, l)
		}
		if l.exact {
			sum := colMark + l.who + 1 + l.subject + 1 + colAge
			for _, c := range []int{l.assign, l.channel, l.tags} {
				if c > 0 {
					sum += c + 1
				}
			}
			if sum != w {
				t.Fatalf("%d: exact layout adds up to %d", w, sum)
			}
		}
	}
	if l := newRowLayout(40); l.tags+l.channel+l.assign != 0 || l.subject == 0 {
		t.Fatalf("40 wide: %+v", l)
	}
}

func TestRenderedRowsAreExactlyTheirWidth(t *testing.T) {
	st := theme.New(theme.Light)
	c := models.Conversation{ID: "x", UpdatedAt: 100, Source: &models.Source{Type: "email",
		Author: models.Author{Type: "user", Email: "very.long.address.for.testing@example.com"},
		Body:   strings.Repeat("word ", 100)}}
	r := newConvRow(&c, nil)
	for w := 0; w <= 200; w++ {
		for _, sel := range []bool{false, true} {
			rs := newRowStyles(st, sel)
			if got := ansi.StringWidth(r.render(newRowLayout(w), &rs, 100_000)); got != w {
				t.Fatalf("width %d selected=%v: %d", w, sel, got)
			}
		}
	}
}
