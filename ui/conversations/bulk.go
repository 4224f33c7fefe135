package conversations

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/ui/components/progress"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// Bulk actions (issue #4): select rows, then close, assign, snooze or tag them together.
//
// Selecting, while the list has focus (with the thread focused, keys act on that one
// conversation):
//   - Select (space) toggles the row under the cursor and moves to the next row, so
//     holding it selects a run of rows.
//   - SelectRange (V) starts a range at the cursor, like vim's visual-line mode: moving
//     the cursor stretches it, and V again, space or an action key adds it to the
//     selection. Back (esc) drops the range; with no range it clears the selection; with
//     neither it clears the filter, as before.
//   - The selection belongs to a view and holds conversation ids, so it survives a
//     refresh, paging and the filter (an action applies to every selected row, shown
//     or filtered out: the view bar counts them all). A selected conversation that a
//     refresh no longer lists has left the view (someone changed it): it is dropped
//     quietly, is not counted, and is never written.
//
// Acting: with a selection, Close, Assign, Snooze and Tags apply to all of it (bulkKey
// runs before the single-conversation keys). Close starts at once (no closing note); the
// others first open triage's pickers (bulk_pick.go). A report overlay shows the progress
// and a result per write (bulk_run.go); esc there stops the run (what is in flight
// finishes). Afterwards the conversations done leave the selection, and those that
// failed or never started stay selected, so one more key press retries them (the
// summary toast's retry key makes exactly the failed writes again).
//
// Like the views and the executor's writes in flight, the selection's sets and the run
// are changed in place: copies of the pane share them, and only the latest is used.
type bulkState struct {
	sel    map[string]idSet // view key → the selected conversations
	selGen uint64           // bumped on every change of sel: the view bar's count is redrawn
	counts *selCount        // the view bar's count, cached (shared by copies of the pane)

	anchor   string // the range's first conversation; "" when no range is being drawn
	anchorIn string // the view the range was started in

	run *bulkRun // the bulk action in flight, nil when none

	pending *bulkPick // an assign, snooze or tags picker opened for the selection
}

// idSet is a set of conversation ids.
type idSet map[string]struct{}

// bulkStopMsg is the report asking run to stop starting writes.
type bulkStopMsg struct{ run uint64 }

// bulkRetryMsg makes the writes of a run that failed again (the retry key of the toast
// that ends a run with failures).
type bulkRetryMsg struct {
	view  string
	tasks []bulkTask
}

// bulkMsg handles the messages of bulk actions: the report's stop, the retry, and the
// picker's choice; the report's own messages are consumed here (the root gives them to
// the report, which is on top) so they do not reach the thread.
func (p Pane) bulkMsg(msg tea.Msg) (Pane, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case bulkStopMsg:
		next, cmd := p.stopBulk(msg.run)
		return next, cmd, true
	case bulkRetryMsg:
		next, cmd := p.retryBulk(msg)
		return next, cmd, true
	case progress.UpdateMsg, progress.EndMsg:
		return p, nil, true
	}
	if next, cmd, ok := p.bulkPicked(msg); ok {
		return next, cmd, true
	}
	return p, nil, false
}

// bulkKey takes the selection keys while the list has focus, and the action keys when
// rows are selected (or a range is being drawn). Without a selection it leaves the
// action keys to the single-conversation triage (ok=false).
func (p Pane) bulkKey(msg tea.KeyPressMsg) (Pane, tea.Cmd, bool) {
	v := p.activeView()
	if p.threadFocused || v == nil {
		return p, nil, false
	}
	if p.bulk.anchor != "" && p.bulk.anchorIn != v.def.key {
		p.bulk.anchor = "" // the range belonged to another view
	}
	k := p.ctx.Keys
	switch {
	case key.Matches(msg, k.SelectRange):
		if p.bulk.anchor != "" {
			p.commitRange(v)
			return p, nil, true
		}
		if r := v.list.selected(); r != nil {
			p.bulk.anchor, p.bulk.anchorIn = r.id, v.def.key
		}
		return p, nil, true
	case key.Matches(msg, k.Select):
		if p.bulk.anchor != "" {
			p.commitRange(v)
			return p, nil, true
		}
		r := v.list.selected()
		if r == nil {
			return p, nil, true
		}
		p.toggle(v, r.id)
		next, cmd := p.moveTo(p.cursor() + 1)
		return next, cmd, true
	case key.Matches(msg, k.Back):
		if p.bulk.anchor != "" {
			p.bulk.anchor = ""
			return p, nil, true
		}
		if p.hasSelection(v) {
			p.clearSelection(v)
			return p, nil, true
		}
		return p, nil, false // esc clears the filter, if any
	case key.Matches(msg, k.Close, k.Assign, k.Snooze, k.Tags):
		if p.bulk.anchor != "" {
			p.commitRange(v)
		}
		if !p.hasSelection(v) {
			return p, nil, false
		}
		if p.bulk.run != nil {
			return p, shared.Toast("A bulk action is still running"), true
		}
		next, cmd := p.bulkAction(msg, v)
		return next, cmd, true
	}
	return p, nil, false
}

// bulkAction starts the action of key msg on the selection: a close at once, the others
// once their picker has answered.
func (p Pane) bulkAction(msg tea.KeyPressMsg, v *inboxView) (Pane, tea.Cmd) {
	if key.Matches(msg, p.ctx.Keys.Close) {
		return p.startBulk(v, Action{Kind: ActClose})
	}
	return p.openBulkPicker(msg, v)
}

// bulkWriteDone counts a write's answer into the run it belongs to, starts the next
// write, and ends the run after its last answer.
func (p Pane) bulkWriteDone(msg WriteDoneMsg) (Pane, tea.Cmd) {
	run := p.bulk.run
	if run == nil || msg.Batch == 0 || msg.Batch != run.id {
		return p, nil
	}
	return p.bulkAnswer(run, msg)
}
