//go:build unix

package usercmd

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// StopAll ends a background command still running, and what it started, at once (the
// app calls it on the way out). The command says it is up through a FIFO, so the test
// waits on that, not on time.
func TestStopAllEndsRunningCommands(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "up")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	done := make(chan Result, 1)
	go func() {
		done <- Background(context.Background(), "echo up > "+Quote(fifo)+"; sleep 300; echo finished", time.Hour)
	}()
	f, err := os.Open(fifo) // blocks until the command opens it for writing
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 3)
	if _, err := f.Read(buf); err != nil || string(buf) != "up\n" {
		t.Fatalf("read %q %v", buf, err)
	}
	f.Close()
	StopAll()
	r := <-done
	if r.Err == nil || r.TimedOut || r.Stdout == "up\nfinished\n" {
		t.Fatalf("after StopAll: %+v", r)
	}
	running.Lock()
	n := len(running.cmds)
	running.Unlock()
	if n != 0 {
		t.Fatalf("%d commands still recorded", n)
	}
}
