package ui

import (
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime/debug"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/sanitize"
)

// Crash says where a panic's details go and what must never appear in them.
type Crash struct {
	Dir    string              // crash logs; "" is <user cache dir>/intercom-tui
	Redact func(string) string // removes secrets (the token) from everything a crash shows or writes; see Redactor
	Log    *slog.Logger        // the --debug log, if any: a panic is logged there too
}

// Redactor returns a Crash.Redact that replaces each secret (and its URL-encoded form)
// and any "Bearer <credential>" with [redacted].
func Redactor(secrets ...string) func(string) string {
	var pairs []string
	for _, s := range secrets {
		if len(s) < 4 { // a short string is no secret, and replacing it would garble the text
			continue
		}
		pairs = append(pairs, s, redactedMark)
		if q := url.QueryEscape(s); q != s {
			pairs = append(pairs, q, redactedMark)
		}
	}
	r := strings.NewReplacer(pairs...)
	return func(s string) string {
		return bearerRE.ReplaceAllString(r.Replace(s), "Bearer "+redactedMark)
	}
}

const redactedMark = "[redacted]"

var bearerRE = regexp.MustCompile(`(?i)bearer\s+[^\s"',;)]+`)

func (c Crash) redact(s string) string {
	if c.Redact == nil {
		return Redactor()(s)
	}
	return c.Redact(s)
}

// dir is where crash logs go (read in a command or outside the program: it may read the
// environment).
func (c Crash) dir() (string, error) {
	if c.Dir != "" {
		return c.Dir, nil
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(base, "intercom-tui"), nil
}

// commandPanicked is what a guarded command answers instead of panicking.
type commandPanicked struct {
	value string // the panic value: redacted, one sanitized line, cut
	file  string // the crash log as the user would type it, or "" if it could not be written
}

// toast is the error the user sees.
func (p commandPanicked) toast() string {
	where := "details with --debug"
	if p.file != "" {
		where = "details in " + p.file + " or with --debug"
	}
	return "Something went wrong: " + p.value + " — the app kept running; " + where
}

var cmdType = reflect.TypeFor[tea.Cmd]()

// guard wraps cmd so that a panic inside it becomes a commandPanicked message (the stack
// written to a crash log by the command itself) instead of killing the program. The
// commands of a batch or sequence it returns are guarded in turn.
func (c Crash) guard(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = c.report(r, debug.Stack())
			}
		}()
		return c.guardMsg(cmd())
	}
}

// guardMsg guards the commands inside a tea.BatchMsg, or inside a sequence, whose type
// Bubble Tea does not export: any slice of tea.Cmd is rebuilt, as its own type, with
// each command guarded, so Bubble Tea still runs it as a sequence.
func (c Crash) guardMsg(msg tea.Msg) tea.Msg {
	if b, ok := msg.(tea.BatchMsg); ok {
		out := make(tea.BatchMsg, len(b))
		for i, cmd := range b {
			out[i] = c.guard(cmd)
		}
		return out
	}
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.Slice || v.Type().Elem() != cmdType {
		return msg
	}
	out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
	for i := range v.Len() {
		cmd, _ := v.Index(i).Interface().(tea.Cmd)
		out.Index(i).Set(reflect.ValueOf(c.guard(cmd)))
	}
	return out.Interface()
}

// report writes the crash log and says what to show. It runs in the command that
// panicked, so its I/O is off the update loop.
func (c Crash) report(r any, stack []byte) commandPanicked {
	value := c.redact(fmt.Sprint(r))
	detail := c.redact("intercom-tui: a command panicked (the app kept running)\n\npanic: " + value + "\n\n" + string(stack))
	if c.Log != nil {
		c.Log.Error("command panicked", slog.String("panic", value), slog.String("stack", c.redact(string(stack))))
	}
	file, _ := c.write(time.Now(), detail)
	return commandPanicked{value: c.oneLine(value), file: tildePath(file)}
}

// oneLine makes a panic value fit a toast or an error line: sanitized (a panic value may
// hold remote text), redacted again (sanitizing can join a split secret), cut.
func (c Crash) oneLine(s string) string {
	s = c.redact(sanitize.Line(s))
	if r := []rune(s); len(r) > maxPanicLine {
		s = string(r[:maxPanicLine-1]) + "…"
	}
	if s == "" {
		s = "a panic"
	}
	return s
}

const maxPanicLine = 80

// write saves a crash log (0600, in a 0700 directory) and returns its path.
func (c Crash) write(now time.Time, detail string) (string, error) {
	dir, err := c.dir()
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	f, err := os.CreateTemp(dir, "crash-"+now.Format("20060102-150405")+"-*.log") // CreateTemp makes it 0600
	if err != nil {
		return "", err
	}
	_, werr := f.WriteString(detail)
	if err := f.Close(); werr == nil {
		werr = err
	}
	if werr != nil {
		return "", werr
	}
	return f.Name(), nil
}

// tildePath shortens a path under the home directory to ~/…, to fit a toast.
func tildePath(p string) string {
	home, err := os.UserHomeDir()
	if p == "" || err != nil || home == "" {
		return p
	}
	if rel, err := filepath.Rel(home, p); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.Join("~", rel)
	}
	return p
}
