package contacts

import (
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/store"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// The offline store (ctx.Store; nil: network only, as before). Write-through: the
// command that read a page, a contact or its conversations from the network writes
// them to the store before answering. Read-through: the list's first load shows the
// saved "contacts:all" view at once, a search while offline (or whose request failed
// to reach the server) is answered from the store, and a profile shows the stored
// contact and conversations until the network answers. A store answer is applied only
// while no network answer has replaced it; the source shows in the bar until then.

// allView is the saved view of the empty search: the first page of GET /contacts.
const allView = "contacts:all"

// listStoreMsg answers a read of the store for the list. It is no network outcome, so
// it does not embed shared.Loaded: the online indicator ignores it.
type listStoreMsg struct {
	req      uint64
	query    string
	items    []models.Contact
	total    int
	savedAt  time.Time // the saved view's time; zero for a search of the store
	fallback bool      // read after the network failed: shown even when empty
	now      time.Time
	err      error
}

// profileStoreMsg answers a read of the store for a profile: the contact (nil when not
// stored) and the stored conversations it takes part in.
type profileStoreMsg struct {
	req       uint64
	contactID string
	contact   *models.Contact
	convs     []models.Conversation
	now       time.Time
	err       error
}

// saveList writes a network page to the store, and the empty search's first page as
// the saved view. The cache is best-effort: a failed write only costs a later offline
// read, so its error is ignored rather than failing the answer.
func saveList(st *store.Store, q string, more bool, page api.Page[models.Contact], at time.Time) {
	if st == nil {
		return
	}
	_ = st.PutContacts(page.Items)
	if q != "" || more {
		return
	}
	ids := make([]string, len(page.Items))
	for i := range page.Items {
		ids[i] = string(page.Items[i].ID)
	}
	_ = st.PutView(store.SavedView{Key: allView, IDs: ids, Total: page.TotalCount, SavedAt: at})
}

// readListStore starts a read of the store for the first page of q, superseding any
// store read in flight; nil without a store. fallback is a read after the network
// failed; otherwise the read shows the list at once while the network loads.
func (p *Pane) readListStore(q string, fallback bool) tea.Cmd {
	st := p.ctx.Store
	if st == nil {
		return nil
	}
	req := p.seq.Next()
	p.list.storeReq = req
	limit, now := p.pageSize(), p.clock()
	return func() tea.Msg {
		msg := listStoreMsg{req: req, query: q, fallback: fallback, now: now()}
		if q != "" {
			msg.items, msg.err = st.SearchContacts(q, limit)
			msg.total = len(msg.items)
			return msg
		}
		v, err := st.View(allView)
		switch {
		case err == nil:
			msg.items, msg.err = st.ContactsByID(v.IDs)
			msg.total, msg.savedAt = max(v.Total, len(msg.items)), v.SavedAt
		case errors.Is(err, store.ErrNotFound) && fallback:
			// Never listed online: the most recent stored contacts are better than none.
			msg.items, msg.err = st.SearchContacts("", limit)
			msg.total = len(msg.items)
		case !errors.Is(err, store.ErrNotFound):
			msg.err = err
		}
		return msg
	}
}

// wantsListStore reports whether a first-page load of q should show the store at once:
// the list does not show q yet, and q is the list of all contacts (its saved view) or
// a search while offline.
func (p *Pane) wantsListStore(q string) bool {
	if p.ctx.Store == nil || (p.list.loaded && p.list.query == q) {
		return false
	}
	return q == "" || p.ctx.Offline
}

// listFromStore shows the store's answer unless the network's (or a newer request)
// superseded it: load and a network first page both reset storeReq.
func (p Pane) listFromStore(msg listStoreMsg) (Pane, tea.Cmd) {
	l := &p.list
	if msg.req != l.storeReq {
		return p, nil // stale
	}
	l.storeReq = 0
	if msg.err != nil {
		// The network answers (or reports its own error) as without a store.
		return p, shared.ErrorToast("Reading contacts from the offline store: "+errText(msg.err), nil)
	}
	if len(msg.items) == 0 && !msg.fallback {
		return p, nil // nothing stored: wait for the network
	}
	if !msg.now.IsZero() {
		p.now = msg.now.Unix()
	}
	rows := make([]contactRow, len(msg.items))
	for i := range msg.items {
		rows[i] = newContactRow(&msg.items[i])
	}
	l.rows.reset(rows, l.loaded && msg.query == l.query, p.listHeight())
	l.query, l.loaded = msg.query, true
	l.next, l.total = "", msg.total // no next page: the store answered it all
	l.fromStore, l.savedAt = true, msg.savedAt
	if p.ctx.Offline {
		return p, nil // company names would only fail
	}
	return p, p.lookupCompanies()
}

// saveContact writes a contact the network answered to the store (best-effort, as
// saveList); saveConversations a contact's conversations.
func saveContact(st *store.Store, c *models.Contact) {
	if st != nil && c != nil {
		_ = st.PutContacts([]models.Contact{*c})
	}
}

func saveConversations(st *store.Store, cs []models.Conversation) {
	if st != nil {
		_ = st.PutConversations(cs)
	}
}

// readProfileStore reads the stored contact and its conversations for the profile
// just opened; nil without a store.
func (p *Pane) readProfileStore() tea.Cmd {
	st := p.ctx.Store
	if st == nil {
		return nil
	}
	req := p.seq.Next()
	p.prof.storeReq = req
	id, now := p.prof.id, p.clock()
	return func() tea.Msg {
		msg := profileStoreMsg{req: req, contactID: id, now: now()}
		c, err := st.Contact(id)
		switch {
		case err == nil:
			msg.contact = &c
		case !errors.Is(err, store.ErrNotFound):
			msg.err = err
			return msg
		}
		msg.convs, msg.err = st.ContactConversations(id, profileConvs)
		return msg
	}
}

// profileFromStore shows the stored contact and conversations in the sections whose
// network answer has not arrived (or failed); a section the network filled keeps it.
func (p Pane) profileFromStore(msg profileStoreMsg) (Pane, tea.Cmd) {
	pr := &p.prof
	if msg.contactID != pr.id || msg.req != pr.storeReq {
		return p, nil // stale: another profile, or a newer read
	}
	pr.storeReq = 0
	if msg.err != nil {
		// The sections show their network state as they would without a store.
		return p, shared.ErrorToast("Reading the contact from the offline store: "+errText(msg.err), nil)
	}
	if msg.contact != nil && !pr.sec[secContact].loaded {
		pr.contact, pr.contactStored = msg.contact, true
	}
	if !pr.sec[secConvs].loaded && len(msg.convs) > 0 {
		if !msg.now.IsZero() {
			p.now = msg.now.Unix()
		}
		pr.setConvItems(msg.convs, len(msg.convs))
		pr.convsStored = true
	}
	pr.gen++
	p.clampProfile()
	return p, nil
}

// fromStore reports whether the profile shows anything from the store.
func (pr *profile) fromStore() bool { return pr.contactStored || pr.convsStored }

// offlineErr reports an error that means the server was not reached.
func offlineErr(err error) bool { return api.IsNetwork(err) }

// stored reports whether section s shows the store's copy (only the contact and its
// conversations are kept offline).
func (pr *profile) stored(s section) bool {
	switch s {
	case secContact:
		return pr.contactStored
	case secConvs:
		return pr.convsStored
	}
	return false
}
