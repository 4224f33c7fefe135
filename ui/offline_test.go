package ui

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/api/fake/faults"
	"github.com/intercom-tui/intercom-tui/clock"
	"github.com/intercom-tui/intercom-tui/drafts"
	"github.com/intercom-tui/intercom-tui/store"
	"github.com/intercom-tui/intercom-tui/store/storetest"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// A successful start saves the directory in the store.
func TestDirectoryIsSavedInTheStore(t *testing.T) {
	h := newHarness(t, 10)
	h.ctx.Store = storetest.Open(t)
	tm, _ := h.run(t, 120, 36, "● online")
	_ = final(t, tm)
	saved, err := h.ctx.Store.Directory()
	if err != nil {
		t.Fatal(err)
	}
	if saved.Me.ID != h.ctx.Dir.Me.ID || len(saved.Admins) != len(h.ctx.Dir.Admins) || len(saved.Teams) != len(h.ctx.Dir.Teams) ||
		!saved.SavedAt.Equal(fixedNow) {
		t.Fatalf("saved directory %+v, want the loaded one", saved)
	}
}

// With the network gone and a directory in the store, the app starts with the inbox
// chrome from that directory and says it is offline since when.
func TestStartsOfflineFromTheStore(t *testing.T) {
	h := newHarness(t, 10)
	dir, err := h.ctx.WS.LoadDirectory(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	st := storetest.Open(t)
	if err := st.PutDirectory(store.Directory{Me: dir.Me, Admins: dir.Admins, Teams: dir.Teams}); err != nil {
		t.Fatal(err)
	}
	down := httptest.NewServer(http.NotFoundHandler())
	down.Close() // nothing listens there any more: every request is a network error
	client, err := api.New(api.WithToken(h.ws.Token()), api.WithBaseURL(down.URL), api.WithClock(clock.NewFake(fixedNow)))
	if err != nil {
		t.Fatal(err)
	}
	h.ctx.WS, h.ctx.Store = workspace.New(client, true), st
	tm, p := h.run(t, 120, 36, "○ offline since 12:00", dir.WorkspaceName())
	if h.ctx.Dir == nil || h.ctx.Dir.Me.ID != dir.Me.ID || !h.ctx.Offline {
		t.Fatalf("started with directory %+v, offline %v", h.ctx.Dir, h.ctx.Offline)
	}
	if s := p.text(); strings.Contains(s, "Could not connect") {
		t.Fatalf("the connecting screen is still up:\n%s", s)
	}
	// The retry key asks the network again; still down, the app keeps working offline.
	press(tm, "ctrl+r")
	waitFor(t, tm, p, "○ offline since 12:00")
	_ = final(t, tm)
}

// Offline, a reply is refused before anything is sent: the offline sentence, no
// request, and the draft kept (the composer reopens on it).
func TestReplyWhileOfflineIsRefusedAndKept(t *testing.T) {
	tm, p, h := composeOver(t, 120, 36, "R", "Reply to ")
	typed := "refund is on its way"
	typeInto(tm, typed)
	waitFor(t, tm, p, typed, "draft saved 12:00")

	if err := h.inj.Add(faults.Rule{Kind: faults.Refuse, Pattern: "*"}); err != nil {
		t.Fatal(err)
	}
	// A request failed to reach the server: the app is offline.
	tm.Send(answer{shared.Loaded[int]{Err: &api.NetworkError{Err: &net.OpError{Op: "dial", Err: syscall.ECONNREFUSED}}}})
	waitFor(t, tm, p, "○ offline since 12:00")
	h.ws.ResetCounters()

	tm.Send(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	waitFor(t, tm, p, "You're offline: the change was not sent")
	if n := h.ws.Requests(); n != 0 {
		t.Fatalf("%d requests sent while offline, want none: %v", n, h.ws.Log())
	}
	list, err := h.ctx.Drafts.List(drafts.WorkspaceKey(h.ctx.Dir.Me.App.IDCode, ""))
	if err != nil || len(list) != 1 || list[0].Text != typed {
		t.Fatalf("drafts after the refused reply: %+v %v", list, err)
	}
	press(tm, "R") // not stuck "sending": the composer reopens on the draft
	waitFor(t, tm, p, "Reply to ", typed)
	_ = final(t, tm)
}

// A directory from the store is reloaded from the network once the server answers
// again (any successful outcome), and only once while that reload is in flight.
func TestStaleDirectoryReloadsWhenBackOnline(t *testing.T) {
	h := newHarness(t, 10)
	dir, err := h.ctx.WS.LoadDirectory(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var m tea.Model = New(h.ctx, Options{})
	m, _ = m.Update(tea.WindowSizeMsg{Width: 100, Height: 20})
	down := &api.NetworkError{Err: &net.OpError{Op: "dial", Err: syscall.ECONNREFUSED}}
	stale := shared.DirectoryMsg{Loaded: shared.Loaded[*workspace.Directory]{Req: m.(App).dirReq, Value: dir}, Stale: down}
	m, _ = m.Update(stale)
	if a := m.(App); h.ctx.Dir != dir || !h.ctx.Offline || a.online || !a.dir.stale {
		t.Fatalf("after a stale directory: dir %v offline %v online %v stale %v", h.ctx.Dir != nil, h.ctx.Offline, a.online, a.dir.stale)
	}
	req := m.(App).dirReq
	m, _ = m.Update(answer{shared.Loaded[int]{}}) // the server answered something
	if a := m.(App); !a.online || h.ctx.Offline || a.dirReq != req+1 {
		t.Fatalf("back online: online %v offline %v dirReq %d, want a reload (%d)", a.online, h.ctx.Offline, a.dirReq, req+1)
	}
	m, _ = m.Update(answer{shared.Loaded[int]{}})
	if a := m.(App); a.dirReq != req+1 {
		t.Fatalf("a second reload started while one is in flight (dirReq %d)", a.dirReq)
	}
	m, _ = m.Update(shared.DirectoryMsg{Loaded: shared.Loaded[*workspace.Directory]{Req: req + 1, Value: dir}})
	if a := m.(App); a.dir.stale || !a.online {
		t.Fatalf("after the reload: stale %v online %v", a.dir.stale, a.online)
	}
}

// A damaged store is moved aside and rebuilt when opened; the app tells the user so.
func TestDamagedStoreIsReportedOnScreen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ws.db")
	if err := os.WriteFile(path, []byte("this is not a database, it was cut short by a crash"), 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if st.Notice() == "" {
		t.Fatal("no notice for a damaged store")
	}
	h := newHarness(t, 10)
	h.ctx.Store = st
	tm, _ := h.runWith(t, Options{Where: "demo workspace", Notice: st.Notice()}, 120, 36, "Open", "The offline store was damaged and has been rebuilt", ".corrupt-")
	_ = final(t, tm)
}
