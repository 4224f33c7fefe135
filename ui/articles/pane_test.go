package articles

import (
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

func TestTreeFollowsTheHelpCenterOrder(t *testing.T) {
	h := newHarness(t, 120, 36)
	var got []string
	for _, r := range h.p.tree.rows {
		got = append(got, strings.Repeat(" ", r.depth)+r.n.title)
	}
	want := []string{
		"Parcel Pilot Help Center",
		" Getting started",
		"  Setting up your workspace", "  Inviting your team",
		"  Keyboard shortcuts", "  Troubleshooting login problems", "  Welcome! Start here",
		" Billing & payments",
		"  Invoices", "  Plans and pricing", "  Refunds",
		"  Billing FAQ", "  Deleting personal data (GDPR)",
		" Developers & API",
		"  Authentication", "  REST API", "  Webhooks",
		"  Exporting your data", "  Scheduled exports",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("tree rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	screen := h.screen()
	for _, s := range []string{"40 articles", "5 drafts", "Billing & payments", "13 · 1 draft", "published", "draft"} {
		if !strings.Contains(screen, s) {
			t.Errorf("screen lacks %q:\n%s", s, screen)
		}
	}

	// Enter and → open a section, its articles by title; ← closes it again.
	h.selectTitle("Refunds")
	h.press("right")
	var arts []string
	for _, r := range h.p.tree.rows[h.p.tree.cursor+1 : h.p.tree.cursor+4] {
		arts = append(arts, r.n.title)
	}
	if strings.Join(arts, "|") != "Cancelling your subscription|Refund policy|Requesting a refund" {
		t.Fatalf("Refunds shows %v", arts)
	}
	h.press("down", "left") // on an article, ← goes to its section
	if n := h.p.tree.selected(); n.title != "Refunds" {
		t.Fatalf("← from an article selected %q", n.title)
	}
	h.press("left")
	if len(h.p.tree.rows) != len(want) {
		t.Fatalf("← did not close Refunds: %d rows", len(h.p.tree.rows))
	}
	h.press("enter")
	if len(h.p.tree.rows) != len(want)+3 {
		t.Fatalf("enter did not open Refunds: %d rows", len(h.p.tree.rows))
	}
}

func TestReaderRendersTablesCodeListsAndImages(t *testing.T) {
	for _, size := range [][2]int{{120, 36}, {80, 24}} {
		h := newHarness(t, size[0], size[1])
		h.openTitle("Getting started with the REST API")
		body := strings.Join(h.p.rd.lines, "\n")
		for _, s := range []string{"<table", "<td", "<p>", "<img", "<pre", "<code", "</"} {
			if strings.Contains(body, s) {
				t.Fatalf("raw HTML %q in the body:\n%s", s, body)
			}
		}
		for _, s := range []string{"Before you start", "• You need to be a workspace admin", "1. ", "Time zone", "UTC",
			theme.PlainIcons.Image, "https://downloads.intercomcdn.com/", "Step by step"} {
			if !strings.Contains(stripped(body), s) {
				t.Errorf("%dx%d: body lacks %q:\n%s", size[0], size[1], s, stripped(body))
			}
		}
		w, _ := h.p.readerSize()
		for _, l := range h.p.rd.lines {
			if lw := width(l); lw > w {
				t.Errorf("a body line is %d cells, the reader %d: %q", lw, w, stripped(l))
			}
		}
		screen := h.screen()
		if !strings.Contains(screen, "Getting started with the REST API") || !strings.Contains(screen, "en · de · fr") {
			t.Fatalf("reader header:\n%s", screen)
		}
		// Scrolling: G shows the end, g the start.
		h.press("G")
		if h.p.rd.offset == 0 || !strings.Contains(h.screen(), "Contact support") {
			t.Fatalf("G did not reach the end:\n%s", h.screen())
		}
		h.press("g")
		if h.p.rd.offset != 0 {
			t.Fatal("g did not go back to the top")
		}
		// Back returns to the tree (in the narrow layout the tree replaces the reader).
		h.press("esc")
		if h.p.focus != focusTree {
			t.Fatal("esc left the focus on the reader")
		}
		if size[0] < 120 && strings.Contains(h.screen(), "Before you start") {
			t.Fatalf("narrow: esc still shows the reader:\n%s", h.screen())
		}
	}
}

func TestLocaleCycles(t *testing.T) {
	h := newHarness(t, 120, 36)
	h.openTitle("Requesting a refund")
	if got := strings.Join(h.p.rd.locs, " "); got != "en de fr ja" {
		t.Fatalf("locales %q", got)
	}
	h.press("L")
	if h.p.rd.locale() != "de" || !strings.Contains(h.screen(), "Eine Rückerstattung anfordern") ||
		!strings.Contains(stripped(strings.Join(h.p.rd.lines, "\n")), "Überblick") {
		t.Fatalf("L did not show German:\n%s", h.screen())
	}
	h.press("L", "L", "L")
	if h.p.rd.locale() != "en" || !strings.Contains(h.screen(), "Before you start") {
		t.Fatalf("L did not cycle back to English:\n%s", h.screen())
	}
	// The link follows the language shown.
	h.press("L", "y")
	if len(h.clipboard) != 1 || !strings.Contains(h.clipboard[0], "/de/articles/") {
		t.Fatalf("copied %q", h.clipboard)
	}
	// An article with one language: L does nothing.
	h.press("esc")
	h.openTitle("Refund policy")
	h.press("L")
	if h.p.rd.locale() != "en" || h.p.rd.pending {
		t.Fatal("L changed a one-language article")
	}
}

func TestOpenAndCopyTheLink(t *testing.T) {
	h := newHarness(t, 120, 36)
	h.openTitle("Refund policy")
	url := string(h.p.rd.art.URL)
	h.press("o")
	if len(h.opened) != 1 || h.opened[0] != url {
		t.Fatalf("opened %q, want %q", h.opened, url)
	}
	if len(h.toasts) != 1 || h.toasts[0].Error {
		t.Fatalf("toasts after o: %+v", h.toasts)
	}
	h.openFn = func(string) error { return errors.New("xdg-open: not found") }
	h.toasts = nil
	h.press("o")
	if len(h.toasts) != 1 || !h.toasts[0].Error || !strings.Contains(h.toasts[0].Text, "xdg-open: not found") {
		t.Fatalf("a failing opener toasted %+v", h.toasts)
	}
	h.toasts = nil
	h.press("y")
	if len(h.clipboard) != 1 || h.clipboard[0] != url {
		t.Fatalf("clipboard %q, want %q", h.clipboard, url)
	}
	if len(h.toasts) != 1 || h.toasts[0].Text != "Link copied" {
		t.Fatalf("toasts after y: %+v", h.toasts)
	}
	// From the tree, the selected article's link.
	h.press("esc")
	h.selectTitle("Billing FAQ")
	h.press("y")
	if !strings.Contains(h.clipboard[1], "billing-faq") {
		t.Fatalf("y on the tree copied %q", h.clipboard[1])
	}
}

func TestUnsafeLinksAreNotOpened(t *testing.T) {
	for _, u := range []string{"javascript:alert(1)", "file:///etc/passwd", "-x", "", "https://ok.example/\x1b]52;c;AA\x07"} {
		got := webURL(u)
		if got != "" && !strings.HasPrefix(got, "https://ok.example/") {
			t.Errorf("webURL(%q) = %q", u, got)
		}
		if strings.ContainsRune(got, 0x1b) {
			t.Errorf("webURL kept an escape: %q", got)
		}
	}
}

func TestSearchInMemory(t *testing.T) {
	h := newHarness(t, 120, 36)
	h.press("/", "refund")
	if !h.p.Capturing() {
		t.Fatal("the search input does not capture keys")
	}
	if len(h.p.sr.hits) < 2 {
		t.Fatalf("hits %+v", h.p.sr.hits)
	}
	titles := hitTitles(h.p.sr.hits)
	if !strings.Contains(titles, "Requesting a refund") || !strings.Contains(titles, "Refund policy") {
		t.Fatalf("hits %s", titles)
	}
	for _, hit := range h.p.sr.hits {
		if !strings.Contains(strings.ToLower(hit.Snippet), "\x01refund\x02") {
			t.Errorf("snippet without a marked match: %q", hit.Snippet)
		}
	}
	screen := h.screen()
	if !strings.Contains(screen, "results") || strings.ContainsAny(screen, "\x01\x02") {
		t.Fatalf("results:\n%s", screen)
	}
	// Enter opens the first result; esc comes back to the results, esc again to the tree.
	first := h.p.sr.hits[0].ID
	h.press("enter")
	if !h.p.rd.open() || string(h.p.rd.art.ID) != first || h.p.Capturing() {
		t.Fatal("enter did not open the first result")
	}
	h.press("esc")
	if !h.p.sr.active {
		t.Fatal("esc from the reader closed the search")
	}
	h.press("esc")
	if h.p.sr.active || !strings.Contains(h.screen(), "Billing & payments") {
		t.Fatalf("esc did not return to the tree:\n%s", h.screen())
	}
}

func TestSearchDropsStaleAnswers(t *testing.T) {
	h := newHarness(t, 120, 36)
	h.p.debounce = defaultDebounce // keystrokes now schedule ticks: collect them instead of running them
	var cmd tea.Cmd
	h.p, _ = h.p.Update(tea.KeyPressMsg{Code: '/', Text: "/"})
	h.p, _ = h.p.Update(tea.KeyPressMsg{Code: 'w', Text: "w"})
	oldGen := h.p.sr.gen
	h.p, cmd = h.p.Update(tea.KeyPressMsg{Code: 'e', Text: "e"})
	if cmd == nil {
		t.Fatal("typing scheduled nothing")
	}
	// The first keystroke's pause ends: it is moot.
	h.p, cmd = h.p.Update(searchTick{gen: oldGen})
	if cmd != nil {
		t.Fatal("an old pause started a search")
	}
	// An answer to the old query arrives late: dropped.
	h.send(SearchMsg{Gen: oldGen, Query: "w", Hits: []Hit{{ID: "1", Title: "stale"}}})
	if len(h.p.sr.hits) != 0 {
		t.Fatalf("a stale answer showed: %+v", h.p.sr.hits)
	}
	h.send(searchTick{gen: h.p.sr.gen})
	if len(h.p.sr.hits) == 0 || !strings.Contains(hitTitles(h.p.sr.hits), "Webhook") {
		t.Fatalf("the latest query found %+v", h.p.sr.hits)
	}
}

func TestSearchWithStore(t *testing.T) {
	h := newHarness(t, 120, 36, withStore())
	if len(h.toasts) != 0 {
		t.Fatalf("toasts %+v", h.toasts)
	}
	h.press("/", "refund")
	titles := hitTitles(h.p.sr.hits)
	if !strings.Contains(titles, "Requesting a refund") {
		t.Fatalf("store search found %s", titles)
	}
	marked := false
	for _, hit := range h.p.sr.hits {
		marked = marked || strings.Contains(hit.Snippet, "\x01")
	}
	if !marked {
		t.Fatalf("no snippet has a highlight: %+v", h.p.sr.hits)
	}
	if s := h.screen(); !strings.Contains(s, "works offline") || !strings.Contains(s, "Requesting a refund") {
		t.Fatalf("results:\n%s", s)
	}
	// Offline: the network fails, the store still answers.
	h.srv.Close()
	h.press("esc")
	h.press("/", "webhook")
	if !strings.Contains(hitTitles(h.p.sr.hits), "Setting up webhooks") {
		t.Fatalf("offline search found %s", hitTitles(h.p.sr.hits))
	}
}

func TestReadThroughShowsTheStoreFirst(t *testing.T) {
	h := newPane(t, 120, 36, withStore())
	cached := models.Article{Type: "article", ID: "1", Title: "Cached article", State: "published",
		ParentType: "collection", ParentID: 5, UpdatedAt: 100, Body: "<p>offline body</p>"}
	if err := h.ctx.Store.PutArticles([]models.Article{cached}); err != nil {
		t.Fatal(err)
	}
	var cmd tea.Cmd
	h.p, cmd = h.p.Update(shared.ActivatedMsg{})
	msgs := drain(cmd)
	var fromStore, fromNet tea.Msg
	for _, m := range msgs {
		switch m.(type) {
		case StoreMsg:
			fromStore = m
		case NetMsg:
			fromNet = m
		}
	}
	if fromStore == nil || fromNet == nil {
		t.Fatalf("activation asked for %T", msgs)
	}
	h.send(fromStore)
	if !strings.Contains(h.screen(), "Cached article") || !h.p.Busy() {
		t.Fatalf("the store's article does not show while the network loads:\n%s", h.screen())
	}
	h.send(fromNet)
	if strings.Contains(h.screen(), "Cached article") || !strings.Contains(h.screen(), "40 articles") || h.p.Busy() {
		t.Fatalf("the network's answer did not replace the store's:\n%s", h.screen())
	}
	// The store answering again late changes nothing.
	h.send(fromStore)
	if strings.Contains(h.screen(), "Cached article") {
		t.Fatal("a late store answer replaced the network's")
	}
	// The answer was written back.
	stored, err := h.ctx.Store.Articles()
	if err != nil || len(stored) < 40 {
		t.Fatalf("stored %d articles, %v", len(stored), err)
	}
}

func TestStaleLoadsAndRendersAreDropped(t *testing.T) {
	h := newHarness(t, 120, 36)
	var cmd tea.Cmd
	h.p, cmd = h.p.Update(tea.KeyPressMsg{Code: 'r', Text: "r"})
	old := drain(cmd)
	h.p.netReq = 0 // a second refresh while the first is in flight (e.g. retry)
	h.p, cmd = h.p.Update(tea.KeyPressMsg{Code: 'r', Text: "r"})
	latest := drain(cmd)
	stale := old[0].(NetMsg)
	stale.Value = Help{Articles: []models.Article{{ID: "1", Title: "Stale"}}}
	h.send(stale)
	if strings.Contains(h.screen(), "Stale") {
		t.Fatal("an older load's answer was applied")
	}
	h.send(latest[0])
	if h.p.Busy() {
		t.Fatal("still busy after the latest answer")
	}

	h.openTitle("Refund policy")
	gen := h.p.rd.gen
	h.send(RenderedMsg{Gen: gen - 1, Lines: []string{"old render"}})
	if strings.Contains(h.screen(), "old render") {
		t.Fatal("an older render was applied")
	}
}

func TestNetworkErrorKeepsWhatShowsAndRetries(t *testing.T) {
	h := newHarness(t, 120, 36)
	h.srv.Close()
	h.toasts = nil
	h.press("r")
	if len(h.toasts) != 1 || !h.toasts[0].Error || h.toasts[0].Retry == nil {
		t.Fatalf("toasts %+v", h.toasts)
	}
	if !strings.Contains(h.screen(), "40 articles") {
		t.Fatal("a failed refresh emptied the tree")
	}
}

func TestSmallAndResizedScreens(t *testing.T) {
	h := newHarness(t, 40, 10)
	h.screen()
	h.selectTitle("Billing FAQ")
	h.press("enter")
	h.screen()
	h.press("esc", "/", "api")
	h.screen()
	for _, size := range [][2]int{{0, 0}, {1, 1}, {12, 3}, {119, 20}, {200, 50}} {
		h.send(shared.SizeMsg{Width: size[0], Height: size[1]})
		if size[0] == 0 {
			if h.p.View() != "" {
				t.Fatal("a 0x0 pane drew something")
			}
			continue
		}
		h.screen()
	}
	// Before anything loaded, and with an empty help center.
	e := newPane(t, 40, 10)
	if !strings.Contains(e.screen(), "Loading") {
		t.Fatalf("before loading:\n%s", e.screen())
	}
	e.p.setHelp(Help{})
	if !strings.Contains(e.screen(), "no articles") {
		t.Fatalf("empty:\n%s", e.screen())
	}
}

func TestHostileStringsAreSanitized(t *testing.T) {
	h := newPane(t, 120, 20)
	evil := "\x1b]52;c;ZXZpbA==\x07Evil\x1b[2J\u202e"
	h.p.setHelp(Help{Articles: []models.Article{{ID: "1", Title: evil, State: "draft", ParentType: "collection",
		Description: models.NullString(evil), Body: models.NullString("<p>" + evil + "</p>")}}})
	h.press("enter")
	h.press("esc", "/", "evil")
	s := h.p.View()
	if strings.ContainsAny(s, "\x07\u202e") || strings.Contains(s, "]52;") || strings.Contains(s, "[2J") {
		t.Fatalf("hostile bytes reached the view: %q", s)
	}
}

func hitTitles(hits []Hit) string {
	var out []string
	for _, h := range hits {
		out = append(out, h.Title)
	}
	return strings.Join(out, " | ")
}

func TestThemeChangeRendersAgain(t *testing.T) {
	h := newHarness(t, 120, 36)
	h.openTitle("Refund policy")
	dark := h.p.rd.style
	h.ctx.Styles = theme.New(theme.Light)
	h.send(shared.ActivatedMsg{})
	if dark != "dark" || h.p.rd.style != "light" || h.p.rd.pending || len(h.p.rd.lines) == 0 {
		t.Fatalf("style %q → %q, pending %v", dark, h.p.rd.style, h.p.rd.pending)
	}
}
