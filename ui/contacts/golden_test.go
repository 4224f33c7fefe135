package contacts

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// Golden screens of the pane alone (seed 1, testNow), without colours. Regenerate only
// these with go test ./ui/contacts/ -run Golden -update.

func requireGolden(t *testing.T, l *loop, width, height int) {
	t.Helper()
	view := l.p.View()
	checkSize(t, t.Name(), view, width, height)
	golden.RequireEqual(t, []byte(ansi.Strip(view)))
}

// searchGolden searches "grace" and keeps the search (enter).
func searchGolden(t *testing.T, width, height int) {
	l := newLoop(t, width, height)
	l.press("/")
	l.typeText("grace")
	l.settle()
	l.press("enter", "j")
	l.settle()
	requireGolden(t, l, width, height)
}

func TestGoldenContactSearch120x36(t *testing.T) { searchGolden(t, 120, 36) }

func TestGoldenContactSearch80x24(t *testing.T) { searchGolden(t, 80, 24) }

// profileGolden opens the rich contact's profile with the cursor on its first
// conversation.
func profileGolden(t *testing.T, width, height int) {
	l := newLoop(t, width, height)
	c, _ := l.richContact()
	l.findAndOpen(c)
	for i := 0; l.p.prof.cursor < 0 && i < 100; i++ {
		l.press("j")
	}
	requireGolden(t, l, width, height)
}

func TestGoldenContactProfile120x36(t *testing.T) { profileGolden(t, 120, 36) }

func TestGoldenContactProfile80x24(t *testing.T) { profileGolden(t, 80, 24) }

// Every state renders at every size, small ones included, exactly at its size.
func TestSmallSizesRender(t *testing.T) {
	l := newLoop(t, 120, 36)
	c, _ := l.richContact()
	sizes := [][2]int{{40, 10}, {20, 5}, {12, 3}, {1, 1}, {200, 2}, {40, 1}}
	check := func(state string) {
		t.Helper()
		for _, s := range sizes {
			l.send(shared.SizeMsg{Width: s[0], Height: s[1]})
			checkSize(t, state, l.p.View(), s[0], s[1])
		}
		l.send(shared.SizeMsg{Width: 0, Height: 0})
		if v := l.p.View(); v != "" {
			t.Fatalf("%s at 0x0: %q", state, v)
		}
	}
	check("list")
	l.send(shared.SizeMsg{Width: 40, Height: 10})
	l.press("/")
	l.typeText("gr")
	check("typing")
	l.settle()
	l.press("enter")
	check("search")
	l.send(shared.OpenContactMsg{ID: string(c.ID)})
	check("profile loading")
	l.settle()
	l.send(shared.SizeMsg{Width: 40, Height: 10})
	l.press("j", "j", "G", "j", "pgdown", "k")
	check("profile")
	l.p.prof = profile{}
	l.p.list = listState{}
	check("empty")
}

// hostileContact rewrites the fake's answers so that one contact's name, and every
// note and message body, carry escape sequences, C0/C1 controls and bidi overrides.
func hostileContact(name string) func(http.Handler) http.Handler {
	evilName := `\u001b[2J\u001b]0;pwned\u0007` + name + `\u0007\u0085\u202e\u001b[31m`
	evilBody := `\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\ \u001b]52;c;cm0gLXJm\u0007\u009b31m\u2066\u0008`
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			rec := httptest.NewRecorder()
			next.ServeHTTP(rec, r)
			body := bytes.ReplaceAll(rec.Body.Bytes(), []byte(`"name":"`+name+`"`), []byte(`"name":"`+evilName+`"`))
			body = bytes.ReplaceAll(body, []byte(`"body":"`), []byte(`"body":"`+evilBody))
			for k, v := range rec.Header() {
				w.Header()[k] = v
			}
			w.Header().Del("Content-Length")
			w.WriteHeader(rec.Code)
			_, _ = w.Write(body)
		})
	}
}

// A hostile name and hostile note bodies reach the screen as plain text: no escape but
// our own colours, no controls, no bidi overrides.
func TestHostileStringsAreSanitized(t *testing.T) {
	probe := newLoop(t, 120, 36)
	c, _ := probe.richContact()
	l := newLoopWith(t, 120, 36, hostileContact(string(c.Name)))
	l.findAndOpen(c)
	l.send(shared.SizeMsg{Width: 120, Height: 36})
	profile := l.p.View()
	assertTerminalSafe(t, profile)
	if s := ansi.Strip(profile); !strings.Contains(s, string(c.Name)) || !strings.Contains(s, "click") {
		t.Fatalf("the profile lost the visible text:\n%s", s)
	}
	l.press("esc")
	list := l.p.View()
	assertTerminalSafe(t, list)
	if !strings.Contains(ansi.Strip(list), string(c.Name)) {
		t.Fatalf("the list lost the name:\n%s", ansi.Strip(list))
	}
	// Straight into Update too, past the JSON decoder's escapes.
	msg := ListMsg{Query: l.p.list.query}
	msg.Req = l.p.list.req
	msg.Value.Items = []models.Contact{{ID: "evil", Role: "user\x1b[2J", Name: "Eve\x1b]0;pwned\x07\u202e", Email: "eve@\x9b31mexample.com"}}
	l.send(msg)
	assertTerminalSafe(t, l.p.View())
}

// assertTerminalSafe fails on anything but SGR styling of our own: no OSC, DCS, cursor
// movement or erase sequences, no C0 but newline, no C1, no bidi controls.
func assertTerminalSafe(t *testing.T, screen string) {
	t.Helper()
	for i := 0; i < len(screen); i++ {
		c := screen[i]
		if c == 0x1b {
			if i+1 >= len(screen) || screen[i+1] != '[' {
				t.Fatalf("non-CSI escape at %d: %q", i, screen[max(0, i-20):min(len(screen), i+20)])
			}
			j := i + 2
			for j < len(screen) && (screen[j] < 0x40 || screen[j] > 0x7e) {
				j++
			}
			if j >= len(screen) || screen[j] != 'm' {
				t.Fatalf("a CSI that is not SGR at %d: %q", i, screen[i:min(len(screen), j+1)])
			}
			i = j
			continue
		}
		if c < 0x20 && c != '\n' {
			t.Fatalf("control %#x at %d", c, i)
		}
	}
	for _, r := range ansi.Strip(screen) {
		switch {
		case r >= 0x80 && r <= 0x9f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			t.Fatalf("control %U on screen", r)
		}
	}
}

// The list and the rich contact's profile started again offline: both from the store,
// marked so, at every size exactly.
func TestGoldenOfflineFromTheStore120x36(t *testing.T) {
	l := newStoreLoop(t)
	c, _ := l.richContact()
	l.send(shared.OpenContactMsg{ID: string(c.ID)})
	l.settle()
	l.restart(true)
	t.Run("list", func(t *testing.T) { requireGolden(t, l, 120, 36) })
	l.send(shared.OpenContactMsg{ID: string(c.ID)})
	l.settle()
	t.Run("profile", func(t *testing.T) { requireGolden(t, l, 120, 36) })
	for _, size := range [][2]int{{80, 24}, {40, 12}, {20, 5}, {1, 1}} {
		l.send(shared.SizeMsg{Width: size[0], Height: size[1]})
		checkSize(t, "offline profile", l.p.View(), size[0], size[1])
		l.press("esc")
		checkSize(t, "offline list", l.p.View(), size[0], size[1])
		l.send(shared.OpenContactMsg{ID: string(c.ID)})
		l.settle()
	}
}
