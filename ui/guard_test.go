package ui

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// secretToken stands for the configured token; a panic value that carries it (with a
// terminal escape besides) must not show it anywhere.
const secretToken = "dG9rOnNlY3JldC10b2tlbi0xMjM0NQ=="

// panicValue is what the forced panics panic with.
var panicValue = "forced failure for " + secretToken + " \x1b]0;pwned\x07 (Bearer abc.def)"

func forcedPanic() tea.Msg { panic(panicValue) }

// crashLogs are the crash logs written into dir.
func crashLogs(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "crash-*.log"))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// checkCrashLog asserts the one crash log in dir is private, holds the stack of the
// panic (naming wantFrame) and the redacted value, and never the token.
func checkCrashLog(t *testing.T, dir, wantFrame string) string {
	t.Helper()
	files := crashLogs(t, dir)
	if len(files) != 1 {
		t.Fatalf("want one crash log in %s, got %v", dir, files)
	}
	fi, err := os.Stat(files[0])
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("crash log mode %v, want 0600", fi.Mode().Perm())
	}
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	log := string(b)
	for _, want := range []string{"forced failure for [redacted]", "Bearer [redacted]", "goroutine ", wantFrame} {
		if !strings.Contains(log, want) {
			t.Errorf("crash log lacks %q:\n%s", want, log)
		}
	}
	if strings.Contains(log, secretToken) || strings.Contains(log, "abc.def") {
		t.Errorf("crash log holds the token:\n%s", log)
	}
	return files[0]
}

// TestPanicInBatchedCommandBecomesToast: a command inside a tea.Batch panics; the app
// shows the error toast (the value sanitized and redacted, the crash log named), the
// log holds the stack, and the program keeps running.
func TestPanicInBatchedCommandBecomesToast(t *testing.T) {
	testPanicInCommand(t, func(ok tea.Cmd) tea.Cmd { return tea.Batch(ok, forcedPanic) })
}

// TestPanicInSequencedCommandBecomesToast is the same inside a tea.Sequence (whose message
// type Bubble Tea does not export): the guard must rebuild it as a sequence, or the app
// would get the raw slice as a message and never show the toast.
func TestPanicInSequencedCommandBecomesToast(t *testing.T) {
	testPanicInCommand(t, func(ok tea.Cmd) tea.Cmd { return tea.Sequence(ok, forcedPanic) })
}

func testPanicInCommand(t *testing.T, wrap func(ok tea.Cmd) tea.Cmd) {
	dir := t.TempDir()
	h := newHarness(t, 30)
	opts := Options{Where: "demo workspace", Crash: Crash{Dir: dir, Redact: Redactor(secretToken)}}
	tm, p := h.runWith(t, opts, 200, 30, "Conversations")

	// The failing command runs the way real ones do: App.Update returns it (here as the
	// retry of an error toast, run by ctrl+r).
	ran := make(chan struct{})
	var once sync.Once
	ok := func() tea.Msg { once.Do(func() { close(ran) }); return nil }
	tm.Send(shared.ToastMsg{Text: "Loading failed", Error: true, Retry: wrap(ok)})
	waitFor(t, tm, p, "Loading failed")
	press(tm, "ctrl+r")
	waitFor(t, tm, p, "Something went wrong: forced failure for [redacted]")
	<-ran // the batch's or sequence's other command ran too
	screen := p.text()
	for _, bad := range []string{secretToken, "abc.def", "pwned\x07", "\x1b]"} {
		if strings.Contains(screen, bad) {
			t.Errorf("the screen shows %q:\n%s", bad, screen)
		}
	}
	file := checkCrashLog(t, dir, "forcedPanic")
	if !strings.Contains(screen, filepath.Base(file)) {
		t.Errorf("the toast does not name the crash log %s:\n%s", file, screen)
	}

	// Still running: another message is handled, and the program quits normally.
	tm.Send(shared.ToastMsg{Text: "still here"})
	waitFor(t, tm, p, "still here")
	final(t, tm)
}

// TestGuardRebuildsBatchAndSequence: the guard keeps a sequence's (unexported) type and
// order, guards the commands nested in batches and sequences, and leaves other messages
// alone.
func TestGuardRebuildsBatchAndSequence(t *testing.T) {
	var debugLog safeBuffer
	c := Crash{Dir: t.TempDir(), Redact: Redactor(secretToken), Log: slog.New(slog.NewTextHandler(&debugLog, nil))}
	var order []string
	step := func(s string) tea.Cmd { return func() tea.Msg { order = append(order, s); return s } }
	inner := tea.Sequence(step("b"), forcedPanic)
	seq := tea.Sequence(step("a"), inner, step("c"))

	raw := seq()
	got := c.guard(seq)()
	if reflect.TypeOf(got) != reflect.TypeOf(raw) {
		t.Fatalf("guarded sequence is a %T, want %T", got, raw)
	}
	var results []any
	var run func(msg tea.Msg)
	run = func(msg tea.Msg) { // the way Bubble Tea runs a sequence: in order, nested ones inline
		v := reflect.ValueOf(msg)
		if v.Kind() != reflect.Slice || v.Type().Elem() != cmdType {
			results = append(results, msg)
			return
		}
		for i := range v.Len() {
			run(v.Index(i).Interface().(tea.Cmd)())
		}
	}
	run(got)
	if strings.Join(order, "") != "abc" {
		t.Errorf("ran %v, want a b c in order", order)
	}
	if len(results) != 4 {
		t.Fatalf("results %v", results)
	}
	p, ok := results[2].(commandPanicked)
	if !ok || !strings.HasPrefix(p.value, "forced failure for [redacted]") {
		t.Fatalf("the panicking step gave %#v", results[2])
	}
	toast := p.toast()
	if !strings.HasPrefix(toast, "Something went wrong: forced failure for [redacted]") ||
		!strings.Contains(toast, " — the app kept running; details in ") || !strings.HasSuffix(toast, ".log or with --debug") ||
		strings.Contains(toast, secretToken) || strings.ContainsAny(toast, "\x1b\x07\n") {
		t.Errorf("toast %q", toast)
	}

	if l := debugLog.String(); !strings.Contains(l, "command panicked") || !strings.Contains(l, "forcedPanic") ||
		strings.Contains(l, secretToken) {
		t.Errorf("the --debug log: %s", l)
	}

	batch := c.guard(tea.Batch(step("x"), forcedPanic))().(tea.BatchMsg)
	if _, ok := batch[1]().(commandPanicked); !ok {
		t.Error("a batched command's panic was not caught")
	}
	if msg := c.guard(step("plain"))(); msg != "plain" {
		t.Errorf("a plain command's message changed: %v", msg)
	}
	if c.guard(nil) != nil {
		t.Error("a nil command must stay nil")
	}
}

// forceMsg makes panicky panic in Update or View.
type forceMsg struct{}

// panicky is a model that panics in Update or View on forceMsg, the way a bug would.
type panicky struct {
	in     string // "update" or "view"
	forced bool
}

func (m panicky) Init() tea.Cmd { return nil }

func (m panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(forceMsg); ok {
		if m.in == "update" {
			panic(panicValue)
		}
		m.forced = true
	}
	return m, nil
}

func (m panicky) View() tea.View {
	if m.forced {
		panic(panicValue)
	}
	v := tea.NewView("working")
	v.AltScreen = true
	return v
}

// TestForcedPanicOutput: a panic in Update or View itself is caught by Bubble Tea, which
// restores the terminal (leaves the alternate screen, shows the cursor); Run turns its
// report into one line naming a crash log, with the token nowhere.
func TestForcedPanicOutput(t *testing.T) {
	for _, in := range []string{"update", "view"} {
		t.Run(in, func(t *testing.T) {
			dir := t.TempDir()
			out := &safeBuffer{want: "working", seen: make(chan struct{})}
			in2, w := io.Pipe() // input that stays open, as a terminal's does
			defer w.Close()
			p := tea.NewProgram(panicky{in: in}, tea.WithInput(in2), tea.WithOutput(out),
				tea.WithWindowSize(80, 24), tea.WithoutSignalHandler())
			stderr := os.Stderr
			done := make(chan error)
			go func() {
				_, err := Run(p, Crash{Dir: dir, Redact: Redactor(secretToken)})
				done <- err
			}()
			<-out.seen // a frame is on the (alternate) screen: there is something to restore
			p.Send(forceMsg{})
			err := <-done
			if os.Stderr != stderr {
				t.Fatal("Run left os.Stderr redirected")
			}
			var crash *CrashError
			if !errors.As(err, &crash) || !errors.Is(err, tea.ErrProgramPanic) {
				t.Fatalf("Run returned %v, want a *CrashError", err)
			}
			line := crash.Error()
			t.Logf("the line printed: %s", line)
			if strings.ContainsAny(line, "\n\x1b\x07") || strings.Contains(line, secretToken) || strings.Contains(line, "abc.def") {
				t.Errorf("the crash line is unsafe: %q", line)
			}
			want := "intercom-tui crashed: forced failure for [redacted]"
			if !strings.HasPrefix(line, want) || !strings.Contains(line, "; the terminal was restored; details in "+crash.File) {
				t.Errorf("the crash line %q, want %q…; the terminal was restored; details in <file>", line, want)
			}
			checkCrashLog(t, dir, "panicky."+map[string]string{"update": "Update", "view": "View"}[in])

			screen := out.String()
			last := strings.LastIndex(screen, ansi.SetModeAltScreenSaveCursor)
			if last < 0 || !strings.Contains(screen[last:], ansi.ResetModeAltScreenSaveCursor) ||
				!strings.Contains(screen[last:], ansi.SetModeTextCursorEnable) {
				t.Errorf("the terminal was not restored after the panic: %q", screen)
			}
		})
	}
}

// stray writes to stderr while the program owns the terminal.
type stray struct{}

func (stray) Init() tea.Cmd { return nil }

func (m stray) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(forceMsg); ok {
		fmt.Fprintln(os.Stderr, "library warning about "+secretToken)
		return m, tea.Quit
	}
	return m, nil
}

func (stray) View() tea.View { return tea.NewView("working") }

// TestRunPassesStderrOnRedacted: without a panic, what was written to stderr during the
// run is printed once the program has ended, redacted.
func TestRunPassesStderrOnRedacted(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	orig := os.Stderr
	os.Stderr = w
	defer func() { os.Stderr = orig }()
	in, iw := io.Pipe()
	defer iw.Close()
	p := tea.NewProgram(stray{}, tea.WithInput(in), tea.WithOutput(io.Discard), tea.WithWindowSize(80, 24), tea.WithoutSignalHandler())
	go p.Send(forceMsg{})
	if _, err := Run(p, Crash{Dir: t.TempDir(), Redact: Redactor(secretToken)}); err != nil {
		t.Fatal(err)
	}
	os.Stderr = orig
	_ = w.Close()
	got, _ := io.ReadAll(r)
	if string(got) != "library warning about [redacted]\n" {
		t.Errorf("stderr after the run: %q", got)
	}
}

func TestRedactor(t *testing.T) {
	r := Redactor("s3cr/et+tok")
	for in, want := range map[string]string{
		"token s3cr/et+tok here":            "token [redacted] here",
		"url ?t=s3cr%2Fet%2Btok":            "url ?t=[redacted]",
		"Authorization: Bearer xyz.abc-1":   "Authorization: Bearer [redacted]",
		"nothing secret":                    "nothing secret",
		`{"authorization":"bearer q1w2e3"}`: `{"authorization":"Bearer [redacted]"}`,
	} {
		if got := r(in); got != want {
			t.Errorf("%q → %q, want %q", in, got, want)
		}
	}
}

// safeBuffer is an output the program writes from its renderer goroutine; seen is
// closed once it holds want.
type safeBuffer struct {
	mu   sync.Mutex
	b    strings.Builder
	want string
	seen chan struct{}
	shut bool
}

func (s *safeBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n, err := s.b.Write(p)
	if s.seen != nil && !s.shut && strings.Contains(s.b.String(), s.want) {
		close(s.seen)
		s.shut = true
	}
	return n, err
}

func (s *safeBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
