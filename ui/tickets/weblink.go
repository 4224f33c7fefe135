package tickets

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/ui/components/weblink"
)

// webKey opens (o) or copies (y) the web-app address of the ticket in focus (target).
func (p Pane) webKey(msg tea.KeyPressMsg) tea.Cmd {
	t, ok := p.target()
	if !ok {
		return nil // nothing shown: nothing to link to
	}
	if key.Matches(msg, p.ctx.Keys.Copy) {
		return weblink.Copy(p.ctx, weblink.Ticket, string(t.ID))
	}
	return weblink.Open(p.ctx, p.opener, weblink.Ticket, string(t.ID))
}
