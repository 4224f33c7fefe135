package api

import (
	"context"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/intercom-tui/intercom-tui/clock"
)

const testToken = "dG9rOmFiY2RlZjEyMzQ1Njc4OTA6OjE6c2VjcmV0LXRva2Vu="

// epoch is a whole second, so X-RateLimit-Reset (whole seconds) lines up exactly.
var epoch = time.Unix(1_800_000_000, 0)

// hitServer is an httptest server whose handler sees the attempt number (1-based).
type hitServer struct {
	*httptest.Server
	hits atomic.Int32

	mu   sync.Mutex
	reqs []*http.Request
	body [][]byte
}

func newHitServer(t *testing.T, h func(w http.ResponseWriter, r *http.Request, n int)) *hitServer {
	t.Helper()
	s := &hitServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := int(s.hits.Add(1))
		buf := make([]byte, r.ContentLength)
		if r.ContentLength > 0 {
			_, _ = r.Body.Read(buf)
		}
		s.mu.Lock()
		s.reqs = append(s.reqs, r.Clone(context.Background()))
		s.body = append(s.body, buf)
		s.mu.Unlock()
		h(w, r, n)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *hitServer) requests() []*http.Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*http.Request(nil), s.reqs...)
}

// newTestClient points a client at base with a fake clock and seeded jitter.
func newTestClient(t *testing.T, base string, opts ...Option) (*Client, *clock.Fake) {
	t.Helper()
	clk := clock.NewFake(epoch)
	all := append([]Option{
		WithToken(testToken),
		WithBaseURL(base),
		WithClock(clk),
		withRand(rand.New(rand.NewPCG(1, 2))),
	}, opts...)
	c, err := New(all...)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c, clk
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}

// closedAddr is a local address nothing listens on: dialing it is refused at once.
func closedAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	return addr
}

// dialer sends the first `refuse` dials to a closed port, the rest to the real address.
type dialer struct {
	refuse int32
	closed string
	dials  atomic.Int32
}

func (d *dialer) client() *http.Client {
	var nd net.Dialer
	return &http.Client{Transport: &http.Transport{
		DisableKeepAlives: true,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if d.dials.Add(1) <= d.refuse {
				addr = d.closed
			}
			return nd.DialContext(ctx, network, addr)
		},
	}}
}

type pingOut struct {
	Type string `json:"type"`
	ID   string `json:"id"`
}
