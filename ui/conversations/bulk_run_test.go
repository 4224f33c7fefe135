package conversations

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/progress"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// selectFirst selects the first n rows of the view with a range.
func (l *harness) selectFirst(n int) []string {
	l.t.Helper()
	l.press("g", "V")
	for range n - 1 {
		l.press("j")
	}
	l.press("V", "g")
	rows := listedIDs(l.p)[:n]
	if got := l.selected(); !slices.Equal(got, rows) {
		l.t.Fatalf("selected %d rows, want the first %d", len(got), n)
	}
	return rows
}

// The case: a bulk close of 50 with 3 failures reports 47 done and 3 failed with
// their reasons; each conversation is written exactly once, at most BulkParallel at a
// time; the 47 are closed, and the 3 stay selected.
func TestBulkCloseFiftyWithThreeFailures(t *testing.T) {
	l := newHarness(t, harnessOpts{pageSize: 50, bulkParallel: 4, width: 100, height: 30})
	rows := l.selectFirst(50)
	bad := []string{rows[4], rows[17], rows[33]}
	l.failOnce(404, bad...)
	before := l.parts()

	l.key("c")
	l.until(func() bool { _, ok := l.report(); return ok })
	r := l.mustReport()
	if r.ID() == 0 || r.Ended() {
		t.Fatalf("report %d ended=%v as the run starts", r.ID(), r.Ended())
	}
	if v := ansiView(r); !strings.Contains(v, "Closing 50 conversations") || !strings.Contains(v, "esc stop") {
		t.Fatalf("the report as the run starts:\n%s", v)
	}
	l.drain()

	r = l.mustReport()
	done, failed, skipped, total := r.Counts()
	if !r.Ended() || done != 47 || failed != 3 || skipped != 0 || total != 50 {
		t.Fatalf("report: ended=%v done=%d failed=%d skipped=%d total=%d", r.Ended(), done, failed, skipped, total)
	}
	items := r.Items()
	for i, id := range bad { // the failures come first, in the run's order, with their reason
		it := items[i]
		if it.Status != progress.Failed || it.Label != "#"+id ||
			it.Text != "Couldn't close: Resource Not Found (HTTP 404)" {
			t.Fatalf("item %d: %+v, want #%s failed with the server's reason", i, it, id)
		}
	}
	view := ansiView(r)
	for _, want := range []string{"Closed 47 of 50 conversations", "47 done, 3 failed",
		"✗ #" + bad[0] + " Couldn't close: Resource Not Found (HTTP 404)", "enter close"} {
		if !strings.Contains(view, want) {
			t.Fatalf("the report does not say %q:\n%s", want, view)
		}
	}

	if n := l.parts() - before; n != 50 {
		t.Fatalf("%d POST /conversations/{id}/parts, want exactly 50 (no write twice)", n)
	}
	if l.issued != 50 || l.answers != 50 || l.inflight != 0 {
		t.Fatalf("issued %d, answered %d, in flight %d", l.issued, l.answers, l.inflight)
	}
	if l.maxInflight != 4 {
		t.Fatalf("at most %d writes in flight, want BulkParallel = 4", l.maxInflight)
	}
	for _, id := range rows {
		want := models.StateClosed
		if slices.Contains(bad, id) {
			want = models.StateOpen
		}
		if got := l.server(id).State; got != want {
			t.Fatalf("#%s is %s in the fake, want %s", id, got, want)
		}
	}
	// The list shows the result: closed rows stay in place until a refresh.
	for _, id := range rows {
		c, _ := l.p.conversation(id)
		if closed := c.State == models.StateClosed; closed == slices.Contains(bad, id) {
			t.Fatalf("#%s shows as %s in the pane", id, c.State)
		}
	}
	if got := l.selected(); !slices.Equal(got, bad) {
		t.Fatalf("selected after the run: %v, want the failures %v", got, bad)
	}
	if l.p.bulk.run != nil {
		t.Fatal("the run is still on after its end")
	}

	// One toast sums it up, with a retry; no toast per failure.
	if len(l.toasts) != 1 {
		t.Fatalf("%d toasts: %+v", len(l.toasts), l.toasts)
	}
	toast := l.toasts[0]
	if !toast.Error || toast.Retry == nil || toast.Text != "Closed 47 of 50 conversations · 3 failed: still selected" {
		t.Fatalf("toast %+v", toast)
	}

	// enter closes the report; the retry key runs the three again (their faults are
	// spent), and they leave the selection.
	l.press("enter")
	if len(l.stack) != 0 {
		t.Fatal("enter did not close the report")
	}
	l.queue = append(l.queue, toast.Retry)
	l.drain()
	r = l.mustReport()
	if done, failed, _, total := r.Counts(); done != 3 || failed != 0 || total != 3 {
		t.Fatalf("retry: done=%d failed=%d total=%d", done, failed, total)
	}
	if n := l.parts() - before; n != 53 {
		t.Fatalf("%d writes after the retry, want 53", n)
	}
	if got := l.selected(); len(got) != 0 {
		t.Fatalf("still selected after a successful retry: %v", got)
	}
	if last := l.toasts[len(l.toasts)-1]; last.Error || last.Text != "Closed 3 conversations" {
		t.Fatalf("retry toast %+v", last)
	}
}

// esc while the run goes stops it: no write starts after that, the ones in flight finish
// and are reported, and what never started stays selected.
func TestBulkStopMidway(t *testing.T) {
	l := newHarness(t, harnessOpts{pageSize: 50, bulkParallel: 3, width: 100, height: 30})
	rows := l.selectFirst(20)
	before := l.parts()

	started := -1
	l.onMsg = func(msg tea.Msg) {
		if _, ok := msg.(bulkStopMsg); ok && l.p.bulk.run != nil {
			started = l.p.bulk.run.next
		}
	}
	l.key("c")
	l.until(func() bool { return l.answers == 5 })
	l.keyFirst("esc") // to the report
	l.drain()

	if started < 5 || started >= 20 {
		t.Fatalf("%d writes started when the stop arrived", started)
	}
	r := l.mustReport()
	done, failed, skipped, total := r.Counts()
	if !r.Ended() || done != started || failed != 0 || skipped != 20-started || total != 20 {
		t.Fatalf("report: ended=%v done=%d failed=%d skipped=%d (started %d)", r.Ended(), done, failed, skipped, started)
	}
	if n := l.parts() - before; n != started || l.issued != started {
		t.Fatalf("%d writes reached the fake and %d were issued, want the %d started before the stop", n, l.issued, started)
	}
	if l.maxInflight > 3 {
		t.Fatalf("%d writes in flight, want at most 3", l.maxInflight)
	}
	if got := l.selected(); !slices.Equal(got, rows[started:]) {
		t.Fatalf("selected after the stop: %v, want the %d never started", got, 20-started)
	}
	if v := ansiView(r); !strings.Contains(v, "not started") || !strings.Contains(v, "– #"+rows[started]) {
		t.Fatalf("the report does not list what never started:\n%s", v)
	}
	if last := l.toasts[len(l.toasts)-1]; last.Error || !strings.Contains(last.Text, "stopped") {
		t.Fatalf("toast %+v", last)
	}
	// A second esc closes the ended report.
	l.press("esc")
	if len(l.stack) != 0 {
		t.Fatal("esc did not close the ended report")
	}
}

// A conversation that is no longer listed when its turn comes fails with a reason
// instead of stalling the run; a bulk key while a run goes is refused with a toast.
func TestBulkRunEdges(t *testing.T) {
	l := newHarness(t, harnessOpts{pageSize: 50, bulkParallel: 1, width: 100, height: 30})
	rows := l.selectFirst(2)
	var cmd tea.Cmd
	closing := Action{Kind: ActClose}
	l.p, cmd = l.p.runBulk(l.p.activeView(), []bulkTask{{id: "gone", action: closing}, {id: rows[0], action: closing}})
	l.queue = append(l.queue, cmd)

	_, again, ok := l.p.bulkKey(inboxKey("c"))
	if !ok || again == nil {
		t.Fatal("a bulk key while a run goes was not refused")
	}
	if msg, _ := again().(shared.ToastMsg); !strings.Contains(msg.Text, "still running") {
		t.Fatalf("refusal %+v", msg)
	}
	l.drain()
	r := l.mustReport()
	done, failed, _, _ := r.Counts()
	if !r.Ended() || done != 1 || failed != 1 {
		t.Fatalf("ended=%v done=%d failed=%d", r.Ended(), done, failed)
	}
	if it := r.Items()[0]; it.Label != "#gone" || !strings.Contains(it.Text, "no longer listed") {
		t.Fatalf("the unlisted conversation's result: %+v", it)
	}
	if l.parts() != 1 {
		t.Fatalf("%d writes, want 1", l.parts())
	}
}
