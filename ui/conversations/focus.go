package conversations

import (
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/weblink"
	"github.com/intercom-tui/intercom-tui/usercmd"
)

// FocusContact is the customer of the conversation the agent is looking at (the open
// thread, else the row under the cursor): its first contact. A conversation holds
// contact references only, so the phone is "" and the caller looks it up.
func (p Pane) FocusContact() (id, phone string) {
	c, ok := p.target()
	if !ok {
		return "", ""
	}
	if ids := c.ContactIDs(); len(ids) > 0 {
		return string(ids[0]), ""
	}
	return "", ""
}

// CommandValues are what a [[commands]] template sees here: the conversation in focus
// (as triage picks it), its first contact, and that contact's email when a message of
// theirs carries it (the source, else a loaded part): a conversation holds contact
// references only.
func (p Pane) CommandValues() usercmd.Values {
	c, ok := p.target()
	if !ok {
		return usercmd.Values{}
	}
	v := usercmd.Values{ConversationID: string(c.ID)}
	v.ContactID, _ = p.FocusContact()
	v.URL, _ = weblink.For(p.ctx, weblink.Conversation, string(c.ID)) // no app id yet: no URL
	v.ContactEmail = contactEmail(&c, v.ContactID)
	return v
}

// contactEmail is the email of contact id as an author of c's messages: the source's
// author, else a part's. "" when none of theirs is at hand.
func contactEmail(c *models.Conversation, id string) string {
	a, _ := customerAuthor(c, func(a models.Author) bool {
		return a.Email != "" && (id == "" || string(a.ID) == id)
	})
	return a.Email
}
