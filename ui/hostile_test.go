package ui

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/api/query"
	"github.com/intercom-tui/intercom-tui/clock"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// hostile rewrites every answer of the fake so that one customer's name and every
// message body carry terminal escape sequences, C0/C1 controls and bidi overrides, as a
// customer could type them into Intercom.
func hostile(next http.Handler, name string) http.Handler {
	evilName := `\u001b[2J\u001b]0;pwned\u0007` + name + `\u0007\u0085\u202e\u001b[31m`
	evilBody := `\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\ \u001b]52;c;cm0gLXJm\u0007\u009b31m\u2066\u0008`
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

// TestHostileStringsNeverReachTheScreen feeds escape sequences, C0/C1 controls and bidi
// overrides in a contact name and in part bodies through the whole program, and checks
// that the rendered screen (list and thread) holds none of them.
func TestHostileStringsNeverReachTheScreen(t *testing.T) {
	h := newHarness(t, 40)
	name := firstOpenAuthor(t, h)
	srv := httptest.NewServer(hostile(h.ws, name))
	defer srv.Close()
	client, err := api.New(api.WithToken(h.ws.Token()), api.WithBaseURL(srv.URL), api.WithClock(clock.NewFake(fixedNow)))
	if err != nil {
		t.Fatal(err)
	}
	h.ctx.WS = workspace.New(client, true)

	p := &probe{}
	tm := teatest.NewTestModel(t, probed{New(h.ctx, Options{Where: "demo workspace"}), p}, teatest.WithInitialTermSize(140, 40))
	waitFor(t, tm, p, name)
	press(tm, "enter")
	waitFor(t, tm, p, "click")

	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	screen := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(probed).App.Render()
	assertTerminalSafe(t, screen)
}

// assertTerminalSafe fails on anything but SGR styling of our own: no OSC, DCS, cursor
// movement or erase sequences, no C0 but newline, no C1, no bidi controls.
func assertTerminalSafe(t *testing.T, screen string) {
	t.Helper()
	for i := 0; i < len(screen); i++ {
		if screen[i] != 0x1b {
			continue
		}
		// Only CSI ... m (SGR) is ours.
		if i+1 >= len(screen) || screen[i+1] != '[' {
			t.Fatalf("non-CSI escape at %d: %q", i, around(screen, i))
		}
		j := i + 2
		for j < len(screen) && (screen[j] < 0x40 || screen[j] > 0x7e) {
			j++
		}
		if j >= len(screen) || screen[j] != 'm' {
			t.Fatalf("a CSI that is not SGR at %d: %q", i, around(screen, i))
		}
		i = j
	}
	for _, r := range screen {
		switch {
		case r < 0x20 && r != '\n' && r != 0x1b:
			t.Fatalf("C0 control %U on screen", r)
		case r >= 0x80 && r <= 0x9f:
			t.Fatalf("C1 control %U on screen", r)
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			t.Fatalf("bidi control %U on screen", r)
		}
	}
	if strings.Contains(screen, "pwned") && strings.Contains(screen, "\x1b]") {
		t.Fatal("an OSC title sequence survived")
	}
}

func around(s string, i int) string {
	return s[max(0, i-20):min(len(s), i+20)]
}

// firstOpenAuthor is the customer name on the first row of the Open view.
func firstOpenAuthor(t *testing.T, h *harness) string {
	t.Helper()
	page, err := h.ctx.WS.API.SearchConversations(context.Background(), query.Field("state").Eq("open"), 5, "")
	if err != nil || len(page.Items) == 0 {
		t.Fatalf("open conversations: %v", err)
	}
	for _, c := range page.Items {
		if c.Source != nil && c.Source.Author.Type != "admin" && c.Source.Author.Name != "" {
			return string(c.Source.Author.Name)
		}
	}
	t.Fatal("no customer-started conversation on the first page")
	return ""
}
