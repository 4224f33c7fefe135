package conversations

import (
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/components/progress"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// A bulk run applies an action (for tags, one per tag checked) to the selected
// conversations through the write executor (p.do, actions.go): each write is made once,
// at most Settings.BulkParallel at a time, the next one starting as each answers. The api
// client paces the requests inside the rate budget and never resends a write the server
// may have acted on, and the run never starts a write twice, so nothing is written twice.
// A report overlay (components/progress) shows the bar and a result per write; the run
// sends it the changes, and at the end the final state of every item.

// bulkRun is the run in flight. The pane owns it; the report has its own copy of the
// items, kept up to date by messages.
type bulkRun struct {
	id       uint64 // the Batch of its writes
	view     string // the view whose selection it works on
	words    bulkWords
	convs    int // conversations in the run (a run that attaches two tags writes twice to each)
	items    []bulkItem
	at       map[string]int // bulkTask.key of a write → index in items
	next     int            // the next item to start
	inflight int
	stopping bool // the user stopped it: nothing new starts
}

// bulkTask is one write of a run: an action on a conversation.
type bulkTask struct {
	id     string
	action Action
}

// key names the write among the run's: the conversation, and the tag for tag writes.
func (t bulkTask) key() string {
	if t.action.Kind == ActTag || t.action.Kind == ActUntag {
		return t.id + "\x00" + string(t.action.Tag.ID)
	}
	return t.id
}

// bulkItem is one write of the run and where it stands.
type bulkItem struct {
	bulkTask
	who    string
	status progress.Status
	text   string
}

// bulkParallel is how many writes of a run may be in flight at once.
func (p *Pane) bulkParallel() int {
	if n := p.ctx.Settings.BulkParallel; n > 0 {
		return n
	}
	return max(1, shared.DefaultSettings().BulkParallel)
}

// startBulk applies the actions to the selected conversations of v, in the list's
// order: each action on each conversation.
func (p Pane) startBulk(v *inboxView, actions ...Action) (Pane, tea.Cmd) {
	ids := p.takeSelection(v)
	tasks := make([]bulkTask, 0, len(ids)*len(actions))
	for _, id := range ids {
		for _, a := range actions {
			tasks = append(tasks, bulkTask{id: id, action: a})
		}
	}
	return p.runBulk(v, tasks)
}

// runBulk starts the writes of a run and opens its report.
func (p Pane) runBulk(v *inboxView, tasks []bulkTask) (Pane, tea.Cmd) {
	if len(tasks) == 0 {
		return p, shared.Toast("Nothing selected is listed here any more")
	}
	run := &bulkRun{id: p.seq.Next(), view: v.def.key, at: make(map[string]int, len(tasks))}
	run.items = make([]bulkItem, 0, len(tasks))
	var actions []Action
	seen := map[string]bool{}
	for _, t := range tasks {
		if _, dup := run.at[t.key()]; dup {
			continue
		}
		it := bulkItem{bulkTask: t}
		if r, ok := v.list.index[t.id]; ok {
			it.who = v.list.rows[r].who
		}
		run.at[t.key()] = len(run.items)
		run.items = append(run.items, it)
		if !seen[t.id] {
			seen[t.id] = true
			run.convs++
		}
		if !slices.ContainsFunc(actions, func(a Action) bool { return a.Kind == t.action.Kind && a.Tag.ID == t.action.Tag.ID }) {
			actions = append(actions, t.action)
		}
	}
	run.words = p.bulkWordsFor(actions)
	p.bulk.run = run
	p.bulk.pending = nil // a picker answer (or a tags load) still on its way is moot now
	var writes []tea.Cmd
	for run.next < len(run.items) && run.inflight < p.bulkParallel() {
		_, cmd := p.startNext(run)
		writes = append(writes, cmd)
	}
	id := run.id
	stop := func() tea.Msg { return bulkStopMsg{run: id} }
	report := progress.New(id, run.words.title(run.convs), run.reportItems(), stop, p.ctx.Styles, p.ctx.Keys)
	// The report opens before any answer can arrive for it.
	return p, tea.Sequence(shared.Push(report), tea.Batch(writes...))
}

// startNext starts the run's next write.
func (p *Pane) startNext(run *bulkRun) (progress.Change, tea.Cmd) {
	i := run.next
	run.next++
	run.inflight++
	run.items[i].status = progress.Running
	it := run.items[i]
	return progress.Change{Index: i, Status: progress.Running}, p.do(it.id, it.action, run.id)
}

// bulkAnswer takes one write's answer: its result, then the next write, or the end.
func (p Pane) bulkAnswer(run *bulkRun, msg WriteDoneMsg) (Pane, tea.Cmd) {
	i, ok := run.at[bulkTask{id: msg.ConvID, action: msg.Action}.key()]
	if !ok || run.items[i].status != progress.Running {
		return p, nil // not a write of this run in flight
	}
	run.inflight--
	it := &run.items[i]
	if msg.Err != nil {
		it.status = progress.Failed
		it.text = "Couldn't " + run.words.verb(it.action) + ": " + sanitize.Line(api.Short(msg.Err))
	} else {
		it.status, it.text = progress.Done, run.words.past(it.action)
	}
	changes := []progress.Change{{Index: i, Status: it.status, Text: it.text}}
	var next tea.Cmd
	if !run.stopping && run.next < len(run.items) {
		var c progress.Change
		c, next = p.startNext(run)
		changes = append(changes, c)
	}
	if run.inflight == 0 {
		return p.endBulk(run)
	}
	id := run.id
	update := func() tea.Msg { return progress.UpdateMsg{ID: id, Changes: changes} }
	return p, tea.Batch(update, next)
}

// stopBulk is the report's stop: the writes not started yet never will be; those in
// flight finish and are reported.
func (p Pane) stopBulk(id uint64) (Pane, tea.Cmd) {
	run := p.bulk.run
	if run == nil || run.id != id || run.stopping {
		return p, nil
	}
	run.stopping = true
	var changes []progress.Change
	for i := run.next; i < len(run.items); i++ {
		run.items[i].status = progress.Skipped
		run.items[i].text = "not started"
		changes = append(changes, progress.Change{Index: i, Status: progress.Skipped, Text: "not started"})
	}
	if run.inflight == 0 {
		return p.endBulk(run)
	}
	update := func() tea.Msg { return progress.UpdateMsg{ID: id, Changes: changes} }
	return p, update
}

// endBulk ends the run: the conversations done leave the selection, the ones with a
// write that failed or never started stay in it (so one key retries them); the report
// gets the final state, and a toast sums it up.
func (p Pane) endBulk(run *bulkRun) (Pane, tea.Cmd) {
	p.bulk.run = nil
	worst := make(map[string]progress.Status, run.convs) // per conversation: Failed > Skipped > Done
	rank := func(s progress.Status) int {
		switch s {
		case progress.Failed:
			return 2
		case progress.Skipped:
			return 1
		}
		return 0
	}
	var again []bulkTask
	for _, it := range run.items {
		if w, ok := worst[it.id]; !ok || rank(it.status) > rank(w) {
			worst[it.id] = it.status
		}
		if it.status == progress.Failed {
			again = append(again, it.bulkTask)
		}
	}
	set := p.selection(run.view)
	var done, failed, skipped int
	for id, s := range worst {
		switch s {
		case progress.Done:
			delete(set, id)
			done++
		case progress.Failed:
			set[id] = struct{}{}
			failed++
		default:
			set[id] = struct{}{}
			skipped++
		}
	}
	p.bulk.selGen++
	summary := run.words.ended(done, run.convs)
	end := progress.EndMsg{ID: run.id, Title: summary, Items: run.reportItems()}
	report := func() tea.Msg { return end }

	text := summary
	switch {
	case failed > 0 && skipped > 0:
		text += fmt.Sprintf(" · %d failed, %d not started: still selected", failed, skipped)
	case failed > 0:
		text += fmt.Sprintf(" · %d failed: still selected", failed)
	case skipped > 0:
		text += fmt.Sprintf(" · stopped, %d not started: still selected", skipped)
	}
	if failed == 0 {
		return p, tea.Batch(report, shared.Toast(text))
	}
	retry := bulkRetryMsg{view: run.view, tasks: again}
	return p, tea.Batch(report, shared.ErrorToast(text, func() tea.Msg { return retry }))
}

// retryBulk makes the writes that failed again, on the conversations still listed.
func (p Pane) retryBulk(msg bulkRetryMsg) (Pane, tea.Cmd) {
	v := p.viewByKey(msg.view)
	if v == nil {
		return p, nil
	}
	if p.bulk.run != nil {
		return p, shared.Toast("A bulk action is still running")
	}
	tasks := make([]bulkTask, 0, len(msg.tasks))
	for _, t := range msg.tasks {
		if _, ok := v.list.index[t.id]; ok {
			tasks = append(tasks, t)
		}
	}
	return p.runBulk(v, tasks)
}

// reportItems is the run's items as the report lists them.
func (run *bulkRun) reportItems() []progress.Item {
	out := make([]progress.Item, len(run.items))
	for i, it := range run.items {
		out[i] = progress.Item{Label: "#" + it.id, Note: it.who, Status: it.status, Text: it.text}
	}
	return out
}
