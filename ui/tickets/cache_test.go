package tickets

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api/fake/faults"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/store"
	"github.com/intercom-tui/intercom-tui/store/storetest"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// offline refuses every request: the network is down.
func offline(h *harness) {
	if err := h.faults.Add(faults.Rule{Kind: faults.Refuse, Pattern: "*"}); err != nil {
		h.t.Fatal(err)
	}
}

// filledStore is a store after an online run: the Open view loaded, bugTicket opened.
func filledStore(t *testing.T) (*store.Store, []string) {
	t.Helper()
	st := storetest.Open(t)
	h := newHarnessOpts(t, 80, 24, harnessOpts{store: st})
	ids := listedIDs(h.p)
	h.openByID(bugTicket)
	return st, ids
}

// pick returns the first message of type T among msgs.
func pick[T tea.Msg](t *testing.T, msgs []tea.Msg) T {
	t.Helper()
	for _, m := range msgs {
		if v, ok := m.(T); ok {
			return v
		}
	}
	var zero T
	t.Fatalf("no %T among %d messages", zero, len(msgs))
	return zero
}

// An online load writes its tickets and the first page's ids through to the store; a
// ticket read for the detail is stored whole.
func TestWriteThroughSavesPagesViewsAndTickets(t *testing.T) {
	st := storetest.Open(t)
	h := newHarnessOpts(t, 80, 24, harnessOpts{store: st})
	v := h.p.activeView()
	saved, err := st.View("tickets:" + viewOpen)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(saved.IDs, listedIDs(h.p)) || saved.Total != v.total || !saved.SavedAt.Equal(testNow) {
		t.Fatalf("saved view %+v, want the %d listed ids, total %d at %v", saved, v.list.len(), v.total, testNow)
	}
	stored, err := st.TicketsByID(saved.IDs)
	if err != nil || len(stored) != len(saved.IDs) {
		t.Fatalf("%d of %d tickets stored (%v)", len(stored), len(saved.IDs), err)
	}
	h.switchTo(viewResolved)
	if saved, err := st.View("tickets:" + viewResolved); err != nil || len(saved.IDs) == 0 {
		t.Fatalf("the Resolved view was not saved: %+v %v", saved, err)
	}
	h.openByID(bugTicket)
	got, err := st.Ticket(bugTicket)
	if err != nil {
		t.Fatal(err)
	}
	if want := h.server(bugTicket); got.UpdatedAt != want.UpdatedAt || len(got.Parts()) != len(want.Parts()) {
		t.Fatalf("stored ticket has %d parts (updated %d), the server %d (%d)", len(got.Parts()), got.UpdatedAt, len(want.Parts()), want.UpdatedAt)
	}
	// The detail's load of the split preview writes through too.
	h2 := newHarnessOpts(t, 120, 36, harnessOpts{store: storetest.Open(t)})
	if id := h2.p.detail.ID(); id == "" || !h2.p.detail.full {
		t.Fatalf("the split detail did not load (%q)", id)
	} else if _, err := h2.ctx.Store.Ticket(id); err != nil {
		t.Fatalf("the previewed ticket %s was not stored: %v", id, err)
	}
}

// A store that fails to write changes nothing on screen: the cache is best-effort.
func TestStoreWriteErrorsDoNotFailTheLoad(t *testing.T) {
	st := storetest.Open(t)
	st.Close()
	h := newHarnessOpts(t, 80, 24, harnessOpts{store: st})
	v := h.p.activeView()
	if !v.loaded || v.err != nil || v.list.len() == 0 {
		t.Fatalf("the view did not load over a broken store: %v", v.err)
	}
}

// Offline, with the store of an earlier online run, the fixed views show their stored
// rows marked with when they were saved, and the error of the failed load is told.
func TestOfflineViewShowsTheStore(t *testing.T) {
	st, ids := filledStore(t)
	h := newHarnessOpts(t, 80, 24, harnessOpts{store: st, before: offline})
	v := h.p.activeView()
	if got := listedIDs(h.p); !slices.Equal(got, ids) {
		t.Fatalf("offline rows %v, want the stored %v", got, ids)
	}
	if !v.fromStore || v.loaded || v.err == nil {
		t.Fatalf("fromStore %v loaded %v err %v", v.fromStore, v.loaded, v.err)
	}
	if !h.toasted("Loading Open tickets:") {
		t.Fatalf("toasts %q", h.toastTexts())
	}
	bar := strings.SplitN(h.screen(), "\n", 2)[0]
	if !strings.Contains(bar, "saved 14:05") || !strings.Contains(bar, "Open "+strconv.Itoa(v.total)) {
		t.Fatalf("view bar %q: want the count and the saved mark", bar)
	}
	if !strings.Contains(h.screen(), h.row(ids[0]).number) {
		t.Fatalf("the first stored row is not shown:\n%s", h.screen())
	}
	// The per-type views need GET /ticket_types, which failed: the fixed views remain.
	if len(h.p.views) != 3 || !h.toasted("Loading ticket types:") {
		t.Fatalf("%d views, toasts %q", len(h.p.views), h.toastTexts())
	}
	// A view never loaded online has nothing stored: it says the load failed.
	h.switchTo(viewMine)
	if v := h.p.activeView(); v.fromStore || !strings.Contains(h.screen(), "Couldn't load Mine tickets") {
		t.Fatalf("Mine offline:\n%s", h.screen())
	}
	// A write on a stored row is refused offline, as any write is.
	h.switchTo(viewOpen)
	h.ctx.Offline = true
	h.forget()
	h.send(doMsg{ticketID: ids[0], action: Action{Kind: ActState, State: models.TicketResolved}, now: testNow})
	if n := len(h.writes()); n != 0 || !h.toasted(shared.OfflineText) || h.row(ids[0]).t.TicketState == models.TicketResolved {
		t.Fatalf("%d writes sent offline; toasts %q", n, h.toastTexts())
	}
}

// Offline, a ticket opened from a stored row shows its stored copy with its parts,
// marked as the store's; opened with nothing to show, the store's copy shows too.
func TestOfflineDetailShowsTheStore(t *testing.T) {
	st, _ := filledStore(t)
	h := newHarnessOpts(t, 80, 24, harnessOpts{store: st, before: offline})
	want, err := st.Ticket(bugTicket)
	if err != nil {
		t.Fatal(err)
	}
	h.forget()
	var cmd tea.Cmd
	h.p.detail, cmd = h.p.detail.Open(bugTicket, nil)
	h.exec(cmd)
	d := h.p.detail
	if got := d.Ticket(); got == nil || !d.FromStore() || len(got.Parts()) != len(want.Parts()) || len(want.Parts()) == 0 {
		t.Fatalf("detail ticket %v fromStore %v, want the stored one with %d parts", got != nil, d.FromStore(), len(want.Parts()))
	}
	if !h.toasted("Couldn't load ticket") {
		t.Fatalf("toasts %q", h.toastTexts())
	}
	h.p.detail = h.p.detail.Focus()
	h.p.detailFocused = true
	screen := h.screen()
	if !strings.Contains(screen, "from the offline store") || !strings.Contains(screen, ticketTitle(&want)) {
		t.Fatalf("offline detail:\n%s", screen)
	}

	// From a stored row (the split preview follows the cursor): the stored copy too.
	h2 := newHarnessOpts(t, 140, 36, harnessOpts{store: st, before: offline})
	d = h2.p.detail
	first := h2.p.activeView().list.at(0).id
	if d.ID() != first || !d.FromStore() || d.Ticket() == nil {
		t.Fatalf("split detail %q fromStore %v, want the stored %s", d.ID(), d.FromStore(), first)
	}
	if !strings.Contains(h2.screen(), "from the offline store") {
		t.Fatalf("split offline:\n%s", h2.screen())
	}
}

// freshPane is a new pane on h's context (and store) that has the directory: the
// answers to its first loads are returned, not delivered.
func freshPane(t *testing.T, h *harness) []tea.Msg {
	t.Helper()
	p := New(h.ctx)
	p.previewDelay, p.shown = 0, true
	p, _ = p.Update(shared.SizeMsg{Width: 80, Height: 24})
	p, cmd := p.Update(shared.DirectoryMsg{Loaded: shared.Loaded[*workspace.Directory]{Req: 1, Value: h.ctx.Dir}})
	h.p = p
	return collect(cmd)
}

// The network answer wins: a store answer that comes after it is dropped, one that
// comes before it shows until the network's arrives.
func TestStoreAnswerAfterTheNetworkIsDropped(t *testing.T) {
	st, ids := filledStore(t)
	h := newHarnessOpts(t, 80, 24, harnessOpts{store: st})
	// Collecting runs both reads, the network's first (it writes through): the store's
	// answer is made recognisable by hand: three rows of three.
	stored, err := st.TicketsByID(ids[:3])
	if err != nil || len(stored) != 3 {
		t.Fatalf("%d stored (%v)", len(stored), err)
	}
	stale := ids[:3]
	recognisable := func(m viewStoreMsg) viewStoreMsg {
		m.tickets, m.total = stored, 3
		return m
	}

	msgs := freshPane(t, h)
	net, saved := pick[PageMsg](t, msgs), recognisable(pick[viewStoreMsg](t, msgs))
	h.send(net)
	h.send(saved)
	if v := h.p.activeView(); v.fromStore || !slices.Equal(listedIDs(h.p), ids) || strings.Contains(h.screen(), "saved ") {
		t.Fatalf("store after network: fromStore %v rows %v", v.fromStore, listedIDs(h.p))
	}

	msgs = freshPane(t, h)
	net, saved = pick[PageMsg](t, msgs), recognisable(pick[viewStoreMsg](t, msgs))
	h.send(saved)
	if v := h.p.activeView(); !v.fromStore || !slices.Equal(listedIDs(h.p), stale) || !strings.Contains(h.screen(), "saved 14:05") {
		t.Fatalf("store first: fromStore %v rows %v\n%s", v.fromStore, listedIDs(h.p), h.screen())
	}
	h.send(net)
	h.send(saved) // a repeat is as late as any
	if v := h.p.activeView(); v.fromStore || !v.loaded || !slices.Equal(listedIDs(h.p), ids) || strings.Contains(h.screen(), "saved ") {
		t.Fatalf("network after store: fromStore %v rows %v\n%s", v.fromStore, listedIDs(h.p), h.screen())
	}
	if v := h.p.activeView(); v.next == "" && v.total > v.list.len() {
		t.Fatal("paging stopped after the stored rows gave way")
	}
}

// The detail: a stored copy that answers after the network is dropped; one that answers
// first shows until the network's; one older than the summary shown never shows.
func TestDetailStoreAnswerOrder(t *testing.T) {
	st, _ := filledStore(t)
	h := newHarnessOpts(t, 80, 24, harnessOpts{store: st})
	server := h.server(bugTicket)
	copyTitled := func(title string, updated int64) models.Ticket {
		c := server
		c.TicketAttributes = maps.Clone(server.TicketAttributes)
		c.TicketAttributes["_default_title_"] = title
		c.UpdatedAt = updated
		return c
	}
	// Collecting runs both reads, the network's first (it writes through): the store's
	// answer is replaced by a recognisable copy.
	storedCopy := copyTitled("Stored copy", server.UpdatedAt)
	open := func(summary *models.Ticket) (DetailLoadedMsg, detailStoreMsg) {
		h.p.detail = NewDetail(h.ctx, nil)
		var cmd tea.Cmd
		h.p.detail, cmd = h.p.detail.Open(bugTicket, summary)
		msgs := collect(cmd)
		saved := pick[detailStoreMsg](t, msgs)
		if saved.ticket == nil {
			t.Fatal("the store does not hold the ticket")
		}
		saved.ticket = &storedCopy
		return pick[DetailLoadedMsg](t, msgs), saved
	}
	title := func() string { return h.p.detail.Ticket().Title() }

	net, saved := open(nil)
	h.send(net)
	h.send(saved)
	if h.p.detail.FromStore() || title() != server.Title() {
		t.Fatalf("store after network: %q fromStore %v", title(), h.p.detail.FromStore())
	}

	net, saved = open(nil)
	h.send(saved)
	if !h.p.detail.FromStore() || title() != "Stored copy" {
		t.Fatalf("store first: %q fromStore %v", title(), h.p.detail.FromStore())
	}
	h.send(net)
	if h.p.detail.FromStore() || title() != server.Title() {
		t.Fatalf("network after store: %q fromStore %v", title(), h.p.detail.FromStore())
	}

	storedCopy = copyTitled("Older copy", server.UpdatedAt-100)
	summary := copyTitled("Summary", server.UpdatedAt)
	_, saved = open(&summary)
	h.send(saved)
	if h.p.detail.FromStore() || title() != "Summary" {
		t.Fatalf("older stored copy over a summary: %q fromStore %v", title(), h.p.detail.FromStore())
	}
}

// Without a store nothing is read from or written to one.
func TestNoStoreNoStoreReads(t *testing.T) {
	h := newHarness(t, 120, 36)
	for _, v := range h.p.views {
		if v.storeReq != 0 || v.fromStore {
			t.Fatalf("view %s: store read %d", v.def.key, v.storeReq)
		}
	}
	var cmd tea.Cmd
	h.p.detail, cmd = h.p.detail.Open(billingTicket, nil)
	for _, m := range collect(cmd) {
		if _, ok := m.(detailStoreMsg); ok {
			t.Fatal("the detail read a store that is not there")
		}
	}
}

// When the network is back (a fresh directory after the store's), the ticket types and
// the view still showing stored rows load again.
func TestReconnectReloadsTypesAndStoredView(t *testing.T) {
	st, ids := filledStore(t)
	h := newHarnessOpts(t, 80, 24, harnessOpts{store: st, before: offline})
	if v := h.p.activeView(); !v.fromStore {
		t.Fatal("not from the store offline")
	}
	h.faults.Clear()
	h.send(shared.DirectoryMsg{Loaded: shared.Loaded[*workspace.Directory]{Req: 2, Value: h.ctx.Dir}})
	v := h.p.activeView()
	if v.fromStore || !v.loaded || !slices.Equal(listedIDs(h.p), ids) || len(h.p.views) <= 3 {
		t.Fatalf("after reconnecting: fromStore %v loaded %v, %d views", v.fromStore, v.loaded, len(h.p.views))
	}
}
