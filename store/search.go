package store

import (
	"cmp"
	"fmt"
	"slices"
)

// Highlight markers around matched terms in Hit.Snippet. The UI styles them; the store
// never emits terminal escapes.
const (
	MarkStart = "\x01"
	MarkEnd   = "\x02"
)

// Kinds of Hit.
const (
	KindArticle      = "article"
	KindConversation = "conversation"
)

// Hit is one search result.
type Hit struct {
	Kind    string // KindArticle or KindConversation
	ID      string // article or conversation id
	Title   string
	Snippet string  // text around the match, matches between MarkStart and MarkEnd
	Rank    float64 // bm25: lower is better
}

// SearchArticles finds articles whose title, description or body match q (terms ANDed,
// the last one as a prefix), best first. Any text is a valid q; "" finds nothing.
func (s *Store) SearchArticles(q string, limit int) ([]Hit, error) {
	m := ftsQuery(q)
	if m == "" || limit <= 0 {
		return nil, nil
	}
	return s.searchArticles(m, limit)
}

func (s *Store) searchArticles(match string, limit int) ([]Hit, error) {
	rows, err := s.db.Query(`SELECT a.id, a.title,
			snippet(articles_fts, -1, char(1), char(2), '…', 16),
			bm25(articles_fts, 10.0, 4.0, 1.0) AS r
		FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid
		WHERE articles_fts MATCH ? ORDER BY r LIMIT ?`, match, limit)
	if err != nil {
		return nil, fmt.Errorf("store: search articles: %w", err)
	}
	defer rows.Close()
	var out []Hit
	for rows.Next() {
		h := Hit{Kind: KindArticle}
		if err := rows.Scan(&h.ID, &h.Title, &h.Snippet, &h.Rank); err != nil {
			return nil, fmt.Errorf("store: search articles: %w", err)
		}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: search articles: %w", err)
	}
	return out, nil
}

// SearchParts finds conversations whose stored parts match q, best first, one hit per
// conversation (its best part).
func (s *Store) SearchParts(q string, limit int) ([]Hit, error) {
	m := ftsQuery(q)
	if m == "" || limit <= 0 {
		return nil, nil
	}
	return s.searchParts(m, limit)
}

func (s *Store) searchParts(match string, limit int) ([]Hit, error) {
	rows, err := s.db.Query(`WITH m AS (
			SELECT rowid, snippet(parts_fts, 0, char(1), char(2), '…', 16) AS snip, bm25(parts_fts) AS r
			FROM parts_fts WHERE parts_fts MATCH ? ORDER BY r LIMIT ?)
		SELECT p.conversation_id, c.title, m.snip, m.r
		FROM m JOIN conversation_parts p ON p.pk = m.rowid JOIN conversations c ON c.id = p.conversation_id
		ORDER BY m.r`, match, limit*4)
	if err != nil {
		return nil, fmt.Errorf("store: search conversations: %w", err)
	}
	defer rows.Close()
	var out []Hit
	seen := map[string]bool{}
	for rows.Next() {
		h := Hit{Kind: KindConversation}
		if err := rows.Scan(&h.ID, &h.Title, &h.Snippet, &h.Rank); err != nil {
			return nil, fmt.Errorf("store: search conversations: %w", err)
		}
		if seen[h.ID] || len(out) == limit {
			continue
		}
		seen[h.ID] = true
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: search conversations: %w", err)
	}
	return out, nil
}

// Search finds articles and conversations matching q, merged by rank, best first.
func (s *Store) Search(q string, limit int) ([]Hit, error) {
	m := ftsQuery(q)
	if m == "" || limit <= 0 {
		return nil, nil
	}
	arts, err := s.searchArticles(m, limit)
	if err != nil {
		return nil, err
	}
	convs, err := s.searchParts(m, limit)
	if err != nil {
		return nil, err
	}
	out := append(arts, convs...)
	slices.SortStableFunc(out, func(a, b Hit) int { return cmp.Compare(a.Rank, b.Rank) })
	return out[:min(limit, len(out))], nil
}
