package conversations

import (
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/models"
)

// unassignedWatch finds the conversations that became unassigned while the agent was
// looking elsewhere: each auto-refresh also re-reads the Unassigned view's first page,
// and ids it has not listed before are new. The first answer only sets the baseline, so
// starting the app never badges the whole queue.
type unassignedWatch struct {
	baseline bool
	seen     map[models.ID]struct{} // every id the Unassigned view has listed
	fresh    map[models.ID]struct{} // new since the agent last looked at that view
}

// saw takes the ids of a first page of the Unassigned view and returns how many are new.
// When looking (the view is on screen) they are shown, not badged. A fresh id that is no
// longer listed (someone took it) stops counting.
func (w *unassignedWatch) saw(ids []models.ID, looking bool) (added int) {
	if w.seen == nil {
		w.seen, w.fresh = map[models.ID]struct{}{}, map[models.ID]struct{}{}
	}
	listed := make(map[models.ID]struct{}, len(ids))
	for _, id := range ids {
		listed[id] = struct{}{}
		if _, ok := w.seen[id]; ok {
			continue
		}
		w.seen[id] = struct{}{}
		if w.baseline && !looking {
			w.fresh[id] = struct{}{}
			added++
		}
	}
	for id := range w.fresh {
		if _, ok := listed[id]; !ok {
			delete(w.fresh, id)
		}
	}
	w.baseline = true
	if looking {
		clear(w.fresh)
	}
	return added
}

// count is the badge: new unassigned conversations not yet looked at.
func (w *unassignedWatch) count() int { return len(w.fresh) }

// looked clears the badge: the agent opened the Unassigned view.
func (w *unassignedWatch) looked() { clear(w.fresh) }

// bell is the terminal bell (BEL). tea.Raw prints its value with fmt.Sprint, so it
// must be a string: ansi.BEL is a byte and would print "7".
const bell = "\a"

// watchSkippedMsg is a watch refresh that sent nothing: the rate budget was low.
type watchSkippedMsg struct {
	view string
	req  uint64
}

// watchRefresh re-reads the Unassigned view's first page beside an auto-refresh of
// another view. It is speculative, so it is skipped when the rate budget is low, and
// when that view is already loading.
func (p *Pane) watchRefresh() tea.Cmd {
	v := p.viewByKey(viewUnassigned)
	if v == nil || v == p.activeView() || v.pending || p.ctx.WS == nil {
		return nil
	}
	load := p.load(v, false)
	client, key, req := p.ctx.WS.API, v.def.key, v.req
	return func() tea.Msg {
		if lowBudget(client.RateBudget()) {
			return watchSkippedMsg{view: key, req: req}
		}
		return load()
	}
}

// watchSkipped settles a skipped watch refresh.
func (p Pane) watchSkipped(msg watchSkippedMsg) (Pane, tea.Cmd) {
	if v := p.viewByKey(msg.view); v != nil && v.req == msg.req {
		v.pending = false
	}
	return p, nil
}

// watchAnswer notes a first page of the Unassigned view; it rings the bell, when the
// config asks for it, if the page holds conversations the agent has not seen.
func (p *Pane) watchAnswer(v *inboxView, page []models.Conversation) tea.Cmd {
	if v.def.key != viewUnassigned {
		return nil
	}
	ids := make([]models.ID, len(page))
	for i := range page {
		ids[i] = page[i].ID
	}
	before := p.watch.count()
	added := p.watch.saw(ids, p.looking(v))
	if p.watch.count() != before {
		p.barGen++
	}
	if added > 0 && p.ctx.Settings.Bell {
		return tea.Raw(bell)
	}
	return nil
}

// looking reports that view v is on screen: the active view of the tab shown.
func (p *Pane) looking(v *inboxView) bool { return !p.hidden && v == p.activeView() }

// shown is the tab chosen again: with the Unassigned view active, its new rows are on
// screen now, so the badge is cleared.
func (p Pane) shown() (Pane, tea.Cmd) {
	p.hidden = false
	if v := p.activeView(); v != nil && v.def.key == viewUnassigned && p.watch.count() > 0 {
		p.watch.looked()
		p.barGen++
	}
	return p, nil
}

// NewUnassigned is the badge the tab bar shows: new unassigned conversations.
func (p Pane) NewUnassigned() int { return p.watch.count() }
