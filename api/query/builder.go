package query

import (
	"time"

	"github.com/intercom-tui/intercom-tui/models"
)

// FieldRef starts a filter on one field: query.Field("state").Eq("open").
// The builder only assembles; Validate says whether Intercom would take it.
type FieldRef struct{ name string }

// Field names the field a filter tests, e.g. "source.author.email".
func Field(name string) FieldRef { return FieldRef{name: name} }

func (f FieldRef) filter(o op, v any) models.Query {
	return models.Query{Field: f.name, Operator: o.String(), Value: scalar(v)}
}

// Eq is "=": equals (on source.body, equals one word of the body).
func (f FieldRef) Eq(v any) models.Query { return f.filter(opEq, v) }

// Ne is "!=".
func (f FieldRef) Ne(v any) models.Query { return f.filter(opNe, v) }

// Lt is "<" (lower or equal on conversations and tickets).
func (f FieldRef) Lt(v any) models.Query { return f.filter(opLt, v) }

// Lte is "<=" (contacts' integers, tickets' created_at).
func (f FieldRef) Lte(v any) models.Query { return f.filter(opLe, v) }

// Gt is ">" (greater or equal on conversations and tickets).
func (f FieldRef) Gt(v any) models.Query { return f.filter(opGt, v) }

// Gte is ">=" (contacts' integers, tickets' created_at).
func (f FieldRef) Gte(v any) models.Query { return f.filter(opGe, v) }

// Contains is "~".
func (f FieldRef) Contains(s string) models.Query { return f.filter(opContains, s) }

// NotContains is "!~".
func (f FieldRef) NotContains(s string) models.Query { return f.filter(opNotContains, s) }

// StartsWith is "^".
func (f FieldRef) StartsWith(s string) models.Query { return f.filter(opPrefix, s) }

// EndsWith is "$".
func (f FieldRef) EndsWith(s string) models.Query { return f.filter(opSuffix, s) }

// IsNull is "= null": the field has no value.
func (f FieldRef) IsNull() models.Query { return models.Query{Field: f.name, Operator: "="} }

// In is "IN". It takes the values as arguments (In("a", "b")) or one slice
// (In(ids)); strings become a []string and integers a []int64, as JSON
// decoding would give them.
func (f FieldRef) In(vs ...any) models.Query {
	return models.Query{Field: f.name, Operator: opIn.String(), Value: list(vs)}
}

// NotIn is "NIN"; its arguments are as for In.
func (f FieldRef) NotIn(vs ...any) models.Query {
	return models.Query{Field: f.name, Operator: opNin.String(), Value: list(vs)}
}

// And is an AND group of the queries.
func And(qs ...models.Query) models.Query { return models.Query{Operator: "AND", Children: qs} }

// Or is an OR group of the queries.
func Or(qs ...models.Query) models.Query { return models.Query{Operator: "OR", Children: qs} }

// scalar turns Go integers into int64 and a time.Time into UNIX seconds, so a
// built query equals the decoded form of the JSON it marshals to.
func scalar(v any) any {
	if t, ok := v.(time.Time); ok {
		return t.Unix()
	}
	if n, reason := normalize(v); reason == "" {
		return n
	}
	return v // left for Validate to refuse with its reason
}

func list(vs []any) any {
	if len(vs) == 1 {
		switch x := vs[0].(type) {
		case []string, []int64, []int:
			return scalar(x)
		}
	}
	var strs []string
	var ints []int64
	for _, v := range vs {
		switch x := scalar(v).(type) {
		case string:
			strs = append(strs, x)
		case int64:
			ints = append(ints, x)
		default:
			return vs // mixed or unsupported: Validate explains
		}
	}
	if strs != nil && ints != nil {
		return vs
	}
	if ints != nil {
		return ints
	}
	if strs == nil {
		strs = []string{}
	}
	return strs
}
