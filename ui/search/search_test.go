package search

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/api/fake/seed"
	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/store"
	"github.com/intercom-tui/intercom-tui/store/storetest"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

var now = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

// filledStore is a temporary store with the seeded help center (seed 1) and the first
// two seeded conversations that speak of a refund.
func filledStore(t *testing.T) (*store.Store, []string) {
	t.Helper()
	st := storetest.Open(t)
	w := seed.New(1, 300, now)
	arts := make([]models.Article, w.NumArticles())
	for i := range arts {
		arts[i] = w.Article(i)
	}
	if err := st.PutArticles(arts); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for i := 0; i < 300 && len(ids) < 2; i++ {
		c := w.Conversation(i)
		if c.Source == nil || !strings.Contains(strings.ToLower(string(c.Source.Body)), "refund") {
			continue
		}
		if err := st.PutConversation(c); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, string(c.ID))
	}
	if len(ids) != 2 {
		t.Fatalf("seed has %d conversations about a refund", len(ids))
	}
	return st, ids
}

// testCtx has no workspace at all: the overlay must never reach for the network.
func testCtx(st *store.Store) *shared.Context {
	return &shared.Context{Styles: theme.New(theme.Dark), Keys: keymap.Default(), Now: func() time.Time { return now }, Store: st}
}

func press(o Overlay, keys ...tea.KeyPressMsg) (Overlay, tea.Cmd) {
	var cmd tea.Cmd
	for _, k := range keys {
		var next shared.Overlay
		next, cmd = o.Update(k)
		o = next.(Overlay)
	}
	return o, cmd
}

func typed(s string) []tea.KeyPressMsg {
	var out []tea.KeyPressMsg
	for _, r := range s {
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

// settle runs cmd (and the commands its messages lead to) through the overlay.
func settle(t *testing.T, o Overlay, cmd tea.Cmd) Overlay {
	t.Helper()
	for i := 0; cmd != nil && i < 10; i++ {
		msg := cmd()
		if b, ok := msg.(tea.BatchMsg); ok {
			var next tea.Cmd
			for _, c := range b {
				if c != nil {
					if m := c(); m != nil {
						var n shared.Overlay
						n, next = o.Update(m)
						o = n.(Overlay)
					}
				}
			}
			cmd = next
			continue
		}
		var n shared.Overlay
		n, cmd = o.Update(msg)
		o = n.(Overlay)
	}
	return o
}

func TestFindsArticlesAndConversationsRanked(t *testing.T) {
	st, ids := filledStore(t)
	o := newOverlay(testCtx(st), st, 0)
	o, cmd := press(o, typed("refund")...)
	o = settle(t, o, cmd)
	hits := o.Hits()
	kinds := map[string]int{}
	for i, h := range hits {
		kinds[h.Kind]++
		if i > 0 && hits[i-1].Rank > h.Rank {
			t.Errorf("not ranked: %v before %v", hits[i-1].Rank, h.Rank)
		}
		if !strings.Contains(strings.ToLower(h.Snippet), store.MarkStart+"refund") {
			t.Errorf("snippet %q has no highlighted refund", h.Snippet)
		}
	}
	if kinds[store.KindArticle] == 0 || kinds[store.KindConversation] != len(ids) {
		t.Fatalf("kinds %v, want articles and %d conversations", kinds, len(ids))
	}
	view := o.View(120, 34)
	plain := ansi.Strip(view)
	if strings.ContainsAny(view, store.MarkStart+store.MarkEnd) {
		t.Errorf("raw markers on screen:\n%q", view)
	}
	for _, want := range []string{"≡ article", "✉ conversation", "results", "efund"} {
		if !strings.Contains(plain, want) {
			t.Errorf("screen lacks %q:\n%s", want, plain)
		}
	}
	// The highlighted word is styled apart from the rest of its snippet.
	hl := o.ctx.Styles.Title.Render("refund")
	if !strings.Contains(view, hl) && !strings.Contains(view, o.ctx.Styles.Title.Render("Refund")) {
		t.Errorf("no highlighted refund in:\n%q", view)
	}
}

func TestEnterOpensTheSelectedResult(t *testing.T) {
	st, _ := filledStore(t)
	o := newOverlay(testCtx(st), st, 0)
	o, cmd := press(o, typed("refund")...)
	o = settle(t, o, cmd)
	for i, h := range o.Hits() {
		cur := o
		for range i {
			cur, _ = press(cur, tea.KeyPressMsg{Code: tea.KeyDown})
		}
		_, cmd := press(cur, tea.KeyPressMsg{Code: tea.KeyEnter})
		if cmd == nil {
			t.Fatal("enter did nothing")
		}
		seq := sequence(cmd())
		if len(seq) != 2 {
			t.Fatalf("enter gave %T, want Sequence(Pop, open)", cmd())
		}
		if _, ok := seq[0]().(shared.PopOverlay); !ok {
			t.Errorf("first is not Pop")
		}
		var want tea.Msg = shared.OpenConversationMsg{ID: h.ID}
		if h.Kind == store.KindArticle {
			want = shared.OpenArticleMsg{ID: h.ID}
		}
		if got := seq[1](); got != want {
			t.Errorf("hit %d opens %#v, want %#v", i, got, want)
		}
	}
}

// sequence is the commands of a tea.Sequence message (its type is unexported).
func sequence(msg tea.Msg) []tea.Cmd {
	v := reflect.ValueOf(msg)
	if !v.IsValid() || v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeOf(tea.Cmd(nil)) {
		return nil
	}
	out := make([]tea.Cmd, v.Len())
	for i := range out {
		out[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return out
}

func TestEscCloses(t *testing.T) {
	o := newOverlay(testCtx(nil), nil, 0)
	_, cmd := press(o, tea.KeyPressMsg{Code: tea.KeyEscape})
	if cmd == nil {
		t.Fatal("esc did nothing")
	}
	if _, ok := cmd().(shared.PopOverlay); !ok {
		t.Errorf("esc gave %T", cmd())
	}
}

func TestStaleAnswersDropped(t *testing.T) {
	st, _ := filledStore(t)
	o := newOverlay(testCtx(st), st, 200*time.Millisecond)
	o, tick1 := press(o, typed("ref")...)
	old := o.gen
	o, _ = press(o, typed("und")...)
	// The first tick is moot: a newer keystroke came.
	n, cmd := o.Update(tickMsg{gen: old})
	o = n.(Overlay)
	if cmd != nil {
		t.Errorf("a moot tick ran a search")
	}
	_ = tick1
	// An answer for the older generation changes nothing.
	n, _ = o.Update(ResultMsg{Gen: old, Query: "ref", Hits: []store.Hit{{Kind: store.KindArticle, ID: "x", Title: "stale"}}})
	o = n.(Overlay)
	if len(o.Hits()) != 0 || !o.pending {
		t.Fatalf("stale answer applied: %+v", o.Hits())
	}
	// The current tick runs the search; its answer shows.
	n, cmd = o.Update(tickMsg{gen: o.gen})
	o = n.(Overlay)
	o = settle(t, o, cmd)
	if len(o.Hits()) == 0 || o.query != "refund" || o.pending {
		t.Fatalf("current answer not applied: %q %v", o.query, o.Hits())
	}
	// After esc, a late answer is dropped too.
	o, _ = press(o, tea.KeyPressMsg{Code: tea.KeyEscape})
	n, _ = o.Update(ResultMsg{Gen: o.gen - 1, Query: "refund"})
	if len(n.(Overlay).Hits()) == 0 {
		t.Errorf("late answer after esc applied")
	}
}

type fakeSearcher struct{ hits []store.Hit }

func (f fakeSearcher) Search(string, int) ([]store.Hit, error) { return f.hits, nil }

func TestHostileTextSanitized(t *testing.T) {
	evil := "\x1b]8;;http://evil\x07click\x1b]8;;\x07 \x1b[2J\u202e"
	src := fakeSearcher{[]store.Hit{{Kind: store.KindConversation, ID: "1", Title: "Bad " + evil + " title",
		Snippet: "before " + store.MarkStart + "refund" + evil + store.MarkEnd + " after " + evil + "\x01\x01"}}}
	o := newOverlay(testCtx(nil), src, 0)
	o, cmd := press(o, typed("refund")...)
	o = settle(t, o, cmd)
	view := o.View(100, 20)
	for _, bad := range []string{"\x1b]", "\x1b[2J", "\u202e", "\x07", "\x01", "\x02"} {
		if strings.Contains(view, bad) {
			t.Errorf("view holds %q:\n%q", bad, view)
		}
	}
	if !strings.Contains(ansi.Strip(view), "before refund") {
		t.Errorf("snippet text lost:\n%s", ansi.Strip(view))
	}
}

func TestWithoutAStore(t *testing.T) {
	o := New(testCtx(nil))
	o2, cmd := press(o, typed("refund")...)
	if cmd != nil {
		if msg := cmd(); msg != nil {
			if _, ok := msg.(ResultMsg); ok {
				t.Errorf("searched without a store")
			}
		}
	}
	view := ansi.Strip(o2.View(120, 30))
	if !strings.Contains(view, NoStore) {
		t.Errorf("no clear line:\n%s", view)
	}
	_, _ = press(o2, tea.KeyPressMsg{Code: tea.KeyEnter}, tea.KeyPressMsg{Code: tea.KeyDown})
}

func TestStoreErrorShows(t *testing.T) {
	o := newOverlay(testCtx(nil), fakeSearcher{}, 0)
	o, _ = press(o, typed("x")...)
	n, _ := o.Update(ResultMsg{Gen: o.gen, Query: "x", Err: errors.New("disk \x1b[31mgone")})
	view := n.(Overlay).View(100, 20)
	if !strings.Contains(ansi.Strip(view), "Search failed: disk") || strings.Contains(view, "\x1b[31mgone") {
		t.Errorf("error line:\n%q", view)
	}
}

func TestTinyAndResizedRender(t *testing.T) {
	st, _ := filledStore(t)
	o := newOverlay(testCtx(st), st, 0)
	o, cmd := press(o, typed("refund")...)
	o = settle(t, o, cmd)
	for _, sz := range [][2]int{{0, 0}, {5, 3}, {20, 6}, {40, 10}, {80, 24}, {200, 60}} {
		v := o.View(sz[0], sz[1])
		for _, l := range strings.Split(v, "\n") {
			if w := ansi.StringWidth(l); w > max(sz[0], 0) {
				t.Errorf("%v: line %d wide: %q", sz, w, ansi.Strip(l))
			}
		}
		if n := strings.Count(v, "\n") + 1; v != "" && n > sz[1] {
			t.Errorf("%v: %d lines", sz, n)
		}
	}
}
