package ui

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/clock"
	"github.com/intercom-tui/intercom-tui/store"
	"github.com/intercom-tui/intercom-tui/store/storetest"
	"github.com/intercom-tui/intercom-tui/syncer"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// offlineHarness is a harness whose store holds the directory and the synced help
// center, with the network gone: every request fails to connect.
func offlineHarness(t *testing.T) *harness {
	t.Helper()
	return offlineWith(t, storetest.Open(t))
}

// offlineWith is offlineHarness over a store that may hold more (an earlier session's).
func offlineWith(t *testing.T, st *store.Store) *harness {
	t.Helper()
	h := newHarness(t, 300)
	dir, err := h.ctx.WS.LoadDirectory(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if err := st.PutDirectory(store.Directory{Me: dir.Me, Admins: dir.Admins, Teams: dir.Teams, SavedAt: fixedNow}); err != nil {
		t.Fatal(err)
	}
	if _, err := syncer.Articles(context.Background(), h.ctx.WS.API, st, nil); err != nil {
		t.Fatal(err)
	}
	down := httptest.NewServer(http.NotFoundHandler())
	down.Close() // nothing listens there any more
	client, err := api.New(api.WithToken(h.ws.Token()), api.WithBaseURL(down.URL), api.WithClock(clock.NewFake(fixedNow)))
	if err != nil {
		t.Fatal(err)
	}
	h.ctx.WS, h.ctx.Store = workspace.New(client, true), st
	return h
}

// With the network gone, the synced help center still lists, renders and searches; the
// status bar says offline since when, and the one offline notice stands for every
// failed read. Regenerate with go test ./ui/ -run GoldenOffline -update.
func TestGoldenOfflineArticleReader120x36(t *testing.T) {
	h := offlineHarness(t)
	tm, p := h.run(t, 120, 36, "○ offline since 12:00")
	press(tm, "4")
	waitFor(t, tm, p, "40 articles", "Developers & API")
	press(tm, "j", "j", "j", "j", "j", "j", "enter")
	waitFor(t, tm, p, "en · fr · ja", "Before you start", "○ offline since 12:00", offlineNotice[:40])
	requireGolden(t, final(t, tm))
}

func TestGoldenOfflineArticleSearch120x36(t *testing.T) {
	h := offlineHarness(t)
	tm, p := h.run(t, 120, 36, "○ offline since 12:00")
	press(tm, "4")
	waitFor(t, tm, p, "40 articles")
	press(tm, "/", "r", "e", "f", "u", "n", "d")
	waitFor(t, tm, p, "2 results", "Requesting a refund", "○ offline since 12:00")
	requireGolden(t, final(t, tm))
}

// An earlier session online saw the Open view and one thread; the next start, with the
// network gone, shows both from the store, marked as saved, with the offline status.
func TestGoldenOfflineInbox120x36(t *testing.T) {
	st := storetest.Open(t)
	online := newHarness(t, 300)
	online.ctx.Store = st
	tm, p := online.run(t, 120, 36, "Open 134")
	press(tm, "j", "enter")
	waitFor(t, tm, p, "lines ")
	_ = final(t, tm)

	h := offlineWith(t, st)
	tm, p = h.run(t, 120, 36, "○ offline since 12:00", "saved 12:00")
	press(tm, "j", "enter")
	waitFor(t, tm, p, "Olivia Williams <olivia.williams@kestrelgames.com>", "Great, thank you so much",
		"from the offline store · refresh failed", "○ offline since 12:00", offlineNotice[:40])
	requireGolden(t, final(t, tm))
}
