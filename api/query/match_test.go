package query

import (
	"testing"

	"github.com/intercom-tui/intercom-tui/models"
)

type matchCase struct {
	name string
	q    models.Query
	rec  Map
	want bool
}

func runMatch(t *testing.T, res Resource, cases []matchCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Match(res, c.q, c.rec)
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Fatalf("Match = %v, want %v", got, c.want)
			}
		})
	}
}

func TestMatchConversations(t *testing.T) {
	body := Map{"source.body": String("<p>I need <b>support</b> with my refund&nbsp;please</p>")}
	ids := Map{"contact_ids": Strings("c1", "c2")}
	conv := Map{
		"state": String("open"), "open": Bool(true), "created_at": Date(100),
		"admin_assignee_id": Int(42), "source.author.email": String("Bob@Example.com"),
		"source.subject": String("Ünïcode Straße"),
	}
	runMatch(t, Conversations, []matchCase{
		{"=", Field("state").Eq("open"), conv, true},
		{"= is case-sensitive", Field("state").Eq("Open"), conv, false},
		{"!=", Field("state").Ne("open"), conv, false},
		{"IN", Field("state").In("snoozed", "open"), conv, true},
		{"NIN", Field("state").NotIn("snoozed", "open"), conv, false},
		{"IN large", Field("state").In("a", "b", "c", "d", "e", "f", "g", "h", "i", "open"), conv, true},
		{"NIN large", Field("state").NotIn("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"), conv, true},
		{"~ ignores case", Field("source.author.email").Contains("EXAMPLE"), conv, true},
		{"!~", Field("source.author.email").NotContains("example"), conv, false},
		{"^", Field("source.author.email").StartsWith("bob@"), conv, true},
		{"$", Field("source.author.email").EndsWith(".COM"), conv, true},
		{"$ miss", Field("source.author.email").EndsWith(".org"), conv, false},
		{"^ non-ASCII", Field("source.subject").StartsWith("ÜNÏ"), conv, true},
		{"$ non-ASCII", Field("source.subject").EndsWith("straße"), conv, true},
		{"~ non-ASCII", Field("source.subject").Contains("code str"), conv, true},
		{"boolean =", Field("open").Eq(true), conv, true},
		{"boolean !=", Field("open").Ne(true), conv, false},
		{"integer = digits", Field("admin_assignee_id").Eq("42"), conv, true},
		{"integer IN", Field("admin_assignee_id").In(1, 42), conv, true},
		{"integer NIN", Field("admin_assignee_id").NotIn(1, 42), conv, false},
		// "Greater (or equal) than", "Lower (or equal) than".
		{"> includes bound", Field("created_at").Gt(100), conv, true},
		{"> above", Field("created_at").Gt(101), conv, false},
		{"< includes bound", Field("created_at").Lt(100), conv, true},
		{"< below", Field("created_at").Lt(99), conv, false},
		{"date =", Field("created_at").Eq(100), conv, true},
		// source.body is matched word by word.
		{"body word", Field("source.body").Eq("support"), body, true},
		{"body word any case", Field("source.body").Eq("SUPPORT"), body, true},
		{"body phrase", Field("source.body").Eq("need support"), body, false},
		{"body tag is no word", Field("source.body").Eq("b"), body, false},
		{"body entity is no word", Field("source.body").Eq("nbsp"), body, false},
		{"body after entity", Field("source.body").Eq("please"), body, true},
		{"body !=", Field("source.body").Ne("support"), body, false},
		{"body IN", Field("source.body").In("billing", "refund"), body, true},
		{"body ~ inside a word", Field("source.body").Contains("fun"), body, true},
		{"body ~ across words", Field("source.body").Contains("need support"), body, false},
		{"body ^", Field("source.body").StartsWith("ref"), body, true},
		{"body $", Field("source.body").EndsWith("port"), body, true},
		{"body non-ASCII", Field("source.body").Eq("support"), Map{"source.body": String("Ça marche? SUPPORT!")}, true},
		{"body non-ASCII word", Field("source.body").Eq("ÇA"), Map{"source.body": String("<p>ça marche</p>")}, true},
		{"body IN many", Field("source.body").In("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "refund"), body, true},
		// Multi-valued fields.
		{"multi =", Field("contact_ids").Eq("c2"), ids, true},
		{"multi = miss", Field("contact_ids").Eq("c3"), ids, false},
		{"multi != one", Field("contact_ids").Ne("c2"), ids, false},
		{"multi != none", Field("contact_ids").Ne("c9"), ids, true},
		{"multi IN", Field("contact_ids").In("c9", "c1"), ids, true},
		{"multi NIN", Field("contact_ids").NotIn("c9", "c1"), ids, false},
		{"multi ~", Field("contact_ids").Contains("2"), ids, true},
		{"multi !~", Field("contact_ids").NotContains("2"), ids, false},
		{"multi !~ none", Field("contact_ids").NotContains("9"), ids, true},
		{"multi empty !=", Field("tag_ids").Ne("t"), Map{"tag_ids": Strings()}, true},
		{"multi empty =", Field("tag_ids").Eq("t"), Map{"tag_ids": Strings()}, false},
		// Missing fields: equality fails, negation holds.
		{"missing =", Field("priority").Eq("priority"), conv, false},
		{"missing !=", Field("priority").Ne("priority"), conv, true},
		{"missing NIN", Field("priority").NotIn("priority"), conv, true},
		{"missing ~", Field("priority").Contains("p"), conv, false},
		{"missing !~", Field("priority").NotContains("p"), conv, true},
		{"missing <", Field("snoozed_until").Lt(5), conv, false},
		{"missing boolean !=", Field("read").Ne(true), conv, true},
		{"zero Value is missing", Field("state").Ne("open"), Map{"state": {}}, true},
		{"wrong kind is missing", Field("state").Eq("1"), Map{"state": Int(1)}, false},
		{"wrong numeric kind is missing", Field("created_at").Ne(1), Map{"created_at": String("1")}, true},
		{"wrong boolean kind is missing", Field("open").Eq(true), Map{"open": String("true")}, false},
		{"multi integer =", Field("admin_assignee_id").Eq(42), Map{"admin_assignee_id": Ints(1, 42)}, true},
		{"multi integer NIN", Field("admin_assignee_id").NotIn(42), Map{"admin_assignee_id": Ints(1, 42)}, false},
		{"multi integer <", Field("admin_assignee_id").Lt(0), Map{"admin_assignee_id": Ints(1, 42)}, false},
		{"= null missing", Field("snoozed_until").IsNull(), conv, true},
		{"= null present", Field("created_at").IsNull(), conv, false},
		{"!= null present", models.Query{Field: "created_at", Operator: "!="}, conv, true},
		{"alias asks canonical name", Field("conversation_rating.admin_d").Eq("7"), Map{"conversation_rating.admin_id": String("7")}, true},
		// Groups.
		{"nested", And(Or(Field("state").Eq("closed"), Field("open").Eq(true)), Or(Field("created_at").Lt(50), Field("admin_assignee_id").Eq(42))), conv, true},
		{"nested miss", And(Or(Field("state").Eq("closed"), Field("open").Eq(false)), Field("created_at").Lt(500)), conv, false},
		{"single-child group", Or(Field("state").Eq("open")), conv, true},
	})
}

func TestMatchContactDatesByDay(t *testing.T) {
	const (
		jan1     = 1577836800 // 2020-01-01T00:00:00Z
		jan1At9  = 1577869200 // 09:00 the same day
		jan2     = jan1 + 86400
		lastSec  = jan2 - 1
		beforeJ1 = jan1 - 1
	)
	at := func(ts int64) Map { return Map{"created_at": Date(ts)} }
	runMatch(t, Contacts, []matchCase{
		{"= start of day", Field("created_at").Eq(jan1At9), at(jan1), true},
		{"= end of day", Field("created_at").Eq(jan1At9), at(lastSec), true},
		{"= next day", Field("created_at").Eq(jan1At9), at(jan2), false},
		{"> same day later", Field("created_at").Gt(jan1At9), at(jan1At9 + 3600), false},
		{"> next day", Field("created_at").Gt(jan1At9), at(jan2), true},
		{"< same day earlier", Field("created_at").Lt(jan1At9), at(jan1), false},
		{"< day before", Field("created_at").Lt(jan1At9), at(beforeJ1), true},
		{"before 1970", Field("created_at").Eq(-1), at(-86400), true},
		{"before 1970 next day", Field("created_at").Eq(-1), at(0), false},
		{"custom date attribute by day", Field("custom_attributes.renewal").Eq(jan1At9), Map{"custom_attributes.renewal": Date(jan1)}, true},
		{"custom integer attribute exact", Field("custom_attributes.seats").Eq(jan1At9), Map{"custom_attributes.seats": Int(jan1)}, false},
		{"custom integer <=", Field("custom_attributes.seats").Lte(5), Map{"custom_attributes.seats": Int(5)}, true},
		{"custom string", Field("custom_attributes.plan").StartsWith("Pro"), Map{"custom_attributes.plan": String("pro-annual")}, true},
		{"custom boolean", Field("custom_attributes.vip").Eq(false), Map{"custom_attributes.vip": Bool(false)}, true},
		// Contacts' integer order operators are strict; <= and >= include.
		{"integer < strict", Field("owner_id").Lt(5), Map{"owner_id": Int(5)}, false},
		{"integer > strict", Field("owner_id").Gt(5), Map{"owner_id": Int(5)}, false},
		{"integer <=", Field("owner_id").Lte(5), Map{"owner_id": Int(5)}, true},
		{"integer >=", Field("owner_id").Gte(5), Map{"owner_id": Int(5)}, true},
		{"tag_id =", Field("tag_id").Eq("t1"), Map{"tag_id": Strings("t0", "t1")}, true},
		{"tag_id !=", Field("tag_id").Ne("t1"), Map{"tag_id": Strings("t0", "t1")}, false},
		{"spec spelling", Field("andoid_sdk_version").Eq("5"), Map{"android_sdk_version": String("5")}, true},
	})
}

func TestMatchTickets(t *testing.T) {
	tk := Map{
		"created_at": Date(100), "admin_assignee_id": String("5"), "open": Bool(true),
		"ticket_attribute.1": Float(1.5), "ticket_attribute.2": Int(2), "ticket_attribute.3": Bool(true),
		"contact_ids": Strings("a"),
	}
	runMatch(t, Tickets, []matchCase{
		{">= bound", Field("created_at").Gte(100), tk, true},
		{"<= bound", Field("created_at").Lte(100), tk, true},
		{"> inclusive", Field("created_at").Gt(100), tk, true},
		{"< inclusive", Field("created_at").Lt(99), tk, false},
		{"string id", Field("admin_assignee_id").Eq("5"), tk, true},
		{"float =", Field("ticket_attribute.1").Eq(1.5), tk, true},
		{"float >", Field("ticket_attribute.1").Gt(1), tk, true},
		{"float vs int record", Field("ticket_attribute.2").Lt(2.5), tk, true},
		{"int vs float record", Field("ticket_attribute.1").Lt(1), tk, false},
		{"boolean attribute", Field("ticket_attribute.3").Ne(true), tk, false},
		{"contact_ids", Field("contact_ids").In("a", "b"), tk, true},
	})
}

func TestMatchRefusesInvalid(t *testing.T) {
	ok, err := Match(Contacts, Field("created_at").Contains("2020"), Map{})
	if err == nil || ok {
		t.Fatalf("got %v, %v", ok, err)
	}
}

func TestMatcherIsReusable(t *testing.T) {
	m, err := Compile(Conversations, And(Field("open").Eq(true), Field("admin_assignee_id").In(1, 2, 3)))
	if err != nil {
		t.Fatal(err)
	}
	hits := 0
	for i := range 10 {
		rec := Map{"open": Bool(i%2 == 0), "admin_assignee_id": Int(int64(i))}
		if m.Match(rec) {
			hits++
		}
	}
	if hits != 1 { // i == 2
		t.Fatalf("hits = %d", hits)
	}
}

func TestNextWord(t *testing.T) {
	for in, want := range map[string]string{
		"<p>Hello, wörld!</p>":                   "Hello|wörld",
		"a < b & c&amp;d don't":                  "a|b|c|d|don|t",
		"<unclosed tag":                          "unclosed|tag",
		"<br/>x<!-- y -->z":                      "x|z",
		"x&#39;y&#x2014;z &toolongentityname; w": "x|y|z|toolongentityname|w",
		"":                                       "",
	} {
		var got string
		for i := 0; i < len(in); {
			w, next := nextWord(in, i)
			if w != "" {
				if got != "" {
					got += "|"
				}
				got += w
			}
			i = next
		}
		if got != want {
			t.Errorf("%q: got %q want %q", in, got, want)
		}
	}
}

func TestMatchDoesNotAllocate(t *testing.T) {
	convs := benchConvs(300)
	m, err := Compile(Conversations, And(
		Or(Field("source.body").Eq("refund"), Field("source.author.email").EndsWith("ACME.com")),
		Field("contact_ids").NotIn("c1", "c2"), Field("created_at").Lt(1700009000)))
	if err != nil {
		t.Fatal(err)
	}
	allocs := testing.AllocsPerRun(10, func() {
		for i := range convs {
			m.Match(&convs[i])
		}
	})
	if allocs != 0 {
		t.Fatalf("%v allocations per scan of ASCII records", allocs)
	}
}
