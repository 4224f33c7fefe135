package store

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/intercom-tui/intercom-tui/models"
)

var benchWords = strings.Fields(`refund invoice billing shipping parcel delay password reset login account
	export import report dashboard webhook integration slack email phone mobile android ios printer
	subscription plan upgrade downgrade cancel trial discount coupon tax receipt address delivery`)

func benchText(r *rand.Rand, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = benchWords[r.IntN(len(benchWords))]
	}
	return strings.Join(w, " ")
}

// searchLatencies runs queries through search and reports p50 and p95 per query.
func searchLatencies(b *testing.B, search func(q string) error) {
	r := rand.New(rand.NewPCG(2, 2))
	var lat []time.Duration
	for b.Loop() {
		q := benchWords[r.IntN(len(benchWords))] + " " + benchWords[r.IntN(len(benchWords))][:3]
		t0 := time.Now()
		if err := search(q); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
}

func BenchmarkSearchArticles5k(b *testing.B) {
	st, _ := openTemp(b)
	r := rand.New(rand.NewPCG(1, 1))
	var as []models.Article
	for i := range 5000 {
		as = append(as, article(fmt.Sprint(i), benchText(r, 5), "<p>"+benchText(r, 300)+"</p>", int64(i)))
	}
	if err := st.PutArticles(as); err != nil {
		b.Fatal(err)
	}
	searchLatencies(b, func(q string) error { _, err := st.SearchArticles(q, 20); return err })
}

func BenchmarkSearchParts100k(b *testing.B) {
	st, _ := openTemp(b)
	r := rand.New(rand.NewPCG(1, 1))
	for batch := range 20 {
		var cs []models.Conversation
		for i := range 500 {
			bodies := make([]string, 10)
			for k := range bodies {
				bodies[k] = "<p>" + benchText(r, 40) + "</p>"
			}
			cs = append(cs, conversation(fmt.Sprint(batch*500+i), benchText(r, 4), int64(i), bodies...))
		}
		if err := st.PutFullConversations(cs); err != nil {
			b.Fatal(err)
		}
	}
	searchLatencies(b, func(q string) error { _, err := st.Search(q, 20); return err })
}
