package fake

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/intercom-tui/intercom-tui/api/fake/faults"
	"github.com/intercom-tui/intercom-tui/models"
)

var uuidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestRateLimitHeaders(t *testing.T) {
	e := newEnv(t, Options{Seed: 1, Size: 10})
	e.clk.Set(time.Unix(1_800_000_003, 0)) // 3 s into a window that ends at ...010
	for n := 1; n <= 3; n++ {
		r := e.do("GET", "/me", nil).want(t, 200)
		if r.header.Get("X-RateLimit-Limit") != "167" || r.header.Get("X-RateLimit-Remaining") != strconv.Itoa(167-n) ||
			r.header.Get("X-RateLimit-Reset") != "1800000010" {
			t.Fatalf("request %d: %v", n, r.header)
		}
	}
	// Errors of authenticated requests count and carry the headers too.
	if r := e.do("GET", "/conversations/1", nil).want(t, 404); r.header.Get("X-RateLimit-Remaining") != "163" {
		t.Fatalf("404: %v", r.header)
	}
	e.clk.Advance(7 * time.Second) // the next window
	if r := e.do("GET", "/me", nil); r.header.Get("X-RateLimit-Remaining") != "166" || r.header.Get("X-RateLimit-Reset") != "1800000020" {
		t.Fatalf("new window: %v", r.header)
	}
}

func TestRateLimitEnforced(t *testing.T) {
	e := newEnv(t, Options{Seed: 1, Size: 10, RateLimit: 3, EnforceRateLimit: true})
	for range 3 {
		e.do("GET", "/me", nil).want(t, 200)
	}
	r := e.doBad("GET", "/me", nil).want(t, http.StatusTooManyRequests)
	if r.errorCode(t) != "rate_limit_exceeded" || r.header.Get("X-RateLimit-Remaining") != "0" || r.header.Get("X-RateLimit-Limit") != "3" {
		t.Fatalf("429: %v %s", r.header, r.body)
	}
	e.clk.Advance(10 * time.Second)
	e.do("GET", "/me", nil).want(t, 200)
}

func TestVersions(t *testing.T) {
	e := newEnv(t, Options{Seed: 1, Size: 10})
	for _, c := range []struct {
		method, path, version string
		status                int
	}{
		{"GET", "/me", "", 200}, // the header is optional: the app's version (2.9) applies
		{"GET", "/me", "2.9", 200},
		{"GET", "/me", "2.10", 400},
		{"GET", "/me", "2.8", 400},
		{"GET", "/me", "9.99", 400},
		{"GET", "/me", "latest", 400},
		{"POST", "/tickets/search", "2.10", 200},
		{"POST", "/tickets/search", "2.9", 400},
		{"POST", "/tickets/search", "", 400},
	} {
		req, data := e.request(c.method, c.path, map[string]any{"query": map[string]any{"field": "open", "operator": "=", "value": true}})
		if c.method == "GET" {
			req, data = e.request(c.method, c.path, nil)
		}
		if c.version == "" {
			req.Header.Del("Intercom-Version")
		} else {
			req.Header.Set("Intercom-Version", c.version)
		}
		r := e.send(req, data, false)
		if r.status != c.status || (c.status == 400 && r.errorCode(t) != "intercom_version_invalid") {
			t.Errorf("%s %s with %q: %d %s", c.method, c.path, c.version, r.status, r.body)
		}
	}
}

func TestRequestIDs(t *testing.T) {
	e := newEnv(t, Options{Seed: 1, Size: 10})
	seen := map[string]bool{}
	for range 5 {
		r := e.do("GET", "/conversations/1", nil).want(t, 404)
		var body models.ErrorList
		r.decode(t, &body)
		id := r.header.Get("X-Request-Id")
		if !uuidRE.MatchString(id) || body.RequestID != id || seen[id] {
			t.Fatalf("request id %q, body %q", id, body.RequestID)
		}
		seen[id] = true
	}
	// Reproducible: the same seed gives the same ids in the same order.
	again := newEnv(t, Options{Seed: 1, Size: 10})
	if id := again.do("GET", "/me", nil).header.Get("X-Request-Id"); !seen[id] {
		t.Errorf("request id %s differs for the same seed", id)
	}
}

func TestCountersAndLog(t *testing.T) {
	e := newEnv(t, Options{Seed: 1, Size: 10})
	id := e.ws.World().ConversationID(2)
	e.do("GET", "/conversations/"+id, nil)
	e.do("GET", "/conversations/"+id, nil)
	e.do("PUT", "/conversations/"+id, map[string]any{"read": true})
	e.doBad("GET", "/nowhere", nil).want(t, 404)
	e.doBad("POST", "/conversations", map[string]any{}).want(t, 404)
	if e.ws.Requests() != 5 || e.ws.Count("GET", "/conversations/{id}") != 2 || e.ws.Count("PUT", "/conversations/{id}") != 1 || e.ws.Count("", "/") != 2 {
		t.Fatalf("counters: %d total, %d GET, %d PUT, %d unrouted", e.ws.Requests(), e.ws.Count("GET", "/conversations/{id}"),
			e.ws.Count("PUT", "/conversations/{id}"), e.ws.Count("", "/"))
	}
	log := e.ws.Log()
	if len(log) != 5 || log[2].Method != "PUT" || log[2].Path != "/conversations/"+id || string(log[2].Body) != `{"read":true}` || log[0].Body != nil {
		t.Fatalf("log: %+v", log)
	}
	e.ws.ResetCounters()
	if e.ws.Requests() != 0 || e.ws.Count("GET", "/conversations/{id}") != 0 || len(e.ws.Log()) != 0 {
		t.Fatal("ResetCounters left counts")
	}
	if !getConv(t, e, id).Read {
		t.Fatal("ResetCounters touched the data")
	}
	for range logCap + 5 {
		e.do("GET", "/tags", nil)
	}
	if log := e.ws.Log(); len(log) != logCap || e.ws.Requests() != logCap+6 {
		t.Fatalf("log holds %d, %d requests", len(log), e.ws.Requests())
	}
}

func TestFaultsInFront(t *testing.T) {
	inj := faults.New(nil, 1)
	if err := inj.Add(faults.Rule{Kind: faults.Status, Code: 503, Pattern: "/me", Count: 1}); err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, Options{Seed: 1, Size: 10, Faults: inj})
	if r := e.doBad("GET", "/me", nil); r.status != 503 || r.header.Get(faults.FaultHeader) == "" {
		t.Fatalf("first /me: %d %v", r.status, r.header)
	}
	e.do("GET", "/me", nil).want(t, 200)
	if e.ws.Requests() != 2 || e.ws.Count("GET", "/me") != 2 {
		t.Fatalf("faulted request not counted: %d", e.ws.Requests())
	}
	// A faulted request never reached the workspace: no rate-limit allowance spent.
	if r := e.do("GET", "/me", nil); r.header.Get("X-RateLimit-Remaining") != "165" {
		t.Fatalf("remaining %s", r.header.Get("X-RateLimit-Remaining"))
	}
}

func TestStartServesOverTCP(t *testing.T) {
	srv, err := Start(Options{Seed: 1, Size: 10, Token: "tok"})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if !strings.HasPrefix(srv.URL(), "http://127.0.0.1:") {
		t.Fatalf("URL %s", srv.URL())
	}
	req, _ := http.NewRequest("GET", srv.URL()+"/me", nil)
	req.Header.Set("Authorization", "Bearer tok")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	var me models.Me
	if res.StatusCode != 200 || json.Unmarshal(body, &me) != nil || me.App == nil || srv.Workspace().Requests() != 1 {
		t.Fatalf("%d %s", res.StatusCode, body)
	}
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := http.Get(srv.URL() + "/me"); err == nil {
		t.Fatal("server still answers after Close")
	}
}

// TestConcurrentUse hammers reads and writes at once; run with -race.
func TestConcurrentUse(t *testing.T) {
	e := newEnv(t, Options{Seed: 1, Size: 200})
	me := string(e.ws.World().Me().ID)
	var wg sync.WaitGroup
	for g := range 6 {
		wg.Go(func() {
			for k := range 15 {
				id := e.ws.World().ConversationID((g*15 + k) % 200)
				switch k % 3 {
				case 0:
					e.do("POST", "/conversations/"+id+"/reply", map[string]any{"message_type": "note", "type": "admin", "admin_id": me, "body": fmt.Sprint(k)})
				case 1:
					e.do("POST", "/conversations/search", map[string]any{"query": nested, "pagination": map[string]any{"per_page": 5}})
				default:
					e.do("GET", "/conversations?per_page=10", nil)
				}
			}
		})
	}
	wg.Wait()
	if ids := listAll(t, e, 150, nil); len(ids) != 200 {
		t.Fatalf("%d conversations after concurrent writes", len(ids))
	}
}
