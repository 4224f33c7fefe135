package contacts

import (
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/weblink"
	"github.com/intercom-tui/intercom-tui/usercmd"
)

// FocusContact is the contact the agent is looking at, for forms opened from anywhere
// (the phone-call redirect): the open profile, else the row under the cursor. The phone
// is as the contact record holds it (not yet parsed); both are "" when there is none.
func (p Pane) FocusContact() (id, phone string) {
	if p.prof.open() {
		if c := p.prof.contact; c != nil {
			return p.prof.id, string(c.Phone)
		}
		return p.prof.id, ""
	}
	if r := p.list.rows.selected(); r != nil {
		if r.contact != nil {
			return r.id, string(r.contact.Phone)
		}
		return r.id, ""
	}
	return "", ""
}

// CommandValues are what a [[commands]] template sees here: the contact in focus (as
// FocusContact picks it) with its email, phone and web-app address.
func (p Pane) CommandValues() usercmd.Values {
	var id string
	var c *models.Contact
	switch {
	case p.prof.open():
		id, c = p.prof.id, p.prof.contact
	case p.list.rows.selected() != nil:
		r := p.list.rows.selected()
		id, c = r.id, r.contact
	}
	if id == "" {
		return usercmd.Values{}
	}
	v := usercmd.Values{ContactID: id}
	if c != nil {
		v.ContactEmail, v.ContactPhone = c.Email, string(c.Phone)
	}
	v.URL, _ = weblink.For(p.ctx, weblink.Contact, id) // no app id yet: no URL
	return v
}
