package conversations

import (
	"slices"
	"testing"
	"time"

	"github.com/intercom-tui/intercom-tui/ui/components/markdown"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
)

// The issue-#9 keypress budget: one key's Update and the pane's whole frame after it
// (View at 120×36, the thread beside the list), with 100,000 conversations loaded.
// BenchmarkBubblesList100k (baseline_bench_test.go) sends the same keys to
// charm.land/bubbles/v2/list holding the same rows; scripts/bench runs both in one
// `go test` and prints the ratio. Each op is timed alone: p50-ms and p99-ms are its
// percentiles, ns/op also counts the O(1) reset between ops.
const (
	budgetRows   = 100_000
	budgetWidth  = 120
	budgetHeight = 36
)

// latencies are the durations of the ops of one benchmark.
type latencies []time.Duration

func (l *latencies) time(op func()) {
	t0 := time.Now()
	op()
	*l = append(*l, time.Since(t0))
}

// report adds the median and the 99th percentile, in milliseconds.
func (l latencies) report(b *testing.B) {
	if len(l) == 0 {
		return
	}
	slices.Sort(l)
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(ms(l[len(l)/2]), "p50-ms")
	b.ReportMetric(ms(l[min(len(l)-1, len(l)*99/100)]), "p99-ms")
}

// budgetPane is the 120×36 pane with 100k rows and, beside them, the first row's thread
// rendered as its load would have left it: every frame then draws a full thread too.
func budgetPane(b *testing.B) Pane {
	b.Helper()
	p := benchPaneSized(b, budgetRows, budgetWidth, budgetHeight)
	if !p.split() {
		b.Fatal("the pane is not split at 120 columns")
	}
	_, w := benchSummaries(budgetRows)
	p.previewNow()
	md := markdown.New()
	// The first thread among the newest that fills the thread's height.
	for _, i := range w.ConversationsByActivity()[:50] {
		c := w.Conversation(i)
		p.thread.body = renderThreadBody(threadInput{
			conv: &c, width: p.thread.width, styles: p.ctx.Styles, dir: p.ctx.Dir, now: inboxNow,
			loc: textfmt.Zone(p.ctx.Dir.Timezone()), md: md,
		})
		if len(p.thread.body.lines) >= budgetHeight {
			break
		}
	}
	if len(p.thread.body.lines) < budgetHeight {
		b.Fatalf("the thread beside has %d lines", len(p.thread.body.lines))
	}
	_ = p.View()
	return p
}

func BenchmarkKeypress100k(b *testing.B) {
	b.Run("j", func(b *testing.B) { benchBudgetMove(b, "j") })
	b.Run("pgdown", func(b *testing.B) { benchBudgetMove(b, "pgdown") })
	b.Run("filter-first", func(b *testing.B) { benchBudgetFilter(b, "", "e") })
	b.Run("filter-narrow", func(b *testing.B) { benchBudgetFilter(b, "e", "r") })
	// A third letter: "ere" is no common pair, so the rows are read.
	b.Run("filter-third", func(b *testing.B) { benchBudgetFilter(b, "er", "e") })
}

// benchBudgetMove presses key over and over, back to the top (untimed) at the end.
func benchBudgetMove(b *testing.B, key string) {
	p := budgetPane(b)
	k := inboxKey(key)
	lat := make(latencies, 0, 1<<16)
	b.ReportAllocs()
	for b.Loop() {
		if v := p.activeView(); v.list.cursor == v.list.len()-1 {
			v.list.moveTo(0, p.listHeight())
		}
		lat.time(func() {
			p, _ = p.Update(k)
			_ = p.View()
		})
	}
	b.StopTimer()
	if p.activeView().list.cursor == 0 && b.N > 1 {
		b.Fatalf("%s did not move the cursor", key)
	}
	lat.report(b)
}

// benchBudgetFilter types key into the / filter holding typed, then draws the frame.
// Between ops the filter goes back to typed and the rendered rows are forgotten, so
// every frame renders its rows afresh as after a real change of filter.
func benchBudgetFilter(b *testing.B, typed, key string) {
	p := budgetPane(b)
	p, _ = p.Update(inboxKey("/"))
	p = typeKeys(p, typed)
	l := &p.activeView().list
	input, vis, query, cursor, offset := p.input, l.vis, l.query, l.cursor, l.offset
	k := inboxKey(key)
	lat := make(latencies, 0, 1<<14)
	b.ReportAllocs()
	for b.Loop() {
		p.input, l.vis, l.query, l.cursor, l.offset = input, vis, query, cursor, offset
		p.cache.lines = nil
		lat.time(func() {
			p, _ = p.Update(k)
			_ = p.View()
		})
	}
	b.StopTimer()
	if got := p.input.Value(); got != typed+key || l.len() == 0 || l.len() == len(l.rows) {
		b.Fatalf("filter %q shows %d of %d rows", got, l.len(), len(l.rows))
	}
	lat.report(b)
}
