// Command benchtable reads the output of scripts/bench (go test -bench lines, then
// scripts/rss lines) on stdin and prints the issue-#9 budget as a Markdown table:
// target, ours (median / p99), baseline, speed-up, goal, ok or FAIL. A target whose
// benchmark did not run is left out; one whose baseline did not run is marked so.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// result is one benchmark's figures, in milliseconds: the median and a tail percentile
// (tail < 0 when not reported; tailName says which, p99 or p95).
type result struct {
	name      string
	p50, tail float64
	tailName  string
}

// benchLine is "BenchmarkName-2   N   123 ns/op   0.1 p50-ms ...".
var benchLine = regexp.MustCompile(`^(Benchmark\S+?)(?:-\d+)?\s+\d+\s+(.*)$`)

// rssLine is what scripts/rss prints for a peak: "<label>: app peak RSS (VmHWM) 123.4 MB, …".
var rssLine = regexp.MustCompile(`(?i)^\s*(.+?):\s*app peak RSS\D*?([0-9]+(?:\.[0-9]+)?)\s*(MB|MiB)\b`)

var unitMS = map[string]float64{"ns": 1e-6, "us": 1e-3, "µs": 1e-3, "ms": 1, "s": 1e3}

// parse reads benchmark results (in order of appearance) and RSS peaks (label → MB).
// A benchmark that times ours and its baseline in one loop reports them as ours-p50-ms,
// base-p50-ms and so on: its baseline becomes a result of its own, named name/baseline.
func parse(r io.Reader) (results []result, rss map[string]float64) {
	rss = map[string]float64{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if m := rssLine.FindStringSubmatch(line); m != nil {
			v, _ := strconv.ParseFloat(m[2], 64)
			rss[strings.TrimSpace(m[1])] = v
			continue
		}
		m := benchLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		res := result{name: m[1], p50: -1, tail: -1}
		base := result{name: m[1] + "/baseline", p50: -1, tail: -1}
		mean := -1.0
		f := strings.Fields(m[2])
		for i := 0; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			unit, into := f[i+1], &res
			if unit == "ns/op" {
				mean = v * 1e-6
				continue
			}
			if u, ok := strings.CutPrefix(unit, "base-"); ok {
				unit, into = u, &base
			} else {
				unit = strings.TrimPrefix(unit, "ours-")
			}
			pct, u, ok := strings.Cut(unit, "-")
			if !ok || unitMS[u] == 0 {
				continue
			}
			switch pct {
			case "p50":
				into.p50 = v * unitMS[u]
			case "p99", "p95":
				if into.tailName != "p99" { // the p99 when both are there
					into.tail, into.tailName = v*unitMS[u], pct
				}
			}
		}
		if res.p50 < 0 {
			res.p50 = mean
		}
		results = append(results, res)
		if base.p50 >= 0 {
			results = append(results, base)
		}
	}
	return results, rss
}

// target is one line of the budget. ours and base pick a benchmark by name; a name
// that matches skip is not taken. The goal holds when every bound that is set does.
type target struct {
	label      string
	ours, base *regexp.Regexp
	skip       *regexp.Regexp
	maxP50     float64 // ms; 0: no bound
	maxP99     float64 // ms; 0: no bound
	minSpeedup float64 // baseline ÷ ours; 0: no bound
	goal       string
}

func re(s string) *regexp.Regexp { return regexp.MustCompile(s) }

var baselineName = re(`(?i)baseline`)

var targets = []target{
	{label: "start to first inbox frame (pty, warm store)", ours: re(`StartFirstFrame`), base: re(`StartFirstFrame.*(?i:baseline)|(?i:baseline).*StartFirstFrame`),
		skip: baselineName, minSpeedup: 0.5, goal: "≤ 2× baseline"},
	{label: "keypress j, 100k rows, Update+View 120×36", ours: re(`^BenchmarkKeypress100k/j$`), base: re(`^BenchmarkBubblesList100k/j$`),
		maxP50: 1, maxP99: 5, minSpeedup: 100, goal: "p50 ≤ 1 ms, p99 ≤ 5 ms, ≥ 100×"},
	{label: "keypress PgDn", ours: re(`^BenchmarkKeypress100k/pgdown$`), base: re(`^BenchmarkBubblesList100k/pgdown$`),
		maxP50: 1, maxP99: 5, minSpeedup: 100, goal: "p50 ≤ 1 ms, p99 ≤ 5 ms, ≥ 100×"},
	{label: "filter: first character (\"e\")", ours: re(`^BenchmarkKeypress100k/filter-first$`), base: re(`^BenchmarkBubblesList100k/filter-first$`),
		maxP99: 5, minSpeedup: 100, goal: "≤ 5 ms, ≥ 100×"},
	{label: "filter: narrowing character (\"e\" → \"er\")", ours: re(`^BenchmarkKeypress100k/filter-narrow$`), base: re(`^BenchmarkBubblesList100k/filter-narrow$`),
		maxP99: 5, minSpeedup: 100, goal: "≤ 5 ms, ≥ 100×"},
	{label: "filter: third character (\"er\" → \"ere\", no baseline run)", ours: re(`^BenchmarkKeypress100k/filter-third$`),
		maxP99: 5, goal: "≤ 5 ms"},
	{label: "(info) j against a list with numbered pages", ours: re(`^BenchmarkKeypress100k/j$`), base: re(`^BenchmarkBubblesList100kNumbered/j$`)},
	{label: "(info) PgDn against numbered pages", ours: re(`^BenchmarkKeypress100k/pgdown$`), base: re(`^BenchmarkBubblesList100kNumbered/pgdown$`)},
	{label: "(info) filter first against numbered pages", ours: re(`^BenchmarkKeypress100k/filter-first$`), base: re(`^BenchmarkBubblesList100kNumbered/filter-first$`)},
	{label: "(info) filter narrowing against numbered pages", ours: re(`^BenchmarkKeypress100k/filter-narrow$`), base: re(`^BenchmarkBubblesList100kNumbered/filter-narrow$`)},
	{label: "open a prefetched thread", ours: re(`OpenPrefetchedThread`), skip: baselineName, maxP99: 16, goal: "≤ 16 ms (next frame)"},
	{label: "open a prefetched article", ours: re(`OpenPrefetchedArticle`), skip: baselineName, maxP99: 16, goal: "≤ 16 ms (next frame)"},
	{label: "revisit a thread", ours: re(`Revisit`), skip: baselineName, maxP99: 2, goal: "≤ 2 ms"},
}

func find(results []result, pick, skip *regexp.Regexp) (result, bool) {
	if pick == nil {
		return result{}, false
	}
	for _, r := range results {
		if pick.MatchString(r.name) && (skip == nil || !skip.MatchString(r.name)) {
			return r, true
		}
	}
	return result{}, false
}

func ms(v float64) string {
	switch {
	case v < 0:
		return "—"
	case v < 0.1:
		return fmt.Sprintf("%.3f ms", v)
	case v < 10:
		return fmt.Sprintf("%.2f ms", v)
	}
	return fmt.Sprintf("%.0f ms", v)
}

func figure(r result) string {
	switch {
	case r.tail < 0:
		return ms(r.p50)
	case r.tailName == "p99":
		return ms(r.p50) + " / " + ms(r.tail)
	}
	return ms(r.p50) + " / " + r.tailName + " " + ms(r.tail)
}

// row is one target's cells: label, ours, baseline, speed-up, goal, verdict.
func (t target) row(results []result) ([]string, bool) {
	ours, ok := find(results, t.ours, t.skip)
	if !ok {
		return nil, false
	}
	base, haveBase := find(results, t.base, nil)
	if t.goal == "" && !haveBase {
		return nil, false // a comparison with nothing to compare
	}
	verdict, baseCell, speed := "ok", "—", "—"
	if t.goal == "" {
		verdict = "info"
	}
	worst := ours.tail
	if worst < 0 {
		worst = ours.p50 // no tail was reported: judge by the median
	}
	if t.maxP50 > 0 && ours.p50 > t.maxP50 || t.maxP99 > 0 && worst > t.maxP99 {
		verdict = "FAIL"
	}
	if haveBase {
		baseCell = figure(base)
		s := base.p50 / ours.p50
		speed = fmt.Sprintf("%.1f×", s)
		if s >= 10 {
			speed = fmt.Sprintf("%.0f×", s)
		}
		if t.minSpeedup > 0 && s < t.minSpeedup {
			verdict = "FAIL"
		}
	} else if t.minSpeedup > 0 {
		verdict += " (no baseline ran)"
	}
	return []string{t.label, figure(ours), baseCell, speed, t.goal, verdict}, true
}

// rssRows are the peaks scripts/rss reported; the program's own has a goal, the --demo
// one (the embedded fake's share on top) is reported.
func rssRows(rss map[string]float64) [][]string {
	labels := make([]string, 0, len(rss))
	for l := range rss {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	var rows [][]string
	for _, l := range labels {
		v, goal, verdict := rss[l], "≤ 150 MB", "ok"
		if strings.Contains(l, "--demo") || strings.Contains(strings.ToLower(l), "embedded") {
			goal, verdict = "(reported)", "info"
		} else if v > 150 {
			verdict = "FAIL"
		}
		rows = append(rows, []string{"peak RSS " + l, fmt.Sprintf("%.1f MB", v), "—", "—", goal, verdict})
	}
	return rows
}

func table(results []result, rss map[string]float64) string {
	var b strings.Builder
	b.WriteString("| target | ours (median / p99) | baseline (median / p99) | speed-up (baseline ÷ ours) | goal | verdict |\n")
	b.WriteString("|---|---|---|---|---|---|\n")
	for _, t := range targets {
		if cells, ok := t.row(results); ok {
			b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
		}
	}
	for _, cells := range rssRows(rss) {
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	return b.String()
}

func main() {
	results, rss := parse(os.Stdin)
	if len(results) == 0 && len(rss) == 0 {
		fmt.Fprintln(os.Stderr, "benchtable: no benchmark results on stdin")
		os.Exit(1)
	}
	fmt.Print(table(results, rss))
}
