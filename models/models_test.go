package models

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestIDAcceptsStringsAndNumbers(t *testing.T) {
	var v struct{ A, B, C ID }
	if err := json.Unmarshal([]byte(`{"A":"123","B":991267687,"C":null}`), &v); err != nil {
		t.Fatal(err)
	}
	if v.A != "123" || v.B != "991267687" || v.C != "" {
		t.Fatalf("got %+v", v)
	}
	out, _ := json.Marshal(v)
	if string(out) != `{"A":"123","B":"991267687","C":""}` {
		t.Fatalf("ids must be written as strings: %s", out)
	}
}

func TestNullValuesRoundTrip(t *testing.T) {
	var c Conversation
	in := `{"id":"1","waiting_since":null,"snoozed_until":1700000000,"admin_assignee_id":"42","team_assignee_id":null,"title":null}`
	if err := json.Unmarshal([]byte(in), &c); err != nil {
		t.Fatal(err)
	}
	if c.WaitingSince != 0 || c.SnoozedUntil != 1700000000 || c.AdminAssigneeID != 42 || c.Title != "" {
		t.Fatalf("got %+v", c)
	}
	out, _ := json.Marshal(c)
	for _, want := range []string{`"waiting_since":null`, `"team_assignee_id":null`, `"admin_assignee_id":42`, `"title":null`} {
		if !strings.Contains(string(out), want) {
			t.Errorf("%s missing from %s", want, out)
		}
	}
}

func TestTicketTypeListReadsBothShapes(t *testing.T) {
	schema := `{"type":"ticket_type.list","ticket_types":[{"id":"1","name":"Bug","ticket_type_attributes":{"type":"ticket_type_attributes.list","ticket_type_attributes":[{"id":"9","data_type":"files"}]}}]}`
	example := `{"type":"list","data":[{"id":"1","name":"Bug","ticket_type_attributes":{"type":"list","data":[{"id":"9","data_type":"files"}]}}]}`
	for _, in := range []string{schema, example} {
		var l TicketTypeList
		if err := json.Unmarshal([]byte(in), &l); err != nil {
			t.Fatal(err)
		}
		if len(l.TicketTypes) != 1 || l.TicketTypes[0].Name != "Bug" {
			t.Fatalf("%s → %+v", in, l)
		}
		attrs := l.TicketTypes[0].Attributes()
		if len(attrs) != 1 || attrs[0].DataType != DataFiles {
			t.Fatalf("%s → attrs %+v", in, attrs)
		}
	}
}

func TestQueryShapes(t *testing.T) {
	in := `{"operator":"AND","value":[{"field":"state","operator":"=","value":"open"},{"operator":"OR","value":[{"field":"admin_assignee_id","operator":"IN","value":[1,2]},{"field":"tag_ids","operator":"IN","value":["a","b"]}]},{"field":"read","operator":"=","value":false},{"field":"x","operator":"=","value":null}]}`
	var q Query
	if err := json.Unmarshal([]byte(in), &q); err != nil {
		t.Fatal(err)
	}
	if !q.IsGroup() || len(q.Children) != 4 || q.Children[1].Children[0].Value.([]int64)[1] != 2 {
		t.Fatalf("got %+v", q)
	}
	if !reflect.DeepEqual(q.Children[1].Children[1].Value, []string{"a", "b"}) || q.Children[2].Value != false {
		t.Fatalf("got %+v", q.Children)
	}
	out, _ := json.Marshal(q)
	var back Query
	if err := json.Unmarshal(out, &back); err != nil || !reflect.DeepEqual(back, q) {
		t.Fatalf("round trip: %s → %+v (%v)", out, back, err)
	}
	if err := json.Unmarshal([]byte(`{"field":"a","operator":"IN","value":[1,"x"]}`), &q); err == nil {
		t.Fatal("a list mixing strings and integers must be refused")
	}
}

func TestArticleStatisticsReadsExampleKey(t *testing.T) {
	var s ArticleStatistics
	if err := json.Unmarshal([]byte(`{"type":"article_statistics","views":10,"conversations":3}`), &s); err != nil {
		t.Fatal(err)
	}
	if s.Conversions != 3 || s.Views != 10 {
		t.Fatalf("got %+v", s)
	}
}

func TestArticleTranslationsLocales(t *testing.T) {
	var tr ArticleTranslations
	if err := json.Unmarshal([]byte(`{"type":"article_translated_content","fr":{"title":"Bonjour"},"en":{"title":"Hello"},"de":null}`), &tr); err != nil {
		t.Fatal(err)
	}
	if got := tr.Locales(); !reflect.DeepEqual(got, []string{"en", "fr"}) {
		t.Fatalf("locales %v", got)
	}
}
