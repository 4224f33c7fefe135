package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/intercom-tui/intercom-tui/phone"
)

// Results of a logged redirect besides a server's error_key.
const (
	RedirectSent    = "sent"    // 200: the SMS went out
	RedirectNetwork = "network" // the request did not reach the server, or its answer was lost
)

// Redirect is one phone-call redirect in the local log.
type Redirect struct {
	ID      int64
	SentAt  time.Time
	Phone   string         // masked to the last four digits on the way in
	Country string         // "Ireland"
	Attrs   map[string]any // the custom attributes sent
	Result  string         // RedirectSent, RedirectNetwork, or the server's error_key
	Message string         // the server's message, or the error's text
	URL     string         // the Messenger URL the server answered, if any
}

// maxRedirects is how many log entries are kept: the oldest go first.
const maxRedirects = 1000

// PutRedirect appends r to the log (its phone masked whatever the caller passed) and
// returns its id.
func (s *Store) PutRedirect(r Redirect) (int64, error) {
	attrs := r.Attrs
	if attrs == nil {
		attrs = map[string]any{}
	}
	b, err := json.Marshal(attrs)
	if err != nil {
		return 0, fmt.Errorf("store: encode: %w", err)
	}
	var id int64
	err = s.write(func(tx *sql.Tx) error {
		res, err := tx.Exec(`INSERT INTO redirects(sent_at, phone, country, attrs, result, message, url)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, timeUnix(r.SentAt), phone.Mask(r.Phone), r.Country, string(b), r.Result, r.Message, r.URL)
		if err != nil {
			return fmt.Errorf("store: %w", err)
		}
		id, _ = res.LastInsertId()
		_, err = tx.Exec(`DELETE FROM redirects WHERE id <= ?`, id-maxRedirects)
		if err != nil {
			return fmt.Errorf("store: %w", err)
		}
		return nil
	})
	return id, err
}

// Redirects lists up to limit logged redirects, newest first (limit ≤ 0: all).
func (s *Store) Redirects(limit int) ([]Redirect, error) {
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.db.Query(`SELECT id, sent_at, phone, country, attrs, result, message, url
		FROM redirects ORDER BY sent_at DESC, id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	defer rows.Close()
	var out []Redirect
	for rows.Next() {
		var r Redirect
		var at int64
		var attrs string
		if err := rows.Scan(&r.ID, &at, &r.Phone, &r.Country, &attrs, &r.Result, &r.Message, &r.URL); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		r.SentAt = unixTime(at)
		if err := json.Unmarshal([]byte(attrs), &r.Attrs); err != nil {
			return nil, fmt.Errorf("store: decode: %w", err)
		}
		out = append(out, r)
	}
	return out, wrapRows(rows.Err())
}

func wrapRows(err error) error {
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	return nil
}
