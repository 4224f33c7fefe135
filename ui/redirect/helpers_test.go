package redirect

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/api/fake"
	"github.com/intercom-tui/intercom-tui/clock"
	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/store/storetest"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
	"github.com/intercom-tui/intercom-tui/workspace"
)

var fixedNow = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

// exchange is one request on the wire and its answer.
type exchange struct {
	req    *http.Request
	body   []byte
	status int
	header http.Header
	resp   []byte
}

// env is a form over a fake workspace (or a handler of the test's), run by hand: every
// command is executed at once and its messages fed back, as the program would.
type env struct {
	t       *testing.T
	ws      *fake.Workspace
	srv     *httptest.Server
	ctx     *shared.Context
	m       Model
	popped  bool
	toasts  []string
	clip    string
	mu      sync.Mutex
	traffic []exchange
}

// newEnv serves the fake (seed 1) unless handler is given, with a store and region IE.
func newEnv(t *testing.T, handler http.Handler, opts Options) *env {
	t.Helper()
	e := &env{t: t}
	if handler == nil {
		e.ws = fake.New(fake.Options{Seed: 1, Size: 50, Clock: clock.NewFake(fixedNow)})
		handler = e.ws
	}
	e.srv = httptest.NewServer(handler)
	t.Cleanup(e.srv.Close)
	token := "test-token"
	if e.ws != nil {
		token = e.ws.Token()
	}
	client, err := api.New(api.WithToken(token), api.WithBaseURL(e.srv.URL), api.WithClock(clock.NewFake(fixedNow)),
		api.WithHTTPClient(&http.Client{Transport: recorder{e, http.DefaultTransport}}))
	if err != nil {
		t.Fatal(err)
	}
	e.ctx = &shared.Context{
		WS:       workspace.New(client, true),
		Styles:   theme.New(theme.Dark),
		Keys:     keymap.Default(),
		Now:      func() time.Time { return fixedNow },
		Settings: shared.Settings{PhoneRegion: "IE"},
		Store:    storetest.Open(t),
	}
	if opts.ID == 0 {
		opts.ID = 7
	}
	e.m = New(e.ctx, opts)
	return e
}

// recorder keeps a copy of every exchange.
type recorder struct {
	e    *env
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
	r.e.mu.Lock()
	r.e.traffic = append(r.e.traffic, x)
	r.e.mu.Unlock()
	return resp, err
}

// redirects are the POST /phone_call_redirects exchanges so far.
func (e *env) redirects() []exchange {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []exchange
	for _, x := range e.traffic {
		if x.req.Method == http.MethodPost && x.req.URL.Path == "/phone_call_redirects" {
			out = append(out, x)
		}
	}
	return out
}

// update feeds msg to the form and runs what it returns.
func (e *env) update(msg tea.Msg) {
	e.t.Helper()
	if e.popped {
		e.t.Fatalf("a message after the form closed: %#v", msg)
	}
	o, cmd := e.m.Update(msg)
	e.m = o.(Model)
	e.run(cmd)
}

// run executes cmd and routes its messages: the form's answers back to it, the root's
// (pop, toast, clipboard) recorded.
func (e *env) run(cmd tea.Cmd) {
	e.t.Helper()
	if cmd == nil {
		return
	}
	msg := cmd()
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		for i := range v.Len() {
			e.run(v.Index(i).Interface().(tea.Cmd))
		}
		return
	}
	switch msg := msg.(type) {
	case shared.PopOverlay:
		e.popped = true
	case shared.PushOverlay:
		e.m = msg.Overlay.(Model)
	case shared.ToastMsg:
		e.toasts = append(e.toasts, msg.Text)
	case SentMsg, PhoneMsg, LogMsg:
		e.update(msg)
	default:
		if reflect.TypeOf(msg).Name() == "setClipboardMsg" {
			e.clip = reflect.ValueOf(msg).String()
		}
	}
}

// press sends key presses by name: "ctrl+s", "tab", "shift+tab", "enter", "esc", or one
// printable character.
func (e *env) press(keys ...string) {
	e.t.Helper()
	for _, k := range keys {
		e.update(keyMsg(k))
	}
}

// typeText types s character by character.
func (e *env) typeText(s string) {
	e.t.Helper()
	for _, r := range s {
		e.update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	}
	if c, ok := strings.CutPrefix(k, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: []rune(c)[0], Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// screen is the form's box without colours, at 120 x 36.
func (e *env) screen() string { return ansi.Strip(e.m.View(120, 36)) }

// flat is the box's text as one line: borders dropped, wrapped lines joined.
func (e *env) flat() string {
	var words []string
	for _, l := range strings.Split(e.screen(), "\n") {
		words = append(words, strings.Fields(strings.Trim(l, "│╭╮╰╯─ "))...)
	}
	return strings.Join(words, " ")
}

// shows fails unless the box shows every part (spaces in a part match any run of them).
func (e *env) shows(parts ...string) {
	e.t.Helper()
	s := e.flat()
	for _, p := range parts {
		if !strings.Contains(s, strings.Join(strings.Fields(p), " ")) {
			e.t.Fatalf("the form does not show %q:\n%s", p, s)
		}
	}
}

// hides fails if the box shows any part.
func (e *env) hides(parts ...string) {
	e.t.Helper()
	s := e.flat()
	for _, p := range parts {
		if strings.Contains(s, strings.Join(strings.Fields(p), " ")) {
			e.t.Fatalf("the form shows %q:\n%s", p, s)
		}
	}
}

// clearPhone empties the phone field (ctrl+u).
func (e *env) clearPhone() { e.press("ctrl+u") }
