package tickets

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/picker"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// Actions from the keyboard, on target(): the detail's ticket when it has focus or is
// shown beside the list, else the row under the cursor.
//
//	S  state: a picker of in_progress, waiting_on_customer and resolved (a ticket never
//	   goes back to submitted)
//	a  assign: a picker over me (first), the teams, the admins and "Unassign" (last)
//	N  note: the composer, on the ticket's draft (compose.go)
//	u  the first contact's profile, in the contacts pane
//	i  open a ticket by id (openid.go)
//
// Pickers are overlays; their answers (picker.Result) come back through the root, which
// gives every pane every message: this pane claims only IDs that start with pickerPrefix.

const pickerPrefix = "tickets:"

// Kinds of pickers, the middle part of their IDs.
const (
	kindState  = "state"
	kindAssign = "assign"
)

// unassignItem is the assign picker's "Unassign" row.
const unassignItem = "unassign"

// writableStates are the states PUT /tickets/{id} takes.
var writableStates = []string{models.TicketInProgress, models.TicketWaitingOnCustomer, models.TicketResolved}

func pickerID(kind, ticketID string) string { return pickerPrefix + kind + ":" + ticketID }

func parsePickerID(id string) (kind, ticketID string, ok bool) {
	rest, ok := strings.CutPrefix(id, pickerPrefix)
	if !ok {
		return "", "", false
	}
	return strings.Cut(rest, ":")
}

// actionKey handles the action keys; others are left to the list or the detail.
func (p Pane) actionKey(msg tea.KeyPressMsg) (Pane, tea.Cmd, bool) {
	k := p.ctx.Keys
	if key.Matches(msg, k.OpenByID) {
		next, cmd := p.openByID()
		return next, cmd, true
	}
	if !key.Matches(msg, k.TicketState, k.Assign, k.Note, k.Profile) {
		return p, nil, false
	}
	if p.dir == nil {
		return p, shared.ErrorToast("Not signed in yet: wait for the workspace to load", nil), true
	}
	t, ok := p.target()
	if !ok {
		return p, nil, true // nothing shown: nothing to act on
	}
	id := string(t.ID)
	switch {
	case key.Matches(msg, k.TicketState):
		cmd := shared.Push(p.statePicker(&t))
		return p, cmd, true
	case key.Matches(msg, k.Assign):
		cmd := shared.Push(p.assignPicker(&t))
		return p, cmd, true
	case key.Matches(msg, k.Note):
		next, cmd := p.openComposer(id)
		return next, cmd, true
	}
	if t.Contacts == nil || len(t.Contacts.Contacts) == 0 {
		return p, shared.ErrorToast("Ticket "+ticketNumber(&t)+" has no contact to show", nil), true
	}
	contact := string(t.Contacts.Contacts[0].ID)
	return p, func() tea.Msg { return shared.OpenContactMsg{ID: contact} }, true
}

// pickerTitle is an overlay's title: "Move ticket #12 · Duplicate charge".
func pickerTitle(verb string, t *models.Ticket) string {
	return verb + " ticket " + ticketNumber(t) + " · " + ticketTitle(t)
}

// statePicker offers the states a ticket can be moved to, the current one marked.
func (p *Pane) statePicker(t *models.Ticket) shared.Overlay {
	items := make([]picker.Item, 0, len(writableStates))
	for _, s := range writableStates {
		label := capitalize(humanState(s))
		if l := p.labelsFor(s); l.external != "" && l.external != label {
			label += " (“" + l.external + "”)" // what customers will see
		}
		detail := ""
		if s == t.TicketState {
			detail = "current"
		}
		items = append(items, picker.Item{ID: s, Label: label, Detail: detail})
	}
	return picker.New(picker.Options{
		ID: pickerID(kindState, string(t.ID)), Title: pickerTitle("Move", t), Placeholder: "type a state",
		Items: items, Empty: "No such state", Styles: p.ctx.Styles, Keys: p.ctx.Keys,
	})
}

// assignPicker is me first, then the teams and the other admins in the directory's
// order, "Unassign" last; the current admin and team are marked.
func (p *Pane) assignPicker(t *models.Ticket) shared.Overlay {
	dir := p.dir
	mark := func(kind string, current bool) string {
		if current {
			return kind + " · assigned"
		}
		return kind
	}
	me := dir.Me
	items := []picker.Item{{
		ID: "admin:" + string(me.ID), Label: "Me (" + textfmt.Line(me.Name) + ")",
		Detail: mark("admin", t.AdminAssigneeID == me.ID), Pin: picker.PinTop,
	}}
	for _, tm := range dir.Teams {
		items = append(items, picker.Item{ID: "team:" + string(tm.ID), Label: tm.Name,
			Detail: mark("team", t.TeamAssigneeID == tm.ID)})
	}
	for _, a := range dir.Admins {
		if a.ID == me.ID {
			continue
		}
		kind := "admin"
		if a.AwayModeEnabled {
			kind = "admin, away"
		}
		items = append(items, picker.Item{ID: "admin:" + string(a.ID), Label: a.Name,
			Detail: mark(kind, t.AdminAssigneeID == a.ID)})
	}
	items = append(items, picker.Item{ID: unassignItem, Label: "Unassign", Detail: "no admin", Pin: picker.PinBottom})
	return picker.New(picker.Options{
		ID: pickerID(kindAssign, string(t.ID)), Title: pickerTitle("Assign", t),
		Placeholder: "type a teammate's or a team's name", Items: items,
		Empty: "No teammate or team matches", Styles: p.ctx.Styles, Keys: p.ctx.Keys,
	})
}

// pickerMsg acts on what one of this pane's pickers answered.
func (p Pane) pickerMsg(msg tea.Msg) (Pane, tea.Cmd, bool) {
	res, ok := msg.(picker.Result)
	if !ok {
		return p, nil, false
	}
	kind, id, ok := parsePickerID(res.ID)
	if !ok {
		return p, nil, false
	}
	if res.Cancelled || len(res.Chosen) != 1 {
		return p, nil, true
	}
	t, found := p.ticket(id)
	if !found {
		return p, shared.ErrorToast("That ticket is no longer shown: nothing was changed", nil), true
	}
	choice := res.Chosen[0].ID
	switch kind {
	case kindState:
		if choice == t.TicketState {
			return p, shared.Toast("Ticket " + ticketNumber(&t) + " is already " + humanState(choice)), true
		}
		cmd := p.do(id, Action{Kind: ActState, State: choice})
		return p, cmd, true
	case kindAssign:
		to, ok := assigneeOf(choice)
		if !ok {
			return p, nil, true
		}
		current := t.AdminAssigneeID
		if to.Kind == "team" {
			current = t.TeamAssigneeID
		}
		if current == models.ID(to.ID) || (to.ID == "0" && unassigned(current)) {
			what := "already assigned to " + to.name(p.dir)
			if to.ID == "0" {
				what = "already without an admin"
			}
			return p, shared.Toast("Ticket " + ticketNumber(&t) + " is " + what), true
		}
		cmd := p.do(id, Action{Kind: ActAssign, Assignee: to})
		return p, cmd, true
	}
	return p, nil, true
}

// assigneeOf reads an assign picker's item id.
func assigneeOf(item string) (Assignee, bool) {
	if item == unassignItem {
		return Assignee{Kind: "admin", ID: "0"}, true
	}
	if n, ok := strings.CutPrefix(item, "admin:"); ok && n != "" {
		return Assignee{Kind: "admin", ID: n}, true
	}
	if n, ok := strings.CutPrefix(item, "team:"); ok && n != "" {
		return Assignee{Kind: "team", ID: n}, true
	}
	return Assignee{}, false
}
