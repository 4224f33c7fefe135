package conversations

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// Prefetch and paging are judged by the requests the fake saw, never by time. The rest
// timer is set to fire at once, so "resting" is the harness running what is queued;
// moving without resting is delivering keys without running their commands.

const threadRoute = "/conversations/{id}"

// newPrefetchHarness is a pane of width × 30 on a fake of size conversations, whose
// cursor prefetches when it rests (at once). Nothing sent at the start is counted.
func newPrefetchHarness(t *testing.T, size, width int) *harness {
	t.Helper()
	h := newHarness(t, harnessOpts{size: size})
	h.start(width, 30)
	h.p = h.p.PrefetchOnRest()
	h.p.previewDelay = 0
	h.drain()
	h.ws.ResetCounters()
	return h
}

// threadGets lists the conversations fetched one by one (GET /conversations/{id}), in
// the order the fake saw them.
func (h *harness) threadGets() []string {
	var out []string
	for _, r := range h.ws.Log() {
		if r.Method != http.MethodGet || !strings.HasPrefix(r.Path, "/conversations/") {
			continue
		}
		id := strings.TrimPrefix(r.Path, "/conversations/")
		if i := strings.IndexByte(id, '?'); i >= 0 {
			id = id[:i]
		}
		out = append(out, id)
	}
	return out
}

// rowIDs are the ids of shown rows from..to-1.
func rowIDs(p Pane, from, to int) []string {
	var out []string
	for i := from; i < to; i++ {
		out = append(out, p.activeView().list.at(i).id)
	}
	return out
}

// moveAndRest moves the cursor down n rows, key by key, then lets it rest.
func (h *harness) moveAndRest(keys string, n int) {
	h.t.Helper()
	for range n {
		h.key(keys)
	}
	h.drain()
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// Resting on row k fetches exactly rows k..k+3, one GET each.
func TestRestPrefetchesTheRowAndTheNextThree(t *testing.T) {
	h := newPrefetchHarness(t, 300, 100)
	const k = 5
	h.moveAndRest("j", k)
	got, want := h.threadGets(), rowIDs(h.p, k, k+4)
	if len(got) != 4 || !sameSet(got, want) {
		t.Fatalf("resting on row %d fetched %v, want %v", k, got, want)
	}
	if n := h.ws.Count(http.MethodGet, threadRoute); n != 4 {
		t.Fatalf("%d GET %s, want 4", n, threadRoute)
	}
	for _, id := range want {
		if _, ok := h.p.pf.cache.get(id, h.p.thread.target()); !ok {
			t.Fatalf("#%s was fetched but is not cached", id)
		}
	}
	if len(h.p.pf.inflight) != 0 {
		t.Fatalf("%d prefetches still in flight", len(h.p.pf.inflight))
	}
}

// Moving away cancels the prefetches of rows no longer within [cursor, cursor+3]; the
// ones still wanted complete.
func TestMovingAwayCancelsPrefetches(t *testing.T) {
	h := newPrefetchHarness(t, 300, 100)
	const k = 4
	for range k {
		h.key("j")
	}
	h.queue = nil // the rest timers: the test rests by hand
	h.deliver(previewMsg{gen: h.p.previewGen})
	started := rowIDs(h.p, k, k+prefetchInflight) // rows k and k+1, held in the queue
	if len(h.queue) == 0 || len(h.p.pf.inflight) != prefetchInflight {
		t.Fatalf("%d prefetches in flight, want %d", len(h.p.pf.inflight), prefetchInflight)
	}
	held := len(h.queue)

	h.key("j") // row k leaves the window, row k+1 stays in it
	h.queue = h.queue[:held]
	if _, ok := h.p.pf.inflight[started[0]]; ok {
		t.Fatalf("the prefetch of #%s (row %d) should be cancelled", started[0], k)
	}
	h.drain()
	if got := h.threadGets(); !slices.Equal(got, started[1:]) {
		t.Fatalf("requests that reached the fake: %v, want only %v (row %d cancelled)", got, started[1:], k)
	}

	h.key("j")
	h.key("j") // row k+1 leaves it too; nothing is in flight to cancel
	h.queue = nil
	if len(h.p.pf.inflight) != 0 {
		t.Fatalf("%d prefetches in flight after moving away", len(h.p.pf.inflight))
	}
}

// Coming back to rows already prefetched sends nothing.
func TestRevisitSendsNoRequest(t *testing.T) {
	h := newPrefetchHarness(t, 300, 100)
	h.moveAndRest("j", 2)
	h.moveAndRest("j", 10)
	if n := len(h.threadGets()); n != 8 {
		t.Fatalf("%d fetches for two rests far apart, want 8", n)
	}
	h.ws.ResetCounters()
	h.moveAndRest("k", 10)
	if got := h.threadGets(); len(got) != 0 {
		t.Fatalf("revisiting fetched %v, want nothing", got)
	}
}

// Opening a prefetched conversation shows it in the Update of the key, and sends
// nothing.
func TestOpenPrefetchedShowsItAtOnce(t *testing.T) {
	h := newPrefetchHarness(t, 300, 100)
	h.moveAndRest("j", 3)
	h.ws.ResetCounters()
	id := cursorID(h.p)

	p, cmd := h.p.Update(inboxKey("enter"))
	if p.thread.ID() != id || p.thread.Loading() || p.thread.conv == nil || len(p.thread.body.lines) == 0 {
		t.Fatalf("thread %q loading=%v loaded=%v lines=%d", p.thread.ID(), p.thread.Loading(), p.thread.conv != nil, len(p.thread.body.lines))
	}
	last := ""
	for _, l := range p.thread.body.lines {
		if s := strings.TrimSpace(ansi.Strip(l)); s != "" {
			last = s // a thread opens at its latest part
		}
	}
	if v := ansi.Strip(p.View()); last == "" || !strings.Contains(v, last) {
		t.Fatalf("the frame after enter does not show the thread's body:\n%s", v)
	}
	h.run(p, cmd)
	if n := h.ws.Requests(); n != 0 {
		t.Fatalf("opening a prefetched conversation sent %d requests: %v", n, h.ws.Log())
	}
}

// A prefetched copy older than the list's row is shown at once and reloaded once.
func TestOpenStalePrefetchReloadsInTheBackground(t *testing.T) {
	h := newPrefetchHarness(t, 300, 100)
	h.moveAndRest("j", 1)
	h.ws.ResetCounters()
	r := h.p.activeView().list.selected()
	r.updated++ // the list has heard of a newer copy than the cache holds
	p, cmd := h.p.Update(inboxKey("enter"))
	if p.thread.conv == nil || !p.thread.Loading() {
		t.Fatalf("the cached copy should show while it reloads (loaded=%v loading=%v)", p.thread.conv != nil, p.thread.Loading())
	}
	h.run(p, cmd)
	if got := h.threadGets(); !slices.Equal(got, []string{r.id}) {
		t.Fatalf("fetched %v, want one reload of #%s", got, r.id)
	}
}

// With the rate budget below its safe margin, nothing speculative is sent.
func TestLowRateBudgetSendsNoPrefetch(t *testing.T) {
	h := newHarness(t, harnessOpts{})
	client, err := api.New(api.WithToken(h.ws.Token()), api.WithBaseURL(h.srv.URL),
		api.WithHTTPClient(&http.Client{Transport: lowBudget5{http.DefaultTransport}}))
	if err != nil {
		t.Fatal(err)
	}
	h.ctx.WS = workspace.New(client, true)
	h.start(100, 30)
	h.p = h.p.PrefetchOnRest()
	h.p.previewDelay = 0
	h.drain()
	h.ws.ResetCounters()

	h.moveAndRest("j", 3)
	if h.p.pf.sent == 0 {
		t.Fatal("the rest should have tried to prefetch")
	}
	if got := h.threadGets(); len(got) != 0 {
		t.Fatalf("with 5 of 167 requests left, prefetch sent %v", got)
	}
	if len(h.p.pf.inflight) != 0 {
		t.Fatalf("%d skipped prefetches left in flight", len(h.p.pf.inflight))
	}
}

// lowBudget5 reports 5 requests left in every window.
type lowBudget5 struct{ base http.RoundTripper }

func (l lowBudget5) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := l.base.RoundTrip(r)
	if err == nil {
		resp.Header.Set("X-RateLimit-Remaining", "5")
	}
	return resp, err
}

// Side by side, the thread loads the row it follows and the prefetch takes the next
// three; moving down one shows the next row from the cache and fetches one more.
func TestSplitPreviewUsesThePrefetch(t *testing.T) {
	h := newPrefetchHarness(t, 300, 130)
	h.moveAndRest("j", 2)
	want := rowIDs(h.p, 2, 6)
	if got := h.threadGets(); !sameSet(got, want) {
		t.Fatalf("fetched %v, want %v", got, want)
	}
	h.ws.ResetCounters()
	h.moveAndRest("j", 1)
	if h.p.thread.ID() != want[1] || h.p.thread.conv == nil {
		t.Fatalf("the split shows %q (loaded=%v), want #%s", h.p.thread.ID(), h.p.thread.conv != nil, want[1])
	}
	if got := h.threadGets(); !slices.Equal(got, rowIDs(h.p, 6, 7)) {
		t.Fatalf("moving one down fetched %v, want only row 6", got)
	}
}

// Scrolling to the end of 150 loaded rows asks for one next page, of 150.
func TestScrollingFetchesOnePageOf150Ahead(t *testing.T) {
	h := newHarness(t, harnessOpts{size: 1200, pageSize: 150})
	p := h.start(100, 30)
	if b := h.lastSearch(); b.Pagination.PerPage != 150 {
		t.Fatalf("first page asked per_page %d, want the configured 150", b.Pagination.PerPage)
	}
	if n := p.activeView().list.len(); n != 150 {
		t.Fatalf("%d rows loaded, want 150", n)
	}
	h.ws.ResetCounters()
	for range 149 {
		h.key("j") // faster than the answer: nothing runs until the end
	}
	h.drain()
	if n := h.searches(); n != 1 {
		t.Fatalf("%d searches scrolling to the end, want 1", n)
	}
	if b := h.lastSearch(); b.Pagination.StartingAfter == "" || b.Pagination.PerPage != searchMaxPerPage {
		t.Fatalf("next page asked with %+v", b.Pagination)
	}
	if n := h.p.activeView().list.len(); n != 300 {
		t.Fatalf("%d rows after the next page, want 300", n)
	}
	if n := h.ws.Requests(); n != 1 {
		t.Fatalf("%d requests scrolling, want the one search", n)
	}
}

// The first page keeps its configured size; the next one is 150, asked for a screen
// before the end.
func TestFirstPageAsConfiguredNextOf150(t *testing.T) {
	h := newHarness(t, harnessOpts{size: 1200, pageSize: 50})
	h.start(100, 30)
	if b := h.lastSearch(); b.Pagination.PerPage != 50 {
		t.Fatalf("first page asked per_page %d, want 50", b.Pagination.PerPage)
	}
	h.ws.ResetCounters()
	h.press("j", "j", "j", "j", "j") // still more than a screen from the end of 50
	if n := h.searches(); n != 0 {
		t.Fatalf("%d searches far from the end", n)
	}
	for range 16 {
		h.key("j")
	}
	h.drain()
	if n, b := h.searches(), h.lastSearch(); n != 1 || b.Pagination.PerPage != searchMaxPerPage {
		t.Fatalf("%d searches, per_page %d; want one of %d", n, b.Pagination.PerPage, searchMaxPerPage)
	}
}
