package conversations

import (
	"html"
	"maps"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/components/confirm"
	"github.com/intercom-tui/intercom-tui/ui/components/picker"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// Triage from the keyboard, on target(): the thread's conversation when it has focus or
// is previewed beside the list, else the row under the cursor.
//
//	a  assign: a picker over me (first), the teams, the admins and "Unassign" (last)
//	s  snooze: 1 hour, 4 hours, tomorrow 9:00, next Monday 9:00, or typed ("3d", "monday 14:00")
//	z  snooze until tomorrow 9:00 at once, as in Intercom (also on a selection)
//	c  close, with an optional closing note
//	o  reopen a closed or snoozed conversation
//	p  priority: refused with a toast, as Intercom 2.9 cannot set it; nothing is sent
//	t  tags: attach and detach the workspace's tags, or create one (after a confirmation)
//
// Opening a thread marks an unread conversation read, once, unless the settings say not
// to. Every write goes through the executor (actions.go): the change shows at once, is
// sent once, and is replaced by the server's answer or rolled back with a toast.
//
// Pickers and confirmations are overlays; their answers (picker.Result, confirm.Result)
// come back through the root as messages whose ID is triageID(kind, conversation id).
// triageMsg claims only IDs that start with "triage:", so that the bulk layer can open
// the same pickers under IDs of its own (see assignPicker, snoozePickerCmd, tagsPicker).

// triageState is the pane's triage state. Pane is a value: the maps are replaced, never
// changed in place, so that copies of the pane share nothing.
type triageState struct {
	tags    []models.Tag // the workspace's tags (GET /tags), sorted by name; nil until loaded
	tagsReq uint64       // the GET /tags in flight, 0 when none
	tagsFor string       // the conversation whose tags picker waits for that load
	newTag  string       // the name a "Create tag" confirmation is asking about
	marked  map[string]int64
	// marked: conversations this session marked read on open → their updated_at then; a
	// later preview marks again only after new activity made them unread.
}

// triagePrefix starts every overlay ID triage opens.
const triagePrefix = "triage:"

// Kinds of triage overlays, the middle part of their IDs.
const (
	kindAssign = "assign"
	kindSnooze = "snooze"
	kindClose  = "close"
	kindTags   = "tags"
	kindNewTag = "newtag"
)

// triageID names an overlay opened for the conversation convID.
func triageID(kind, convID string) string { return triagePrefix + kind + ":" + convID }

// parseTriageID splits an overlay ID made by triageID.
func parseTriageID(id string) (kind, convID string, ok bool) {
	rest, ok := strings.CutPrefix(id, triagePrefix)
	if !ok {
		return "", "", false
	}
	return strings.Cut(rest, ":")
}

// Toasts that refuse an action.
const (
	priorityRefusal = "Intercom's API 2.9 cannot change a conversation's priority: set it in the Intercom inbox"
	notSignedIn     = "Not signed in yet: wait for the workspace to load"
)

// triageKey handles the triage keys; others are left to the list or the thread.
func (p Pane) triageKey(msg tea.KeyPressMsg) (Pane, tea.Cmd, bool) {
	k := p.ctx.Keys
	if !key.Matches(msg, k.Assign, k.Snooze, k.SnoozeTomorrow, k.Close, k.Reopen, k.Priority, k.Tags) {
		return p, nil, false
	}
	if key.Matches(msg, k.SnoozeTomorrow) {
		next, cmd := p.snoozeTomorrow()
		return next, cmd, true
	}
	if key.Matches(msg, k.Priority) {
		return p, shared.ErrorToast(priorityRefusal, nil), true // and nothing is sent
	}
	if p.dir == nil {
		return p, shared.ErrorToast(notSignedIn, nil), true
	}
	conv, ok := p.target()
	if !ok {
		return p, nil, true // nothing listed: nothing to act on
	}
	id := string(conv.ID)
	switch {
	case key.Matches(msg, k.Assign):
		return p, shared.Push(assignPicker(&p, triageID(kindAssign, id), &conv)), true
	case key.Matches(msg, k.Snooze):
		return p, snoozePickerCmd(&p, triageID(kindSnooze, id), convTitle("Snooze", &conv)), true
	case key.Matches(msg, k.Close):
		if conv.State == models.StateClosed {
			return p, shared.Toast("#" + sanitize.Line(id) + " is already closed"), true
		}
		return p, shared.Push(closePrompt(&p, triageID(kindClose, id), &conv)), true
	case key.Matches(msg, k.Reopen):
		if conv.State != models.StateClosed && conv.State != models.StateSnoozed {
			return p, shared.Toast("#" + sanitize.Line(id) + " is already open"), true
		}
		return p, p.do(id, Action{Kind: ActOpen}, 0), true
	}
	next, cmd := p.openTags(id)
	return next, cmd, true
}

// triageMsg handles the answers of triage's overlays and loads, and watches threads
// load to mark them read.
func (p Pane) triageMsg(msg tea.Msg) (Pane, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case picker.Result:
		kind, convID, ok := parseTriageID(msg.ID)
		if !ok {
			return p, nil, false
		}
		next, cmd := p.pickerResult(kind, convID, msg)
		return next, cmd, true
	case confirm.Result:
		kind, convID, ok := parseTriageID(msg.ID)
		if !ok || kind != kindNewTag {
			return p, nil, false
		}
		next, cmd := p.confirmNewTag(convID, msg.Yes)
		return next, cmd, true
	case tagsLoadedMsg:
		next, cmd := p.tagsLoaded(msg)
		return next, cmd, true
	case tagsRetryMsg:
		next, cmd := p.openTags(msg.convID)
		return next, cmd, true
	case tagCreatedMsg:
		next, cmd := p.tagCreated(msg)
		return next, cmd, true
	}
	return p, nil, false
}

// pickerResult acts on what a triage picker answered.
func (p Pane) pickerResult(kind, convID string, res picker.Result) (Pane, tea.Cmd) {
	if res.Cancelled {
		return p, nil
	}
	if _, ok := p.conversation(convID); !ok {
		return p, shared.ErrorToast("#"+sanitize.Line(convID)+" is no longer listed: nothing was changed", nil)
	}
	switch kind {
	case kindAssign:
		return p, p.assignChosen(convID, res)
	case kindSnooze:
		return p, snoozeChosenCmd(&p, convID, res, 0)
	case kindClose:
		return p, p.do(convID, Action{Kind: ActClose, Body: noteHTML(res.Text)}, 0)
	case kindTags:
		return p.tagsChosen(convID, res)
	}
	return p, nil
}

// closePrompt asks, under the opaque id, for the optional closing note; its answer is a
// picker.Result whose Text (maybe "") noteHTML turns into the close's body. conv names
// the conversation in the title; the bulk layer passes nil.
func closePrompt(p *Pane, id string, conv *models.Conversation) shared.Overlay {
	k := p.ctx.Keys
	title := "Close"
	if conv != nil {
		title = convTitle("Close", conv)
	}
	return picker.New(picker.Options{
		ID: id, Title: title,
		Placeholder: "Closing note (optional, enter to close, esc to cancel)",
		AcceptText:  true, AllowEmpty: true, CharLimit: 2000,
		Hint:   k.Confirm.Help().Key + " close · " + k.Cancel.Help().Key + " cancel",
		Styles: p.ctx.Styles, Keys: k,
	})
}

// noteHTML is a typed note as the HTML body Intercom takes; "" stays "" (no body).
func noteHTML(text string) string {
	text = strings.TrimSpace(text)
	if text == "" {
		return ""
	}
	return "<p>" + html.EscapeString(text) + "</p>"
}

// convTitle is an overlay's title: "Assign #123 · Alejandro López".
func convTitle(verb string, c *models.Conversation) string {
	title := verb + " #" + sanitize.Line(string(c.ID))
	if who := rowWho(c); who != "" {
		title += " · " + who
	}
	return title
}

// markReadOnOpen marks a freshly loaded unread conversation read (afterThreadLoaded):
// once per conversation, until new activity makes it unread again.
// Settings.MarkReadOnOpen turns this off.
func (p Pane) markReadOnOpen(msg ThreadLoadedMsg) (Pane, tea.Cmd) {
	c := msg.Value
	if c == nil || c.Read || !p.ctx.Settings.MarkReadOnOpen || p.dir == nil {
		return p, nil
	}
	if at, ok := p.triage.marked[msg.ID]; ok && at >= c.UpdatedAt {
		return p, nil // marked already; it failed, or the answer is older than the mark
	}
	marked := maps.Clone(p.triage.marked)
	if marked == nil {
		marked = map[string]int64{}
	}
	marked[msg.ID] = c.UpdatedAt
	p.triage.marked = marked
	return p, p.do(msg.ID, Action{Kind: ActMarkRead}, 0)
}
