package conversations

import (
	"sync"
	"testing"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/api/fake/seed"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// The seeded summaries are built once per size: deriving 100k takes a while, and Go
// runs each benchmark function several times.
var (
	benchMu    sync.Mutex
	benchConvs = map[int][]models.Conversation{}
	benchWorld = map[int]*seed.World{}
)

func benchSummaries(n int) ([]models.Conversation, *seed.World) {
	benchMu.Lock()
	defer benchMu.Unlock()
	if c, ok := benchConvs[n]; ok {
		return c, benchWorld[n]
	}
	w := seed.New(1, n, inboxNow)
	out := make([]models.Conversation, 0, n)
	for _, i := range w.ConversationsByActivity() {
		out = append(out, w.ConversationSummary(i))
	}
	benchConvs[n], benchWorld[n] = out, w
	return out, w
}

// benchPane is a 100×40 pane (list only) holding n conversations, delivered through its
// answer message as if one search had returned them all. No HTTP is involved.
func benchPane(b *testing.B, n int) Pane { return benchPaneSized(b, n, 100, 40) }

// benchPaneSized is benchPane at width × height (from 120 columns the thread shows beside
// the list).
func benchPaneSized(b testing.TB, n, width, height int) Pane {
	b.Helper()
	convs, w := benchSummaries(n)
	ctx := testContext(w, testNow, 50)
	dir := ctx.Dir
	p := New(ctx)
	p, _ = p.Update(shared.SizeMsg{Width: width, Height: height})
	p, _ = p.Update(shared.DirectoryMsg{Loaded: shared.Loaded[*workspace.Directory]{Value: dir}})
	msg := PageMsg{View: viewOpen, Now: inboxNow}
	msg.Req = p.activeView().req
	msg.Value = api.Page[models.Conversation]{Items: convs, TotalCount: len(convs)}
	p, _ = p.Update(msg)
	if got := p.activeView().list.len(); got != n {
		b.Fatalf("%d rows loaded, want %d", got, n)
	}
	return p
}

func benchKeypressJ(b *testing.B, n int) {
	p := benchPane(b, n)
	j := inboxKey("j")
	_ = p.View()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if p.activeView().list.cursor == n-1 {
			b.StopTimer()
			p.activeView().list.moveTo(0, p.listHeight())
			b.StartTimer()
		}
		p, _ = p.Update(j)
		_ = p.View()
	}
}

// One j keypress (Update) and the frame after it (View), with 10k and 100k
// conversations loaded.
func BenchmarkKeypressJ10k(b *testing.B)  { benchKeypressJ(b, 10_000) }
func BenchmarkKeypressJ100k(b *testing.B) { benchKeypressJ(b, 100_000) }

// One keystroke in the filter over 100k loaded rows: the first letter, so every row is
// searched. The filter is put back to empty between ops (O(1)).
func BenchmarkFilterKeystroke100k(b *testing.B) {
	benchFilterKey(b, "", "e")
}

// One more letter of a filter over 100k rows ("e" → "er"): only the previous matches
// (most rows, for "e") are searched.
func BenchmarkFilterNarrow100k(b *testing.B) {
	benchFilterKey(b, "e", "r")
}

func benchFilterKey(b *testing.B, typed, key string) {
	p := benchPane(b, 100_000)
	p, _ = p.Update(inboxKey("/"))
	p = typeKeys(p, typed)
	l := &p.activeView().list
	input, vis, query := p.input, l.vis, l.query
	k := inboxKey(key)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		p, _ = p.Update(k)
		p.input, l.vis, l.query = input, vis, query
	}
	b.StopTimer()
	p, _ = p.Update(k)
	if got := p.input.Value(); got != typed+key || l.len() == 0 || l.len() == len(l.rows) {
		b.Fatalf("filter %q shows %d of %d rows", got, l.len(), len(l.rows))
	}
}
