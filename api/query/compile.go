package query

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/intercom-tui/intercom-tui/models"
)

// Matcher is a validated query compiled for repeated evaluation: operands are
// parsed, lower-cased and day-truncated once, so matching a record costs a
// Record.Get per filter reached and no allocation on plain ASCII text.
// A Matcher is immutable and safe for concurrent use.
type Matcher struct {
	root node
}

// Match reports whether rec satisfies the query.
func (m *Matcher) Match(rec Record) bool { return m.root.match(rec) }

// Compile validates q as a search on res (see Validate) and compiles it.
// The error, if any, is a *ValidationError.
func Compile(res Resource, q models.Query) (*Matcher, error) {
	s := schemas[res]
	if s == nil {
		return nil, &ValidationError{Path: "query", Reason: fmt.Sprintf("unknown resource %q (use conversations, contacts or tickets)", string(res))}
	}
	c := compiler{res: res, s: s}
	root, err := c.compile(q, "query", 0)
	if err != nil {
		return nil, err
	}
	return &Matcher{root: root}, nil
}

// Match compiles q and evaluates it against one record. To test many records,
// Compile once and call Matcher.Match.
func Match(res Resource, q models.Query, rec Record) (bool, error) {
	m, err := Compile(res, q)
	if err != nil {
		return false, err
	}
	return m.Match(rec), nil
}

type compiler struct {
	res Resource
	s   *schema
}

// compile turns q into a node; level is the number of groups enclosing q.
func (c *compiler) compile(q models.Query, path string, level int) (node, *ValidationError) {
	if !q.IsGroup() || q.Field != "" {
		// A field makes it a filter, as models.Query.UnmarshalJSON reads it.
		name, o, val, reason := checkFilter(c.res, c.s, q)
		if reason != "" {
			return nil, &ValidationError{Path: path, Field: q.Field, Operator: q.Operator, Reason: reason}
		}
		return c.filter(name, o, val), nil
	}
	fail := func(format string, args ...any) (node, *ValidationError) {
		return nil, &ValidationError{Path: path, Field: q.Field, Operator: q.Operator, Reason: fmt.Sprintf(format, args...)}
	}
	switch {
	case q.Value != nil:
		return fail("%s group carries a Value; its queries belong in Children", q.Operator)
	case level+1 > MaxDepth:
		return fail("%s group is nested %d deep; Intercom allows at most %d levels of AND/OR, e.g. (1 OR 2) AND (3 OR 4)", q.Operator, level+1, MaxDepth)
	case len(q.Children) == 0:
		return fail("%s group is empty", q.Operator)
	case len(q.Children) > MaxGroupSize:
		return fail("%s group has %d filters; Intercom allows at most %d per group", q.Operator, len(q.Children), MaxGroupSize)
	}
	kids := make([]node, len(q.Children))
	for i, child := range q.Children {
		n, err := c.compile(child, path+".value["+strconv.Itoa(i)+"]", level+1)
		if err != nil {
			return nil, err
		}
		kids[i] = n
	}
	if len(kids) == 1 {
		return kids[0], nil
	}
	if q.Operator == "AND" {
		return andNode(kids), nil
	}
	return orNode(kids), nil
}

// filter builds the evaluator for a checked filter. Negative operators become
// their positive twin with neg set: on a multi-valued field "!= x" holds when no
// element equals x, and a missing field satisfies every negative operator.
func (c *compiler) filter(name string, o op, val operand) node {
	neg := o == opNe || o == opNin || o == opNotContains
	switch o {
	case opNe:
		o = opEq
	case opNin:
		o = opIn
	case opNotContains:
		o = opContains
	}
	if val.null {
		return nullNode{field: name, present: neg}
	}
	switch val.t {
	case TypeBoolean:
		return boolNode{field: name, want: val.b, neg: neg}
	case TypeString:
		n := &strNode{field: name, op: o, neg: neg, vals: val.strs}
		// source.body is matched word by word, ignoring case (spec: "support"
		// matches "I need support"; "need support" does not).
		n.words = c.res == Conversations && name == "source.body"
		n.fold = n.words || o >= opContains
		if n.fold {
			n.vals = make([]string, len(val.strs))
			for i, s := range val.strs {
				n.vals[i] = strings.ToLower(s)
			}
		}
		// Every positive operator on a word implies the text contains the
		// operand; with ASCII on both sides a substring scan can rule it out.
		n.scan = n.words && len(n.vals) <= smallSet && isASCII(strings.Join(n.vals, ""))
		if o == opIn && !n.fold && len(n.vals) > smallSet {
			n.set = make(map[string]struct{}, len(n.vals))
			for _, s := range n.vals {
				n.set[s] = struct{}{}
			}
		}
		return n
	}
	n := &numNode{field: name, op: o, neg: neg, ints: val.ints, flts: val.flts, float: val.t == TypeFloat}
	if !n.float {
		n.flts = make([]float64, len(val.ints))
		for i, x := range val.ints {
			n.flts[i] = float64(x)
		}
	}
	if c.res != Contacts {
		// Conversations and tickets: "Greater (or equal) than", "Lower (or equal) than".
		switch o {
		case opLt:
			n.op = opLe
		case opGt:
			n.op = opGe
		}
		return n
	}
	// Contacts compare dates by calendar day; an attribute typed by its value is
	// a date when the record says so.
	switch {
	case val.t == TypeDate:
		n.day = dayAlways
	case val.t == TypeInteger && strings.HasPrefix(name, c.s.dynamic):
		n.day = dayIfDate
	}
	if n.day != dayNever {
		n.days = make([]int64, len(val.ints))
		for i, x := range val.ints {
			n.days[i] = dayOf(x)
		}
	}
	return n
}

// smallSet is the IN list length above which a hash set beats a linear scan.
const smallSet = 8
