package ui

import (
	"context"
	"os"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/intercom-tui/intercom-tui/api/fake/faults"
	"github.com/intercom-tui/intercom-tui/clock"
	"github.com/intercom-tui/intercom-tui/drafts"
)

// TestFaultMatrix runs every fault of the matrix (faultmatrix_helpers_test.go) against
// the whole program over real HTTP, each on its own route after a healthy start:
//   - the inbox's first page and a thread: the specific message of the row, the client's
//     own retries counted at the workspace, and the data back on the retry key once the
//     fault is gone;
//   - a reply from the composer: sent exactly as often as the row says (counted in the
//     workspace's data, not just on the wire), never twice, reported when it failed or
//     may have landed, the draft kept on disk, and sent once on a later try.
//
// All waits are on the fake's clock (the injector and the api client sleep on fake
// clocks), so no real time passes for latency, backoff or rate-limit resets.
func TestFaultMatrix(t *testing.T) {
	for _, row := range faultMatrix() {
		t.Run(row.name, func(t *testing.T) {
			h := newMatrixHarness(t, 40, clock.NewFake(fixedNow))
			tm, p, log := h.start(t)
			if row.inbox {
				inboxUnderFault(t, h, tm, p, log, row)
			}
			id := threadUnderFault(t, h, tm, p, log, row)
			replyUnderFault(t, h, tm, p, log, row, id)
			if err := tm.Quit(); err != nil {
				t.Fatal(err)
			}
			tm.WaitFinished(t)
		})
	}
}

func inboxUnderFault(t *testing.T, h *matrixHarness, tm *teatest.TestModel, p *probe, log *toastLog, row faultRow) {
	t.Helper()
	h.fault(t, row, "POST", "/conversations/search")
	press(tm, "r")
	if row.read == "" {
		waitUntil(t, tm, p, "reloaded the inbox", func() bool {
			return h.ws.Count("POST", "/conversations/search") >= row.readAttempts && p.settled("● online") &&
				!strings.Contains(p.text(), "Couldn't load")
		})
		h.heal()
		return
	}
	msg := row.readText()
	waitUntil(t, tm, p, "reported the failed inbox", func() bool { return log.has("Loading Open: "+msg) && p.settled(msg) })
	noGoErrors(t, p.text())
	h.heal()
	press(tm, "ctrl+r")
	waitUntil(t, tm, p, "reloaded the inbox", func() bool {
		return p.settled("● online") && !strings.Contains(p.text(), "Couldn't load")
	})
}

// threadUnderFault opens the first conversation with the fault on its route, then
// again without; it returns the conversation's id.
func threadUnderFault(t *testing.T, h *matrixHarness, tm *teatest.TestModel, p *probe, log *toastLog, row faultRow) string {
	t.Helper()
	h.fault(t, row, "GET", "/conversations/*")
	press(tm, "enter")
	const failed = "Could not load this conversation: "
	if row.read == "" {
		waitUntil(t, tm, p, "opened the thread", func() bool {
			return h.ws.Count("GET", "/conversations/{id}") == row.readAttempts && p.settled(" customer") && !strings.Contains(p.text(), failed)
		})
	} else {
		msg := row.readText()
		waitUntil(t, tm, p, "reported the failed thread", func() bool { return log.has(failed+msg) && p.settled(failed+msg) })
		noGoErrors(t, p.text())
		if n := h.ws.Count("GET", "/conversations/{id}"); n != row.readAttempts {
			t.Errorf("the thread's read reached the workspace %d times, want %d (the client's retries)", n, row.readAttempts)
		}
		h.heal()
		press(tm, "ctrl+r")
		waitUntil(t, tm, p, "reloaded the thread", func() bool {
			return h.ws.Count("GET", "/conversations/{id}") == row.readAttempts+1 && p.settled("● online") && !strings.Contains(p.text(), failed)
		})
	}
	h.heal()
	for _, r := range h.ws.Log() {
		if rest, ok := strings.CutPrefix(r.Path, "/conversations/"); ok && r.Method == "GET" && !strings.Contains(rest, "/") {
			return rest
		}
	}
	t.Fatal("no thread was read")
	return ""
}

func replyUnderFault(t *testing.T, h *matrixHarness, tm *teatest.TestModel, p *probe, log *toastLog, row faultRow, id string) {
	t.Helper()
	// Letters and digits only, so the HTML the composer sends holds it verbatim.
	text := "matrix reply " + strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, row.name)
	press(tm, "R")
	waitFor(t, tm, p, "Reply to ")
	typeInto(tm, text)
	waitFor(t, tm, p, text, "draft saved 12:00")

	h.fault(t, row, "POST", "/conversations/*/reply")
	tm.Send(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	ok := row.writeSent == 1 && !row.unconfirmed
	if ok {
		waitUntil(t, tm, p, "sent the reply", func() bool { return log.has("Reply sent") && p.settled() })
	} else {
		want := row.writeToast(id)
		waitUntil(t, tm, p, "reported the reply", func() bool { return log.has(want) && p.settled() })
	}
	if n := h.ws.Count("POST", "/conversations/{id}/reply"); n != row.writeAttempts {
		t.Errorf("the reply reached the workspace %d times, want %d", n, row.writeAttempts)
	}
	h.heal()
	if n := sentCount(t, h, id, text); n != row.writeSent {
		t.Fatalf("the reply is in the conversation %d times, want %d", n, row.writeSent)
	}
	draftKept := hasDraft(t, h, text)
	if draftKept == ok {
		t.Fatalf("draft kept: %v, want %v (toasts %q)", draftKept, !ok, log.all())
	}
	if ok || row.writeSent == 1 || strings.HasPrefix(row.name, "404") {
		return // done, or landed already (the user was told to check), or gone
	}
	// Later, with the network healthy: a read brings the app online, the composer
	// reopens on the kept draft, and the reply goes once.
	press(tm, "esc", "r")
	waitUntil(t, tm, p, "came back online", func() bool { return p.settled("● online") })
	press(tm, "enter")
	waitUntil(t, tm, p, "reopened the thread", func() bool { return p.settled(" customer") })
	press(tm, "R")
	waitFor(t, tm, p, "Reply to ", text)
	tm.Send(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	waitUntil(t, tm, p, "sent the reply", func() bool { return log.has("Reply sent") && p.settled() })
	if n := sentCount(t, h, id, text); n != 1 {
		t.Fatalf("after the retry the reply is in the conversation %d times, want 1", n)
	}
}

// sentCount is how many parts of conversation id the workspace holds with text.
func sentCount(t *testing.T, h *matrixHarness, id, text string) int {
	t.Helper()
	conv, err := h.ctx.WS.API.Conversation(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, part := range conv.Parts() {
		if strings.Contains(string(part.Body), text) {
			n++
		}
	}
	return n
}

func hasDraft(t *testing.T, h *matrixHarness, text string) bool {
	t.Helper()
	list, err := h.ctx.Drafts.List(drafts.WorkspaceKey(h.ctx.Dir.Me.App.IDCode, ""))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range list {
		if d.Text == text {
			return true
		}
	}
	return false
}

// noGoErrors fails on a Go error dump on screen: the matrix's messages are the user's.
func noGoErrors(t *testing.T, screen string) {
	t.Helper()
	for _, dump := range []string{"intercom:", "cannot decode", "dial tcp", "unexpected EOF", "(request ", "lookup "} {
		if strings.Contains(screen, dump) {
			t.Fatalf("a Go error (%q) reached the screen:\n%s", dump, screen)
		}
	}
}

// TestFaultMatrixScreenNeverFreezes: a request that does not answer (a latency fault on
// a clock the test holds) leaves the program responsive: while the inbox reload and a
// thread are pending, the help opens and closes and the cursor moves; once the clock
// lets the answers through, they land.
func TestFaultMatrixScreenNeverFreezes(t *testing.T) {
	g := newGate()
	h := newMatrixHarness(t, 40, g)
	tm, p, _ := h.start(t)
	if err := h.inj.Add(faults.Rule{Kind: faults.Latency, Pattern: "/conversations/**", Delay: faults.RateLimitWindow}); err != nil {
		t.Fatal(err)
	}
	press(tm, "r")
	waitUntil(t, tm, p, "sent the reload", func() bool { return g.waiting.Load() == 1 })
	press(tm, "?")
	waitUntil(t, tm, p, "opened the help while the inbox is pending", func() bool {
		return strings.Contains(p.text(), "retry what failed")
	})
	press(tm, "?", "j", "enter")
	waitUntil(t, tm, p, "asked for the thread while the inbox is pending", func() bool { return g.waiting.Load() == 2 })
	if s := p.text(); strings.Contains(s, "retry what failed") {
		t.Fatalf("the help did not close while requests were pending:\n%s", s)
	}
	close(g.open)
	waitUntil(t, tm, p, "showed the answers", func() bool { return p.settled(" customer") && g.waiting.Load() == 0 })
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	tm.WaitFinished(t)
}

// TestREADMEFaultTable: the README's table is the matrix the tests run.
func TestREADMEFaultTable(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	want := markdownTable(faultMatrix())
	section := string(data)
	if i := strings.Index(section, "## When the network misbehaves"); i >= 0 {
		section = section[i:]
	} else {
		t.Fatalf("README has no \"## When the network misbehaves\" section; its table:\n\n%s", want)
	}
	if !strings.Contains(section, want) {
		t.Fatalf("README's fault table differs from the matrix; paste this:\n\n%s", want)
	}
}
