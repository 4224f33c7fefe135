package conversations

import (
	"strconv"
	"strings"

	"github.com/intercom-tui/intercom-tui/api/query"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// viewDef is one inbox view: a named conversation search. The first five are the fixed
// views the View1..View5 keys jump to; the signed-in admin's teams follow.
type viewDef struct {
	key   string // stable: answers name their view by it ("open", "team:123")
	name  string // shown in the view bar
	query models.Query
	empty string // the empty state
}

// Keys of the fixed views.
const (
	viewOpen       = "open"
	viewUnassigned = "unassigned"
	viewMine       = "mine"
	viewSnoozed    = "snoozed"
	viewClosed     = "closed"
)

// openQuery is state = open. The `open` flag is not used: Intercom keeps it true while a
// conversation is snoozed, and snoozed ones have their own view.
func openQuery() models.Query { return query.Field("state").Eq(models.StateOpen) }

// unassignedQuery is open with no admin assignee.
//
// The 2.9 spec types admin_assignee_id as a nullable integer that "will return null"
// when unassigned (while its own example shows 0), and assigning to "0" is how a
// conversation is unassigned. Intercom has since said the API answers 0, not null
// (intercom/Intercom-OpenAPI#458). The spec does not say how search sees it, so the view
// asks for both: `= null` OR `= 0`. Within the nesting limit (AND of an OR is two levels).
func unassignedQuery() models.Query {
	return query.And(openQuery(), query.Or(
		query.Field("admin_assignee_id").IsNull(),
		query.Field("admin_assignee_id").Eq(0),
	))
}

// buildViews lists the views for the signed-in admin: the five fixed ones, then one per
// team of theirs (open conversations assigned to that team).
func buildViews(dir *workspace.Directory) []viewDef {
	views := []viewDef{
		{key: viewOpen, name: "Open", query: openQuery(), empty: "No open conversations: inbox zero"},
		{key: viewUnassigned, name: "Unassigned", query: unassignedQuery(), empty: "No unassigned conversations"},
		{key: viewMine, name: "Mine", empty: "Nothing open is assigned to you"},
		{key: viewSnoozed, name: "Snoozed", query: query.Field("state").Eq(models.StateSnoozed), empty: "No snoozed conversations"},
		{key: viewClosed, name: "Closed", query: query.Field("state").Eq(models.StateClosed), empty: "No closed conversations"},
	}
	var me int64
	if dir != nil {
		me = dir.MeID()
	}
	views[2].query = query.And(openQuery(), query.Field("admin_assignee_id").Eq(me))
	if dir == nil {
		return views
	}
	for _, t := range dir.MyTeams() {
		id, err := strconv.ParseInt(string(t.ID), 10, 64)
		if err != nil {
			continue // team ids are integers in search; a malformed one cannot be searched
		}
		name := strings.TrimSpace(sanitize.Line(t.Name))
		if name == "" {
			name = "Team " + strconv.FormatInt(id, 10)
		}
		views = append(views, viewDef{
			key:   "team:" + strconv.FormatInt(id, 10),
			name:  name,
			query: query.And(openQuery(), query.Field("team_assignee_id").Eq(id)),
			empty: "No open conversations for " + name,
		})
	}
	return views
}

// defaultView is the index of the view keyed name (the config's default_view), else
// the first: an unknown name never stops the inbox from showing.
func defaultView(views []*inboxView, name string) int {
	for i, v := range views {
		if v.def.key == name {
			return i
		}
	}
	return 0
}
