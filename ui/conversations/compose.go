package conversations

import (
	"maps"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/drafts"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/replies"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/components/composer"
	"github.com/intercom-tui/intercom-tui/ui/components/draftsave"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// Composing replies and notes, on target() (see hooks.go):
//
//	R  reply to the customer        N  internal note
//
// R and N open the composer overlay with the conversation's draft: the one typed in
// this session, else the one on disk (read by a command), so a draft survives closing
// the composer, quitting and a crash. While the agent types, the draft is saved at
// once and then at most every draftsave.SaveEvery (a throttle: the first edit after a pause
// is on disk within milliseconds, the last within draftsave.SaveEvery), one save or delete
// in flight at a time so they land in order. Closing (esc) or sending saves at once.
//
// ctrl+s converts the text to HTML (composer.ToHTML) and sends it through the write
// executor: the composer closes, the reply shows in the thread at once, and is sent
// exactly once. When the server confirms, the draft is deleted and "Reply sent" (or
// "Note added") shows. When it refuses, the executor rolls the thread back and says
// why ("Couldn't reply #123: …"); the draft stays, on disk and here, and the composer
// reopens on it with the reason. Nothing retries by itself: sending again is the
// agent's ctrl+s. While a send is in flight R/N on that conversation say so rather than
// open a second composer that could send the text twice.
//
// Opening a thread checks for drafts (a command) and, if there are any, says so in a
// toast: "You have an unsent reply draft on #123 (R to continue)".

// composeState is the pane's compose state. Pane is a value: a draft's state is never
// changed in place but replaced, with the map (editDraft), so copies share nothing.
type composeState struct {
	drafts  map[draftKey]*draftState
	opening uint64 // the latest R/N waiting for its draft from disk; older answers open nothing
	checked string // the conversation the thread last checked drafts for
	// after makes the throttle's timer: tea.Tick, unless a test holds the ticks.
	after func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
}

// draftKey names a draft in this workspace.
type draftKey struct {
	conv string
	kind drafts.Kind
}

// draftState is one draft as the pane knows it.
type draftState struct {
	text string // the latest text: what the composer reopens with
	draftsave.Pump

	sending  string // the HTML of the send in flight, "" when none
	sentText string // the text it was made from
	failed   string // why the last send failed: the composer reopens saying so
}

// composeKey opens the composer on R or N.
func (p Pane) composeKey(msg tea.KeyPressMsg) (Pane, tea.Cmd, bool) {
	var kind drafts.Kind
	switch k := p.ctx.Keys; {
	case key.Matches(msg, k.Reply):
		kind = drafts.Reply
	case key.Matches(msg, k.Note):
		kind = drafts.Note
	default:
		return p, nil, false
	}
	conv, ok := p.target()
	if !ok {
		return p, nil, false
	}
	next, cmd := p.openComposer(conv, kind)
	return next, cmd, true
}

// openComposer opens the composer on conv's draft of kind: the one in memory at once,
// else the one on disk once a command has read it.
func (p Pane) openComposer(conv models.Conversation, kind drafts.Kind) (Pane, tea.Cmd) {
	k := draftKey{string(conv.ID), kind}
	name, _ := threadContact(&conv)
	st := p.compose.drafts[k]
	if st != nil && st.sending != "" && p.sendInFlight(k, st) {
		p.compose.opening = 0
		return p, shared.Toast("Your " + string(kind) + " to #" + sanitize.Line(k.conv) + " is still being sent")
	}
	if st != nil {
		p.compose.opening = 0
		return p, p.pushComposer(k, name, st.text, composeStatus(st, false))
	}
	req := p.seq.Next()
	p.compose.opening = req
	return p, p.loadDraftCmd(req, k, name)
}

// statusLine is the composer's first status line.
type statusLine struct {
	text  string
	isErr bool
}

// composeStatus is the status a composer opens with on a draft.
func composeStatus(st *draftState, restored bool) statusLine {
	switch {
	case st.failed != "":
		return statusLine{"Not sent: " + st.failed + ". The draft is kept: send again when ready.", true}
	case st.SaveErr != nil:
		return statusLine{"Draft not saved: " + sanitize.Line(st.SaveErr.Error()), true}
	case st.text == "" || st.SavedAt == "":
		return statusLine{}
	case restored:
		return statusLine{"draft restored, saved " + st.SavedAt, false}
	}
	return statusLine{"draft saved " + st.SavedAt, false}
}

func (p *Pane) pushComposer(k draftKey, name, text string, status statusLine) tea.Cmd {
	c := composer.New(p.ctx, composer.Options{
		ConvID: k.conv, Kind: k.kind, Name: name, Text: text, Status: status.text, StatusErr: status.isErr,
		Values: p.replyValues(k.conv), Width: p.width, Height: p.height,
	})
	return shared.Push(c)
}

// replyValues fill a saved reply's placeholders: the customer as the conversation
// shows them (its first customer author: the list row's source, or the loaded thread's
// parts) and the signed-in admin. Contacts are only references in a conversation, so
// a customer the thread names no name or email for has none here: the composer then
// flags the placeholder rather than send a hole.
func (p *Pane) replyValues(convID string) replies.Values {
	var v replies.Values
	if conv, ok := p.conversation(convID); ok {
		v.CustomerName, v.CustomerEmail = threadContact(&conv) // sanitized there
	}
	if p.ctx.Dir != nil {
		v.AdminName = sanitize.Line(p.ctx.Dir.Me.Name)
	}
	return v
}

// draftLoaded opens the composer the latest R/N asked for, on the draft read from disk.
// A draft that cannot be read opens an empty composer saying so; the file stays until
// the agent types (which replaces it).
func (p Pane) draftLoaded(msg draftLoadedMsg) (Pane, tea.Cmd) {
	if msg.req != p.compose.opening {
		return p, nil // another R/N came after it
	}
	p.compose.opening = 0
	if st := p.compose.drafts[msg.key]; st != nil { // typed in meanwhile: memory is newer
		return p, p.pushComposer(msg.key, msg.name, st.text, composeStatus(st, false))
	}
	st := p.editDraft(msg.key)
	if msg.err != nil {
		unreadable := statusLine{"Saved draft unreadable (" + sanitize.Line(msg.err.Error()) + "); typing replaces it", true}
		return p, p.pushComposer(msg.key, msg.name, "", unreadable)
	}
	if msg.found {
		st.text, st.Issued, st.SavedAt = msg.draft.Text, msg.draft.Text, msg.label
	}
	return p, p.pushComposer(msg.key, msg.name, st.text, composeStatus(st, true))
}

// editDraft is draft k's state to change (created empty if there is none): a copy, in
// a copy of the map. The pointer is good until the next editDraft of k.
func (p *Pane) editDraft(k draftKey) *draftState {
	var st *draftState
	p.compose.drafts, st = draftsave.Edit(p.compose.drafts, k)
	return st
}

// pump starts the next disk operation of draft k, if it has one and none is in flight:
// a delete the send asked for, else a save of a changed text once the window allows.
func (p *Pane) pump(k draftKey) tea.Cmd {
	cur := p.compose.drafts[k]
	if cur == nil {
		return nil
	}
	switch cur.Next(cur.text) {
	case draftsave.StepDelete:
		p.editDraft(k).StartDelete()
		return p.deleteDraftCmd(k)
	case draftsave.StepSave:
		st := p.editDraft(k)
		gen := st.StartSave(st.text, true)
		return tea.Batch(p.saveDraftCmd(k, st.text), p.draftTick(k, gen))
	case draftsave.StepSettled:
		if cur.text == "" && cur.sending == "" && cur.failed == "" && cur.SaveErr == nil {
			m := maps.Clone(p.compose.drafts) // nothing left to remember: the next R reads the disk
			delete(m, k)
			p.compose.drafts = m
		}
	}
	return nil
}

// flush saves draft k's text now, skipping the throttle's wait: the composer closed.
func (p *Pane) flush(k draftKey, text string) tea.Cmd {
	st := p.editDraft(k)
	st.text = text
	st.Flush()
	return p.pump(k)
}

// composeMsg handles the composer's messages, the answers of the draft commands, and
// looks for drafts when a thread opens.
func (p Pane) composeMsg(msg tea.Msg) (Pane, tea.Cmd, bool) {
	if !conversationKind(msg) {
		return p, nil, false // a contact's or a ticket's composer: another pane's
	}
	switch msg := msg.(type) {
	case composer.DraftChangedMsg:
		k := draftKey{msg.ConvID, msg.Kind}
		st := p.editDraft(k)
		if !st.Newer(msg.Seq) {
			return p, nil, true // a keystroke's text that arrived after the next one's
		}
		st.text, st.failed = msg.Text, ""
		return p, p.pump(k), true
	case composer.ClosedMsg:
		p.editDraft(draftKey{msg.ConvID, msg.Kind}).Newer(msg.Seq)
		return p, p.flush(draftKey{msg.ConvID, msg.Kind}, msg.Text), true
	case composer.SendMsg:
		p.editDraft(draftKey{msg.ConvID, msg.Kind}).Newer(msg.Seq)
		next, cmd := p.send(msg)
		return next, cmd, true
	case composer.SavedMsg:
		next, cmd := p.draftSaved(msg)
		return next, cmd, true
	case draftTickMsg:
		if st := p.compose.drafts[msg.key]; st != nil && st.Gen == msg.gen {
			p.editDraft(msg.key).Window = false
			return p, p.pump(msg.key), true
		}
		return p, nil, true
	case draftDeletedMsg:
		next, cmd := p.draftDeleted(msg)
		return next, cmd, true
	case draftLoadedMsg:
		next, cmd := p.draftLoaded(msg)
		return next, cmd, true
	case draftCheckMsg:
		return p, p.draftHint(msg), true
	case composeReopenMsg:
		if conv, ok := p.conversation(msg.conv); ok {
			next, cmd := p.openComposer(conv, msg.kind)
			return next, cmd, true
		}
		return p, nil, true
	}
	return p, nil, false
}

func (p Pane) draftSaved(msg composer.SavedMsg) (Pane, tea.Cmd) {
	k := draftKey{msg.ConvID, msg.Kind}
	if p.compose.drafts[k] == nil {
		return p, nil
	}
	p.editDraft(k).SaveDone(msg.Err, msg.At)
	return p, p.pump(k)
}

func (p Pane) draftDeleted(msg draftDeletedMsg) (Pane, tea.Cmd) {
	if p.compose.drafts[msg.key] == nil {
		return p, nil
	}
	p.editDraft(msg.key).Busy = false
	var toast tea.Cmd
	if msg.err != nil {
		toast = shared.ErrorToast("Sent, but the draft is still on disk: "+sanitize.Line(msg.err.Error()), nil)
	}
	return p, tea.Batch(toast, p.pump(msg.key))
}

// send sends the composer's text through the executor, once. The draft stays until
// the server confirms (composeWriteDone).
func (p Pane) send(msg composer.SendMsg) (Pane, tea.Cmd) {
	k := draftKey{msg.ConvID, msg.Kind}
	save := p.flush(k, msg.Text)
	body := composer.ToHTML(msg.Text)
	if body == "" {
		return p, save // the composer refuses a blank text; nothing to send
	}
	st := p.editDraft(k)
	what := "reply to"
	if k.kind == drafts.Note {
		what = "add a note to"
	}
	if _, ok := p.conversation(k.conv); !ok {
		st.failed = "the conversation is no longer listed"
		text := "Couldn't " + what + " #" + sanitize.Line(k.conv) + ": it is no longer listed. The draft is kept."
		return p, tea.Batch(save, shared.ErrorToast(text, nil))
	}
	if st.sending != "" && p.sendInFlight(k, st) {
		return p, tea.Batch(save, shared.Toast("Your "+string(k.kind)+" to #"+sanitize.Line(k.conv)+" is still being sent"))
	}
	st.sending, st.sentText, st.failed = body, msg.Text, ""
	act := ActReply
	if k.kind == drafts.Note {
		act = ActNote
	}
	reopen := func() tea.Msg { return composeReopenMsg{conv: k.conv, kind: k.kind} }
	return p, tea.Batch(save, p.do(k.conv, Action{Kind: act, Body: body, Retry: reopen}, 0))
}

// sendInFlight reports that the executor holds draft k's send. A send it does not
// hold was dropped before it started (the conversation left every list): it blocks
// nothing.
func (p *Pane) sendInFlight(k draftKey, st *draftState) bool {
	for _, w := range p.writes {
		if w.convID == k.conv && w.batch == 0 && w.action.Body == st.sending && draftKindOf(w.action.Kind) == k.kind {
			return true
		}
	}
	return false
}

func draftKindOf(a ActionKind) drafts.Kind {
	switch a {
	case ActReply:
		return drafts.Reply
	case ActNote:
		return drafts.Note
	}
	return ""
}

// composeWriteDone sees every write's answer after the executor applied or rolled it
// back. For a composer's send: on success the draft goes and a toast says so; on
// failure the draft stays and the composer will reopen on it with the reason. The
// executor has already said what failed, so there is no second toast.
func (p Pane) composeWriteDone(msg WriteDoneMsg) (Pane, tea.Cmd) {
	kind := draftKindOf(msg.Action.Kind)
	if msg.Batch != 0 || kind == "" {
		return p, nil
	}
	k := draftKey{msg.ConvID, kind}
	if cur := p.compose.drafts[k]; cur == nil || cur.sending == "" || cur.sending != msg.Action.Body {
		return p, nil // not a composer's send
	}
	st := p.editDraft(k)
	sent := st.sentText
	st.sending, st.sentText = "", ""
	if msg.Err != nil {
		st.failed = api.Short(msg.Err)
		return p, nil
	}
	toast := shared.Toast("Reply sent")
	if kind == drafts.Note {
		toast = shared.Toast("Note added")
	}
	if st.text == sent { // not edited since: the draft is done with
		st.text, st.Issued, st.Remove, st.Retry, st.SaveErr = "", "", true, false, nil
	}
	return p, tea.Batch(toast, p.pump(k))
}

// composeReopenMsg reopens the composer on a draft whose send failed (the retry key on
// the failure's toast).
type composeReopenMsg struct {
	conv string
	kind drafts.Kind
}

// conversationKind is false for a composer message about another pane's draft (a
// contact or ticket note): every pane hears every message.
func conversationKind(msg tea.Msg) bool {
	var kind drafts.Kind
	switch m := msg.(type) {
	case composer.DraftChangedMsg:
		kind = m.Kind
	case composer.ClosedMsg:
		kind = m.Kind
	case composer.SendMsg:
		kind = m.Kind
	case composer.SavedMsg:
		kind = m.Kind
	default:
		return true
	}
	return kind == drafts.Reply || kind == drafts.Note
}
