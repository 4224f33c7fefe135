package config

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"

	"github.com/intercom-tui/intercom-tui/sanitize"
)

// DefaultTokenTimeout bounds token_command: a password manager waiting for a PIN it will
// never get must not hang the start.
const DefaultTokenTimeout = 10 * time.Second

// maxStderrRunes bounds how much of token_command's stderr an error quotes.
const maxStderrRunes = 300

const redactedMark = "[REDACTED]"

// RunTokenCommand runs command with `sh -c` and returns its stdout, trimmed. On failure
// the error holds the exit status and stderr (so "gpg: decryption failed" reaches the
// user) but never stdout, which may be a token or part of one.
func RunTokenCommand(ctx context.Context, command string, timeout time.Duration) (string, error) {
	if timeout <= 0 {
		timeout = DefaultTokenTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "sh", "-c", command)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	// A grandchild holding the pipes open must not keep Wait blocked after the kill.
	cmd.WaitDelay = time.Second
	err := cmd.Run()
	out := strings.TrimSpace(stdout.String())
	if err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return "", fmt.Errorf("token_command timed out after %s%s", timeout, stderrNote(stderr.String(), out))
		}
		if ctxErr := ctx.Err(); ctxErr != nil {
			return "", ctxErr
		}
		status := err.Error()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			status = ee.ProcessState.String() // "exit status 1", "signal: killed"
		}
		return "", fmt.Errorf("token_command failed (%s)%s", status, stderrNote(stderr.String(), out))
	}
	if out == "" {
		return "", fmt.Errorf("token_command printed nothing on stdout%s", stderrNote(stderr.String(), ""))
	}
	return out, nil
}

// stderrNote is ": <stderr>" made safe for one line: the stdout text (a token, maybe) is
// cut out first, then controls, then the length.
func stderrNote(stderr, stdout string) string {
	s := stderr
	if stdout != "" {
		s = strings.ReplaceAll(s, stdout, redactedMark)
	}
	s = strings.Join(strings.Fields(sanitize.Line(s)), " ")
	if s == "" {
		return ""
	}
	if r := []rune(s); len(r) > maxStderrRunes {
		s = string(r[:maxStderrRunes-1]) + "…"
	}
	return ": " + s
}
