package fake

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/intercom-tui/intercom-tui/models"
)

// articleIDs is an article list decoded without bodies (decoding 95 MB of bodies under
// -race would dominate the test).
type articleIDs struct {
	TotalCount int                 `json:"total_count"`
	Pages      *models.CursorPages `json:"pages"`
	Data       []struct {
		ID         models.ID       `json:"id"`
		UpdatedAt  int64           `json:"updated_at"`
		Statistics json.RawMessage `json:"statistics"`
	} `json:"data"`
}

// GET /articles over a derived help center of 5,000: following pages.next serves every
// article exactly once, newest update first, with the totals each page declares.
func TestArticlesPageOverFiveThousand(t *testing.T) {
	const n, perPage = 5_000, 150
	ws := New(Options{Seed: 3, Articles: n})
	get := func(path string) []byte {
		t.Helper()
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("Authorization", "Bearer "+ws.Token())
		rec := httptest.NewRecorder()
		ws.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s: %d %s", path, rec.Code, rec.Body)
		}
		return rec.Body.Bytes()
	}
	seen := make(map[models.ID]int, n)
	last := int64(1) << 62
	pagesServed := 0
	path := "/articles?per_page=150"
	for path != "" {
		var list articleIDs
		resp{status: 200, body: get(path)}.decode(t, &list)
		pagesServed++
		if list.TotalCount != n || list.Pages == nil || list.Pages.TotalPages != (n+perPage-1)/perPage || list.Pages.Page != pagesServed {
			t.Fatalf("page %d: total %d, pages %+v", pagesServed, list.TotalCount, list.Pages)
		}
		for _, a := range list.Data {
			if p, dup := seen[a.ID]; dup {
				t.Fatalf("article %s served on pages %d and %d", a.ID, p, pagesServed)
			}
			seen[a.ID] = pagesServed
			if a.UpdatedAt > last {
				t.Fatalf("article %s (updated %d) after one updated %d", a.ID, a.UpdatedAt, last)
			}
			last = a.UpdatedAt
			if len(a.Statistics) > 0 && string(a.Statistics) != "null" {
				t.Fatalf("article %s: a list item carries statistics", a.ID)
			}
		}
		path = ""
		if next := list.Pages.Next; next != nil && next.StartingAfter != "" {
			path = "/articles?per_page=150&starting_after=" + url.QueryEscape(string(next.StartingAfter))
		}
		if pagesServed > n/perPage+1 {
			t.Fatal("pages never end")
		}
	}
	if len(seen) != n {
		t.Fatalf("%d distinct articles served over %d pages, want %d", len(seen), pagesServed, n)
	}
	for id := range seen { // n distinct ids, each a seeded article's: every index once
		if _, ok := ws.World().ArticleIndex(string(id)); !ok {
			t.Fatalf("served article %s is not in the world", id)
		}
	}
	var a models.Article
	id := string(ws.World().Article(n - 1).ID)
	resp{status: 200, body: get("/articles/" + id)}.decode(t, &a)
	if string(a.ID) != id || a.Statistics == nil {
		t.Fatalf("GET /articles/%s: %+v", id, a.ID)
	}
}
