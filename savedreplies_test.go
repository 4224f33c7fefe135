package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/intercom-tui/intercom-tui/config"
)

func TestSavedRepliesFromConfigAndFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "replies"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "replies", "refund.md"), []byte("# Refund on its way\nHi {{first_name}},\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "config.toml")
	// A relative replies_dir is the config file's neighbour, wherever the app starts.
	text := "replies_dir = \"replies\"\n\n[[replies]]\nname = \"Thanks\"\nbody = \"Thanks for waiting!\"\n"
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	file, err := config.Load(path, true)
	if err != nil {
		t.Fatal(err)
	}
	got, err := savedReplies(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Name != "Refund on its way" || got[0].Body != "Hi {{first_name}}," || got[1].Name != "Thanks" {
		t.Fatalf("saved replies: %#v", got)
	}
	if r, err := savedReplies(nil); r != nil || err != nil {
		t.Fatalf("no config file: %v %v", r, err)
	}
}

func TestSavedRepliesMissingFolderNamesTheConfigLine(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(path, []byte("region = \"us\"\nreplies_dir = \"/nonexistent/replies\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	file, err := config.Load(path, true)
	if err != nil {
		t.Fatal(err)
	}
	_, err = savedReplies(file)
	want := "config file " + path + ":2: replies_dir /nonexistent/replies does not exist"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("err = %v, want %s", err, want)
	}
}

// The commented [[replies]] example of config init loads once uncommented.
func TestConfigInitRepliesExampleLoads(t *testing.T) {
	var b strings.Builder
	on := false
	for _, line := range strings.Split(defaultConfigText(), "\n") {
		on = on || line == "# [[replies]]"
		if !on {
			continue
		}
		if line == "" {
			break
		}
		b.WriteString(strings.TrimPrefix(strings.TrimPrefix(line, "#"), " ") + "\n")
	}
	cfg, err := config.Parse("x", []byte(b.String()))
	if err != nil || len(cfg.Replies) != 1 || !strings.Contains(cfg.Replies[0].Body, "Hi {{first_name}},\n\n") {
		t.Fatalf("uncommented [[replies]]: %v %#v\n%s", err, cfg.Replies, b.String())
	}
}
