package ui

import (
	"bytes"
	"context"
	"encoding/json"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/store"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// dirState is what the root knows about the directory beyond Context.Dir: whether it
// came from the offline store (and is to be reloaded once the network answers again),
// and which request was last answered (a later one is in flight).
type dirState struct {
	stale    bool
	answered uint64
	savedReq uint64 // the read of the directory saved in the store at start
}

// savedDirectoryMsg answers the start's read of the directory saved in the store (Dir
// is nil when there is none): a warm start shows the inbox from it while the network
// refreshes the directory in the background.
type savedDirectoryMsg struct {
	req uint64
	dir *workspace.Directory
}

// readSavedDirectory reads the directory saved by an earlier run. It runs in a command;
// a missing or unreadable one only means a cold start (the network's answer is waited for).
func readSavedDirectory(st *store.Store, req uint64) tea.Cmd {
	if st == nil {
		return nil
	}
	return func() tea.Msg {
		saved, err := st.Directory()
		if err != nil {
			return savedDirectoryMsg{req: req}
		}
		return savedDirectoryMsg{req: req, dir: workspace.NewDirectory(saved.Me, saved.Admins, saved.Teams)}
	}
}

// savedDirectory starts the panes with the directory of the last run, unless the network
// answered first (its answer, success or refusal, wins).
func (a App) savedDirectory(msg savedDirectoryMsg) (App, tea.Cmd) {
	if msg.req != a.dir.savedReq || msg.dir == nil || a.ctx.Dir != nil || a.dir.answered == a.dirReq {
		return a, nil
	}
	a.ctx.Dir = msg.dir
	return a, a.toAll(shared.DirectoryMsg{Loaded: shared.Loaded[*workspace.Directory]{Req: msg.req, Value: msg.dir}})
}

// sameDirectory reports whether two directories hold the same admin, admins and teams, so
// the background refresh of a saved directory that did not change is not news to the panes.
func sameDirectory(a, b *workspace.Directory) bool {
	if a == nil || b == nil {
		return a == b
	}
	enc := func(d *workspace.Directory) []byte {
		raw, _ := json.Marshal(store.Directory{Me: d.Me, Admins: d.Admins, Teams: d.Teams})
		return raw
	}
	return bytes.Equal(enc(a), enc(b))
}

// fetchDirectory loads the directory from the network and saves it in the store; when
// the network is down and the store holds one, it answers with that one, marked Stale.
// It runs in a command.
func fetchDirectory(ws *workspace.Workspace, st *store.Store, now func() time.Time, req uint64) tea.Msg {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	dir, err := ws.LoadDirectory(ctx)
	msg := shared.DirectoryMsg{Loaded: shared.Loaded[*workspace.Directory]{Req: req, Value: dir, Err: err}}
	switch {
	case st == nil:
	case err == nil:
		saved := store.Directory{Me: dir.Me, Admins: dir.Admins, Teams: dir.Teams}
		if now != nil {
			saved.SavedAt = now()
		}
		// A failed save only costs the next offline start its directory.
		_ = st.PutDirectory(saved)
	case api.IsNetwork(err):
		if saved, serr := st.Directory(); serr == nil {
			msg.Value, msg.Err, msg.Stale = workspace.NewDirectory(saved.Me, saved.Admins, saved.Teams), nil, err
		}
	}
	return msg
}

// staleDirectory takes the directory saved in the store while the network is down: the
// panes start with it (once), and the toast offers a retry.
func (a App) staleDirectory(msg shared.DirectoryMsg) (App, tea.Cmd) {
	a.dirErr, a.dir.stale = nil, true
	retry := func() tea.Msg { return retryDirectory{} }
	var cmd tea.Cmd
	a.toast, cmd = a.toast.Show(offlineNotice, true, retry)
	if a.ctx.Dir != nil {
		return a, cmd // the panes have a directory already
	}
	a.ctx.Dir = msg.Value
	return a, tea.Batch(cmd, a.toAll(msg))
}

// afterOutcome publishes the online state to the panes (Context.Offline) and, once the
// server answers again, reloads a directory that came from the store.
func (a App) afterOutcome(msg tea.Msg, cmd tea.Cmd) (App, tea.Cmd) {
	a.ctx.Offline = !a.online
	if _, isDir := msg.(shared.DirectoryMsg); isDir || !a.online || !a.dir.stale || a.dir.answered != a.dirReq {
		return a, cmd
	}
	a.dirReq = a.seq.Next()
	return a, tea.Batch(cmd, a.loadDirectory(a.dirReq))
}

// offlineNotice is the one toast of an offline app: the panes' failed reads say it too,
// as they all fail alike (the error itself is in the status bar's offline state).
const offlineNotice = "Offline: showing what the offline store holds. Changes are not sent until the connection is back"

// showToast shows a pane's toast; a read that failed to reach the server while the app
// is offline shows the offline notice instead (with that read's retry).
func (a App) showToast(msg shared.ToastMsg) (App, tea.Cmd) {
	text := msg.Text
	if msg.Network && !a.online {
		text = offlineNotice
	}
	var cmd tea.Cmd
	a.toast, cmd = a.toast.Show(text, msg.Error, msg.Retry)
	return a, cmd
}
