package tickets

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// The write executor. Every action on a ticket is one API call as the signed-in admin:
// the pane snapshots the ticket, applies the change at once (row and detail), sends it
// exactly once, then shows the server's ticket, or rolls the snapshot back and says what
// failed. Nothing is ever re-sent by itself.

// ActionKind is a kind of write on a ticket.
type ActionKind int

// The writes the pane makes, each one API call as the signed-in admin.
const (
	ActState  ActionKind = iota + 1 // PUT /tickets/{id} {state}
	ActAssign                       // PUT /tickets/{id} {assignment: {admin_id, assignee_id}}
	ActNote                         // POST /tickets/{id}/reply {message_type: note}
)

// writeTimeout bounds one write. A write is never retried automatically (the api client
// refuses to), so a timeout is reported and the agent decides.
const writeTimeout = 30 * time.Second

// Action is one write and what it needs.
type Action struct {
	Kind     ActionKind
	State    string   // ActState: in_progress, waiting_on_customer or resolved
	Assignee Assignee // ActAssign
	Body     string   // ActNote: the HTML body
}

// Assignee is who an assignment gives the ticket to; ID "0" (kind admin) unassigns.
type Assignee struct {
	Kind string // "admin" or "team"
	ID   string
}

// name is the admin's or the team's name.
func (to Assignee) name(dir *workspace.Directory) string {
	if to.Kind == "team" {
		return teamName(models.ID(to.ID), dir)
	}
	return adminName(models.ID(to.ID), dir)
}

// label says what the action does, for toasts: "move ticket #12 to waiting on customer".
func (a Action) label(number string, dir *workspace.Directory) string {
	switch a.Kind {
	case ActState:
		return "move ticket " + number + " to " + humanState(a.State)
	case ActAssign:
		if a.Assignee.ID == "0" || a.Assignee.ID == "" {
			return "unassign ticket " + number
		}
		return "assign ticket " + number + " to " + a.Assignee.name(dir)
	case ActNote:
		return "add a note to ticket " + number
	}
	return "change ticket " + number
}

// optimistic is t as it will be once the server has applied a: what the row and the
// detail show at once, with a pending part in the timeline.
func (a Action) optimistic(t models.Ticket, me models.Me, now time.Time, req uint64, labels stateLabels) models.Ticket {
	unix := now.Unix()
	t.UpdatedAt = unix
	part := models.TicketPart{
		Type: "ticket_part", ID: models.ID(pendingPrefix + strconv.FormatUint(req, 10)), CreatedAt: unix, UpdatedAt: unix,
		Author: models.Author{Type: "admin", ID: me.ID, Name: models.NullString(me.Name), Email: me.Email},
	}
	switch a.Kind {
	case ActState:
		part.PartType, part.PreviousTicketState, part.TicketState = "ticket_state_updated_by_admin", t.TicketState, a.State
		t.TicketState = a.State
		t.TicketStateInternalLabel, t.TicketStateExternalLabel = labels.internal, labels.external
	case ActAssign:
		part.PartType = "assignment"
		switch to := a.Assignee; {
		case to.ID == "0":
			t.AdminAssigneeID = "0"
		case to.Kind == "team":
			t.TeamAssigneeID = models.ID(to.ID)
			part.AssignedTo = &models.Reference{Type: "team", ID: models.ID(to.ID)}
		default:
			t.AdminAssigneeID = models.ID(to.ID)
			part.AssignedTo = &models.Reference{Type: "admin", ID: models.ID(to.ID)}
		}
	case ActNote:
		part.PartType, part.Body = models.MessageNote, models.NullString(a.Body)
	}
	t.TicketParts = withPart(t.TicketParts, part, "")
	return t
}

// withPart is a copy of list with p appended, less the part whose id is drop.
func withPart(list *models.TicketPartList, p models.TicketPart, drop models.ID) *models.TicketPartList {
	out := &models.TicketPartList{Type: "ticket_part.list"}
	if list != nil {
		for _, q := range list.TicketParts {
			if drop == "" || q.ID != drop {
				out.TicketParts = append(out.TicketParts, q)
			}
		}
	}
	out.TicketParts = append(out.TicketParts, p)
	out.TotalCount = len(out.TicketParts)
	return out
}

// send makes the write and returns the ticket as the server now has it. A note answers
// with its part: the ticket is then read back (a read, safely retried); if that read
// fails, the part alone comes back.
func (a Action) send(ctx context.Context, client *api.Client, id, adminID string) (*models.Ticket, *models.TicketPart, error) {
	switch a.Kind {
	case ActState:
		t, err := client.SetTicketState(ctx, id, a.State)
		return t, nil, err
	case ActAssign:
		t, err := client.AssignTicket(ctx, id, adminID, a.Assignee.ID)
		return t, nil, err
	case ActNote:
		part, err := client.TicketNote(ctx, id, adminID, a.Body)
		if err != nil {
			return nil, nil, err
		}
		t, err := client.Ticket(ctx, id)
		if err != nil {
			return nil, part, nil
		}
		return t, part, nil
	}
	return nil, nil, fmt.Errorf("unknown action %d", a.Kind)
}

// doMsg asks the pane to make a write. It comes from a command, which has read the
// clock for the optimistic timestamps (Update reads no clock).
type doMsg struct {
	ticketID string
	action   Action
	now      time.Time
}

// WriteDoneMsg answers one write: the ticket as the server now has it (Value), or the
// note's part alone when reading the ticket back failed (Part), or why the write failed.
type WriteDoneMsg struct {
	shared.Loaded[*models.Ticket]
	TicketID string
	Part     *models.TicketPart
	Action   Action
}

var _ shared.Outcome = WriteDoneMsg{}

// pendingWrite is a write in flight: what to roll back to if the server refuses it.
type pendingWrite struct {
	ticketID string
	before   models.Ticket
	action   Action
}

// do returns the command that makes a write on ticket id.
func (p *Pane) do(id string, a Action) tea.Cmd {
	now := p.clock()
	return func() tea.Msg { return doMsg{ticketID: id, action: a, now: now()} }
}

// doNow makes the write asked for, on the ticket as it is now (an earlier write may have
// changed it since the key was pressed).
func (p Pane) doNow(msg doMsg) (Pane, tea.Cmd) {
	t, ok := p.ticket(msg.ticketID)
	if p.dir == nil || !ok {
		what := msg.action.label("#"+msg.ticketID, p.dir)
		failed := WriteDoneMsg{TicketID: msg.ticketID, Action: msg.action}
		failed.Err = fmt.Errorf("it is no longer shown (refresh with %s)", p.ctx.Keys.Refresh.Help().Key)
		if p.dir == nil {
			failed.Err = fmt.Errorf("not signed in yet")
		}
		return p, tea.Batch(shared.ErrorToast("Couldn't "+what+": "+failed.Err.Error(), nil),
			func() tea.Msg { return failed }) // the composer keeps the draft
	}
	req := p.seq.Next()
	w := maps.Clone(p.writes)
	if w == nil {
		w = map[uint64]pendingWrite{}
	}
	w[req] = pendingWrite{ticketID: msg.ticketID, before: t, action: msg.action}
	p.writes = w
	if p.ctx.Offline { // refused: nothing changes, nothing is sent, the composer hears why
		failed := WriteDoneMsg{TicketID: msg.ticketID, Action: msg.action}
		failed.Req, failed.Err = req, shared.ErrOffline
		return p, func() tea.Msg { return failed }
	}
	after := msg.action.optimistic(t, p.dir.Me, msg.now, req, p.labelsFor(msg.action.State))
	p, cmd := p.replaceTicket(after)
	client, id, admin, a := p.ctx.WS.API, msg.ticketID, string(p.dir.Me.ID), msg.action
	send := func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), writeTimeout)
		defer cancel()
		t, part, err := a.send(ctx, client, id, admin)
		done := WriteDoneMsg{TicketID: id, Part: part, Action: a}
		done.Req, done.Value, done.Err = req, t, err
		return done
	}
	return p, tea.Batch(cmd, send)
}

// writeDone shows the server's answer, or rolls the optimistic change back and says
// what failed.
func (p Pane) writeDone(msg WriteDoneMsg) (Pane, tea.Cmd) {
	pw, ok := p.writes[msg.Req]
	if !ok || msg.Req == 0 {
		return p, nil
	}
	w := maps.Clone(p.writes)
	delete(w, msg.Req)
	p.writes = w
	number := ticketNumber(&pw.before)
	if msg.Err != nil {
		var cmd tea.Cmd
		if !p.writingTo(pw.ticketID) { // a later write's answer settles the state instead
			p, cmd = p.replaceTicket(pw.before)
		}
		text := "Couldn't " + msg.Action.label(number, p.dir) + ": " + errText(msg.Err)
		var retry tea.Cmd
		if msg.Action.Kind == ActNote {
			text += ". The draft is kept"
			id := pw.ticketID
			retry = func() tea.Msg { return noteReopenMsg{ticketID: id} }
		}
		if errors.Is(msg.Err, shared.ErrOffline) {
			text = shared.OfflineText
		}
		return p, tea.Batch(cmd, shared.ErrorToast(text, retry))
	}
	// The ticket may now belong in other views (resolved, assigned to me): they reload
	// when next shown. The active one keeps it where the agent found it.
	for _, v := range p.views {
		if v != p.activeView() {
			v.stale = true
		}
	}
	switch {
	case msg.Value != nil:
		p.learnLabels(msg.Value)
		return p.replaceTicket(*msg.Value)
	case msg.Part != nil:
		if cur, ok := p.ticket(pw.ticketID); ok {
			pending := models.ID(pendingPrefix + strconv.FormatUint(msg.Req, 10))
			cur.TicketParts = withPart(cur.TicketParts, *msg.Part, pending)
			return p.replaceTicket(cur)
		}
	}
	return p, nil
}

// writingTo reports another write in flight on the ticket.
func (p *Pane) writingTo(id string) bool {
	for _, w := range p.writes {
		if w.ticketID == id {
			return true
		}
	}
	return false
}

// replaceTicket shows t wherever the ticket is: its row in every view and the detail,
// if open on it.
func (p Pane) replaceTicket(t models.Ticket) (Pane, tea.Cmd) {
	item := t
	for _, v := range p.views {
		v.list.replace(newTicketRow(&item, p.dir))
	}
	var cmd tea.Cmd
	p.detail, cmd = p.detail.Replace(&t)
	return p, cmd
}

// ticket is the pane's current copy of a ticket: the detail's when open on it, else its
// row in any view.
func (p *Pane) ticket(id string) (models.Ticket, bool) {
	if t := p.detail.Ticket(); t != nil && string(t.ID) == id {
		return *t, true
	}
	for _, v := range p.views {
		if i, ok := v.list.index[id]; ok && v.list.rows[i].t != nil {
			return *v.list.rows[i].t, true
		}
	}
	return models.Ticket{}, false
}

// pendingNote reports the note write in flight on ticket id with that body.
func (p *Pane) pendingNote(id, body string) bool {
	return slices.ContainsFunc(slices.Collect(maps.Values(p.writes)), func(w pendingWrite) bool {
		return w.ticketID == id && w.action.Kind == ActNote && w.action.Body == body
	})
}
