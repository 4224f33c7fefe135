package api

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"syscall"
	"testing"
	"time"
)

func TestGetRetriedOn500(t *testing.T) {
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n < 3 {
			writeJSON(w, 500, `{"type":"error.list","errors":[{"code":"server_error","message":"oops"}]}`)
			return
		}
		writeJSON(w, 200, `{"type":"ok","id":"3"}`)
	})
	c, clk := newTestClient(t, srv.URL)
	var out pingOut
	if err := c.do(context.Background(), getRequest("/conversations", nil), &out); err != nil {
		t.Fatal(err)
	}
	if out.ID != "3" || srv.hits.Load() != 3 {
		t.Errorf("out %+v after %d hits", out, srv.hits.Load())
	}
	if _, naps := clk.Slept(); naps != 2 {
		t.Errorf("%d backoff sleeps, want 2", naps)
	}
}

func TestGetGivesUpAfterMaxRetries(t *testing.T) {
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request, n int) { writeJSON(w, 503, `{}`) })
	c, _ := newTestClient(t, srv.URL)
	err := c.do(context.Background(), getRequest("/me", nil), nil)
	if !IsServerError(err) || statusOf(err) != 503 {
		t.Fatalf("err = %v", err)
	}
	if got := srv.hits.Load(); got != DefaultMaxRetries+1 {
		t.Errorf("hits = %d, want %d", got, DefaultMaxRetries+1)
	}
}

func TestSearchPostRetried(t *testing.T) {
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			writeJSON(w, 502, `{}`)
			return
		}
		writeJSON(w, 200, `{}`)
	})
	c, _ := newTestClient(t, srv.URL)
	if err := c.do(context.Background(), searchRequest("/conversations/search", map[string]any{"query": map[string]any{}}), nil); err != nil {
		t.Fatal(err)
	}
	if srv.hits.Load() != 2 {
		t.Errorf("hits = %d", srv.hits.Load())
	}
}

func TestWriteNotRetriedOn500(t *testing.T) {
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeJSON(w, 500, `{"type":"error.list","errors":[{"code":"server_error"}]}`)
	})
	c, clk := newTestClient(t, srv.URL)
	err := c.do(context.Background(), writeRequest(http.MethodPost, "/conversations/1/reply", map[string]string{"body": "hi"}), nil)
	if !IsServerError(err) {
		t.Fatalf("err = %v", err)
	}
	if srv.hits.Load() != 1 {
		t.Errorf("write sent %d times, want exactly 1", srv.hits.Load())
	}
	if _, naps := clk.Slept(); naps != 0 {
		t.Errorf("slept %d times", naps)
	}
}

func TestWriteRetriedWhenConnectionRefused(t *testing.T) {
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request, n int) { writeJSON(w, 200, `{"id":"p"}`) })
	d := &dialer{refuse: 2, closed: closedAddr(t)}
	c, _ := newTestClient(t, srv.URL, WithHTTPClient(d.client()))
	var out pingOut
	err := c.do(context.Background(), writeRequest(http.MethodPost, "/phone_call_redirects", map[string]string{"phone": "+353832345678"}), &out)
	if err != nil {
		t.Fatal(err)
	}
	if out.ID != "p" || d.dials.Load() != 3 || srv.hits.Load() != 1 {
		t.Errorf("out %+v, %d dials, %d hits", out, d.dials.Load(), srv.hits.Load())
	}
}

func TestWriteToClosedPortGivesUp(t *testing.T) {
	d := &dialer{refuse: 100, closed: closedAddr(t)}
	c, _ := newTestClient(t, "https://intercom.test", WithHTTPClient(d.client()))
	err := c.do(context.Background(), writeRequest(http.MethodPost, "/conversations/1/parts", map[string]string{"message_type": "close"}), nil)
	var ne *NetworkError
	if !errors.As(err, &ne) || !ne.NeverSent() || !errors.Is(err, syscall.ECONNREFUSED) {
		t.Fatalf("err = %T %v", err, err)
	}
	if got := d.dials.Load(); got != DefaultMaxRetries+1 {
		t.Errorf("dials = %d, want %d", got, DefaultMaxRetries+1)
	}
}

// cutBody promises more bytes than it sends, so the client sees the body break off.
func cutBody(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", "100")
	w.WriteHeader(200)
	_, _ = w.Write([]byte(`{"type":"ok",`))
}

func TestEOFMidBody(t *testing.T) {
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 || r.Method != http.MethodGet {
			cutBody(w)
			return
		}
		writeJSON(w, 200, `{"id":"whole"}`)
	})
	c, _ := newTestClient(t, srv.URL)
	var out pingOut
	if err := c.do(context.Background(), getRequest("/me", nil), &out); err != nil || out.ID != "whole" {
		t.Fatalf("GET: %v %+v", err, out)
	}
	if srv.hits.Load() != 2 {
		t.Errorf("GET hits = %d", srv.hits.Load())
	}

	err := c.do(context.Background(), writeRequest(http.MethodPut, "/tickets/1", map[string]bool{"open": false}), &out)
	var ne *NetworkError
	if !errors.As(err, &ne) || ne.NeverSent() {
		t.Fatalf("write: %T %v", err, err)
	}
	if srv.hits.Load() != 3 {
		t.Errorf("write reached the server %d times, want 1", srv.hits.Load()-2)
	}
}

func TestTruncatedJSONRetriedOnGet(t *testing.T) {
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			writeJSON(w, 200, `{"type":"ok","id":"x`)
			return
		}
		writeJSON(w, 200, `{"type":"ok","id":"y"}`)
	})
	c, _ := newTestClient(t, srv.URL)
	var out pingOut
	if err := c.do(context.Background(), getRequest("/me", nil), &out); err != nil {
		t.Fatal(err)
	}
	if out.ID != "y" || srv.hits.Load() != 2 {
		t.Errorf("out %+v after %d hits", out, srv.hits.Load())
	}
}

func TestWrongTypeNotRetried(t *testing.T) {
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeJSON(w, 200, `{"type":"ok","id":17,"extra":[1,2]}`)
	})
	c, _ := newTestClient(t, srv.URL)
	err := c.do(context.Background(), getRequest("/me", nil), &pingOut{})
	var de *DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("err = %T %v", err, err)
	}
	if srv.hits.Load() != 1 {
		t.Errorf("a deterministic type mismatch was retried: %d hits", srv.hits.Load())
	}
}

func TestWriteWithTruncatedBodyNotRetried(t *testing.T) {
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request, n int) { writeJSON(w, 200, `{"id":`) })
	c, _ := newTestClient(t, srv.URL)
	err := c.do(context.Background(), writeRequest(http.MethodPost, "/contacts/1/notes", map[string]string{"body": "n"}), &pingOut{})
	var de *DecodeError
	if !errors.As(err, &de) || srv.hits.Load() != 1 {
		t.Fatalf("err = %v after %d hits", err, srv.hits.Load())
	}
}

func TestContextCancelledStopsRetries(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		cancel()
		writeJSON(w, 500, `{}`)
	})
	c, _ := newTestClient(t, srv.URL)
	if err := c.do(ctx, getRequest("/me", nil), nil); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
	if srv.hits.Load() != 1 {
		t.Errorf("hits = %d", srv.hits.Load())
	}
}

func TestBackoffFullJitter(t *testing.T) {
	c, _ := newTestClient(t, "https://intercom.test", withRand(rand.New(rand.NewPCG(7, 7))))
	for retry := range 40 {
		ceil := min(backoffCap, backoffBase<<min(retry, 16))
		for range 50 {
			if d := c.backoff(retry, nil); d < 0 || d > ceil {
				t.Fatalf("retry %d: delay %s outside [0, %s]", retry, d, ceil)
			}
		}
	}
	// Same seed, same delays: runs are reproducible.
	a, _ := newTestClient(t, "https://intercom.test", withRand(rand.New(rand.NewPCG(9, 9))))
	b, _ := newTestClient(t, "https://intercom.test", withRand(rand.New(rand.NewPCG(9, 9))))
	for retry := range 5 {
		if x, y := a.backoff(retry, nil), b.backoff(retry, nil); x != y {
			t.Fatalf("seeded backoff differs: %s vs %s", x, y)
		}
	}
	// Retry-After is a floor, bounded by MaxRateWait.
	resp := &response{header: http.Header{"Retry-After": {"30"}}}
	if d := c.backoff(0, resp); d != 30*time.Second {
		t.Errorf("Retry-After 30: %s", d)
	}
	resp.header.Set("Retry-After", "3600")
	if d := c.backoff(0, resp); d != DefaultMaxRateWait {
		t.Errorf("Retry-After 3600: %s", d)
	}
}
