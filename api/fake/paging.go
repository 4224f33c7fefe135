package fake

import (
	"encoding/base64"
	"encoding/json"
	"hash/fnv"
	"net/http"
	"strconv"

	"github.com/intercom-tui/intercom-tui/models"
)

// maxPerPage is GET /conversations' declared maximum (the only maximum in the 2.9 file;
// the conversation search description repeats it). The fake applies it to every list so a
// client never learns to rely on larger pages.
const maxPerPage = 150

// Default page sizes, from each endpoint's description or example.
const (
	perPageConversations = 20 // GET /conversations, POST /conversations/search
	perPageContacts      = 50 // GET /contacts, POST /contacts/search, notes
	perPageTickets       = 20 // POST /tickets/search (2.10)
	perPageArticles      = 25 // GET /articles example
	perPageHelpCenter    = 20 // collections and sections examples
)

// cursor is what an opaque starting_after carries: the list it belongs to, the page it
// opens, and the sort key of the last item already served. Keyset cursors (not offsets)
// keep paging exact while writes move conversations to the top of the list: an item
// moved up is never served twice and nothing below the cursor is skipped.
type cursor struct {
	List  string `json:"l"`
	Query uint64 `json:"q,omitempty"` // search: hash of the query the cursor was made for
	Page  int    `json:"p"`
	U     int64  `json:"u,omitempty"` // updated_at of the last item
	T     bool   `json:"t,omitempty"` // conversations: the last item was a written one
	N     int64  `json:"n"`           // tie-break: seed rank, index or numeric id
}

func (c cursor) encode() string {
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeCursor reads starting_after for list (and query, for searches). An empty string
// is the first page.
func decodeCursor(s, list string, query uint64) (cursor, error) {
	if s == "" {
		return cursor{List: list, Query: query, Page: 1, N: -1}, nil
	}
	bad := invalid("starting_after", "starting_after is not a cursor this list returned")
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return cursor{}, bad
	}
	var c cursor
	if json.Unmarshal(raw, &c) != nil || c.List != list || c.Query != query || c.Page < 2 {
		return cursor{}, bad
	}
	return c, nil
}

// queryHash fingerprints a search query so a cursor cannot be replayed on another query.
func queryHash(q models.Query) uint64 {
	b, _ := json.Marshal(q)
	h := fnv.New64a()
	_, _ = h.Write(b)
	return h.Sum64()
}

// perPageParam reads ?per_page= (GET lists), def when absent.
func perPageParam(r *http.Request, def int) (int, error) {
	s := r.URL.Query().Get("per_page")
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > maxPerPage {
		return 0, invalid("per_page", "per_page must be an integer from 1 to %d, got %q", maxPerPage, s)
	}
	return n, nil
}

// perPageBody reads a search body's pagination.per_page, def when absent or 0.
func perPageBody(p *searchPagination, def int) (int, error) {
	if p == nil || p.PerPage == 0 {
		return def, nil
	}
	if p.PerPage < 1 || p.PerPage > maxPerPage {
		return 0, invalid("per_page", "pagination.per_page must be from 1 to %d, got %d", maxPerPage, p.PerPage)
	}
	return p.PerPage, nil
}

// pages builds cursor_pages for a page holding served items of total; next is the
// cursor for the following page, or "" on the last page (then `next` is omitted).
func pages(page, perPage, total int, next string) *models.CursorPages {
	p := &models.CursorPages{
		Type:       "pages",
		Page:       page,
		PerPage:    perPage,
		TotalPages: (total + perPage - 1) / perPage,
	}
	if next != "" {
		p.Next = &models.StartingAfter{PerPage: perPage, StartingAfter: models.NullString(next)}
	}
	return p
}

// indexPage pages a list in index order (contacts, notes, articles...): it serves up to
// perPage of the n items after the cursor's index, calling emit for each.
func indexPage(c cursor, perPage, n int, emit func(i int)) (next string) {
	start := int(c.N) + 1
	end := min(start+perPage, n)
	for i := start; i < end; i++ {
		emit(i)
	}
	if end < n && end > start {
		nc := c
		nc.Page = c.Page + 1
		nc.N = int64(end - 1)
		return nc.encode()
	}
	return ""
}
