package conversations

import (
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/api/query"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/store"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// The offline store behind the inbox: every page the network answers is written to it
// (in the command that read it), and a view shown for the first time, or a thread
// opened, shows what the store holds until the network answers. Store answers are not
// network outcomes: they carry no shared.Outcome, so they never move the online
// indicator.

// storeMatchLimit bounds the rows a never-saved view shows from the store: a few
// screens, enough to work offline without reading every stored conversation twice.
const storeMatchLimit = 300

// viewStoreKey is the store's key for an inbox view.
func viewStoreKey(view string) string { return "conversations:" + view }

// storedPageMsg answers a store read of an inbox view. Update applies it only while no
// network page of that view has been applied and it is the view's latest store read.
type storedPageMsg struct {
	req   uint64
	view  string
	convs []models.Conversation
	total int
	note  string    // what the view bar says of the rows' source ("saved 14:05")
	now   time.Time // the clock reading the rows' ages count to
	err   error
}

// storedThreadMsg answers a store read of a conversation, rendered like a loaded one.
// conv is nil when the store does not hold it.
type storedThreadMsg struct {
	req  uint64
	id   string
	conv *models.Conversation
	loc  *time.Location
	now  time.Time
	body threadBody
	err  error
}

// savePage writes a page the network answered to the store; a first page also saves
// the view's ids. Errors are ignored: the cache is best-effort, and the page on screen
// came from the network either way.
func savePage(st *store.Store, view string, page api.Page[models.Conversation], more bool, at time.Time) {
	if st == nil {
		return
	}
	_ = st.PutConversations(page.Items)
	if more {
		return
	}
	ids := make([]string, len(page.Items))
	for i := range page.Items {
		ids[i] = string(page.Items[i].ID)
	}
	_ = st.PutView(store.SavedView{Key: viewStoreKey(view), IDs: ids, Total: page.TotalCount, SavedAt: at})
}

// readView starts a store read of v when nothing is shown for it yet and there is a
// store; nil otherwise. It supersedes a store read of v still in flight.
func (p *Pane) readView(v *inboxView) tea.Cmd {
	st := p.ctx.Store
	if st == nil || v.loaded || v.list.len() > 0 {
		return nil
	}
	req := p.seq.Next()
	v.storeReq = req
	key, q, dir, now := v.def.key, v.def.query, p.dir, p.clock()
	return func() tea.Msg {
		msg := storedPageMsg{req: req, view: key, now: now()}
		msg.convs, msg.total, msg.note, msg.err = readStoredView(st, key, q, dir, msg.now)
		return msg
	}
}

// readStoredView is the saved view's conversations, else (never saved) the stored ones
// its query matches, with the total and the note for the view bar.
func readStoredView(st *store.Store, key string, q models.Query, dir *workspace.Directory, now time.Time) ([]models.Conversation, int, string, error) {
	saved, err := st.View(viewStoreKey(key))
	switch {
	case err == nil:
		convs, err := st.ConversationsByID(saved.IDs)
		return convs, saved.Total, textfmt.Saved(saved.SavedAt, now, textfmt.Zone(dir.Timezone())), err
	case !errors.Is(err, store.ErrNotFound):
		return nil, 0, "", err
	}
	m, err := query.Compile(query.Conversations, q)
	if err != nil {
		return nil, 0, "", err
	}
	convs, total, err := st.MatchConversations(m, storeMatchLimit)
	return convs, total, "from the offline store", err
}

// firstLoad loads a view shown for the first time: the network's first page, and what
// the store holds meanwhile.
func (p *Pane) firstLoad(v *inboxView) tea.Cmd {
	return tea.Batch(p.readView(v), p.refresh(v))
}

// storedPage shows the store's rows of a view unless the network has answered for it,
// or a newer store read superseded this one. Rows go through the same row building as
// a network page (the sanitizer included).
func (p Pane) storedPage(msg storedPageMsg) (Pane, tea.Cmd) {
	v := p.viewByKey(msg.view)
	if v == nil || msg.req != v.storeReq || v.loaded || v.list.len() > 0 {
		return p, nil
	}
	v.storeReq = 0
	if msg.err != nil {
		return p, shared.ErrorToast("Reading the offline store: "+loadErrorText(msg.err), nil)
	}
	if len(msg.convs) == 0 {
		return p, nil // nothing stored: the network's answer (or error) will show
	}
	if u := msg.now.Unix(); !msg.now.IsZero() && u > p.now {
		p.now = u
	}
	rows := make([]convRow, len(msg.convs))
	for i := range msg.convs {
		rows[i] = newConvRow(&msg.convs[i], p.dir)
	}
	v.list.refresh(rows, true, p.listHeight())
	v.stored, v.storeNote, v.total = true, msg.note, msg.total
	p.barGen++
	if v != p.activeView() {
		return p, nil
	}
	cmd := p.previewNow()
	return p, cmd
}

// readThread starts a store read of the conversation being opened, rendered for the
// thread as it is now; nil without a store.
func (t *Thread) readThread() tea.Cmd {
	st := t.ctx.Store
	if st == nil || t.id == "" {
		t.storeReq = 0
		return nil
	}
	t.storeReq = t.seq.Next()
	req, id, in, clock := t.storeReq, t.id, t.input(nil), t.clock()
	return func() tea.Msg {
		msg := storedThreadMsg{req: req, id: id}
		c, err := st.Conversation(id)
		switch {
		case errors.Is(err, store.ErrNotFound):
			return msg
		case err != nil:
			msg.err = err
			return msg
		}
		in.conv, in.now, in.loc = &c, clock(), textfmt.Zone(in.dir.Timezone())
		msg.conv, msg.loc, msg.now, msg.body = &c, in.loc, in.now, renderThreadBody(in)
		return msg
	}
}

// storedLoaded shows the stored conversation while the network's is not there: it is
// dropped once a network answer has been applied, or for a newer Open.
func (t Thread) storedLoaded(msg storedThreadMsg) (Thread, tea.Cmd) {
	if msg.req != t.storeReq || msg.id != t.id || t.conv != nil {
		return t, nil
	}
	t.storeReq = 0
	if msg.err != nil {
		return t, shared.ErrorToast("Reading the offline store: "+threadErrText(msg.err), nil)
	}
	if msg.conv == nil {
		return t, nil // not stored: the network's answer (or error) will show
	}
	t.conv, t.stored = msg.conv, true
	t.loc, t.now = msg.loc, msg.now
	t.applyBody(msg.body, true)
	cmd := t.maybeRender() // the size or theme may have moved on meanwhile
	return t, cmd
}
