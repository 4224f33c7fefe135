package store

import (
	"strings"
	"testing"

	"github.com/intercom-tui/intercom-tui/models"
)

func conversation(id, title string, updated int64, bodies ...string) models.Conversation {
	c := models.Conversation{Type: "conversation", ID: models.ID(id), Title: models.NullString(title), UpdatedAt: updated,
		Source: &models.Source{Body: "<p>Opening message</p>", Author: models.Author{Name: "Ann"}}}
	var parts []models.Part
	for i, b := range bodies {
		parts = append(parts, models.Part{ID: models.ID(id + "-" + string(rune('a'+i))), PartType: "comment",
			Body: models.NullString(b), CreatedAt: int64(i), Author: models.Author{Name: "Bo"}})
	}
	c.ConversationParts = &models.PartList{ConversationParts: parts}
	return c
}

func TestSearchRanksAndHighlights(t *testing.T) {
	st, _ := openTemp(t)
	err := st.PutArticles([]models.Article{
		article("1", "Billing overview", "<p>Everything about invoices and a refund now and then.</p>", 1),
		article("2", "Refund policy", "<p>How a refund works: refund requests, refund timing.</p>", 2),
		article("3", "Shipping", "<p>Parcels.</p>", 3),
	})
	if err != nil {
		t.Fatal(err)
	}
	hits, err := st.SearchArticles("refund", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 || hits[0].ID != "2" || hits[0].Rank > hits[1].Rank {
		t.Fatalf("hits %+v", hits)
	}
	if !strings.Contains(hits[1].Snippet, MarkStart+"refund"+MarkEnd) || strings.Contains(hits[1].Snippet, "\x1b") {
		t.Errorf("snippet %q", hits[1].Snippet)
	}
	if hits, _ := st.SearchArticles("refu", 10); len(hits) != 2 {
		t.Errorf("last term is not a prefix: %v", hits)
	}
	if hits, _ := st.SearchArticles("refund parcels", 10); len(hits) != 0 {
		t.Errorf("terms are not ANDed: %v", hits)
	}
}

func TestSearchConversations(t *testing.T) {
	st, _ := openTemp(t)
	c := conversation("10", "Printer", 5, "<p>The printer is on fire</p>", "<p>Have you tried turning the printer off?</p>")
	if err := st.PutConversation(c); err != nil {
		t.Fatal(err)
	}
	if err := st.PutArticles([]models.Article{article("1", "Printer setup", "<p>Plug it in.</p>", 1)}); err != nil {
		t.Fatal(err)
	}
	hits, err := st.Search("printer", 10)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, h := range hits {
		kinds[h.Kind]++
	}
	if kinds[KindArticle] != 1 || kinds[KindConversation] != 1 {
		t.Fatalf("hits %+v (one per conversation, plus the article)", hits)
	}
	if hits, _ := st.SearchParts("opening", 5); len(hits) != 1 || hits[0].Title != "Printer" {
		t.Errorf("source message not searchable: %v", hits)
	}
	got, err := st.Conversation("10")
	if err != nil || len(got.Parts()) != 2 || got.Parts()[1].Body != "<p>Have you tried turning the printer off?</p>" {
		t.Fatalf("Conversation = %+v, %v", got, err)
	}
	// Replacing the parts drops the old ones from the index.
	if err := st.PutConversation(conversation("10", "Printer", 6, "<p>Solved</p>")); err != nil {
		t.Fatal(err)
	}
	if hits, _ := st.SearchParts("fire", 5); len(hits) != 0 {
		t.Errorf("replaced part still found: %v", hits)
	}
	// A stale summary does not roll the conversation back; a summary keeps the parts.
	if err := st.PutConversations([]models.Conversation{{ID: "10", Title: "Old", UpdatedAt: 1}}); err != nil {
		t.Fatal(err)
	}
	if err := st.PutConversations([]models.Conversation{{ID: "10", Title: "Newer", UpdatedAt: 7}}); err != nil {
		t.Fatal(err)
	}
	got, _ = st.Conversation("10")
	if got.Title != "Newer" || len(got.Parts()) != 1 {
		t.Errorf("after summaries: %q with %d parts", got.Title, len(got.Parts()))
	}
	if v, _ := st.PartsUpdatedAt([]string{"10", "11"}); len(v) != 1 || v["10"] != 6 {
		t.Errorf("PartsUpdatedAt %v", v)
	}
}

func TestHostileQueries(t *testing.T) {
	st, _ := openTemp(t)
	if err := st.PutArticles([]models.Article{article("1", `He said "hi" NEAR the-end`, "<p>title: body* AND OR NOT</p>", 1)}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`"`, `""`, `"hi`, `*`, `hi*`, `NEAR(`, `NEAR(hi end)`, `-`, `-hi`, `title:hi`, `{title}: hi`,
		`AND`, `OR OR`, `NOT`, `(`, `)`, `^hi`, `hi + end`, "\x00hi", `'; DROP TABLE articles; --`, `body:*`,
		strings.Repeat("(", 1000), "  ", "",
	} {
		if _, err := st.Search(q, 5); err != nil {
			t.Errorf("Search(%q): %v", q, err)
		}
	}
	for q, want := range map[string]int{`"hi"`: 1, `NEAR(`: 1, `title:`: 1, `AND`: 1, `-end`: 1, `body*`: 1, `description:hi`: 0} {
		if hits, _ := st.SearchArticles(q, 5); len(hits) != want {
			t.Errorf("SearchArticles(%q) = %d hits, want %d", q, len(hits), want)
		}
	}
	if n, _ := st.CountArticles(); n != 1 {
		t.Errorf("articles table damaged: %d", n)
	}
}

func TestFTSQuery(t *testing.T) {
	for in, want := range map[string]string{
		`refund policy`: `"refund" "policy"*`,
		`say "hi"`:      `"say" """hi"""*`,
		`- * (`:         ``,
		`NEAR(a`:        `"NEAR(a"*`,
	} {
		if got := ftsQuery(in); got != want {
			t.Errorf("ftsQuery(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzFTSQuery(f *testing.F) {
	for _, s := range []string{`a "b`, `NEAR(x`, `col:x*`, "\x00", `""*`} {
		f.Add(s)
	}
	st, _ := openTemp(f)
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := st.SearchArticles(q, 3); err != nil {
			t.Fatalf("%q: %v", q, err)
		}
	})
}
