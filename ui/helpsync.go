package ui

import (
	"context"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/syncer"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// helpSyncTimeout bounds the background help-center sync.
const helpSyncTimeout = 2 * time.Minute

// helpSyncedMsg answers the background help-center sync started once the directory has
// loaded. Skipped is set when the store was fresh enough (nothing was fetched).
type helpSyncedMsg struct {
	Skipped  bool
	Articles int // articles written by the run
	Err      error
}

// startHelpSync starts the background help-center sync once per run: only with a store,
// a workspace client and a non-zero Settings.HelpCenterMaxAge. The command reads the
// sync state and syncs only when the last finished run is older than the max age.
func (a App) startHelpSync() (App, tea.Cmd) {
	maxAge := a.ctx.Settings.HelpCenterMaxAge
	if a.helpSync.started || maxAge <= 0 || a.ctx.Store == nil || a.ctx.WS == nil || a.ctx.WS.API == nil {
		return a, nil
	}
	a.helpSync.started, a.helpSync.running = true, true
	st, client, now := a.ctx.Store, a.ctx.WS.API, a.ctx.Now
	return a, func() tea.Msg {
		state, err := st.SyncState(syncer.ResArticles)
		if err != nil {
			return helpSyncedMsg{Err: err}
		}
		if state.Done && !state.FinishedAt.IsZero() && now().Sub(state.FinishedAt) < maxAge {
			return helpSyncedMsg{Skipped: true}
		}
		ctx, cancel := context.WithTimeout(context.Background(), helpSyncTimeout)
		defer cancel()
		articles := 0
		_, err = syncer.Articles(ctx, client, st, func(p syncer.Progress) {
			if p.Resource == syncer.ResArticles {
				articles = p.Rows
			}
		})
		return helpSyncedMsg{Articles: articles, Err: err}
	}
}

// helpSynced ends the background sync: a toast, and the panes re-read the store.
// Offline (a network failure) is no news: the sync is skipped silently.
func (a App) helpSynced(msg helpSyncedMsg) (App, tea.Cmd) {
	a.helpSync.running = false
	switch {
	case msg.Skipped:
		return a, nil
	case msg.Err != nil && api.IsNetwork(msg.Err):
		return a, nil
	case msg.Err != nil:
		var cmd tea.Cmd
		a.toast, cmd = a.toast.Show("Syncing the help center: "+api.Short(msg.Err), true, nil)
		return a, cmd
	}
	var cmd tea.Cmd
	a.toast, cmd = a.toast.Show(fmt.Sprintf("Help center synced: %d articles updated", msg.Articles), false, nil)
	changed := a.toAll(shared.StoreChangedMsg{Resource: syncer.ResArticles})
	return a, tea.Batch(cmd, changed)
}
