package conversations

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/components/confirm"
	"github.com/intercom-tui/intercom-tui/ui/components/picker"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// Bulk assign, snooze and tags reuse triage's pickers (triage_assign.go,
// triage_snooze.go, triage_tags.go) under overlay IDs of their own, "bulk:<kind>:<n>":
// triage claims only "triage:" IDs, so the answers come here. One pick is pending at a
// time; an answer to any other is stale and dropped.
//
//   - Assign: the one teammate or team chosen, for every selected conversation.
//   - Snooze: the moment chosen (a preset or typed text), resolved once, when chosen.
//   - Tags: the tags checked are attached to every selected conversation (nothing is
//     checked when the picker opens, and nothing is detached); a new name is created
//     after a confirmation, then attached too.

// bulkPrefix starts every overlay ID the bulk layer opens.
const bulkPrefix = "bulk:"

// bulkPick is the picker (or confirmation, or tags load) opened for a view's selection.
type bulkPick struct {
	id      string // the overlay's ID
	kind    string // kindAssign, kindSnooze, kindTags, kindNewTag
	view    string
	tagsReq uint64       // kindTags: the GET /tags the picker waits for, 0 when none
	newTag  string       // kindNewTag: the name the confirmation asks about
	attach  []models.Tag // kindNewTag: the checked tags, attached with the new one
}

// bulkSnoozeMsg is a snooze picker's answer resolved by a command (it reads the clock
// and the workspace's zone): the moment, or why there is none.
type bulkSnoozeMsg struct {
	pick  string
	until time.Time
	err   error
}

// bulkTagsMsg answers the GET /tags a bulk tags picker waits for.
type bulkTagsMsg struct {
	shared.Loaded[[]models.Tag]
	pick string
}

// bulkTagCreatedMsg answers the POST /tags of a new tag for the selection.
type bulkTagCreatedMsg struct {
	shared.Loaded[*models.Tag]
	pick string
}

// bulkRetryTagsMsg is a failed tags load's retry.
type bulkRetryTagsMsg struct{ view string }

// openBulkPicker opens the picker of an action key for the selection of v.
func (p Pane) openBulkPicker(msg tea.KeyPressMsg, v *inboxView) (Pane, tea.Cmd) {
	if p.dir == nil {
		return p, shared.ErrorToast(notSignedIn, nil)
	}
	k := p.ctx.Keys
	pick := &bulkPick{view: v.def.key}
	switch {
	case key.Matches(msg, k.Assign):
		pick.kind = kindAssign
	case key.Matches(msg, k.Snooze):
		pick.kind = kindSnooze
	default:
		pick.kind = kindTags
	}
	pick.id = bulkPrefix + pick.kind + ":" + strconv.FormatUint(p.seq.Next(), 10)
	p.bulk.pending = pick
	n := p.selectedCount(v)
	switch pick.kind {
	case kindAssign:
		return p, shared.Push(assignPicker(&p, pick.id, nil))
	case kindSnooze:
		return p, snoozePickerCmd(&p, pick.id, "Snooze "+strconv.Itoa(n)+" "+conversationsWord(n))
	}
	return p.openBulkTags(pick)
}

// openBulkTags opens the tags picker, after loading the workspace's tags when triage has
// not yet (they are then kept for triage too).
func (p Pane) openBulkTags(pick *bulkPick) (Pane, tea.Cmd) {
	if p.triage.tags != nil {
		return p, shared.Push(tagsPicker(&p, pick.id, p.triage.tags, nil))
	}
	pick.tagsReq = p.seq.Next()
	id := pick.id
	return p, loadTagsCmd(p.ctx.WS, pick.tagsReq, func(ans shared.Loaded[[]models.Tag]) tea.Msg {
		return bulkTagsMsg{Loaded: ans, pick: id}
	})
}

// bulkPicked handles the answers of the bulk layer's pickers, confirmation and loads.
func (p Pane) bulkPicked(msg tea.Msg) (Pane, tea.Cmd, bool) {
	var next Pane
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case picker.Result:
		if !strings.HasPrefix(msg.ID, bulkPrefix) {
			return p, nil, false
		}
		next, cmd = p.bulkPickerResult(msg)
	case confirm.Result:
		if !strings.HasPrefix(msg.ID, bulkPrefix) {
			return p, nil, false
		}
		next, cmd = p.bulkConfirmed(msg)
	case bulkSnoozeMsg:
		next, cmd = p.bulkSnoozeResolved(msg)
	case bulkTagsMsg:
		next, cmd = p.bulkTagsLoaded(msg)
	case bulkTagCreatedMsg:
		next, cmd = p.bulkTagCreated(msg)
	case bulkRetryTagsMsg:
		v := p.activeView()
		if v == nil || v.def.key != msg.view || !p.hasSelection(v) {
			return p, nil, true
		}
		pick := &bulkPick{kind: kindTags, view: msg.view}
		pick.id = bulkPrefix + kindTags + ":" + strconv.FormatUint(p.seq.Next(), 10)
		p.bulk.pending = pick
		next, cmd = p.openBulkTags(pick)
	default:
		return p, nil, false
	}
	return next, cmd, true
}

// takePick is the pending pick that id answers, which it ends; nil for a stale answer.
func (p *Pane) takePick(id string) *bulkPick {
	pick := p.bulk.pending
	if pick == nil || pick.id != id {
		return nil
	}
	p.bulk.pending = nil
	return pick
}

// pickView is the view a pick was opened for, when it still has a selection.
func (p *Pane) pickView(pick *bulkPick) *inboxView {
	v := p.viewByKey(pick.view)
	if v == nil || !p.hasSelection(v) {
		return nil
	}
	return v
}

func (p Pane) bulkPickerResult(res picker.Result) (Pane, tea.Cmd) {
	pick := p.takePick(res.ID)
	if pick == nil || res.Cancelled {
		return p, nil
	}
	v := p.pickView(pick)
	if v == nil {
		return p, nil
	}
	switch pick.kind {
	case kindAssign:
		to, ok := assignChoice(res)
		if !ok {
			return p, nil
		}
		return p.startBulk(v, Action{Kind: ActAssign, Assignee: to})
	case kindSnooze:
		p.bulk.pending = pick // until the command has resolved the answer
		dir, clock, id := p.dir, p.clock(), pick.id
		return p, func() tea.Msg {
			until, err := resolveSnooze(res, clock(), textfmt.Zone(dir.Timezone()))
			return bulkSnoozeMsg{pick: id, until: until, err: err}
		}
	case kindTags:
		attach, _, create := tagChanges(res, p.triage.tags)
		if create == "" {
			return p.startBulkTags(v, attach)
		}
		pick.kind, pick.newTag, pick.attach = kindNewTag, create, attach
		p.bulk.pending = pick
		return p, shared.Push(confirm.New(confirm.Options{
			ID: pick.id, Question: "Create tag “" + create + "”?", Styles: p.ctx.Styles, Keys: p.ctx.Keys,
		}))
	}
	return p, nil
}

// startBulkTags attaches the tags to the selection of v.
func (p Pane) startBulkTags(v *inboxView, tags []models.Tag) (Pane, tea.Cmd) {
	if len(tags) == 0 {
		return p, nil
	}
	actions := make([]Action, len(tags))
	for i, t := range tags {
		actions[i] = Action{Kind: ActTag, Tag: t}
	}
	return p.startBulk(v, actions...)
}

func (p Pane) bulkSnoozeResolved(msg bulkSnoozeMsg) (Pane, tea.Cmd) {
	pick := p.takePick(msg.pick)
	if pick == nil {
		return p, nil
	}
	if msg.err != nil {
		return p, shared.ErrorToast("Couldn't snooze: "+sanitize.Line(msg.err.Error()), nil)
	}
	v := p.pickView(pick)
	if v == nil {
		return p, nil
	}
	return p.startBulk(v, Action{Kind: ActSnooze, Until: msg.until})
}

// bulkConfirmed creates the new tag when the agent said yes; either way the tags checked
// in the picker are attached (after the new one is made).
func (p Pane) bulkConfirmed(res confirm.Result) (Pane, tea.Cmd) {
	pick := p.takePick(res.ID)
	if pick == nil || pick.kind != kindNewTag {
		return p, nil
	}
	v := p.pickView(pick)
	if v == nil {
		return p, nil
	}
	if !res.Yes {
		return p.startBulkTags(v, pick.attach)
	}
	p.bulk.pending = pick // until the tag is made
	req, id := p.seq.Next(), pick.id
	return p, createTagCmd(p.ctx.WS, req, pick.newTag, func(ans shared.Loaded[*models.Tag]) tea.Msg {
		return bulkTagCreatedMsg{Loaded: ans, pick: id}
	})
}

func (p Pane) bulkTagCreated(msg bulkTagCreatedMsg) (Pane, tea.Cmd) {
	pick := p.takePick(msg.pick)
	if pick == nil {
		return p, nil
	}
	tag, toast, ok := p.keepCreatedTag(msg.Loaded, pick.newTag)
	if !ok {
		return p, toast
	}
	v := p.pickView(pick)
	if v == nil {
		return p, nil
	}
	return p.startBulkTags(v, append(slices.Clip(pick.attach), tag))
}

// bulkTagsLoaded keeps the workspace's tags (for triage too) and opens the picker that
// waited for them, if the selection is still there.
func (p Pane) bulkTagsLoaded(msg bulkTagsMsg) (Pane, tea.Cmd) {
	pick := p.bulk.pending
	if pick == nil || pick.id != msg.pick || pick.tagsReq != msg.Req {
		return p, nil // superseded
	}
	pick.tagsReq = 0
	if msg.Err != nil {
		p.bulk.pending = nil
		view := pick.view
		retry := func() tea.Msg { return bulkRetryTagsMsg{view: view} }
		return p, shared.ErrorToast("Couldn't load the workspace's tags: "+api.Short(msg.Err), retry)
	}
	if p.triage.tags == nil { // a triage load may have kept them meanwhile
		p.triage.tags = workspaceTags(msg.Value)
	}
	if v := p.activeView(); v == nil || v.def.key != pick.view || p.pickView(pick) == nil {
		p.bulk.pending = nil // the agent moved on meanwhile
		return p, nil
	}
	return p, shared.Push(tagsPicker(&p, pick.id, p.triage.tags, nil))
}
