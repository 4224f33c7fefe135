package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/intercom-tui/intercom-tui/api/fake"
	"github.com/intercom-tui/intercom-tui/api/fake/faults"
	"github.com/intercom-tui/intercom-tui/clock"
)

type serveFlags struct {
	addr      string
	accessLog string
	token     string
	size      int
	articles  int
	rateLimit int
	seed      int64
	faults    string
	clock     string // hidden: a fixed time for reproducible output
}

func newServeDemoCmd(stdout io.Writer) *cobra.Command {
	var f serveFlags
	cmd := &cobra.Command{
		Use:   "serve-demo",
		Short: "Serve the fake Intercom 2.9 workspace over HTTP, for any Intercom client",
		Long: `serve-demo serves a fake Intercom workspace that speaks REST API 2.9 (and 2.10 for
POST /tickets/search): seeded data, writes kept in memory, optional fault injection.
Point curl, Intercom's SDKs or intercom-tui (--base-url) at the printed URL and token.

Faults (--faults or INTERCOM_FAKE_FAULTS) follow kind[=arg]@[METHOD ]pattern[:rate][#count],
separated by ";", e.g. "latency=2s@/conversations/*; status=500@POST /conversations/*/reply#1".`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			srv, err := startDemoServer(f, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			printServeBanner(stdout, srv.ws, srv.url, f)
			<-cmd.Context().Done()
			fmt.Fprintln(stdout, "stopping")
			return srv.Close()
		},
	}
	cmd.Flags().StringVar(&f.addr, "addr", "127.0.0.1:8080", "listen address")
	cmd.Flags().StringVar(&f.token, "token", fake.DefaultToken, "the bearer token the fake accepts")
	cmd.Flags().IntVar(&f.size, "size", fake.DefaultSize, "number of conversations")
	cmd.Flags().IntVar(&f.articles, "articles", 0, "number of help-center articles (0: the built-in help center of 40)")
	cmd.Flags().IntVar(&f.rateLimit, "rate-limit", 0, fmt.Sprintf("X-RateLimit-Limit per 10-second window the fake reports (0: %d)", fake.DefaultRateLimit))
	cmd.Flags().Int64Var(&f.seed, "seed", 1, "seed of the generated data")
	cmd.Flags().StringVar(&f.faults, "faults", "", "fault injection spec (env INTERCOM_FAKE_FAULTS)")
	cmd.Flags().StringVar(&f.clock, "clock", "", "stop the workspace's clock at this RFC 3339 time (for reproducible output)")
	_ = cmd.Flags().MarkHidden("clock")
	cmd.Flags().StringVar(&f.accessLog, "access-log", "", `write "METHOD /path STATUS" per request to this file (overwritten; "-": stderr)`)
	return cmd
}

// startDemoServer starts the fake with the flags' faults, else the environment's, and
// its access log when asked; stderr is where "-" writes it.
func startDemoServer(f serveFlags, stderr io.Writer) (*demoServer, error) {
	if f.size < 1 {
		return nil, fmt.Errorf("--size must be at least 1, got %d", f.size)
	}
	if f.articles < 0 {
		return nil, fmt.Errorf("--articles must not be negative, got %d", f.articles)
	}
	if f.rateLimit < 0 {
		return nil, fmt.Errorf("--rate-limit must not be negative, got %d", f.rateLimit)
	}
	clk, err := clockFlag(f.clock)
	if err != nil {
		return nil, err
	}
	inj, err := injector(f.faults, f.seed)
	if err != nil {
		return nil, err
	}
	ws := fake.New(fake.Options{Seed: f.seed, Size: f.size, Articles: f.articles,
		RateLimit: f.rateLimit, Token: f.token, Faults: inj, Clock: clk})
	return serveWorkspace(ws, f.addr, f.accessLog, stderr)
}

func injector(spec string, seed int64) (*faults.Injector, error) {
	if spec == "" {
		inj, err := fake.InjectorFromEnv(clock.Real{}, seed)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", faults.EnvVar, err)
		}
		return inj, nil
	}
	rules, err := faults.ParseSpec(spec)
	if err != nil {
		return nil, fmt.Errorf("--faults: %w", err)
	}
	inj := faults.New(clock.Real{}, uint64(seed))
	if err := inj.Add(rules...); err != nil {
		return nil, fmt.Errorf("--faults: %w", err)
	}
	return inj, nil
}

func printServeBanner(w io.Writer, ws *fake.Workspace, url string, f serveFlags) {
	me := ws.World().Me()
	name := ""
	if me.App != nil {
		name = me.App.Name
	}
	fmt.Fprintf(w, "Fake Intercom workspace %q (%d conversations), REST API 2.9\n", name, ws.World().NumConversations())
	fmt.Fprintf(w, "  base URL  %s\n", url)
	fmt.Fprintf(w, "  token     %s   (the fake's own; not a real Intercom token)\n", ws.Token())
	fmt.Fprintf(w, "  signed in %s <%s>\n", me.Name, me.Email)
	if f.articles > 0 {
		fmt.Fprintf(w, "  articles  %d\n", ws.World().NumArticles())
	}
	if f.rateLimit > 0 {
		fmt.Fprintf(w, "  rate limit %d requests per 10 s (X-RateLimit-Limit)\n", f.rateLimit)
	}
	fmt.Fprintf(w, "\nTry:\n  curl -H 'Authorization: Bearer %s' -H 'Intercom-Version: 2.9' %s/me\n", ws.Token(), url)
	fmt.Fprintf(w, "  INTERCOM_TOKEN=%s intercom-tui --base-url %s\n", ws.Token(), url)
	if f.faults != "" {
		fmt.Fprintf(w, "\nFaults: %s\n", f.faults)
	}
	if f.accessLog != "" {
		fmt.Fprintf(w, "\nAccess log: %s\n", f.accessLog)
	}
	fmt.Fprintln(w, "\nCtrl+C stops it.")
}

// startEmbeddedDemo is the demo `go run .` browses: a free port on loopback.
func startEmbeddedDemo(ctx context.Context, size int) (*fake.Server, error) {
	return startEmbeddedDemoAt(ctx, size, clock.Real{})
}

// startEmbeddedDemoAt is startEmbeddedDemo on the clock c (a fixed one for screenshots).
func startEmbeddedDemoAt(_ context.Context, size int, c clock.Clock) (*fake.Server, error) {
	inj, err := injector("", 1)
	if err != nil {
		return nil, err
	}
	return fake.Start(fake.Options{Seed: 1, Size: size, Faults: inj, Clock: c})
}

// clockFlag is the hidden --clock: empty is the wall clock; an RFC 3339 time stops the
// clock there, so scripts/screenshots renders the same "4m ago" on every run.
func clockFlag(s string) (clock.Clock, error) {
	if s == "" {
		return clock.Real{}, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return nil, fmt.Errorf("--clock must be an RFC 3339 time such as 2026-11-26T12:00:00Z, got %q", s)
	}
	return stoppedClock{t}, nil
}

// stoppedClock always says t and never waits: the fake and the UI see one instant.
type stoppedClock struct{ t time.Time }

func (c stoppedClock) Now() time.Time { return c.t }

func (stoppedClock) Sleep(ctx context.Context, _ time.Duration) error { return ctx.Err() }

// demoServer is serve-demo's workspace on its own listener rather than fake.Start's,
// so that the access log can wrap the handler without the fake knowing of it.
type demoServer struct {
	ws  *fake.Workspace
	srv *http.Server
	url string
	log io.Closer // the access log's file; nil for none or stderr
}

func serveWorkspace(ws *fake.Workspace, addr, accessLog string, stderr io.Writer) (*demoServer, error) {
	var h http.Handler = ws
	var logFile io.Closer
	switch accessLog {
	case "":
	case "-":
		h = &accessLogger{w: stderr, next: ws}
	default:
		file, err := os.OpenFile(accessLog, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
		if err != nil {
			return nil, fmt.Errorf("--access-log: %w", err)
		}
		h, logFile = &accessLogger{w: file, next: ws}, file
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		if logFile != nil {
			_ = logFile.Close()
		}
		return nil, fmt.Errorf("cannot listen on %s: %w", addr, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	return &demoServer{ws: ws, srv: srv, url: "http://" + ln.Addr().String(), log: logFile}, nil
}

// Close stops the server, letting requests in flight finish (and be logged) for up to
// two seconds, then closes the access log.
func (s *demoServer) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	err := s.srv.Shutdown(ctx)
	if errors.Is(err, context.DeadlineExceeded) {
		err = s.srv.Close()
	}
	if s.log != nil {
		err = errors.Join(err, s.log.Close())
	}
	return err
}

// accessLogger writes "METHOD /path STATUS" once each request is answered. Only the
// escaped path: no query (it can hold e-mail addresses), headers (the token) or bodies.
type accessLogger struct {
	mu   sync.Mutex // one whole line at a time from concurrent requests
	w    io.Writer
	next http.Handler
}

func (a *accessLogger) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rec := &statusRecorder{ResponseWriter: w}
	a.next.ServeHTTP(rec, r)
	status := rec.status
	if status == 0 {
		status = http.StatusOK // nothing written: net/http answers 200
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	fmt.Fprintf(a.w, "%s %s %d\n", r.Method, r.URL.EscapedPath(), status)
}

// statusRecorder remembers the status the handler answered with.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 && code >= 200 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the real writer (flushing, deadlines).
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }
