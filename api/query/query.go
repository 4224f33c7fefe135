// Package query builds, validates and evaluates Intercom search queries
// (POST /conversations/search and /contacts/search in 2.9, /tickets/search in 2.10).
//
// The client builds a models.Query with Field/And/Or and checks it with Validate
// before sending, so the user sees a precise message instead of Intercom's 400.
// The fake server compiles the same query with Compile and evaluates it against
// its records through the Record interface, so both sides share one reading of
// the spec's field tables and operator semantics.
package query

import (
	"fmt"
	"strings"
)

// Resource is a searchable Intercom resource. Each has its own field table and
// operator rules, taken from the description of its search endpoint.
type Resource string

// The searchable resources.
const (
	Conversations Resource = "conversations"
	Contacts      Resource = "contacts"
	Tickets       Resource = "tickets"
)

// Type is the type of a searchable field as the spec's "Accepted Fields" tables name it.
type Type uint8

// Field types. TypeAny marks custom_attributes.{name} (contacts) and
// ticket_attribute.{id} (tickets), whose type is inferred from the query value.
const (
	TypeString Type = iota + 1
	TypeInteger
	TypeDate // UNIX seconds
	TypeBoolean
	TypeFloat
	TypeAny
)

func (t Type) String() string {
	switch t {
	case TypeString:
		return "string"
	case TypeInteger:
		return "integer"
	case TypeDate:
		return "date"
	case TypeBoolean:
		return "boolean"
	case TypeFloat:
		return "float"
	case TypeAny:
		return "any"
	}
	return fmt.Sprintf("Type(%d)", uint8(t))
}

// Kind is what a Value holds.
type Kind uint8

// Value kinds. KindNone (the zero Value) reads as a missing field.
const (
	KindNone Kind = iota
	KindString
	KindStrings // multi-valued: contact_ids, tag_ids, tag_id, segment_id…
	KindInt
	KindInts
	KindDate // UNIX seconds; on contacts it is compared by calendar day (UTC)
	KindBool
	KindFloat
)

// Value is one field of a record, as the evaluator sees it. It is a small value
// type so a Record can hand it out without allocating per lookup.
type Value struct {
	kind Kind
	s    string
	n    int64 // KindInt, KindDate, KindBool (0/1)
	f    float64
	ss   []string
	ns   []int64
}

// String is a string field value.
func String(s string) Value { return Value{kind: KindString, s: s} }

// Strings is a multi-valued string field (ids, tags). The slice is not copied.
func Strings(ss ...string) Value { return Value{kind: KindStrings, ss: ss} }

// Int is an integer field value.
func Int(n int64) Value { return Value{kind: KindInt, n: n} }

// Ints is a multi-valued integer field. The slice is not copied.
func Ints(ns ...int64) Value { return Value{kind: KindInts, ns: ns} }

// Date is a timestamp field value in UNIX seconds.
func Date(unix int64) Value { return Value{kind: KindDate, n: unix} }

// Bool is a boolean field value.
func Bool(b bool) Value {
	v := Value{kind: KindBool}
	if b {
		v.n = 1
	}
	return v
}

// Float is a decimal field value (ticket attributes).
func Float(f float64) Value { return Value{kind: KindFloat, f: f} }

// Kind reports what v holds.
func (v Value) Kind() Kind { return v.kind }

// Record exposes one resource (a conversation, contact or ticket) to the evaluator
// by field name, so this package need not know the fake's structs. Field names are
// the search names ("source.author.email", "statistics.count_reopens",
// "custom_attributes.plan"); a spec alias is asked for by its canonical name
// (see Fields). Get returns false (or a zero Value) for a missing or null field.
// A value of a kind the field's type cannot hold also reads as missing.
type Record interface {
	Get(field string) (Value, bool)
}

// RecordFunc adapts a function to Record.
type RecordFunc func(field string) (Value, bool)

// Get calls f.
func (f RecordFunc) Get(field string) (Value, bool) { return f(field) }

// Map is a Record backed by a map; handy in tests and small fakes.
type Map map[string]Value

// Get returns m[field].
func (m Map) Get(field string) (Value, bool) {
	v, ok := m[field]
	return v, ok
}

// ValidationError is a query Intercom would refuse, found before sending it.
type ValidationError struct {
	Path     string // where in the query: "query", "query.value[1].value[0]"
	Field    string // the filter's field, if the problem is in a filter
	Operator string // the operator involved, if any
	Reason   string // what is wrong and, where there is one, the fix
}

func (e *ValidationError) Error() string {
	return e.Path + ": " + e.Reason
}

// opList renders operators for messages: "=, <, >".
func opList(ops []string) string { return strings.Join(ops, ", ") }
