package tickets

import (
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/store"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// The offline store (package store) behind the pane: every network read is written
// through to it, and a view or a ticket with nothing to show yet is read from it at once
// while the network answers. Both happen in commands; Update only applies the answers.

// viewStoreKey names a view's saved ids in the store.
func viewStoreKey(view string) string { return "tickets:" + view }

// viewStoreMsg answers a store read of a view: what it showed when it last loaded from
// the network. It says nothing about the network, so it is no shared.Outcome.
type viewStoreMsg struct {
	req     uint64
	view    string
	found   bool // the view was saved once
	tickets []models.Ticket
	total   int
	saved   string // "saved 14:05": when it was, in the workspace's zone
	now     time.Time
	err     error
}

// detailStoreMsg answers a store read of one ticket for the detail.
type detailStoreMsg struct {
	req    uint64
	id     string
	ticket *models.Ticket // nil when the store does not hold it
	err    error
}

// readView reads a view's saved ids and their tickets.
func readView(st *store.Store, req uint64, view string, dir *workspace.Directory, now func() time.Time) tea.Cmd {
	return func() tea.Msg {
		msg := viewStoreMsg{req: req, view: view, now: now()}
		saved, err := st.View(viewStoreKey(view))
		if errors.Is(err, store.ErrNotFound) {
			return msg // never loaded online: the network answer is all there is
		}
		if err != nil {
			msg.err = err
			return msg
		}
		msg.tickets, msg.err = st.TicketsByID(saved.IDs)
		msg.found, msg.total = msg.err == nil, saved.Total
		msg.saved = textfmt.Saved(saved.SavedAt, msg.now, textfmt.Zone(dir.Timezone()))
		return msg
	}
}

// readTicket reads one stored ticket.
func readTicket(st *store.Store, req uint64, id string) tea.Cmd {
	return func() tea.Msg {
		msg := detailStoreMsg{req: req, id: id}
		t, err := st.Ticket(id)
		switch {
		case errors.Is(err, store.ErrNotFound):
		case err != nil:
			msg.err = err
		default:
			msg.ticket = &t
		}
		return msg
	}
}

// saveTickets writes tickets read from the network to the store. A search result that
// carries no parts keeps the parts stored with the same update (as PutConversations
// does), and a stored copy newer than the answer stays. Errors are ignored: the cache is
// best-effort and must not fail or hold up what the network answered.
func saveTickets(st *store.Store, ts []models.Ticket) {
	if st == nil || len(ts) == 0 {
		return
	}
	ids := make([]string, len(ts))
	for i := range ts {
		ids[i] = string(ts[i].ID)
	}
	stored, _ := st.TicketsByID(ids)
	byID := make(map[models.ID]*models.Ticket, len(stored))
	for i := range stored {
		byID[stored[i].ID] = &stored[i]
	}
	out := make([]models.Ticket, 0, len(ts))
	for _, t := range ts {
		if old := byID[t.ID]; old != nil {
			if old.UpdatedAt > t.UpdatedAt {
				continue
			}
			if t.TicketParts == nil && old.UpdatedAt == t.UpdatedAt {
				t.TicketParts = old.TicketParts
			}
		}
		out = append(out, t)
	}
	_ = st.PutTickets(out)
}

// saveView records what a view showed: a first page replaces the saved ids, a next
// page adds its own, so the store shows as much as was loaded. The errors are ignored
// for the reason saveTickets gives.
func saveView(st *store.Store, view string, ts []models.Ticket, total int, more bool, at time.Time) {
	if st == nil {
		return
	}
	var ids []string
	if more {
		saved, err := st.View(viewStoreKey(view))
		if err != nil {
			return // nothing to add to: the first page was not saved
		}
		ids = saved.IDs
	}
	seen := make(map[string]bool, len(ids)+len(ts))
	for _, id := range ids {
		seen[id] = true
	}
	for i := range ts {
		if id := string(ts[i].ID); !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	_ = st.PutView(store.SavedView{Key: viewStoreKey(view), IDs: ids, Total: total, SavedAt: at})
}
