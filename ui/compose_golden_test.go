package ui

import (
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/intercom-tui/intercom-tui/drafts"
)

// Golden screens of the composer over the thread (seed 1, fixedNow). Regenerate only
// these with go test ./ui/ -run Compose -update.

func TestGoldenComposeReply120x36(t *testing.T) {
	tm, p, _ := composeOver(t, 120, 36, "R", "Reply to ")
	typeInto(tm, "Hi **Alejandro**,\n\nthe refund is on its way: see [our docs](https://example.com/refunds).\nq is text here")
	waitFor(t, tm, p, "q is text here", "draft saved 12:00")
	requireGolden(t, final(t, tm))
}

func TestGoldenComposeNote80x24(t *testing.T) {
	tm, p, _ := composeOver(t, 80, 24, "N", "Internal note on #")
	typeInto(tm, "Refund approved by finance")
	waitFor(t, tm, p, "Refund approved by finance", "draft saved 12:00")
	requireGolden(t, final(t, tm))
}

// Quitting with ctrl+c while composing loses nothing: the draft was saved as it was
// typed (q, by the way, is text in the composer, not quit).
func TestComposeCtrlCKeepsTheDraft(t *testing.T) {
	tm, p, h := composeOver(t, 120, 36, "R", "Reply to ")
	typed := "quick question: q and ctrl+c"
	typeInto(tm, typed)
	waitFor(t, tm, p, typed, "draft saved 12:00")
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))

	list, err := h.ctx.Drafts.List(drafts.WorkspaceKey(h.ctx.Dir.Me.App.IDCode, ""))
	if err != nil || len(list) != 1 {
		t.Fatalf("drafts after ctrl+c: %v %v", list, err)
	}
	if d := list[0]; d.Text != typed || d.Kind != drafts.Reply {
		t.Fatalf("draft after ctrl+c: %+v", d)
	}
}

// composeOver opens the third conversation's thread at w x hgt and presses k (R or
// N), waiting for the composer to show want.
func composeOver(t *testing.T, w, hgt int, k, want string) (*teatest.TestModel, *probe, *harness) {
	t.Helper()
	h := newHarness(t, 300)
	store, err := drafts.Open(filepath.Join(t.TempDir(), "drafts"))
	if err != nil {
		t.Fatal(err)
	}
	h.ctx.Drafts = store
	tm, p := h.run(t, w, hgt, "Open 134")
	press(tm, "j", "j", "enter")
	waitFor(t, tm, p, "Alejandro López <alejandro")
	press(tm, k)
	waitFor(t, tm, p, want, "esc keep draft & close")
	return tm, p, h
}

// typeInto types s key by key; '\n' is enter.
func typeInto(tm *teatest.TestModel, s string) {
	for _, r := range s {
		if r == '\n' {
			press(tm, "enter")
			continue
		}
		press(tm, string(r))
	}
}
