package ui

import (
	"strings"
	"testing"

	"github.com/intercom-tui/intercom-tui/api/fake/faults"
)

// Golden screens: the final model's screen without colours, at fixed sizes, against the
// fake workspace (seed 1) on a fixed clock. Regenerate with go test ./ui -update.

func TestGoldenInbox120x36(t *testing.T) {
	h := newHarness(t, 300)
	tm, _ := h.run(t, 120, 36, "Parcel Pilot", "Open 134", firstOpenAuthor(t, h))
	requireGolden(t, final(t, tm))
}

func TestGoldenInbox80x24(t *testing.T) {
	h := newHarness(t, 300)
	tm, _ := h.run(t, 80, 24, "Parcel Pilot", "Open 134")
	requireGolden(t, final(t, tm))
}

func TestGoldenThreadSplit120x36(t *testing.T) {
	h := newHarness(t, 300)
	tm, p := h.run(t, 120, 36, "Open 134")
	press(tm, "j", "j", "enter")
	waitFor(t, tm, p, "Alejandro López <alejandro", "customer", "teammate")
	screen := final(t, tm)
	if !strings.Contains(screen, "│") {
		t.Fatalf("at 120 columns the list and the thread should be side by side:\n%s", screen)
	}
	requireGolden(t, screen)
}

func TestGoldenThreadFull80x24(t *testing.T) {
	h := newHarness(t, 300)
	tm, p := h.run(t, 80, 24, "Open 134")
	press(tm, "j", "j", "enter")
	waitFor(t, tm, p, "Alejandro López <alejandro", "customer")
	screen := final(t, tm)
	if strings.Contains(screen, "Open 134") {
		t.Fatalf("below 120 columns the thread should take the whole pane:\n%s", screen)
	}
	requireGolden(t, screen)
}

func TestGoldenHelp120x36(t *testing.T) {
	h := newHarness(t, 300)
	tm, p := h.run(t, 120, 36, "Open 134")
	press(tm, "?")
	waitFor(t, tm, p, "Keys", "Conversations", "next view")
	requireGolden(t, final(t, tm))
}

func TestGoldenHelp80x24(t *testing.T) {
	h := newHarness(t, 300)
	tm, p := h.run(t, 80, 24, "Open 134")
	press(tm, "?")
	waitFor(t, tm, p, "Keys")
	requireGolden(t, final(t, tm))
}

// testErrorToast: every attempt of the inbox search answers 500 (the client retries
// a search three times), so the user sees an error toast with the retry key, and the
// retry key then loads the inbox.
func TestGoldenErrorToast120x36(t *testing.T) { testErrorToast(t, 120, 36) }

func TestGoldenErrorToast80x24(t *testing.T) { testErrorToast(t, 80, 24) }

func testErrorToast(t *testing.T, w, hgt int) {
	h := newHarness(t, 300, faults.Rule{Kind: faults.Status, Code: 500, Method: "POST", Pattern: "/conversations/search", Count: 4})
	tm, p := h.run(t, w, hgt, "✗", "ctrl+r retry")
	screen := p.text()
	if !strings.Contains(screen, "500") && !strings.Contains(strings.ToLower(screen), "server") {
		t.Fatalf("the toast should say what failed:\n%s", screen)
	}
	press(tm, "ctrl+r")
	waitFor(t, tm, p, "Open 134")
	requireGolden(t, screen)
	_ = final(t, tm)
}

func TestGoldenEmptyView80x24(t *testing.T) {
	h := newHarness(t, 2)
	tm, _ := h.run(t, 80, 24, "Parcel Pilot", "Open 0", "No open conversations")
	requireGolden(t, final(t, tm))
}

func TestGoldenEmptyView120x36(t *testing.T) {
	h := newHarness(t, 2)
	tm, _ := h.run(t, 120, 36, "Parcel Pilot", "Open 0", "No open conversations")
	requireGolden(t, final(t, tm))
}

func TestGoldenTiny40x10(t *testing.T) {
	h := newHarness(t, 300)
	tm, p := h.run(t, 40, 10, "Open")
	press(tm, "j", "enter")
	waitFor(t, tm, p)
	press(tm, "esc", "?")
	waitFor(t, tm, p)
	press(tm, "?")
	waitFor(t, tm, p)
	screen := final(t, tm)
	if n := len(strings.Split(screen, "\n")); n != 10 {
		t.Fatalf("%d lines on a 10-line terminal:\n%s", n, screen)
	}
	requireGolden(t, screen)
}
