package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/intercom-tui/intercom-tui/api/query"
	"github.com/intercom-tui/intercom-tui/models"
)

// SavedView is what a list view showed when it last loaded from the network: its item
// ids in order, the total the server reported, and when.
type SavedView struct {
	Key     string
	IDs     []string
	Total   int
	SavedAt time.Time
}

// maxViewIDs bounds a saved view: more than a screenful of pages is never shown from
// the store before the network answers.
const maxViewIDs = 2000

// PutView saves a view's ids (the first maxViewIDs), replacing what it held.
func (s *Store) PutView(v SavedView) error {
	ids := v.IDs
	if len(ids) > maxViewIDs {
		ids = ids[:maxViewIDs]
	}
	b, err := json.Marshal(ids)
	if err != nil {
		return fmt.Errorf("store: encode: %w", err)
	}
	return s.write(func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO views(key, saved_at, total, ids) VALUES (?, ?, ?, ?)
			ON CONFLICT(key) DO UPDATE SET saved_at = excluded.saved_at, total = excluded.total, ids = excluded.ids`,
			v.Key, timeUnix(v.SavedAt), v.Total, string(b))
		if err != nil {
			return fmt.Errorf("store: %w", err)
		}
		return nil
	})
}

// View is a saved view; ErrNotFound when the view was never saved.
func (s *Store) View(key string) (SavedView, error) {
	v := SavedView{Key: key}
	var saved int64
	var raw string
	err := s.db.QueryRow(`SELECT saved_at, total, ids FROM views WHERE key = ?`, key).Scan(&saved, &v.Total, &raw)
	if errors.Is(err, sql.ErrNoRows) {
		return v, ErrNotFound
	}
	if err != nil {
		return v, fmt.Errorf("store: %w", err)
	}
	if err := json.Unmarshal([]byte(raw), &v.IDs); err != nil {
		return v, fmt.Errorf("store: decode: %w", err)
	}
	v.SavedAt = unixTime(saved)
	return v, nil
}

// byIDs reads the JSON of table's rows with the given ids, in the order of ids; ids the
// store does not hold are skipped.
func byIDs[T any](s *Store, table string, ids []string) ([]T, error) {
	found := make(map[string]T, len(ids))
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := s.db.Query(`SELECT id, json FROM `+table+` WHERE id IN (?`+
			strings.Repeat(",?", len(chunk)-1)+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		for rows.Next() {
			var id, raw string
			if err := rows.Scan(&id, &raw); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: %w", err)
			}
			var v T
			if err := json.Unmarshal([]byte(raw), &v); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: decode: %w", err)
			}
			found[id] = v
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
	}
	out := make([]T, 0, len(found))
	for _, id := range ids {
		if v, ok := found[id]; ok {
			out = append(out, v)
		}
	}
	return out, nil
}

// ConversationsByID are the stored summaries of ids, in that order (missing ones skipped).
func (s *Store) ConversationsByID(ids []string) ([]models.Conversation, error) {
	return byIDs[models.Conversation](s, "conversations", ids)
}

// ContactsByID are the stored contacts of ids, in that order (missing ones skipped).
func (s *Store) ContactsByID(ids []string) ([]models.Contact, error) {
	return byIDs[models.Contact](s, "contacts", ids)
}

// TicketsByID are the stored tickets of ids, in that order (missing ones skipped).
func (s *Store) TicketsByID(ids []string) ([]models.Ticket, error) {
	return byIDs[models.Ticket](s, "tickets", ids)
}

// MatchConversations lists up to limit stored conversations that m matches, most
// recently updated first, and how many match in all. It reads every stored summary, so
// it is for a view the store has no saved list of (one synced but never opened).
func (s *Store) MatchConversations(m *query.Matcher, limit int) ([]models.Conversation, int, error) {
	rows, err := s.db.Query(`SELECT json FROM conversations ORDER BY updated_at DESC, id`)
	if err != nil {
		return nil, 0, fmt.Errorf("store: %w", err)
	}
	defer rows.Close()
	var out []models.Conversation
	var rec query.ConversationRecord
	total := 0
	for rows.Next() {
		var raw string
		if err := rows.Scan(&raw); err != nil {
			return nil, 0, fmt.Errorf("store: %w", err)
		}
		var c models.Conversation
		if err := json.Unmarshal([]byte(raw), &c); err != nil {
			return nil, 0, fmt.Errorf("store: decode: %w", err)
		}
		rec.Reset(&c)
		if !m.Match(&rec) {
			continue
		}
		total++
		if limit <= 0 || len(out) < limit {
			out = append(out, c)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("store: %w", err)
	}
	return out, total, nil
}

// SearchContacts lists up to limit stored contacts whose name, email, phone or external
// id contains text (case-insensitive), most recently updated first; "" lists the most
// recent ones. It is the contact search while offline.
func (s *Store) SearchContacts(text string, limit int) ([]models.Contact, error) {
	if limit <= 0 {
		limit = -1
	}
	if strings.TrimSpace(text) == "" {
		return readAll[models.Contact](s.db, `SELECT json FROM contacts ORDER BY updated_at DESC, id LIMIT ?`, limit)
	}
	like := "%" + escapeLike(strings.ToLower(text)) + "%"
	return readAll[models.Contact](s.db, `SELECT json FROM contacts WHERE
		lower(coalesce(json_extract(json, '$.name'), '')) LIKE ?1 ESCAPE '\' OR
		lower(coalesce(json_extract(json, '$.email'), '')) LIKE ?1 ESCAPE '\' OR
		lower(coalesce(json_extract(json, '$.phone'), '')) LIKE ?1 ESCAPE '\' OR
		lower(coalesce(json_extract(json, '$.external_id'), '')) LIKE ?1 ESCAPE '\'
		ORDER BY updated_at DESC, id LIMIT ?2`, like, limit)
}

// ContactConversations lists up to limit stored conversations with the contact among
// their contacts, most recently updated first (a contact's profile, offline).
func (s *Store) ContactConversations(contactID string, limit int) ([]models.Conversation, error) {
	if limit <= 0 {
		limit = -1
	}
	return readAll[models.Conversation](s.db, `SELECT c.json FROM conversations c
		WHERE EXISTS (SELECT 1 FROM json_each(c.json, '$.contacts.contacts') e
			WHERE json_extract(e.value, '$.id') = ?1)
		ORDER BY c.updated_at DESC, c.id LIMIT ?2`, contactID, limit)
}

func escapeLike(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}
