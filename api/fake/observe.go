package fake

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"sync"
)

// Bounds on what the workspace remembers of the traffic, so a long demo stays small.
const (
	logCap     = 1000     // requests kept by Log, the most recent
	logBodyCap = 64 << 10 // bytes of each body kept
)

// Request is one request as the client sent it, for tests to assert on.
type Request struct {
	Method string
	Path   string // URL path with the raw query, e.g. "/conversations?per_page=5"
	Body   []byte // at most 64 KiB; nil when empty
}

// observer counts and records every request that reaches the workspace, including ones
// the fault injector then answers in its place: tests assert on what the client sent.
type observer struct {
	mu       sync.Mutex
	total    int
	byRoute  map[string]int // "GET /conversations/{id}" → count
	log      []Request      // ring of the last logCap requests
	next     int            // ring write position once full
	redirect int            // POST /phone_call_redirects handled (any outcome)
	sms      []string       // phones a redirect SMS was "sent" to
}

func (o *observer) record(r *http.Request, pattern string) {
	var body []byte
	if r.Body != nil && r.Body != http.NoBody {
		// Read it all so the handler still sees the whole body, keep a bounded copy.
		data, _ := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
		_ = r.Body.Close()
		r.Body = io.NopCloser(bytes.NewReader(data))
		if len(data) > 0 {
			body = bytes.Clone(data[:min(len(data), logBodyCap)])
		}
	}
	path := r.URL.Path
	if r.URL.RawQuery != "" {
		path += "?" + r.URL.RawQuery
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	o.total++
	if o.byRoute == nil {
		o.byRoute = map[string]int{}
	}
	o.byRoute[pattern]++
	entry := Request{Method: r.Method, Path: path, Body: body}
	if len(o.log) < logCap {
		o.log = append(o.log, entry)
		return
	}
	o.log[o.next] = entry
	o.next = (o.next + 1) % logCap
}

// Requests is how many requests reached the workspace since New or ResetCounters,
// whatever their outcome (401s, faults and unknown routes included).
func (ws *Workspace) Requests() int {
	ws.obs.mu.Lock()
	defer ws.obs.mu.Unlock()
	return ws.obs.total
}

// Count is how many requests matched one route. pattern is the path template as
// registered, e.g. Count("GET", "/conversations/{id}"); unknown routes count under
// Count("", "/").
func (ws *Workspace) Count(method, pattern string) int {
	key := strings.TrimSpace(method + " " + pattern)
	ws.obs.mu.Lock()
	defer ws.obs.mu.Unlock()
	return ws.obs.byRoute[key]
}

// ResetCounters zeroes Requests, Count, Log, PhoneRedirects and SMSSent. The workspace's
// data and the rate-limit window are left alone.
func (ws *Workspace) ResetCounters() {
	ws.obs.mu.Lock()
	defer ws.obs.mu.Unlock()
	ws.obs.total, ws.obs.byRoute, ws.obs.log, ws.obs.next = 0, nil, nil, 0
	ws.obs.redirect, ws.obs.sms = 0, nil
}

// Log returns the most recent requests (up to 1000), oldest first.
func (ws *Workspace) Log() []Request {
	ws.obs.mu.Lock()
	defer ws.obs.mu.Unlock()
	out := make([]Request, 0, len(ws.obs.log))
	out = append(out, ws.obs.log[ws.obs.next:]...)
	return append(out, ws.obs.log[:ws.obs.next]...)
}

// PhoneRedirects is how many POST /phone_call_redirects requests were authenticated and
// handled, whatever the answer (200, 400, 422).
func (ws *Workspace) PhoneRedirects() int {
	ws.obs.mu.Lock()
	defer ws.obs.mu.Unlock()
	return ws.obs.redirect
}

// SMSSent lists the phone numbers a redirect SMS was sent to (200 answers), in order.
func (ws *Workspace) SMSSent() []string {
	ws.obs.mu.Lock()
	defer ws.obs.mu.Unlock()
	return append([]string(nil), ws.obs.sms...)
}
