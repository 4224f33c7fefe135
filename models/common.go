// Package models holds Intercom REST API 2.9 resources as plain Go types with JSON tags.
// It does no I/O. Decoding is lenient where the spec's examples and schemas disagree
// (see ../shared/intercom-2.9-notes.md §11): unknown keys are ignored, ids may arrive as
// strings or numbers, and list envelopes accept both the schema's key and the example's.
package models

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"time"
)

// ID is an Intercom id. The spec types ids as strings but its examples sometimes send
// integers, so ID accepts both and always writes a string.
type ID string

func (id *ID) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case string(b) == "null":
		*id = ""
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*id = ID(s)
	default:
		var n json.Number
		if err := json.Unmarshal(b, &n); err != nil {
			return err
		}
		*id = ID(n.String())
	}
	return nil
}

func (id ID) String() string { return string(id) }

// NullString is a string that is null on the wire when empty (the spec's nullable strings).
type NullString string

func (s NullString) MarshalJSON() ([]byte, error) {
	if s == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(s))
}

func (s *NullString) UnmarshalJSON(b []byte) error {
	if string(bytes.TrimSpace(b)) == "null" {
		*s = ""
		return nil
	}
	var v string
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*s = NullString(v)
	return nil
}

// NullInt is an integer that is null on the wire when zero: nullable timestamps
// (waiting_since, snoozed_until) and assignee ids, where Intercom uses null for "none".
// It also accepts a numeric string, as some examples send one.
type NullInt int64

func (n NullInt) MarshalJSON() ([]byte, error) {
	if n == 0 {
		return []byte("null"), nil
	}
	return strconv.AppendInt(nil, int64(n), 10), nil
}

func (n *NullInt) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if string(b) == "null" || string(b) == `""` {
		*n = 0
		return nil
	}
	if len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"' {
		b = b[1 : len(b)-1]
	}
	v, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		return err
	}
	// ParseFloat also reads "NaN", "Inf" and hex floats; none is an integer, and
	// converting them is implementation-defined.
	if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1<<62 {
		return fmt.Errorf("models: %q is not an integer", b)
	}
	*n = NullInt(v)
	return nil
}

// Time turns an Intercom unix timestamp into a time; zero stays the zero time.
func Time(unix int64) time.Time {
	if unix == 0 {
		return time.Time{}
	}
	return time.Unix(unix, 0)
}

// Reference points at another object: {type, id}.
type Reference struct {
	Type string `json:"type"`
	ID   ID     `json:"id"`
}

// ContactReference is {type:"contact", id, external_id}.
type ContactReference struct {
	Type       string     `json:"type"`
	ID         ID         `json:"id"`
	ExternalID NullString `json:"external_id"`
	Role       string     `json:"role,omitempty"` // ticket contacts carry it (examples only)
}

// Attachment is a part_attachment (also the shape of a file ticket attribute).
type Attachment struct {
	Type        string `json:"type"`
	Name        string `json:"name"`
	URL         string `json:"url"`
	ContentType string `json:"content_type"`
	Filesize    int64  `json:"filesize"`
	Width       int    `json:"width"`
	Height      int    `json:"height"`
}

// Author wrote or triggered a part: type is admin, bot, team, user, lead or contact.
type Author struct {
	Type  string     `json:"type"`
	ID    ID         `json:"id"`
	Name  NullString `json:"name"`
	Email string     `json:"email"`
}

// CursorPages is the `pages` object of a cursor-paged list. Next is nil on the last page.
type CursorPages struct {
	Type       string         `json:"type"`
	Page       int            `json:"page"`
	PerPage    int            `json:"per_page"`
	TotalPages int            `json:"total_pages"`
	Next       *StartingAfter `json:"next,omitempty"`
}

// StartingAfter is pages.next: the cursor for the following page.
type StartingAfter struct {
	PerPage       int        `json:"per_page,omitempty"`
	StartingAfter NullString `json:"starting_after"`
}

// NextCursor is the starting_after for the next page, or "" when there is none.
func (p *CursorPages) NextCursor() string {
	if p == nil || p.Next == nil {
		return ""
	}
	return string(p.Next.StartingAfter)
}

// LinkPages is the pages_link variant used by GET /contacts/{id}/companies: next is a URL.
type LinkPages struct {
	Type       string     `json:"type"`
	Page       int        `json:"page"`
	PerPage    int        `json:"per_page"`
	TotalPages int        `json:"total_pages"`
	Next       NullString `json:"next"`
}

// listOf decodes the items of a list envelope that the schema names one way and the
// examples another (e.g. ticket_types vs data): the first key present wins.
func listOf[T any](raw map[string]json.RawMessage, keys ...string) ([]T, error) {
	for _, k := range keys {
		if b, ok := raw[k]; ok && string(b) != "null" {
			var items []T
			if err := json.Unmarshal(b, &items); err != nil {
				return nil, err
			}
			return items, nil
		}
	}
	return nil, nil
}
