package firstframe

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// size is the terminal of every start: the 120x36.
var size = Size{Cols: 120, Rows: 36}

const (
	module   = "github.com/intercom-tui/intercom-tui"
	baseline = module + "/internal/firstframe/baseline"
)

// The harness sees a frame's text through the pseudo-terminal: the baseline's rows.
func TestMeasureSeesTheBaselineFrame(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	dir := t.TempDir()
	bin, err := Build(ctx, dir, "baseline", baseline)
	if err != nil {
		t.Fatal(err)
	}
	rows := filepath.Join(dir, "rows")
	if err := os.WriteFile(rows, []byte("● 4m  Oisín Kelly   Missed call\n  1h  Ciarán Kelly  Feedback\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, rows)
	cmd.Env = Env(dir, "")
	if _, err := Measure(ctx, cmd, size, "Ciarán Kelly"); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkStartFirstFrame times intercom-tui from its start to the first frame showing
// a conversation row, with a warm offline store, against the baseline (a minimal Bubble
// Tea v2 program printing the same rows), alternating the two in every iteration so both
// see the same machine load. The workspace is serve-demo in another process
// (FIRSTFRAME_SIZE conversations, default 100000). Metrics: each one's median and p95
// in ms, and ours/baseline of the medians (goal: ≤ 2).
//
//	go test ./internal/firstframe -run '^$' -bench StartFirstFrame -benchtime 20x
func BenchmarkStartFirstFrame(b *testing.B) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	dir := b.TempDir()
	ours, err := Build(ctx, dir, "intercom-tui", module)
	if err != nil {
		b.Fatal(err)
	}
	base, err := Build(ctx, dir, "baseline", baseline)
	if err != nil {
		b.Fatal(err)
	}
	n := 100000
	if s := os.Getenv("FIRSTFRAME_SIZE"); s != "" {
		if n, err = strconv.Atoi(s); err != nil {
			b.Fatal(err)
		}
	}
	srv, err := StartServer(ctx, ours, n, "--rate-limit", "100000")
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	env := Env(dir, srv.Token)
	args := []string{"--base-url", srv.URL, "--sync-age", "0"}
	rows, want, err := FirstRows(ctx, ours, env, args...)
	if err != nil {
		b.Fatal(err)
	}
	rowsFile := filepath.Join(dir, "rows")
	if err := os.WriteFile(rowsFile, []byte(strings.Join(rows, "\n")), 0o600); err != nil {
		b.Fatal(err)
	}
	start := func(bin string, args ...string) time.Duration {
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		d, err := Measure(ctx, cmd, size, want)
		if err != nil {
			b.Fatal(err)
		}
		return d
	}
	// Warm the store: the directory and the Open page are saved by these runs.
	for range 3 {
		start(ours, args...)
	}
	var o, bl []time.Duration
	b.ResetTimer()
	for b.Loop() {
		o = append(o, start(ours, args...))
		bl = append(bl, start(base, rowsFile))
	}
	b.StopTimer()
	op50, bp50 := quantile(o, 0.5), quantile(bl, 0.5)
	b.ReportMetric(ms(op50), "ours-p50-ms")
	b.ReportMetric(ms(quantile(o, 0.95)), "ours-p95-ms")
	b.ReportMetric(ms(bp50), "base-p50-ms")
	b.ReportMetric(ms(quantile(bl, 0.95)), "base-p95-ms")
	b.ReportMetric(float64(op50)/float64(bp50), "ratio-p50")
}

func quantile(ds []time.Duration, q float64) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, int(q*float64(len(s))))]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
