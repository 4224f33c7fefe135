package syncer

import (
	"context"
	"time"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/store"
)

// Articles syncs the help center: help centers (one unpaged request), then collections,
// sections and articles, each paged newest update first and stopping, after the first
// run, at the first item already synced.
func Articles(ctx context.Context, client *api.Client, st *store.Store, progress func(Progress)) (Stats, error) {
	start := time.Now()
	var total Stats
	finish := func(err error) (Stats, error) {
		total.Duration = time.Since(start)
		return total, err
	}

	hcs, err := client.HelpCenters(ctx)
	total.Requests++
	if err != nil {
		return finish(err)
	}
	if err := st.PutHelpCenters(hcs); err != nil {
		return finish(err)
	}
	total.Rows += len(hcs)
	if progress != nil {
		progress(Progress{Resource: ResHelpCenters, Rows: len(hcs), Total: len(hcs), Requests: 1, Done: true})
	}

	steps := []func() (Stats, error){
		func() (Stats, error) {
			return syncPaged(ctx, st, progress, paged[models.Collection]{resource: ResCollections, fetch: client.ListCollections,
				updated: func(c models.Collection) int64 { return c.UpdatedAt }, put: st.PutCollections, stopAtHighWater: true})
		},
		func() (Stats, error) {
			return syncPaged(ctx, st, progress, paged[models.Section]{resource: ResSections, fetch: client.ListSections,
				updated: func(s models.Section) int64 { return s.UpdatedAt }, put: st.PutSections, stopAtHighWater: true})
		},
		func() (Stats, error) {
			return syncPaged(ctx, st, progress, paged[models.Article]{resource: ResArticles, fetch: client.ListArticles,
				updated: func(a models.Article) int64 { return a.UpdatedAt }, put: st.PutArticles, stopAtHighWater: true})
		},
	}
	for _, step := range steps {
		s, err := step()
		total.add(s)
		if err != nil {
			return finish(err)
		}
	}
	return finish(nil)
}

func syncPaged[T any](ctx context.Context, st *store.Store, progress func(Progress), p paged[T]) (Stats, error) {
	state, _, err := begin(st, p.resource)
	if err != nil {
		return Stats{}, err
	}
	return p.run(ctx, st, state, progress)
}
