// Package syncer pulls a workspace into the offline store: the help center (help
// centers, collections, sections, articles) and recently updated conversations with
// their parts.
//
// Runs are incremental and resumable. Each resource's sync_state keeps the newest
// updated_at of the last finished run (the high-water mark) and, while a run is under
// way, the cursor of its next page, saved after every page: a run that was cancelled or
// failed carries on from there next time, and a finished run is followed by one that
// fetches only what changed since.
package syncer

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/store"
)

// Resource names, as sync_state and Progress name them.
const (
	ResHelpCenters   = "help_centers"
	ResCollections   = "collections"
	ResSections      = "sections"
	ResArticles      = "articles"
	ResConversations = "conversations"
)

// Progress is reported after every page.
type Progress struct {
	Resource string
	Rows     int  // rows stored by this run so far
	Total    int  // the server's total_count for the listing (0: unknown)
	Requests int  // requests made for this resource by this run
	Done     bool // the resource finished
}

// Stats sum up a run.
type Stats struct {
	Requests int
	Rows     int
	Duration time.Duration
}

func (s *Stats) add(o Stats) {
	s.Requests += o.Requests
	s.Rows += o.Rows
}

// now is the clock for sync_state timestamps.
var now = time.Now

// paged describes one cursor-paged listing, newest update first.
type paged[T any] struct {
	resource string
	fetch    func(ctx context.Context, cursor string) (api.Page[T], error)
	updated  func(T) int64
	put      func([]T) error
	// stopAtHighWater ends the run at the first item at or below the high-water mark
	// (the listing is ordered by updated_at desc). Off for listings already bounded by
	// their query.
	stopAtHighWater bool
	// after stores a page's items beyond put (e.g. fetching details); it returns the
	// requests it made and the rows it wrote.
	after func(ctx context.Context, items []T) (requests, rows int, err error)
}

// run pages through p from the saved cursor (or the start), saving the cursor after
// each page.
func (p paged[T]) run(ctx context.Context, st *store.Store, state store.SyncState, progress func(Progress)) (Stats, error) {
	var stats Stats
	report := func(total int, done bool) {
		if progress != nil {
			progress(Progress{Resource: p.resource, Rows: stats.Rows, Total: total, Requests: stats.Requests, Done: done})
		}
	}
	for {
		if err := ctx.Err(); err != nil {
			return stats, err
		}
		page, err := p.fetch(ctx, state.Cursor)
		stats.Requests++
		if err != nil && state.Cursor != "" && staleCursor(err) {
			// The server no longer knows the saved cursor: start this run over.
			state.Cursor = ""
			continue
		}
		if err != nil {
			return stats, err
		}
		items, reached := page.Items, false
		if p.stopAtHighWater && state.HighWater > 0 {
			for i, it := range items {
				if p.updated(it) <= state.HighWater {
					items, reached = items[:i], true
					break
				}
			}
		}
		if len(items) > 0 {
			if err := p.put(items); err != nil {
				return stats, err
			}
			stats.Rows += len(items)
			if p.after != nil {
				reqs, rows, err := p.after(ctx, items)
				stats.Requests += reqs
				if rows >= 0 {
					stats.Rows += rows - len(items)
				}
				if err != nil {
					return stats, err
				}
			}
			for _, it := range items {
				state.RunHigh = max(state.RunHigh, p.updated(it))
			}
		}
		if reached || page.Next == "" {
			state.HighWater = max(state.HighWater, state.RunHigh)
			state.Cursor, state.Done, state.FinishedAt = "", true, now()
			if err := st.SetSyncState(state); err != nil {
				return stats, err
			}
			report(page.TotalCount, true)
			return stats, nil
		}
		state.Cursor = page.Next
		if err := st.SetSyncState(state); err != nil {
			return stats, err
		}
		report(page.TotalCount, false)
	}
}

// begin loads resource's state: an unfinished run is resumed as saved; otherwise a new
// run starts from the first page (the high-water mark kept).
func begin(st *store.Store, resource string) (state store.SyncState, resumed bool, err error) {
	state, err = st.SyncState(resource)
	if err != nil {
		return state, false, err
	}
	if !state.Done && !state.StartedAt.IsZero() {
		return state, true, nil
	}
	state.Cursor, state.RunHigh, state.RunSince, state.Done = "", 0, 0, false
	state.StartedAt, state.FinishedAt = now(), time.Time{}
	return state, false, st.SetSyncState(state)
}

// staleCursor reports a 400 answer, which is what a list says of a starting_after it
// did not issue (or no longer accepts).
func staleCursor(err error) bool {
	var ae *api.APIError
	return errors.As(err, &ae) && ae.HTTPStatus == http.StatusBadRequest
}
