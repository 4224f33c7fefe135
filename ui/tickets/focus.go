package tickets

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
