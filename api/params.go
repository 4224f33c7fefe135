package api

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/intercom-tui/intercom-tui/models"
)

// MaxPerPage is the largest page the client asks for. 2.9 declares it on GET
// /conversations (`maximum: 150`) and repeats it for conversation search; the other
// lists declare no maximum, and Intercom applies the same cap to them.
const MaxPerPage = 150

// ErrMissingArgument is wrapped by the errors of methods called without a value the
// request cannot do without (an id, an admin id, a body). Such a call never reaches the
// server.
var ErrMissingArgument = errors.New("intercom: missing argument")

// required refuses blank values before any request is built, so the user reads
// "admin id is required" instead of a 404 or Intercom's parameter_not_found.
func required(pairs ...string) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if strings.TrimSpace(pairs[i+1]) == "" {
			return fmt.Errorf("%w: %s is required", ErrMissingArgument, pairs[i])
		}
	}
	return nil
}

// perPage brings a requested page size into 1..MaxPerPage: 0 or less means the
// server's default (the parameter is left out); more than MaxPerPage is clamped, which
// only makes pages smaller, never loses items.
func perPage(n int) int {
	switch {
	case n <= 0:
		return 0
	case n > MaxPerPage:
		return MaxPerPage
	}
	return n
}

// listQuery is the query of a cursor-paged GET: per_page and starting_after, each only
// when set.
func listQuery(n int, cursor string) url.Values {
	q := url.Values{}
	if n = perPage(n); n > 0 {
		q.Set("per_page", strconv.Itoa(n))
	}
	if cursor != "" {
		q.Set("starting_after", cursor)
	}
	return q
}

// searchBody is the body of a search POST; pagination is omitted when neither a page
// size nor a cursor is given.
func searchBody(q models.Query, n int, cursor string) models.SearchRequest {
	body := models.SearchRequest{Query: q}
	if n = perPage(n); n > 0 || cursor != "" {
		body.Pagination = &models.SearchPagination{PerPage: n, StartingAfter: cursor}
	}
	return body
}

// pageOf turns a list envelope's parts into a Page.
func pageOf[T any](items []T, total int, pages *models.CursorPages) Page[T] {
	return Page[T]{Items: items, TotalCount: total, Next: pages.NextCursor()}
}
