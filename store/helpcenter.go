package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/intercom-tui/intercom-tui/models"
)

// PutHelpCenters upserts help centers in one transaction.
func (s *Store) PutHelpCenters(hcs []models.HelpCenter) error {
	return s.write(func(tx *sql.Tx) error {
		stmt, err := tx.Prepare(`INSERT INTO help_centers(id, updated_at, json) VALUES (?, ?, ?)
			ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at, json = excluded.json`)
		if err != nil {
			return fmt.Errorf("store: %w", err)
		}
		defer stmt.Close()
		for _, h := range hcs {
			if err := execJSON(stmt, h, string(h.ID), h.UpdatedAt); err != nil {
				return err
			}
		}
		return nil
	})
}

// HelpCenters lists the stored help centers by display name.
func (s *Store) HelpCenters() ([]models.HelpCenter, error) {
	return readAll[models.HelpCenter](s.db, `SELECT json FROM help_centers ORDER BY json->>'display_name', id`)
}

// PutCollections upserts collections in one transaction.
func (s *Store) PutCollections(cs []models.Collection) error {
	return s.write(func(tx *sql.Tx) error {
		stmt, err := tx.Prepare(`INSERT INTO collections(id, help_center_id, ord, name, updated_at, json)
			VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT(id) DO UPDATE SET help_center_id = excluded.help_center_id, ord = excluded.ord,
				name = excluded.name, updated_at = excluded.updated_at, json = excluded.json`)
		if err != nil {
			return fmt.Errorf("store: %w", err)
		}
		defer stmt.Close()
		for _, c := range cs {
			hc := ""
			if c.HelpCenterID != 0 {
				hc = strconv.FormatInt(int64(c.HelpCenterID), 10)
			}
			if err := execJSON(stmt, c, string(c.ID), hc, c.Order, c.Name, c.UpdatedAt); err != nil {
				return err
			}
		}
		return nil
	})
}

// Collections lists the stored collections by order, then name.
func (s *Store) Collections() ([]models.Collection, error) {
	return readAll[models.Collection](s.db, `SELECT json FROM collections ORDER BY ord, name COLLATE NOCASE, id`)
}

// PutSections upserts sections in one transaction.
func (s *Store) PutSections(ss []models.Section) error {
	return s.write(func(tx *sql.Tx) error {
		stmt, err := tx.Prepare(`INSERT INTO sections(id, parent_id, ord, name, updated_at, json)
			VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT(id) DO UPDATE SET parent_id = excluded.parent_id, ord = excluded.ord,
				name = excluded.name, updated_at = excluded.updated_at, json = excluded.json`)
		if err != nil {
			return fmt.Errorf("store: %w", err)
		}
		defer stmt.Close()
		for _, x := range ss {
			if err := execJSON(stmt, x, string(x.ID), string(x.ParentID), x.Order, x.Name, x.UpdatedAt); err != nil {
				return err
			}
		}
		return nil
	})
}

// Sections lists the stored sections by parent, then order and name.
func (s *Store) Sections() ([]models.Section, error) {
	return readAll[models.Section](s.db, `SELECT json FROM sections ORDER BY parent_id, ord, name COLLATE NOCASE, id`)
}

// PutArticles upserts articles and their translations in one transaction. Bodies are
// kept as HTML and, for the search index, as text.
func (s *Store) PutArticles(as []models.Article) error {
	return s.write(func(tx *sql.Tx) error {
		art, err := tx.Prepare(`INSERT INTO articles(id, parent_id, parent_ids, parent_type, state, updated_at,
				default_locale, url, title, description, body_html, body_text, json)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT(id) DO UPDATE SET parent_id = excluded.parent_id, parent_ids = excluded.parent_ids,
				parent_type = excluded.parent_type, state = excluded.state, updated_at = excluded.updated_at,
				default_locale = excluded.default_locale, url = excluded.url, title = excluded.title,
				description = excluded.description, body_html = excluded.body_html,
				body_text = excluded.body_text, json = excluded.json`)
		if err != nil {
			return fmt.Errorf("store: %w", err)
		}
		defer art.Close()
		del, err := tx.Prepare(`DELETE FROM article_translations WHERE article_id = ?`)
		if err != nil {
			return fmt.Errorf("store: %w", err)
		}
		defer del.Close()
		tr, err := tx.Prepare(`INSERT INTO article_translations(article_id, locale, title, description,
				body_html, body_text, state, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return fmt.Errorf("store: %w", err)
		}
		defer tr.Close()
		for _, a := range as {
			if err := putArticle(art, del, tr, a); err != nil {
				return err
			}
		}
		return nil
	})
}

func putArticle(art, del, tr *sql.Stmt, a models.Article) error {
	parent := ""
	if a.ParentID != 0 {
		parent = strconv.FormatInt(int64(a.ParentID), 10)
	}
	ids := make([]string, len(a.ParentIDs))
	for i, p := range a.ParentIDs {
		ids[i] = strconv.FormatInt(p, 10)
	}
	body := string(a.Body)
	err := execJSON(art, a, string(a.ID), parent, strings.Join(ids, ","), string(a.ParentType), a.State,
		a.UpdatedAt, a.DefaultLocale, string(a.URL), a.Title, string(a.Description), body, htmlText(body))
	if err != nil {
		return err
	}
	if _, err := del.Exec(string(a.ID)); err != nil {
		return fmt.Errorf("store: article %s: %w", a.ID, err)
	}
	if a.TranslatedContent == nil {
		return nil
	}
	for _, loc := range a.TranslatedContent.Locales() {
		c := a.TranslatedContent.Content[loc]
		if _, err := tr.Exec(string(a.ID), loc, c.Title, c.Description, c.Body, htmlText(c.Body), c.State, c.UpdatedAt); err != nil {
			return fmt.Errorf("store: article %s (%s): %w", a.ID, loc, err)
		}
	}
	return nil
}

// Articles lists every stored article in tree order: by parent, then title.
func (s *Store) Articles() ([]models.Article, error) {
	return readAll[models.Article](s.db, `SELECT json FROM articles ORDER BY parent_id, title COLLATE NOCASE, id`)
}

// Article is one stored article, with every translation; ErrNotFound when absent.
func (s *Store) Article(id string) (models.Article, error) {
	var a models.Article
	err := readOne(s.db, &a, `SELECT json FROM articles WHERE id = ?`, id)
	return a, err
}

// CountArticles is the number of stored articles.
func (s *Store) CountArticles() (int, error) { return s.count("articles") }

func (s *Store) count(table string) (int, error) {
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: %w", err)
	}
	return n, nil
}

// execJSON runs stmt with args and, last, v as JSON.
func execJSON(stmt *sql.Stmt, v any, args ...any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("store: encode: %w", err)
	}
	if _, err := stmt.Exec(append(args, string(b))...); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	return nil
}

// readAll decodes the single JSON column of every row of query.
func readAll[T any](db *sql.DB, query string, args ...any) ([]T, error) {
	rows, err := db.Query(query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var raw string
		if err := rows.Scan(&raw); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		var v T
		if err := json.Unmarshal([]byte(raw), &v); err != nil {
			return nil, fmt.Errorf("store: decode: %w", err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	return out, nil
}

// readOne decodes the JSON column of the one row of query into v.
func readOne(db *sql.DB, v any, query string, args ...any) error {
	var raw string
	err := db.QueryRow(query, args...).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	if err := json.Unmarshal([]byte(raw), v); err != nil {
		return fmt.Errorf("store: decode: %w", err)
	}
	return nil
}
