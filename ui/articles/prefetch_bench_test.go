package articles

import (
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api/fake/seed"
	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/markdown"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

// Opening a 30 KB article, measured as the frame the agent waits for (the Update of
// enter and the View after it), prefetched against rendered on open in the same run.

// articlePane is a 120 × 40 pane whose help center is three articles, the first 30 KB
// of HTML, with the cursor on it. No HTTP is involved.
func articlePane(b *testing.B) Pane {
	b.Helper()
	w := seed.New(7, 10, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	var body strings.Builder
	for i := 0; body.Len() < 30<<10; i++ {
		body.WriteString(string(w.Article(i % w.NumArticles()).Body))
	}
	arts := []models.Article{w.Article(0), w.Article(1), w.Article(2)}
	arts[0].Body = models.NullString(body.String())
	ctx := &shared.Context{Styles: theme.New(theme.Dark), Keys: keymap.Default(), Now: func() time.Time { return testNow }}
	p := New(ctx)
	p, _ = p.Update(shared.SizeMsg{Width: 120, Height: 40})
	p.started = true
	p.setHelp(Help{Articles: arts})
	for i, r := range p.tree.rows {
		if r.n.id == string(arts[0].ID) {
			p.tree.moveTo(i, p.height())
		}
	}
	return p
}

func reportLatencies(b *testing.B, l []time.Duration) {
	s := slices.Clone(l)
	slices.Sort(s)
	at := func(q float64) float64 { return float64(s[min(len(s)-1, int(q*float64(len(s))))]) / 1e6 }
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
}

// BenchmarkOpenPrefetchedArticle: enter on a 30 KB article rendered ahead.
func BenchmarkOpenPrefetchedArticle(b *testing.B) {
	p := articlePane(b)
	for _, m := range drain(p.prefetchFrom(p.tree.cursor, articlesAhead)) {
		p, _ = p.Update(m)
	}
	enter := tea.KeyPressMsg{Code: tea.KeyEnter}
	var lat []time.Duration
	b.ReportAllocs()
	for b.Loop() {
		t0 := time.Now()
		q, _ := p.Update(enter)
		_ = q.View()
		lat = append(lat, time.Since(t0))
		if q.rd.pending || len(q.rd.lines) == 0 {
			b.Fatal("the prefetched article did not show at once")
		}
	}
	reportLatencies(b, lat)
}

// BenchmarkOpenArticleRenderOnOpen is the baseline: enter, the render command (a fresh
// markdown cache), its answer applied, and the frame after it.
func BenchmarkOpenArticleRenderOnOpen(b *testing.B) {
	p := articlePane(b)
	enter := tea.KeyPressMsg{Code: tea.KeyEnter}
	var lat []time.Duration
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		q := p
		q.md, q.pf = markdown.New(), newPrefetch() // nothing rendered ahead
		w, _ := q.readerSize()                     // glamour's renderer for the width is built once per run
		q.md.Render(markdown.Key{ID: "warm"}, "<p>warm</p>", w, q.ctx.Styles.GlamourStyle())
		for _, r := range q.tree.rows[q.tree.cursor+1:] {
			q.pf.inflight[q.keyFor(r.n.article)] = true // the renders after it are not the baseline's
		}
		b.StartTimer()
		t0 := time.Now()
		q, cmd := q.Update(enter)
		for _, m := range drain(cmd) {
			if r, ok := m.(RenderedMsg); ok {
				q, _ = q.Update(r)
			}
		}
		_ = q.View()
		lat = append(lat, time.Since(t0))
		if q.rd.pending || len(q.rd.lines) == 0 {
			b.Fatal("the article did not show")
		}
	}
	reportLatencies(b, lat)
}
