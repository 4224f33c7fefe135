package conversations

import (
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/models"
)

// target is the conversation an action applies to: the thread's when it has focus (or
// is the one previewed beside the list), else the row under the cursor.
func (p *Pane) target() (models.Conversation, bool) {
	if p.threadFocused || p.split() {
		if c := p.thread.Conversation(); c != nil {
			return *c, true
		}
	}
	if v := p.activeView(); v != nil {
		if r := v.list.selected(); r != nil && r.conv != nil {
			return *r.conv, true
		}
	}
	return models.Conversation{}, false
}

// afterWrite lets the composer (drafts) and the bulk run (progress) see every write's
// answer, after the executor has applied or rolled it back.
func (p Pane) afterWrite(msg WriteDoneMsg) (Pane, tea.Cmd) {
	p, c1 := p.composeWriteDone(msg)
	p, c2 := p.bulkWriteDone(msg)
	return p, tea.Batch(c1, c2)
}

// afterThreadLoaded runs when the thread got a fresh load of a conversation: triage
// marks it read, the composer reminds of an unsent draft.
func (p Pane) afterThreadLoaded(msg ThreadLoadedMsg) (Pane, tea.Cmd) {
	p, c1 := p.markReadOnOpen(msg)
	p, c2 := p.remindDrafts(msg)
	return p, tea.Batch(c1, c2)
}
