package query

import (
	"encoding/json"
	"errors"
	"hash/fnv"
	"testing"

	"github.com/intercom-tui/intercom-tui/models"
)

// fuzzRecord answers every field with a value whose kind depends on the name,
// so compiled matchers meet every kind, including wrong and missing ones.
var fuzzRecord = RecordFunc(func(field string) (Value, bool) {
	h := fnv.New32a()
	h.Write([]byte(field))
	switch h.Sum32() % 9 {
	case 0:
		return String("<p>Need SUPPORT &amp; a refund</p>"), true
	case 1:
		return Strings("a", "Ünï", ""), true
	case 2:
		return Int(-86401), true
	case 3:
		return Ints(0, 1577836800), true
	case 4:
		return Date(1577869200), true
	case 5:
		return Bool(true), true
	case 6:
		return Float(2.5), true
	case 7:
		return Value{}, true
	}
	return Value{}, false
})

// FuzzValidateQuery decodes arbitrary JSON as a query: Validate and Compile must
// not panic, must agree, must fail only with *ValidationError, and a valid query
// must stay valid after a marshal/unmarshal round trip.
func FuzzValidateQuery(f *testing.F) {
	f.Add([]byte(`{"operator":"AND","value":[{"field":"created_at","operator":">","value":"1306054154"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var q models.Query
		if json.Unmarshal(data, &q) != nil {
			return
		}
		for _, res := range []Resource{Conversations, Contacts, Tickets} {
			err := Validate(res, q)
			m, cerr := Compile(res, q)
			if (err == nil) != (cerr == nil) || (cerr == nil) != (m != nil) {
				t.Fatalf("%s: Validate %v, Compile %v", res, err, cerr)
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
			b, merr := json.Marshal(q)
			if merr != nil {
				t.Fatalf("%s: valid query does not marshal: %v", res, merr)
			}
			var back models.Query
			if uerr := json.Unmarshal(b, &back); uerr != nil {
				t.Fatalf("%s: %s does not decode: %v", res, b, uerr)
			}
			if verr := Validate(res, back); verr != nil {
				t.Fatalf("%s: %s is invalid after a round trip: %v", res, b, verr)
			}
		}
	})
}
