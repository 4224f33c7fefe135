package ui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/intercom-tui/intercom-tui/drafts"
	"github.com/intercom-tui/intercom-tui/replies"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// Saved replies in the composer, against the fake (seed 1, fixedNow). Regenerate the
// golden with go test ./ui/ -run SavedReply -update.

var testReplies = []replies.Reply{
	{Name: "Password reset", Body: "You can reset your password at https://example.com/reset."},
	{Name: "Refund on its way", Body: "Hi {{first_name}},\n\nyour refund is on its way to {{email}}.\n\n{{admin_first_name}}"},
	{Name: "Thanks for waiting", Body: "Thanks for waiting, {{ first_name }}!"},
}

// replyOver opens a conversation's thread at w x hgt (convID, whose thread then
// shows shows, or the third row when "") with testReplies configured, and presses R.
func replyOver(t *testing.T, w, hgt int, convID, shows string) (*teatest.TestModel, *probe, *harness) {
	t.Helper()
	h := newHarness(t, 300)
	store, err := drafts.Open(filepath.Join(t.TempDir(), "drafts"))
	if err != nil {
		t.Fatal(err)
	}
	h.ctx.Drafts, h.ctx.Replies = store, testReplies
	tm, p := h.run(t, w, hgt, "Open 134")
	if convID == "" {
		press(tm, "j", "j", "enter")
		waitFor(t, tm, p, "Alejandro López <alejandro")
	} else {
		tm.Send(shared.OpenConversationMsg{ID: convID})
		waitFor(t, tm, p, shows)
	}
	press(tm, "R")
	waitFor(t, tm, p, "Reply ", "esc keep draft & close")
	return tm, p, h
}

func TestGoldenSavedReplyPicker120x36(t *testing.T) {
	tm, p, _ := replyOver(t, 120, 36, "", "")
	press(tm, "ctrl+r")
	waitFor(t, tm, p, "Insert a saved reply", "Hi {{first_name}},")
	typeInto(tm, "ref")
	waitFor(t, tm, p, "> ref", "Refund on its way")
	requireGolden(t, final(t, tm))
}

// The reply is filled from the conversation (the customer's first name and email, the
// signed-in admin's first name) and sent as filled.
func TestSavedReplyFilledAndSent(t *testing.T) {
	tm, p, h := replyOver(t, 120, 36, "", "")
	press(tm, "ctrl+r")
	waitFor(t, tm, p, "Insert a saved reply")
	typeInto(tm, "refund\n")
	waitFor(t, tm, p, "Hi Alejandro,", "your refund is on its way to alejandro")
	if s := p.text(); strings.Contains(s, "{{") {
		t.Fatalf("a placeholder is left:\n%s", s)
	}
	ctrl(tm, 's')
	waitFor(t, tm, p, "Reply sent")
	body := replyBody(t, h)
	if !strings.Contains(body, "Hi Alejandro,") || !strings.Contains(body, "your refund is on its way to alejandro") || !strings.Contains(body, "Aoife") || strings.Contains(body, "{{") {
		t.Fatalf("the reply sent: %s", body)
	}
	_ = final(t, tm)
}

// The done-when, end to end: a customer without a name leaves {{first_name}} in
// the text; the status says so, ctrl+s sends nothing and keeps the composer and the
// draft; once the agent has replaced it, the reply goes.
func TestSavedReplyMissingValueRefusedThenSent(t *testing.T) {
	id, email := anonymousConversation(t)
	tm, p, h := replyOver(t, 120, 36, id, email+" customer")
	press(tm, "ctrl+r")
	waitFor(t, tm, p, "Insert a saved reply")
	typeInto(tm, "thanks\n")
	hole := "{{first_name}}: this customer has no name — replace it before sending"
	waitFor(t, tm, p, "Thanks for waiting, {{first_name}}!", hole)

	ctrl(tm, 's')
	waitFor(t, tm, p, "Not sent: "+hole, "Thanks for waiting, {{first_name}}!")
	if n := h.ws.Count("POST", "/conversations/{id}/reply"); n != 0 {
		t.Fatalf("%d replies reached the workspace; none may", n)
	}

	for range len("{{first_name}}!") {
		tm.Send(tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	typeInto(tm, "there!")
	// Not "draft saved": the draft's saves may land in another order than the keys
	// (each is a command of its own); what is sent is the composer's text.
	waitFor(t, tm, p, "Thanks for waiting, there!")
	ctrl(tm, 's')
	waitFor(t, tm, p, "Reply sent")
	if body := replyBody(t, h); !strings.Contains(body, "Thanks for waiting, there!") {
		t.Fatalf("the reply sent: %s", body)
	}
	_ = final(t, tm)
}

// anonymousConversation is an open conversation of the fake started by a lead with no
// name (the fake has some, shown by their email), and that email.
func anonymousConversation(t *testing.T) (id, email string) {
	t.Helper()
	w := newHarness(t, 300).ws.World()
	for i := range 300 {
		c := w.Conversation(i)
		if c.Source != nil && c.Source.Author.Type != "admin" && c.Source.Author.Type != "bot" && c.Source.Author.Name == "" && c.Open {
			return string(c.ID), c.Source.Author.Email
		}
	}
	t.Fatal("the fake has no open conversation from a lead without a name")
	return "", ""
}

// replyBody is the body of the one reply the workspace received.
func replyBody(t *testing.T, h *harness) string {
	t.Helper()
	var bodies []string
	for _, r := range h.ws.Log() {
		if r.Method == "POST" && strings.HasSuffix(strings.SplitN(r.Path, "?", 2)[0], "/reply") {
			bodies = append(bodies, string(r.Body))
		}
	}
	if len(bodies) != 1 {
		t.Fatalf("%d replies reached the workspace, want 1: %q", len(bodies), bodies)
	}
	return bodies[0]
}
