package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/intercom-tui/intercom-tui/store"
	"github.com/intercom-tui/intercom-tui/syncer"
)

// withStore gives the harness a fresh offline store and a help-center max age.
func withStore(t *testing.T, h *harness, maxAge time.Duration) *store.Store {
	t.Helper()
	st, err := store.Open(t.TempDir() + "/s.db")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	h.ctx.Store = st
	h.ctx.Settings.HelpCenterMaxAge = maxAge
	return st
}

func TestHelpCenterSyncsAtStartWhenNeverSynced(t *testing.T) {
	h := newHarness(t, 20)
	st := withStore(t, h, 24*time.Hour)
	tm, _ := h.run(t, 100, 30, "Help center synced:")
	final(t, tm)

	if n := h.req.count("GET /articles"); n == 0 {
		t.Fatal("GET /articles was never requested: no background sync")
	}
	arts, err := st.Articles()
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) == 0 {
		t.Fatal("the store holds no articles after the sync")
	}
	state, err := st.SyncState(syncer.ResArticles)
	if err != nil {
		t.Fatal(err)
	}
	if !state.Done || state.FinishedAt.IsZero() {
		t.Fatalf("articles sync state not finished: %+v", state)
	}
}

func TestHelpCenterToastCountsArticles(t *testing.T) {
	h := newHarness(t, 20)
	st := withStore(t, h, time.Hour)
	// Wait for the toast, then compare its count with the store's articles.
	tm, p := h.run(t, 100, 30, "Help center synced:")
	screen := p.text()
	final(t, tm)
	arts, err := st.Articles()
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("Help center synced: %d articles updated", len(arts))
	if !strings.Contains(screen, want) {
		t.Fatalf("screen does not show %q:\n%s", want, screen)
	}
}

func TestHelpCenterFreshStoreIsNotSynced(t *testing.T) {
	h := newHarness(t, 20)
	st := withStore(t, h, 24*time.Hour)
	if err := st.SetSyncState(store.SyncState{Resource: syncer.ResArticles, Done: true,
		StartedAt: h.ctx.Now().Add(-time.Minute), FinishedAt: h.ctx.Now()}); err != nil {
		t.Fatal(err)
	}
	tm, p := h.run(t, 100, 30)
	screen := p.text()
	final(t, tm)
	if n := h.req.count("GET /articles"); n != 0 {
		t.Fatalf("GET /articles requested %d times for a store synced just now", n)
	}
	if strings.Contains(screen, "Help center synced") {
		t.Fatalf("a skipped sync showed a toast:\n%s", screen)
	}
}

func TestHelpCenterStaleStoreIsSynced(t *testing.T) {
	h := newHarness(t, 20)
	st := withStore(t, h, 24*time.Hour)
	if err := st.SetSyncState(store.SyncState{Resource: syncer.ResArticles, Done: true,
		StartedAt: h.ctx.Now().Add(-49 * time.Hour), FinishedAt: h.ctx.Now().Add(-48 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	tm, _ := h.run(t, 100, 30, "Help center synced:")
	final(t, tm)
	if n := h.req.count("GET /articles"); n == 0 {
		t.Fatal("a store synced 48h ago (max age 24h) was not synced")
	}
}

func TestHelpCenterMaxAgeZeroNeverSyncs(t *testing.T) {
	h := newHarness(t, 20)
	withStore(t, h, 0)
	tm, _ := h.run(t, 100, 30)
	final(t, tm)
	if n := h.req.count("GET /articles"); n != 0 {
		t.Fatalf("GET /articles requested %d times with HelpCenterMaxAge 0", n)
	}
	if n := h.req.count("GET /help_center/help_centers"); n != 0 {
		t.Fatalf("help centers requested %d times with HelpCenterMaxAge 0", n)
	}
}
