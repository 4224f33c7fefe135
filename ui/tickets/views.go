package tickets

import (
	"strings"

	"github.com/intercom-tui/intercom-tui/api/query"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// viewDef is one tickets view: a named ticket search (POST /tickets/search, 2.10). The
// three fixed views come first; one per ticket type follows once the types have loaded.
type viewDef struct {
	key   string // stable: answers name their view by it ("open", "type:41")
	name  string // shown in the view bar, sanitized
	query models.Query
	empty string // the empty state
}

// Keys of the fixed views.
const (
	viewOpen     = "open"
	viewMine     = "mine"
	viewResolved = "resolved"
	typePrefix   = "type:"
)

// openStates are the states of a ticket someone still has to work on.
var openStates = []string{models.TicketSubmitted, models.TicketInProgress, models.TicketWaitingOnCustomer}

// openQuery is state IN (submitted, in_progress, waiting_on_customer). The `open` flag is
// not used: the 2.10 field table lists it, but 2.9's ticket model has no such field, so
// what it means for a waiting ticket is not written down anywhere.
func openQuery() models.Query { return query.Field("state").In(openStates) }

// fixedViews are Open, Mine (open and assigned to the signed-in admin) and Resolved.
// Ticket assignee ids are strings in search, unlike conversations'.
func fixedViews(dir *workspace.Directory) []viewDef {
	me := ""
	if dir != nil {
		me = string(dir.Me.ID)
	}
	return []viewDef{
		{key: viewOpen, name: "Open", query: openQuery(), empty: "No open tickets"},
		{key: viewMine, name: "Mine", query: query.And(openQuery(), query.Field("admin_assignee_id").Eq(me)),
			empty: "No open ticket is assigned to you"},
		{key: viewResolved, name: "Resolved", query: query.Field("state").Eq(models.TicketResolved), empty: "No resolved tickets"},
	}
}

// typeViews are one view per ticket type (ticket_type_id = id, every state), in the
// order of GET /ticket_types. Archived types take no new tickets and are left out.
func typeViews(types []models.TicketType) []viewDef {
	var out []viewDef
	for i := range types {
		tt := &types[i]
		if tt.Archived || tt.ID == "" {
			continue
		}
		name := strings.TrimRight(typeIcon(tt), " ") + " " + typeName(tt)
		out = append(out, viewDef{
			key:   typePrefix + string(tt.ID),
			name:  name,
			query: query.Field("ticket_type_id").Eq(string(tt.ID)),
			empty: "No tickets of type " + typeName(tt),
		})
	}
	return out
}
