package main

import (
	"bytes"
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/intercom-tui/intercom-tui/store"
)

func runSyncCmd(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	cmd := newRootCmd(&out, &errOut)
	cmd.SetArgs(append([]string{"sync"}, args...))
	err := cmd.ExecuteContext(context.Background())
	return out.String(), errOut.String(), err
}

func TestSyncDemo(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	out, errOut, err := runSyncCmd(t, "--demo", "--articles", "--conversations", "--since", "1d")
	if err != nil {
		t.Fatalf("sync --demo: %v\n%s%s", err, out, errOut)
	}
	for _, want := range []string{"Syncing ", filepath.Join(cache, "intercom-tui"), "help centers: 1 of 1 (1 requests), done",
		"conversations: ", "Done: "} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !regexp.MustCompile(`(?m)^articles: (\d+) of (\d+) \(\d+ requests\), done$`).MatchString(out) {
		t.Errorf("no final articles line:\n%s", out)
	}
	if strings.Contains(out, "\x1b") || strings.Contains(out, "\r") {
		t.Errorf("terminal codes in non-terminal output: %q", out)
	}
	dbs, _ := filepath.Glob(filepath.Join(cache, "intercom-tui", "*.db"))
	if len(dbs) != 1 {
		t.Fatalf("stores: %v", dbs)
	}
	// The directory is saved too, so the app can start offline from this store alone.
	st, err := store.Open(dbs[0])
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	dir, err := st.Directory()
	if err != nil || dir.Me.App == nil || len(dir.Admins) == 0 || len(dir.Teams) == 0 {
		t.Errorf("saved directory %+v, %v", dir, err)
	}
}

func TestSyncWithoutToken(t *testing.T) {
	t.Setenv("INTERCOM_TOKEN", "")
	t.Setenv("INTERCOM_ACCESS_TOKEN", "")
	_, errOut, err := runSyncCmd(t, "--articles")
	if err == nil || !strings.Contains(errOut, "no token: set INTERCOM_TOKEN") {
		t.Fatalf("err %v, stderr %q", err, errOut)
	}
}

func TestParseSince(t *testing.T) {
	for in, ok := range map[string]bool{"30d": true, "2w": true, "12h": true, "90m": true, "0d": false, "-1h": false, "soon": false, "": false} {
		if _, err := parseSince(in); (err == nil) != ok {
			t.Errorf("parseSince(%q) err = %v", in, err)
		}
	}
}
