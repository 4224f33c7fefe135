package query

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/intercom-tui/intercom-tui/models"
)

// buildFilter makes one filter with the builder from fuzz inputs: the operator and the
// kind of value are picked by op and kind.
func buildFilter(field string, op, kind uint8, s string, n int64, f float64) models.Query {
	values := []any{s, n, int(int32(n)), f, n%2 == 0, time.Unix(n%(1<<40), 0), []string{s, field}, []int64{n, -n}, nil, uint64(n), []any{s, n}}
	v := values[int(kind)%len(values)]
	ref := Field(field)
	switch op % 13 {
	case 0:
		return ref.Eq(v)
	case 1:
		return ref.Ne(v)
	case 2:
		return ref.Lt(v)
	case 3:
		return ref.Lte(v)
	case 4:
		return ref.Gt(v)
	case 5:
		return ref.Gte(v)
	case 6:
		return ref.Contains(s)
	case 7:
		return ref.NotContains(s)
	case 8:
		return ref.StartsWith(s)
	case 9:
		return ref.EndsWith(s)
	case 10:
		return ref.IsNull()
	case 11:
		return ref.In(v, s)
	}
	return ref.NotIn(v)
}

// FuzzBuildQuery builds queries with the builder (a filter alone, or in AND/OR groups
// with a known-good filter), then checks on every resource: Validate and Compile do
// not panic and agree; a refusal is a complete *ValidationError; a valid query
// matches records, and its JSON is a fixed point that stays valid once decoded, so what
// the client sends is what was built.
func FuzzBuildQuery(f *testing.F) {
	f.Add("created_at", uint8(4), uint8(1), "x", int64(1577836800), 0.0, uint8(0))
	f.Add("source.author.email", uint8(6), uint8(0), "@example.com", int64(0), 0.0, uint8(1))
	f.Add("custom_attributes.plan", uint8(11), uint8(6), "pro", int64(3), 2.5, uint8(2))
	f.Add("ticket_attribute.12", uint8(0), uint8(3), "", int64(-1), 1e21, uint8(3))
	f.Add("state", uint8(12), uint8(10), "open", int64(7), -0.0, uint8(4))
	f.Add("id", uint8(0), uint8(9), "", int64(-5), 0.5, uint8(5))
	f.Fuzz(func(t *testing.T, field string, op, kind uint8, s string, n int64, fl float64, shape uint8) {
		q := buildFilter(field, op, kind, s, n, fl)
		good := Field("created_at").Gt(int64(1577836800))
		switch shape % 6 {
		case 1:
			q = And(q, good)
		case 2:
			q = Or(good, q)
		case 3:
			q = And(Or(q, good), good)
		case 4:
			q = Or()
		case 5:
			q = And(q)
		}
		for _, res := range []Resource{Conversations, Contacts, Tickets} {
			err := Validate(res, q)
			m, cerr := Compile(res, q)
			if (err == nil) != (cerr == nil) || (cerr == nil) != (m != nil) {
				t.Fatalf("%s %+v: Validate %v, Compile %v", res, q, err, cerr)
			}
			if err != nil {
				var ve *ValidationError
				if !errors.As(err, &ve) || ve.Reason == "" || ve.Path == "" {
					t.Fatalf("%s: error %#v is not a complete *ValidationError", res, err)
				}
				continue
			}
			m.Match(fuzzRecord)
			m.Match(Map{})
			first, merr := json.Marshal(q)
			if merr != nil {
				t.Fatalf("%s: valid %+v does not marshal: %v", res, q, merr)
			}
			var back models.Query
			if uerr := json.Unmarshal(first, &back); uerr != nil {
				t.Fatalf("%s: %s does not decode: %v", res, first, uerr)
			}
			if verr := Validate(res, back); verr != nil {
				t.Fatalf("%s: %s is invalid once decoded: %v", res, first, verr)
			}
			// Compared as decoded JSON: invalid UTF-8 in a string is written as \ufffd the
			// first time and as the character itself the second.
			second, _ := json.Marshal(back)
			var a, b any
			if json.Unmarshal(first, &a) != nil || json.Unmarshal(second, &b) != nil || !reflect.DeepEqual(a, b) {
				t.Fatalf("%s: JSON changes in a round trip:\n%s\n%s", res, first, second)
			}
		}
	})
}
