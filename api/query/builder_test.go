package query

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/intercom-tui/intercom-tui/models"
)

func TestBuilderMarshalsLikeIntercom(t *testing.T) {
	q := And(
		Or(Field("state").Eq("open"), Field("state").Eq("snoozed")),
		Field("created_at").Gt(time.Unix(1306054154, 0)),
		Field("contact_ids").In("a", "b"),
		Field("admin_assignee_id").NotIn([]int{1, 2}),
	)
	b, err := json.Marshal(q)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"operator":"AND","value":[` +
		`{"operator":"OR","value":[{"field":"state","operator":"=","value":"open"},{"field":"state","operator":"=","value":"snoozed"}]},` +
		`{"field":"created_at","operator":"\u003e","value":1306054154},` +
		`{"field":"contact_ids","operator":"IN","value":["a","b"]},` +
		`{"field":"admin_assignee_id","operator":"NIN","value":[1,2]}]}`
	if string(b) != want {
		t.Fatalf("got  %s\nwant %s", b, want)
	}
	// The built value types are the decoded ones, so a round trip is lossless.
	var back models.Query
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, q) {
		t.Fatalf("round trip changed the query:\n got %#v\nwant %#v", back, q)
	}
	if err := Validate(Conversations, q); err != nil {
		t.Fatal(err)
	}
}

func TestBuilderOperators(t *testing.T) {
	f := Field("x")
	cases := []struct {
		q        models.Query
		op       string
		wantVal  any
		wantKids int
	}{
		{f.Eq(int32(3)), "=", int64(3), 0},
		{f.Ne("a"), "!=", "a", 0},
		{f.Lt(uint8(1)), "<", int64(1), 0},
		{f.Lte(2), "<=", int64(2), 0},
		{f.Gt(1.5), ">", 1.5, 0},
		{f.Gte(3), ">=", int64(3), 0},
		{f.Contains("a"), "~", "a", 0},
		{f.NotContains("a"), "!~", "a", 0},
		{f.StartsWith("a"), "^", "a", 0},
		{f.EndsWith("a"), "$", "a", 0},
		{f.In([]string{"a", "b"}), "IN", []string{"a", "b"}, 0},
		{f.In(int64(1), 2), "IN", []int64{1, 2}, 0},
		{f.NotIn("a"), "NIN", []string{"a"}, 0},
		{f.In(), "IN", []string{}, 0},
		{f.IsNull(), "=", nil, 0},
		{Or(f.Eq(1), f.Eq(2)), "OR", nil, 2},
	}
	for _, c := range cases {
		if c.q.Operator != c.op || !reflect.DeepEqual(c.q.Value, c.wantVal) || len(c.q.Children) != c.wantKids {
			t.Errorf("%s: got %#v", c.op, c.q)
		}
	}
}
