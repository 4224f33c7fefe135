package fake

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// API versions. The spec's Intercom-Version enum lists 1.0 … 2.9 and defaults to the
// app's version, which for this workspace is 2.9. 2.10 is accepted where the TUI uses
// it: POST /tickets/search, which does not exist in 2.9.
const (
	version29  = "2.9"
	version210 = "2.10"
)

var knownVersions = []string{"1.0", "1.1", "1.2", "1.3", "1.4", "2.0", "2.1", "2.2", "2.3",
	"2.4", "2.5", "2.6", "2.7", "2.8", "2.9", "2.10"}

// Rate limiting, after Intercom's documentation: 1000 requests a minute spread over
// 10-second windows, i.e. 167 per window, announced in X-RateLimit-* headers on every
// authenticated answer.
const (
	DefaultRateLimit = 167
	rateWindow       = 10 * time.Second
)

// rateLimiter counts requests in the current epoch-aligned 10-second window.
type rateLimiter struct {
	mu    sync.Mutex
	end   int64 // epoch seconds the current window ends
	count int
}

// take counts one request at now and returns the remaining allowance and the window end.
func (l *rateLimiter) take(now time.Time, limit int) (remaining int, reset int64, over bool) {
	w := int64(rateWindow / time.Second)
	s := now.Unix()
	end := s - ((s%w)+w)%w + w
	l.mu.Lock()
	defer l.mu.Unlock()
	if end != l.end {
		l.end, l.count = end, 0
	}
	l.count++
	return max(limit-l.count, 0), end, l.count > limit
}

// observe is the outermost layer: it counts and logs the request before anything (the
// fault injector included) can answer it.
func (ws *Workspace) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, pattern := ws.mux.Handler(r)
		ws.obs.record(r, pattern)
		next.ServeHTTP(w, r)
	})
}

// gate does what Intercom does before routing: it names the request, checks the token,
// counts it against the rate limit and checks the API version.
func (ws *Workspace) gate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := newRequestID(ws.opts.Seed, ws.reqSeq.Add(1))
		w.Header().Set("X-Request-Id", id)
		r = r.WithContext(context.WithValue(r.Context(), requestIDKey, id))

		if !ws.authorized(r) {
			writeError(w, r, &apiError{status: http.StatusUnauthorized, code: codeUnauthorized, msg: msgUnauthorized})
			return
		}
		remaining, reset, over := ws.limiter.take(ws.clock.Now(), ws.opts.RateLimit)
		h := w.Header()
		h.Set("X-RateLimit-Limit", strconv.Itoa(ws.opts.RateLimit))
		h.Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
		h.Set("X-RateLimit-Reset", strconv.FormatInt(reset, 10))
		if over && ws.opts.EnforceRateLimit {
			writeError(w, r, &apiError{status: http.StatusTooManyRequests, code: codeRateLimited,
				msg: fmt.Sprintf("Exceeded rate limit of %d in 10_seconds", ws.opts.RateLimit)})
			return
		}
		if err := checkVersion(r); err != nil {
			writeError(w, r, err)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// authorized accepts exactly "Bearer <token>" (the scheme in any case).
func (ws *Workspace) authorized(r *http.Request) bool {
	scheme, tok, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	return ok && strings.EqualFold(scheme, "Bearer") && tok == ws.opts.Token
}

// checkVersion applies Intercom-Version: a missing header means the app's version (2.9).
// Versions other than 2.9 are refused, since the fake answers in 2.9 shapes only, except
// 2.10 on ticket search, which 2.9 lacks.
func checkVersion(r *http.Request) *apiError {
	v := strings.TrimSpace(r.Header.Get("Intercom-Version"))
	ticketSearch := r.Method == http.MethodPost && r.URL.Path == "/tickets/search"
	bad := func(msg string) *apiError {
		return &apiError{status: http.StatusBadRequest, code: codeVersionInvalid, msg: msg, field: "Intercom-Version"}
	}
	switch {
	case ticketSearch && v == version210:
		return nil
	case ticketSearch && (v == "" || v == version29):
		return bad("Requested resource is not available in current API version (send Intercom-Version: 2.10)")
	case v == "" || v == version29:
		return nil
	case slices.Contains(knownVersions, v):
		return bad(fmt.Sprintf("Intercom-Version %s is not served by this workspace, which speaks 2.9", v))
	default:
		return bad(fmt.Sprintf("Intercom-Version %q is not a valid API version", v))
	}
}
