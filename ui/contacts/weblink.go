package contacts

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/ui/components/weblink"
)

// webKey opens (o) or copies (y) the web-app address of contact id.
func (p Pane) webKey(msg tea.KeyPressMsg, id string) tea.Cmd {
	if key.Matches(msg, p.ctx.Keys.Copy) {
		return weblink.Copy(p.ctx, weblink.Contact, id)
	}
	return weblink.Open(p.ctx, p.opener, weblink.Contact, id)
}
