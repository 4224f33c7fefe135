package store

import (
	"database/sql"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/intercom-tui/intercom-tui/models"
)

func TestDirectoryRoundTrip(t *testing.T) {
	st, _ := openTemp(t)
	if _, err := st.Directory(); !errors.Is(err, ErrNotFound) {
		t.Fatalf("empty store: %v, want ErrNotFound", err)
	}
	saved := time.Unix(1_700_000_000, 0)
	d := Directory{
		Me:      models.Me{ID: "7", Name: "Ana", App: &models.App{Name: "Acme"}},
		Admins:  []models.Admin{{ID: "7", Name: "Ana"}, {ID: "8", Name: "Bo"}},
		Teams:   []models.Team{{ID: "3", Name: "Billing"}},
		SavedAt: saved,
	}
	if err := st.PutDirectory(d); err != nil {
		t.Fatal(err)
	}
	d.Me.Name = "Ana B"
	if err := st.PutDirectory(d); err != nil { // replaces, never adds a second row
		t.Fatal(err)
	}
	got, err := st.Directory()
	if err != nil {
		t.Fatal(err)
	}
	if got.Me.Name != "Ana B" || got.Me.App == nil || got.Me.App.Name != "Acme" || len(got.Admins) != 2 ||
		len(got.Teams) != 1 || got.Teams[0].Name != "Billing" || !got.SavedAt.Equal(saved) {
		t.Fatalf("round trip: %+v", got)
	}
}

// A store written before step 4 (schema 3) gains the directory table on Open and keeps
// what it held.
func TestMigratesFromVersion3(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v3.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range migrations[:3] {
		if _, err := db.Exec(m); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec(`PRAGMA user_version = 3;
		INSERT INTO sync_state(resource, high_water_updated_at, run_since) VALUES ('articles', 42, 1)`); err != nil {
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
	if v != SchemaVersion() || v < 4 {
		t.Fatalf("user_version %d after migration, want %d", v, SchemaVersion())
	}
	if ss, err := st.SyncState("articles"); err != nil || ss.HighWater != 42 {
		t.Fatalf("old sync state lost: %+v %v", ss, err)
	}
	if _, err := st.Directory(); !errors.Is(err, ErrNotFound) {
		t.Fatalf("migrated store: %v, want ErrNotFound", err)
	}
	if err := st.PutDirectory(Directory{Me: models.Me{ID: "1"}}); err != nil {
		t.Fatalf("step 4 table missing: %v", err)
	}
	if st.Notice() != "" {
		t.Errorf("migration gave a notice: %q", st.Notice())
	}
}
