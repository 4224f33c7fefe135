package ui

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
)

// CrashError is what Run returns when Update or View panicked. Bubble Tea caught the
// panic and restored the terminal; the details are in File.
type CrashError struct {
	Value string // the panic value: redacted, one sanitized line, cut
	File  string // the crash log, or "" if it could not be written
}

func (e *CrashError) Error() string {
	where := "no crash log could be written"
	if e.File != "" {
		where = "details in " + e.File
	}
	return fmt.Sprintf("intercom-tui crashed: %s; the terminal was restored; %s", e.Value, where)
}

func (e *CrashError) Unwrap() error { return tea.ErrProgramPanic }

// maxCaptured bounds what Run keeps of stderr while the program owns the terminal.
const maxCaptured = 1 << 20

// Run runs p. A panic in Update or View is Bubble Tea's to catch: it restores the
// terminal, then prints the panic value and a stack to os.Stderr. That value may hold
// anything (remote text, the token), so while p runs os.Stderr is a pipe: after a panic
// what it caught goes, redacted, to a crash log and Run returns a *CrashError (one line
// to print); otherwise anything written there is passed on, redacted, once the terminal
// is back. (A tea.ExecProcess added later must set its own Stderr.)
func Run(p *tea.Program, c Crash) (tea.Model, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return p.Run()
	}
	var captured bytes.Buffer
	done := make(chan struct{})
	go func() {
		defer close(done)
		buf := make([]byte, 32<<10)
		for {
			n, err := r.Read(buf)
			if room := maxCaptured - captured.Len(); room > 0 {
				captured.Write(buf[:min(n, room)])
			}
			if err != nil {
				return
			}
		}
	}()
	orig := os.Stderr
	os.Stderr = w
	m, runErr := p.Run()
	os.Stderr = orig
	_ = w.Close()
	<-done
	_ = r.Close()

	text := strings.ReplaceAll(captured.String(), "\r\n", "\n")
	if !errors.Is(runErr, tea.ErrProgramPanic) {
		if text != "" {
			fmt.Fprint(orig, c.redact(text))
		}
		return m, runErr
	}
	value := c.redact(caughtValue(text))
	file, _ := c.write(time.Now(), c.redact("intercom-tui crashed (the terminal was restored)\n\n"+text))
	return m, &CrashError{Value: c.oneLine(value), File: file}
}

// caughtValue is the panic value in Bubble Tea's report ("Caught panic:\n\n<value>\n\n
// Restoring terminal...").
func caughtValue(report string) string {
	const head, tail = "Caught panic:\n\n", "\n\nRestoring terminal..."
	_, rest, ok := strings.Cut(report, head)
	if !ok {
		return ""
	}
	value, _, _ := strings.Cut(rest, tail)
	return value
}
