package composer

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/replies"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/components/picker"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// Saved replies (ctrl+r, InsertReply) in a reply or a conversation note: a fuzzy picker
// of ctx.Replies above the composer; the chosen reply comes back as the picker's Result
// once the picker has closed, is filled from Options.Values and goes in at the cursor.
//
// A placeholder without a value stays in the text as {{name}}: the status line says
// which and why, and while any {{placeholder}} is in the text, ctrl+s refuses to send
// (nothing is sent, the draft stays) with the same words. A customer never gets "Hi ,".

// ReplyPickerID is the saved-reply picker's ID: its answer is the picker.Result with it.
const ReplyPickerID = "composer.saved-reply"

// NoReplies is what ctrl+r says when no saved reply is configured.
const NoReplies = "No saved replies yet: add [[replies]] entries (name, body) to the config file, or set replies_dir to a folder of .md files"

// openReplies pushes the saved-reply picker, or says how to add replies.
func (c Composer) openReplies() (shared.Overlay, tea.Cmd) {
	list := c.ctx.Replies
	if len(list) == 0 {
		c.status, c.isErr = NoReplies, false
		return c, nil
	}
	items := make([]picker.Item, len(list))
	for i, r := range list {
		items[i] = picker.Item{ID: strconv.Itoa(i), Label: r.Name, Detail: r.Preview()}
	}
	return c, shared.Push(picker.New(picker.Options{
		ID: ReplyPickerID, Title: "Insert a saved reply", Items: items,
		Placeholder: "type to filter by name",
		Empty:       "No saved reply has that name",
		Styles:      c.ctx.Styles, Keys: c.ctx.Keys,
	}))
}

// insertReply puts the chosen reply, filled, at the cursor.
func (c Composer) insertReply(res picker.Result) (shared.Overlay, tea.Cmd) {
	if res.Cancelled || len(res.Chosen) != 1 {
		return c, nil
	}
	i, err := strconv.Atoi(res.Chosen[0].ID)
	if err != nil || i < 0 || i >= len(c.ctx.Replies) {
		return c, nil
	}
	// replies.Load sanitized the body already; once more costs nothing on clean text
	// and keeps a reply built any other way off the terminal's controls.
	text, _ := replies.Fill(sanitize.String(c.ctx.Replies[i].Body), literal(c.values))
	c.ta.InsertString(text)
	cmd := c.edited() // says which placeholders are left, if any
	if len(c.holes) == 0 {
		c.status, c.isErr = "Inserted “"+sanitize.Line(c.ctx.Replies[i].Name)+"”; saving…", false
	}
	return c, cmd
}

// markdownChars escapes what the composer's markdown reads as formatting: a customer
// named "*Bob*" is sent as *Bob*, not in italics. Underscores stay as they are: the
// markdown takes them only at word edges, and emails are full of them.
var markdownChars = strings.NewReplacer(`\`, `\\`, "*", `\*`, "[", `\[`, "]", `\]`)

// literal is v with each value escaped for the composer's markdown.
func literal(v replies.Values) replies.Values {
	v.CustomerName = markdownChars.Replace(v.CustomerName)
	v.CustomerEmail = markdownChars.Replace(v.CustomerEmail)
	v.AdminName = markdownChars.Replace(v.AdminName)
	return v
}

// findHoles looks for placeholders left in text, in the kinds that take saved replies.
// It is cheap on text without "{{", which is nearly every keystroke.
func (c *Composer) findHoles(text string) {
	c.holes = nil
	if c.canInsert() && strings.Contains(text, "{{") {
		c.holes = replies.Find(text, c.values)
	}
}

// holeStatus shows the placeholders left; false when there are none.
func (c *Composer) holeStatus() bool {
	if len(c.holes) == 0 {
		return false
	}
	c.status, c.isErr = replies.Message(c.holes), true
	return true
}

// notSent is why ctrl+s sent nothing.
func notSent(holes []replies.Hole) string { return "Not sent: " + replies.Message(holes) }
