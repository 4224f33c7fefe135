package faults

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/intercom-tui/intercom-tui/clock"
)

func TestLatencyUsesTheClock(t *testing.T) {
	f := newFixture(t, "latency=2s@/conversations/**; latency=500ms@GET *; status=503@/conversations/*/reply")

	resp, _ := f.mustDo(t, http.MethodGet, "/conversations/1")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	if slept, naps := f.clock.Slept(); slept != 2500*time.Millisecond || naps != 1 {
		t.Fatalf("clock slept %v in %d naps, want 2.5s in 1", slept, naps)
	}
	if got := f.clock.Now().Sub(t0); got != 2500*time.Millisecond {
		t.Errorf("clock advanced %v", got)
	}

	// Latency stacks with the fault that decides the answer.
	resp, _ = f.mustDo(t, http.MethodPost, "/conversations/1/reply")
	if slept, _ := f.clock.Slept(); resp.StatusCode != 503 || slept != 4500*time.Millisecond {
		t.Errorf("got %d after %v slept, want 503 after 4.5s", resp.StatusCode, slept)
	}
}

// TestLatencyCancelled: a client that gives up while the fake waits gets nothing, and the
// request does not reach the backend (no write happens behind its back).
func TestLatencyCancelled(t *testing.T) {
	in := New(clock.Real{}, 1)
	if err := in.Add(Rule{Kind: Latency, Pattern: "*", Delay: time.Hour}); err != nil {
		t.Fatal(err)
	}
	be := &backend{}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequest(http.MethodPost, "/conversations/1/reply", nil).WithContext(ctx)
	rec := httptest.NewRecorder()
	done := make(chan struct{})
	go func() { in.Wrap(be).ServeHTTP(rec, req); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("latency ignored the cancelled context")
	}
	if be.calls.Load() != 0 || rec.Body.Len() != 0 {
		t.Errorf("cancelled request reached the backend (%d) or got a body (%q)", be.calls.Load(), rec.Body)
	}
}

func TestCountThenRecover(t *testing.T) {
	f := newFixture(t, "status=503@/conversations#3")
	got := f.statuses(t, "/conversations", 6)
	if want := []int{503, 503, 503, 200, 200, 200}; !slices.Equal(got, want) {
		t.Fatalf("statuses %v, want %v", got, want)
	}
	st := f.in.Stats()
	if len(st) != 1 || st[0].Matched != 6 || st[0].Fired != 3 {
		t.Errorf("stats %+v", st)
	}
	if fired := f.in.Fired(); fired["status=503@/conversations#3"] != 3 {
		t.Errorf("Fired() = %v", fired)
	}
}

// TestCountWithRate: the count limits firings, not matches, so ":0.5#2" gives exactly two
// failures however many requests it takes.
func TestCountWithRate(t *testing.T) {
	f := newFixture(t, "status@*:0.5#2")
	got := f.statuses(t, "/x", 40)
	fails := 0
	for _, s := range got {
		if s == 500 {
			fails++
		}
	}
	if fails != 2 {
		t.Errorf("%d failures in %v, want 2", fails, got)
	}
}

func sequence(seed uint64, spec string, n int) []bool {
	rules, err := ParseSpec(spec)
	if err != nil {
		panic(err)
	}
	in := New(clock.NewFake(t0), seed)
	if err := in.Add(rules...); err != nil {
		panic(err)
	}
	out := make([]bool, n)
	for i := range out {
		out[i] = in.decide(httptest.NewRequest(http.MethodGet, "/contacts/search", nil)).fault != nil
	}
	return out
}

func TestRateIsSeededAndDeterministic(t *testing.T) {
	const spec = "reset@/contacts/search:0.3"
	a, b := sequence(42, spec, 1000), sequence(42, spec, 1000)
	if !slices.Equal(a, b) {
		t.Fatal("same seed, different faults")
	}
	if slices.Equal(a, sequence(43, spec, 1000)) {
		t.Error("different seeds, same faults")
	}
	hits := 0
	for _, hit := range a {
		if hit {
			hits++
		}
	}
	if hits < 250 || hits > 350 {
		t.Errorf("rate 0.3 hit %d of 1000", hits)
	}
	// A rule that always fires draws nothing: putting one in front, on another path,
	// leaves the sequence unchanged.
	if !slices.Equal(a, sequence(42, "latency=1s@/contacts/search; "+spec, 1000)) {
		t.Error("an always-firing latency rule shifted the random sequence")
	}
}

func TestFirstDecidingRuleWins(t *testing.T) {
	f := newFixture(t, "unauthorized@/me#1; status@/me; garbage@*")
	got := f.statuses(t, "/me", 3)
	if want := []int{401, 500, 500}; !slices.Equal(got, want) {
		t.Fatalf("statuses %v, want %v", got, want)
	}
	st := f.in.Stats()
	if st[0].Matched != 3 || st[0].Fired != 1 || st[1].Matched != 2 || st[1].Fired != 2 || st[2].Matched != 0 {
		t.Errorf("stats %+v", st)
	}
}

func TestAddClearRules(t *testing.T) {
	in := New(nil, 0)
	good := Rule{Kind: Status, Pattern: "/a", Code: 502}
	bad := Rule{Kind: Latency, Pattern: "/b"}
	err := in.Add(good, bad)
	if err == nil || !strings.Contains(err.Error(), "rule 2 (latency@/b): latency needs a positive delay") {
		t.Fatalf("Add error = %v", err)
	}
	if len(in.Rules()) != 0 {
		t.Fatal("a failed Add added rules")
	}
	if err := in.Add(good, good); err != nil {
		t.Fatal(err)
	}
	if got := in.Rules(); !slices.Equal(got, []Rule{good, good}) {
		t.Errorf("Rules() = %v", got)
	}
	in.Wrap(&backend{}).ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/a", nil))
	in.Wrap(&backend{}).ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/a", nil))
	if got := in.Fired(); len(got) != 1 || got["status=502@/a"] != 2 {
		t.Errorf("Fired() = %v (identical rules share a key)", got)
	}
	in.Clear()
	if len(in.Rules()) != 0 || len(in.Fired()) != 0 || in.Requests() != 2 {
		t.Errorf("after Clear: %v %v %d", in.Rules(), in.Fired(), in.Requests())
	}
	rec := httptest.NewRecorder()
	in.Wrap(&backend{}).ServeHTTP(rec, httptest.NewRequest("GET", "/a", nil))
	if rec.Code != 200 {
		t.Errorf("cleared injector answered %d", rec.Code)
	}
}

func TestConcurrentUse(t *testing.T) {
	f := newFixture(t, "status=503@/x#25; latency=1ms@*:0.5")
	var wg sync.WaitGroup
	var mu sync.Mutex
	fails := 0
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 10 {
				if g == 0 && i == 5 {
					_ = f.in.Add(Rule{Kind: Latency, Pattern: "/y", Delay: time.Second})
					_ = f.in.Stats()
				}
				resp, _, err := f.do(t, http.MethodGet, "/x")
				if err != nil {
					t.Error(err) // not Fatal: this is not the test's goroutine
					return
				}
				if resp.StatusCode == 503 {
					mu.Lock()
					fails++
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if fails != 25 || f.in.Requests() != 80 {
		t.Errorf("fails %d (want exactly 25), requests %d (want 80)", fails, f.in.Requests())
	}
}
