package fake

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/intercom-tui/intercom-tui/models"
)

// A million-conversation workspace must not build anything per conversation to start
// or to serve a page: the allocation count of New plus the first two pages stays far
// below one per conversation. (No timing assertion: benchmarks measure time.)
func TestMillionConversationsStartsSmall(t *testing.T) {
	const size = 1_000_000
	var ws *Workspace
	get := func(path string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("Authorization", "Bearer "+ws.Token())
		rec := httptest.NewRecorder()
		ws.ServeHTTP(rec, req)
		return rec
	}
	allocs := testing.AllocsPerRun(1, func() {
		ws = New(Options{Seed: 1, Size: size})
		if rec := get("/conversations"); rec.Code != http.StatusOK {
			t.Fatalf("first page: %d %s", rec.Code, rec.Body)
		}
	})
	t.Logf("New + first page of %d conversations: %.0f allocations", size, allocs)
	if allocs > size/10 {
		t.Fatalf("New + first page made %.0f allocations for %d conversations", allocs, size)
	}
	var list models.ConversationList
	resp{status: 200, body: get("/conversations?per_page=150").Body.Bytes()}.decode(t, &list)
	if list.TotalCount != size || len(list.Conversations) != 150 || list.Pages.TotalPages != size/150+1 || list.Pages.Next == nil {
		t.Fatalf("first page of a million: total %d, %d items, pages %+v", list.TotalCount, len(list.Conversations), list.Pages)
	}
	last := ws.World().ConversationID(size - 1)
	if rec := get("/conversations/" + last); rec.Code != http.StatusOK {
		t.Fatalf("conversation %s: %d", last, rec.Code)
	}
}
