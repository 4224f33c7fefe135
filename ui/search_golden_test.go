package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/intercom-tui/intercom-tui/api/fake/seed"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/store/storetest"
)

// The global search (ctrl+f) through the whole program, over a temporary store holding
// the seeded help center and two seeded conversations about a refund.
// Regenerate only these with go test ./ui/ -run GoldenGlobalSearch -update.

func fillStore(t *testing.T, h *harness) {
	t.Helper()
	st := storetest.Open(t)
	w := seed.New(1, 300, fixedNow)
	arts := make([]models.Article, w.NumArticles())
	for i := range arts {
		arts[i] = w.Article(i)
	}
	if err := st.PutArticles(arts); err != nil {
		t.Fatal(err)
	}
	n := 0
	for i := 0; i < 300 && n < 2; i++ {
		c := w.Conversation(i)
		if c.Source != nil && strings.Contains(strings.ToLower(string(c.Source.Body)), "refund") {
			if err := st.PutConversation(c); err != nil {
				t.Fatal(err)
			}
			n++
		}
	}
	h.ctx.Store = st
}

var ctrlF = tea.KeyPressMsg{Code: 'f', Mod: tea.ModCtrl}

func globalSearch(t *testing.T) (*teatest.TestModel, *probe) {
	t.Helper()
	h := newHarness(t, 300)
	fillStore(t, h)
	tm, p := h.run(t, 120, 36, "Open 134")
	tm.Send(ctrlF)
	waitFor(t, tm, p, "search articles and conversations") // the overlay is up
	press(tm, "r", "e", "f", "u", "n", "d")
	waitFor(t, tm, p, "4 results", "Requesting a refund", "Cancel and refund annual plan")
	return tm, p
}

func TestGoldenGlobalSearch120x36(t *testing.T) {
	tm, _ := globalSearch(t)
	requireGolden(t, final(t, tm))
}

func TestGlobalSearchOpensArticle(t *testing.T) {
	tm, p := globalSearch(t)
	press(tm, "enter") // the best hit: the article "Requesting a refund"
	closedShowing(t, tm, p, "Requesting a refund", "five minutes")
	final(t, tm)
}

func TestGlobalSearchOpensConversation(t *testing.T) {
	tm, p := globalSearch(t)
	press(tm, "down", "down", "down", "enter") // "Cancel and refund annual plan"
	closedShowing(t, tm, p, "Cancel and refund annual plan", "Ольга Иванов customer")
	final(t, tm)
}

// closedShowing waits until the overlay has closed and the screen settled showing want.
func closedShowing(t *testing.T, tm *teatest.TestModel, p *probe, want ...string) {
	t.Helper()
	ok := func() bool { return p.settled(want...) && !strings.Contains(p.text(), "results") }
	teatest.WaitFor(t, tm.Output(), func([]byte) bool { return ok() },
		teatest.WithDuration(15*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
	if !ok() {
		t.Fatalf("screen never showed %q without the overlay:\n%s", want, p.text())
	}
}

func TestGlobalSearchWithoutStore(t *testing.T) {
	h := newHarness(t, 300)
	tm, p := h.run(t, 120, 36, "Open 134")
	tm.Send(ctrlF)
	waitFor(t, tm, p, "search articles and conversations")
	press(tm, "x")
	waitFor(t, tm, p, "Nothing is stored offline yet: run intercom-tui sync")
	press(tm, "esc")
	waitFor(t, tm, p, "Open 134")
	final(t, tm)
}
