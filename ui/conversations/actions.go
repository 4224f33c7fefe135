package conversations

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// ActionKind is a kind of write on a conversation.
type ActionKind int

// The writes triage makes, each one API call as the signed-in admin.
const (
	ActReply    ActionKind = iota + 1 // POST /conversations/{id}/reply, comment
	ActNote                           // POST /conversations/{id}/reply, note
	ActClose                          // POST /conversations/{id}/parts, close (optional note)
	ActSnooze                         // POST /conversations/{id}/parts, snoozed
	ActOpen                           // POST /conversations/{id}/parts, open
	ActAssign                         // POST /conversations/{id}/parts, assignment
	ActTag                            // POST /conversations/{id}/tags
	ActUntag                          // DELETE /conversations/{id}/tags/{tag_id}
	ActMarkRead                       // PUT /conversations/{id} {read:true}
)

// writeTimeout bounds one write. A write is never retried automatically (the api client
// refuses to), so a timeout is reported and the user decides.
const writeTimeout = 30 * time.Second

// Action is one write and what it needs.
type Action struct {
	Kind     ActionKind
	Body     string       // HTML: the reply, the note, a closing or assignment note
	Until    time.Time    // snooze until
	Assignee api.Assignee // assign; api.UnassignAdmin to unassign
	Tag      models.Tag   // tag, untag
	// Retry is what the retry key does on the toast if the write fails (e.g. reopen the
	// composer on the kept draft); nil for none. Nothing is ever re-sent by itself.
	Retry tea.Cmd
}

// Label says what the action does, for toasts and results: "close", "snooze until
// Fri 27 Nov 09:00", "assign to Billing".
func (a Action) Label(dir *workspace.Directory, loc *time.Location) string {
	switch a.Kind {
	case ActReply:
		return "reply"
	case ActNote:
		return "add a note"
	case ActClose:
		return "close"
	case ActSnooze:
		if loc == nil {
			loc = time.UTC
		}
		return "snooze until " + a.Until.In(loc).Format("Mon 2 Jan 15:04")
	case ActOpen:
		return "reopen"
	case ActAssign:
		return "assign to " + assigneeName(a.Assignee, dir)
	case ActTag:
		return "tag " + sanitize.Line(a.Tag.Name)
	case ActUntag:
		return "untag " + sanitize.Line(a.Tag.Name)
	case ActMarkRead:
		return "mark read"
	}
	return "change"
}

func assigneeName(to api.Assignee, dir *workspace.Directory) string {
	if to.ID == "" || to.ID == "0" {
		return "nobody"
	}
	id, _ := strconv.ParseInt(to.ID, 10, 64)
	name := ""
	if dir != nil {
		if to.Type == "team" {
			name = dir.TeamName(id)
		} else {
			name = dir.AdminName(id)
		}
	}
	if name == "" {
		name = to.Type + " " + to.ID
	}
	return name
}

// optimistic is c as it will be once the server has applied a: what the list and the
// thread show at once, until the server's answer replaces it.
func (a Action) optimistic(c models.Conversation, me models.Me, now time.Time, req uint64) models.Conversation {
	unix := now.Unix()
	updated := c.UpdatedAt
	c.UpdatedAt = unix
	author := models.Author{Type: "admin", ID: me.ID, Name: models.NullString(me.Name), Email: me.Email}
	event := func(partType, body string) {
		parts := models.PartList{Type: "conversation_part.list"}
		if c.ConversationParts != nil {
			parts = *c.ConversationParts
			parts.ConversationParts = append([]models.Part(nil), parts.ConversationParts...)
		}
		parts.ConversationParts = append(parts.ConversationParts, models.Part{
			Type: "conversation_part", ID: models.ID(fmt.Sprintf("pending-%d", req)), PartType: partType,
			Body: models.NullString(body), CreatedAt: unix, UpdatedAt: unix, Author: author,
		})
		parts.TotalCount = len(parts.ConversationParts)
		c.ConversationParts = &parts
	}
	switch a.Kind {
	case ActReply:
		event(models.MessageComment, a.Body)
		c.WaitingSince = 0
	case ActNote:
		event(models.MessageNote, a.Body)
	case ActClose:
		c.State, c.Open, c.SnoozedUntil, c.WaitingSince = models.StateClosed, false, 0, 0
		event("close", a.Body)
	case ActSnooze:
		c.State, c.Open, c.SnoozedUntil = models.StateSnoozed, true, models.NullInt(a.Until.Unix())
		event("snoozed", "")
	case ActOpen:
		c.State, c.Open, c.SnoozedUntil = models.StateOpen, true, 0
		event("open", "")
	case ActAssign:
		id, _ := strconv.ParseInt(a.Assignee.ID, 10, 64)
		if a.Assignee.Type == "team" {
			c.TeamAssigneeID = models.NullInt(id)
		} else {
			c.AdminAssigneeID = models.NullInt(id)
		}
		event("assignment", a.Body)
	case ActTag:
		c.Tags = withTag(c.Tags, a.Tag, true)
	case ActUntag:
		c.Tags = withTag(c.Tags, a.Tag, false)
	case ActMarkRead:
		c.Read = true
		c.UpdatedAt = updated // marking read is not activity (the row redraws: unread is in its cache key)
	}
	return c
}

func withTag(list *models.TagList, tag models.Tag, on bool) *models.TagList {
	out := &models.TagList{Type: "tag.list"}
	if list != nil {
		for _, t := range list.Tags {
			if t.ID != tag.ID {
				out.Tags = append(out.Tags, t)
			}
		}
	}
	if on {
		out.Tags = append(out.Tags, tag)
	}
	return out
}

// send makes the write and returns the conversation as the server now has it. Tag
// writes answer with the tag, so the conversation is read back (a read, safely retried).
func (a Action) send(ctx context.Context, client *api.Client, id, adminID string) (*models.Conversation, error) {
	switch a.Kind {
	case ActReply:
		return client.Reply(ctx, id, adminID, a.Body)
	case ActNote:
		return client.Note(ctx, id, adminID, a.Body)
	case ActClose:
		return client.Close(ctx, id, adminID, a.Body)
	case ActSnooze:
		return client.Snooze(ctx, id, adminID, a.Until)
	case ActOpen:
		return client.Open(ctx, id, adminID)
	case ActAssign:
		return client.Assign(ctx, id, adminID, a.Assignee, a.Body)
	case ActTag, ActUntag:
		var err error
		if a.Kind == ActTag {
			_, err = client.AttachTag(ctx, id, string(a.Tag.ID), adminID)
		} else {
			_, err = client.DetachTag(ctx, id, string(a.Tag.ID), adminID)
		}
		if err != nil {
			return nil, err
		}
		return client.Conversation(ctx, id)
	case ActMarkRead:
		return client.MarkRead(ctx, id)
	}
	return nil, fmt.Errorf("unknown action %d", a.Kind)
}

// WriteDoneMsg answers one write: the conversation as the server now has it, or why the
// write failed. Batch names the bulk run it belongs to (0 for a single action).
type WriteDoneMsg struct {
	shared.Loaded[*models.Conversation]
	ConvID string
	Action Action
	Batch  uint64
}

// pendingWrite is a write in flight: what to roll back to if the server refuses it.
type pendingWrite struct {
	convID string
	before models.Conversation
	action Action
	batch  uint64
}

// write applies a to conv at once (optimistically, in the list and the thread) and
// sends it. now is the caller's reading of the clock, taken in a command.
func (p Pane) write(conv models.Conversation, a Action, batch uint64, now time.Time) (Pane, tea.Cmd) {
	if p.dir == nil {
		if batch != 0 { // a bulk run waits for an answer to every write it started
			fail := WriteDoneMsg{ConvID: string(conv.ID), Action: a, Batch: batch}
			fail.Err = errors.New("not signed in yet")
			return p, func() tea.Msg { return fail }
		}
		return p, shared.ErrorToast("Not signed in yet: wait for the workspace to load", nil)
	}
	req := p.seq.Next()
	if p.writes == nil {
		p.writes = map[uint64]pendingWrite{}
	}
	p.writes[req] = pendingWrite{convID: string(conv.ID), before: conv, action: a, batch: batch}
	if p.ctx.Offline { // refused: nothing changes, nothing is sent, every layer hears why
		fail := WriteDoneMsg{ConvID: string(conv.ID), Action: a, Batch: batch}
		fail.Req, fail.Err = req, shared.ErrOffline
		return p, func() tea.Msg { return fail }
	}
	after := a.optimistic(conv, p.dir.Me, now, req)
	p, cmd := p.replaceConversation(after)
	client, id, admin := p.ctx.WS.API, string(conv.ID), string(p.dir.Me.ID)
	send := func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), writeTimeout)
		defer cancel()
		c, err := a.send(ctx, client, id, admin)
		msg := WriteDoneMsg{ConvID: id, Action: a, Batch: batch}
		msg.Req, msg.Value, msg.Err = req, c, err
		return msg
	}
	return p, tea.Batch(cmd, send)
}

// writeDone applies the server's answer, or rolls the optimistic change back and says
// what failed.
func (p Pane) writeDone(msg WriteDoneMsg) (Pane, tea.Cmd) {
	pw, ok := p.writes[msg.Req]
	if !ok {
		return p, nil
	}
	delete(p.writes, msg.Req)
	if msg.Err != nil {
		var cmd tea.Cmd
		if !p.writingTo(pw.convID) {
			p, cmd = p.replaceConversation(pw.before)
		}
		if msg.Batch != 0 {
			return p, cmd // the bulk report lists each failure
		}
		text := fmt.Sprintf("Couldn't %s #%s: %s", msg.Action.Label(p.dir, p.zone()), sanitize.Line(pw.convID), api.Short(msg.Err))
		if k := msg.Action.Kind; k == ActReply || k == ActNote {
			if api.Unconfirmed(msg.Err) { // it reached Intercom: sending again could post it twice
				text += ". It may have been sent: check the thread before sending again"
			}
			text += ". The draft is kept"
		}
		if errors.Is(msg.Err, shared.ErrOffline) {
			text = shared.OfflineText
		}
		return p, tea.Batch(cmd, shared.ErrorToast(text, msg.Action.Retry))
	}
	if msg.Value == nil {
		return p, nil
	}
	return p.replaceConversation(*msg.Value)
}

// writingTo reports another write in flight on the conversation: a rollback would undo
// its optimistic change too, so the later answer settles the state instead.
func (p *Pane) writingTo(convID string) bool {
	for _, w := range p.writes {
		if w.convID == convID {
			return true
		}
	}
	return false
}

// replaceConversation shows c wherever the conversation is: its row in every view and
// the thread, if open on it. A list item has no parts; the thread keeps what it shows.
func (p Pane) replaceConversation(c models.Conversation) (Pane, tea.Cmd) {
	id := string(c.ID)
	item := c
	item.ConversationParts = nil
	for _, v := range p.views {
		v.list.replace(id, newConvRow(&item, p.dir))
	}
	if p.thread.ID() != id {
		return p, nil
	}
	full := c
	if full.ConversationParts == nil {
		if cur := p.thread.Conversation(); cur != nil {
			full.ConversationParts = cur.ConversationParts
		}
	}
	var cmd tea.Cmd
	p.thread, cmd = p.thread.Replace(&full)
	return p, cmd
}

// zone is the workspace's time zone, for labels: looked up by a command when the
// directory arrived (no disk reads in Update), else the thread's, else UTC.
func (p *Pane) zone() *time.Location {
	switch {
	case p.loc != nil:
		return p.loc
	case p.thread.loc != nil:
		return p.thread.loc
	}
	return time.UTC
}

// zoneMsg carries the workspace's time zone, loaded in a command.
type zoneMsg struct{ loc *time.Location }

func loadZoneCmd(dir *workspace.Directory) tea.Cmd {
	return func() tea.Msg { return zoneMsg{textfmt.Zone(dir.Timezone())} }
}

// DoMsg asks the pane to make a write. It comes from a command, which has read the
// clock for the optimistic timestamps (Update reads no clock).
type DoMsg struct {
	ConvID string
	Action Action
	Batch  uint64
	Now    time.Time
}

// do returns the command that makes a write on the conversation convID.
func (p *Pane) do(convID string, a Action, batch uint64) tea.Cmd {
	now := p.clock()
	return func() tea.Msg { return DoMsg{ConvID: convID, Action: a, Batch: batch, Now: now()} }
}

// doNow makes the write asked for, on the conversation as it is now (an earlier write
// may have changed it since the key was pressed).
func (p Pane) doNow(msg DoMsg) (Pane, tea.Cmd) {
	c, ok := p.conversation(msg.ConvID)
	if !ok {
		gone := fmt.Errorf("conversation %s is no longer listed", msg.ConvID)
		if msg.Batch != 0 {
			fail := WriteDoneMsg{ConvID: msg.ConvID, Action: msg.Action, Batch: msg.Batch}
			fail.Err = gone
			return p, func() tea.Msg { return fail }
		}
		return p, shared.ErrorToast(fmt.Sprintf("Couldn't %s: %v (refresh with %s)", msg.Action.Label(p.dir, p.zone()), gone, p.ctx.Keys.Refresh.Help().Key), nil)
	}
	return p.write(c, msg.Action, msg.Batch, msg.Now)
}

// conversation is the pane's current copy of a conversation: the thread's (with its
// parts) when open on it, else its row in any view.
func (p *Pane) conversation(id string) (models.Conversation, bool) {
	if c := p.thread.Conversation(); c != nil && string(c.ID) == id {
		return *c, true
	}
	for _, v := range p.views {
		if i, ok := v.list.index[id]; ok && v.list.rows[i].conv != nil {
			return *v.list.rows[i].conv, true
		}
	}
	return models.Conversation{}, false
}
