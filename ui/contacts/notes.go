package contacts

import (
	"context"
	"maps"
	"strconv"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/drafts"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/components/composer"
	"github.com/intercom-tui/intercom-tui/ui/components/draftsave"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// Notes on a contact, with the same guarantees as the conversations composer:
//
// N on a profile opens the composer (drafts kind ContactNote, keyed by the contact's
// id) on the draft typed in this session, else the one on disk (read by a command).
// While the agent types, the draft is saved at once and then at most every
// draftsave.SaveEvery, one save or delete in flight at a time; closing saves at once.
//
// ctrl+s converts the text to HTML (composer.ToHTML) and sends it once:
// POST /contacts/{id}/notes with the signed-in admin's id. The note shows at once,
// marked "sending…"; the server's note replaces it. If the server refuses, the note
// goes, a toast says why, and the draft stays (the retry key reopens the composer on
// it). The draft is deleted only after the server confirmed. Nothing is ever re-sent
// by itself.
//
// Only composer messages of kind ContactNote are this pane's.

// noteTimeout bounds the note's POST (which is never retried).
const noteTimeout = 30 * time.Second

// noteState is the pane's notes state. Pane is a value: a draft's state is replaced,
// with the map, never changed in place (editDraft), so copies share nothing.
type noteState struct {
	drafts  map[string]*draftState // by contact id
	opening uint64                 // the latest N waiting for its draft from disk
}

// draftState is one contact's note draft as the pane knows it.
type draftState struct {
	name string // the contact's name, for titles and toasts
	text string // the latest text
	draftsave.Pump

	sending  uint64 // the request of the send in flight, 0 for none
	sentText string // the text it was made from
	failed   string // why the last send failed
}

// NoteAddedMsg answers POST /contacts/{id}/notes.
type NoteAddedMsg struct {
	shared.Loaded[*models.Note]
	ContactID string
}

var _ shared.Outcome = NoteAddedMsg{}

// draftLoadedMsg answers an N: the draft on disk, if any.
type draftLoadedMsg struct {
	req     uint64
	contact string
	name    string
	draft   drafts.Draft
	found   bool
	label   string
	err     error
}

type draftTickMsg struct {
	contact string
	gen     uint64
}

type draftDeletedMsg struct {
	contact string
	err     error
}

// noteReopenMsg reopens the composer on a note whose send failed (the toast's retry).
type noteReopenMsg struct{ contact, name string }

// noteKey is N on the profile.
func (p Pane) noteKey() (Pane, tea.Cmd) {
	name := "this contact"
	if c := p.prof.contact; c != nil {
		name = textfmt.Line(c.DisplayName())
	}
	return p.openComposer(p.prof.id, name)
}

// openComposer opens the composer on contact id's note draft: the one in memory at
// once, else the one on disk once a command has read it.
func (p Pane) openComposer(id, name string) (Pane, tea.Cmd) {
	st := p.notes.drafts[id]
	if st != nil && st.sending != 0 {
		p.notes.opening = 0
		return p, shared.Toast("Your note on " + name + " is still being sent")
	}
	if st != nil {
		p.notes.opening = 0
		text, isErr := draftStatus(st, false)
		return p, p.pushComposer(id, name, st.text, text, isErr)
	}
	req := p.seq.Next()
	p.notes.opening = req
	store, sk, now := p.ctx.Drafts, p.storeKey(id), p.clock()
	return p, func() tea.Msg {
		msg := draftLoadedMsg{req: req, contact: id, name: name}
		msg.draft, msg.found, msg.label, msg.err = draftsave.Load(store, sk, now())
		return msg
	}
}

// draftStatus is the status line a composer opens with.
func draftStatus(st *draftState, restored bool) (string, bool) {
	switch {
	case st.failed != "":
		return "Not sent: " + st.failed + ". The draft is kept: send again when ready.", true
	case st.SaveErr != nil:
		return "Draft not saved: " + sanitize.Line(st.SaveErr.Error()), true
	case st.text == "" || st.SavedAt == "":
		return "", false
	case restored:
		return "draft restored, saved " + st.SavedAt, false
	}
	return "draft saved " + st.SavedAt, false
}

func (p *Pane) pushComposer(id, name, text, status string, isErr bool) tea.Cmd {
	c := composer.New(p.ctx, composer.Options{
		ConvID: id, Kind: drafts.ContactNote, Title: "Note on " + name, Text: text,
		Status: status, StatusErr: isErr, Width: p.width, Height: p.height,
	})
	return shared.Push(c)
}

func (p Pane) draftLoaded(msg draftLoadedMsg) (Pane, tea.Cmd) {
	if msg.req != p.notes.opening {
		return p, nil // another N came after it
	}
	p.notes.opening = 0
	if st := p.notes.drafts[msg.contact]; st != nil { // typed meanwhile: memory is newer
		text, isErr := draftStatus(st, false)
		return p, p.pushComposer(msg.contact, msg.name, st.text, text, isErr)
	}
	st := p.editDraft(msg.contact)
	st.name = msg.name
	if msg.err != nil {
		return p, p.pushComposer(msg.contact, msg.name, "", "Saved draft unreadable ("+sanitize.Line(msg.err.Error())+"); typing replaces it", true)
	}
	if msg.found {
		st.text, st.Issued, st.SavedAt = msg.draft.Text, msg.draft.Text, msg.label
	}
	text, isErr := draftStatus(st, true)
	return p, p.pushComposer(msg.contact, msg.name, st.text, text, isErr)
}

// editDraft is contact id's draft state to change: a copy, in a copy of the map.
func (p *Pane) editDraft(id string) *draftState {
	var st *draftState
	p.notes.drafts, st = draftsave.Edit(p.notes.drafts, id)
	return st
}

// pump starts the next disk operation of id's draft, if any and none is in flight.
func (p *Pane) pump(id string) tea.Cmd {
	cur := p.notes.drafts[id]
	if cur == nil {
		return nil
	}
	switch cur.Next(cur.text) {
	case draftsave.StepDelete:
		p.editDraft(id).StartDelete()
		store, sk := p.ctx.Drafts, p.storeKey(id)
		return func() tea.Msg { return draftDeletedMsg{contact: id, err: draftsave.Delete(store, sk)} }
	case draftsave.StepSave:
		st := p.editDraft(id)
		gen := st.StartSave(st.text, true)
		tick := p.timer(draftsave.SaveEvery, func(time.Time) tea.Msg { return draftTickMsg{contact: id, gen: gen} })
		return tea.Batch(p.saveDraftCmd(id, st.text), tick)
	case draftsave.StepSettled:
		if cur.text == "" && cur.sending == 0 && cur.failed == "" && cur.SaveErr == nil {
			m := maps.Clone(p.notes.drafts) // nothing to remember: the next N reads the disk
			delete(m, id)
			p.notes.drafts = m
		}
	}
	return nil
}

func (p *Pane) saveDraftCmd(id, text string) tea.Cmd {
	return draftsave.SaveCmd(p.ctx.Drafts, p.storeKey(id), text, p.clock())
}

// storeKey names contact id's note draft in the store.
func (p *Pane) storeKey(id string) drafts.Key {
	return drafts.Key{Workspace: draftsave.Workspace(p.directory(), p.ctx.WS), ConversationID: id, Kind: drafts.ContactNote}
}

// flush saves id's draft now, skipping the throttle: the composer closed.
func (p *Pane) flush(id, text string) tea.Cmd {
	st := p.editDraft(id)
	st.text = text
	st.Flush()
	return p.pump(id)
}

// noteMsg handles the composer's messages of kind ContactNote and the answers of the
// draft and note commands; ok is false for other messages.
func (p Pane) noteMsg(msg tea.Msg) (Pane, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case composer.DraftChangedMsg:
		if msg.Kind != drafts.ContactNote {
			return p, nil, false
		}
		st := p.editDraft(msg.ConvID)
		if !st.Newer(msg.Seq) {
			return p, nil, true // a keystroke's text that arrived after the next one's
		}
		st.text, st.failed = msg.Text, ""
		return p, p.pump(msg.ConvID), true
	case composer.ClosedMsg:
		if msg.Kind != drafts.ContactNote {
			return p, nil, false
		}
		p.editDraft(msg.ConvID).Newer(msg.Seq)
		return p, p.flush(msg.ConvID, msg.Text), true
	case composer.SendMsg:
		if msg.Kind != drafts.ContactNote {
			return p, nil, false
		}
		p.editDraft(msg.ConvID).Newer(msg.Seq)
		next, cmd := p.sendNote(msg)
		return next, cmd, true
	case composer.SavedMsg:
		if msg.Kind != drafts.ContactNote || p.notes.drafts[msg.ConvID] == nil {
			return p, nil, msg.Kind == drafts.ContactNote
		}
		p.editDraft(msg.ConvID).SaveDone(msg.Err, msg.At)
		return p, p.pump(msg.ConvID), true
	case draftTickMsg:
		if st := p.notes.drafts[msg.contact]; st != nil && st.Gen == msg.gen {
			p.editDraft(msg.contact).Window = false
			return p, p.pump(msg.contact), true
		}
		return p, nil, true
	case draftDeletedMsg:
		if p.notes.drafts[msg.contact] == nil {
			return p, nil, true
		}
		p.editDraft(msg.contact).Busy = false
		var toast tea.Cmd
		if msg.err != nil {
			toast = shared.ErrorToast("Note added, but its draft is still on disk: "+sanitize.Line(msg.err.Error()), nil)
		}
		return p, tea.Batch(toast, p.pump(msg.contact)), true
	case draftLoadedMsg:
		next, cmd := p.draftLoaded(msg)
		return next, cmd, true
	case NoteAddedMsg:
		next, cmd := p.noteAdded(msg)
		return next, cmd, true
	case noteReopenMsg:
		next, cmd := p.openComposer(msg.contact, msg.name)
		return next, cmd, true
	}
	return p, nil, false
}

// sendNote sends the composer's text once. The draft stays until the server confirms.
func (p Pane) sendNote(msg composer.SendMsg) (Pane, tea.Cmd) {
	id := msg.ConvID
	save := p.flush(id, msg.Text)
	body := composer.ToHTML(msg.Text)
	if body == "" {
		return p, save // the composer refuses a blank text
	}
	st := p.editDraft(id)
	name := st.name
	if name == "" {
		name = "#" + textfmt.Line(id)
		if p.prof.id == id && p.prof.contact != nil {
			name = textfmt.Line(p.prof.contact.DisplayName())
		}
		st.name = name
	}
	if st.sending != 0 {
		return p, tea.Batch(save, shared.Toast("Your note on "+name+" is still being sent"))
	}
	dir := p.directory()
	if dir == nil || p.ctx.WS == nil {
		st.failed = "not signed in yet"
		return p, tea.Batch(save, shared.ErrorToast("Couldn't add the note on "+name+": not signed in yet. The draft is kept", nil))
	}
	if p.ctx.Offline { // refused: nothing is sent, the draft stays
		st.failed = "offline"
		return p, tea.Batch(save, shared.ErrorToast(shared.OfflineText, nil))
	}
	req := p.seq.Next()
	st.sending, st.sentText, st.failed = req, msg.Text, ""
	if p.prof.id == id {
		pending := noteItem{id: "pending-" + strconv.FormatUint(req, 10), author: textfmt.Clip(textfmt.Line(dir.Me.Name), rowTextRunes),
			lines: htmlLines(body, noteLines), pending: true, req: req}
		p.prof.pending = append([]noteItem{pending}, p.prof.pending...)
		p.prof.gen++
	}
	client, admin := p.ctx.WS.API, string(dir.Me.ID)
	send := func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), noteTimeout)
		defer cancel()
		n, err := client.CreateNote(ctx, id, admin, body)
		msg := NoteAddedMsg{ContactID: id}
		msg.Req, msg.Value, msg.Err = req, n, err
		return msg
	}
	return p, tea.Batch(save, send)
}

// noteAdded replaces the pending note by the server's, or rolls it back and says why.
// The draft goes only now, and only if it was not edited since it was sent.
func (p Pane) noteAdded(msg NoteAddedMsg) (Pane, tea.Cmd) {
	if p.prof.id == msg.ContactID {
		for i, n := range p.prof.pending {
			if n.req == msg.Req {
				p.prof.pending = append(p.prof.pending[:i:i], p.prof.pending[i+1:]...)
				break
			}
		}
		if msg.Err == nil && msg.Value != nil && !p.hasNote(string(msg.Value.ID)) {
			p.prof.notes = append([]noteItem{newNoteItem(msg.Value)}, p.prof.notes...)
			p.prof.notesTotal++
		}
		p.prof.gen++
		p.clampProfile()
	}
	cur := p.notes.drafts[msg.ContactID]
	if cur == nil || cur.sending != msg.Req {
		return p, nil
	}
	st := p.editDraft(msg.ContactID)
	sent := st.sentText
	st.sending, st.sentText = 0, ""
	if msg.Err != nil {
		st.failed = textfmt.Line(api.Short(msg.Err))
		reopen := noteReopenMsg{contact: msg.ContactID, name: st.name}
		return p, shared.ErrorToast("Couldn't add the note on "+st.name+": "+errText(msg.Err)+". The draft is kept",
			func() tea.Msg { return reopen })
	}
	if st.text == sent { // not edited since: the draft is done with
		st.text, st.Issued, st.Remove, st.Retry, st.SaveErr = "", "", true, false, nil
	}
	return p, tea.Batch(shared.Toast("Note added to "+st.name), p.pump(msg.ContactID))
}

func (p *Pane) hasNote(id string) bool {
	for _, n := range p.prof.notes {
		if n.id == id {
			return true
		}
	}
	return false
}
