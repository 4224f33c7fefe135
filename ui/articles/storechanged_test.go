package articles

import (
	"strings"
	"testing"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/syncer"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// A background sync that wrote the help center makes a started pane re-read the store.
func TestStoreChangedRereadsTheStore(t *testing.T) {
	h := newHarness(t, 120, 36, withStore())
	if strings.Contains(h.screen(), "Synced in the background") {
		t.Fatal("the article shows before the sync wrote it")
	}
	synced := models.Article{Type: "article", ID: "999001", Title: "Synced in the background", State: "published",
		UpdatedAt: 1 << 40, Body: "<p>new</p>"}
	if err := h.ctx.Store.PutArticles([]models.Article{synced}); err != nil {
		t.Fatal(err)
	}
	h.send(shared.StoreChangedMsg{Resource: syncer.ResConversations}) // not ours: nothing
	if strings.Contains(h.screen(), "Synced in the background") {
		t.Fatal("a change to another resource re-read the help center")
	}
	h.send(shared.StoreChangedMsg{Resource: syncer.ResArticles})
	if h.p.Busy() || !strings.Contains(h.screen(), "Synced in the background") {
		t.Fatalf("the pane did not re-read the store:\n%s", h.screen())
	}
}

// A pane not started yet ignores the change: it reads the store when it starts.
func TestStoreChangedBeforeStartDoesNothing(t *testing.T) {
	h := newPane(t, 120, 36, withStore())
	var cmd = func() bool {
		p, c := h.p.Update(shared.StoreChangedMsg{Resource: syncer.ResArticles})
		h.p = p
		return c != nil
	}()
	if cmd || h.p.Busy() {
		t.Fatal("an unstarted pane read the store on a change")
	}
}
