package tickets

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

// y copies the ticket's web-app address (row, then open detail); o opens it with the
// pane's opener, a recorder here so no browser is launched.
func TestWebKeysLinkTheTicket(t *testing.T) {
	h := newHarness(t, 100, 30)
	var opened []string
	h.p.opener = func(u string) error { opened = append(opened, u); return nil }
	id := listedIDs(h.p)[0]
	want, err := weblink.URL("us", h.ctx.Dir.Me.App.IDCode, weblink.Ticket, id)
	if err != nil {
		t.Fatal(err)
	}
	check := func(where string) {
		t.Helper()
		_, cmd := h.p.Update(tea.KeyPressMsg{Code: 'y', Text: "y"})
		msgs := flatten(cmd)
		if len(msgs) != 2 || msgs[0] != tea.SetClipboard(want)() || !toastIs(msgs[1], weblink.CopiedText) {
			t.Fatalf("%s: y sent %#v, want the clipboard write of %s and a toast", where, msgs, want)
		}
		opened = nil
		_, cmd = h.p.Update(tea.KeyPressMsg{Code: 'o', Text: "o"})
		msgs = flatten(cmd)
		if len(msgs) != 1 || !toastIs(msgs[0], "Opened in the browser") || len(opened) != 1 || opened[0] != want {
			t.Fatalf("%s: o sent %#v, opened %v, want %s", where, msgs, opened, want)
		}
	}
	check("list")
	h.press("enter")
	if !h.p.detailFocused || h.p.detail.ID() != id {
		t.Fatalf("detail focused=%v of %q, want %q", h.p.detailFocused, h.p.detail.ID(), id)
	}
	check("detail")
}

// Without the app id (/me not answered) the keys say so instead of linking nowhere.
func TestWebKeysWithoutTheAppID(t *testing.T) {
	h := newHarness(t, 100, 30)
	h.p.opener = func(string) error { t.Fatal("opened without an address"); return nil }
	h.ctx.Dir = nil
	for _, k := range []rune{'o', 'y'} {
		_, cmd := h.p.Update(tea.KeyPressMsg{Code: k, Text: string(k)})
		msgs := flatten(cmd)
		if len(msgs) != 1 || !msgs[0].(shared.ToastMsg).Error {
			t.Fatalf("%c: %#v, want one error toast", k, msgs)
		}
	}
}

// toastIs reports whether msg is an informational toast saying text.
func toastIs(msg tea.Msg, text string) bool {
	t, ok := msg.(shared.ToastMsg)
	return ok && !t.Error && t.Text == text
}
