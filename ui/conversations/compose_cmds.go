package conversations

import (
	"errors"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/drafts"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/components/draftsave"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// The compose commands read and write the drafts store (Context.Drafts) and the
// clock; Update applies their answers (compose.go).

// draftLoadedMsg answers an R/N: the draft on disk, if any. req names the request.
type draftLoadedMsg struct {
	req   uint64
	key   draftKey
	name  string // the customer's name, for the composer's title
	draft drafts.Draft
	found bool
	label string // when it was saved, for the status: "15:04", or "24 Nov 15:04" on another day
	err   error
}

// draftTickMsg closes a draft's throttle window; gen names the window.
type draftTickMsg struct {
	key draftKey
	gen uint64
}

// draftDeletedMsg answers the delete of a sent draft.
type draftDeletedMsg struct {
	key draftKey
	err error
}

// draftCheckMsg answers the look for drafts when a thread opened.
type draftCheckMsg struct {
	conv  string
	kinds []drafts.Kind // the kinds with a draft on disk
	err   error
}

// draftWorkspace names the workspace in the store: the app's id_code, else the API host.
func (p *Pane) draftWorkspace() string { return draftsave.Workspace(p.dir, p.ctx.WS) }

func (p *Pane) storeKey(k draftKey) drafts.Key {
	return drafts.Key{Workspace: p.draftWorkspace(), ConversationID: k.conv, Kind: k.kind}
}

func (p *Pane) loadDraftCmd(req uint64, k draftKey, name string) tea.Cmd {
	store, sk, now := p.ctx.Drafts, p.storeKey(k), p.clock()
	return func() tea.Msg {
		msg := draftLoadedMsg{req: req, key: k, name: name}
		msg.draft, msg.found, msg.label, msg.err = draftsave.Load(store, sk, now())
		return msg
	}
}

func (p *Pane) saveDraftCmd(k draftKey, text string) tea.Cmd {
	return draftsave.SaveCmd(p.ctx.Drafts, p.storeKey(k), text, p.clock())
}

func (p *Pane) deleteDraftCmd(k draftKey) tea.Cmd {
	store, sk := p.ctx.Drafts, p.storeKey(k)
	return func() tea.Msg {
		return draftDeletedMsg{key: k, err: draftsave.Delete(store, sk)}
	}
}

// draftTick is the command that closes the throttle window gen of draft k.
func (p *Pane) draftTick(k draftKey, gen uint64) tea.Cmd {
	after := p.compose.after
	if after == nil {
		after = tea.Tick
	}
	return after(draftsave.SaveEvery, func(time.Time) tea.Msg { return draftTickMsg{key: k, gen: gen} })
}

// remindDrafts looks for drafts when the thread got the first load of a conversation
// it has not just shown (afterThreadLoaded).
func (p Pane) remindDrafts(msg ThreadLoadedMsg) (Pane, tea.Cmd) {
	if msg.ID == p.compose.checked || (p.ctx.Drafts == nil && len(p.compose.drafts) == 0) {
		return p, nil
	}
	p.compose.checked = msg.ID
	return p, p.checkDraftsCmd(msg.ID)
}

// checkDraftsCmd looks for conv's drafts: in memory first (this session's are newest),
// then on disk.
func (p *Pane) checkDraftsCmd(conv string) tea.Cmd {
	var inMemory []drafts.Kind
	var onDisk []drafts.Key
	for _, kind := range []drafts.Kind{drafts.Reply, drafts.Note} {
		k := draftKey{conv, kind}
		switch st := p.compose.drafts[k]; {
		case st != nil && st.text != "":
			inMemory = append(inMemory, kind)
		case st == nil:
			onDisk = append(onDisk, p.storeKey(k))
		}
	}
	store := p.ctx.Drafts
	return func() tea.Msg {
		msg := draftCheckMsg{conv: conv, kinds: inMemory}
		if store == nil {
			return msg
		}
		var errs []error
		for _, sk := range onDisk {
			_, found, err := store.Load(sk)
			if err != nil {
				errs = append(errs, err)
			}
			if found {
				msg.kinds = append(msg.kinds, sk.Kind)
			}
		}
		msg.err = errors.Join(errs...)
		return msg
	}
}

// draftHint tells the agent about the drafts of the thread they are looking at.
func (p *Pane) draftHint(msg draftCheckMsg) tea.Cmd {
	if msg.conv != p.thread.ID() {
		return nil // they have moved on
	}
	k, id := p.ctx.Keys, sanitize.Line(msg.conv)
	var reply, note bool
	for _, kind := range msg.kinds {
		if st := p.compose.drafts[draftKey{msg.conv, kind}]; st != nil && st.text == "" {
			continue // sent or emptied since the look
		}
		reply = reply || kind == drafts.Reply
		note = note || kind == drafts.Note
	}
	switch {
	case reply && note:
		return shared.Toast("You have unsent reply and note drafts on #" + id + " (" + k.Reply.Help().Key + " / " + k.Note.Help().Key + " to continue)")
	case reply:
		return shared.Toast("You have an unsent reply draft on #" + id + " (" + k.Reply.Help().Key + " to continue)")
	case note:
		return shared.Toast("You have an unsent note draft on #" + id + " (" + k.Note.Help().Key + " to continue)")
	case msg.err != nil:
		return shared.ErrorToast("A draft of #"+id+" could not be read: "+strings.TrimSpace(sanitize.Line(msg.err.Error())), nil)
	}
	return nil
}
