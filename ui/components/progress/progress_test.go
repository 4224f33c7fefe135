package progress

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

type stopped struct{}

func newReport(n, running int) Report {
	items := make([]Item, n)
	for i := range items {
		items[i] = Item{Label: fmt.Sprintf("#%d", 100+i), Note: "Customer " + fmt.Sprint(i)}
		if i < running {
			items[i].Status = Running
		}
	}
	stop := func() tea.Msg { return stopped{} }
	return New(7, "Closing 10 conversations", items, stop, theme.New(theme.Dark), keymap.Default())
}

func update(t *testing.T, o shared.Overlay, msg tea.Msg) (Report, tea.Cmd) {
	t.Helper()
	next, cmd := o.Update(msg)
	r, ok := next.(Report)
	if !ok {
		t.Fatalf("Update returned %T", next)
	}
	return r, cmd
}

func keyPress(k string) tea.KeyPressMsg {
	switch k {
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	}
	return tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
}

// Statuses only move forward, so an update that arrives after a later one changes
// nothing; another run's messages are ignored.
func TestUpdatesAreMonotonicAndNamed(t *testing.T) {
	r := newReport(10, 2)
	r, _ = update(t, r, UpdateMsg{ID: 7, Changes: []Change{{Index: 0, Status: Done, Text: "closed"}}})
	r, _ = update(t, r, UpdateMsg{ID: 7, Changes: []Change{{Index: 0, Status: Running}}}) // late
	r, _ = update(t, r, UpdateMsg{ID: 8, Changes: []Change{{Index: 1, Status: Failed}}})  // another run
	r, _ = update(t, r, UpdateMsg{ID: 7, Changes: []Change{{Index: 99, Status: Done}}})   // no such item
	done, failed, skipped, total := r.Counts()
	if done != 1 || failed != 0 || skipped != 0 || total != 10 {
		t.Fatalf("done=%d failed=%d skipped=%d total=%d", done, failed, skipped, total)
	}
	if it := r.Items()[0]; it.Status != Done || it.Text != "closed" {
		t.Fatalf("item 0: %+v", it)
	}
	if r.running != 1 {
		t.Fatalf("%d running, want 1", r.running)
	}
}

// The end is authoritative and lists failures first, then what never started, then
// what succeeded.
func TestEndOrdersFailuresFirst(t *testing.T) {
	r := newReport(5, 0)
	final := r.Items()
	for i := range final {
		final[i].Status, final[i].Text = Done, "closed"
	}
	final[1].Status, final[1].Text = Failed, "Couldn't close: Resource Not Found (HTTP 404)"
	final[3].Status, final[3].Text = Skipped, "not started"
	final[4].Status, final[4].Text = Failed, "Couldn't close: Internal Server Error (HTTP 500)"
	r, _ = update(t, r, EndMsg{ID: 7, Title: "Closed 2 of 5 conversations", Items: final})
	var labels []string
	for _, it := range r.Items() {
		labels = append(labels, it.Label)
	}
	if got := strings.Join(labels, " "); got != "#101 #104 #103 #100 #102" {
		t.Fatalf("order at the end: %s", got)
	}
	view := ansi.Strip(r.View(120, 34))
	for _, want := range []string{"Closed 2 of 5 conversations", "2 done, 2 failed, 1 not started", "100%",
		"✗ #101 Couldn't close: Resource Not Found (HTTP 404) · Customer 1", "– #103 not started", "✓ #100 closed", "enter close"} {
		if !strings.Contains(view, want) {
			t.Fatalf("the ended report lacks %q:\n%s", want, view)
		}
	}
	// Updates after the end change nothing.
	r2, _ := update(t, r, UpdateMsg{ID: 7, Changes: []Change{{Index: 2, Status: Failed}}})
	if d, f, _, _ := r2.Counts(); d != 2 || f != 2 {
		t.Fatalf("an update after the end counted: done=%d failed=%d", d, f)
	}
}

// esc while running asks to stop, once; enter does nothing until the end; then enter or
// esc closes the report.
func TestKeys(t *testing.T) {
	r := newReport(10, 4)
	r, cmd := update(t, r, keyPress("enter"))
	if cmd != nil {
		t.Fatal("enter while running did something")
	}
	r, cmd = update(t, r, keyPress("esc"))
	if cmd == nil || cmd() != (stopped{}) || !r.Stopping() {
		t.Fatal("esc did not ask to stop")
	}
	if v := ansi.Strip(r.View(120, 34)); !strings.Contains(v, "waiting for 4 in flight") {
		t.Fatalf("stopping is not shown:\n%s", v)
	}
	r, cmd = update(t, r, keyPress("esc"))
	if cmd != nil {
		t.Fatal("a second esc asked to stop again")
	}
	r, _ = update(t, r, EndMsg{ID: 7, Items: r.Items()})
	for _, k := range []string{"enter", "esc"} {
		_, cmd = update(t, r, keyPress(k))
		if cmd == nil {
			t.Fatalf("%s did not close the ended report", k)
		}
		if _, ok := cmd().(shared.PopOverlay); !ok {
			t.Fatalf("%s did not pop the report", k)
		}
	}
}

// The box fits any area, draws only the lines it shows, and follows the run until the
// user scrolls.
func TestViewFitsAndFollows(t *testing.T) {
	r := newReport(200, 0)
	for i := range 120 {
		r, _ = update(t, r, UpdateMsg{ID: 7, Changes: []Change{{Index: i, Status: Done, Text: "closed"}}})
	}
	for _, size := range [][2]int{{120, 34}, {80, 22}, {40, 10}, {20, 8}, {10, 4}} {
		v := r.View(size[0], size[1])
		lines := strings.Split(v, "\n")
		if v != "" && len(lines) > size[1] {
			t.Fatalf("%v: %d lines", size, len(lines))
		}
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > size[0] {
				t.Fatalf("%v: a line is %d wide", size, w)
			}
		}
	}
	view := ansi.Strip(r.View(120, 34))
	if !strings.Contains(view, "#219 closed") || strings.Contains(view, "#100 closed") {
		t.Fatalf("the list does not follow the run:\n%s", view)
	}
	if !strings.Contains(view, "120 of 200") || !strings.Contains(view, " 60%") {
		t.Fatalf("counts or bar:\n%s", view)
	}
	r, _ = update(t, r, keyPress("g"))
	view = ansi.Strip(r.View(120, 34))
	if !strings.Contains(view, "#100 closed") {
		t.Fatalf("g did not scroll to the top:\n%s", view)
	}
	r, _ = update(t, r, UpdateMsg{ID: 7, Changes: []Change{{Index: 120, Status: Done}}})
	if view = ansi.Strip(r.View(120, 34)); !strings.Contains(view, "#100 closed") {
		t.Fatal("an update scrolled a list the user had scrolled")
	}
}

// Remote text reaches the screen sanitized.
func TestSanitizes(t *testing.T) {
	items := []Item{{Label: "#1", Note: "Eve\x1b[2J\u202e", Status: Failed, Text: "Couldn't close: \x1b]0;pwned\x07boom"}}
	r := New(1, "Closing\x1b[31m 1", items, nil, theme.New(theme.Light), keymap.Default())
	v := r.View(100, 30)
	if strings.Contains(ansi.Strip(v), "\x1b") || strings.Contains(v, "\u202e") || strings.Contains(v, "pwned\x07") {
		t.Fatalf("unsanitized text: %q", v)
	}
}
