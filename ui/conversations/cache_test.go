package conversations

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/api/fake/faults"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/store"
	"github.com/intercom-tui/intercom-tui/store/storetest"
	"github.com/intercom-tui/intercom-tui/ui/components/markdown"
)

// newStoreHarness is a harness (a client that never retries, so a refused request fails
// at once) whose context has an offline store in a temporary directory. The pane is not
// started: the test starts it (h.start) once the store and the faults are as it wants.
func newStoreHarness(t *testing.T) (*harness, *store.Store) {
	t.Helper()
	st := storetest.Open(t)
	h := newHarness(t, harnessOpts{noRetries: true})
	h.ctx.Store = st
	return h, st
}

// goOffline makes every request fail as if the network were down.
func goOffline(t *testing.T, h *harness) {
	t.Helper()
	if err := h.faults.Add(faults.Rule{Kind: faults.Refuse, Pattern: "**"}); err != nil {
		t.Fatal(err)
	}
}

// paneText is the pane's screen without styling.
func paneText(p Pane) string { return ansi.Strip(p.View()) }

// An online load writes every page's conversations to the store, and a first page the
// view's ids in order with the total and the clock reading; a next page leaves the
// saved view alone.
func TestInboxWritesPagesAndTheViewToTheStore(t *testing.T) {
	h, st := newStoreHarness(t)
	h.start(100, 30)
	first := listedIDs(h.p)
	v := h.p.activeView()
	saved, err := st.View(viewStoreKey(viewOpen))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(saved.IDs, first) || saved.Total != v.total || !saved.SavedAt.Equal(inboxNow) {
		t.Fatalf("saved view %+v, want the ids %v, total %d at %v", saved, first, v.total, inboxNow)
	}
	convs, err := st.ConversationsByID(first)
	if err != nil || len(convs) != len(first) {
		t.Fatalf("%d of %d conversations stored (%v)", len(convs), len(first), err)
	}

	h.press("G") // the next page
	all := listedIDs(h.p)
	if len(all) <= len(first) {
		t.Fatalf("no next page loaded: %d rows", len(all))
	}
	if convs, _ := st.ConversationsByID(all); len(convs) != len(all) {
		t.Errorf("%d of %d conversations stored after the next page", len(convs), len(all))
	}
	if again, _ := st.View(viewStoreKey(viewOpen)); !slices.Equal(again.IDs, first) {
		t.Errorf("a next page changed the saved view: %d ids", len(again.IDs))
	}
}

// A thread loaded from the network is stored whole, parts included.
func TestThreadWritesTheConversationToTheStore(t *testing.T) {
	h, st := newStoreHarness(t)
	th := h.openThread(convEverything, 80, 24)
	if th.Err() != nil || th.conv == nil {
		t.Fatalf("load failed: %v", th.Err())
	}
	got, err := st.Conversation(th.ID())
	if err != nil {
		t.Fatal(err)
	}
	if want := len(th.conv.Parts()); want == 0 || len(got.Parts()) != want {
		t.Errorf("stored %d parts, want %d", len(got.Parts()), want)
	}
}

// Offline, a view saved by an earlier online run shows its stored rows in order, says
// when they were saved, and the failed refresh is toasted below them.
func TestOfflineViewShowsTheSavedRows(t *testing.T) {
	h, _ := newStoreHarness(t)
	h.start(100, 30)
	online := listedIDs(h.p)

	goOffline(t, h)
	h.toasts = nil
	h.start(100, 30) // a new pane, as at the next start
	v := h.p.activeView()
	if !slices.Equal(listedIDs(h.p), online) || !v.stored || v.loaded || v.err == nil {
		t.Fatalf("offline rows %v (stored %v, loaded %v, err %v), want %v", listedIDs(h.p), v.stored, v.loaded, v.err, online)
	}
	screen := paneText(h.p)
	if bar, _, _ := strings.Cut(screen, "\n"); !strings.Contains(bar, "saved 14:05") || !strings.Contains(bar, "Open ") {
		t.Errorf("the view bar does not say the rows are the store's:\n%s", bar)
	}
	if !h.toasted("Loading Open: ") {
		t.Errorf("toasts %+v", h.toasts)
	}
	if strings.Contains(screen, "Loading") || strings.Contains(screen, "Couldn't load") {
		t.Errorf("the stored rows should show, with the error below them:\n%s", screen)
	}
}

// Offline, a view never saved shows the stored conversations its query matches.
func TestOfflineUnsavedViewMatchesStoredConversations(t *testing.T) {
	h, st := newStoreHarness(t)
	synced := h.all(unassignedQuery()) // as a background sync would have stored them
	if len(synced) == 0 {
		t.Fatal("the fake has no unassigned conversations")
	}
	if err := st.PutConversations(synced); err != nil {
		t.Fatal(err)
	}
	goOffline(t, h)
	h.start(100, 30)
	h.press("@") // Unassigned
	v := h.p.activeView()
	if v.def.key != viewUnassigned || !v.stored {
		t.Fatalf("view %s stored %v", v.def.key, v.stored)
	}
	got, want := listedIDs(h.p), make([]string, 0, len(synced))
	for _, c := range synced {
		want = append(want, string(c.ID))
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want[:min(len(want), storeMatchLimit)]) || v.total != len(synced) {
		t.Errorf("listed %d (total %d), want the %d stored matches", len(got), v.total, len(synced))
	}
	if bar, _, _ := strings.Cut(paneText(h.p), "\n"); !strings.Contains(bar, "from the offline store") {
		t.Errorf("bar %q", bar)
	}
}

// Online, the store's rows show until the network's first page, which replaces them:
// the marker goes and paging starts from the network's cursor.
func TestNetworkPageReplacesStoredRows(t *testing.T) {
	h, st := newStoreHarness(t)
	h.start(100, 30)
	online := listedIDs(h.p)
	few := online[3:8] // the store disagrees with the network, visibly
	if err := st.PutView(store.SavedView{Key: viewStoreKey(viewOpen), IDs: few, Total: 7, SavedAt: inboxNow}); err != nil {
		t.Fatal(err)
	}

	h.holdIf = func(m tea.Msg) bool { _, ok := m.(PageMsg); return ok }
	h.start(100, 30)
	v := h.p.activeView()
	if !slices.Equal(listedIDs(h.p), few) || !v.stored || v.total != 7 || !strings.Contains(paneText(h.p), "Open 7") ||
		!strings.Contains(paneText(h.p), "saved 14:05") {
		t.Fatalf("before the network: rows %v stored %v", listedIDs(h.p), v.stored)
	}
	h.release()
	v = h.p.activeView()
	if !slices.Equal(listedIDs(h.p), online) || v.stored || !v.loaded || v.next == "" {
		t.Fatalf("after the network: rows %v stored %v loaded %v next %q", listedIDs(h.p), v.stored, v.loaded, v.next)
	}
	if strings.Contains(paneText(h.p), "saved 14:05") {
		t.Error("the stored marker outlived the network's answer")
	}
	if got := cursorID(h.p); got != online[0] {
		t.Errorf("a cursor left at the top is on %s, want the network's first row %s", got, online[0])
	}
	h.press("G")
	if n := len(listedIDs(h.p)); n <= len(online) {
		t.Errorf("paging after the stored rows: %d rows", n)
	}

	// A cursor the agent moved over the stored rows stays on its conversation. (The
	// network's page saved the view meanwhile: the store is made to disagree again.)
	if err := st.PutView(store.SavedView{Key: viewStoreKey(viewOpen), IDs: few, Total: 7, SavedAt: inboxNow}); err != nil {
		t.Fatal(err)
	}
	h.holdIf = func(m tea.Msg) bool { _, ok := m.(PageMsg); return ok }
	h.start(100, 30)
	h.press("j", "j")
	if got := cursorID(h.p); got != few[2] {
		t.Fatalf("cursor on %s over the stored rows, want %s", got, few[2])
	}
	h.release()
	if got := cursorID(h.p); got != few[2] || h.p.activeView().stored {
		t.Errorf("after the network the cursor is on %s, want %s", got, few[2])
	}
}

// A store answer that arrives after the network's is dropped: the network's rows win.
func TestLateStoreAnswerIsDropped(t *testing.T) {
	h, st := newStoreHarness(t)
	h.start(100, 30)
	online := listedIDs(h.p)
	if err := st.PutView(store.SavedView{Key: viewStoreKey(viewOpen), IDs: online[:5], SavedAt: inboxNow}); err != nil {
		t.Fatal(err)
	}

	h.holdIf = func(m tea.Msg) bool { _, ok := m.(storedPageMsg); return ok }
	h.start(100, 30)
	if len(h.held) != 1 {
		t.Fatalf("%d store answers held, want 1", len(h.held))
	}
	h.release()
	v := h.p.activeView()
	if !slices.Equal(listedIDs(h.p), online) || v.stored {
		t.Errorf("rows %v stored %v, want the network's %v", listedIDs(h.p), v.stored, online)
	}
}

// Offline, a thread read before opens from the store, rendered as the network's was,
// says so in its header, and the toast says why the refresh failed.
func TestOfflineThreadShowsTheStoredCopy(t *testing.T) {
	h, _ := newStoreHarness(t)
	online := h.openThread(convEverything, 80, 24)
	if online.Err() != nil {
		t.Fatal(online.Err())
	}
	goOffline(t, h)
	h.toasts = nil
	th := h.openThread(convEverything, 80, 24)
	if !th.Stored() || th.Err() == nil || th.Loading() {
		t.Fatalf("stored %v err %v loading %v", th.Stored(), th.Err(), th.Loading())
	}
	if got, want := threadText(th.body), threadText(online.body); got != want {
		t.Errorf("the stored thread renders otherwise than the network's:\n%s\n---\n%s", got, want)
	}
	view := ansi.Strip(th.View())
	checkViewSize(t, th.View(), 80, 24)
	if !strings.Contains(view, "from the offline store") || strings.Contains(view, "Could not load") {
		t.Errorf("the header does not say the thread is the store's:\n%s", view)
	}
	if !h.toasted("Could not refresh this conversation: ") {
		t.Errorf("toasts %+v", h.toasts)
	}
}

// A thread's store answer applies only before the network's, which always wins.
func TestThreadStoreAnswerOrder(t *testing.T) {
	h, st := newStoreHarness(t)
	online := h.openThread(convEverything, 80, 24)
	stale := *online.conv
	stale.ConversationParts = nil // the store's copy is older: its parts are not there yet
	stale.UpdatedAt--
	if err := st.PutConversation(stale); err != nil {
		t.Fatal(err)
	}
	open := func() (Thread, storedThreadMsg, ThreadLoadedMsg) {
		th, _ := NewThread(h.ctx, markdown.New()).SetSize(80, 24)
		th, cmd := th.Open(online.ID(), nil)
		var s storedThreadMsg
		var n ThreadLoadedMsg
		for _, m := range runAll(cmd) {
			switch m := m.(type) {
			case storedThreadMsg:
				s = m
			case ThreadLoadedMsg:
				n = m
			}
		}
		if s.conv == nil || n.Value == nil {
			t.Fatalf("store answer %v, network answer %v", s.conv != nil, n.Value != nil)
		}
		return th, s, n
	}

	// The store first: it shows, then the network replaces it.
	th, s, n := open()
	th, _ = th.Update(s)
	if !th.Stored() || len(th.body.lines) == 0 || !strings.Contains(ansi.Strip(th.View()), "from the offline store") {
		t.Fatalf("store answer not shown:\n%s", ansi.Strip(th.View()))
	}
	th, _ = th.Update(n)
	if th.Stored() || threadText(th.body) != threadText(online.body) || strings.Contains(ansi.Strip(th.View()), "offline store") {
		t.Errorf("the network's answer did not replace the store's")
	}

	// The network first: the store's late answer is dropped.
	th, s, n = open()
	th, _ = th.Update(n)
	th, _ = th.Update(s)
	if th.Stored() || threadText(th.body) != threadText(online.body) {
		t.Errorf("a late store answer replaced the network's")
	}
}

// Without a store nothing is read from or written to one: no store answer is ever sent.
func TestNoStoreReadsNothing(t *testing.T) {
	h := newHarness(t, harnessOpts{width: 100, height: 30})
	h.press("@", "enter")
	for _, m := range h.seen {
		switch m.(type) {
		case storedPageMsg, storedThreadMsg:
			t.Fatalf("a store answer without a store: %T", m)
		}
	}
	if v := h.p.activeView(); v.stored || !v.loaded || strings.Contains(paneText(h.p), "saved") {
		t.Errorf("stored %v loaded %v", v.stored, v.loaded)
	}
}

// The stored rows' text goes through the same row building as the network's.
func TestStoredRowsAreSanitized(t *testing.T) {
	h, st := newStoreHarness(t)
	evil := models.Conversation{ID: "evil", State: models.StateOpen, UpdatedAt: inboxNow.Unix(),
		Title: "\x1b]8;;http://x\x07click\x1b]8;;\x07 \u202eme"}
	if err := st.PutConversations([]models.Conversation{evil}); err != nil {
		t.Fatal(err)
	}
	if err := st.PutView(store.SavedView{Key: viewStoreKey(viewOpen), IDs: []string{"evil"}, Total: 1, SavedAt: inboxNow}); err != nil {
		t.Fatal(err)
	}
	h.holdIf = func(m tea.Msg) bool { _, ok := m.(PageMsg); return ok }
	h.start(100, 30)
	screen := h.p.View()
	if strings.Contains(screen, "\x1b]8") || strings.Contains(screen, "\u202e") || !strings.Contains(ansi.Strip(screen), "click") {
		t.Errorf("stored row not sanitized: %q", screen)
	}
}
