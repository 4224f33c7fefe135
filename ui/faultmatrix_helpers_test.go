package ui

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/api/fake"
	"github.com/intercom-tui/intercom-tui/api/fake/faults"
	"github.com/intercom-tui/intercom-tui/clock"
	"github.com/intercom-tui/intercom-tui/drafts"
	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// The fault matrix: one row per way the network misbehaves. The tests in
// faultmatrix_test.go run every row against the inbox, a thread and a reply, and the
// README's "When the network misbehaves" table is generated from the same rows.

// netMode is what the client's dialer does: reach the fake, or fail before sending.
type netMode int32

const (
	netUp      netMode = iota
	netDNS             // the host does not resolve (a real lookup of a .invalid name)
	netRefused         // nothing listens (a real dial of a closed port)
)

// faultRow is one fault and what the app must do under it.
type faultRow struct {
	name string                          // the README's fault column
	net  netMode                         // a dialer failure instead of rules
	rule func(m, p string) []faults.Rule // the fault on one route (method, path pattern)

	read         string // what a failed read says ("" = the read succeeds); {reset} is the 429's reset time
	inbox        bool   // the inbox read is part of the row (a 404 is about one item only)
	readAttempts int    // requests the workspace sees for one read (the client's own retries)

	writeSent     int  // how many times the reply reaches Intercom's handler (0 or 1)
	writeAttempts int  // requests the workspace sees for one reply
	unconfirmed   bool // the reply reached Intercom without a usable answer: the user is told to check
}

// rules is the row's faults on the route; nil for the dialer rows.
func (r faultRow) rules(method, pattern string) []faults.Rule {
	if r.rule == nil {
		return nil
	}
	return r.rule(method, pattern)
}

func one(k faults.Kind, set func(*faults.Rule)) func(m, p string) []faults.Rule {
	return func(m, p string) []faults.Rule {
		r := faults.Rule{Kind: k, Method: m, Pattern: p}
		if set != nil {
			set(&r)
		}
		return []faults.Rule{r}
	}
}

// rateReset is when the long 429 storm's window resets (the injector's clock + 90 s).
var rateReset = fixedNow.Add(90 * time.Second)

func faultMatrix() []faultRow {
	return []faultRow{
		{name: "2 s latency", rule: one(faults.Latency, func(r *faults.Rule) { r.Delay = 2 * time.Second }),
			inbox: true, readAttempts: 1, writeSent: 1, writeAttempts: 1},
		{name: "429 storm: 3 in a row, reset in 5 s", rule: one(faults.RateLimit, func(r *faults.Rule) { r.Count, r.ResetAfter = 3, 5*time.Second }),
			inbox: true, readAttempts: 4, writeSent: 1, writeAttempts: 4},
		{name: "429 storm, reset in 90 s (past the 60 s the client waits)", rule: one(faults.RateLimit, func(r *faults.Rule) { r.ResetAfter = 90 * time.Second }),
			read: "rate limited by Intercom until {reset}", inbox: true, readAttempts: 1, writeAttempts: 1},
		{name: "HTTP 500", rule: one(faults.Status, func(r *faults.Rule) { r.Code = 500 }),
			read: "Internal Server Error (HTTP 500)", inbox: true, readAttempts: 4, writeAttempts: 1},
		{name: "HTTP 502", rule: one(faults.Status, func(r *faults.Rule) { r.Code = 502 }),
			read: "Bad Gateway (HTTP 502)", inbox: true, readAttempts: 4, writeAttempts: 1},
		{name: "HTTP 503", rule: one(faults.Status, func(r *faults.Rule) { r.Code = 503 }),
			read: "Service Unavailable (HTTP 503)", inbox: true, readAttempts: 4, writeAttempts: 1},
		{name: "connection reset mid-body", rule: one(faults.Reset, nil),
			read: "the connection broke off", inbox: true, readAttempts: 4, writeSent: 1, writeAttempts: 1, unconfirmed: true},
		{name: "truncated JSON", rule: one(faults.Truncate, nil),
			read: "the server's answer was cut short: not valid JSON (HTTP 200)", inbox: true, readAttempts: 4, writeSent: 1, writeAttempts: 1, unconfirmed: true},
		{name: "invalid JSON", rule: one(faults.Garbage, nil),
			read: "the server's answer was not valid JSON (HTTP 200)", inbox: true, readAttempts: 4, writeAttempts: 1, unconfirmed: true},
		{name: "a proxy's HTML error page (502)", rule: one(faults.HTML, nil),
			read: "a proxy answered with an error page, not Intercom (HTTP 502 Bad Gateway)", inbox: true, readAttempts: 4, writeAttempts: 1},
		{name: "401 mid-session (token revoked)", rule: one(faults.Unauthorized, nil),
			read: "the access token was refused: Access Token Invalid (HTTP 401)", inbox: true, readAttempts: 1, writeAttempts: 1},
		{name: "404: the conversation was deleted meanwhile", rule: one(faults.Status, func(r *faults.Rule) { r.Code = 404 }),
			read: "it no longer exists (deleted meanwhile?): Resource Not Found (HTTP 404)", readAttempts: 1, writeAttempts: 1},
		{name: "the server hangs up without answering", rule: one(faults.Refuse, nil),
			read: "the connection broke off", inbox: true, readAttempts: 4, writeAttempts: 1, unconfirmed: true},
		{name: "DNS failure (the host does not resolve)", net: netDNS,
			read: "cannot reach the server: its name does not resolve", inbox: true},
		{name: "connection refused", net: netRefused,
			read: "cannot reach the server: connection refused", inbox: true},
	}
}

// readText is the row's read message with the reset time filled in (local, as shown).
func (r faultRow) readText() string {
	return strings.ReplaceAll(r.read, "{reset}", rateReset.Local().Format(time.TimeOnly))
}

// writeShort is api.Short of the failed reply: the read's message, except that the 404
// prefix belongs to the thread only.
func (r faultRow) writeShort() string {
	return strings.TrimPrefix(r.readText(), "it no longer exists (deleted meanwhile?): ")
}

// writeToast is the toast of a failed reply to conversation id.
func (r faultRow) writeToast(id string) string {
	s := "Couldn't reply #" + id + ": " + r.writeShort()
	if r.unconfirmed {
		s += ". It may have been sent: check the thread before sending again"
	}
	return s + ". The draft is kept"
}

// switchNet is a dialer whose failure mode a test sets: keep-alives are off, so every
// request dials and sees the mode of the moment.
type switchNet struct {
	mode   atomic.Int32
	up     string // the fake's address
	closed string // a port nothing listens on
}

func (s *switchNet) dial(ctx context.Context, network, _ string) (net.Conn, error) {
	var d net.Dialer
	switch netMode(s.mode.Load()) {
	case netDNS:
		return d.DialContext(ctx, network, "intercom-tui.invalid:80") // .invalid never resolves
	case netRefused:
		return d.DialContext(ctx, network, s.closed)
	}
	return d.DialContext(ctx, network, s.up)
}

func (s *switchNet) set(m netMode) { s.mode.Store(int32(m)) }

// matrixHarness is the harness of harness_test.go with a switchable network, the
// injector on a clock of the test's choosing, and drafts on disk.
type matrixHarness struct {
	*harness
	net *switchNet
}

func newMatrixHarness(t *testing.T, size int, injClock clock.Clock) *matrixHarness {
	t.Helper()
	inj := faults.New(injClock, 1)
	ws := fake.New(fake.Options{Seed: 1, Size: size, Clock: clock.NewFake(fixedNow), Faults: inj})
	req := &requestCount{n: map[string]int{}}
	srv := httptest.NewServer(req.wrap(ws))
	t.Cleanup(srv.Close)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := l.Addr().String()
	_ = l.Close()
	sw := &switchNet{up: srv.Listener.Addr().String(), closed: closed}
	tr := &http.Transport{DialContext: sw.dial, DisableKeepAlives: true}
	t.Cleanup(tr.CloseIdleConnections)
	client, err := api.New(api.WithToken(ws.Token()), api.WithBaseURL(srv.URL),
		api.WithClock(clock.NewFake(fixedNow)), api.WithHTTPClient(&http.Client{Transport: tr, Timeout: time.Minute}))
	if err != nil {
		t.Fatal(err)
	}
	store, err := drafts.Open(filepath.Join(t.TempDir(), "drafts"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := &shared.Context{
		WS:     workspace.New(client, true),
		Styles: theme.New(theme.Dark),
		Keys:   keymap.Default(),
		Now:    func() time.Time { return fixedNow },
		Drafts: store,
		// One pane at a time, so the inbox never previews a thread behind the test's back.
		Settings: shared.Settings{PageSize: 50, SplitMinWidth: 1000},
	}
	return &matrixHarness{harness: &harness{ws: ws, ctx: ctx, inj: inj, req: req}, net: sw}
}

// fault turns the row's fault on for one route.
func (h *matrixHarness) fault(t *testing.T, r faultRow, method, pattern string) {
	t.Helper()
	if err := h.inj.Add(r.rules(method, pattern)...); err != nil {
		t.Fatal(err)
	}
	if r.net != netUp {
		h.net.set(r.net)
	}
	h.ws.ResetCounters()
}

// heal ends every fault.
func (h *matrixHarness) heal() {
	h.inj.Clear()
	h.net.set(netUp)
}

// toastLog records the text of every toast a pane asked for (before the root may swap
// it for the offline notice), so a test can check the exact words of long messages that
// the toast box wraps.
type toastLog struct {
	mu    sync.Mutex
	texts []string
}

func (l *toastLog) has(text string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, s := range l.texts {
		if strings.Contains(s, text) {
			return true
		}
	}
	return false
}

func (l *toastLog) all() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.texts...)
}

type logged struct {
	probed
	log *toastLog
}

func (m logged) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if ts, ok := msg.(shared.ToastMsg); ok {
		m.log.mu.Lock()
		m.log.texts = append(m.log.texts, ts.Text)
		m.log.mu.Unlock()
	}
	next, cmd := m.probed.Update(msg)
	return logged{next.(probed), m.log}, cmd
}

// start runs the app at 200x40 until the inbox shows its rows.
func (h *matrixHarness) start(t *testing.T) (*teatest.TestModel, *probe, *toastLog) {
	t.Helper()
	p, log := &probe{}, &toastLog{}
	tm := teatest.NewTestModel(t, logged{probed{New(h.ctx, Options{Where: "demo workspace"}), p}, log},
		teatest.WithInitialTermSize(200, 40))
	waitFor(t, tm, p, "● online", "Open ")
	return tm, p, log
}

// waitUntil polls a condition on the app's state, as teatest.WaitFor does (no fixed
// sleep decides anything), and says what never happened.
func waitUntil(t *testing.T, tm *teatest.TestModel, p *probe, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("never %s; screen:\n%s", what, p.text())
		}
		<-tick.C
	}
}

// gate is a clock whose sleeps last until the test opens it: a latency fault on it
// keeps a request unanswered for as long as the test likes, with no real time passing.
type gate struct {
	open    chan struct{}
	waiting atomic.Int32
}

func newGate() *gate { return &gate{open: make(chan struct{})} }

func (g *gate) Now() time.Time { return fixedNow }

func (g *gate) Sleep(ctx context.Context, _ time.Duration) error {
	g.waiting.Add(1)
	defer g.waiting.Add(-1)
	select {
	case <-g.open:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// markdownTable is the README table generated from the matrix.
func markdownTable(rows []faultRow) string {
	var b strings.Builder
	b.WriteString("| fault | what the user sees | what is kept | recovery |\n|---|---|---|---|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", r.name, r.sees(), r.kept(), r.recovery())
	}
	return b.String()
}

func (r faultRow) sees() string {
	read := "reads: the data, after the delay (the spinner runs, keys work meanwhile)"
	if r.name != "2 s latency" {
		read = "reads: the data, after the client's waits for the reset (spinner meanwhile)"
	}
	if r.read != "" {
		msg := strings.ReplaceAll(r.read, "{reset}", "HH:MM:SS")
		where := "inbox `Loading Open: " + msg + "`; thread `Could not load this conversation: " + msg + "`"
		if !r.inbox {
			where = "thread `Could not load this conversation: " + msg + "`"
		}
		read = where + retriesNote(r)
	}
	write := "reply: `Reply sent`"
	if r.writeSent == 0 || r.unconfirmed {
		write = "reply: `" + strings.ReplaceAll(r.writeToast("ID"), "{reset}", "HH:MM:SS") + "`"
		write = strings.ReplaceAll(write, rateReset.Local().Format(time.TimeOnly), "HH:MM:SS")
	}
	return read + "<br>" + write
}

func retriesNote(r faultRow) string {
	note := " at once (not retried)"
	switch {
	case r.net != netUp:
		note = " at once"
	case r.readAttempts > 1:
		note = fmt.Sprintf(" after %d retries with backoff", r.readAttempts-1)
	}
	if r.offline() {
		note += "; the status bar turns offline and the toast says so"
	}
	return note
}

// offline: the app counts the failure as the network being down (no HTTP answer).
func (r faultRow) offline() bool {
	return r.net != netUp || r.name == "connection reset mid-body" || r.name == "the server hangs up without answering"
}

func (r faultRow) kept() string {
	sent := "the reply is not sent"
	switch {
	case r.writeSent == 1 && r.writeAttempts > 1:
		sent = "the reply is sent once (resent only after 429s, which Intercom refused before acting)"
	case r.writeSent == 1 && r.unconfirmed:
		sent = "the reply reached Intercom once and is never resent by the client"
	case r.writeSent == 1:
		sent = "the reply is sent once"
	case r.net == netRefused:
		sent = "the reply is not sent (the client retries only what never left)"
	}
	kept := "rows and thread on screen; the draft; " + sent
	if r.writeSent == 1 && !r.unconfirmed {
		kept = "rows and thread on screen; " + sent + " and its draft removed"
	}
	return kept
}

func (r faultRow) recovery() string {
	switch {
	case r.read == "":
		return "none needed"
	case r.offline():
		return "ctrl+r (or r) once the network is back; the app is back online with the first answer, then R reopens the draft to send"
	case strings.HasPrefix(r.name, "401"):
		return "a valid token; then ctrl+r (or r) reloads and R reopens the draft"
	case strings.HasPrefix(r.name, "404"):
		return "none: the conversation is gone; the draft stays on disk"
	}
	return "ctrl+r on the toast (or r) reloads; ctrl+r on the reply's toast reopens the draft to send again"
}
