//go:build unix

package drafts

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The text the child "types", one rune per save, as the composer saves while typing.
const crashText = "Hi Ana, thanks for waiting — the refund of €42 is on its way. ✓"

// crashAt is how many runes the child has typed (and saved) when it is killed.
const crashAt = 40

// TestHelperProcess is not a test: it is the child of TestDraftSurvivesSIGKILL. It saves
// a growing draft, and right after the save of crashAt runes returns it kills itself
// with SIGKILL while another goroutine is still saving the next keystrokes.
func TestHelperProcess(t *testing.T) {
	dir := os.Getenv("DRAFTS_CRASH_DIR")
	if dir == "" {
		t.Skip("the child of TestDraftSurvivesSIGKILL")
	}
	s, err := Open(dir)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(3)
	}
	runes := []rune(crashText)
	save := func(n int) error {
		return s.Save(Draft{Workspace: "abc123", ConversationID: "123", Kind: Reply, Text: string(runes[:n]), Updated: time.Now()})
	}
	for n := 1; n <= crashAt; n++ {
		if err := save(n); err != nil {
			fmt.Println("save:", err)
			os.Exit(3)
		}
	}
	// Typing goes on while the process dies: the kill may land in the middle of a save.
	started := make(chan struct{})
	go func() {
		close(started)
		for n := crashAt + 1; ; n = crashAt + 1 + (n-crashAt)%(len(runes)-crashAt) {
			_ = save(n)
		}
	}()
	<-started
	fmt.Printf("confirmed %d\n", crashAt)
	_ = syscall.Kill(os.Getpid(), syscall.SIGKILL)
	select {} // never reached
}

// A draft survives the process being killed with SIGKILL mid-typing: the next start
// loads it intact, at least as long as the last save the child saw complete, and a
// temporary file the kill may have torn is ignored.
func TestDraftSurvivesSIGKILL(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), "DRAFTS_CRASH_DIR="+dir)
	out, err := cmd.Output()
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		t.Fatalf("the child was not killed: %v\n%s", err, out)
	}
	if st, ok := exit.Sys().(syscall.WaitStatus); !ok || !st.Signaled() || st.Signal() != syscall.SIGKILL {
		t.Fatalf("the child ended with %v, want SIGKILL\n%s", exit, out)
	}
	confirmed, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(string(out), "confirmed ")))
	if err != nil || confirmed != crashAt {
		t.Fatalf("child said %q", out)
	}

	s, err := Open(dir) // the next start
	if err != nil {
		t.Fatal(err)
	}
	d, found, err := s.Load(Key{Workspace: "abc123", ConversationID: "123", Kind: Reply})
	if err != nil || !found {
		t.Fatalf("the draft did not survive: found=%v err=%v", found, err)
	}
	if !strings.HasPrefix(crashText, d.Text) || len([]rune(d.Text)) < confirmed {
		t.Fatalf("restored %q: want a prefix of the text at least %d runes long", d.Text, confirmed)
	}
	list, err := s.List("abc123")
	if err != nil || len(list) != 1 {
		t.Fatalf("list after the crash: %d drafts, %v", len(list), err)
	}
}
