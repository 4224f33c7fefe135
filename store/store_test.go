package store

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/intercom-tui/intercom-tui/models"
)

func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sub", "ws.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, path
}

func article(id, title, body string, updated int64) models.Article {
	return models.Article{Type: "article", ID: models.ID(id), Title: title, Body: models.NullString(body),
		State: "published", UpdatedAt: updated, ParentID: 7, ParentIDs: []int64{7}, DefaultLocale: "en",
		TranslatedContent: &models.ArticleTranslations{Type: "article_translated_content",
			Content: map[string]models.ArticleContent{"fr": {Title: title + " (fr)", Body: "<p>Bonjour</p>"}}}}
}

func TestOpenCreatesPrivateFileWithSchema(t *testing.T) {
	st, path := openTemp(t)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v, want 0600", fi.Mode().Perm())
	}
	di, _ := os.Stat(filepath.Dir(path))
	if di.Mode().Perm() != 0o700 {
		t.Errorf("dir mode %v, want 0700", di.Mode().Perm())
	}
	var v int
	var mode string
	if err := st.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != SchemaVersion() {
		t.Errorf("user_version %d (%v), want %d", v, err, SchemaVersion())
	}
	if err := st.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode %q (%v)", mode, err)
	}
	if st.Notice() != "" {
		t.Errorf("notice on a fresh store: %q", st.Notice())
	}
}

func TestPathFor(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", dir)
	p, err := PathFor("abc/../x y")
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "intercom-tui", "abc____x_y.db"); p != want {
		t.Errorf("PathFor = %q, want %q", p, want)
	}
	t.Setenv("XDG_CACHE_HOME", "")
	t.Setenv("HOME", dir)
	if p, _ := PathFor(""); p != filepath.Join(dir, ".cache", "intercom-tui", "default.db") {
		t.Errorf("PathFor without XDG = %q", p)
	}
}

func TestMigratesFromVersion1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(migrations[0] + "PRAGMA user_version = 1;"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO articles(id, title, body_text, updated_at, json)
		VALUES ('9', 'Legacy refunds', 'how refunds worked', 5, '{"id":"9","title":"Legacy refunds"}')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var v int
	_ = st.db.QueryRow("PRAGMA user_version").Scan(&v)
	if v != SchemaVersion() {
		t.Fatalf("user_version %d after migration, want %d", v, SchemaVersion())
	}
	hits, err := st.SearchArticles("refund", 5)
	if err != nil || len(hits) != 1 || hits[0].ID != "9" {
		t.Fatalf("old row not indexed after migration: %v %v", hits, err)
	}
	if err := st.SetSyncState(SyncState{Resource: "articles", RunSince: 3}); err != nil {
		t.Fatalf("step 3 columns missing: %v", err)
	}
	if st.Notice() != "" {
		t.Errorf("migration gave a notice: %q", st.Notice())
	}
}

func TestNewerSchemaIsRefusedNotMoved(t *testing.T) {
	_, path := openTemp(t)
	db, _ := sql.Open("sqlite", path)
	if _, err := db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(path); !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("err = %v, want ErrNewerSchema", err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("newer store was moved: %v", err)
	}
}

func TestDamagedStoreIsMovedAsideAndRebuilt(t *testing.T) {
	cases := map[string]func(t *testing.T, path string){
		"garbage": func(t *testing.T, path string) {
			if err := os.WriteFile(path, []byte(strings.Repeat("not a database ", 500)), 0o600); err != nil {
				t.Fatal(err)
			}
		},
		"truncated": func(t *testing.T, path string) {
			st, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			var as []models.Article
			for i := range 300 {
				as = append(as, article(fmt.Sprint(i), fmt.Sprintf("Article %d", i), strings.Repeat("<p>lorem ipsum dolor</p>", 40), int64(i)))
			}
			if err := st.PutArticles(as); err != nil {
				t.Fatal(err)
			}
			if _, err := st.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
				t.Fatal(err)
			}
			st.Close()
			fi, _ := os.Stat(path)
			if err := os.Truncate(path, fi.Size()/2); err != nil {
				t.Fatal(err)
			}
		},
	}
	for name, damage := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "ws.db")
			damage(t, path)
			st, err := Open(path)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer st.Close()
			moved, _ := filepath.Glob(path + ".corrupt-*")
			if len(moved) != 1 {
				t.Fatalf("moved aside: %v", moved)
			}
			n := st.Notice()
			if !strings.Contains(n, "was damaged") || !strings.Contains(n, filepath.Base(moved[0])) || !strings.Contains(n, "rebuilt") {
				t.Errorf("notice %q", n)
			}
			if c, err := st.CountArticles(); err != nil || c != 0 {
				t.Errorf("rebuilt store has %d articles (%v)", c, err)
			}
			if err := st.PutArticles([]models.Article{article("1", "Fresh", "", 1)}); err != nil {
				t.Errorf("rebuilt store does not take writes: %v", err)
			}
		})
	}
}

func TestArticlesRoundTrip(t *testing.T) {
	st, _ := openTemp(t)
	a := article("3", "Zeta", "<p>Refunds &amp; returns</p><script>x()</script><ul><li>one</li></ul>", 30)
	b := article("1", "alpha", "", 10)
	b.ParentID = 0
	if err := st.PutArticles([]models.Article{a, b}); err != nil {
		t.Fatal(err)
	}
	a.Title = "Zeta v2"
	if err := st.PutArticles([]models.Article{a}); err != nil {
		t.Fatal(err)
	}
	got, err := st.Article("3")
	if err != nil || got.Title != "Zeta v2" || got.TranslatedContent.Content["fr"].Title != "Zeta (fr)" {
		t.Fatalf("Article = %+v, %v", got, err)
	}
	var text string
	_ = st.db.QueryRow("SELECT body_text FROM articles WHERE id = '3'").Scan(&text)
	if text != "Refunds & returns\none" {
		t.Errorf("body_text %q", text)
	}
	var tr int
	_ = st.db.QueryRow("SELECT count(*) FROM article_translations WHERE article_id = '3'").Scan(&tr)
	if tr != 1 {
		t.Errorf("%d translations", tr)
	}
	all, _ := st.Articles()
	if len(all) != 2 || all[0].ID != "1" {
		t.Errorf("Articles order: %v", all)
	}
	if _, err := st.Article("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing article: %v", err)
	}
	if hits, _ := st.SearchArticles("zeta", 5); len(hits) != 1 || hits[0].Title != "Zeta v2" {
		t.Errorf("index not updated on upsert: %v", hits)
	}
	if hits, _ := st.SearchArticles("x", 5); len(hits) != 0 {
		t.Errorf("script text indexed: %v", hits)
	}
}

func TestHelpCenterRoundTrip(t *testing.T) {
	st, _ := openTemp(t)
	if err := st.PutHelpCenters([]models.HelpCenter{{ID: "1", DisplayName: "Help"}}); err != nil {
		t.Fatal(err)
	}
	if err := st.PutCollections([]models.Collection{{ID: "2", Name: "B", Order: 2}, {ID: "3", Name: "A", Order: 1}}); err != nil {
		t.Fatal(err)
	}
	if err := st.PutSections([]models.Section{{ID: "4", Name: "S", ParentID: "2"}}); err != nil {
		t.Fatal(err)
	}
	hc, _ := st.HelpCenters()
	cs, _ := st.Collections()
	ss, _ := st.Sections()
	if len(hc) != 1 || len(cs) != 2 || cs[0].ID != "3" || len(ss) != 1 || ss[0].ParentID != "2" {
		t.Errorf("help center %v, collections %v, sections %v", hc, cs, ss)
	}
}

func TestConcurrentStoresOnOneFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.db")
	a, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var wg sync.WaitGroup
	errs := make(chan error, 200)
	for w, st := range []*Store{a, b, a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				id := fmt.Sprintf("%d-%d", w, i)
				if err := st.PutArticles([]models.Article{article(id, "Concurrent "+id, "<p>body</p>", int64(i))}); err != nil {
					errs <- err
				}
				if _, err := st.SearchArticles("concurrent", 3); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for _, st := range []*Store{a, b} {
		if n, _ := st.CountArticles(); n != 200 {
			t.Errorf("store sees %d articles, want 200", n)
		}
	}
}

func TestSyncStateRoundTrip(t *testing.T) {
	st, _ := openTemp(t)
	if s, err := st.SyncState("articles"); err != nil || s.Done || s.Cursor != "" {
		t.Fatalf("fresh state %+v %v", s, err)
	}
	want := SyncState{Resource: "articles", Cursor: "c2", HighWater: 9, RunSince: 1, RunHigh: 12, Done: true}
	if err := st.SetSyncState(want); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.SyncState("articles"); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}
