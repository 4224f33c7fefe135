package contacts

import (
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api/fake/faults"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/store"
	"github.com/intercom-tui/intercom-tui/store/storetest"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// newStoreLoop is newLoop with an offline store: it has loaded (and saved) the first
// page online.
func newStoreLoop(t *testing.T) *loop {
	t.Helper()
	st := storetest.Open(t)
	return newLoopSetup(t, 120, 36, nil, func(l *loop) { l.ctx.Store = st })
}

// restart is the app starting again on the same store: a new pane, its size and the
// directory. offline: every request fails to reach the server (the connection is
// closed with no answer) and the root has said so (Context.Offline).
func (l *loop) restart(offline bool) {
	l.t.Helper()
	if offline {
		if err := l.faults.Add(faults.Rule{Kind: faults.Refuse, Pattern: "*"}); err != nil {
			l.t.Fatal(err)
		}
		l.ctx.Offline = true
	}
	after := l.p.after
	l.p = New(l.ctx)
	l.p.after = after
	l.toasts = nil
	l.ws.ResetCounters()
	l.p.shown = true
	l.send(shared.SizeMsg{Width: 120, Height: 36})
	l.send(shared.DirectoryMsg{Loaded: shared.Loaded[*workspace.Directory]{Req: 1, Value: l.ctx.Dir}})
	l.settle()
}

// holdType holds back every message of type T until release.
func holdType[T tea.Msg](l *loop) {
	l.hold = func(m tea.Msg) bool { _, ok := m.(T); return ok }
}

// toasted reports whether an error toast starting with prefix was shown.
func (l *loop) toasted(prefix string) bool {
	for _, m := range l.toasts {
		if m.Error && strings.HasPrefix(m.Text, prefix) {
			return true
		}
	}
	return false
}

func contactIDs(cs []models.Contact) []string {
	out := make([]string, len(cs))
	for i := range cs {
		out[i] = string(cs[i].ID)
	}
	return out
}

// Online, the first page of all contacts is written through to the store with the
// view it makes, and a search's results are stored too.
func TestListIsWrittenThroughToTheStore(t *testing.T) {
	l := newStoreLoop(t)
	st := l.ctx.Store
	v, err := st.View(allView)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(v.IDs, l.listed()) || v.Total != l.p.list.total || !v.SavedAt.Equal(testNow) {
		t.Fatalf("saved view %+v, want the %d listed ids, total %d, saved at %v", v, len(l.listed()), l.p.list.total, testNow)
	}
	stored, err := st.ContactsByID(v.IDs)
	if err != nil || len(stored) != len(v.IDs) {
		t.Fatalf("%d of %d listed contacts stored (%v)", len(stored), len(v.IDs), err)
	}

	c := l.pickContact(func(c models.Contact) bool { return c.Email != "" })
	l.press("/")
	l.typeText(emailFragment(c.Email))
	l.settle()
	if len(l.listed()) == 0 {
		t.Fatalf("the search found nothing:\n%s", l.screen())
	}
	for _, id := range l.listed() {
		if _, err := st.Contact(id); err != nil {
			t.Fatalf("search result %s not stored: %v", id, err)
		}
	}
	if v2, _ := st.View(allView); !slices.Equal(v2.IDs, v.IDs) {
		t.Fatal("a search replaced the saved view of all contacts")
	}
	if l.p.list.fromStore || strings.Contains(l.screen(), "offline") {
		t.Fatalf("network rows are marked as from the store:\n%s", l.screen())
	}
}

// Started again offline, the list shows the saved view at once, says it is the saved
// copy and when, and the failed load still shows its toast.
func TestOfflineStartListsFromTheStore(t *testing.T) {
	l := newStoreLoop(t)
	want := l.listed()
	l.restart(true)
	if got := l.listed(); !slices.Equal(got, want) {
		t.Fatalf("offline list %d rows, want the saved %d", len(got), len(want))
	}
	if !l.p.list.fromStore {
		t.Fatal("the rows are not marked as from the store")
	}
	scr := l.screen()
	if !strings.Contains(scr, "saved 12:00") {
		t.Fatalf("no saved marker:\n%s", scr)
	}
	// The fault is a hang-up (the server was reached), so the toast names it rather
	// than standing for "offline".
	if !l.toasted("Loading contacts: the connection broke off") {
		t.Fatalf("no toast for the failed load: %+v", l.toasts)
	}
	if l.p.Busy() {
		t.Fatal("still busy after the failed load")
	}
}

// Online with a store, the saved view shows while the network loads, then the
// network's page replaces it and the marker goes.
func TestStoredListShowsUntilTheNetworkAnswers(t *testing.T) {
	l := newStoreLoop(t)
	want := l.listed()
	holdType[ListMsg](l)
	l.restart(false)
	if !l.p.list.fromStore || !slices.Equal(l.listed(), want) || !strings.Contains(l.screen(), "saved 12:00") {
		t.Fatalf("while loading: from store %v, %d rows:\n%s", l.p.list.fromStore, len(l.listed()), l.screen())
	}
	l.release()
	l.settle()
	if l.p.list.fromStore || strings.Contains(l.screen(), "saved 12:00") {
		t.Fatalf("the network's page did not replace the stored one:\n%s", l.screen())
	}
	if !slices.Equal(l.listed(), want) {
		t.Fatal("the network's page differs from the first run's")
	}
}

// A store answer that lands after the network's is dropped: the network rows win.
func TestLateStoreAnswerIsDropped(t *testing.T) {
	l := newStoreLoop(t)
	want := l.listed()
	// The saved view in another order: had it been applied, the order would show it.
	rev := slices.Clone(want)
	slices.Reverse(rev)
	if err := l.ctx.Store.PutView(store.SavedView{Key: allView, IDs: rev, Total: len(rev), SavedAt: testNow.Add(-time.Hour)}); err != nil {
		t.Fatal(err)
	}
	holdType[listStoreMsg](l)
	l.restart(false)
	if len(l.held) != 1 {
		t.Fatalf("%d store reads held, want 1", len(l.held))
	}
	l.release()
	l.settle()
	if got := l.listed(); !slices.Equal(got, want) || l.p.list.fromStore {
		t.Fatalf("after the late store answer: from store %v, first rows %v, want %v", l.p.list.fromStore, got[:3], want[:3])
	}
}

// Offline, a search is answered from the store (SearchContacts) and marked so; the
// toast still says the network failed.
func TestOfflineSearchAnswersFromTheStore(t *testing.T) {
	l := newStoreLoop(t)
	c := l.pickContact(func(c models.Contact) bool { return c.Email != "" })
	frag := emailFragment(c.Email)
	l.press("/")
	l.typeText(frag)
	l.settle()
	l.press("esc")
	l.settle()

	l.restart(true)
	l.press("/")
	l.typeText(frag)
	l.settle()
	want, err := l.ctx.Store.SearchContacts(frag, l.p.pageSize())
	if err != nil || len(want) == 0 {
		t.Fatalf("the store holds no match for %q (%v)", frag, err)
	}
	if got := l.listed(); !slices.Equal(got, contactIDs(want)) || l.p.list.query != frag {
		t.Fatalf("offline search %q listed %v, want the store's %v", l.p.list.query, got, contactIDs(want))
	}
	if scr := l.screen(); !strings.Contains(scr, "offline results from the store") {
		t.Fatalf("no store marker:\n%s", scr)
	}
	if !l.toasted("Searching contacts: ") {
		t.Fatalf("no toast for the failed search: %+v", l.toasts)
	}
}

// Online (as far as the app knows), a search whose request fails to reach the server
// is answered from the store.
func TestSearchNetworkFailureFallsBackToTheStore(t *testing.T) {
	l := newStoreLoop(t)
	c := l.pickContact(func(c models.Contact) bool { return c.Email != "" && string(c.Name) != "" })
	if err := l.ctx.Store.PutContacts([]models.Contact{c}); err != nil {
		t.Fatal(err)
	}
	if err := l.faults.Add(faults.Rule{Kind: faults.Refuse, Pattern: "/contacts/search"}); err != nil {
		t.Fatal(err)
	}
	l.press("/")
	l.typeText(c.Email)
	l.settle()
	if got := l.listed(); !slices.Contains(got, string(c.ID)) || !l.p.list.fromStore {
		t.Fatalf("after the failed search: from store %v, rows %v:\n%s", l.p.list.fromStore, got, l.screen())
	}
	if !strings.Contains(l.screen(), "offline results from the store") || !l.toasted("Searching contacts: ") {
		t.Fatalf("marker or toast missing: %+v\n%s", l.toasts, l.screen())
	}
}

// Typing with a store is still one search after the pause (store reads are no requests).
func TestTypingWithAStoreSendsOneSearch(t *testing.T) {
	l := newStoreLoop(t)
	l.ws.ResetCounters()
	l.press("/")
	l.typeText("alice@exa")
	l.settle()
	if got := l.ws.Requests(); got != 1 || l.searches() != 1 {
		t.Fatalf("%d requests, %d searches, want one search: %v", got, l.searches(), l.ws.Log())
	}
}

// An opened profile writes the contact and its conversations through to the store;
// started again offline, the profile shows them from the store, says so, and the
// sections the store does not keep say they are offline.
func TestProfileFromTheStoreOffline(t *testing.T) {
	l := newStoreLoop(t)
	c, _ := l.richContact()
	l.send(shared.OpenContactMsg{ID: string(c.ID)})
	l.settle()
	st := l.ctx.Store
	saved, err := st.Contact(string(c.ID))
	if err != nil || saved.Email != c.Email {
		t.Fatalf("stored contact %+v (%v)", saved, err)
	}
	convs, err := st.ContactConversations(string(c.ID), profileConvs)
	if err != nil || len(convs) != len(l.p.prof.convs) {
		t.Fatalf("%d conversations stored, the profile shows %d (%v)", len(convs), len(l.p.prof.convs), err)
	}

	l.restart(true)
	l.send(shared.OpenContactMsg{ID: string(c.ID)})
	l.settle()
	pr := &l.p.prof
	if pr.contact == nil || pr.contact.Email != c.Email || !pr.contactStored || !pr.convsStored || len(pr.convs) != len(convs) {
		t.Fatalf("offline profile: contact %v stored %v, %d conversations (stored %v), want %d", pr.contact != nil, pr.contactStored,
			len(pr.convs), pr.convsStored, len(convs))
	}
	scr := l.screen()
	for _, want := range []string{"from the offline store", c.Email, string([]rune(pr.convs[0].subject)[:12]), "Offline: the offline store's copy",
		"! Offline: can't load tags without the network", "! Offline: can't load notes without the network"} {
		if !strings.Contains(scr, want) {
			t.Fatalf("offline profile lacks %q:\n%s", want, scr)
		}
	}
	if strings.Contains(scr, "Couldn't load") {
		t.Fatalf("a generic error where offline was meant:\n%s", scr)
	}
}

// A stored contact that lands after the network's is dropped.
func TestLateStoredContactIsDropped(t *testing.T) {
	l := newStoreLoop(t)
	c, _ := l.richContact()
	old := c
	old.Name = "Stale Stored Name"
	if err := l.ctx.Store.PutContacts([]models.Contact{old}); err != nil {
		t.Fatal(err)
	}
	holdType[profileStoreMsg](l)
	l.send(shared.OpenContactMsg{ID: string(c.ID)})
	l.settle()
	if len(l.held) != 1 {
		t.Fatalf("%d store reads held, want 1", len(l.held))
	}
	l.release()
	l.settle()
	if pr := &l.p.prof; pr.contact == nil || pr.contact.Name != c.Name || pr.fromStore() {
		t.Fatalf("after the late store answer: %+v, from store %v", pr.contact, pr.fromStore())
	}
	if strings.Contains(l.screen(), "Stale Stored Name") {
		t.Fatalf("the stale name shows:\n%s", l.screen())
	}
}

// Without a store nothing reads it: no store message is ever produced.
func TestNoStoreNoStoreReads(t *testing.T) {
	var reads int
	l := newLoopSetup(t, 120, 36, nil, func(l *loop) {
		l.hold = func(m tea.Msg) bool {
			switch m.(type) {
			case listStoreMsg, profileStoreMsg:
				reads++
			}
			return false
		}
	})
	c, _ := l.richContact()
	l.ctx.Offline = true
	l.press("/")
	l.typeText(emailFragment(c.Email))
	l.settle()
	l.send(shared.OpenContactMsg{ID: string(c.ID)})
	l.settle()
	if reads != 0 || l.p.list.fromStore || l.p.prof.fromStore() {
		t.Fatalf("%d store reads without a store", reads)
	}
}

// A store that fails (here closed) costs nothing but a toast: the failed read says so,
// the failed write-through is ignored, and the network's page shows as without a store.
func TestFailingStoreStillListsFromTheNetwork(t *testing.T) {
	l := newStoreLoop(t)
	want := l.listed()
	if err := l.ctx.Store.Close(); err != nil {
		t.Fatal(err)
	}
	holdType[ListMsg](l) // the store read lands first, as it would against a real network
	l.restart(false)
	if !l.toasted("Reading contacts from the offline store: ") {
		t.Fatalf("the failed store read is not reported: %+v", l.toasts)
	}
	l.release()
	l.settle()
	if got := l.listed(); !slices.Equal(got, want) || l.p.list.fromStore || l.p.list.err != nil {
		t.Fatalf("with a failing store: from store %v, err %v, %d rows, want %d", l.p.list.fromStore, l.p.list.err, len(got), len(want))
	}
}

// What the store holds is as untrusted as the network it came from: stored rows and a
// stored profile go through the same sanitizer.
func TestStoredHostileTextIsSanitized(t *testing.T) {
	l := newStoreLoop(t)
	c := l.pickContact(func(c models.Contact) bool { return c.Email != "" })
	c.Name = "Evil\x1b]52;c;aGk=\x07 \u202eName\x1b[2J"
	c.Email = "x\x1b[31m@example.com"
	if err := l.ctx.Store.PutContacts([]models.Contact{c}); err != nil {
		t.Fatal(err)
	}
	if err := l.ctx.Store.PutView(store.SavedView{Key: allView, IDs: []string{string(c.ID)}, Total: 1, SavedAt: testNow}); err != nil {
		t.Fatal(err)
	}
	l.restart(true)
	if got := l.listed(); !slices.Equal(got, []string{string(c.ID)}) {
		t.Fatalf("listed %v, want the stored hostile contact", got)
	}
	assertTerminalSafe(t, l.p.View())
	l.send(shared.OpenContactMsg{ID: string(c.ID)})
	l.settle()
	if !l.p.prof.contactStored {
		t.Fatal("the profile does not show the stored contact")
	}
	assertTerminalSafe(t, l.p.View())
}
