package api

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestHeadersOnEveryRequest(t *testing.T) {
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeJSON(w, 200, `{"type":"ok","id":"1"}`)
	})
	c, _ := newTestClient(t, srv.URL, WithUserAgent("intercom-tui/test"))
	ctx := context.Background()

	var out pingOut
	if err := c.do(ctx, getRequest("/me", url.Values{"x": {"a b"}}), &out); err != nil {
		t.Fatal(err)
	}
	if out.ID != "1" {
		t.Fatalf("decoded %+v", out)
	}
	if err := c.do(ctx, writeRequest(http.MethodPost, pathf("/conversations/%s/reply", "7"), map[string]string{"body": "<p>hi & bye</p>"}), nil); err != nil {
		t.Fatal(err)
	}
	search := searchRequest("/tickets/search", map[string]any{"query": map[string]any{}}).withVersion(TicketSearchVersion)
	if err := c.do(ctx, search, nil); err != nil {
		t.Fatal(err)
	}

	reqs := srv.requests()
	if len(reqs) != 3 {
		t.Fatalf("server saw %d requests", len(reqs))
	}
	wantVersion := []string{"2.9", "2.9", "2.10"}
	wantCT := []string{"", "application/json", "application/json"}
	for i, r := range reqs {
		if got := r.Header.Get("Authorization"); got != "Bearer "+testToken {
			t.Errorf("req %d Authorization = %q", i, got)
		}
		if got := r.Header.Get("Accept"); got != "application/json" {
			t.Errorf("req %d Accept = %q", i, got)
		}
		if got := r.Header.Get("Intercom-Version"); got != wantVersion[i] {
			t.Errorf("req %d Intercom-Version = %q, want %q", i, got, wantVersion[i])
		}
		if got := r.Header.Get("User-Agent"); got != "intercom-tui/test" {
			t.Errorf("req %d User-Agent = %q", i, got)
		}
		if got := r.Header.Get("Content-Type"); got != wantCT[i] {
			t.Errorf("req %d Content-Type = %q, want %q", i, got, wantCT[i])
		}
	}
	if reqs[0].URL.RawQuery != "x=a+b" {
		t.Errorf("query = %q", reqs[0].URL.RawQuery)
	}
	if reqs[1].URL.Path != "/conversations/7/reply" || reqs[1].Method != http.MethodPost {
		t.Errorf("write went to %s %s", reqs[1].Method, reqs[1].URL.Path)
	}
	if got := string(srv.body[1]); got != `{"body":"<p>hi & bye</p>"}` {
		t.Errorf("body = %s", got)
	}
}

func TestDefaultUserAgent(t *testing.T) {
	c, err := New(WithToken("t"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(c.userAgent, "intercom-tui/") {
		t.Errorf("User-Agent = %q", c.userAgent)
	}
}

func TestRegions(t *testing.T) {
	for in, want := range map[string]string{
		"us": "https://api.intercom.io", " EU ": "https://api.eu.intercom.io", "au": "https://api.au.intercom.io",
	} {
		r, err := ParseRegion(in)
		if err != nil {
			t.Fatalf("ParseRegion(%q): %v", in, err)
		}
		c, err := New(WithToken("t"), WithRegion(r))
		if err != nil {
			t.Fatal(err)
		}
		if c.BaseURL() != want || c.Region() != r {
			t.Errorf("region %q: base %q region %q", in, c.BaseURL(), c.Region())
		}
	}
	if _, err := ParseRegion("mars"); err == nil || !strings.Contains(err.Error(), "us, eu or au") {
		t.Errorf("ParseRegion(mars) = %v", err)
	}
	if _, err := New(WithToken("t"), WithRegion("xx")); err == nil {
		t.Error("WithRegion(xx) accepted")
	}
	c, _ := New(WithToken("t"))
	if c.Region() != RegionUS || c.BaseURL() != "https://api.intercom.io" {
		t.Errorf("default region %q %q", c.Region(), c.BaseURL())
	}
}

func TestBaseURLOverride(t *testing.T) {
	c, err := New(WithToken("t"), WithRegion(RegionEU), WithBaseURL("http://127.0.0.1:9999/proxy/"))
	if err != nil {
		t.Fatal(err)
	}
	if c.BaseURL() != "http://127.0.0.1:9999/proxy" || c.Region() != RegionEU {
		t.Errorf("base %q region %q", c.BaseURL(), c.Region())
	}
	for _, bad := range []string{"", "api.intercom.io", "ftp://x", "http://", "http://u:secretpw@h", "http://h/?q=1", "http://h/#f", "http://[::1"} {
		_, err := New(WithToken("t"), WithBaseURL(bad))
		if err == nil {
			t.Errorf("WithBaseURL(%q) accepted", bad)
		} else if strings.Contains(err.Error(), "secretpw") {
			t.Errorf("error echoes credentials: %v", err)
		}
	}
}

func TestNewValidation(t *testing.T) {
	if _, err := New(); err == nil {
		t.Error("no token accepted")
	}
	c, err := New(WithToken("  abc\n"))
	if err != nil || c.token != "abc" {
		t.Errorf("trimmed token: %v %q", err, c.token)
	}
	_, err = New(WithToken("abc\r\nX-Evil: " + testToken))
	if err == nil || strings.Contains(err.Error(), testToken) {
		t.Errorf("bad token: %v", err)
	}
	for _, opt := range []Option{WithMaxRetries(-1), WithMaxRateWait(-1), WithHTTPClient(nil), WithClock(nil), WithLogger(nil), WithUserAgent("a\nb")} {
		if _, err := New(WithToken("t"), opt); err == nil {
			t.Error("invalid option accepted")
		}
	}
}

func TestPathEscapingAndChecks(t *testing.T) {
	if got := pathf("/contacts/%s/tags/%s", "a/b?c", 42); got != "/contacts/a%2Fb%3Fc/tags/42" {
		t.Errorf("pathf = %q", got)
	}
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request, n int) { writeJSON(w, 200, `{}`) })
	c, _ := newTestClient(t, srv.URL)
	for _, p := range []string{pathf("/contacts/%s", ""), pathf("/contacts/%s/notes", ".."), "contacts", "/a?b", pathf("/tags/%s", ".")} {
		if err := c.do(context.Background(), getRequest(p, nil), nil); err == nil {
			t.Errorf("path %q accepted", p)
		}
	}
	if srv.hits.Load() != 0 {
		t.Errorf("bad paths reached the server %d times", srv.hits.Load())
	}
	if err := c.do(context.Background(), getRequest(pathf("/contacts/%s", "a/b"), nil), nil); err != nil {
		t.Fatal(err)
	}
	if got := srv.requests()[0].URL.EscapedPath(); got != "/contacts/a%2Fb" {
		t.Errorf("escaped path sent as %q", got)
	}
}

func TestLoggerNeverLogsToken(t *testing.T) {
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		w.Header().Set(headerLimit, "166")
		w.Header().Set(headerRemaining, "165")
		if n == 1 {
			writeJSON(w, 401, `{"type":"error.list","errors":[{"code":"unauthorized","message":"bad `+r.Header.Get("Authorization")+`"}]}`)
			return
		}
		writeJSON(w, 200, `{}`)
	})
	var buf bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c, _ := newTestClient(t, srv.URL, WithLogger(logger))
	_ = c.do(context.Background(), getRequest("/me", url.Values{"email": {"a@b.c"}}), nil)
	_ = c.do(context.Background(), getRequest("/admins", nil), nil)
	log := buf.String()
	if strings.Contains(log, testToken) || strings.Contains(log, "a@b.c") {
		t.Fatalf("log leaks token or query:\n%s", log)
	}
	for _, want := range []string{"method=GET", "path=/me", "status=401", "status=200", "duration=", "X-RateLimit-Limit=166", "X-RateLimit-Remaining=165"} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
}
