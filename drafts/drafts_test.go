package drafts

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

var t0 = time.Date(2026, 11, 24, 14, 5, 0, 0, time.UTC)

func key(conv string, kind Kind) Key {
	return Key{Workspace: "abc123", ConversationID: conv, Kind: kind}
}

func draft(conv string, kind Kind, text string) Draft {
	return Draft{Workspace: "abc123", ConversationID: conv, Kind: kind, Text: text, Updated: t0}
}

func openStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "drafts"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSaveLoadDelete(t *testing.T) {
	s := openStore(t)
	if _, found, err := s.Load(key("123", Reply)); found || err != nil {
		t.Fatalf("empty store: found=%v err=%v", found, err)
	}
	text := "Hi **Ana**,\n\nsee <docs> & \"more\" ☃\ttab"
	if err := s.Save(draft("123", Reply, text)); err != nil {
		t.Fatal(err)
	}
	if err := s.Save(draft("123", Note, "for the team")); err != nil {
		t.Fatal(err)
	}
	d, found, err := s.Load(key("123", Reply))
	if err != nil || !found {
		t.Fatalf("load: found=%v err=%v", found, err)
	}
	if d.Text != text || d.Kind != Reply || d.ConversationID != "123" || d.Workspace != "abc123" || !d.Updated.Equal(t0) || d.Version != formatVersion {
		t.Fatalf("loaded %+v", d)
	}
	if n, _, _ := s.Load(key("123", Note)); n.Text != "for the team" {
		t.Fatalf("the note is %q: kinds are kept apart", n.Text)
	}

	// A later save replaces the text.
	later := draft("123", Reply, "Hi Ana")
	later.Updated = t0.Add(time.Minute)
	if err := s.Save(later); err != nil {
		t.Fatal(err)
	}
	if d, _, _ := s.Load(key("123", Reply)); d.Text != "Hi Ana" || !d.Updated.Equal(later.Updated) {
		t.Fatalf("after a second save: %+v", d)
	}

	if err := s.Delete(key("123", Reply)); err != nil {
		t.Fatal(err)
	}
	if _, found, err := s.Load(key("123", Reply)); found || err != nil {
		t.Fatalf("after delete: found=%v err=%v", found, err)
	}
	if err := s.Delete(key("123", Reply)); err != nil {
		t.Fatalf("deleting what is not there: %v", err)
	}
	if _, found, _ := s.Load(key("123", Note)); !found {
		t.Fatal("deleting the reply deleted the note")
	}
}

func TestFileLayoutAndModes(t *testing.T) {
	s := openStore(t)
	if err := s.Save(draft("123", Reply, "x")); err != nil {
		t.Fatal(err)
	}
	path := s.Path(key("123", Reply))
	if want := filepath.Join(s.Dir(), "abc123", "123.reply.json"); path != want {
		t.Fatalf("path %s, want %s", path, want)
	}
	for p, want := range map[string]os.FileMode{s.Dir(): 0o700, filepath.Dir(path): 0o700, path: 0o600} {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode().Perm(); got != want {
			t.Errorf("%s has mode %o, want %o", p, got, want)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"kind":"reply"`, `"conversation_id":"123"`, `"updated":"2026-11-24T14:05:00Z"`, `"text":"x"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("file %s lacks %s", data, want)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Fatalf("a save left %d files behind, want just the draft", len(entries))
	}
}

func TestEmptyTextDeletes(t *testing.T) {
	s := openStore(t)
	if err := s.Save(draft("7", Reply, "hello")); err != nil {
		t.Fatal(err)
	}
	if err := s.Save(draft("7", Reply, "  \n\t ")); err != nil {
		t.Fatal(err)
	}
	if _, found, _ := s.Load(key("7", Reply)); found {
		t.Fatal("a blank draft was kept")
	}
}

func TestHostileNamesStayInTheDirectory(t *testing.T) {
	s := openStore(t)
	ids := []string{"../../etc/passwd", "..", ".", "a/b", `a\b`, "a_b", "x\x00y", strings.Repeat("9", 300), "\x1b[31m", "über"}
	for i, id := range ids {
		d := Draft{Workspace: "../ws/" + id, ConversationID: id, Kind: Note, Text: fmt.Sprint("text ", i), Updated: t0}
		if err := s.Save(d); err != nil {
			t.Fatalf("%q: %v", id, err)
		}
		p := s.Path(d.Key())
		rel, err := filepath.Rel(s.Dir(), p)
		if err != nil || strings.HasPrefix(rel, "..") || strings.Count(rel, string(filepath.Separator)) != 1 {
			t.Fatalf("%q is stored at %s, outside its workspace directory", id, p)
		}
		got, found, err := s.Load(d.Key())
		if err != nil || !found || got.Text != d.Text {
			t.Fatalf("%q: %+v found=%v err=%v", id, got, found, err)
		}
	}
	// "a/b" and "a_b" sanitize alike but are different conversations.
	a, _, _ := s.Load(Key{"../ws/a/b", "a/b", Note})
	b, _, _ := s.Load(Key{"../ws/a_b", "a_b", Note})
	if a.Text == b.Text {
		t.Fatal("two ids share a file")
	}
}

func TestWorkspaceKey(t *testing.T) {
	for _, tc := range []struct{ id, url, want string }{
		{"abc123", "https://api.intercom.io", "abc123"},
		{"", "https://api.eu.intercom.io", "api.eu.intercom.io"},
		{"", "http://127.0.0.1:8080/", "127.0.0.1:8080"},
		{"", "", "default"},
	} {
		if got := WorkspaceKey(tc.id, tc.url); got != tc.want {
			t.Errorf("WorkspaceKey(%q, %q) = %q, want %q", tc.id, tc.url, got, tc.want)
		}
	}
	if got := safeName("127.0.0.1:8080"); strings.ContainsAny(got, ":/") {
		t.Errorf("host key %q is not a safe file name", got)
	}
}

func TestList(t *testing.T) {
	s := openStore(t)
	for i, id := range []string{"1", "2", "3"} {
		d := draft(id, Reply, "text "+id)
		d.Updated = t0.Add(time.Duration(i) * time.Minute)
		if err := s.Save(d); err != nil {
			t.Fatal(err)
		}
	}
	other := draft("9", Reply, "elsewhere")
	other.Workspace = "other"
	if err := s.Save(other); err != nil {
		t.Fatal(err)
	}
	// A corrupt file is reported, the good ones still listed.
	if err := os.WriteFile(filepath.Join(s.Dir(), "abc123", "4.reply.json"), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	list, err := s.List("abc123")
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("a corrupt file was not reported: %v", err)
	}
	var got []string
	for _, d := range list {
		got = append(got, d.ConversationID)
	}
	if strings.Join(got, ",") != "3,2,1" {
		t.Fatalf("listed %v, want 3,2,1 (newest first, this workspace only)", got)
	}
	if list, err := s.List("nobody"); len(list) != 0 || err != nil {
		t.Fatalf("unknown workspace: %v %v", list, err)
	}
}

func TestCorruptDraftIsReportedAndKept(t *testing.T) {
	s := openStore(t)
	k := key("5", Reply)
	if err := s.Save(draft("5", Reply, "x")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(s.Path(k), []byte(`{"version":1,"kind":"reply","conversation_id":"5","text":"trunc`), 0o600); err != nil {
		t.Fatal(err)
	}
	_, found, err := s.Load(k)
	if found || !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "reading reply draft for #5") {
		t.Fatalf("found=%v err=%v", found, err)
	}
	if _, err := os.Stat(s.Path(k)); err != nil {
		t.Fatal("the corrupt file was removed: whatever it holds is the user's")
	}
}

func TestErrorsSayWhatFailed(t *testing.T) {
	s := openStore(t)
	// A file where the workspace directory should be: every save fails (also as root).
	if err := os.WriteFile(filepath.Join(s.Dir(), "abc123"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	err := s.Save(draft("123", Reply, "x"))
	if err == nil || !strings.HasPrefix(err.Error(), "saving reply draft for #123: ") {
		t.Fatalf("error %v", err)
	}
	if err := s.Save(Draft{Workspace: "w", Kind: Reply, Text: "x"}); err == nil || !strings.Contains(err.Error(), "no conversation id") {
		t.Fatalf("no conversation id: %v", err)
	}
	if err := s.Save(Draft{Workspace: "w", ConversationID: "1", Kind: "email", Text: "x"}); err == nil || !strings.Contains(err.Error(), `unknown draft kind "email"`) {
		t.Fatalf("bad kind: %v", err)
	}
	if _, err := Open(""); err == nil {
		t.Fatal("Open with no directory")
	}
}

// A temporary file that a killed save left behind is ignored by Load and List, and the
// next Open removes it once it is stale; a fresh one (another process saving right now)
// is left alone.
func TestTornTempFileIgnoredAndCleaned(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "drafts")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Save(draft("123", Reply, "the real draft")); err != nil {
		t.Fatal(err)
	}
	wsDir := filepath.Dir(s.Path(key("123", Reply)))
	stale := filepath.Join(wsDir, ".123.reply.json.4242.tmp")
	fresh := filepath.Join(wsDir, ".123.reply.json.4343.tmp")
	for _, p := range []string{stale, fresh} {
		if err := os.WriteFile(p, []byte(`{"version":1,"kind":"reply","conversation_id":"123","te`), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * time.Hour)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}

	d, found, err := s.Load(key("123", Reply))
	if err != nil || !found || d.Text != "the real draft" {
		t.Fatalf("load beside a torn temp file: %+v %v %v", d, found, err)
	}
	if list, err := s.List("abc123"); err != nil || len(list) != 1 {
		t.Fatalf("list beside a torn temp file: %v %v", list, err)
	}

	if _, err := Open(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Fatalf("the stale temp file is still there: %v", err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Fatalf("a fresh temp file (a save in progress elsewhere) was removed: %v", err)
	}
}

func TestConcurrentUse(t *testing.T) {
	s := openStore(t)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			conv := fmt.Sprint(g % 3) // several goroutines share a draft
			for i := range 40 {
				text := fmt.Sprintf("goroutine %d line %d", g, i)
				if err := s.Save(draft(conv, Reply, text)); err != nil {
					t.Error(err)
					return
				}
				d, found, err := s.Load(key(conv, Reply))
				if err != nil || !found || !strings.HasPrefix(d.Text, "goroutine ") {
					t.Errorf("load while others save: %+v %v %v", d, found, err)
					return
				}
				if _, err := s.List("abc123"); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	entries, _ := os.ReadDir(filepath.Join(s.Dir(), "abc123"))
	for _, e := range entries {
		if isTemp(e.Name()) {
			t.Fatalf("temp file %s left after the saves finished", e.Name())
		}
	}
}

func TestDefaultDir(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", "/state")
	if d, err := DefaultDir(); err != nil || d != filepath.Join("/state", "intercom-tui", "drafts") {
		t.Fatalf("with XDG_STATE_HOME: %s %v", d, err)
	}
	t.Setenv("XDG_STATE_HOME", "")
	t.Setenv("HOME", "/home/ana")
	if d, err := DefaultDir(); err != nil || d != filepath.Join("/home/ana", ".local", "state", "intercom-tui", "drafts") {
		t.Fatalf("with HOME: %s %v", d, err)
	}
	t.Setenv("XDG_STATE_HOME", "relative/dir") // not absolute: ignored, as the spec says
	if d, _ := DefaultDir(); !strings.HasPrefix(d, "/home/ana") {
		t.Fatalf("relative XDG_STATE_HOME used: %s", d)
	}
}
