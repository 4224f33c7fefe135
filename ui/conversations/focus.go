package conversations

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
