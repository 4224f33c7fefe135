package store

import (
	"database/sql"
	"fmt"
	"strings"

	"github.com/intercom-tui/intercom-tui/models"
)

// PutConversations upserts conversation summaries (list or search items) in one
// transaction, leaving stored parts alone. A summary older than the stored one is
// ignored, so a late list page never rolls back a fresher conversation.
func (s *Store) PutConversations(cs []models.Conversation) error {
	return s.write(func(tx *sql.Tx) error {
		stmt, err := tx.Prepare(upsertConversation)
		if err != nil {
			return fmt.Errorf("store: %w", err)
		}
		defer stmt.Close()
		for _, c := range cs {
			c.ConversationParts = nil
			if err := execJSON(stmt, c, string(c.ID), convTitle(c), c.UpdatedAt, 0); err != nil {
				return err
			}
		}
		return nil
	})
}

const upsertConversation = `INSERT INTO conversations(id, title, updated_at, parts_updated_at, json)
	VALUES (?, ?, ?, ?, ?)
	ON CONFLICT(id) DO UPDATE SET title = excluded.title, updated_at = excluded.updated_at,
		parts_updated_at = max(conversations.parts_updated_at, excluded.parts_updated_at),
		json = excluded.json
	WHERE excluded.updated_at >= conversations.updated_at`

// PutConversation stores a full conversation (GET /conversations/{id}) and replaces its
// parts, which become searchable. The opening message (source) is indexed as well.
func (s *Store) PutConversation(c models.Conversation) error {
	return s.PutFullConversations([]models.Conversation{c})
}

// PutFullConversations is PutConversation for several conversations in one transaction.
func (s *Store) PutFullConversations(cs []models.Conversation) error {
	return s.write(func(tx *sql.Tx) error {
		conv, err := tx.Prepare(upsertConversation)
		if err != nil {
			return fmt.Errorf("store: %w", err)
		}
		defer conv.Close()
		del, err := tx.Prepare(`DELETE FROM conversation_parts WHERE conversation_id = ?`)
		if err != nil {
			return fmt.Errorf("store: %w", err)
		}
		defer del.Close()
		part, err := tx.Prepare(`INSERT INTO conversation_parts(conversation_id, part_id, is_source,
				created_at, author, body_text, json) VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT(conversation_id, part_id) DO NOTHING`)
		if err != nil {
			return fmt.Errorf("store: %w", err)
		}
		defer part.Close()
		for _, c := range cs {
			if err := putFull(conv, del, part, c); err != nil {
				return err
			}
		}
		return nil
	})
}

func putFull(conv, del, part *sql.Stmt, c models.Conversation) error {
	id := string(c.ID)
	parts := c.Parts()
	c.ConversationParts = nil
	if err := execJSON(conv, c, id, convTitle(c), c.UpdatedAt, c.UpdatedAt); err != nil {
		return err
	}
	if _, err := del.Exec(id); err != nil {
		return fmt.Errorf("store: conversation %s: %w", id, err)
	}
	if src := c.Source; src != nil && src.Body != "" {
		p := models.Part{Type: "conversation_part", ID: models.ID("source"), PartType: "source",
			Body: models.NullString(src.Body), CreatedAt: c.CreatedAt, Author: src.Author}
		if err := execJSON(part, p, id, "source", 1, c.CreatedAt, authorName(src.Author), htmlText(src.Body)); err != nil {
			return err
		}
	}
	for _, p := range parts {
		if err := execJSON(part, p, id, string(p.ID), 0, p.CreatedAt, authorName(p.Author), htmlText(string(p.Body))); err != nil {
			return err
		}
	}
	return nil
}

func authorName(a models.Author) string {
	if a.Name != "" {
		return string(a.Name)
	}
	return a.Email
}

// convTitle is what a search hit shows for a conversation: its title, else the source's
// subject, else the start of the opening message.
func convTitle(c models.Conversation) string {
	if c.Title != "" {
		return string(c.Title)
	}
	if c.Source == nil {
		return ""
	}
	if sub := htmlText(c.Source.Subject); sub != "" {
		return sub
	}
	line, _, _ := strings.Cut(htmlText(c.Source.Body), "\n")
	if r := []rune(line); len(r) > 80 {
		line = string(r[:79]) + "…"
	}
	return line
}

// Conversation is one stored conversation with its stored parts (oldest first, the
// source not repeated as a part); ErrNotFound when absent.
func (s *Store) Conversation(id string) (models.Conversation, error) {
	var c models.Conversation
	if err := readOne(s.db, &c, `SELECT json FROM conversations WHERE id = ?`, id); err != nil {
		return c, err
	}
	parts, err := readAll[models.Part](s.db, `SELECT json FROM conversation_parts
		WHERE conversation_id = ? AND is_source = 0 ORDER BY created_at, pk`, id)
	if err != nil {
		return c, err
	}
	if len(parts) > 0 {
		c.ConversationParts = &models.PartList{Type: "conversation_part.list", ConversationParts: parts, TotalCount: len(parts)}
	}
	return c, nil
}

// Conversations lists up to limit stored conversation summaries, most recently updated
// first (limit ≤ 0: all).
func (s *Store) Conversations(limit int) ([]models.Conversation, error) {
	if limit <= 0 {
		limit = -1
	}
	return readAll[models.Conversation](s.db, `SELECT json FROM conversations ORDER BY updated_at DESC, id LIMIT ?`, limit)
}

// PartsUpdatedAt maps each of ids that the store holds with parts to the updated_at of
// the full conversation stored; ids missing or stored only as summaries are absent.
func (s *Store) PartsUpdatedAt(ids []string) (map[string]int64, error) {
	out := make(map[string]int64, len(ids))
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		q := `SELECT id, parts_updated_at FROM conversations WHERE parts_updated_at > 0 AND id IN (?` +
			strings.Repeat(",?", len(chunk)-1) + `)`
		rows, err := s.db.Query(q, args...)
		if err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		for rows.Next() {
			var id string
			var u int64
			if err := rows.Scan(&id, &u); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: %w", err)
			}
			out[id] = u
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
	}
	return out, nil
}

// CountConversations is the number of stored conversations; CountParts of their parts
// (sources included).
func (s *Store) CountConversations() (int, error) { return s.count("conversations") }

// CountParts is the number of stored conversation parts, sources included.
func (s *Store) CountParts() (int, error) { return s.count("conversation_parts") }

// PutContacts upserts contacts in one transaction.
func (s *Store) PutContacts(cs []models.Contact) error {
	return s.write(func(tx *sql.Tx) error {
		stmt, err := tx.Prepare(`INSERT INTO contacts(id, updated_at, json) VALUES (?, ?, ?)
			ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at, json = excluded.json`)
		if err != nil {
			return fmt.Errorf("store: %w", err)
		}
		defer stmt.Close()
		for _, c := range cs {
			if err := execJSON(stmt, c, string(c.ID), c.UpdatedAt); err != nil {
				return err
			}
		}
		return nil
	})
}

// Contact is one stored contact; ErrNotFound when absent.
func (s *Store) Contact(id string) (models.Contact, error) {
	var c models.Contact
	err := readOne(s.db, &c, `SELECT json FROM contacts WHERE id = ?`, id)
	return c, err
}

// PutTickets upserts tickets in one transaction.
func (s *Store) PutTickets(ts []models.Ticket) error {
	return s.write(func(tx *sql.Tx) error {
		// As for conversations, an older copy never replaces a fresher one.
		stmt, err := tx.Prepare(`INSERT INTO tickets(id, updated_at, json) VALUES (?, ?, ?)
			ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at, json = excluded.json
			WHERE excluded.updated_at >= tickets.updated_at`)
		if err != nil {
			return fmt.Errorf("store: %w", err)
		}
		defer stmt.Close()
		for _, t := range ts {
			if err := execJSON(stmt, t, string(t.ID), t.UpdatedAt); err != nil {
				return err
			}
		}
		return nil
	})
}

// Ticket is one stored ticket; ErrNotFound when absent.
func (s *Store) Ticket(id string) (models.Ticket, error) {
	var t models.Ticket
	err := readOne(s.db, &t, `SELECT json FROM tickets WHERE id = ?`, id)
	return t, err
}
