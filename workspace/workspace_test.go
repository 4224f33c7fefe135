package workspace

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/api/fake"
	"github.com/intercom-tui/intercom-tui/models"
)

func TestLoadDirectory(t *testing.T) {
	ws := fake.New(fake.Options{Seed: 1, Size: 10})
	srv := httptest.NewServer(ws)
	defer srv.Close()
	client, err := api.New(api.WithToken(ws.Token()), api.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	w := New(client, true)
	d, err := w.LoadDirectory(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	me := ws.World().Me()
	if d.Me.ID != me.ID || d.WorkspaceName() == "" || len(d.Admins) != 8 || len(d.Teams) != 3 {
		t.Fatalf("directory %+v", d)
	}
	if d.AdminName(d.MeID()) != me.Name {
		t.Fatalf("AdminName(me) = %q", d.AdminName(d.MeID()))
	}
	if got := len(d.MyTeams()); got != len(me.TeamIDs) {
		t.Fatalf("MyTeams: %d, want %d", got, len(me.TeamIDs))
	}
	if d.TeamName(12345) != "" {
		t.Fatal("an unknown team has no name")
	}
}

func TestDirectorySanitizesNames(t *testing.T) {
	d := NewDirectory(models.Me{ID: "1", Name: "Ana\x1b]0;x\x07", App: &models.App{Name: "Acme\u202e"}},
		[]models.Admin{{ID: "1", Name: "Ana\x1b[31m"}}, []models.Team{{ID: "7", Name: "Bill\x07ing"}})
	if d.Me.Name != "Ana" || d.WorkspaceName() != "Acme" || d.AdminName(1) != "Ana" || d.TeamName(7) != "Billing" {
		t.Fatalf("not sanitized: %q %q %q %q", d.Me.Name, d.WorkspaceName(), d.AdminName(1), d.TeamName(7))
	}
}

func TestLoadDirectoryFailsClearly(t *testing.T) {
	ws := fake.New(fake.Options{Seed: 1, Size: 10})
	srv := httptest.NewServer(ws)
	defer srv.Close()
	client, _ := api.New(api.WithToken("wrong"), api.WithBaseURL(srv.URL))
	_, err := New(client, false).LoadDirectory(context.Background())
	if !api.IsUnauthorized(err) {
		t.Fatalf("want unauthorized, got %v", err)
	}
}
