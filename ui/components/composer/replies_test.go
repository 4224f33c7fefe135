package composer

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/drafts"
	"github.com/intercom-tui/intercom-tui/replies"
	"github.com/intercom-tui/intercom-tui/ui/components/picker"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

var (
	ctrlR     = tea.KeyPressMsg{Code: 'r', Mod: tea.ModCtrl}
	backspace = tea.KeyPressMsg{Code: tea.KeyBackspace}
	enter     = tea.KeyPressMsg{Code: tea.KeyEnter}
)

var saved = []replies.Reply{
	{Name: "Refund on its way", Body: "Hi {{first_name}},\nyour refund is on its way to {{ email }}.\n— {{admin_first_name}}"},
	{Name: "Thanks for waiting", Body: "Thanks for waiting, {{first_name}}"},
}

func replyWith(list []replies.Reply, v replies.Values, text string) Composer {
	ctx := testCtx()
	ctx.Replies = list
	return New(ctx, Options{ConvID: "123", Kind: drafts.Reply, Name: v.CustomerName, Text: text, Values: v, Width: 120, Height: 34})
}

// pick opens the saved-reply picker with ctrl+r, types filter and presses enter in it,
// and gives the picker's answer to the composer, as the root would once it has closed.
func pick(t *testing.T, c Composer, filter string) (Composer, []tea.Msg) {
	t.Helper()
	c, out := press(c, ctrlR)
	if len(out) != 1 {
		t.Fatalf("ctrl+r gave %#v", out)
	}
	push, ok := out[0].(shared.PushOverlay)
	if !ok {
		t.Fatalf("ctrl+r gave %T", out[0])
	}
	var o shared.Overlay = push.Overlay
	for _, r := range filter {
		o, _ = o.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	o, cmd := o.Update(enter)
	var res *picker.Result
	for _, m := range msgs(cmd) {
		if r, ok := m.(picker.Result); ok {
			res = &r
		}
	}
	if res == nil || res.ID != ReplyPickerID {
		t.Fatalf("the picker answered %#v", msgs(cmd))
	}
	next, cmd := c.Update(*res)
	return next.(Composer), msgs(cmd)
}

func TestSavedReplyIsFilledFromTheConversation(t *testing.T) {
	v := replies.Values{CustomerName: "Ana Silva", CustomerEmail: "ana@example.com", AdminName: "Jane Doe"}
	c := replyWith(saved, v, "Hello!\n")
	c, out := pick(t, c, "refund")
	want := "Hello!\nHi Ana,\nyour refund is on its way to ana@example.com.\n— Jane"
	if c.Value() != want {
		t.Fatalf("text %q, want %q", c.Value(), want)
	}
	if len(out) != 1 || out[0] != (DraftChangedMsg{ConvID: "123", Kind: drafts.Reply, Text: want}) {
		t.Fatalf("the insert reported %#v", out)
	}
	if st, isErr := c.Status(); isErr || !strings.Contains(st, "Inserted “Refund on its way”") {
		t.Fatalf("status %q %v", st, isErr)
	}
	c, out = press(c, ctrlS)
	if len(out) != 2 || out[1] != (SendMsg{ConvID: "123", Kind: drafts.Reply, Text: want}) {
		t.Fatalf("ctrl+s gave %#v", out)
	}
}

// A value the markdown would read as formatting is inserted escaped, so the reply says
// what the customer's record says: *Bob* in the name is sent as *Bob*, not in italics.
func TestSavedReplyValuesAreSentLiterally(t *testing.T) {
	v := replies.Values{CustomerName: "*Bob* [VIP]", CustomerEmail: "bob_smith@example.com", AdminName: "Jane"}
	c := replyWith(saved, v, "")
	c, _ = pick(t, c, "thanks")
	if want := `Thanks for waiting, \*Bob\*`; c.Value() != want {
		t.Fatalf("text %q, want %q", c.Value(), want)
	}
	if html := ToHTML(c.Value()); !strings.Contains(html, "*Bob*") || strings.Contains(html, "<em>") {
		t.Fatalf("sent as %q", html)
	}
}

// The done-when: a missing value is flagged, the send is refused (no SendMsg,
// the composer stays open, the draft is kept), and once the agent has replaced the
// placeholder the reply goes.
func TestSavedReplyWithAMissingValueIsFlaggedAndNotSent(t *testing.T) {
	c := replyWith(saved, replies.Values{CustomerEmail: "x@example.com", AdminName: "Jane Doe"}, "")
	c, _ = pick(t, c, "thanks")
	if c.Value() != "Thanks for waiting, {{first_name}}" {
		t.Fatalf("text %q", c.Value())
	}
	hole := "{{first_name}}: this customer has no name — replace it before sending"
	if st, isErr := c.Status(); st != hole || !isErr {
		t.Fatalf("status %q %v, want %q", st, isErr, hole)
	}
	// The draft's save does not hide the warning.
	o, _ := c.Update(SavedMsg{ConvID: "123", Kind: drafts.Reply, Text: c.Value(), At: at})
	if st, _ := o.(Composer).Status(); st != hole {
		t.Fatalf("after the save: status %q", st)
	}
	if view := ansi.Strip(c.View(120, 34)); !strings.Contains(view, "{{first_name}}: this customer has no name") {
		t.Fatalf("the view does not say it:\n%s", view)
	}

	c, out := press(c, ctrlS)
	if len(out) != 0 {
		t.Fatalf("ctrl+s with a hole gave %#v: nothing may be sent, the composer stays", out)
	}
	if st, isErr := c.Status(); st != "Not sent: "+hole || !isErr {
		t.Fatalf("status %q %v", st, isErr)
	}
	if c.Value() != "Thanks for waiting, {{first_name}}" {
		t.Fatalf("the draft changed: %q", c.Value())
	}
	// A save landing after the refusal leaves the refusal in view.
	o, _ = c.Update(SavedMsg{ConvID: "123", Kind: drafts.Reply, Text: c.Value(), At: at})
	if st, _ := o.(Composer).Status(); st != "Not sent: "+hole {
		t.Fatalf("after a late save: status %q", st)
	}

	for range len("{{first_name}}") {
		c, _ = press(c, backspace)
	}
	c, _ = typeText(c, "there")
	if st, isErr := c.Status(); isErr || st != "saving…" {
		t.Fatalf("after the fix: status %q %v", st, isErr)
	}
	c, out = press(c, ctrlS)
	if len(out) != 2 || out[1] != (SendMsg{ConvID: "123", Kind: drafts.Reply, Text: "Thanks for waiting, there"}) {
		t.Fatalf("ctrl+s after the fix gave %#v", out)
	}
}

// A placeholder typed or pasted by hand, or a misspelt one, is refused just the same.
func TestAnyPlaceholderLeftRefusesTheSend(t *testing.T) {
	c := replyWith(nil, replies.Values{CustomerName: "Ana"}, "Hi {{ name }} and {{frist_name}}")
	if st, isErr := c.Status(); !isErr || !strings.Contains(st, "{{frist_name}}: unknown placeholder") {
		t.Fatalf("opening status %q %v", st, isErr)
	}
	c, out := press(c, ctrlS)
	st, _ := c.Status()
	if len(out) != 0 || !strings.HasPrefix(st, "Not sent: {{ name }}: a placeholder") || !strings.HasSuffix(st, "replace them before sending") {
		t.Fatalf("ctrl+s gave %#v, status %q", out, st)
	}
	// A contact note takes no saved replies; its text is the agent's own.
	n := New(testCtx(), Options{ConvID: "9", Kind: drafts.ContactNote, Text: "{{x}}", Width: 120, Height: 34})
	if _, out := press(n, ctrlS); len(out) != 2 {
		t.Fatalf("a contact note's ctrl+s gave %#v", out)
	}
}

func TestCtrlRWithoutSavedRepliesSaysHowToAddThem(t *testing.T) {
	c := replyWith(nil, replies.Values{}, "Hi")
	c, out := press(c, ctrlR)
	if len(out) != 0 || c.Value() != "Hi" {
		t.Fatalf("ctrl+r gave %#v, text %q", out, c.Value())
	}
	if st, _ := c.Status(); st != NoReplies || !strings.Contains(st, "[[replies]]") || !strings.Contains(st, "replies_dir") {
		t.Fatalf("status %q", st)
	}
	// A contact note has no saved replies: ctrl+r is the text area's.
	ctx := testCtx()
	ctx.Replies = saved
	n := New(ctx, Options{ConvID: "9", Kind: drafts.ContactNote, Text: "Hi", Width: 120, Height: 34})
	if _, out := press(n, ctrlR); len(out) != 0 {
		t.Fatalf("a contact note's ctrl+r gave %#v", out)
	}
}

func TestReplyPickerShowsNamesAndPreviews(t *testing.T) {
	c := replyWith(saved, replies.Values{}, "")
	_, out := press(c, ctrlR)
	view := ansi.Strip(out[0].(shared.PushOverlay).Overlay.View(120, 30))
	for _, want := range []string{"Insert a saved reply", "Refund on its way", "Hi {{first_name}},", "Thanks for waiting"} {
		if !strings.Contains(view, want) {
			t.Errorf("picker lacks %q:\n%s", want, view)
		}
	}
	// Another picker's answer, or esc, inserts nothing.
	for _, res := range []picker.Result{{ID: "other", Chosen: []picker.Item{{ID: "0"}}}, {ID: ReplyPickerID, Cancelled: true}, {ID: ReplyPickerID, Chosen: []picker.Item{{ID: "7"}}}} {
		o, cmd := c.Update(res)
		if o.(Composer).Value() != "" || len(msgs(cmd)) != 0 {
			t.Errorf("%+v inserted %q", res, o.(Composer).Value())
		}
	}
}

func TestFooterDropsTheInsertHintsBeforeTheEssentials(t *testing.T) {
	c := replyWith(saved, replies.Values{}, "")
	if v := plain(c, 120, 34); !strings.Contains(v, "ctrl+r saved reply") || !strings.Contains(v, "ctrl+a article") {
		t.Fatalf("wide footer:\n%s", v)
	}
	v := plain(c, 80, 24)
	if strings.Contains(v, "ctrl+r") || !strings.Contains(v, "ctrl+a article") || !strings.Contains(v, "esc keep draft & close") {
		t.Fatalf("narrow footer:\n%s", v)
	}
}
