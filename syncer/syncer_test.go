package syncer

import (
	"context"
	"errors"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/api/fake"
	"github.com/intercom-tui/intercom-tui/api/fake/faults"
	"github.com/intercom-tui/intercom-tui/clock"
	"github.com/intercom-tui/intercom-tui/store"
)

type env struct {
	ws     *fake.Workspace
	inj    *faults.Injector
	client *api.Client
	st     *store.Store
}

func newEnv(t testing.TB, size int) *env {
	t.Helper()
	inj := faults.New(clock.Real{}, 1)
	ws := fake.New(fake.Options{Seed: 1, Size: size, RateLimit: 1_000_000, Faults: inj})
	srv := httptest.NewServer(ws)
	t.Cleanup(srv.Close)
	client, err := api.New(api.WithToken(fake.DefaultToken), api.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(filepath.Join(t.TempDir(), "ws.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &env{ws: ws, inj: inj, client: client, st: st}
}

func pages(n, per int) int { return (n + per - 1) / per }

func TestArticlesFullThenIncremental(t *testing.T) {
	e := newEnv(t, 20)
	n := e.ws.World().NumArticles()
	ctx := context.Background()
	var last Progress
	stats, err := Articles(ctx, e.client, e.st, func(p Progress) {
		if p.Resource == ResArticles {
			last = p
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := e.st.CountArticles(); got != n {
		t.Fatalf("stored %d articles, want %d", got, n)
	}
	if got := e.ws.Count("GET", "/articles"); got != pages(n, 25) {
		t.Errorf("first run: %d article pages, want %d", got, pages(n, 25))
	}
	if !last.Done || last.Rows != n || last.Total != n {
		t.Errorf("last progress %+v", last)
	}
	if stats.Requests != e.ws.Requests() {
		t.Errorf("stats say %d requests, the fake saw %d", stats.Requests, e.ws.Requests())
	}
	cs, _ := e.st.Collections()
	ss, _ := e.st.Sections()
	hcs, _ := e.st.HelpCenters()
	if len(cs) == 0 || len(ss) == 0 || len(hcs) == 0 {
		t.Errorf("help center not synced: %d collections, %d sections, %d help centers", len(cs), len(ss), len(hcs))
	}

	e.ws.ResetCounters()
	stats, err = Articles(ctx, e.client, e.st, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, route := range []string{"/articles", "/help_center/collections", "/help_center/sections", "/help_center/help_centers"} {
		if got := e.ws.Count("GET", route); got != 1 {
			t.Errorf("second run: GET %s %d times, want 1", route, got)
		}
	}
	if e.ws.Requests() != 4 || stats.Requests != 4 || stats.Rows != len(hcs) {
		t.Errorf("second run: %d requests (stats %+v), want 4 and only the help centers rewritten", e.ws.Requests(), stats)
	}
}

func TestArticlesInterruptedRunResumes(t *testing.T) {
	for _, how := range []string{"fault", "cancel"} {
		t.Run(how, func(t *testing.T) {
			e := newEnv(t, 20)
			n := e.ws.World().NumArticles()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			_, err := Articles(ctx, e.client, e.st, func(p Progress) {
				if p.Resource != ResArticles || p.Done {
					return
				}
				// After the first page of articles, the network (or the user) gives up.
				if how == "cancel" {
					cancel()
				} else if err := e.inj.Add(faults.Rule{Kind: faults.Unauthorized, Method: "GET", Pattern: "/articles", Rate: 1}); err != nil {
					t.Fatal(err)
				}
			})
			if err == nil {
				t.Fatal("interrupted run reported no error")
			}
			if how == "cancel" && !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v", err)
			}
			st, _ := e.st.SyncState(ResArticles)
			if st.Done || st.Cursor == "" {
				t.Fatalf("state after interruption %+v", st)
			}
			e.inj.Clear()
			e.ws.ResetCounters()
			if _, err := Articles(context.Background(), e.client, e.st, nil); err != nil {
				t.Fatal(err)
			}
			if got, _ := e.st.CountArticles(); got != n {
				t.Fatalf("after resume %d articles, want %d", got, n)
			}
			if got, want := e.ws.Count("GET", "/articles"), pages(n, 25)-1; got != want {
				t.Errorf("resume fetched %d article pages, want %d", got, want)
			}
			for _, r := range e.ws.Log() {
				if strings.HasPrefix(r.Path, "/articles") && !strings.Contains(r.Path, "starting_after=") {
					t.Errorf("resume restarted from the first page: %s", r.Path)
				}
			}
		})
	}
}

func TestConversationsFullIncrementalAndAfterAWrite(t *testing.T) {
	const size = 320
	e := newEnv(t, size)
	ctx := context.Background()
	since := time.Now().AddDate(-1, 0, 0)
	stats, err := Conversations(ctx, e.client, e.st, since, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := e.st.CountConversations(); got != size {
		t.Fatalf("stored %d conversations, want %d", got, size)
	}
	if got := e.ws.Count("POST", "/conversations/search"); got != pages(size, searchPerPage) {
		t.Errorf("%d search pages, want %d", got, pages(size, searchPerPage))
	}
	if got := e.ws.Count("GET", "/conversations/{id}"); got != size || stats.Rows != size {
		t.Errorf("%d full fetches (rows %d), want %d", got, stats.Rows, size)
	}
	if parts, _ := e.st.CountParts(); parts <= size {
		t.Errorf("only %d parts stored", parts)
	}

	e.ws.ResetCounters()
	stats, err = Conversations(ctx, e.client, e.st, since, nil)
	if err != nil {
		t.Fatal(err)
	}
	if e.ws.Requests() != 1 || e.ws.Count("POST", "/conversations/search") != 1 || stats.Rows != 0 {
		t.Errorf("unchanged second run: %d requests, %d rows, want 1 search and nothing else", e.ws.Requests(), stats.Rows)
	}

	me, err := e.client.Me(ctx)
	if err != nil {
		t.Fatal(err)
	}
	all, _ := e.st.Conversations(0)
	target := string(all[len(all)-1].ID) // the oldest: its update must move it
	if _, err := e.client.Reply(ctx, target, string(me.ID), "<p>Zanzibar shipping is delayed</p>"); err != nil {
		t.Fatal(err)
	}
	e.ws.ResetCounters()
	stats, err = Conversations(ctx, e.client, e.st, since, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := e.ws.Count("GET", "/conversations/{id}"); got != 1 || stats.Rows != 1 {
		t.Errorf("after one reply: %d full fetches, %d rows, want 1", got, stats.Rows)
	}
	if e.ws.Count("POST", "/conversations/search") != 1 {
		t.Errorf("after one reply: %d search pages, want 1", e.ws.Count("POST", "/conversations/search"))
	}
	hits, err := e.st.SearchParts("zanzibar", 5)
	if err != nil || len(hits) != 1 || hits[0].ID != target {
		t.Errorf("the reply is not searchable offline: %v %v", hits, err)
	}
}

func TestConversationsInterruptedRunResumes(t *testing.T) {
	const size = 320
	e := newEnv(t, size)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	since := time.Now().AddDate(-1, 0, 0)
	_, err := Conversations(ctx, e.client, e.st, since, func(p Progress) {
		if !p.Done {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if got, _ := e.st.CountConversations(); got != searchPerPage {
		t.Fatalf("after the first page %d conversations stored", got)
	}
	e.ws.ResetCounters()
	if _, err := Conversations(context.Background(), e.client, e.st, time.Now(), nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := e.st.CountConversations(); got != size {
		t.Fatalf("after resume %d conversations, want %d", got, size)
	}
	if got, want := e.ws.Count("POST", "/conversations/search"), pages(size, searchPerPage)-1; got != want {
		t.Errorf("resume made %d search requests, want %d", got, want)
	}
	if got := e.ws.Count("GET", "/conversations/{id}"); got != size-searchPerPage {
		t.Errorf("resume fetched %d conversations, want %d", got, size-searchPerPage)
	}
}

func BenchmarkSyncArticles(b *testing.B) {
	var rows int
	var elapsed time.Duration
	for b.Loop() {
		b.StopTimer()
		e := newEnv(b, 20)
		b.StartTimer()
		stats, err := Articles(context.Background(), e.client, e.st, nil)
		if err != nil {
			b.Fatal(err)
		}
		rows += stats.Rows
		elapsed += stats.Duration
	}
	b.ReportMetric(float64(rows)/elapsed.Seconds(), "rows/s")
}

func BenchmarkSyncConversations(b *testing.B) {
	var rows int
	var elapsed time.Duration
	for b.Loop() {
		b.StopTimer()
		e := newEnv(b, 300)
		b.StartTimer()
		stats, err := Conversations(context.Background(), e.client, e.st, time.Now().AddDate(-1, 0, 0), nil)
		if err != nil {
			b.Fatal(err)
		}
		rows += stats.Rows
		elapsed += stats.Duration
	}
	b.ReportMetric(float64(rows)/elapsed.Seconds(), "rows/s")
}
