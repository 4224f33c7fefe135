package contacts

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/ui/components/weblink"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// flatten runs cmd and the commands of any batch it yields, listing the messages.
func flatten(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, flatten(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// y copies the contact's web-app address (row, then profile); o opens it with the
// pane's opener, a recorder here so no browser is launched.
func TestWebKeysLinkTheContact(t *testing.T) {
	l := newLoop(t, 100, 30)
	var opened []string
	l.p.opener = func(u string) error { opened = append(opened, u); return nil }
	id := l.listed()[0]
	want, err := weblink.URL("us", l.ctx.Dir.Me.App.IDCode, weblink.Contact, id)
	if err != nil {
		t.Fatal(err)
	}
	check := func(where string) {
		t.Helper()
		_, cmd := l.p.Update(keyPress("y"))
		msgs := flatten(cmd)
		if len(msgs) != 2 || msgs[0] != tea.SetClipboard(want)() || !toastIs(msgs[1], weblink.CopiedText) {
			t.Fatalf("%s: y sent %#v, want the clipboard write of %s and a toast", where, msgs, want)
		}
		opened = nil
		_, cmd = l.p.Update(keyPress("o"))
		msgs = flatten(cmd)
		if len(msgs) != 1 || !toastIs(msgs[0], "Opened in the browser") || len(opened) != 1 || opened[0] != want {
			t.Fatalf("%s: o sent %#v, opened %v, want %s", where, msgs, opened, want)
		}
	}
	check("list")
	l.press("enter")
	if l.p.prof.id != id {
		t.Fatalf("profile of %q, want %q", l.p.prof.id, id)
	}
	check("profile")
}

// toastIs reports whether msg is an informational toast saying text.
func toastIs(msg tea.Msg, text string) bool {
	t, ok := msg.(shared.ToastMsg)
	return ok && !t.Error && t.Text == text
}
