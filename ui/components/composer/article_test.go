package composer

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/api/fake/seed"
	"github.com/intercom-tui/intercom-tui/drafts"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/store/storetest"
	"github.com/intercom-tui/intercom-tui/ui/search"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

var ctrlA = tea.KeyPressMsg{Code: 'a', Mod: tea.ModCtrl}

func TestCtrlAPushesTheArticleSearch(t *testing.T) {
	for _, kind := range []drafts.Kind{drafts.Reply, drafts.Note} {
		c := New(testCtx(), Options{ConvID: "123", Kind: kind, Text: "Hi", Width: 120, Height: 34})
		c, out := press(c, ctrlA)
		if len(out) != 1 {
			t.Fatalf("%s: ctrl+a gave %#v", kind, out)
		}
		push, ok := out[0].(shared.PushOverlay)
		if !ok {
			t.Fatalf("%s: ctrl+a gave %T", kind, out[0])
		}
		if _, ok := push.Overlay.(search.Overlay); !ok {
			t.Fatalf("%s: pushed %T", kind, push.Overlay)
		}
		if c.Value() != "Hi" {
			t.Fatalf("%s: text became %q", kind, c.Value())
		}
		// Without a store the search says how to get one.
		if view := ansi.Strip(push.Overlay.View(120, 30)); !strings.Contains(view, search.NoHelpCenter) {
			t.Errorf("%s: search without a store:\n%s", kind, view)
		}
	}
	// A contact note takes no article link: ctrl+a is the text area's (line start).
	c := New(testCtx(), Options{ConvID: "9", Kind: drafts.ContactNote, Text: "Hi", Width: 120, Height: 34})
	if _, out := press(c, ctrlA); len(out) != 0 {
		t.Errorf("a contact note's ctrl+a gave %#v", out)
	}
}

func TestInsertedLinkGoesAtTheCursorAndBecomesALink(t *testing.T) {
	c := newReply("Hi Ana, see  for the steps.")
	c.ta.SetCursorColumn(len("Hi Ana, see "))
	o, cmd := c.Update(search.ArticleChosenMsg{ID: "7", Title: "Refunds *fast*", URL: "https://help.example.com/en/articles/7-refunds"})
	c = o.(Composer)
	want := `Hi Ana, see [Refunds \*fast\*](https://help.example.com/en/articles/7-refunds) for the steps.`
	if c.Value() != want {
		t.Fatalf("text %q, want %q", c.Value(), want)
	}
	out := msgs(cmd)
	if len(out) != 1 || out[0] != (DraftChangedMsg{ConvID: "123", Kind: drafts.Reply, Text: want}) {
		t.Fatalf("the insert reported %#v, want the draft change", out)
	}
	html := ToHTML(c.Value())
	if !strings.Contains(html, `<a href="https://help.example.com/en/articles/7-refunds">Refunds *fast*</a>`) {
		t.Fatalf("ToHTML gave %s", html)
	}
}

func TestInsertWithoutAURLInsertsTheTitleAndSaysSo(t *testing.T) {
	for _, u := range []string{"", "javascript:alert(1)", "https://"} {
		c := newReply("")
		o, _ := c.Update(search.ArticleChosenMsg{ID: "7", Title: "Refund \x1b[2Jpolicy\u202e", URL: u})
		c = o.(Composer)
		if c.Value() != "Refund policy" {
			t.Errorf("url %q: text %q", u, c.Value())
		}
		if st, isErr := c.Status(); !strings.Contains(st, "no link") || !isErr {
			t.Errorf("url %q: status %q", u, st)
		}
	}
}

func TestArticleLinkCleansTheURL(t *testing.T) {
	got, ok := ArticleLink("A [b] c", "https://h.example/x (y)\x1b[2J")
	if !ok || got != "[A (b) c](https://h.example/x%20%28y%29)" {
		t.Fatalf("got %q %v", got, ok)
	}
	if !strings.Contains(ToHTML(got), `<a href="https://h.example/x%20%28y%29">`) {
		t.Fatalf("ToHTML(%q) = %s", got, ToHTML(got))
	}
}

// stack is the root's overlay stack in miniature: keys and other messages go to the
// top overlay, Push and Pop change the stack, commands run in order.
type stack struct {
	overlays []shared.Overlay
	toPane   []tea.Msg // what no overlay handles: the draft changes
}

func (s *stack) send(msg tea.Msg) {
	switch msg := msg.(type) {
	case nil:
		return
	case shared.PushOverlay:
		s.overlays = append(s.overlays, msg.Overlay)
		return
	case shared.PopOverlay:
		s.overlays = s.overlays[:len(s.overlays)-1]
		return
	case DraftChangedMsg, SendMsg, ClosedMsg:
		s.toPane = append(s.toPane, unnumbered(msg))
	}
	if cmds, ok := subCommands(msg); ok {
		for _, c := range cmds {
			if c != nil {
				s.send(c())
			}
		}
		return
	}
	if len(s.overlays) == 0 {
		return
	}
	top := len(s.overlays) - 1
	var cmd tea.Cmd
	s.overlays[top], cmd = s.overlays[top].Update(msg)
	if cmd != nil {
		s.send(cmd())
	}
}

func TestSearchingRefundAndPressingEnterInsertsItsLink(t *testing.T) {
	st := storetest.Open(t)
	w := seed.New(1, 50, time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC))
	arts := make([]models.Article, w.NumArticles())
	for i := range arts {
		arts[i] = w.Article(i)
	}
	if err := st.PutArticles(arts); err != nil {
		t.Fatal(err)
	}
	hits, err := st.SearchArticles("refund", 1)
	if err != nil || len(hits) == 0 {
		t.Fatalf("no refund article: %v", err)
	}
	a, err := st.Article(hits[0].ID)
	if err != nil || a.URL == "" {
		t.Fatalf("article %s: %v, url %q", hits[0].ID, err, a.URL)
	}

	ctx := testCtx()
	ctx.Store = st
	s := &stack{overlays: []shared.Overlay{New(ctx, Options{ConvID: "123", Kind: drafts.Reply, Text: "See ", Width: 120, Height: 34})}}
	s.send(ctrlA)
	if len(s.overlays) != 2 {
		t.Fatalf("ctrl+a: %d overlays", len(s.overlays))
	}
	for _, r := range "refund" {
		s.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	if hs := s.overlays[1].(search.Overlay).Hits(); len(hs) == 0 || hs[0].ID != hits[0].ID {
		t.Fatalf("the search found %#v", hs)
	}
	s.send(tea.KeyPressMsg{Code: tea.KeyEnter})
	if len(s.overlays) != 1 {
		t.Fatalf("enter left %d overlays", len(s.overlays))
	}
	c := s.overlays[0].(Composer)
	link, _ := ArticleLink(a.Title, string(a.URL))
	t.Logf("inserted %q", link)
	if want := "See " + link; c.Value() != want || !strings.HasPrefix(link, "[") {
		t.Fatalf("text %q, want %q", c.Value(), want)
	}
	if n := len(s.toPane); n == 0 || s.toPane[n-1] != (DraftChangedMsg{ConvID: "123", Kind: drafts.Reply, Text: c.Value()}) {
		t.Fatalf("the pane was told %#v", s.toPane)
	}
	if !strings.Contains(ToHTML(c.Value()), `<a href="`) {
		t.Fatalf("no link in %s", ToHTML(c.Value()))
	}

	// esc from the search leaves the text as it was.
	s.send(ctrlA)
	for _, r := range "refund" {
		s.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	s.send(esc)
	if len(s.overlays) != 1 || s.overlays[0].(Composer).Value() != c.Value() {
		t.Fatalf("esc: %d overlays, text %q", len(s.overlays), s.overlays[0].(Composer).Value())
	}
}
