package tickets

import (
	"github.com/intercom-tui/intercom-tui/ui/components/weblink"
	"github.com/intercom-tui/intercom-tui/usercmd"
)

// FocusContact is the first contact of the ticket the agent is looking at (the open
// detail, else the row under the cursor). A ticket holds contact references only, so
// the phone is "" and the caller looks it up.
func (p Pane) FocusContact() (id, phone string) {
	t, ok := p.target()
	if !ok || t.Contacts == nil || len(t.Contacts.Contacts) == 0 {
		return "", ""
	}
	return string(t.Contacts.Contacts[0].ID), ""
}

// CommandValues are what a [[commands]] template sees here: the ticket in focus, its
// first contact (a reference: no email or phone) and the ticket's web-app address.
func (p Pane) CommandValues() usercmd.Values {
	t, ok := p.target()
	if !ok {
		return usercmd.Values{}
	}
	v := usercmd.Values{TicketID: string(t.ID)}
	v.ContactID, _ = p.FocusContact()
	v.URL, _ = weblink.For(p.ctx, weblink.Ticket, string(t.ID)) // no app id yet: no URL
	return v
}
