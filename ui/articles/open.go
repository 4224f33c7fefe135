package articles

import (
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/ui/components/weblink"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// Opener opens a web address in the agent's browser. It runs in a command.
type Opener = weblink.Opener

// openedMsg reports the opener's outcome.
type openedMsg struct{ err error }

// SystemOpener is the one browser opener the panes share.
var SystemOpener = weblink.SystemOpener

// linkURL is the web address of the article in focus (the reader's, else the tree's
// selected article) in the language shown, or "" when it has none a browser may open.
func (p *Pane) linkURL() string {
	if p.focus == focusReader && p.rd.open() {
		return webURL(p.rd.content().URL)
	}
	if n := p.tree.selected(); !p.sr.active && n != nil && n.kind == kindArticle {
		return webURL(contentFor(n.article, p.rd.locale()).URL)
	}
	if p.sr.active && p.sr.cursor < len(p.sr.hits) {
		if a, ok := p.byID[p.sr.hits[p.sr.cursor].ID]; ok {
			return webURL(contentFor(a, "").URL)
		}
	}
	if p.rd.open() {
		return webURL(p.rd.content().URL)
	}
	return ""
}

// openURL opens the link in the browser, in a command.
func (p *Pane) openURL() tea.Cmd {
	u := p.linkURL()
	if u == "" {
		return shared.Toast("This article has no web address")
	}
	open := p.opener
	return func() tea.Msg { return openedMsg{err: open(u)} }
}

// copyURL copies the link to the clipboard with OSC 52 (the terminal's clipboard, so it
// works over ssh too).
func (p *Pane) copyURL() tea.Cmd {
	u := p.linkURL()
	if u == "" {
		return shared.Toast("This article has no web address")
	}
	return tea.Batch(tea.SetClipboard(u), shared.Toast("Link copied"))
}

func (p Pane) opened(msg openedMsg) (Pane, tea.Cmd) {
	if msg.err != nil {
		return p, shared.ErrorToast("Opening the browser: "+msg.err.Error(), nil)
	}
	return p, shared.Toast("Opened in the browser")
}
