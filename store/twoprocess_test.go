package store

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"modernc.org/sqlite"

	"github.com/intercom-tui/intercom-tui/models"
)

// What each writer process puts in the shared store: a few thousand rows, in batches,
// through the public API, searching between batches.
const (
	procConversations = 2000 // summaries, batches of procBatch
	procFull          = 400  // full conversations with procParts parts each (searchable)
	procParts         = 3
	procArticles      = 600
	procRedirects     = 300 // one transaction each; two writers stay under maxRedirects
	procBatch         = 50
)

// helperEnv names the store file a re-executed test binary writes to; helperName is its
// prefix for ids, so the two writers' rows never collide.
const (
	helperEnv  = "INTERCOM_TUI_STORE_HELPER_PATH"
	helperName = "INTERCOM_TUI_STORE_HELPER_NAME"
)

// TestTwoProcessesShareOneStore runs two OS processes (this test binary, re-executed)
// that open one fresh store file at the same time and then write to it concurrently
// while searching it. Both must finish without an error — SQLITE_BUSY would mean a
// writer waited past the busy timeout — and afterwards every row of both is there and
// the file passes integrity_check.
func TestTwoProcessesShareOneStore(t *testing.T) {
	if testing.Short() {
		t.Skip("two processes writing thousands of rows")
	}
	path := filepath.Join(t.TempDir(), "shared.db")
	names := []string{"p0", "p1"}
	type child struct {
		cmd   *exec.Cmd
		stdin io.WriteCloser
		out   *bufio.Reader
		errs  *strings.Builder
	}
	var children []child
	for _, name := range names {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcessStoreWriter$", "-test.count=1")
		cmd.Env = append(os.Environ(), helperEnv+"="+path, helperName+"="+name)
		stdin, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		errs := &strings.Builder{}
		cmd.Stderr = errs
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		children = append(children, child{cmd, stdin, bufio.NewReader(stdout), errs})
	}
	// Both have opened the store (racing to create and migrate it) before either
	// writes: each says "ready", then both are told to go at once.
	for i, c := range children {
		line, err := c.out.ReadString('\n')
		if strings.TrimSpace(line) != "ready" {
			_ = c.cmd.Process.Kill()
			_ = c.cmd.Wait()
			t.Fatalf("writer %s did not get ready (%q, %v): %s", names[i], line, err, c.errs)
		}
	}
	for _, c := range children {
		_ = c.stdin.Close() // EOF on stdin is the start signal
	}
	for i, c := range children {
		rest, _ := io.ReadAll(c.out)
		if err := c.cmd.Wait(); err != nil {
			t.Errorf("writer %s: %v\nstdout: %s\nstderr: %s", names[i], err, rest, c.errs)
		} else if !strings.Contains(string(rest), "done") {
			t.Errorf("writer %s exited 0 without finishing: %s", names[i], rest)
		}
	}
	if t.Failed() {
		return
	}

	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var ok string
	if err := st.db.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity_check: %q %v", ok, err)
	}
	for _, name := range names {
		checkAll(t, "conversation", procConversations+procFull, func(ids []string) (int, error) {
			got, err := st.ConversationsByID(ids)
			return len(got), err
		}, func(i int) string {
			if i < procConversations {
				return fmt.Sprintf("%s-c%d", name, i)
			}
			return fmt.Sprintf("%s-f%d", name, i-procConversations)
		})
		for i := range procArticles {
			if _, err := st.Article(fmt.Sprintf("%s-a%d", name, i)); err != nil {
				t.Fatalf("article %s-a%d: %v", name, i, err)
			}
		}
	}
	if n, err := st.CountParts(); err != nil || n != len(names)*procFull*(procParts+1) {
		t.Errorf("%d conversation parts (%v), want %d", n, err, len(names)*procFull*(procParts+1))
	}
	reds, err := st.Redirects(0)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range reds {
		seen[r.Message] = true
	}
	for _, name := range names {
		for i := range procRedirects {
			if m := fmt.Sprintf("%s-r%d", name, i); !seen[m] {
				t.Fatalf("redirect %s missing (%d logged)", m, len(reds))
			}
		}
	}
	hits, err := st.Search("concurrent", 5)
	if err != nil || len(hits) == 0 {
		t.Errorf("search after the writers: %d hits, %v", len(hits), err)
	}
}

// checkAll asserts that every one of n ids (id(i)) is stored, looked up in chunks.
func checkAll(t *testing.T, kind string, n int, lookup func([]string) (int, error), id func(int) string) {
	t.Helper()
	ids := make([]string, n)
	for i := range ids {
		ids[i] = id(i)
	}
	got, err := lookup(ids)
	if err != nil || got != n {
		t.Fatalf("%d of %d %ss of one writer stored (%v)", got, n, kind, err)
	}
}

// TestHelperProcessStoreWriter is not a test: it is one writer of
// TestTwoProcessesShareOneStore, run in its own process.
func TestHelperProcessStoreWriter(t *testing.T) {
	path, name := os.Getenv(helperEnv), os.Getenv(helperName)
	if path == "" {
		t.Skip("runs only as a child of TestTwoProcessesShareOneStore")
	}
	if err := writer(path, name, os.Stdin, os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "writer %s: %v (busy: %v)\n", name, err, isBusy(err))
		os.Exit(1)
	}
	fmt.Println("done")
	os.Exit(0) // skip the test framework's own output
}

// isBusy reports SQLITE_BUSY or SQLITE_LOCKED: a wait that ran past the busy timeout.
func isBusy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && (se.Code()&0xff == 5 || se.Code()&0xff == 6)
}

// writer opens the store, says ready, waits for the start signal (EOF on start), then
// writes its rows in interleaved batches, searching after each.
func writer(path, name string, start io.Reader, out io.Writer) error {
	st, err := Open(path)
	if err != nil {
		return fmt.Errorf("open: %w", err)
	}
	defer st.Close()
	fmt.Fprintln(out, "ready")
	if _, err := io.Copy(io.Discard, start); err != nil {
		return err
	}
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	conv, full, art, red := 0, 0, 0, 0
	for conv < procConversations || full < procFull || art < procArticles || red < procRedirects {
		if conv < procConversations {
			var batch []models.Conversation
			for ; len(batch) < procBatch && conv < procConversations; conv++ {
				batch = append(batch, conversation(fmt.Sprintf("%s-c%d", name, conv), "Summary "+name, int64(conv)))
			}
			if err := st.PutConversations(batch); err != nil {
				return fmt.Errorf("conversations at %d: %w", conv, err)
			}
		}
		if full < procFull {
			var batch []models.Conversation
			for ; len(batch) < procBatch/2 && full < procFull; full++ {
				id := fmt.Sprintf("%s-f%d", name, full)
				batch = append(batch, conversation(id, "Full "+id, int64(full),
					"<p>concurrent reply one</p>", "<p>second</p>", "<p>third "+id+"</p>"))
			}
			if err := st.PutFullConversations(batch); err != nil {
				return fmt.Errorf("full conversations at %d: %w", full, err)
			}
		}
		if art < procArticles {
			var batch []models.Article
			for ; len(batch) < procBatch/2 && art < procArticles; art++ {
				id := fmt.Sprintf("%s-a%d", name, art)
				batch = append(batch, article(id, "Concurrent "+id, "<p>body of "+id+"</p>", int64(art)))
			}
			if err := st.PutArticles(batch); err != nil {
				return fmt.Errorf("articles at %d: %w", art, err)
			}
		}
		for n := 0; n < 8 && red < procRedirects; n, red = n+1, red+1 {
			if _, err := st.PutRedirect(Redirect{SentAt: now, Phone: "+353861234567", Country: "Ireland",
				Result: RedirectSent, Message: fmt.Sprintf("%s-r%d", name, red)}); err != nil {
				return fmt.Errorf("redirect %d: %w", red, err)
			}
		}
		if _, err := st.Search("concurrent", 5); err != nil {
			return fmt.Errorf("search: %w", err)
		}
	}
	return nil
}
