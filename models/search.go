package models

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Query is an Intercom search query: either a single filter {field, operator, value}
// or a group {operator: AND|OR, value: [queries]}. The two shapes share one type so a
// group's children can be either.
type Query struct {
	Field    string  // single filter: the field, e.g. "state" or "source.author.email"
	Operator string  // = != IN NIN < <= > >= ~ !~ ^ $ for a filter; AND or OR for a group
	Value    any     // single filter: string, int64, float64, bool, []string, []int64, or nil
	Children []Query // group: its filters and nested groups
}

// IsGroup reports whether q is an AND/OR group rather than a single filter.
// A filter that names a field is never a group, even with operator AND/OR (which the
// validator then refuses), so that encoding keeps its field and value.
func (q Query) IsGroup() bool { return q.Field == "" && (q.Operator == "AND" || q.Operator == "OR") }

// MarshalJSON writes the single or the group shape.
func (q Query) MarshalJSON() ([]byte, error) {
	if q.IsGroup() {
		children := q.Children
		if children == nil {
			children = []Query{}
		}
		return json.Marshal(struct {
			Operator string  `json:"operator"`
			Value    []Query `json:"value"`
		}{q.Operator, children})
	}
	return json.Marshal(struct {
		Field    string `json:"field"`
		Operator string `json:"operator"`
		Value    any    `json:"value"`
	}{q.Field, q.Operator, q.Value})
}

// UnmarshalJSON reads either shape. Numbers become int64 when integral (ids and
// timestamps), float64 otherwise.
func (q *Query) UnmarshalJSON(b []byte) error {
	var raw struct {
		Field    string          `json:"field"`
		Operator string          `json:"operator"`
		Value    json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	*q = Query{Field: raw.Field, Operator: raw.Operator}
	if q.IsGroup() {
		if err := json.Unmarshal(raw.Value, &q.Children); err != nil {
			return fmt.Errorf("query group %s: %w", raw.Operator, err)
		}
		return nil
	}
	v, err := decodeQueryValue(raw.Value)
	if err != nil {
		return fmt.Errorf("query value for %q: %w", raw.Field, err)
	}
	q.Value = v
	return nil
}

func decodeQueryValue(b json.RawMessage) (any, error) {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || string(b) == "null" {
		return nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	switch t := v.(type) {
	case json.Number:
		return number(t), nil
	case []any:
		return decodeQueryList(t)
	case string, bool:
		return t, nil
	default:
		return nil, fmt.Errorf("unsupported value %s", b)
	}
}

func decodeQueryList(items []any) (any, error) {
	strs := make([]string, 0, len(items))
	ints := make([]int64, 0, len(items))
	for _, it := range items {
		switch t := it.(type) {
		case string:
			strs = append(strs, t)
		case json.Number:
			n, ok := number(t).(int64)
			if !ok {
				return nil, fmt.Errorf("list holds a non-integer number %s", t)
			}
			ints = append(ints, n)
		default:
			return nil, fmt.Errorf("list holds %T; only strings or integers are allowed", it)
		}
	}
	switch {
	case len(strs) > 0 && len(ints) > 0:
		return nil, fmt.Errorf("list mixes strings and integers")
	case len(ints) > 0:
		return ints, nil
	default:
		return strs, nil
	}
}

func number(n json.Number) any {
	if i, err := n.Int64(); err == nil {
		return i
	}
	f, _ := n.Float64()
	return f
}

// SearchRequest is the body of POST /conversations/search, /contacts/search and /tickets/search.
type SearchRequest struct {
	Query      Query             `json:"query"`
	Pagination *SearchPagination `json:"pagination,omitempty"`
}

// SearchPagination pages a search: per_page and the cursor from pages.next.starting_after.
type SearchPagination struct {
	PerPage       int    `json:"per_page,omitempty"`
	StartingAfter string `json:"starting_after,omitempty"`
}
