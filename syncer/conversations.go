package syncer

import (
	"context"
	"fmt"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/store"
)

const (
	// searchPerPage is the largest page POST /conversations/search gives.
	searchPerPage = 150
	// fetchParallel bounds concurrent GET /conversations/{id}; the client's rate limiter
	// paces them within Intercom's budget.
	fetchParallel = 4
)

// Conversations syncs the conversations updated since then (or, after a finished run,
// since that run's newest updated_at, whichever is later): POST /conversations/search
// pages of summaries, then GET /conversations/{id} for each one whose stored parts are
// older than its summary, so their parts become searchable offline.
func Conversations(ctx context.Context, client *api.Client, st *store.Store, since time.Time, progress func(Progress)) (Stats, error) {
	start := time.Now()
	state, resumed, err := begin(st, ResConversations)
	if err != nil {
		return Stats{Duration: time.Since(start)}, err
	}
	if !resumed {
		state.RunSince = max(since.Unix(), state.HighWater)
		if err := st.SetSyncState(state); err != nil {
			return Stats{Duration: time.Since(start)}, err
		}
	}
	// Intercom's ">" on dates is "greater or equal", so the newest conversation of the
	// last run comes back; the parts check below skips it when unchanged.
	q := models.Query{Field: "updated_at", Operator: ">", Value: state.RunSince}
	p := paged[models.Conversation]{
		resource: ResConversations,
		fetch: func(ctx context.Context, cursor string) (api.Page[models.Conversation], error) {
			return client.SearchConversations(ctx, q, searchPerPage, cursor)
		},
		updated: func(c models.Conversation) int64 { return c.UpdatedAt },
		put:     st.PutConversations,
		after: func(ctx context.Context, items []models.Conversation) (int, int, error) {
			return fetchParts(ctx, client, st, items)
		},
	}
	stats, err := p.run(ctx, st, state, progress)
	stats.Duration = time.Since(start)
	return stats, err
}

// fetchParts gets and stores the full conversations among items whose stored parts are
// older than the item, fetchParallel at a time. It returns the requests made and the
// conversations stored.
func fetchParts(ctx context.Context, client *api.Client, st *store.Store, items []models.Conversation) (int, int, error) {
	ids := make([]string, len(items))
	for i, c := range items {
		ids[i] = string(c.ID)
	}
	have, err := st.PartsUpdatedAt(ids)
	if err != nil {
		return 0, 0, err
	}
	var need []string
	for _, c := range items {
		if have[string(c.ID)] < c.UpdatedAt {
			need = append(need, string(c.ID))
		}
	}
	full := make([]models.Conversation, len(need))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(fetchParallel)
	for i, id := range need {
		g.Go(func() error {
			c, err := client.Conversation(gctx, id)
			if err != nil {
				return fmt.Errorf("conversation %s: %w", id, err)
			}
			full[i] = *c
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return len(need), 0, err
	}
	if err := st.PutFullConversations(full); err != nil {
		return len(need), 0, err
	}
	return len(need), len(need), nil
}
