package conversations

import (
	"errors"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/ui/components/weblink"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// toastsOf are the toasts among msgs.
func toastsOf(msgs []tea.Msg) []shared.ToastMsg {
	var out []shared.ToastMsg
	for _, m := range msgs {
		if t, ok := m.(shared.ToastMsg); ok {
			out = append(out, t)
		}
	}
	return out
}

// y copies the selected conversation's web-app address with OSC 52; O opens it with
// the pane's opener (a recorder here: no browser is launched); o still reopens.
func TestWebKeysLinkTheSelectedConversation(t *testing.T) {
	h := newHarness(t, harnessOpts{})
	p := h.start(100, 30)
	var opened []string
	p.opener = func(u string) error { opened = append(opened, u); return nil }
	id := listedIDs(p)[0]
	want, err := weblink.URL("us", h.ctx.Dir.Me.App.IDCode, weblink.Conversation, id)
	if err != nil {
		t.Fatal(err)
	}

	p, cmd := pressKeys(p, "y")
	msgs := runAll(cmd)
	if len(msgs) != 2 || msgs[0] != tea.SetClipboard(want)() {
		t.Fatalf("y sent %#v, want the clipboard write of %s", msgs, want)
	}
	if ts := toastsOf(msgs); len(ts) != 1 || ts[0].Text != weblink.CopiedText {
		t.Fatalf("y toasts %#v", ts)
	}

	p, cmd = pressKeys(p, "O")
	if ts := toastsOf(runAll(cmd)); len(ts) != 1 || ts[0].Text != "Opened in the browser" || len(opened) != 1 || opened[0] != want {
		t.Fatalf("O: toasts %#v, opened %v, want %s", ts, opened, want)
	}

	_, cmd = pressKeys(p, "o")
	if ts := toastsOf(runAll(cmd)); len(ts) != 1 || ts[0].Text != "#"+id+" is already open" || len(opened) != 1 {
		t.Fatalf("o: toasts %#v, opened %v: o is reopen here", ts, opened)
	}
}

// A failing opener (no browser) reaches the user as an error toast.
func TestOpenWithoutABrowserSaysWhy(t *testing.T) {
	h := newHarness(t, harnessOpts{})
	p := h.start(100, 30)
	p.opener = func(string) error { return errNoBrowser }
	_, cmd := pressKeys(p, "O")
	ts := toastsOf(runAll(cmd))
	if len(ts) != 1 || !ts[0].Error || ts[0].Text != "Opening the browser: "+errNoBrowser.Error() {
		t.Fatalf("toasts %#v", ts)
	}
}

var errNoBrowser = errors.New(`exec: "xdg-open": executable file not found in $PATH`)

// default_view: the pane starts on the configured view and loads it first.
func TestStartsOnTheDefaultView(t *testing.T) {
	for name, want := range map[string]string{"snoozed": viewSnoozed, "mine": viewMine, "": viewOpen, "bogus": viewOpen} {
		h := newHarness(t, harnessOpts{})
		h.ctx.Settings.DefaultView = name
		p := h.start(100, 30)
		if v := p.activeView(); v.def.key != want || !v.loaded {
			t.Errorf("default_view %q: view %q loaded=%v, want %q", name, v.def.key, v.loaded, want)
		}
	}
}
