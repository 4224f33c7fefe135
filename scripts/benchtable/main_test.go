package main

import (
	"strings"
	"testing"
)

const sample = `goos: linux
BenchmarkBubblesList100k/j-2         	       1	2921436546 ns/op	      2921 p50-ms	      2921 p99-ms	1399442352 B/op	   11555 allocs/op
BenchmarkBubblesList100k/filter-narrow-2  	       6	 201285116 ns/op	       199.6 p50-ms	       281.4 p99-ms
BenchmarkKeypress100k/j-2                 	    3375	    342656 ns/op	         0.2156 p50-ms	         4.442 p99-ms	  125507 B/op	     264 allocs/op
BenchmarkKeypress100k/filter-narrow-2     	     152	   7314213 ns/op	         6.279 p50-ms	        21.17 p99-ms
BenchmarkStartFirstFrame-2   	      12	 258903367 ns/op	        40 base-p50-ms	        52.70 base-p95-ms	       70 ours-p50-ms	       414.8 ours-p95-ms	         4.676 ratio-p50	   96437 B/op	      93 allocs/op
BenchmarkRevisitThread-2        	      10	  1000 ns/op	  900 p50-µs	  3100 p99-µs
serve-demo --size 100000 (another process): app peak RSS (VmHWM) 120.5 MB, now (VmRSS) 110.0 MB
  serve-demo itself: VmHWM 300.0 MB
--demo --demo-size 100000 (embedded fake included): app peak RSS (VmHWM) 190.0 MB, now (VmRSS) 180.0 MB
`

func TestTableJudgesEachTarget(t *testing.T) {
	results, rss := parse(strings.NewReader(sample))
	if len(results) != 7 || len(rss) != 2 { // the first-frame line holds ours and its baseline
		t.Fatalf("%d results, %d rss", len(results), len(rss))
	}
	out := table(results, rss)
	for _, want := range []string{
		"| keypress j, 100k rows, Update+View 120×36 | 0.22 ms / 4.44 ms | 2921 ms / 2921 ms | 13548× | p50 ≤ 1 ms, p99 ≤ 5 ms, ≥ 100× | ok |",
		"| filter: narrowing character (\"e\" → \"er\") | 6.28 ms / 21 ms | 200 ms / 281 ms | 32× | ≤ 5 ms, ≥ 100× | FAIL |",
		"| start to first inbox frame (pty, warm store) | 70 ms / p95 415 ms | 40 ms / p95 53 ms | 0.6× | ≤ 2× baseline | ok |",
		"| revisit a thread | 0.90 ms / 3.10 ms | — | — | ≤ 2 ms | FAIL |",
		"| peak RSS serve-demo --size 100000 (another process) | 120.5 MB | — | — | ≤ 150 MB | ok |",
		"| peak RSS --demo --demo-size 100000 (embedded fake included) | 190.0 MB | — | — | (reported) | info |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no row %q in\n%s", want, out)
		}
	}
	for _, absent := range []string{"PgDn", "prefetched"} {
		if strings.Contains(out, absent) {
			t.Errorf("a row for %q, whose benchmark did not run:\n%s", absent, out)
		}
	}
}
