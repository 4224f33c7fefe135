package query

// node is a compiled query or sub-query.
type node interface {
	match(rec Record) bool
}

type andNode []node

func (n andNode) match(rec Record) bool {
	for _, k := range n {
		if !k.match(rec) {
			return false
		}
	}
	return true
}

type orNode []node

func (n orNode) match(rec Record) bool {
	for _, k := range n {
		if k.match(rec) {
			return true
		}
	}
	return false
}

// present reads a field; a zero Value counts as missing.
func present(rec Record, field string) (Value, bool) {
	v, ok := rec.Get(field)
	return v, ok && v.kind != KindNone
}

// nullNode is "= null" (the field is missing) or "!= null" (it is there).
type nullNode struct {
	field   string
	present bool
}

func (n nullNode) match(rec Record) bool {
	_, ok := present(rec, n.field)
	return ok == n.present
}

type boolNode struct {
	field string
	want  bool
	neg   bool
}

func (n boolNode) match(rec Record) bool {
	v, ok := present(rec, n.field)
	if !ok || v.kind != KindBool {
		return n.neg
	}
	return ((v.n != 0) == n.want) != n.neg
}

// strNode is a string filter with a positive operator (=, IN, ~, ^, $); neg
// turns it into !=, NIN or !~, which hold when no element matches.
type strNode struct {
	field string
	op    op
	neg   bool
	vals  []string // lower-cased when fold
	set   map[string]struct{}
	fold  bool // compare ignoring case: the text operators, and body words
	words bool // elements are the words of the text (source.body)
	scan  bool // words: an ASCII text not containing any operand has no matching word
}

func (n *strNode) match(rec Record) bool {
	v, ok := present(rec, n.field)
	if !ok {
		return n.neg
	}
	var hit bool
	switch v.kind {
	case KindString:
		hit = n.elem(v.s)
	case KindStrings:
		for _, s := range v.ss {
			if n.elem(s) {
				hit = true
				break
			}
		}
	default:
		return n.neg
	}
	return hit != n.neg
}

func (n *strNode) elem(s string) bool {
	if !n.words {
		return n.test(s)
	}
	if n.scan && isASCII(s) && !n.anyContained(s) {
		return false // cheaper than splitting the text into words
	}
	for i := 0; i < len(s); {
		w, next := nextWord(s, i)
		if w != "" && n.test(w) {
			return true
		}
		i = next
	}
	return false
}

func (n *strNode) anyContained(s string) bool {
	for _, v := range n.vals {
		if containsFold(s, v) {
			return true
		}
	}
	return false
}

func (n *strNode) test(s string) bool {
	switch n.op {
	case opEq, opIn:
		if n.set != nil {
			_, ok := n.set[s]
			return ok
		}
		for _, v := range n.vals {
			if s == v || n.fold && equalFold(s, v) {
				return true
			}
		}
		return false
	case opContains:
		return containsFold(s, n.vals[0])
	case opPrefix:
		return hasPrefixFold(s, n.vals[0])
	case opSuffix:
		return hasSuffixFold(s, n.vals[0])
	}
	return false
}

// dayMode says when a contacts filter compares calendar days instead of seconds.
type dayMode uint8

const (
	dayNever  dayMode = iota
	dayAlways         // a date field
	dayIfDate         // a custom attribute, when the record holds a Date
)

const secondsPerDay = 86400

// dayOf is the UTC calendar day of a UNIX time, flooring before 1970 too.
func dayOf(unix int64) int64 {
	d := unix / secondsPerDay
	if unix%secondsPerDay < 0 {
		d--
	}
	return d
}

// numNode is an integer, date or decimal filter with a positive operator;
// neg turns = and IN into != and NIN.
type numNode struct {
	field string
	op    op
	neg   bool
	ints  []int64
	flts  []float64 // the operands as floats, for decimal record values
	days  []int64   // the operands' calendar days, when day != dayNever
	float bool      // the operand is a decimal: compare as floats
	day   dayMode
}

func (n *numNode) match(rec Record) bool {
	v, ok := present(rec, n.field)
	if !ok {
		return n.neg
	}
	var hit bool
	switch v.kind {
	case KindInt, KindDate:
		hit = n.int(v.n, v.kind == KindDate)
	case KindInts:
		for _, x := range v.ns {
			if n.int(x, false) {
				hit = true
				break
			}
		}
	case KindFloat:
		hit = compare(n.op, v.f, n.flts)
	default:
		return n.neg
	}
	return hit != n.neg
}

func (n *numNode) int(x int64, isDate bool) bool {
	switch {
	case n.float:
		return compare(n.op, float64(x), n.flts)
	case n.day == dayAlways, n.day == dayIfDate && isDate:
		return compare(n.op, dayOf(x), n.days)
	}
	return compare(n.op, x, n.ints)
}

// compare applies a positive operator: = and IN hold if x equals any operand,
// the order operators compare with the single operand.
func compare[T int64 | float64](o op, x T, vals []T) bool {
	switch o {
	case opEq, opIn:
		for _, v := range vals {
			if x == v {
				return true
			}
		}
		return false
	case opLt:
		return x < vals[0]
	case opLe:
		return x <= vals[0]
	case opGt:
		return x > vals[0]
	case opGe:
		return x >= vals[0]
	}
	return false
}
