package seed

import (
	"reflect"
	"testing"
)

// A derived help center of 5,000 articles: distinct ids and titles, the same on every
// build, every id inverted by ArticleIndex, parents in real sections, dates in order,
// and the curated 40 unchanged.
func TestManyArticles(t *testing.T) {
	const n = 5_000
	w := NewWithOptions(12, Options{Articles: n}, testNow)
	again := NewWithOptions(12, Options{Articles: n}, testNow)
	curated := New(12, 0, testNow)
	if w.NumArticles() != n || curated.NumArticles() != len(articleDefs) {
		t.Fatalf("NumArticles %d and %d", w.NumArticles(), curated.NumArticles())
	}
	sections := map[int64]bool{}
	for _, s := range w.Sections() {
		sections[int64(parseInt(t, string(s.ID)))] = true
	}
	ids, titles := map[string]int{}, map[string]int{}
	usedSections := map[int64]bool{}
	yearAgo := testNow.Unix() - 366*day
	for i := range n {
		a := w.Article(i)
		id := string(a.ID)
		if j, dup := ids[id]; dup {
			t.Fatalf("articles %d and %d share id %s", j, i, id)
		}
		ids[id] = i
		if j, dup := titles[a.Title]; dup {
			t.Fatalf("articles %d and %d share title %q", j, i, a.Title)
		}
		titles[a.Title] = i
		if j, ok := w.ArticleIndex(id); !reNumeric.MatchString(id) || !ok || j != i {
			t.Fatalf("article %d id %q → %d, %v", i, id, j, ok)
		}
		if w.ArticleUpdatedAt(i) != a.UpdatedAt || a.CreatedAt > a.UpdatedAt || a.UpdatedAt > testNow.Unix() {
			t.Fatalf("article %d: created %d updated %d (ArticleUpdatedAt %d)", i, a.CreatedAt, a.UpdatedAt, w.ArticleUpdatedAt(i))
		}
		if i < len(articleDefs) {
			if !reflect.DeepEqual(a, curated.Article(i)) {
				t.Fatalf("curated article %d differs in a large help center", i)
			}
			continue
		}
		if a.UpdatedAt < yearAgo || a.ParentType != "section" || !sections[int64(a.ParentID)] {
			t.Fatalf("derived article %d: updated %d, parent %s %d", i, a.UpdatedAt, a.ParentType, a.ParentID)
		}
		usedSections[int64(a.ParentID)] = true
		if i%97 == 0 && !reflect.DeepEqual(a, again.Article(i)) {
			t.Fatalf("article %d differs between two builds of the same seed", i)
		}
	}
	if len(usedSections) != len(sections) {
		t.Errorf("derived articles use %d of %d sections", len(usedSections), len(sections))
	}
	for _, miss := range []string{"nope", "9099999", itoa(9_100_000 + n*37 + 40), string(curated.Article(0).ID) + "1"} {
		if i, ok := w.ArticleIndex(miss); ok {
			t.Errorf("ArticleIndex(%q) = %d", miss, i)
		}
	}
	if _, ok := curated.ArticleIndex(string(w.Article(len(articleDefs)).ID)); ok {
		t.Error("the curated help center found a derived article's id")
	}
}
