package api

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"testing"
)

// pagesBody is the cursor_pages shape of the spec, decoded here only for the test.
type pagesBody struct {
	TotalCount int      `json:"total_count"`
	Data       []string `json:"data"`
	Pages      *struct {
		Next *struct {
			StartingAfter *string `json:"starting_after"`
		} `json:"next"`
	} `json:"pages"`
}

func TestIterateWalksPagesOverHTTP(t *testing.T) {
	pages := map[string]string{
		"":   `{"type":"list","total_count":5,"data":["a","b"],"pages":{"type":"pages","page":1,"per_page":2,"total_pages":3,"next":{"per_page":2,"starting_after":"c2"}}}`,
		"c2": `{"type":"list","total_count":5,"data":["c","d"],"pages":{"type":"pages","page":2,"per_page":2,"total_pages":3,"next":{"per_page":2,"starting_after":"c3"}}}`,
		"c3": `{"type":"list","total_count":5,"data":["e"],"pages":{"type":"pages","page":3,"per_page":2,"total_pages":3,"next":null}}`,
	}
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeJSON(w, 200, pages[r.URL.Query().Get("starting_after")])
	})
	c, _ := newTestClient(t, srv.URL)
	fetch := func(ctx context.Context, cursor string) (Page[string], error) {
		q := url.Values{"per_page": {"2"}}
		if cursor != "" {
			q.Set("starting_after", cursor)
		}
		var body pagesBody
		if err := c.do(ctx, getRequest("/articles", q), &body); err != nil {
			return Page[string]{}, err
		}
		p := Page[string]{Items: body.Data, TotalCount: body.TotalCount}
		if body.Pages != nil && body.Pages.Next != nil && body.Pages.Next.StartingAfter != nil {
			p.Next = *body.Pages.Next.StartingAfter
		}
		return p, nil
	}
	got, err := All(context.Background(), fetch)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, []string{"a", "b", "c", "d", "e"}) || srv.hits.Load() != 3 {
		t.Errorf("got %v in %d requests", got, srv.hits.Load())
	}
}

// pager serves fixed pages keyed by cursor and counts fetches.
type pager struct {
	pages map[string]Page[int]
	calls int
}

func (p *pager) fetch(_ context.Context, cursor string) (Page[int], error) {
	p.calls++
	pg, ok := p.pages[cursor]
	if !ok {
		return Page[int]{}, errors.New("unknown cursor " + cursor)
	}
	return pg, nil
}

func TestIterateRepeatedCursor(t *testing.T) {
	p := &pager{pages: map[string]Page[int]{
		"":  {Items: []int{1}, Next: "x"},
		"x": {Items: []int{2}, Next: "y"},
		"y": {Items: []int{3}, Next: "x"},
	}}
	var items []int
	var errs []error
	for it, err := range Iterate(context.Background(), p.fetch) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		items = append(items, it)
	}
	if !slices.Equal(items, []int{1, 2, 3}) || len(errs) != 1 || !errors.Is(errs[0], ErrRepeatedCursor) {
		t.Errorf("items %v errs %v", items, errs)
	}
	if p.calls != 3 {
		t.Errorf("fetched %d pages", p.calls)
	}
	// A server that answers a cursor with the same cursor also stops.
	self := &pager{pages: map[string]Page[int]{"": {Items: []int{1}, Next: "z"}, "z": {Next: "z"}}}
	got, err := All(context.Background(), self.fetch)
	if !errors.Is(err, ErrRepeatedCursor) || !slices.Equal(got, []int{1}) {
		t.Errorf("self-loop: %v %v", got, err)
	}
}

func TestIterateErrorsAndEarlyStop(t *testing.T) {
	boom := errors.New("boom")
	calls := 0
	fail := func(_ context.Context, cursor string) (Page[int], error) {
		calls++
		if cursor == "" {
			return Page[int]{Items: []int{1, 2}, Next: "n"}, nil
		}
		return Page[int]{}, boom
	}
	got, err := All(context.Background(), fail)
	if !errors.Is(err, boom) || !slices.Equal(got, []int{1, 2}) || calls != 2 {
		t.Errorf("got %v err %v after %d calls", got, err, calls)
	}

	p := &pager{pages: map[string]Page[int]{"": {Items: []int{1, 2}, Next: "a"}, "a": {Items: []int{3}}}}
	for it := range Iterate(context.Background(), p.fetch) {
		if it == 1 {
			break
		}
	}
	if p.calls != 1 {
		t.Errorf("kept fetching after break: %d calls", p.calls)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p.calls = 0
	if _, err := All(ctx, p.fetch); !errors.Is(err, context.Canceled) || p.calls != 0 {
		t.Errorf("cancelled: %v after %d calls", err, p.calls)
	}

	var empty []int
	for it, err := range Iterate(context.Background(), func(context.Context, string) (Page[int], error) { return Page[int]{}, nil }) {
		if err != nil {
			t.Fatal(err)
		}
		empty = append(empty, it)
	}
	if len(empty) != 0 {
		t.Errorf("empty list yielded %v", empty)
	}
}
