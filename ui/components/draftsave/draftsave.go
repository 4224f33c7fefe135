// Package draftsave is the disk side the three composers' wirings share (replies and
// notes on conversations, notes on tickets and on contacts): how a draft is named in
// the store, the commands that save, load and delete it, and how its save time reads.
// Everything here that touches the disk runs inside a command.
package draftsave

import (
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/drafts"
	"github.com/intercom-tui/intercom-tui/ui/components/composer"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// SaveEvery is the save throttle: after a save, the next waits this long.
const SaveEvery = 500 * time.Millisecond

// ErrNoStore is a save's answer when the session keeps no drafts on disk.
var ErrNoStore = errors.New("drafts are not kept on disk in this session")

// Workspace names the workspace in the store: the app's id_code, else the API host.
func Workspace(dir *workspace.Directory, ws *workspace.Workspace) string {
	idCode, base := "", ""
	if dir != nil && dir.Me.App != nil {
		idCode = dir.Me.App.IDCode
	}
	if ws != nil && ws.API != nil {
		base = ws.API.BaseURL()
	}
	return drafts.WorkspaceKey(idCode, base)
}

// Label is when a draft was saved, as a status line says it: "15:04" today, "24 Nov
// 15:04" another day.
func Label(at, now time.Time) string {
	at = at.In(now.Location())
	if y, m, d := at.Date(); y == now.Year() && m == now.Month() && d == now.Day() {
		return at.Format("15:04")
	}
	return at.Format("2 Jan 15:04")
}

// SaveCmd saves text as draft k, stamped with now() when it runs; a composer.SavedMsg
// answers (Err is ErrNoStore without a store).
func SaveCmd(store *drafts.Store, k drafts.Key, text string, now func() time.Time) tea.Cmd {
	return func() tea.Msg {
		at := now()
		msg := composer.SavedMsg{ConvID: k.ConversationID, Kind: k.Kind, Text: text, At: at}
		if store == nil {
			msg.Err = ErrNoStore
			return msg
		}
		msg.Err = store.Save(drafts.Draft{Workspace: k.Workspace, ConversationID: k.ConversationID, Kind: k.Kind, Updated: at, Text: text})
		return msg
	}
}

// Delete removes draft k from the store; without a store there is nothing to remove.
// It touches the disk: only commands call it.
func Delete(store *drafts.Store, k drafts.Key) error {
	if store == nil {
		return nil
	}
	return store.Delete(k)
}

// Load reads draft k from the store, with the Label of its save time (from now) when
// found; without a store nothing is found. It touches the disk: only commands call it.
func Load(store *drafts.Store, k drafts.Key, now time.Time) (d drafts.Draft, found bool, label string, err error) {
	if store == nil {
		return drafts.Draft{}, false, "", nil
	}
	d, found, err = store.Load(k)
	if found {
		label = Label(d.Updated, now)
	}
	return d, found, label, err
}
