package contacts

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
