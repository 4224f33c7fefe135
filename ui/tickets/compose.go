package tickets

import (
	"errors"
	"maps"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/drafts"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/components/composer"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// Notes on tickets (N): the composer overlay opens on the ticket's draft (the one typed
// in this session, else the one on disk, read by a command). Every edit is saved: at
// most one save or delete of a draft is in flight, and when it ends the latest text is
// saved if it changed meanwhile, so saves land in order and the last text always
// reaches the disk. ctrl+s sends the note through the write executor: it shows in the
// timeline at once, is sent once (POST /tickets/{id}/reply), and the draft is deleted
// once the server confirmed it. If the server refuses, the note is rolled back, the
// draft stays, and the toast's retry key reopens the composer on it with the reason.
//
// The composer's messages reach every pane; this one handles only Kind TicketNote, whose
// ConvID is the ticket's id.

// noteState is the pane's drafts. The map is replaced, never changed in place, so that
// copies of the pane share nothing.
type noteState struct {
	drafts  map[string]*noteDraft // by ticket id
	opening uint64                // the latest N waiting for its draft from disk
}

// noteDraft is one ticket's note draft as the pane knows it.
type noteDraft struct {
	text    string // the latest text: what the composer reopens with
	issued  string // the text of the last save issued
	busy    bool   // a save or delete is in flight
	remove  bool   // delete the file when nothing is in flight (the note was sent)
	saved   string // when the text last reached the disk, "15:04"
	saveErr error  // why the last save failed, until one succeeds
	retry   bool   // save again though the text is unchanged (the last save failed)

	sending  string // the HTML of the send in flight, "" when none
	sentText string // the text it was made from
	failed   string // why the last send failed: the composer reopens saying so
}

// draftLoadedMsg answers an N: the draft on disk, if any.
type draftLoadedMsg struct {
	req      uint64
	ticketID string
	draft    drafts.Draft
	found    bool
	label    string // when it was saved: "15:04", or "24 Nov 15:04" on another day
	err      error
}

// draftDeletedMsg answers the delete of a sent draft.
type draftDeletedMsg struct {
	ticketID string
	err      error
}

// noteReopenMsg reopens the composer on a draft whose send failed (a toast's retry).
type noteReopenMsg struct{ ticketID string }

// errNoDrafts is a save's answer when the session keeps no drafts on disk.
var errNoDrafts = errors.New("drafts are not kept on disk in this session")

// openComposer opens the composer on the ticket's draft: the one in memory at once, else
// the one on disk once a command has read it.
func (p Pane) openComposer(id string) (Pane, tea.Cmd) {
	st := p.notes.drafts[id]
	if st != nil && st.sending != "" && p.pendingNote(id, st.sending) {
		p.notes.opening = 0
		cmd := shared.Toast("Your note on ticket " + p.numberOf(id) + " is still being sent")
		return p, cmd
	}
	if st != nil {
		p.notes.opening = 0
		cmd := p.pushComposer(id, st.text, composeStatus(st))
		return p, cmd
	}
	req := p.seq.Next()
	p.notes.opening = req
	store, key, now := p.ctx.Drafts, p.draftKey(id), p.clock()
	return p, func() tea.Msg {
		msg := draftLoadedMsg{req: req, ticketID: id}
		if store != nil {
			msg.draft, msg.found, msg.err = store.Load(key)
		}
		if msg.found {
			at, today := msg.draft.Updated.In(now().Location()), now()
			msg.label = at.Format("15:04")
			if at.YearDay() != today.YearDay() || at.Year() != today.Year() {
				msg.label = at.Format("2 Jan 15:04")
			}
		}
		return msg
	}
}

// numberOf is how a toast names ticket id: "#12", else the id.
func (p *Pane) numberOf(id string) string {
	if t, ok := p.ticket(id); ok {
		return ticketNumber(&t)
	}
	return "#" + sanitize.Line(id)
}

func (p *Pane) pushComposer(id, text string, status statusLine) tea.Cmd {
	c := composer.New(p.ctx, composer.Options{
		ConvID: id, Kind: drafts.TicketNote, Title: "Note on ticket " + p.numberOf(id),
		Text: text, Status: status.text, StatusErr: status.isErr, Width: p.width, Height: p.height,
	})
	return shared.Push(c)
}

// statusLine is the composer's first status line.
type statusLine struct {
	text  string
	isErr bool
}

func composeStatus(st *noteDraft) statusLine {
	switch {
	case st.failed != "":
		return statusLine{"Not sent: " + st.failed + ". The draft is kept: send again when ready.", true}
	case st.saveErr != nil:
		return statusLine{"Draft not saved: " + sanitize.Line(st.saveErr.Error()), true}
	case st.text != "" && st.saved != "":
		return statusLine{"draft saved " + st.saved, false}
	}
	return statusLine{}
}

// editDraft is ticket id's draft to change (created empty): a copy, in a copy of the map.
func (p *Pane) editDraft(id string) *noteDraft {
	m := maps.Clone(p.notes.drafts)
	if m == nil {
		m = map[string]*noteDraft{}
	}
	st := &noteDraft{}
	if old := m[id]; old != nil {
		*st = *old
	}
	m[id] = st
	p.notes.drafts = m
	return st
}

// noteMsg handles the composer's messages of Kind TicketNote and the drafts' answers.
func (p Pane) noteMsg(msg tea.Msg) (Pane, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case composer.DraftChangedMsg:
		if msg.Kind != drafts.TicketNote {
			return p, nil, false
		}
		st := p.editDraft(msg.ConvID)
		st.text, st.failed = msg.Text, ""
		cmd := p.pump(msg.ConvID)
		return p, cmd, true
	case composer.ClosedMsg:
		if msg.Kind != drafts.TicketNote {
			return p, nil, false
		}
		st := p.editDraft(msg.ConvID)
		st.text, st.retry = msg.Text, st.saveErr != nil
		cmd := p.pump(msg.ConvID)
		return p, cmd, true
	case composer.SendMsg:
		if msg.Kind != drafts.TicketNote {
			return p, nil, false
		}
		next, cmd := p.sendNote(msg.ConvID, msg.Text)
		return next, cmd, true
	case composer.SavedMsg:
		if msg.Kind != drafts.TicketNote {
			return p, nil, false
		}
		next, cmd := p.draftSaved(msg)
		return next, cmd, true
	case draftLoadedMsg:
		next, cmd := p.draftLoaded(msg)
		return next, cmd, true
	case draftDeletedMsg:
		if p.notes.drafts[msg.ticketID] == nil {
			return p, nil, true
		}
		p.editDraft(msg.ticketID).busy = false
		var toast tea.Cmd
		if msg.err != nil {
			toast = shared.ErrorToast("Note added, but its draft is still on disk: "+sanitize.Line(msg.err.Error()), nil)
		}
		cmd := tea.Batch(toast, p.pump(msg.ticketID))
		return p, cmd, true
	case noteReopenMsg:
		next, cmd := p.openComposer(msg.ticketID)
		return next, cmd, true
	}
	return p, nil, false
}

// draftLoaded opens the composer the latest N asked for, on the draft read from disk.
func (p Pane) draftLoaded(msg draftLoadedMsg) (Pane, tea.Cmd) {
	if msg.req != p.notes.opening {
		return p, nil // another N came after it
	}
	p.notes.opening = 0
	if st := p.notes.drafts[msg.ticketID]; st != nil { // typed in meanwhile: memory is newer
		cmd := p.pushComposer(msg.ticketID, st.text, composeStatus(st))
		return p, cmd
	}
	st := p.editDraft(msg.ticketID)
	if msg.err != nil {
		unreadable := statusLine{"Saved draft unreadable (" + sanitize.Line(msg.err.Error()) + "); typing replaces it", true}
		cmd := p.pushComposer(msg.ticketID, "", unreadable)
		return p, cmd
	}
	status := statusLine{}
	if msg.found {
		st.text, st.issued, st.saved = msg.draft.Text, msg.draft.Text, msg.label
		status = statusLine{"draft restored, saved " + st.saved, false}
	}
	cmd := p.pushComposer(msg.ticketID, st.text, status)
	return p, cmd
}

// pump starts the next disk operation of a draft when none is in flight: the delete a
// confirmed send asked for, else a save of a text that changed.
func (p *Pane) pump(id string) tea.Cmd {
	cur := p.notes.drafts[id]
	switch {
	case cur == nil || cur.busy:
		return nil
	case cur.remove:
		st := p.editDraft(id)
		st.busy, st.remove = true, false
		store, key := p.ctx.Drafts, p.draftKey(id)
		return func() tea.Msg {
			msg := draftDeletedMsg{ticketID: id}
			if store != nil {
				msg.err = store.Delete(key)
			}
			return msg
		}
	case cur.text != cur.issued || cur.retry:
		st := p.editDraft(id)
		st.busy, st.issued, st.retry = true, st.text, false
		store, key, text, now := p.ctx.Drafts, p.draftKey(id), st.text, p.clock()
		return func() tea.Msg {
			at := now()
			msg := composer.SavedMsg{ConvID: id, Kind: drafts.TicketNote, Text: text, At: at, Err: errNoDrafts}
			if store != nil {
				msg.Err = store.Save(drafts.Draft{Workspace: key.Workspace, ConversationID: id, Kind: drafts.TicketNote, Updated: at, Text: text})
			}
			return msg
		}
	}
	return nil
}

func (p Pane) draftSaved(msg composer.SavedMsg) (Pane, tea.Cmd) {
	if p.notes.drafts[msg.ConvID] == nil {
		return p, nil
	}
	st := p.editDraft(msg.ConvID)
	st.busy = false
	if msg.Err != nil {
		st.saveErr = msg.Err
		if errors.Is(msg.Err, errNoDrafts) {
			st.saveErr = nil // nothing to retry: the text is kept in memory
		}
	} else {
		st.saveErr, st.saved = nil, msg.At.Format("15:04")
	}
	cmd := p.pump(msg.ConvID)
	return p, cmd
}

// sendNote sends the composer's text through the executor, once; the draft stays until
// the server confirms.
func (p Pane) sendNote(id, text string) (Pane, tea.Cmd) {
	st := p.editDraft(id)
	st.text, st.retry = text, st.saveErr != nil
	save := p.pump(id)
	body := composer.ToHTML(text)
	if body == "" {
		return p, save
	}
	if cur := p.notes.drafts[id]; cur.sending != "" && p.pendingNote(id, cur.sending) {
		cmd := tea.Batch(save, shared.Toast("Your note on ticket "+p.numberOf(id)+" is still being sent"))
		return p, cmd
	}
	st = p.editDraft(id) // pump replaced the copy st pointed to
	st.sending, st.sentText, st.failed = body, text, ""
	cmd := tea.Batch(save, p.do(id, Action{Kind: ActNote, Body: body}))
	return p, cmd
}

// noteWriteDone sees every write's answer after the executor: for a note's send, the
// draft goes on success ("Note added"), and stays with the reason on failure (the
// executor has said what failed).
func (p Pane) noteWriteDone(msg WriteDoneMsg) (Pane, tea.Cmd) {
	if msg.Action.Kind != ActNote {
		return p, nil
	}
	cur := p.notes.drafts[msg.TicketID]
	if cur == nil || cur.sending == "" || cur.sending != msg.Action.Body {
		return p, nil
	}
	st := p.editDraft(msg.TicketID)
	sent := st.sentText
	st.sending, st.sentText = "", ""
	if msg.Err != nil {
		st.failed = errText(msg.Err)
		return p, nil
	}
	if st.text == sent { // not edited since: the draft is done with
		st.text, st.issued, st.remove, st.saveErr = "", "", true, nil
	}
	cmd := tea.Batch(shared.Toast("Note added to ticket "+p.numberOf(msg.TicketID)), p.pump(msg.TicketID))
	return p, cmd
}

// draftKey names a ticket's note draft in the store.
func (p *Pane) draftKey(id string) drafts.Key {
	idCode, base := "", ""
	if p.dir != nil && p.dir.Me.App != nil {
		idCode = p.dir.Me.App.IDCode
	}
	if p.ctx.WS != nil && p.ctx.WS.API != nil {
		base = p.ctx.WS.API.BaseURL()
	}
	return drafts.Key{Workspace: drafts.WorkspaceKey(idCode, base), ConversationID: id, Kind: drafts.TicketNote}
}
