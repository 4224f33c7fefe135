package tickets

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/markdown"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

var dublin = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Dublin")
	if err != nil {
		return time.UTC
	}
	return loc
}()

// body renders a ticket's body at width, plain.
func body(h *harness, t *models.Ticket, width int) []string {
	in := detailInput{ticket: t, width: width, styles: h.ctx.Styles, dir: h.ctx.Dir, md: markdown.New(), now: testNow, loc: dublin}
	lines := renderDetailBody(in)
	for i, l := range lines {
		lines[i] = ansi.Strip(l)
		if w := ansi.StringWidth(l); w > width {
			h.t.Errorf("line %d is %d wide at %d: %q", i, w, width, lines[i])
		}
	}
	return lines
}

// labelLine is the line that starts with the attribute's name, and the line after it.
func labelLine(t *testing.T, lines []string, name string) (string, string) {
	t.Helper()
	for i, l := range lines {
		if strings.HasPrefix(l, name) {
			next := ""
			if i+1 < len(lines) {
				next = lines[i+1]
			}
			return l, next
		}
	}
	t.Fatalf("no line for %q in:\n%s", name, strings.Join(lines, "\n"))
	return "", ""
}

func TestDetailShowsEveryDataType(t *testing.T) {
	h := newHarness(t, 80, 24)
	billing, bug := h.server(billingTicket), h.server(bugTicket)
	if billing.TicketType.Name != "Billing question" || bug.TicketType.Name != "Bug report" {
		t.Fatalf("seed changed: %s, %s", billing.TicketType.Name, bug.TicketType.Name)
	}
	invoiceDate := int64(billing.TicketAttributes["Invoice date"].(float64))
	lines := append(body(h, &billing, 100), body(h, &bug, 100)...)
	cases := []struct{ name, value, next string }{
		{"Invoice number", "INV-2024-5792", ""},                         // string
		{"Description", "", "  Customer was charged twice on the 1st."}, // multiline string
		{"Steps to reproduce", "", "  1. Open Settings → Data"},         // multiline string
		{"Plan", "Premium", ""},                                         // list
		{"Severity", "Medium", ""},                                      // list
		{"Affected users", "330", ""},                                   // integer
		{"Amount disputed", "588.96", ""},                               // decimal
		{"Refund requested", "yes", ""},                                 // boolean
		{"Regression", "no", ""},                                        // boolean
		{"Invoice date", textfmt.AbsTime(invoiceDate, testNow, dublin) + " · " + relTime(invoiceDate, testNow), ""}, // datetime
		{"Invoice PDF", "", "  ❐ screenshot.png  image/png · 1.9 MB"},                                               // files
		{"State", "Resolved (internal and external)", ""},
		{"Type", "💳 Billing question", ""},
		{"Shared", "yes · customers can see it", ""},
	}
	for _, c := range cases {
		line, next := labelLine(t, lines, c.name)
		if c.value != "" && strings.TrimSpace(strings.TrimPrefix(line, c.name)) != c.value {
			t.Errorf("%s: %q, want %q", c.name, line, c.value)
		}
		if c.next != "" && next != c.next {
			t.Errorf("%s: the line below is %q, want %q", c.name, next, c.next)
		}
	}
	text := strings.Join(lines, "\n")
	if !strings.Contains(text, "https://downloads.intercomcdn.com/i/o/929320656/7d8f6e3037c7/screenshot.png") {
		t.Errorf("a file's URL is missing:\n%s", text)
	}
	if strings.Contains(text, "_default_") || strings.Count(text, "VAT number missing on invoice") != 0 {
		t.Errorf("the title (the header's) or a raw attribute name is in the body:\n%s", text)
	}
}

func TestAttributeValuesByDataType(t *testing.T) {
	st := theme.New(theme.Dark)
	in := detailInput{width: 80, styles: st, now: testNow, loc: time.UTC}
	list := models.TicketTypeAttribute{DataType: models.DataList, InputOptions: map[string]any{"list_options": []any{
		map[string]any{"id": "7f0c-uuid", "label": "Critical"}, map[string]any{"id": "a1b2", "label": "Low"},
	}}}
	cases := []struct {
		attr models.TicketTypeAttribute
		v    any
		want string
	}{
		{list, "7f0c-uuid", "Critical"}, // an option id resolves to its label
		{list, "Low", "Low"},            // a label is shown as is
		{list, []any{"a1b2", "7f0c-uuid"}, "Low, Critical"},
		{models.TicketTypeAttribute{DataType: models.DataInteger}, 1234567.0, "1,234,567"},
		{models.TicketTypeAttribute{DataType: models.DataInteger}, "42", "42"},
		{models.TicketTypeAttribute{DataType: models.DataDecimal}, 1234.5, "1,234.50"},
		{models.TicketTypeAttribute{DataType: models.DataDecimal}, -0.125, "-0.125"},
		{models.TicketTypeAttribute{DataType: models.DataDecimal}, 12.0, "12"},
		{models.TicketTypeAttribute{DataType: models.DataBoolean}, true, "yes"},
		{models.TicketTypeAttribute{DataType: models.DataBoolean}, "false", "no"},
		{models.TicketTypeAttribute{DataType: models.DataDatetime}, float64(testNow.Add(72 * time.Hour).Unix()), "Fri 27 Nov 14:05 · in 3d"},
		{models.TicketTypeAttribute{DataType: models.DataDatetime}, "2026-11-21T14:05:00Z", "Sat 21 Nov 14:05 · 3d ago"},
		{models.TicketTypeAttribute{DataType: models.DataString}, "one  line", "one line"},
		{models.TicketTypeAttribute{DataType: models.DataString}, nil, noValue},
		{models.TicketTypeAttribute{DataType: models.DataFiles}, []any{}, noValue},
		{models.TicketTypeAttribute{DataType: "rating"}, 4.0, "4"}, // a type this version does not know
	}
	for _, c := range cases {
		v := renderValue(in, c.attr, c.v)
		if got := ansi.Strip(v.text); v.block != nil || got != c.want {
			t.Errorf("%s %v: %q (block %q), want %q", c.attr.DataType, c.v, got, v.block, c.want)
		}
	}
	// A value the type does not describe follows, typed by what it holds.
	tk := &models.Ticket{TicketAttributes: map[string]any{"zeta": true, "alpha": 2.5, attrTitle: "T"}, TicketType: &models.TicketType{}}
	in.ticket = tk
	got := ansi.Strip(strings.Join(attributeLines(in), "\n"))
	if !strings.Contains(got, "alpha") || !strings.Contains(got, "2.50") || strings.Index(got, "alpha") > strings.Index(got, "zeta") || strings.Contains(got, "Title") {
		t.Errorf("extra attributes:\n%s", got)
	}
}

func TestTimelineSaysWhatHappened(t *testing.T) {
	h := newHarness(t, 80, 24)
	// A ticket with a note, a state change and an assignment.
	w := h.ws.World()
	var tk models.Ticket
	for i := range w.NumTickets() {
		c := w.Ticket(i)
		notes := 0
		for _, p := range c.Parts() {
			if p.PartType == "note" {
				notes++
			}
		}
		if notes > 0 && c.TicketState == models.TicketResolved {
			tk = c
			break
		}
	}
	if tk.ID == "" {
		t.Fatal("no resolved ticket with a note in the seed")
	}
	text := strings.Join(body(h, &tk, 90), "\n")
	for _, want := range []string{"submitted it", "assigned it to", " to resolved", "Internal note", "ago · "} {
		if !strings.Contains(text, want) {
			t.Errorf("the timeline lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "<p>") {
		t.Errorf("a note's HTML is shown raw:\n%s", text)
	}
}

// evil carries what a hostile customer or teammate could put in a string: a screen
// clear, a window title (OSC 0), a hyperlink (OSC 8), a clipboard write (OSC 52), C0/C1
// controls and bidi overrides, as JSON escapes.
const evil = `\u001b[2J\u001b]0;pwned\u0007Eve\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\\u001b]52;c;cm0gLXJm\u0007\u0085\u009b31m\u202eesreveR\u202c\u2066x\u2069\u0008`

// hostile rewrites every answer so that titles, names, labels, attribute values, note
// bodies, file names and URLs carry evil.
func hostile(next http.Handler) http.Handler {
	keys := []string{"_default_title_", "_default_description_", "name", "body", "ticket_state_internal_label",
		"ticket_state_external_label", "icon", "label", "Invoice number", "Plan", "Severity", "url", "content_type", "external_id", "email"}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := httptest.NewRecorder()
		next.ServeHTTP(rec, r)
		out := rec.Body.Bytes()
		for _, k := range keys {
			out = bytes.ReplaceAll(out, []byte(`"`+k+`":"`), []byte(`"`+k+`":"`+evil))
		}
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.Header().Del("Content-Length")
		w.WriteHeader(rec.Code)
		_, _ = w.Write(out)
	})
}

func TestHostileStringsNeverReachTheScreen(t *testing.T) {
	h := newHarnessWith(t, 160, 60, hostile)
	h.switchTo(viewResolved) // the seed's notes are on resolved tickets too
	assertSafe(t, h.p.View())
	h.openByID(billingTicket)
	assertSafe(t, h.p.View())
	h.press("G")
	view := h.p.View()
	assertSafe(t, view)
	plain := ansi.Strip(view)
	if !strings.Contains(plain, "Eveclick") || !strings.Contains(plain, "esreveR") {
		t.Errorf("the visible text went too:\n%s", plain)
	}
	for _, key := range []string{"S", "a", "N"} { // overlays built from remote strings
		h.press(key)
		if o := h.top(); o != nil {
			assertSafe(t, o.View(160, 60))
			h.press("esc")
		}
	}
	h.press("esc", "/", "eve")
	assertSafe(t, h.p.View())
}

// assertSafe checks rendered output byte by byte: no OSC at all, no ESC that does not
// start an SGR sequence, and nothing but text and newlines once those are stripped.
func assertSafe(t *testing.T, out string) {
	t.Helper()
	if strings.Contains(out, "\x1b]") {
		t.Fatalf("an OSC sequence reached the output: %q", out)
	}
	if s := markdown.SafeANSI(out); s != out {
		t.Fatalf("output holds what the SGR-only filter removes:\n%q", out)
	}
	for _, r := range ansi.Strip(out) {
		switch {
		case r == 0x1b:
			t.Fatalf("ESC left after Strip: %q", out)
		case r < 0x20 && r != '\n', r == 0x7f, r >= 0x80 && r <= 0x9f:
			t.Fatalf("control %U left: %q", r, out)
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			t.Fatalf("bidi control %U left: %q", r, out)
		}
	}
}

func TestViewFitsEverySize(t *testing.T) {
	sizes := [][2]int{{40, 10}, {80, 24}, {120, 36}, {200, 50}, {1, 1}, {2, 3}, {12, 2}, {119, 5}, {0, 0}, {30, 0}}
	h := newHarness(t, 80, 24)
	states := map[string]func(){
		"list":       func() {},
		"detail":     func() { h.press("enter") },
		"scrolled":   func() { h.press("enter", "G") },
		"filter":     func() { h.press("/", "sso") },
		"open by id": func() { h.press("i", "99999", "enter") },
	}
	for name, enter := range states {
		h = newHarness(t, 80, 24)
		enter()
		for _, s := range sizes {
			h.send(shared.SizeMsg{Width: s[0], Height: s[1]})
			view := h.p.View()
			checkViewSize(t, view, s[0], s[1])
			if t.Failed() {
				t.Fatalf("state %s", name)
			}
		}
	}
	// Before anything has loaded.
	p := New(h.ctx)
	for _, s := range sizes {
		p, _ = p.Update(shared.SizeMsg{Width: s[0], Height: s[1]})
		checkViewSize(t, p.View(), s[0], s[1])
	}
}
