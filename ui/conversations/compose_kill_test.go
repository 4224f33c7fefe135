//go:build unix

package conversations

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"

	"github.com/intercom-tui/intercom-tui/drafts"
)

// TestComposeHelperProcess is not a test: it is the child of
// TestComposeDraftSurvivesAKilledProcess. It opens the composer, types, lets the
// throttle save, types on, and is killed with SIGKILL before the next save.
func TestComposeHelperProcess(t *testing.T) {
	dir := os.Getenv("COMPOSE_KILL_DIR")
	if dir == "" {
		t.Skip("the child of TestComposeDraftSurvivesAKilledProcess")
	}
	l := newComposeHarness(t, 100, 30, dir)
	id := l.openFirst()
	l.press("R")
	l.typeText("Hello Ana,\nthe refund is on its way.")
	l.fire() // the throttle's window passes: the text so far is saved
	l.typeText(" More to")
	fmt.Printf("conversation %s\n", id)
	_ = syscall.Kill(os.Getpid(), syscall.SIGKILL)
	select {}
}

// A draft survives a killed process: the next start opens the composer on it, as far
// as the last save (keys typed within the throttle's window before the kill are the
// only ones lost).
func TestComposeDraftSurvivesAKilledProcess(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestComposeHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), "COMPOSE_KILL_DIR="+dir)
	out, err := cmd.Output()
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		t.Fatalf("the child was not killed: %v\n%s", err, out)
	}
	if st, ok := exit.Sys().(syscall.WaitStatus); !ok || !st.Signaled() || st.Signal() != syscall.SIGKILL {
		t.Fatalf("the child ended with %v, want SIGKILL\n%s", exit, out)
	}
	id := strings.TrimSpace(strings.TrimPrefix(string(out), "conversation "))

	l := newComposeHarness(t, 100, 30, dir) // the next start, on the same drafts directory
	if got := l.openFirst(); got != id {
		t.Fatalf("first conversation %s, the child's was %s", got, id)
	}
	want := "Hello Ana,\nthe refund is on its way."
	if toasts := l.toastTexts(); len(toasts) != 1 || toasts[0] != "You have an unsent reply draft on #"+id+" (R to continue)" {
		t.Fatalf("opening the thread said %q", toasts)
	}
	l.press("R")
	c := l.composer()
	if c.Value() != want {
		t.Fatalf("restored %q, want %q", c.Value(), want)
	}
	if st, _ := c.Status(); st != "draft restored, saved 14:05" {
		t.Fatalf("status %q", st)
	}
	if list, err := l.store.List(l.p.draftWorkspace()); err != nil || len(list) != 1 || list[0].Kind != drafts.Reply {
		t.Fatalf("drafts on disk: %v %v", list, err)
	}
}
