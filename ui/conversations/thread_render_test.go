package conversations

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/markdown"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

func TestRenderSeededThread(t *testing.T) {
	w := threadWorld()
	dir := threadCtx(w).Dir
	dublin, err := time.LoadLocation("Europe/Dublin")
	if err != nil {
		t.Fatal(err)
	}
	for _, width := range []int{80, 60} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			c, body := renderSeeded(t, w, convEverything, width)
			text := threadText(body)
			for _, tag := range []string{"<p>", "<br", "</", "<div", "<img", "&amp;", "&lt;"} {
				if strings.Contains(text, tag) {
					t.Errorf("raw markup %q in the thread", tag)
				}
			}
			for i, l := range body.lines {
				if w := ansi.StringWidth(l); w > width {
					t.Errorf("line %d is %d cells wide, over %d: %q", i, w, width, ansi.Strip(l))
				}
			}
			if got, want := len(body.starts), len(c.Parts())+1; got != want {
				t.Errorf("%d entries start, want the source and %d parts", got, want-1)
			}

			// Headings: author, role, relative and absolute time in the workspace's zone.
			src := ansi.Strip(body.lines[body.starts[0]])
			created := time.Unix(c.CreatedAt, 0)
			wantWhen := fmt.Sprintf("%dd ago · %s", int(inboxNow.Sub(created).Hours()/24), created.In(dublin).Format("Mon 2 Jan 15:04"))
			if name := string(c.Source.Author.Name); !strings.HasPrefix(src, name+" customer") || !strings.HasSuffix(src, wantWhen) {
				t.Errorf("source heading %q, want %q … %q", src, name+" customer", wantWhen)
			}
			for _, role := range []string{" customer ", " teammate ", " bot "} {
				if !headingWith(body, role) {
					t.Errorf("no heading with the role %q", strings.TrimSpace(role))
				}
			}
			if !regexp.MustCompile(`(?m)^.+ teammate  Internal note +\d+[mhd] ago`).MatchString(text) {
				t.Errorf("no internal note heading:\n%s", text)
			}
			if !strings.Contains(text, "┃ ") {
				t.Error("notes lack their bar")
			}

			// Events are one muted line each.
			for _, p := range c.Parts() {
				var want string
				switch p.PartType {
				case "default_assignment":
					want = "— " + string(p.Author.Name) + " assigned to " + dir.TeamName(threadID(p.AssignedTo.ID)) + " team"
				case "close":
					want = "— " + string(p.Author.Name) + " closed"
				case "open":
					want = "— " + string(p.Author.Name) + " reopened"
				case "snoozed":
					want = "— " + string(p.Author.Name) + " snoozed"
				case "assignment":
					want = "— " + string(p.Author.Name) + " assigned to "
				default:
					continue
				}
				if !strings.Contains(text, want) {
					t.Errorf("no event line %q", want)
				}
			}

			// Attachments by name, type and URL.
			for _, p := range c.Parts() {
				for _, a := range p.Attachments {
					if !strings.Contains(text, theme.PlainIcons.Attachment+" "+a.Name+"  "+a.ContentType) {
						t.Errorf("attachment %q not listed", a.Name)
					}
					if !strings.Contains(strings.ReplaceAll(text, "\n     ", ""), a.URL) {
						t.Errorf("attachment URL %q not shown", a.URL)
					}
				}
			}
		})
	}
}

// headingWith reports whether an entry's heading line contains s.
func headingWith(b threadBody, s string) bool {
	for _, start := range b.starts {
		if strings.Contains(ansi.Strip(b.lines[start]), s) {
			return true
		}
	}
	return false
}

func TestRenderEventBodiesAndSnoozes(t *testing.T) {
	w := threadWorld()
	c, body := renderSeeded(t, w, convClosingNote, 80)
	parts := c.Parts()
	last := parts[len(parts)-1]
	if last.PartType != "close" || last.Body == "" {
		t.Fatalf("seed changed: conversation %d no longer ends with a closing note", convClosingNote)
	}
	end := strings.Split(ansi.Strip(strings.Join(body.lines[body.starts[len(body.starts)-1]:], "\n")), "\n")
	if !strings.HasPrefix(end[0], "— "+string(last.Author.Name)+" closed") || len(end) < 2 || !strings.HasPrefix(end[1], "  ") {
		t.Errorf("a close with a note should be its line then the note indented:\n%s", strings.Join(end, "\n"))
	}

	c, body = renderSeeded(t, w, convSnoozed, 80)
	if c.State != models.StateSnoozed {
		t.Fatalf("seed changed: conversation %d is %s", convSnoozed, c.State)
	}
	dublin, _ := time.LoadLocation("Europe/Dublin")
	until := time.Unix(int64(c.SnoozedUntil), 0).In(dublin).Format("Mon 2 Jan 15:04")
	if text := threadText(body); !strings.Contains(text, " snoozed until "+until) {
		t.Errorf("the latest snooze does not say until when (%s):\n%s", until, text)
	}
}

// hostileText tries every way onto the terminal: raw ESC/CSI/OSC (an OSC 8 link, an
// OSC 52 clipboard write), C0 and C1 controls and bidi overrides.
const hostileText = "Eve\x1b[2J\x1b]8;;http://evil\x1b\\name\x1b]8;;\x1b\\\x1b]52;c;aGk=\x07\x07\x08\r\u009b31m\u0085\u202eesreveR\u202c\u2066x\u2069"

func hostileConversation(w interface{ Conversation(int) models.Conversation }) models.Conversation {
	c := w.Conversation(convEverything)
	c.Source.Subject = "<b>" + hostileText + "</b>"
	c.Source.Author.Name = models.NullString(hostileText)
	c.Source.Author.Email = hostileText + "@x.co"
	c.Tags = &models.TagList{Tags: []models.Tag{{Name: hostileText}}}
	c.Source.Type = "x" + hostileText
	c.State = "open" + hostileText
	parts := c.Parts()
	for i := range parts {
		parts[i].Author.Name = models.NullString(hostileText)
		parts[i].Body = models.NullString("<p>" + hostileText + "</p><p>&#x1b;[31m&#27;]8;;http://y&#7; &#x202E;rlo &amp;#27;[32m</p>" +
			`<a href="javascript:alert(1)">js</a> <img src="https://x.example/` + hostileText + `">`)
		parts[i].PartType += hostileText[:4]
		for j := range parts[i].Attachments {
			parts[i].Attachments[j].Name = hostileText
			parts[i].Attachments[j].URL = "https://x.example/" + hostileText
			parts[i].Attachments[j].ContentType = hostileText
		}
	}
	return c
}

func TestThreadSanitizesEverything(t *testing.T) {
	w := threadWorld()
	c := hostileConversation(w)
	ctx := threadCtx(w)
	for _, width := range []int{80, 33} {
		th, _ := NewThread(ctx, markdown.New()).SetSize(width, 400)
		th, _ = th.Open(string(c.ID), &c) // the header from the summary, at once
		assertThreadSafe(t, th.View())
		in := th.input(&c)
		in.now, in.loc = inboxNow, time.UTC
		th, _ = th.Update(ThreadLoadedMsg{Loaded: shared.Loaded[*models.Conversation]{Req: th.loadReq, Value: &c}, ID: th.id, body: renderThreadBody(in)})
		view := th.View()
		assertThreadSafe(t, view)
		if plain := ansi.Strip(view); !strings.Contains(plain, "Evename") || !strings.Contains(plain, "esreveR") {
			t.Errorf("the visible text went too:\n%s", plain)
		}
		if strings.Contains(view, "javascript") {
			t.Error("a javascript: link target was shown")
		}
	}
}

// assertThreadSafe checks rendered output byte by byte: no OSC at all, no ESC that does
// not start an SGR sequence, and nothing but text and newlines once those are stripped.
func assertThreadSafe(t *testing.T, out string) {
	t.Helper()
	if strings.Contains(out, "\x1b]") {
		t.Fatalf("an OSC sequence reached the output: %q", out)
	}
	if s := markdown.SafeANSI(out); s != out {
		t.Fatalf("output holds what the SGR-only filter removes:\n%q\n%q", out, s)
	}
	for _, r := range ansi.Strip(out) {
		switch {
		case r == 0x1b:
			t.Fatalf("ESC left after Strip: %q", out)
		case r < 0x20 && r != '\n' && r != '\t', r == 0x7f, r >= 0x80 && r <= 0x9f:
			t.Fatalf("control %U left: %q", r, out)
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			t.Fatalf("bidi control %U left: %q", r, out)
		}
	}
}

// thread200 is a 200-part conversation: the parts of seeded conversations back to back,
// in time order, under the first one's source.
func thread200(tb testing.TB) models.Conversation {
	tb.Helper()
	w := threadWorld()
	c := w.Conversation(convEverything)
	var parts []models.Part
	for i := 0; len(parts) < 200; i++ {
		ci := w.Conversation(i)
		parts = append(parts, ci.Parts()...)
	}
	parts = parts[:200]
	for i := range parts {
		parts[i].CreatedAt = c.CreatedAt + int64(i)*60
	}
	c.ConversationParts = &models.PartList{ConversationParts: parts, TotalCount: len(parts)}
	return c
}

func benchInput(c *models.Conversation, md *markdown.Renderer) threadInput {
	ctx := threadCtx(threadWorld())
	return threadInput{conv: c, width: 100, styles: ctx.Styles, dir: ctx.Dir, now: inboxNow, loc: time.UTC, md: md}
}

// BenchmarkRenderThread200 is opening a 200-part thread for the first time: a fresh
// markdown cache (and glamour renderers).
func BenchmarkRenderThread200(b *testing.B) {
	c := thread200(b)
	b.ReportAllocs()
	for b.Loop() {
		if body := renderThreadBody(benchInput(&c, markdown.New())); len(body.starts) != 201 {
			b.Fatalf("%d entries", len(body.starts))
		}
	}
}

// BenchmarkRenderThread200Cached is rendering it again (a reload, a theme toggle back):
// every body comes from the cache.
func BenchmarkRenderThread200Cached(b *testing.B) {
	c := thread200(b)
	in := benchInput(&c, markdown.New())
	renderThreadBody(in)
	b.ReportAllocs()
	for b.Loop() {
		renderThreadBody(in)
	}
}

func TestEventOneLinersAndRedaction(t *testing.T) {
	w := threadWorld()
	ctx := threadCtx(w)
	admins, teams := w.Admins(), w.Teams()
	aoife := models.Author{Type: "admin", ID: admins[1].ID, Name: models.NullString(admins[1].Name)}
	at := inboxNow.Add(-2 * time.Hour).Unix()
	part := func(typ string, to *models.Reference, body string) models.Part {
		return models.Part{ID: models.ID(fmt.Sprint(len(typ), at)), PartType: typ, Author: aoife, CreatedAt: at, UpdatedAt: at, AssignedTo: to, Body: models.NullString(body)}
	}
	c := models.Conversation{ID: "77", CreatedAt: at, State: models.StateOpen, ConversationParts: &models.PartList{ConversationParts: []models.Part{
		part("assignment", &models.Reference{Type: "team", ID: teams[0].ID}, ""),
		part("assignment", &models.Reference{Type: "admin", ID: admins[2].ID}, ""),
		part("assignment", &models.Reference{Type: "admin", ID: aoife.ID}, ""),
		part("assignment", nil, ""),
		part("assign_and_reopen", &models.Reference{Type: "admin", ID: admins[2].ID}, ""),
		part("conversation_attribute_updated_by_admin", nil, ""),
		part("sla_target_missed", nil, ""),
		part("close", nil, "<p>Closing: <b>fixed</b> in 2.3</p>"),
		{ID: "9", PartType: "comment", Author: aoife, CreatedAt: at, Body: "<p>secret</p>", Redacted: true},
	}}}
	body := renderThreadBody(threadInput{conv: &c, width: 90, styles: ctx.Styles, dir: ctx.Dir, now: inboxNow, loc: time.UTC, md: markdown.New()})
	text := threadText(body)
	name := admins[1].Name
	for _, want := range []string{
		"— " + name + " assigned to " + teams[0].Name + " team",
		"— " + name + " assigned to " + admins[2].Name + " ",
		"— " + name + " assigned to themselves",
		"— " + name + " unassigned",
		"— " + name + " reopened and assigned to " + admins[2].Name,
		"— " + name + " updated a conversation attribute",
		"— " + name + ": sla target missed",
		"— " + name + " closed",
		"  Closing: fixed in 2.3",
		"This message was redacted.",
		"2h ago · Tue 24 Nov 12:05",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
	if strings.Contains(text, "secret") {
		t.Error("a redacted body was shown")
	}
	// Events in a row stay together; a message is set apart by a blank line.
	if body.starts[1] != body.starts[0]+1 {
		t.Errorf("consecutive events are spaced: starts %v", body.starts)
	}
}

func TestThreadTitle(t *testing.T) {
	src := func(subject, body string) *models.Conversation {
		return &models.Conversation{Source: &models.Source{Subject: subject, Body: body}}
	}
	cases := []struct {
		c    *models.Conversation
		want string
	}{
		{src("<p>Refund &amp; <b>invoice</b></p>", "<p>body</p>"), "Refund & invoice"},
		{&models.Conversation{Title: "  Billing   question ", Source: &models.Source{Body: "<p>x</p>"}}, "Billing question"},
		{src("", "<style>p{}</style><p>Hi <i>there</i>,<br>second line</p>"), "Hi there, second line"}, // a short first line is followed by the next
		{src("", ""), "Conversation #42"},
		{nil, "Conversation #42"},
	}
	for _, c := range cases {
		if got := threadTitle(c.c, "42"); got != c.want {
			t.Errorf("threadTitle = %q, want %q", got, c.want)
		}
	}
}
