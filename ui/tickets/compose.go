package tickets

import (
	"errors"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/drafts"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/components/composer"
	"github.com/intercom-tui/intercom-tui/ui/components/draftsave"
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
	text string // the latest text: what the composer reopens with
	draftsave.Pump

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
		msg.draft, msg.found, msg.label, msg.err = draftsave.Load(store, key, now())
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
	case st.SaveErr != nil:
		return statusLine{"Draft not saved: " + sanitize.Line(st.SaveErr.Error()), true}
	case st.text != "" && st.SavedAt != "":
		return statusLine{"draft saved " + st.SavedAt, false}
	}
	return statusLine{}
}

// editDraft is ticket id's draft to change (created empty): a copy, in a copy of the map.
func (p *Pane) editDraft(id string) *noteDraft {
	var st *noteDraft
	p.notes.drafts, st = draftsave.Edit(p.notes.drafts, id)
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
		if !st.Newer(msg.Seq) {
			return p, nil, true // a keystroke's text that arrived after the next one's
		}
		st.text, st.failed = msg.Text, ""
		cmd := p.pump(msg.ConvID)
		return p, cmd, true
	case composer.ClosedMsg:
		if msg.Kind != drafts.TicketNote {
			return p, nil, false
		}
		p.editDraft(msg.ConvID).Newer(msg.Seq)
		st := p.editDraft(msg.ConvID)
		st.text = msg.Text
		st.Flush()
		cmd := p.pump(msg.ConvID)
		return p, cmd, true
	case composer.SendMsg:
		if msg.Kind != drafts.TicketNote {
			return p, nil, false
		}
		p.editDraft(msg.ConvID).Newer(msg.Seq)
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
		p.editDraft(msg.ticketID).Busy = false
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
		st.text, st.Issued, st.SavedAt = msg.draft.Text, msg.draft.Text, msg.label
		status = statusLine{"draft restored, saved " + st.SavedAt, false}
	}
	cmd := p.pushComposer(msg.ticketID, st.text, status)
	return p, cmd
}

// pump starts the next disk operation of a draft when none is in flight: the delete a
// confirmed send asked for, else a save of a text that changed.
func (p *Pane) pump(id string) tea.Cmd {
	cur := p.notes.drafts[id]
	if cur == nil {
		return nil
	}
	switch cur.Next(cur.text) {
	case draftsave.StepDelete:
		p.editDraft(id).StartDelete()
		store, key := p.ctx.Drafts, p.draftKey(id)
		return func() tea.Msg { return draftDeletedMsg{ticketID: id, err: draftsave.Delete(store, key)} }
	case draftsave.StepSave:
		st := p.editDraft(id)
		st.StartSave(st.text, false) // no throttle window: every change is saved at once
		return draftsave.SaveCmd(p.ctx.Drafts, p.draftKey(id), st.text, p.clock())
	}
	return nil
}

func (p Pane) draftSaved(msg composer.SavedMsg) (Pane, tea.Cmd) {
	if p.notes.drafts[msg.ConvID] == nil {
		return p, nil
	}
	st := p.editDraft(msg.ConvID)
	st.SaveDone(msg.Err, msg.At)
	if errors.Is(msg.Err, draftsave.ErrNoStore) {
		st.SaveErr = nil // nothing to retry: the text is kept in memory
	}
	cmd := p.pump(msg.ConvID)
	return p, cmd
}

// sendNote sends the composer's text through the executor, once; the draft stays until
// the server confirms.
func (p Pane) sendNote(id, text string) (Pane, tea.Cmd) {
	st := p.editDraft(id)
	st.text, st.Retry = text, st.SaveErr != nil
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
		st.text, st.Issued, st.Remove, st.SaveErr = "", "", true, nil
	}
	cmd := tea.Batch(shared.Toast("Note added to ticket "+p.numberOf(msg.TicketID)), p.pump(msg.TicketID))
	return p, cmd
}

// draftKey names a ticket's note draft in the store.
func (p *Pane) draftKey(id string) drafts.Key {
	return drafts.Key{Workspace: draftsave.Workspace(p.dir, p.ctx.WS), ConversationID: id, Kind: drafts.TicketNote}
}
