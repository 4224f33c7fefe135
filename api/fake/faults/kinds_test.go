package faults

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/intercom-tui/intercom-tui/models"
)

var uuidLike = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func decodeErrorList(t *testing.T, body []byte) models.ErrorList {
	t.Helper()
	var el models.ErrorList
	if err := json.Unmarshal(body, &el); err != nil {
		t.Fatalf("body is not an error.list: %v\n%s", err, body)
	}
	if el.Type != "error.list" || len(el.Errors) != 1 || !uuidLike.MatchString(el.RequestID) {
		t.Fatalf("malformed error.list: %+v", el)
	}
	return el
}

func TestPassThrough(t *testing.T) {
	f := newFixture(t, "status@/contacts")
	resp, body := f.mustDo(t, http.MethodGet, "/conversations")
	if resp.StatusCode != 200 || resp.Header.Get(FaultHeader) != "" || !json.Valid(body) {
		t.Fatalf("untouched request changed: %d %q %s", resp.StatusCode, resp.Header.Get(FaultHeader), body)
	}
	if f.be.calls.Load() != 1 || f.in.Requests() != 1 {
		t.Fatalf("backend calls %d, requests %d", f.be.calls.Load(), f.in.Requests())
	}
}

func TestRateLimit(t *testing.T) {
	f := newFixture(t, "rate_limit@/conversations/*; rate_limit=50/30s@/contacts")

	resp, body := f.mustDo(t, http.MethodGet, "/conversations/1")
	if resp.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("status %d", resp.StatusCode)
	}
	// t0 is 10:00:03.25, so the window ends at 10:00:10.
	want := map[string]string{
		"X-RateLimit-Limit":     "167",
		"X-RateLimit-Remaining": "0",
		"X-RateLimit-Reset":     strconv.FormatInt(time.Date(2025, 3, 4, 10, 0, 10, 0, time.UTC).Unix(), 10),
		"Content-Type":          "application/json; charset=utf-8",
		FaultHeader:             "rate_limit",
	}
	for k, v := range want {
		if got := resp.Header.Get(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
	el := decodeErrorList(t, body)
	if e := el.Errors[0]; e.Code != "rate_limit_exceeded" || e.Message != "Exceeded rate limit of 167 in 10_seconds" {
		t.Errorf("error %+v", e)
	}

	// The reset follows the clock: 7 s later we are in the next window.
	f.clock.Advance(7 * time.Second)
	resp, _ = f.mustDo(t, http.MethodGet, "/conversations/1")
	if got, want := resp.Header.Get("X-RateLimit-Reset"), t0.Unix()-3+20; got != strconv.FormatInt(want, 10) {
		t.Errorf("reset after advance = %s, want %d", got, want)
	}

	// Custom limit and reset-after: now (10:00:10.25) + 30 s, rounded up.
	resp, body = f.mustDo(t, http.MethodGet, "/contacts")
	if got, want := resp.Header.Get("X-RateLimit-Reset"), t0.Add(7*time.Second+30*time.Second).Unix()+1; got != strconv.FormatInt(want, 10) {
		t.Errorf("custom reset = %s, want %d", got, want)
	}
	if resp.Header.Get("X-RateLimit-Limit") != "50" || decodeErrorList(t, body).Errors[0].Message != "Exceeded rate limit of 50 in 10_seconds" {
		t.Errorf("custom limit not applied: %v %s", resp.Header, body)
	}
	if f.be.calls.Load() != 0 {
		t.Errorf("a rate-limited request reached the backend")
	}
}

func TestErrorListStatuses(t *testing.T) {
	cases := []struct {
		spec   string
		status int
		code   string
		msg    string
	}{
		{"status@*", 500, "server_error", "Internal Server Error"},
		{"status=502@*", 502, "bad_gateway", "Bad Gateway"},
		{"status=503@*", 503, "service_unavailable", "Service Unavailable"},
		{"status=404@*", 404, "not_found", "Resource Not Found"},
		{"status=507@*", 507, "server_error", "Insufficient Storage"},
		{"status=418@*", 418, "bad_request", "I'm a teapot"},
		{"unauthorized@*", 401, "unauthorized", "Access Token Invalid"},
	}
	for _, c := range cases {
		t.Run(c.spec, func(t *testing.T) {
			f := newFixture(t, c.spec)
			resp, body := f.mustDo(t, http.MethodPost, "/conversations/1/reply")
			if resp.StatusCode != c.status {
				t.Fatalf("status %d, want %d", resp.StatusCode, c.status)
			}
			if e := decodeErrorList(t, body).Errors[0]; e.Code != c.code || e.Message != c.msg {
				t.Errorf("error %+v, want %s %q", e, c.code, c.msg)
			}
			if f.be.calls.Load() != 0 {
				t.Errorf("the failed reply reached the backend")
			}
		})
	}
}

func TestHTMLPage(t *testing.T) {
	f := newFixture(t, "html@/articles; html=504@/tickets")
	resp, body := f.mustDo(t, http.MethodGet, "/articles")
	if resp.StatusCode != 502 || resp.Header.Get("Content-Type") != "text/html" {
		t.Fatalf("got %d %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if !bytes.Contains(body, []byte("<title>502 Bad Gateway</title>")) {
		t.Errorf("body %s", body)
	}
	if json.Valid(body) {
		t.Error("an HTML page decoded as JSON")
	}
	resp, body = f.mustDo(t, http.MethodGet, "/tickets")
	if resp.StatusCode != 504 || !bytes.Contains(body, []byte("504 Gateway Timeout")) {
		t.Errorf("got %d %s", resp.StatusCode, body)
	}
}

func TestGarbage(t *testing.T) {
	f := newFixture(t, "garbage@*")
	resp, body := f.mustDo(t, http.MethodGet, "/me")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		t.Fatalf("got %d %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	var v any
	var syn *json.SyntaxError
	if err := json.Unmarshal(body, &v); !errors.As(err, &syn) {
		t.Errorf("decode error = %v, want a syntax error", err)
	}
}

func TestTruncate(t *testing.T) {
	f := newFixture(t, "truncate@/articles; truncate=0.99@/tickets")
	for _, path := range []string{"/articles", "/tickets"} {
		resp, body := f.mustDo(t, http.MethodGet, path)
		full, _ := json.Marshal(backendBody(&http.Request{Method: "GET", URL: resp.Request.URL}))
		if resp.StatusCode != 200 || resp.Header.Get("X-Backend") != "yes" || resp.Header.Get(FaultHeader) != "truncate" {
			t.Fatalf("%s: got %d %v", path, resp.StatusCode, resp.Header)
		}
		if len(body) == 0 || len(body) >= len(full) || !bytes.HasPrefix(full, body) {
			t.Fatalf("%s: body is not a proper prefix of the real one (%d of %d bytes)", path, len(body), len(full))
		}
		var v any
		if err := json.Unmarshal(body, &v); err == nil {
			t.Errorf("%s: truncated body still decodes", path)
		}
		// The stream decoder a client would use sees the cut as an unexpected EOF.
		if err := json.NewDecoder(bytes.NewReader(body)).Decode(&v); !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Errorf("%s: stream decode error = %v, want unexpected EOF", path, err)
		}
	}
	if f.be.calls.Load() != 2 {
		t.Errorf("backend calls = %d, want 2 (truncate answers with the real response)", f.be.calls.Load())
	}
}

func TestResetMidBody(t *testing.T) {
	f := newFixture(t, "reset@POST /conversations/*/reply; reset=0.2@/articles")
	for _, path := range []string{"/conversations/9/reply", "/articles"} {
		method := http.MethodPost
		if path == "/articles" {
			method = http.MethodGet
		}
		resp, body, err := f.do(t, method, path)
		if resp == nil {
			t.Fatalf("%s: no response at all (%v); reset must send headers first", path, err)
		}
		if !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Fatalf("%s: reading the body gave %v, want unexpected EOF", path, err)
		}
		full, _ := json.Marshal(backendBody(&http.Request{Method: method, URL: resp.Request.URL}))
		if resp.StatusCode != 200 || len(body) == 0 || !bytes.HasPrefix(full, body) || len(body) >= len(full) {
			t.Errorf("%s: got %d and %d bytes, want 200 and part of %d", path, resp.StatusCode, len(body), len(full))
		}
	}
	// The reply was posted even though the client saw a failure.
	if f.be.calls.Load() != 2 {
		t.Errorf("backend calls = %d, want 2", f.be.calls.Load())
	}
}

// TestResetWithoutHijack covers the fallback: over HTTP/2 there is no Hijack, and the
// injector resets the stream with http.ErrAbortHandler after flushing part of the body.
func TestResetWithoutHijack(t *testing.T) {
	in := New(nil, 1)
	if err := in.Add(Rule{Kind: Refuse, Pattern: "/refuse"}, Rule{Kind: Reset, Pattern: "*"}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(in.Wrap(&backend{}))
	srv.EnableHTTP2 = true
	srv.StartTLS()
	defer srv.Close()
	c := srv.Client()

	resp, err := c.Get(srv.URL + "/articles")
	if err != nil {
		t.Fatal(err)
	}
	if resp.ProtoMajor != 2 {
		t.Fatalf("proto %s, want HTTP/2", resp.Proto)
	}
	_, err = io.ReadAll(resp.Body)
	resp.Body.Close()
	if err == nil {
		t.Error("the body read to the end although the stream was reset")
	}
	if resp, err := c.Get(srv.URL + "/refuse"); err == nil {
		resp.Body.Close()
		t.Errorf("refuse over HTTP/2 answered %d", resp.StatusCode)
	}
}

func TestRefuse(t *testing.T) {
	f := newFixture(t, "refuse@POST /conversations/*/reply")
	resp, _, err := f.do(t, http.MethodPost, "/conversations/1/reply")
	if err == nil || resp != nil {
		t.Fatalf("got response %v, err %v; want an error and no response", resp, err)
	}
	if !errors.Is(err, io.EOF) && !strings.Contains(err.Error(), "connection reset") {
		t.Errorf("err = %v, want EOF or connection reset", err)
	}
	if f.be.calls.Load() != 0 {
		t.Errorf("a refused request reached the backend")
	}
	// Other methods on the same path pass.
	if resp, _ := f.mustDo(t, http.MethodGet, "/conversations/1/reply"); resp.StatusCode != 200 {
		t.Errorf("GET got %d", resp.StatusCode)
	}
}

// TestResetEdgeCases: a bodiless answer (HEAD, 204) cannot be cut, so reset hangs up
// before answering; an empty 200 is promised one byte that never comes.
func TestResetEdgeCases(t *testing.T) {
	in := New(nil, 1)
	if err := in.Add(Rule{Kind: Reset, Pattern: "*"}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(in.Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/nocontent" {
			w.WriteHeader(http.StatusNoContent)
		}
	})))
	defer srv.Close()
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}

	for _, req := range []struct{ method, path string }{{"HEAD", "/x"}, {"DELETE", "/nocontent"}} {
		r, _ := http.NewRequest(req.method, srv.URL+req.path, nil)
		if resp, err := c.Do(r); err == nil {
			resp.Body.Close()
			t.Errorf("%s %s answered %d", req.method, req.path, resp.StatusCode)
		}
	}
	resp, err := c.Get(srv.URL + "/empty")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if _, err := io.ReadAll(resp.Body); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("empty body read gave %v, want unexpected EOF", err)
	}
}

// opaque hides the server's ResponseWriter the way a careless logging middleware would:
// no Unwrap, so neither Flush nor Hijack can reach the connection.
type opaque struct{ http.ResponseWriter }

// TestResetThroughOpaqueWrapper: with Hijack out of reach, the http.ErrAbortHandler
// fallback still leaves the client with an error, never a clean response.
func TestResetThroughOpaqueWrapper(t *testing.T) {
	in := New(nil, 1)
	if err := in.Add(Rule{Kind: Refuse, Pattern: "/refuse"}, Rule{Kind: Reset, Pattern: "*"}); err != nil {
		t.Fatal(err)
	}
	h := in.Wrap(&backend{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(opaque{w}, r)
	}))
	defer srv.Close()
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	for _, path := range []string{"/articles", "/refuse"} {
		resp, err := c.Get(srv.URL + path)
		if err != nil {
			continue // dropped before the headers: fine
		}
		_, err = io.ReadAll(resp.Body)
		resp.Body.Close()
		if err == nil {
			t.Errorf("%s: clean %d response through an opaque wrapper", path, resp.StatusCode)
		}
	}
}
