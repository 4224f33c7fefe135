package query

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/intercom-tui/intercom-tui/models"
)

// Limits from "Nesting & Limitations", the same on all three search endpoints.
//
// Depth counts AND/OR groups from the root: a root group is level 1 and a group
// directly inside it is level 2, so the spec's example "(1 OR 2) AND (3 OR 4)"
// is the deepest accepted shape and a group inside a group inside a group is
// refused. Single filters do not add a level. The per-group limit counts a
// group's direct members, filters and sub-groups alike.
const (
	MaxDepth     = 2
	MaxGroupSize = 15
)

// Validate reports the first reason Intercom would refuse q as a search on res,
// as a *ValidationError, or nil. It checks the query's shape (depth, group sizes,
// empty groups), that every field exists on res, that its type takes the
// operator, and that the value fits both.
//
// Integer and date fields also take a string of digits, as in the spec's own
// example ({"field":"created_at","operator":">","value":"1306054154"}); any other
// string there is refused.
func Validate(res Resource, q models.Query) error {
	if _, err := Compile(res, q); err != nil {
		return err
	}
	return nil
}

// operand is a checked filter value in the shape the evaluator uses.
type operand struct {
	t    Type // effective type: the field's, or inferred from the value for TypeAny
	null bool
	strs []string
	ints []int64
	flts []float64 // set when t is TypeFloat
	b    bool
}

// checkFilter checks a single filter and returns its canonical field name,
// operator and operand, or the reason Intercom would refuse it.
func checkFilter(res Resource, s *schema, q models.Query) (string, op, operand, string) {
	if q.Field == "" {
		return "", 0, operand{}, "filter has no field"
	}
	if len(q.Children) > 0 {
		return "", 0, operand{}, fmt.Sprintf("filter on %q has nested queries; only AND and OR groups hold queries", q.Field)
	}
	if q.Operator == "AND" || q.Operator == "OR" {
		return "", 0, operand{}, fmt.Sprintf("filter on %q uses %s; AND and OR combine queries and take no field", q.Field, q.Operator)
	}
	o, ok := parseOp(q.Operator)
	if !ok {
		return "", 0, operand{}, unknownOp(q.Operator)
	}
	name, ft, ok := s.lookup(q.Field)
	if !ok {
		return "", 0, operand{}, fmt.Sprintf("unknown field %q for %s search", q.Field, res)
	}
	v, reason := normalize(q.Value)
	if reason != "" {
		return "", 0, operand{}, fmt.Sprintf("%q: %s", q.Field, reason)
	}
	t := ft
	if t == TypeAny {
		t = infer(v)
	}
	if v == nil {
		if o != opEq && o != opNe {
			return "", 0, operand{}, fmt.Sprintf("%q: operator %q needs a value; null goes only with = and !=", q.Field, o)
		}
		if t != TypeAny && !allowed(res, name, t).has(o) {
			return "", 0, operand{}, opReason(res, q.Field, name, ft, t, o)
		}
		return name, o, operand{t: t, null: true}, ""
	}
	if !allowed(res, name, t).has(o) {
		return "", 0, operand{}, opReason(res, q.Field, name, ft, t, o)
	}
	var val operand
	if o == opIn || o == opNin {
		val, reason = listOperand(t, o, v)
	} else {
		val, reason = scalarOperand(t, o, v)
	}
	if reason != "" {
		return "", 0, operand{}, fmt.Sprintf("%q is %s; %s", q.Field, article(t), reason)
	}
	if enum := s.enums[name]; enum != nil && o <= opNin {
		for _, x := range val.strs {
			if !slices.Contains(enum, x) {
				return "", 0, operand{}, fmt.Sprintf("%q accepts %s; got %q", q.Field, strings.Join(enum, ", "), clip(x))
			}
		}
	}
	return name, o, val, ""
}

func unknownOp(s string) string {
	if o, ok := parseOp(strings.ToUpper(strings.TrimSpace(s))); ok {
		return fmt.Sprintf("unknown operator %q (did you mean %q?)", clip(s), o)
	}
	return fmt.Sprintf("unknown operator %q (use one of %s)", clip(s), strings.Join(opNames[1:], " "))
}

func opReason(res Resource, field, name string, ft, t Type, o op) string {
	what := article(t)
	switch {
	case res == Contacts && name == "tag_id":
		what = "a tag id"
	case ft == TypeAny:
		what = "an attribute with " + article(t) + " value"
	}
	msg := fmt.Sprintf("%q is %s; operator %q is not allowed (use %s)", field, what, o, opList(allowed(res, name, t).names()))
	if res != Contacts && (o == opLe || o == opGe) && (t == TypeInteger || t == TypeDate || t == TypeFloat) {
		msg += "; < and > include the bound on " + string(res)
	}
	return msg
}

func article(t Type) string {
	switch t {
	case TypeInteger:
		return "an integer"
	case TypeAny:
		return "an attribute"
	}
	return "a " + t.String()
}

// normalize maps the Go values a caller may put in Query.Value to the types
// models.Query decodes (int64, float64, string, bool, []string, []int64, nil).
// Anything whose JSON Intercom could not read as a search value is refused.
func normalize(v any) (any, string) {
	switch x := v.(type) {
	case nil, string, bool, int64, []string, []int64:
		return v, ""
	case float64:
		if !math.IsNaN(x) && !math.IsInf(x, 0) {
			return v, "" // JSON has no NaN or infinity
		}
	case int:
		return int64(x), ""
	case int8:
		return int64(x), ""
	case int16:
		return int64(x), ""
	case int32:
		return int64(x), ""
	case uint8:
		return int64(x), ""
	case uint16:
		return int64(x), ""
	case uint32:
		return int64(x), ""
	case uint:
		if uint64(x) <= math.MaxInt64 {
			return int64(x), ""
		}
	case uint64:
		if x <= math.MaxInt64 {
			return int64(x), ""
		}
	case float32:
		return normalize(float64(x))
	case []any:
		return nil, "a list must hold only strings or only integers"
	case []int:
		out := make([]int64, len(x))
		for i, n := range x {
			out[i] = int64(n)
		}
		return out, ""
	}
	return nil, fmt.Sprintf("value of Go type %T is not a search value (use a string, integer, boolean, or a list of strings or integers)", v)
}

// infer types an attribute whose type the schema leaves to the value.
func infer(v any) Type {
	switch v.(type) {
	case string, []string:
		return TypeString
	case bool:
		return TypeBoolean
	case int64, []int64:
		return TypeInteger
	case float64:
		return TypeFloat
	}
	return TypeAny
}

func scalarOperand(t Type, o op, v any) (operand, string) {
	switch v.(type) {
	case []string, []int64:
		return operand{}, fmt.Sprintf("operator %q takes a single value, not a list (use IN or NIN for a list)", o)
	}
	val := operand{t: t}
	switch t {
	case TypeString:
		s, ok := v.(string)
		if !ok {
			return operand{}, describe(v) + " does not fit"
		}
		val.strs = []string{s}
	case TypeBoolean:
		b, ok := v.(bool)
		if !ok {
			return operand{}, describe(v) + " does not fit (use true or false)"
		}
		val.b = b
	case TypeFloat:
		f, ok := toFloat(v)
		if !ok {
			return operand{}, describe(v) + " does not fit (use a number)"
		}
		val.flts = []float64{f}
	default: // integer, date
		n, reason := toInt(t, v)
		if reason != "" {
			return operand{}, reason
		}
		val.ints = []int64{n}
	}
	return val, ""
}

func listOperand(t Type, o op, v any) (operand, string) {
	val := operand{t: t}
	switch x := v.(type) {
	case []string:
		if len(x) == 0 {
			return operand{}, fmt.Sprintf("operator %q needs at least one value", o)
		}
		switch t {
		case TypeString:
			val.strs = x
		case TypeInteger, TypeDate:
			for _, s := range x {
				n, reason := toInt(t, s)
				if reason != "" {
					return operand{}, reason
				}
				val.ints = append(val.ints, n)
			}
		}
	case []int64:
		if len(x) == 0 {
			return operand{}, fmt.Sprintf("operator %q needs at least one value", o)
		}
		if t == TypeString {
			return operand{}, "the list holds integers, which do not fit (quote them as strings)"
		}
		val.ints = x
	default:
		return operand{}, fmt.Sprintf("operator %q takes a list of values, not %s", o, describe(v))
	}
	if t == TypeBoolean {
		// The op table allows IN on booleans, but the value schema carries only
		// lists of strings or integers, so no boolean list can be sent.
		return operand{}, fmt.Sprintf("operator %q would need a list of booleans, which a search value cannot hold (use = or !=)", o)
	}
	return val, ""
}

func toInt(t Type, v any) (int64, string) {
	switch x := v.(type) {
	case int64:
		return x, ""
	case string:
		if n, err := strconv.ParseInt(x, 10, 64); err == nil {
			return n, ""
		}
		what := "whole number"
		if t == TypeDate {
			what = "UNIX timestamp in seconds"
		}
		return 0, fmt.Sprintf("%s does not fit (use a %s)", describe(v), what)
	case float64:
		// An integral float goes on the wire as an integer (5, not 5.0), and
		// models decodes 5.0 and 1e3 as floats; both are whole numbers.
		if x == math.Trunc(x) && math.Abs(x) < 1<<62 {
			return int64(x), ""
		}
		return 0, describe(v) + " is not a whole number"
	}
	return 0, describe(v) + " does not fit"
}

func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case int64:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}

// describe names a value for a message, clipped so a huge value stays readable.
func describe(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("the string %q", clip(x))
	case bool:
		return fmt.Sprintf("the boolean %t", x)
	case int64:
		return fmt.Sprintf("the integer %d", x)
	case float64:
		return fmt.Sprintf("the number %g", x)
	case []string:
		return "a list of strings"
	case []int64:
		return "a list of integers"
	}
	return fmt.Sprintf("a %T", v)
}

func clip(s string) string {
	const limit = 40
	if len(s) <= limit {
		return s
	}
	r := []rune(s)
	if len(r) <= limit {
		return s
	}
	return string(r[:limit]) + "…"
}
