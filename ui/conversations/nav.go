package conversations

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// openByID shows conversation id in the thread with focus, whether or not a view lists
// it (another pane asked: a contact's conversation, a search result). The list's row,
// when there is one, gives the header while the thread loads.
func (p Pane) openByID(id string) (Pane, tea.Cmd) {
	if id == "" {
		return p, nil
	}
	var summary = p.thread.Conversation()
	if summary == nil || string(summary.ID) != id {
		summary = nil
		if c, ok := p.conversation(id); ok {
			summary = &c
		}
	}
	if v := p.activeView(); v != nil {
		if i, ok := v.list.shownIndex(id); ok {
			v.list.moveTo(i, p.listHeight())
		}
	}
	p.previewGen++
	var cmd tea.Cmd
	if p.thread.ID() != id || p.thread.Err() != nil {
		var updated int64
		if summary != nil {
			updated = summary.UpdatedAt
		}
		cmd = p.openRow(id, summary, updated)
	}
	p.thread = p.thread.Focus()
	p.threadFocused = true
	return p, cmd
}

// profileKey opens the customer's profile (u): the first contact of the target
// conversation, in the contacts pane.
func (p Pane) profileKey(msg tea.KeyPressMsg) (Pane, tea.Cmd, bool) {
	if !key.Matches(msg, p.ctx.Keys.Profile) {
		return p, nil, false
	}
	c, ok := p.target()
	if !ok {
		return p, nil, true
	}
	ids := c.ContactIDs()
	if len(ids) == 0 {
		return p, shared.ErrorToast("#"+sanitize.Line(string(c.ID))+" has no contact to show", nil), true
	}
	id := string(ids[0])
	return p, func() tea.Msg { return shared.OpenContactMsg{ID: id} }, true
}
