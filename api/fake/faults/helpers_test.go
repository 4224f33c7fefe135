package faults

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/intercom-tui/intercom-tui/clock"
)

// t0 is 3.25 s into a 10-second window, so the default rate-limit reset (end of window)
// differs from both "now" and "now + 10 s".
var t0 = time.Date(2025, 3, 4, 10, 0, 3, 250_000_000, time.UTC)

// backend stands in for api/fake: a JSON list long enough to cut, and a count of the
// requests that reached it (did the "write" happen?).
type backend struct{ calls atomic.Int64 }

func (b *backend) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b.calls.Add(1)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Backend", "yes")
	_ = json.NewEncoder(w).Encode(backendBody(r))
}

func backendBody(r *http.Request) map[string]any {
	data := make([]map[string]string, 20)
	for i := range data {
		data[i] = map[string]string{"type": "conversation", "id": fmt.Sprint(i), "title": "Refund request"}
	}
	return map[string]any{"type": "conversation.list", "method": r.Method, "path": r.URL.Path, "data": data}
}

type fixture struct {
	in    *Injector
	clock *clock.Fake
	be    *backend
	srv   *httptest.Server
	c     *http.Client
}

// newFixture serves a backend behind an injector with the given spec on a real listener.
// Keep-alives are off: Go's transport silently retries an idempotent request whose reused
// connection dies, which would hide refuse and reset faults behind a second request.
func newFixture(t *testing.T, spec string) *fixture {
	t.Helper()
	rules, err := ParseSpec(spec)
	if err != nil {
		t.Fatalf("ParseSpec(%q): %v", spec, err)
	}
	f := &fixture{clock: clock.NewFake(t0), be: &backend{}}
	f.in = New(f.clock, 1)
	if err := f.in.Add(rules...); err != nil {
		t.Fatal(err)
	}
	f.srv = httptest.NewServer(f.in.Wrap(f.be))
	t.Cleanup(f.srv.Close)
	tr := &http.Transport{DisableKeepAlives: true}
	t.Cleanup(tr.CloseIdleConnections)
	f.c = &http.Client{Transport: tr, Timeout: 10 * time.Second}
	return f
}

func (f *fixture) do(t *testing.T, method, path string) (*http.Response, []byte, error) {
	t.Helper()
	req, err := http.NewRequest(method, f.srv.URL+path, strings.NewReader(`{"body":"hi"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := f.c.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp, body, err
}

// mustDo is do for requests expected to arrive whole.
func (f *fixture) mustDo(t *testing.T, method, path string) (*http.Response, []byte) {
	t.Helper()
	resp, body, err := f.do(t, method, path)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	return resp, body
}

// statuses sends n GETs to path and returns the status codes seen.
func (f *fixture) statuses(t *testing.T, path string, n int) []int {
	t.Helper()
	out := make([]int, n)
	for i := range out {
		resp, _ := f.mustDo(t, http.MethodGet, path)
		out[i] = resp.StatusCode
	}
	return out
}
