package articles

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// Resting on an article renders it and the next two in the background; opening it
// then shows its body in the Update of the key, with no render command and no request.
func TestRestingRendersAheadAndOpenShowsAtOnce(t *testing.T) {
	h := newHarness(t, 120, 36)
	h.p = h.p.PrefetchOnRest()
	h.selectArticle(3)
	h.send(restMsg{gen: h.p.pf.gen}) // the test rests by hand: no timer
	if h.p.pf.sent != articlesAhead || len(h.p.pf.rendered) != articlesAhead || len(h.p.pf.inflight) != 0 {
		t.Fatalf("%d renders started, %d kept, %d in flight; want %d kept", h.p.pf.sent, len(h.p.pf.rendered), len(h.p.pf.inflight), articlesAhead)
	}
	h.send(restMsg{gen: h.p.pf.gen})
	if h.p.pf.sent != articlesAhead {
		t.Fatalf("resting again rendered again (%d renders)", h.p.pf.sent)
	}
	requests := h.ws.Requests()

	p, cmd := h.p.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if !p.rd.open() || p.rd.pending || len(p.rd.lines) == 0 {
		t.Fatalf("reader open=%v pending=%v lines=%d", p.rd.open(), p.rd.pending, len(p.rd.lines))
	}
	for _, m := range drain(cmd) {
		if _, ok := m.(RenderedMsg); ok {
			t.Fatal("a prefetched article was rendered again on open")
		}
	}
	if n := h.ws.Requests() - requests; n != 0 {
		t.Fatalf("opening a prefetched article sent %d requests", n)
	}
}

// Moving the tree's cursor only starts a timer when prefetching on rest; a stale rest
// (the cursor moved on) renders nothing.
func TestStaleRestRendersNothing(t *testing.T) {
	h := newHarness(t, 120, 36)
	h.p = h.p.PrefetchOnRest()
	h.selectArticle(3)
	stale := h.p.pf.gen
	h.p, _ = h.p.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	if h.p.pf.gen == stale {
		t.Fatal("moving the cursor should start a new rest")
	}
	var cmd tea.Cmd
	h.p, cmd = h.p.Update(restMsg{gen: stale})
	if cmd != nil || h.p.pf.sent != 0 {
		t.Fatalf("a stale rest started %d renders", h.p.pf.sent)
	}
}

// selectArticle moves the tree's cursor to the nth article row (0-based).
func (h *harness) selectArticle(n int) {
	h.t.Helper()
	for i, r := range h.p.tree.rows {
		if r.n.kind == kindArticle {
			if n == 0 {
				h.p.tree.moveTo(i, h.p.height())
				return
			}
			n--
		}
	}
	h.t.Fatal("not that many articles shown")
}
