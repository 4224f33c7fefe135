// Package progress is the report of a run of similar writes (a bulk action): a title, a
// bar, the counts, and one line per item with its result, updated as the answers arrive.
// It is an overlay (shared.Overlay): while the run goes, the cancel key asks it to stop;
// once it has ended, the confirm or cancel key closes the report.
//
// The report keeps its own copy of the items. The code that runs the work sends it
// changes (UpdateMsg) and, at the end, the final state of every item (EndMsg). Commands
// run concurrently, so those messages may arrive out of order: an item's status only
// moves forward (queued → running → a result), and the end is authoritative.
package progress

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

// Status is where one item stands.
type Status uint8

// The statuses, in the only order an item goes through them.
const (
	Queued  Status = iota // not started yet
	Running               // sent, no answer yet
	Done                  // succeeded
	Failed                // the server refused it, or it never got there
	Skipped               // never started: the run was stopped first
)

// final reports a result: nothing changes the item any more.
func (s Status) final() bool { return s >= Done }

// Plain-font marks of the statuses.
const (
	markQueued  = "·"
	markRunning = "…"
	markSkipped = "–"
	barFull     = "█"
	barEmpty    = "░"
)

// Item is one thing the run works on.
type Item struct {
	Label  string // what it is: "#215"
	Note   string // who or what, shown muted after the result: "Alejandro López"
	Status Status
	Text   string // the result: "closed", "Couldn't close: Resource Not Found (HTTP 404)"
}

// Change is a new status (and result text) for the item at Index.
type Change struct {
	Index  int
	Status Status
	Text   string
}

// UpdateMsg reports changes to the items of run ID. A report of another run ignores it.
type UpdateMsg struct {
	ID      uint64
	Changes []Change
}

// EndMsg ends run ID: Items is the final state of every item, in the run's order,
// whatever updates may still be on their way; Title replaces the running title
// ("Closed 47 of 50 conversations").
type EndMsg struct {
	ID    uint64
	Title string
	Items []Item
}

// maxListLines bounds the result list: the report is a box over the inbox, not a page.
const maxListLines = 14

// boxMaxWidth is the widest the report gets.
const boxMaxWidth = 78

// Report is the overlay.
type Report struct {
	id    uint64
	title string
	items []Item

	running, done, failed, skipped int

	stopping bool // the user asked to stop: nothing new starts
	ended    bool

	offset int  // the first result line shown
	follow bool // the list follows the run, until the user scrolls it

	stop   tea.Cmd // what the cancel key runs while the run goes
	styles *theme.Styles
	keys   *keymap.KeyMap
}

// New is the report of run id, with its items as they stand when it opens (some may be
// running already). stop is the command that asks the run to stop.
func New(id uint64, title string, items []Item, stop tea.Cmd, st *theme.Styles, keys *keymap.KeyMap) Report {
	r := Report{
		id:     id,
		title:  sanitize.Line(title),
		items:  make([]Item, len(items)),
		follow: true,
		stop:   stop,
		styles: st,
		keys:   keys,
	}
	for i, it := range items {
		r.items[i] = Item{Label: sanitize.Line(it.Label), Note: sanitize.Line(it.Note), Status: it.Status, Text: sanitize.Line(it.Text)}
		r.count(it.Status, +1)
	}
	return r
}

// ID is the run the report follows.
func (r Report) ID() uint64 { return r.id }

// Ended reports that the run is over.
func (r Report) Ended() bool { return r.ended }

// Stopping reports that the user asked the run to stop and it has not ended yet.
func (r Report) Stopping() bool { return r.stopping && !r.ended }

// Counts are the items done, failed, not started (stopped), and all of them.
func (r Report) Counts() (done, failed, skipped, total int) {
	return r.done, r.failed, r.skipped, len(r.items)
}

// Items is the report's items in the order it lists them.
func (r Report) Items() []Item { return append([]Item(nil), r.items...) }

// set moves item i forward to status s; a status that is not ahead of the current one is
// a late message and changes nothing.
func (r *Report) set(i int, s Status, text string) {
	if i < 0 || i >= len(r.items) {
		return
	}
	it := &r.items[i]
	if s <= it.Status {
		return
	}
	r.count(it.Status, -1)
	it.Status, it.Text = s, sanitize.Line(text)
	r.count(s, +1)
}

func (r *Report) count(s Status, d int) {
	switch s {
	case Running:
		r.running += d
	case Done:
		r.done += d
	case Failed:
		r.failed += d
	case Skipped:
		r.skipped += d
	}
}

// Update follows the run's messages and handles the keys.
func (r Report) Update(msg tea.Msg) (shared.Overlay, tea.Cmd) {
	switch msg := msg.(type) {
	case UpdateMsg:
		if msg.ID != r.id || r.ended {
			return r, nil
		}
		r.items = append([]Item(nil), r.items...) // copies of the report share no items
		for _, c := range msg.Changes {
			r.set(c.Index, c.Status, c.Text)
		}
		return r, nil
	case EndMsg:
		if msg.ID != r.id {
			return r, nil
		}
		return r.end(msg), nil
	case tea.KeyPressMsg:
		return r.key(msg)
	}
	return r, nil
}

// end takes the final state and lists the failures first, then what never started, then
// what succeeded: what the agent has to look at is on top.
func (r Report) end(msg EndMsg) Report {
	r.ended, r.follow, r.offset = true, false, 0
	if msg.Title != "" {
		r.title = sanitize.Line(msg.Title)
	}
	if len(msg.Items) == len(r.items) {
		fresh := New(r.id, r.title, msg.Items, nil, r.styles, r.keys)
		r.items = fresh.items
		r.running, r.done, r.failed, r.skipped = fresh.running, fresh.done, fresh.failed, fresh.skipped
	}
	order := make([]Item, 0, len(r.items))
	for _, s := range []Status{Failed, Skipped, Running, Queued, Done} {
		for _, it := range r.items {
			if it.Status == s {
				order = append(order, it)
			}
		}
	}
	r.items = order
	return r
}

func (r Report) key(msg tea.KeyPressMsg) (shared.Overlay, tea.Cmd) {
	k := r.keys
	switch {
	case r.ended && key.Matches(msg, k.Confirm, k.Cancel, k.Back):
		return r, shared.Pop
	case key.Matches(msg, k.Cancel, k.Back):
		if r.stopping {
			return r, nil
		}
		r.stopping = true
		return r, r.stop
	case key.Matches(msg, k.Down):
		r.follow = false
		r.offset++
	case key.Matches(msg, k.Up):
		r.follow = false
		r.offset = max(0, r.offset-1)
	case key.Matches(msg, k.PageDown):
		r.follow = false
		r.offset += maxListLines
	case key.Matches(msg, k.PageUp):
		r.follow = false
		r.offset = max(0, r.offset-maxListLines)
	case key.Matches(msg, k.Top):
		r.follow, r.offset = false, 0
	case key.Matches(msg, k.Bottom):
		r.follow, r.offset = false, len(r.items)
	}
	return r, nil
}

// View draws the report's box for an area of width × height (the root centres it).
func (r Report) View(width, height int) string {
	st := r.styles
	frameW, frameH := st.HelpBox.GetHorizontalFrameSize(), st.HelpBox.GetVerticalFrameSize()
	inner := min(boxMaxWidth, width-2) - frameW
	if inner < 10 || height < frameH+4 {
		return ""
	}
	head := []string{st.Title.Render(r.title), "", r.barLine(inner), r.countsLine()}
	foot := []string{"", st.Muted.Render(r.footer())}
	room := min(maxListLines, len(r.items), height-frameH-len(head)-len(foot)-1)
	lines := head
	if room > 0 {
		lines = append(lines, "")
		lines = append(lines, r.listLines(inner, room)...)
	}
	lines = append(lines, foot...)
	if len(lines) > height-frameH {
		lines = append(lines[:max(0, height-frameH-1)], foot[len(foot)-1])
	}
	for i, l := range lines {
		l = ansi.Truncate(l, inner, "…")
		if w := ansi.StringWidth(l); w < inner {
			l += strings.Repeat(" ", inner-w)
		}
		lines[i] = l
	}
	return st.HelpBox.Render(strings.Join(lines, "\n"))
}

// barLine is the bar and the share of the items that have a result: "█████░░░░  52%".
// The fill is a plain block, the rest a shade: it reads without colour.
func (r Report) barLine(width int) string {
	finished, n := r.done+r.failed+r.skipped, len(r.items)
	pct := 100
	if n > 0 {
		pct = finished * 100 / n
	}
	label := fmt.Sprintf(" %3d%%", pct)
	bw := max(0, width-len(label))
	fill := bw
	if n > 0 {
		fill = bw * finished / n
	}
	return r.styles.Title.Render(strings.Repeat(barFull, fill)) +
		r.styles.Rule.Render(strings.Repeat(barEmpty, bw-fill)) + r.styles.Muted.Render(label)
}

// countsLine says where the run stands: "32 of 50 · 30 done · 2 failed · 4 sending",
// and at the end "47 done, 3 failed".
func (r Report) countsLine() string {
	st := r.styles
	failed := func(text string) string {
		if r.failed > 0 {
			return st.Error.Render(text)
		}
		return st.Text.Render(text)
	}
	if r.ended {
		parts := []string{st.Success.Render(fmt.Sprintf("%d done", r.done)), failed(fmt.Sprintf("%d failed", r.failed))}
		if r.skipped > 0 {
			parts = append(parts, st.Text.Render(fmt.Sprintf("%d not started", r.skipped)))
		}
		return strings.Join(parts, st.Text.Render(", "))
	}
	finished := r.done + r.failed + r.skipped
	parts := []string{
		fmt.Sprintf("%d of %d", finished, len(r.items)),
		fmt.Sprintf("%d done", r.done),
		failed(fmt.Sprintf("%d failed", r.failed)),
	}
	if r.stopping {
		parts = append(parts, fmt.Sprintf("stopping: waiting for %d in flight", r.running))
	} else {
		parts = append(parts, fmt.Sprintf("%d sending", r.running))
	}
	return strings.Join(parts, st.Muted.Render(" · "))
}

// listLines are room result lines from the offset, or, while following the run, the ones
// ending at the last item started. Only those lines are drawn.
func (r Report) listLines(width, room int) []string {
	n := len(r.items)
	off := r.offset
	if r.follow {
		last := 0
		for i := n - 1; i >= 0; i-- {
			if r.items[i].Status != Queued {
				last = i
				break
			}
		}
		off = last - room + 1
	}
	off = max(0, min(off, n-room))
	out := make([]string, 0, room)
	for i := off; i < off+room && i < n; i++ {
		out = append(out, r.itemLine(r.items[i], width))
	}
	return out
}

func (r Report) itemLine(it Item, width int) string {
	st := r.styles
	mark, style, text := markQueued, st.Muted, it.Text
	switch it.Status {
	case Running:
		mark, style = markRunning, st.Text
		if text == "" {
			text = "sending"
		}
	case Done:
		mark, style = st.Icons.Done, st.Success
	case Failed:
		mark, style = st.Icons.Failed, st.Error
	case Skipped:
		mark = markSkipped
		if text == "" {
			text = "not started"
		}
	}
	line := style.Render(mark+" "+it.Label+" "+text) + st.Muted.Render(noteSuffix(it.Note))
	return ansi.Truncate(line, width, "…")
}

func noteSuffix(note string) string {
	if note == "" {
		return ""
	}
	return " · " + note
}

// footer names the keys that work now.
func (r Report) footer() string {
	k := r.keys
	scroll := k.Up.Help().Key + " " + k.Down.Help().Key + " scroll"
	switch {
	case r.ended:
		return k.Confirm.Help().Key + " close · " + scroll
	case r.stopping:
		return "stopping… " + scroll
	}
	return k.Cancel.Help().Key + " stop (writes already sent finish) · " + scroll
}
