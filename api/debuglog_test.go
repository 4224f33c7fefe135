package api

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// A session with a retry, a 429 wait and a revoked token (whose 401 page echoes the
// Authorization header back) leaves every attempt in the debug file, and neither the
// token nor the word "Bearer" anywhere in it.
func TestDebugLogRecordsAttemptsWithoutTheToken(t *testing.T) {
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		w.Header().Set("X-RateLimit-Limit", "167")
		w.Header().Set("X-RateLimit-Remaining", strconv.Itoa(167-n))
		w.Header().Set("X-RateLimit-Reset", strconv.FormatInt(epoch.Unix()+10, 10))
		switch n {
		case 1:
			writeJSON(w, 503, `{}`)
		case 2:
			writeJSON(w, 200, `{"type":"list"}`)
		case 3:
			w.Header().Set("X-RateLimit-Remaining", "0")
			writeJSON(w, 429, `{"type":"error.list","errors":[{"code":"rate_limit_exceeded","message":"slow down"}]}`)
		case 4:
			writeJSON(w, 200, `{"type":"admin","id":"1"}`)
		default:
			writeJSON(w, 401, `{"type":"error.list","errors":[{"code":"unauthorized","message":"token `+
				strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")+` revoked; got `+r.Header.Get("Authorization")+`"}]}`)
		}
	})
	path := filepath.Join(t.TempDir(), "debug.log")
	log, closer, err := OpenDebugLog(path)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := newTestClient(t, srv.URL, WithDebugLog(log))
	ctx := context.Background()
	if err := c.do(ctx, getRequest("/contacts", url.Values{"email": {"ann@example.com"}}), nil); err != nil {
		t.Fatal(err)
	}
	if err := c.do(ctx, getRequest("/me", nil), nil); err != nil {
		t.Fatal(err)
	}
	err = c.do(ctx, getRequest("/me", nil), nil)
	if !IsUnauthorized(err) {
		t.Fatalf("want a 401, got %v", err)
	}
	// Anything else logged through the client is scrubbed too.
	c.log.Info("by hand "+testToken, "err", errors.New("Bearer "+testToken), "s", "bearer "+testToken)
	closer.Close()

	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	if strings.Contains(text, testToken) || strings.Contains(strings.ToLower(text), "bearer") {
		t.Fatalf("the token or a bearer header reached the log:\n%s", text)
	}
	for _, want := range []string{
		`method=GET path="/contacts?email=ann%40example.com" status=503`,
		`attempt=1 X-RateLimit-Limit=167 X-RateLimit-Remaining=166 X-RateLimit-Reset=` + strconv.FormatInt(epoch.Unix()+10, 10),
		`path="/contacts?email=ann%40example.com" status=200`,
		`attempt=2`,
		`msg="intercom retrying"`,
		`path=/me status=429`,
		`msg="intercom rate limited; waiting"`,
		`path=/me status=401`,
		`duration=`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the log lacks %q:\n%s", want, text)
		}
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("debug log mode %v, %v", fi.Mode(), err)
	}
}

func TestDebugLogJSONAndPrivateWhenReopened(t *testing.T) {
	path := filepath.Join(t.TempDir(), "debug.json")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	log, closer, err := OpenDebugLog(path)
	if err != nil {
		t.Fatal(err)
	}
	log.Debug("x", "k", 1)
	closer.Close()
	data, _ := os.ReadFile(path)
	if !bytes.HasPrefix(data, []byte(`{"time":`)) {
		t.Fatalf("not JSON: %s", data)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Fatalf("an existing log kept mode %v", fi.Mode())
	}
}

// WithLogger (a shared log) keeps query strings out; only the user's debug file has them.
func TestPlainLoggerOmitsQuery(t *testing.T) {
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request, n int) { writeJSON(w, 200, `{}`) })
	var buf bytes.Buffer
	c, _ := newTestClient(t, srv.URL, WithLogger(slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	if err := c.do(context.Background(), getRequest("/contacts", url.Values{"email": {"ann@example.com"}}), nil); err != nil {
		t.Fatal(err)
	}
	if s := buf.String(); !strings.Contains(s, "path=/contacts ") || strings.Contains(s, "ann") {
		t.Fatalf("got %s", s)
	}
}
