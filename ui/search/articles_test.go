package search

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/store"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

func TestArticleChooserFindsOnlyArticlesAndAnswersWithTheChosenOne(t *testing.T) {
	st, _ := filledStore(t)
	o := newArticles(testCtx(st), st, 0)
	o, cmd := press(o, typed("refund")...)
	o = settle(t, o, cmd)
	if len(o.Hits()) == 0 {
		t.Fatal("no article about a refund")
	}
	for _, h := range o.Hits() {
		if h.Kind != store.KindArticle {
			t.Fatalf("the chooser found a %s", h.Kind)
		}
	}
	if view := ansi.Strip(o.View(120, 30)); !strings.Contains(view, "enter insert link") {
		t.Errorf("the keys do not say enter inserts:\n%s", view)
	}
	_, cmd = press(o, tea.KeyPressMsg{Code: tea.KeyEnter})
	if cmd == nil {
		t.Fatal("enter did nothing")
	}
	seq := sequence(cmd())
	if len(seq) != 2 {
		t.Fatalf("enter gave %T, want Sequence(Pop, chosen)", cmd())
	}
	if _, ok := seq[0]().(shared.PopOverlay); !ok {
		t.Errorf("first is not Pop")
	}
	got, ok := seq[1]().(ArticleChosenMsg)
	a, err := st.Article(o.Hits()[0].ID)
	if !ok || err != nil || got.ID != o.Hits()[0].ID || got.Title != a.Title || got.URL != string(a.URL) || got.URL == "" {
		t.Fatalf("chosen %#v (%v), want article %s %q %q", got, err, o.Hits()[0].ID, a.Title, a.URL)
	}
}

func TestArticleChooserWithoutAStore(t *testing.T) {
	o := NewArticles(testCtx(nil))
	o, _ = press(o, typed("refund")...)
	if view := ansi.Strip(o.View(120, 30)); !strings.Contains(view, NoHelpCenter) {
		t.Errorf("no clear line:\n%s", view)
	}
	if _, cmd := press(o, tea.KeyPressMsg{Code: tea.KeyEnter}); cmd != nil {
		t.Errorf("enter without a store gave %T", cmd())
	}
	if _, cmd := press(o, tea.KeyPressMsg{Code: tea.KeyEscape}); cmd == nil {
		t.Error("esc did not close")
	} else if _, ok := cmd().(shared.PopOverlay); !ok {
		t.Errorf("esc gave %T", cmd())
	}
}
