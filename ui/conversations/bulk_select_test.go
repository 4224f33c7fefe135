package conversations

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/ui/theme"
)

// space toggles the row under the cursor and moves to the next row; the rows show the
// mark, and the view bar counts them.
func TestSpaceTogglesAndMovesDown(t *testing.T) {
	l := newHarness(t, harnessOpts{bulkParallel: 4, width: 100, height: 30})
	rows := listedIDs(l.p)

	l.press("space", "space")
	if got := l.selected(); !slices.Equal(got, rows[:2]) {
		t.Fatalf("selected %v, want the first two rows %v", got, rows[:2])
	}
	if c := l.p.activeView().list.cursor; c != 2 {
		t.Fatalf("cursor %d after two spaces, want 2", c)
	}
	l.press("k", "space") // toggles row 1 off, moves to row 2
	if got := l.selected(); !slices.Equal(got, rows[:1]) {
		t.Fatalf("after toggling row 1 off: %v, want %v", got, rows[:1])
	}
	if got := l.markedRows(); !slices.Equal(got, rows[:1]) {
		t.Fatalf("marked rows %v, want %v", got, rows[:1])
	}
	if note := l.p.selectionNote(); note != "1 selected" {
		t.Fatalf("view bar note %q", note)
	}
	if bar := ansi.Strip(l.p.viewBar(100)); !strings.HasSuffix(strings.TrimRight(bar, " "), "1 selected") {
		t.Fatalf("the view bar does not end with the count: %q", bar)
	}
	checkViewSize(t, l.p.View(), 100, 30)

	// The last row of a view that is all loaded: space selects it and the cursor stays.
	small := newHarness(t, harnessOpts{size: 30, bulkParallel: 4, width: 100, height: 30})
	small.press("G")
	last := small.p.activeView().list.cursor
	small.press("space")
	if small.p.activeView().list.cursor != last || !slices.Equal(small.selected(), []string{cursorID(small.p)}) {
		t.Fatalf("space on the last row: cursor %d (was %d), selected %v", small.p.activeView().list.cursor, last, small.selected())
	}
}

// V draws a range from the anchor to the cursor (shown as it is drawn); V again adds it
// to the selection. esc drops a range being drawn, and then clears the selection.
func TestRangeSelection(t *testing.T) {
	l := newHarness(t, harnessOpts{bulkParallel: 4, width: 100, height: 30})
	rows := listedIDs(l.p)

	l.press("space")                 // row 0 selected, cursor on 1
	l.press("j", "j", "V", "j", "j") // range 3..5 being drawn
	if got := l.markedRows(); !slices.Equal(got, []string{rows[0], rows[3], rows[4], rows[5]}) {
		t.Fatalf("marked while drawing: %v", got)
	}
	if got := l.selected(); !slices.Equal(got, rows[:1]) {
		t.Fatalf("the range was added before it ended: %v", got)
	}
	if note := l.p.selectionNote(); note != "1 selected + 3 in range" {
		t.Fatalf("note while drawing %q", note)
	}
	l.press("k", "k", "k", "k") // the cursor crosses the anchor: the range is 1..3
	if got := l.markedRows(); !slices.Equal(got, rows[:4]) {
		t.Fatalf("marked after crossing the anchor: %v", got)
	}
	l.press("V")
	if got := l.selected(); !slices.Equal(got, rows[:4]) {
		t.Fatalf("after V: %v, want %v", got, rows[:4])
	}
	if note := l.p.selectionNote(); note != "4 selected" {
		t.Fatalf("note %q", note)
	}

	// A range dropped with esc adds nothing; the next esc clears the selection.
	l.press("G", "V", "k", "esc")
	if got := l.selected(); !slices.Equal(got, rows[:4]) || l.p.bulk.anchor != "" {
		t.Fatalf("esc on a range: selected %v anchor %q", got, l.p.bulk.anchor)
	}
	l.press("esc")
	if got := l.selected(); len(got) != 0 || l.p.selectionNote() != "" || len(l.markedRows()) != 0 {
		t.Fatalf("esc left %v selected", got)
	}

	// space ends a range too, adding it.
	l.press("g", "V", "j", "space")
	if got := l.selected(); !slices.Equal(got, rows[:2]) {
		t.Fatalf("V j space: %v", got)
	}
}

// The selection is kept per view, by id: paging, a refresh and the filter keep it; a
// conversation that leaves the view is dropped quietly. A range belongs to its view.
func TestSelectionIsPerViewAndSurvivesRefresh(t *testing.T) {
	l := newHarness(t, harnessOpts{bulkParallel: 4, width: 100, height: 30})
	rows := listedIDs(l.p)
	l.press("space", "space", "space") // rows 0..2

	l.press("G", "G") // the next page arrives
	if n := l.p.activeView().list.len(); n <= len(rows) {
		t.Fatalf("no next page: %d rows", n)
	}
	if got := l.selected(); !slices.Equal(got, rows[:3]) {
		t.Fatalf("after paging: %v", got)
	}

	// Another view has a selection of its own.
	l.press("@")
	if note := l.p.selectionNote(); note != "" {
		t.Fatalf("Unassigned shows %q", note)
	}
	l.press("space")
	unassigned := l.selected()
	l.press("!")
	if got := l.selected(); !slices.Equal(got, rows[:3]) {
		t.Fatalf("back in Open: %v", got)
	}
	l.press("@")
	if got := l.selected(); !slices.Equal(got, unassigned) {
		t.Fatalf("back in Unassigned: %v, want %v", got, unassigned)
	}
	l.press("!")

	// Someone else closes a selected conversation: the refresh drops it from Open, and
	// from the selection and its count.
	if _, err := l.client.Close(context.Background(), rows[1], string(l.ctx.Dir.Me.ID), ""); err != nil {
		t.Fatal(err)
	}
	l.press("r")
	if got := l.selected(); !slices.Equal(got, []string{rows[0], rows[2]}) {
		t.Fatalf("after the refresh: %v", got)
	}
	if note := l.p.selectionNote(); note != "2 selected" {
		t.Fatalf("note after the refresh %q", note)
	}

	// The filter hides rows but not the selection.
	l.press("/")
	l.p = typeKeys(l.p, "zzzz-no-such-row")
	l.press("enter")
	if note := l.p.selectionNote(); note != "2 selected" {
		t.Fatalf("note under a filter %q", note)
	}
	l.press("esc") // the selection goes first
	if note := l.p.selectionNote(); note != "" || l.p.activeView().list.query == "" {
		t.Fatalf("esc under a filter: note %q, filter %q", note, l.p.activeView().list.query)
	}
	l.press("esc") // then the filter
	if l.p.activeView().list.query != "" {
		t.Fatal("the second esc did not clear the filter")
	}

	// A range started in one view does not follow to another.
	l.press("V", "j", "@")
	if note := l.p.selectionNote(); strings.Contains(note, "range") {
		t.Fatalf("the range followed to Unassigned: %q", note)
	}
}

// With nothing selected, the action keys are the single conversation's; with the thread
// focused, space and V are the thread's.
func TestBulkKeysNeedASelectionAndTheList(t *testing.T) {
	l := newHarness(t, harnessOpts{bulkParallel: 4, width: 100, height: 30})
	for _, k := range []string{"c", "a", "s", "t"} {
		if _, _, ok := l.p.bulkKey(inboxKey(k)); ok {
			t.Fatalf("%s with nothing selected was taken by the bulk layer", k)
		}
	}
	l.press("enter") // the thread has focus
	l.press("space", "V")
	if len(l.selected()) != 0 || l.p.bulk.anchor != "" {
		t.Fatalf("keys in the thread selected rows: %v", l.selected())
	}
	if _, _, ok := l.p.bulkKey(inboxKey("esc")); ok {
		t.Fatal("esc in the thread was taken by the bulk layer")
	}
}

// A marked row is exactly its width too, at every width, and differs from the unmarked
// one only by the mark before the name.
func TestMarkedRowsAreExactlyTheirWidth(t *testing.T) {
	h := newHarness(t, harnessOpts{})
	p := h.start(100, 30)
	r := p.activeView().list.at(0)
	for w := 0; w <= 200; w++ {
		for _, sel := range []bool{false, true} {
			plain := newRowStyles(h.ctx.Styles, sel)
			marked := plain.marked()
			got, unmarked := ansi.Strip(r.render(newRowLayout(w), &marked, inboxNow.Unix())), ansi.Strip(r.render(newRowLayout(w), &plain, inboxNow.Unix()))
			if ansi.StringWidth(got) != w {
				t.Fatalf("width %d selected=%v: marked row is %d wide", w, sel, ansi.StringWidth(got))
			}
			if w > colMark && strings.Replace(got, theme.PlainIcons.Marked, " ", 1) != unmarked {
				t.Fatalf("width %d: marked %q, unmarked %q", w, got, unmarked)
			}
		}
	}
}
