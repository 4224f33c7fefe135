package api

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/intercom-tui/intercom-tui/clock"
	"golang.org/x/time/rate"
)

// rateHeaders sets the X-RateLimit-* headers with a reset `in` from the fake clock's now.
func rateHeaders(w http.ResponseWriter, clk *clock.Fake, limit, remaining int, in time.Duration) {
	w.Header().Set(headerLimit, strconv.Itoa(limit))
	w.Header().Set(headerRemaining, strconv.Itoa(remaining))
	w.Header().Set(headerReset, strconv.FormatInt(clk.Now().Add(in).Unix(), 10))
}

const rateLimitBody = `{"type":"error.list","request_id":"rl","errors":[{"code":"rate_limit_exceeded","message":"Exceeded rate limit of 166 in 10_seconds"}]}`

func TestRateLimitWaitsForReset(t *testing.T) {
	var clk *clock.Fake
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			rateHeaders(w, clk, 166, 0, 7*time.Second)
			writeJSON(w, 429, rateLimitBody)
			return
		}
		rateHeaders(w, clk, 166, 165, 10*time.Second)
		writeJSON(w, 200, `{"type":"ok","id":"42"}`)
	})
	c, clk := newTestClient(t, srv.URL)

	var out pingOut
	if err := c.do(context.Background(), getRequest("/me", nil), &out); err != nil {
		t.Fatal(err)
	}
	if out.ID != "42" || srv.hits.Load() != 2 {
		t.Errorf("out %+v after %d hits", out, srv.hits.Load())
	}
	if slept, _ := clk.Slept(); slept < 7*time.Second || slept > 8*time.Second {
		t.Errorf("slept %s on the fake clock, want about 7s", slept)
	}
	b := c.RateBudget()
	if !b.Known || b.Limit != 166 || b.Remaining != 165 || !b.Reset.Equal(clk.Now().Add(10*time.Second)) {
		t.Errorf("RateBudget = %+v", b)
	}
}

func TestRateLimitWriteIsResent(t *testing.T) {
	var clk *clock.Fake
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			writeJSON(w, 429, rateLimitBody) // no headers: the default one-window wait
			return
		}
		writeJSON(w, 200, `{}`)
	})
	c, clk := newTestClient(t, srv.URL)
	if err := c.do(context.Background(), writeRequest(http.MethodPost, "/conversations/1/reply", map[string]string{"body": "hi"}), nil); err != nil {
		t.Fatal(err)
	}
	if srv.hits.Load() != 2 {
		t.Errorf("write sent %d times, want 2 (a 429 did not act)", srv.hits.Load())
	}
	if slept, _ := clk.Slept(); slept != defaultRateReset {
		t.Errorf("slept %s, want %s", slept, defaultRateReset)
	}
}

func TestRateLimitResetBeyondBound(t *testing.T) {
	var clk *clock.Fake
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		rateHeaders(w, clk, 166, 0, 2*time.Minute)
		writeJSON(w, 429, rateLimitBody)
	})
	c, clk := newTestClient(t, srv.URL)
	err := c.do(context.Background(), getRequest("/me", nil), nil)
	var rl *RateLimitError
	if !errors.As(err, &rl) {
		t.Fatalf("err = %T %v", err, err)
	}
	if rl.Limit != 166 || rl.Remaining != 0 || !rl.Reset.Equal(epoch.Add(2*time.Minute)) || rl.Err == nil || rl.Err.RequestID != "rl" {
		t.Errorf("RateLimitError = %+v", rl)
	}
	if !IsRateLimited(err) || !HasCode(err, "rate_limit_exceeded") {
		t.Error("helpers do not recognise the RateLimitError")
	}
	if slept, naps := clk.Slept(); slept != 0 || naps != 0 {
		t.Errorf("slept %s in %d naps before giving up", slept, naps)
	}
	if srv.hits.Load() != 1 {
		t.Errorf("hits = %d", srv.hits.Load())
	}
	want := "intercom: 429 rate limited: limit 166 per 10s, 0 remaining, resets at " +
		epoch.Add(2*time.Minute).UTC().Format(time.TimeOnly) + " UTC (rate_limit_exceeded: Exceeded rate limit of 166 in 10_seconds (request rl))"
	if err.Error() != want {
		t.Errorf("Error() = %q\nwant      %q", err, want)
	}
}

func TestRateLimitPersistentGivesUp(t *testing.T) {
	var clk *clock.Fake
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		rateHeaders(w, clk, 166, 0, 3*time.Second)
		writeJSON(w, 429, rateLimitBody)
	})
	c, clk := newTestClient(t, srv.URL)
	err := c.do(context.Background(), getRequest("/me", nil), nil)
	if !IsRateLimited(err) {
		t.Fatalf("err = %v", err)
	}
	if got := srv.hits.Load(); got != maxRateLimitRetries+1 {
		t.Errorf("hits = %d, want %d", got, maxRateLimitRetries+1)
	}
	if slept, _ := clk.Slept(); slept != maxRateLimitRetries*3*time.Second {
		t.Errorf("slept %s", slept)
	}
}

func TestRateLimitAdoptsServerLimit(t *testing.T) {
	var clk *clock.Fake
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		rateHeaders(w, clk, 2, 1, 10*time.Second)
		writeJSON(w, 200, `{}`)
	})
	c, clk := newTestClient(t, srv.URL)
	if got := c.rate.limiter.Limit(); got != rate.Every(10*time.Second/166) {
		t.Fatalf("default limit %v", got)
	}
	for range 6 {
		if err := c.do(context.Background(), getRequest("/me", nil), nil); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := c.rate.limiter.Limit(), rate.Every(5*time.Second); got != want {
		t.Errorf("limit %v, want %v", got, want)
	}
	if got := c.rate.limiter.Burst(); got != 1 { // a quarter of the window, at least 1
		t.Errorf("burst %d, want 1", got)
	}
	// Six requests at 2 per 10 s: the client paced itself on the fake clock.
	if slept, naps := clk.Slept(); slept < 5*time.Second || naps == 0 {
		t.Errorf("slept %s in %d naps; the adopted limit did not pace requests", slept, naps)
	}
	if b := c.RateBudget(); !b.Known || b.Limit != 2 || b.Remaining != 1 {
		t.Errorf("RateBudget = %+v", b)
	}
}

func TestRateBudgetUnknownWithoutHeaders(t *testing.T) {
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request, n int) { writeJSON(w, 200, `{}`) })
	c, _ := newTestClient(t, srv.URL)
	if err := c.do(context.Background(), getRequest("/me", nil), nil); err != nil {
		t.Fatal(err)
	}
	if b := c.RateBudget(); b.Known {
		t.Errorf("RateBudget = %+v", b)
	}
}

func TestSpentWindowWaitsBeforeSending(t *testing.T) {
	var clk *clock.Fake
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		remaining := 0
		if n > 1 {
			remaining = 100
		}
		rateHeaders(w, clk, 166, remaining, 3*time.Second)
		writeJSON(w, 200, `{}`)
	})
	c, clk := newTestClient(t, srv.URL)
	for range 2 {
		if err := c.do(context.Background(), getRequest("/me", nil), nil); err != nil {
			t.Fatal(err)
		}
	}
	if slept, _ := clk.Slept(); slept != 3*time.Second {
		t.Errorf("slept %s before the second request, want 3s (the window's reset)", slept)
	}
}

func TestRateWaitHonoursContext(t *testing.T) {
	var clk *clock.Fake
	ctx, cancel := context.WithCancel(context.Background())
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		cancel()
		rateHeaders(w, clk, 166, 0, 5*time.Second)
		writeJSON(w, 429, rateLimitBody)
	})
	c, clk := newTestClient(t, srv.URL)
	if err := c.do(ctx, getRequest("/me", nil), nil); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if srv.hits.Load() != 1 {
		t.Errorf("hits = %d", srv.hits.Load())
	}
}

// Answers of concurrent requests arrive in any order: within one window a late answer
// with a higher remaining count does not raise the budget; a new window does.
func TestRateBudgetKeepsTheLowestOfAWindow(t *testing.T) {
	var s rateState
	s.limiter = rate.NewLimiter(rate.Inf, 1)
	now := time.Unix(1_800_000_000, 0)
	h := func(remaining int, reset int64) http.Header {
		out := http.Header{}
		out.Set(headerLimit, "167")
		out.Set(headerRemaining, strconv.Itoa(remaining))
		out.Set(headerReset, strconv.FormatInt(reset, 10))
		return out
	}
	s.observe(h(150, 100), now)
	s.observe(h(148, 100), now)
	s.observe(h(149, 100), now) // the answer of an earlier request, arriving late
	if s.budget.Remaining != 148 {
		t.Fatalf("remaining %d after a late answer, want 148", s.budget.Remaining)
	}
	s.observe(h(166, 110), now) // the next window
	if s.budget.Remaining != 166 {
		t.Fatalf("remaining %d in a new window, want 166", s.budget.Remaining)
	}
}
