package conversations

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// TestOpenConversationFromAnotherPane: a conversation no view lists yet (a contact's,
// say) opens in the thread with focus.
func TestOpenConversationFromAnotherPane(t *testing.T) {
	h := newHarness(t, harnessOpts{})
	p := h.start(100, 30)
	// A closed conversation: the Open view does not list it.
	id := ""
	for i := range h.ws.World().NumConversations() {
		if c := h.ws.World().ConversationSummary(i); c.State == "closed" {
			id = string(c.ID)
			break
		}
	}
	if _, listed := p.conversation(id); listed {
		t.Fatalf("#%s should not be listed by the Open view", id)
	}
	p, cmd := p.Update(shared.OpenConversationMsg{ID: id})
	p = h.run(p, cmd)
	if !p.threadFocused || p.thread.ID() != id || p.thread.Conversation() == nil {
		t.Fatalf("thread %q focused=%v loaded=%v", p.thread.ID(), p.threadFocused, p.thread.Conversation() != nil)
	}
	if s := ansi.Strip(p.View()); !strings.Contains(s, "closed") {
		t.Fatalf("the thread should show the closed conversation:\n%s", s)
	}
}

// TestProfileKeyAsksForTheCustomer: u on a conversation asks the root for its first
// contact's profile.
func TestProfileKeyAsksForTheCustomer(t *testing.T) {
	h := newHarness(t, harnessOpts{})
	p := h.start(100, 30)
	want := string(p.views[0].list.rows[0].conv.ContactIDs()[0])
	_, cmd := p.Update(tea.KeyPressMsg{Code: 'u', Text: "u"})
	if cmd == nil {
		t.Fatal("u should answer with a message for the root")
	}
	msg, ok := cmd().(shared.OpenContactMsg)
	if !ok || msg.ID != want {
		t.Fatalf("got %#v, want OpenContactMsg{%s}", msg, want)
	}
}
