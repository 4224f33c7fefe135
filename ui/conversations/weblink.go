package conversations

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/ui/components/weblink"
)

// webKey opens (O) or copies (y) the web-app address of the conversation in focus:
// the open thread's, else the row under the cursor.
func (p Pane) webKey(msg tea.KeyPressMsg) (Pane, tea.Cmd, bool) {
	k := p.ctx.Keys
	if !key.Matches(msg, k.OpenWeb, k.Copy) {
		return p, nil, false
	}
	conv, ok := p.target()
	if !ok {
		return p, nil, true // nothing listed: nothing to link to
	}
	if key.Matches(msg, k.Copy) {
		return p, weblink.Copy(p.ctx, weblink.Conversation, string(conv.ID)), true
	}
	return p, weblink.Open(p.ctx, p.opener, weblink.Conversation, string(conv.ID)), true
}
