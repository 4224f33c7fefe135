package conversations

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/api/fake/spectest"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// Questions tests ask of the harness: overlays, toasts, the server's state, rows,
// searches sent, and the writes recorded on the wire.

// top is the overlay on top, or nil.
func (h *harness) top() shared.Overlay {
	if n := len(h.stack); n > 0 {
		return h.stack[n-1]
	}
	return nil
}

// toasted reports a toast containing all of the parts.
func (h *harness) toasted(parts ...string) bool {
	for _, ts := range h.toasts {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(ts.Text, p)
		}
		if all {
			return true
		}
	}
	return false
}

// server reads the conversation back through the api: what the fake now holds.
func (h *harness) server(id string) models.Conversation {
	h.t.Helper()
	c, err := h.client.Conversation(context.Background(), id)
	if err != nil {
		h.t.Fatal(err)
	}
	return *c
}

// row is the pane's list copy of the conversation.
func (h *harness) row(id string) *convRow {
	h.t.Helper()
	for _, v := range h.p.views {
		if i, ok := v.list.index[id]; ok {
			return &v.list.rows[i]
		}
	}
	h.t.Fatalf("%s is not listed", id)
	return nil
}

// firstWhere moves the cursor of the active view to the first row c satisfies, loading
// pages as needed, and returns its id.
func (h *harness) firstWhere(what string, ok func(c *models.Conversation) bool) string {
	h.t.Helper()
	for range 20 {
		v := h.p.activeView()
		for i := range v.list.len() {
			if c := v.list.at(i).conv; c != nil && ok(c) {
				v.list.moveTo(i, h.p.listHeight())
				return string(c.ID)
			}
		}
		if v.next == "" {
			break
		}
		h.press("G")
	}
	h.t.Fatalf("no listed conversation is %s", what)
	return ""
}

// listedIDs are the shown rows' ids.
func listedIDs(p Pane) []string {
	v := p.activeView()
	out := make([]string, v.list.len())
	for i := range out {
		out[i] = v.list.at(i).id
	}
	return out
}

func cursorID(p Pane) string {
	if r := p.activeView().list.selected(); r != nil {
		return r.id
	}
	return ""
}

// checkViewSize fails unless the view is exactly width × height cells.
func checkViewSize(t testing.TB, view string, width, height int) {
	t.Helper()
	if width == 0 || height == 0 {
		if view != "" {
			t.Fatalf("%dx%d: want an empty view, got %q", width, height, view)
		}
		return
	}
	lines := strings.Split(view, "\n")
	if len(lines) != height {
		t.Fatalf("%dx%d: %d lines", width, height, len(lines))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w != width {
			t.Fatalf("%dx%d: line %d is %d wide: %q", width, height, i, w, ansi.Strip(l))
		}
	}
}

// Searches.

// searches is how many conversation searches reached the fake.
func (h *harness) searches() int { return h.ws.Count("POST", "/conversations/search") }

// lastSearch is the body of the latest conversation search.
func (h *harness) lastSearch() searchRequestBody {
	h.t.Helper()
	log := h.ws.Log()
	for i := len(log) - 1; i >= 0; i-- {
		if log[i].Method == "POST" && strings.HasPrefix(log[i].Path, "/conversations/search") {
			var b searchRequestBody
			if err := json.Unmarshal(log[i].Body, &b); err != nil {
				h.t.Fatal(err)
			}
			return b
		}
	}
	h.t.Fatal("no conversation search was sent")
	return searchRequestBody{}
}

type searchRequestBody struct {
	Query      json.RawMessage `json:"query"`
	Pagination struct {
		PerPage       int    `json:"per_page"`
		StartingAfter string `json:"starting_after"`
	} `json:"pagination"`
}

// all pages through the search to the end, straight through the client.
func (h *harness) all(q models.Query) []models.Conversation {
	h.t.Helper()
	out, err := api.All(context.Background(), func(ctx context.Context, cursor string) (api.Page[models.Conversation], error) {
		return h.client.SearchConversations(ctx, q, 150, cursor)
	})
	if err != nil {
		h.t.Fatal(err)
	}
	return out
}

// Recorded traffic (opts.record) and the 2.9 spec.

// exchange is one request and its answer, as the client sent and received them.
type exchange struct {
	req    *http.Request
	body   []byte
	status int
	header http.Header
	resp   []byte
}

// recorder is the api client's transport: it keeps a copy of every exchange.
type recorder struct {
	h    *harness
	base http.RoundTripper
}

func (r recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		body, _ = io.ReadAll(req.Body)
		_ = req.Body.Close()
		req.Body = io.NopCloser(bytes.NewReader(body))
	}
	resp, err := r.base.RoundTrip(req)
	x := exchange{req: req.Clone(context.Background()), body: body}
	if err == nil {
		data, _ := io.ReadAll(resp.Body)
		_ = resp.Body.Close()
		resp.Body = io.NopCloser(bytes.NewReader(data))
		x.status, x.header, x.resp = resp.StatusCode, resp.Header.Clone(), data
	}
	r.h.mu.Lock()
	r.h.traffic = append(r.h.traffic, x)
	r.h.mu.Unlock()
	return resp, err
}

// exchanges are the recorded exchanges that keep says to.
func (h *harness) exchanges(keep func(exchange) bool) []exchange {
	h.t.Helper()
	if !h.opts.record {
		h.t.Fatal("the harness records no traffic: set harnessOpts.record")
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []exchange
	for _, x := range h.traffic {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

// writes are the recorded requests that change something (not GETs, not searches).
func (h *harness) writes() []exchange {
	h.t.Helper()
	return h.exchanges(func(x exchange) bool {
		return x.req.Method != http.MethodGet && x.req.URL.Path != "/conversations/search"
	})
}

// spec is the 2.9 spec's validator for the fake's address.
func (h *harness) spec() *spectest.Validator {
	h.t.Helper()
	if h.v == nil {
		h.v = spectest.NewValidator(h.t, "2.9", h.srv.URL)
	}
	return h.v
}

// oneWrite checks that exactly one write was sent, to method and a path matching the
// route template, and that the request (and the answer, when it succeeded) validate
// against the 2.9 spec's operation; it returns the body as a map.
func (h *harness) oneWrite(method, route string) map[string]any {
	h.t.Helper()
	ws := h.writes()
	if len(ws) != 1 {
		var seen []string
		for _, x := range ws {
			seen = append(seen, x.req.Method+" "+x.req.URL.Path+" "+string(x.body))
		}
		h.t.Fatalf("%d writes, want exactly one %s %s: %v", len(ws), method, route, seen)
	}
	return h.checkWrite(ws[0], method, route)
}

// checkWrite validates one write exchange against the spec.
func (h *harness) checkWrite(x exchange, method, route string) map[string]any {
	h.t.Helper()
	got, err := h.spec().Route(x.req)
	if err != nil || got != method+" "+route {
		h.t.Fatalf("%s %s is operation %q (%v), want %s %s", x.req.Method, x.req.URL.Path, got, err, method, route)
	}
	if err := h.spec().Check(x.req, x.body, x.status, x.header, x.resp); err != nil {
		h.t.Fatalf("%s %s %s breaks the 2.9 spec: %v", x.req.Method, x.req.URL.Path, x.body, err)
	}
	var body map[string]any
	dec := json.NewDecoder(bytes.NewReader(x.body))
	dec.UseNumber() // unix times compare as written
	if err := dec.Decode(&body); err != nil {
		h.t.Fatalf("body %q: %v", x.body, err)
	}
	return body
}
