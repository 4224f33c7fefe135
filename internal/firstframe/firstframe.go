// Package firstframe times a program from its start to the first frame that shows a
// given text, as a person at a terminal would see it: the program runs in a
// pseudo-terminal of a fixed size and its output is read until the text, stripped of
// escape sequences, appears. It serves BenchmarkStartFirstFrame (issue #9), which
// starts intercom-tui and a minimal Bubble Tea program (./baseline) the same way.
package firstframe

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
)

// Size is a terminal's size in cells.
type Size struct{ Cols, Rows int }

// Measure starts cmd in a pseudo-terminal of size sz and returns the time from just
// before the start until want is on screen. The process is killed then (a first frame
// is all that is measured) and reaped before Measure returns.
func Measure(ctx context.Context, cmd *exec.Cmd, sz Size, want string) (time.Duration, error) {
	start := time.Now()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(sz.Cols), Rows: uint16(sz.Rows)})
	if err != nil {
		return 0, err
	}
	defer func() {
		_ = cmd.Process.Kill()
		_ = f.Close()
		_ = cmd.Wait()
	}()
	found := make(chan error, 1)
	go func() { found <- waitFor(f, want) }()
	select {
	case err := <-found:
		if err != nil {
			return 0, err
		}
		return time.Since(start), nil
	case <-ctx.Done():
		return 0, fmt.Errorf("%q never appeared: %w", want, ctx.Err())
	}
}

// waitFor reads r until want shows in the text it carries, escape sequences removed.
// The whole output is kept and stripped again on each read: a sequence can be split
// across reads, and a first frame is a few tens of kilobytes.
func waitFor(r io.Reader, want string) error {
	var out bytes.Buffer
	buf := make([]byte, 32<<10)
	for {
		n, err := r.Read(buf)
		out.Write(buf[:n])
		if n > 0 && strings.Contains(ansi.Strip(out.String()), want) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("output ended before %q appeared (%w): %q", want, err, tail(ansi.Strip(out.String()), 400))
		}
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// Build compiles the package pkg (an import path or a directory) into dir and returns
// the binary's path.
func Build(ctx context.Context, dir, name, pkg string) (string, error) {
	bin := filepath.Join(dir, name)
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, pkg)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build %s: %w\n%s", pkg, err, out)
	}
	return bin, nil
}

// Server is a serve-demo process: the fake Intercom workspace, over HTTP, as another
// process (as a real workspace would be).
type Server struct {
	URL, Token string
	cmd        *exec.Cmd
}

// StartServer runs `bin serve-demo` with size conversations on a free loopback port
// and waits until it accepts connections.
func StartServer(ctx context.Context, bin string, size int, extra ...string) (*Server, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := l.Addr().String()
	_ = l.Close()
	s := &Server{URL: "http://" + addr, Token: "firstframe-token"}
	args := append([]string{"serve-demo", "--addr", addr, "--token", s.Token, "--size", fmt.Sprint(size)}, extra...)
	s.cmd = exec.Command(bin, args...)
	s.cmd.Stdout, s.cmd.Stderr = io.Discard, io.Discard
	if err := s.cmd.Start(); err != nil {
		return nil, err
	}
	// Readiness is polled: the server says nothing machine-readable when it listens.
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
			_ = c.Close()
			return s, nil
		}
		select {
		case <-ctx.Done():
			s.Close()
			return nil, ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
	s.Close()
	return nil, errors.New("serve-demo did not start listening within 30 s")
}

// Close stops the server.
func (s *Server) Close() {
	_ = s.cmd.Process.Kill()
	_ = s.cmd.Wait()
}

// Env is a clean environment for the app under test: its own home, config, cache (the
// offline store) and state directories under root, a terminal type, and the token.
func Env(root, token string) []string {
	env := []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + filepath.Join(root, "home"),
		"XDG_CONFIG_HOME=" + filepath.Join(root, "config"),
		"XDG_CACHE_HOME=" + filepath.Join(root, "cache"),
		"XDG_STATE_HOME=" + filepath.Join(root, "state"),
		"TERM=xterm-256color",
		"COLORTERM=truecolor",
		"LANG=C.UTF-8",
	}
	if token != "" {
		env = append(env, "INTERCOM_TOKEN="+token)
	}
	return env
}

// FirstRows runs the app with stdout not a terminal, where it prints the open inbox as
// text, and returns those lines and the first row's contact name (what the first frame
// is waited for).
func FirstRows(ctx context.Context, bin string, env []string, args ...string) (rows []string, name string, err error) {
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = env
	out, err := cmd.Output()
	if err != nil {
		return nil, "", fmt.Errorf("%s %v: %w", bin, args, err)
	}
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	// A header, a blank line, then one line per conversation: mark, age, who (22 wide).
	if len(lines) < 3 {
		return nil, "", fmt.Errorf("no rows in %q", out)
	}
	rows = lines[2:]
	fields := []rune(rows[0])
	if len(fields) < 31 {
		return nil, "", fmt.Errorf("a short row: %q", rows[0])
	}
	who := strings.TrimSpace(string(fields[9:31]))
	// The list may clip a long name: its first word is what is sure to be on screen.
	if first, _, ok := strings.Cut(who, " "); ok && len([]rune(first)) >= 4 {
		who = first
	}
	return rows, strings.TrimSuffix(who, "…"), nil
}
