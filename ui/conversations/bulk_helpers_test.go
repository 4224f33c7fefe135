package conversations

import (
	"context"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/api/fake/faults"
	"github.com/intercom-tui/intercom-tui/ui/components/progress"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// bulkLoop is the pane under a stand-in for the root model: an overlay stack whose top
// gets the keys and sees every other message too, as ui.App does. Commands run one at a
// time in the order they were returned (first in, first out), synchronously: a run's
// first writes are all issued before any of them is sent, so "in flight" is real, and no
// test sleeps. The tests here have no timers (no auto-refresh, narrow panes).
type bulkLoop struct {
	t        *testing.T
	h        *inboxHarness
	p        Pane
	overlays []shared.Overlay
	queue    []tea.Cmd
	toasts   []shared.ToastMsg

	inflight, maxInflight int // bulk writes between their DoMsg and their WriteDoneMsg
	issued                int // DoMsgs of bulk writes delivered
	answers               int // WriteDoneMsgs of bulk writes delivered

	onMsg func(tea.Msg) // called after each message is delivered, when set
}

func newBulkLoop(t *testing.T, o inboxOpts, parallel int) *bulkLoop {
	t.Helper()
	h := newInboxHarness(t, o)
	h.ctx.Settings.BulkParallel = parallel
	l := &bulkLoop{t: t, h: h}
	l.p = h.start(100, 30)
	return l
}

// press sends keys one at a time and runs everything they start.
func (l *bulkLoop) press(keys ...string) {
	l.t.Helper()
	for _, k := range keys {
		l.key(k)
		l.drain()
	}
}

// key delivers one key and queues what it starts, without running it.
func (l *bulkLoop) key(k string) { l.queue = append(l.queue, l.keyCmd(k)) }

// keyFirst delivers one key and runs what it starts before the commands already queued
// (the writes on the network): a quick answer, like a report's stop, comes first.
func (l *bulkLoop) keyFirst(k string) {
	cmd := l.keyCmd(k)
	l.queue = append([]tea.Cmd{cmd}, l.queue...)
}

func (l *bulkLoop) keyCmd(k string) tea.Cmd {
	msg := inboxKey(k)
	if k == "space" {
		msg = tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	}
	var cmd tea.Cmd
	if n := len(l.overlays); n > 0 {
		l.overlays[n-1], cmd = l.overlays[n-1].Update(msg)
	} else {
		l.p, cmd = l.p.Update(msg)
	}
	return cmd
}

// drain runs commands until none is left.
func (l *bulkLoop) drain() {
	l.t.Helper()
	l.until(func() bool { return false })
}

// until runs commands until done holds after a message, or none is left.
func (l *bulkLoop) until(done func() bool) {
	l.t.Helper()
	for n := 0; len(l.queue) > 0; n++ {
		if n > 100_000 {
			l.t.Fatal("commands do not settle")
		}
		c := l.queue[0]
		l.queue = l.queue[1:]
		if c == nil {
			continue
		}
		if l.deliver(c()) && done() {
			return
		}
	}
}

// deliver routes one message as the root would; it reports whether a model saw it.
func (l *bulkLoop) deliver(msg tea.Msg) bool {
	if msg == nil {
		return false
	}
	// tea.Batch and tea.Sequence: their commands join the queue in order.
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
		for i := range v.Len() {
			l.queue = append(l.queue, v.Index(i).Interface().(tea.Cmd))
		}
		return false
	}
	switch msg := msg.(type) {
	case shared.PushOverlay:
		l.overlays = append(l.overlays, msg.Overlay)
		return true
	case shared.PopOverlay:
		if n := len(l.overlays); n > 0 {
			l.overlays = l.overlays[:n-1]
		}
		return true
	case shared.ToastMsg:
		l.toasts = append(l.toasts, msg)
		return true
	case DoMsg:
		if msg.Batch != 0 {
			l.issued++
			l.inflight++
			l.maxInflight = max(l.maxInflight, l.inflight)
		}
	case WriteDoneMsg:
		if msg.Batch != 0 {
			l.inflight--
			l.answers++
		}
	}
	var cmds []tea.Cmd
	if n := len(l.overlays); n > 0 {
		var cmd tea.Cmd
		l.overlays[n-1], cmd = l.overlays[n-1].Update(msg)
		cmds = append(cmds, cmd)
	}
	var cmd tea.Cmd
	l.p, cmd = l.p.Update(msg)
	l.queue = append(l.queue, append(cmds, cmd)...)
	if l.onMsg != nil {
		l.onMsg(msg)
	}
	return true
}

// report is the progress report on top, if it is.
func (l *bulkLoop) report() (progress.Report, bool) {
	if n := len(l.overlays); n > 0 {
		r, ok := l.overlays[n-1].(progress.Report)
		return r, ok
	}
	return progress.Report{}, false
}

func (l *bulkLoop) mustReport() progress.Report {
	l.t.Helper()
	r, ok := l.report()
	if !ok {
		l.t.Fatalf("no progress report on top (overlays: %d)", len(l.overlays))
	}
	return r
}

// selected is the active view's selected conversations that it lists, in list order.
func (l *bulkLoop) selected() []string {
	v := l.p.activeView()
	var out []string
	for i := range v.list.rows {
		if _, ok := l.p.bulk.sel[v.def.key][v.list.rows[i].id]; ok {
			out = append(out, v.list.rows[i].id)
		}
	}
	return out
}

// markedRows are the ids of the rows the pane's View marks with the bulk mark.
func (l *bulkLoop) markedRows() []string {
	l.t.Helper()
	v := l.p.activeView()
	lines := strings.Split(ansi.Strip(l.p.View()), "\n")[1:] // under the view bar
	var out []string
	for i, line := range lines {
		row := v.list.offset + i
		if row >= v.list.len() {
			break
		}
		if []rune(line)[3] == []rune(markSelected)[0] {
			out = append(out, v.list.at(row).id)
		}
	}
	return out
}

// parts is how many POST /conversations/{id}/parts reached the fake.
func (l *bulkLoop) parts() int { return l.h.ws.Count("POST", "/conversations/{id}/parts") }

// failOnce makes the next write of each conversation answer status.
func (l *bulkLoop) failOnce(status int, ids ...string) {
	l.t.Helper()
	for _, id := range ids {
		rule := faults.Rule{Kind: faults.Status, Code: status, Method: "POST", Pattern: "/conversations/" + id + "/parts", Count: 1}
		if err := l.h.faults.Add(rule); err != nil {
			l.t.Fatal(err)
		}
	}
}

// state is the conversation's state in the fake.
func (l *bulkLoop) state(id string) string {
	l.t.Helper()
	c, err := l.h.client.Conversation(context.Background(), id)
	if err != nil {
		l.t.Fatal(err)
	}
	return c.State
}

// itemsBy groups the report's items by status.
func itemsBy(r progress.Report) map[progress.Status][]progress.Item {
	out := map[progress.Status][]progress.Item{}
	for _, it := range r.Items() {
		out[it.Status] = append(out[it.Status], it)
	}
	return out
}

// ansiView is the report drawn in a 100 × 40 area, without colours.
func ansiView(r progress.Report) string { return ansi.Strip(r.View(100, 40)) }
