package query

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/intercom-tui/intercom-tui/models"
)

// specExample is the request body example of all three search endpoints.
const specExample = `{"query":{"operator":"AND","value":[{"field":"created_at","operator":">","value":"1306054154"}]},"pagination":{"per_page":5}}`

func TestSpecExampleValidates(t *testing.T) {
	var req models.SearchRequest
	if err := json.Unmarshal([]byte(specExample), &req); err != nil {
		t.Fatal(err)
	}
	for _, res := range []Resource{Conversations, Contacts, Tickets} {
		if err := Validate(res, req.Query); err != nil {
			t.Errorf("%s: %v", res, err)
		}
	}
}

func group(op string, n int, q models.Query) models.Query {
	kids := make([]models.Query, n)
	for i := range kids {
		kids[i] = q
	}
	return models.Query{Operator: op, Children: kids}
}

func TestValidate(t *testing.T) {
	open := Field("state").Eq("open")
	created := Field("created_at").Gt(1306054154)
	type tc struct {
		name string
		res  Resource
		q    models.Query
		want string // "" for valid, else a substring of the error
	}
	cases := []tc{
		// shape
		{"single filter", Conversations, open, ""},
		{"(1 OR 2) AND (3 OR 4)", Conversations, And(Or(open, created), Or(open, created)), ""},
		{"depth 3", Conversations, And(Or(And(open, created), open)), "query.value[0].value[0]: AND group is nested 3 deep"},
		{"15 filters", Conversations, group("OR", 15, open), ""},
		{"16 filters", Conversations, group("OR", 16, open), "OR group has 16 filters; Intercom allows at most 15"},
		{"16 in inner group", Contacts, And(group("AND", 16, Field("name").Eq("x"))), "query.value[0]: AND group has 16"},
		{"empty group", Tickets, And(), "query: AND group is empty"},
		{"empty inner group", Tickets, Or(Field("open").Eq(true), And()), "query.value[1]: AND group is empty"},
		{"group with value", Conversations, models.Query{Operator: "OR", Value: "x", Children: []models.Query{open}}, "its queries belong in Children"},
		{"field with AND", Conversations, models.Query{Field: "state", Operator: "AND", Value: "x"}, `filter on "state" uses AND`},
		{"filter with children", Conversations, models.Query{Field: "state", Operator: "=", Value: "x", Children: []models.Query{open}}, "has nested queries"},
		{"no field", Conversations, models.Query{Operator: "=", Value: "x"}, "filter has no field"},
		{"unknown resource", Resource("companies"), open, `unknown resource "companies"`},
		// operators
		{"lower-case in", Conversations, models.Query{Field: "state", Operator: "in", Value: []string{"open"}}, `unknown operator "in" (did you mean "IN"?)`},
		{"bogus operator", Conversations, models.Query{Field: "state", Operator: "=="}, `unknown operator "=="`},
		{"contacts date ~", Contacts, Field("created_at").Contains("2020"), `query: "created_at" is a date; operator "~" is not allowed (use =, <, >)`},
		{"conversations date ~", Conversations, Field("created_at").Contains("2020"), `operator "~" is not allowed (use =, !=, IN, NIN, <, >)`},
		{"conversations <=", Conversations, Field("created_at").Lte(5), "< and > include the bound on conversations"},
		{"conversations string >", Conversations, Field("state").Gt("a"), `"state" is a string; operator ">" is not allowed`},
		{"contacts date !=", Contacts, Field("updated_at").Ne(5), `operator "!=" is not allowed`},
		{"contacts date >=", Contacts, Field("last_seen_at").Gte(5), `operator ">=" is not allowed`},
		{"contacts date IN", Contacts, Field("signed_up_at").In(1, 2), `operator "IN" is not allowed`},
		{"contacts integer >=", Contacts, Field("owner_id").Gte(5), ""},
		{"contacts boolean ~", Contacts, Field("has_hard_bounced").Contains("t"), `"has_hard_bounced" is a boolean; operator "~"`},
		{"tag_id =", Contacts, Field("tag_id").Eq("123"), ""},
		{"tag_id IN", Contacts, Field("tag_id").In("1", "2"), `"tag_id" is a tag id; operator "IN" is not allowed (use =, !=)`},
		{"tickets created_at <=", Tickets, Field("created_at").Lte(5), ""},
		{"tickets created_at >=", Tickets, Field("created_at").Gte(5), ""},
		{"tickets updated_at >=", Tickets, Field("updated_at").Gte(5), "< and > include the bound on tickets"},
		// fields
		{"unknown field", Conversations, Field("subject").Eq("x"), `unknown field "subject" for conversations search`},
		{"nested field", Conversations, Field("source.author.email").EndsWith("@example.com"), ""},
		{"statistics", Conversations, Field("statistics.count_reopens").Gt(2), ""},
		{"rating admin_d", Conversations, Field("conversation_rating.admin_d").Eq("7"), ""},
		{"rating admin_id", Conversations, Field("conversation_rating.admin_id").Eq("7"), ""},
		{"andoid_sdk_version", Contacts, Field("andoid_sdk_version").StartsWith("1."), ""},
		{"custom attribute string", Contacts, Field("custom_attributes.plan").Contains("pro"), ""},
		{"custom attribute integer", Contacts, Field("custom_attributes.seats").Gte(5), ""},
		{"custom attribute boolean >", Contacts, Field("custom_attributes.paid").Gt(true), `"custom_attributes.paid" is an attribute with a boolean value; operator ">"`},
		{"custom attribute no name", Contacts, Field("custom_attributes.").Eq("x"), "unknown field"},
		{"conversation custom attribute", Conversations, Field("custom_attributes.plan").Eq("x"), "unknown field"},
		{"ticket attribute float", Tickets, Field("ticket_attribute.42").Gt(2.5), ""},
		{"ticket attribute date", Tickets, Field("ticket_attribute.9").Lt(time.Unix(1e9, 0)), ""},
		{"ticket source.body", Tickets, Field("source.body").Eq("x"), "unknown field"},
		// values
		{"IN with scalar", Conversations, models.Query{Field: "state", Operator: "IN", Value: "open"}, `"state" is a string; operator "IN" takes a list of values, not the string "open"`},
		{"NIN with scalar", Contacts, models.Query{Field: "owner_id", Operator: "NIN", Value: int64(4)}, `takes a list of values, not the integer 4`},
		{"= with list", Conversations, Field("state").Eq([]string{"open"}), "takes a single value, not a list (use IN or NIN"},
		{"IN empty", Conversations, Field("state").In(), "needs at least one value"},
		{"IN mixed", Conversations, Field("state").In("a", 1), "only strings or only integers"},
		{"IN strings on integer", Conversations, Field("admin_assignee_id").In("1", "2"), ""},
		{"IN words on integer", Conversations, Field("admin_assignee_id").In("1", "me"), `the string "me" does not fit (use a whole number)`},
		{"IN integers on string", Conversations, Field("contact_ids").In(1, 2), "quote them as strings"},
		{"IN on boolean", Conversations, Field("open").In("true"), "a search value cannot hold (use = or !=)"},
		{"string for integer", Conversations, Field("admin_assignee_id").Eq("alice"), `"admin_assignee_id" is an integer; the string "alice" does not fit (use a whole number)`},
		{"digits for integer", Conversations, Field("admin_assignee_id").Eq("42"), ""},
		{"string for date", Contacts, Field("created_at").Eq("foorbar"), "(use a UNIX timestamp in seconds)"},
		{"boolean for date", Conversations, Field("created_at").Lt(true), `"created_at" is a date; the boolean true does not fit`},
		{"integral float for integer", Conversations, Field("team_assignee_id").Eq(5.0), ""},
		{"float for integer", Conversations, Field("team_assignee_id").Eq(1.5), "the number 1.5 is not a whole number"},
		{"integer for string", Tickets, Field("admin_assignee_id").Eq(42), `"admin_assignee_id" is a string; the integer 42 does not fit`},
		{"string for boolean", Conversations, Field("read").Eq("true"), "(use true or false)"},
		{"Go int", Conversations, models.Query{Field: "admin_assignee_id", Operator: "=", Value: 7}, ""},
		{"Go uint64 overflow", Conversations, models.Query{Field: "admin_assignee_id", Operator: "=", Value: uint64(1 << 63)}, "Go type uint64 is not a search value"},
		{"NaN", Tickets, models.Query{Field: "ticket_attribute.1", Operator: ">", Value: math.NaN()}, "Go type float64 is not a search value"},
		{"long value clipped", Conversations, Field("admin_assignee_id").Eq(strings.Repeat("é", 50)), `"` + strings.Repeat("é", 40) + `…" does not fit`},
		{"list for boolean", Conversations, Field("open").Eq([]int64{1}), "takes a single value, not a list"},
		{"Go time.Time", Conversations, models.Query{Field: "created_at", Operator: ">", Value: time.Unix(0, 0)}, "Go type time.Time is not a search value"},
		{"null =", Conversations, Field("snoozed_until").IsNull(), ""},
		{"null !=", Contacts, models.Query{Field: "email", Operator: "!="}, ""},
		{"null <", Conversations, Field("snoozed_until").Lt(nil), `operator "<" needs a value`},
		{"null != on contacts date", Contacts, models.Query{Field: "created_at", Operator: "!="}, `operator "!=" is not allowed`},
		{"source.type enum", Conversations, Field("source.type").In("email", "chat"), `"source.type" accepts conversation, email`},
		{"source.type ok", Conversations, Field("source.type").Ne("phone_call"), ""},
		{"role enum", Contacts, Field("role").Eq("admin"), `"role" accepts user, lead; got "admin"`},
		{"role contains", Contacts, Field("role").Contains("ad"), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := Validate(c.res, c.q)
			if c.want == "" {
				if err != nil {
					t.Fatalf("want valid, got %v", err)
				}
				return
			}
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("want *ValidationError containing %q, got %v", c.want, err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %q does not contain %q", err, c.want)
			}
		})
	}
}

func TestValidationErrorNamesFilter(t *testing.T) {
	q := And(Field("name").Eq("Ann"), Or(Field("has_hard_bounced").Eq(true), Field("created_at").Contains("x")))
	err := Validate(Contacts, q)
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("got %v", err)
	}
	want := ValidationError{Path: "query.value[1].value[1]", Field: "created_at", Operator: "~"}
	if ve.Path != want.Path || ve.Field != want.Field || ve.Operator != want.Operator {
		t.Fatalf("got %+v, want path/field/operator %+v", *ve, want)
	}
	// The first error in document order wins.
	err = Validate(Contacts, And(Field("state").Eq("open"), Field("created_at").Ne(1)))
	if !strings.HasPrefix(err.Error(), `query.value[0]: unknown field "state"`) {
		t.Fatalf("got %v", err)
	}
}

func TestSchemaIntrospection(t *testing.T) {
	if got := strings.Join(AllowedOperators(Contacts, "created_at"), " "); got != "= < >" {
		t.Errorf("contacts created_at: %s", got)
	}
	if got := strings.Join(AllowedOperators(Conversations, "created_at"), " "); got != "= != IN NIN < >" {
		t.Errorf("conversations created_at: %s", got)
	}
	if got := strings.Join(AllowedOperators(Tickets, "created_at"), " "); got != "= != IN NIN < <= > >=" {
		t.Errorf("tickets created_at: %s", got)
	}
	if got := strings.Join(AllowedOperators(Contacts, "tag_id"), " "); got != "= !=" {
		t.Errorf("tag_id: %s", got)
	}
	if AllowedOperators(Contacts, "nope") != nil || AllowedOperators("x", "id") != nil {
		t.Error("unknown field or resource should have no operators")
	}
	if typ, ok := FieldType(Contacts, "custom_attributes.plan"); !ok || typ != TypeAny {
		t.Errorf("custom attribute: %v %v", typ, ok)
	}
	if typ, _ := FieldType(Conversations, "admin_assignee_id"); typ != TypeInteger {
		t.Errorf("conversations admin_assignee_id: %v", typ)
	}
	if typ, _ := FieldType(Tickets, "admin_assignee_id"); typ != TypeString {
		t.Errorf("tickets admin_assignee_id: %v", typ)
	}
	for res, want := range map[Resource][]string{
		Conversations: {"conversation_rating.admin_d", "source.author.email", "statistics.last_close_at", "ai_agent.rating"},
		Contacts:      {"andoid_sdk_version", "custom_attributes.{name}", "location.city", "tag_id"},
		Tickets:       {"ticket_attribute.{id}", "category", "ticket_type_id"},
	} {
		fields := strings.Join(Fields(res), " ")
		for _, w := range want {
			if !strings.Contains(" "+fields+" ", " "+w+" ") {
				t.Errorf("%s: Fields lacks %s", res, w)
			}
		}
	}
	if n := len(Fields(Conversations)); n != 57 {
		t.Errorf("conversations: %d fields, the spec table has 56 plus the admin_id spelling", n)
	}
}
