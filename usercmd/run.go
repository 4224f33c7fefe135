package usercmd

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/intercom-tui/intercom-tui/sanitize"
)

// Timeout bounds a background command: it holds no terminal, so nothing else would
// ever stop one that hangs.
const Timeout = 30 * time.Second

// Shell runs the script, as for token_command. It is looked up on $PATH when the
// command is built, which callers do inside a tea.Cmd, never in Update.
const Shell = "sh"

// outputLimit bounds what is kept of a background command's stdout and stderr: the
// toast shows one line.
const outputLimit = 64 << 10

// Env is environ without the Intercom token: a command is the agent's own, but it
// need not see the workspace's secret (INTERCOM_TOKEN, INTERCOM_ACCESS_TOKEN, and any
// other INTERCOM_…TOKEN…).
func Env(environ []string) []string {
	out := make([]string, 0, len(environ))
	for _, kv := range environ {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "INTERCOM_") && strings.Contains(name, "TOKEN") {
			continue
		}
		out = append(out, kv)
	}
	return out
}

// Interactive is the command for a script that takes over the terminal (terminal =
// true): the caller hands it to tea.ExecProcess, which connects the terminal.
func Interactive(script string) *exec.Cmd {
	c := exec.Command(Shell, "-c", script)
	c.Env = Env(os.Environ())
	return c
}

// Result is how a background command ended.
type Result struct {
	Stdout, Stderr string
	Err            error // nil on exit status 0
	// TimedOut is set when the command was stopped after Limit.
	TimedOut bool
	Limit    time.Duration
}

// Background runs script with sh -c, stdin empty, output captured, stopped after
// timeout. Children that keep the output open do not keep it waiting past the timeout.
func Background(ctx context.Context, script string, timeout time.Duration) Result {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	c := exec.CommandContext(ctx, Shell, "-c", script)
	c.Env = Env(os.Environ())
	stdout, stderr := &limitedBuffer{}, &limitedBuffer{}
	c.Stdout, c.Stderr = stdout, stderr
	c.WaitDelay = time.Second
	killGroup(c)
	err := start(c)
	if err == nil {
		err = c.Wait()
		forget(c)
	}
	r := Result{Stdout: stdout.String(), Stderr: stderr.String(), Err: err, Limit: timeout}
	if ctx.Err() == context.DeadlineExceeded {
		r.TimedOut = true
	}
	return r
}

// Summary is the toast for r: the first line of output on success; the exit status and
// stderr's first line on failure. Every line passes the sanitizer.
func (r Result) Summary(name string) (text string, failed bool) {
	switch {
	case r.TimedOut:
		return fmt.Sprintf("%s: stopped after %s", name, r.Limit), true
	case r.Err != nil:
		status := r.Err.Error()
		var exit *exec.ExitError
		if errors.As(r.Err, &exit) && exit.ExitCode() >= 0 {
			status = fmt.Sprintf("exit status %d", exit.ExitCode())
		}
		if line := firstLine(r.Stderr); line != "" {
			return fmt.Sprintf("%s failed (%s): %s", name, status, line), true
		}
		return fmt.Sprintf("%s failed (%s)", name, status), true
	}
	if line := firstLine(r.Stdout); line != "" {
		return name + ": " + line, false
	}
	return name + ": done", false
}

// firstLine is the first line of s that is not blank, sanitized and at most 200 runes.
func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(sanitize.Line(l))
		if l == "" {
			continue
		}
		if r := []rune(l); len(r) > 200 {
			l = string(r[:199]) + "…"
		}
		return l
	}
	return ""
}

// limitedBuffer keeps the first outputLimit bytes written and drops the rest, so a
// chatty command cannot fill memory (writes still succeed: the command is not broken
// off for talking).
type limitedBuffer struct{ b bytes.Buffer }

func (l *limitedBuffer) Write(p []byte) (int, error) {
	if room := outputLimit - l.b.Len(); room > 0 {
		l.b.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

func (l *limitedBuffer) String() string { return l.b.String() }

// running is every background command started and not yet waited for. It is the one
// piece of package state: processes belong to the whole program, not to a model.
var running struct {
	sync.Mutex
	cmds map[*exec.Cmd]struct{}
}

// start starts c and records it in one step, so StopAll never misses a command that
// has started.
func start(c *exec.Cmd) error {
	running.Lock()
	defer running.Unlock()
	if err := c.Start(); err != nil {
		return err
	}
	if running.cmds == nil {
		running.cmds = map[*exec.Cmd]struct{}{}
	}
	running.cmds[c] = struct{}{}
	return nil
}

func forget(c *exec.Cmd) {
	running.Lock()
	defer running.Unlock()
	delete(running.cmds, c)
}

// StopAll kills every background command still running, with what it started. The
// program calls it when it ends: a command runs in a process group of its own, which
// no hangup of the terminal reaches, so without this it would outlive the app.
func StopAll() {
	running.Lock()
	defer running.Unlock()
	for c := range running.cmds {
		if c.Cancel != nil {
			_ = c.Cancel()
		} else if c.Process != nil {
			_ = c.Process.Kill()
		}
	}
}
