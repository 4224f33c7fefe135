package articles

import (
	"strings"
	"testing"

	"github.com/intercom-tui/intercom-tui/ui/shared"
)

func idOf(t *testing.T, h *harness, title string) string {
	t.Helper()
	for id, a := range h.p.byID {
		if a.Title == title {
			return id
		}
	}
	t.Fatalf("no article %q", title)
	return ""
}

// OpenArticleMsg (the global search's choice) opens the article in the reader.
func TestOpenArticleMsgOpensTheReader(t *testing.T) {
	h := newHarness(t, 120, 36)
	h.send(shared.OpenArticleMsg{ID: idOf(t, h, "Requesting a refund")})
	if !h.p.rd.open() || h.p.focus != focusReader {
		t.Fatalf("reader not open; toasts %v", h.toasts)
	}
	if s := stripped(h.screen()); !strings.Contains(s, "five minutes") {
		t.Errorf("reader does not show the article:\n%s", s)
	}
}

// Before the help center loaded, the article is read from the store.
func TestOpenArticleMsgFromTheStore(t *testing.T) {
	loaded := newHarness(t, 120, 36)
	id := idOf(t, loaded, "Requesting a refund")
	a := *loaded.p.byID[id]
	h := newPane(t, 120, 36, withStore())
	if err := h.ctx.Store.PutArticles(append(loaded.p.help.Articles[:0:0], a)); err != nil {
		t.Fatal(err)
	}
	h.send(shared.OpenArticleMsg{ID: id})
	if !h.p.rd.open() || h.p.pendingOpen != "" {
		t.Fatalf("reader not open; toasts %v", h.toasts)
	}
	h2 := newPane(t, 120, 36, withStore())
	h2.send(shared.OpenArticleMsg{ID: "missing"})
	if h2.p.rd.open() || len(h2.toasts) != 1 {
		t.Errorf("a missing article: open %v, toasts %v", h2.p.rd.open(), h2.toasts)
	}
}
