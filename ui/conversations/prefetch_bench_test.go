package conversations

import (
	"slices"
	"testing"
	"time"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/markdown"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// Opening and revisiting threads, measured as the frame the agent waits for: the
// Update of the key and the View after it. The baseline, in the same run, is opening
// without the prefetch: the 200-part thread rendered on open (the network left out).
// p50 and p99 are per operation, from the clock around the measured part only.

// openLatencies collects per-op durations and reports their p50 and p99 in milliseconds.
type openLatencies []time.Duration

func (l openLatencies) report(b *testing.B) {
	if len(l) == 0 {
		return
	}
	s := slices.Clone(l)
	slices.Sort(s)
	at := func(q float64) float64 { return float64(s[min(len(s)-1, int(q*float64(len(s))))]) / 1e6 }
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
}

// threadPane is a width × 40 pane listing 1,000 seeded conversations, the first of
// which is the 200-part thread (same id and updated_at as its row).
func threadPane(b *testing.B, width int) (Pane, models.Conversation) {
	b.Helper()
	convs, w := benchSummaries(1000)
	convs = slices.Clone(convs)
	ctx := testContext(w, testNow, 50)
	p := New(ctx)
	p, _ = p.Update(shared.SizeMsg{Width: width, Height: 40})
	p, _ = p.Update(shared.DirectoryMsg{Loaded: shared.Loaded[*workspace.Directory]{Value: ctx.Dir}})
	msg := PageMsg{View: viewOpen, Now: inboxNow}
	msg.Req = p.activeView().req
	msg.Value = api.Page[models.Conversation]{Items: convs, TotalCount: len(convs)}
	p, _ = p.Update(msg)
	c := thread200(b)
	row := p.activeView().list.at(0)
	c.ID, c.UpdatedAt = models.ID(row.id), row.updated
	return p, c
}

// renderFor renders c as a load or a prefetch would for the pane's thread.
func renderFor(p *Pane, c *models.Conversation, md *markdown.Renderer) cachedThread {
	in := p.thread.input(c)
	in.md, in.now, in.loc = md, inboxNow, textfmt.Zone(in.dir.Timezone())
	return cachedThread{conv: c, body: renderThreadBody(in), loc: in.loc, now: in.now}
}

// BenchmarkOpenPrefetchedThread: enter on a row whose 200-part thread was prefetched.
func BenchmarkOpenPrefetchedThread(b *testing.B) {
	p, c := threadPane(b, 100)
	p.pf.cache.put(string(c.ID), renderFor(&p, &c, markdown.New()))
	enter := inboxKey("enter")
	var lat openLatencies
	b.ReportAllocs()
	for b.Loop() {
		t0 := time.Now()
		q, _ := p.Update(enter)
		_ = q.View()
		lat = append(lat, time.Since(t0))
		if q.thread.Loading() || len(q.thread.body.lines) == 0 {
			b.Fatal("the prefetched thread did not show at once")
		}
	}
	lat.report(b)
}

// BenchmarkOpenThreadRenderOnOpen is the baseline: enter, the 200-part thread rendered
// with a fresh markdown cache (as a load does once the network answered), applied,
// and the frame after it.
func BenchmarkOpenThreadRenderOnOpen(b *testing.B) {
	p, c := threadPane(b, 100)
	enter := inboxKey("enter")
	var lat openLatencies
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		p.pf = newPrefetcher() // nothing prefetched
		md := markdown.New()
		b.StartTimer()
		t0 := time.Now()
		q, _ := p.Update(enter)
		r := renderFor(&q, &c, md)
		loaded := ThreadLoadedMsg{ID: string(c.ID), Loc: r.loc, Now: r.now, body: r.body}
		loaded.Req, loaded.Value = q.thread.loadReq, &c
		q, _ = q.Update(loaded)
		_ = q.View()
		lat = append(lat, time.Since(t0))
		if len(q.thread.body.lines) == 0 {
			b.Fatal("the thread did not show")
		}
	}
	lat.report(b)
}

// BenchmarkRevisitThread: side by side (160 columns), the cursor comes back (k) to a
// row whose 200-part thread was read before and rests: the split shows it again.
func BenchmarkRevisitThread(b *testing.B) {
	p, c := threadPane(b, 160)
	p.pf.cache.put(string(c.ID), renderFor(&p, &c, markdown.New()))
	p, _ = pressKeys(p, "j")
	p, _ = p.Update(previewMsg{gen: p.previewGen}) // the split shows row 1 (loading)
	k := inboxKey("k")
	var lat openLatencies
	b.ReportAllocs()
	for b.Loop() {
		t0 := time.Now()
		q, _ := p.Update(k)
		q, _ = q.Update(previewMsg{gen: q.previewGen})
		_ = q.View()
		lat = append(lat, time.Since(t0))
		if q.thread.ID() != string(c.ID) || q.thread.Loading() {
			b.Fatalf("the split shows %q (loading=%v), want the cached #%s", q.thread.ID(), q.thread.Loading(), c.ID)
		}
	}
	lat.report(b)
}
