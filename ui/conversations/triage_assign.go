package conversations

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/components/picker"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// Item IDs of the assign picker: "admin:<id>", "team:<id>", and unassignItem.
const unassignItem = "unassign"

// assignPicker is the assign overlay under the opaque id: "Me (name)" first, then the
// teams and the other admins in the directory's order, "Unassign" last. cur, when given,
// marks its current admin and team ("assigned"); the bulk layer passes nil. Its answer
// is a picker.Result with that id; assignChoice reads it.
func assignPicker(p *Pane, id string, cur *models.Conversation) shared.Overlay {
	dir := p.dir
	var admin, team int64
	title := "Assign"
	if cur != nil {
		admin, team = int64(cur.AdminAssigneeID), int64(cur.TeamAssigneeID)
		title = convTitle("Assign", cur)
	}
	mark := func(kind string, current bool) string {
		if current {
			return kind + " · assigned"
		}
		return kind
	}
	me := dir.Me
	items := []picker.Item{{
		ID: "admin:" + string(me.ID), Label: "Me (" + sanitize.Line(me.Name) + ")",
		Detail: mark("admin", admin != 0 && admin == dir.MeID()), Pin: picker.PinTop,
	}}
	for _, t := range dir.Teams {
		items = append(items, picker.Item{ID: "team:" + string(t.ID), Label: t.Name,
			Detail: mark("team", team != 0 && team == threadID(t.ID))})
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
			Detail: mark(kind, admin != 0 && admin == threadID(a.ID))})
	}
	items = append(items, picker.Item{ID: unassignItem, Label: "Unassign", Detail: "no admin", Pin: picker.PinBottom})
	return picker.New(picker.Options{
		ID: id, Title: title, Placeholder: "type a teammate's or a team's name", Items: items,
		Empty: "No teammate or team matches", Styles: p.ctx.Styles, Keys: p.ctx.Keys,
	})
}

// assignChoice is who an assign picker's answer assigns to: an admin, a team, or
// api.UnassignAdmin (assignee_id "0" for the admin; the team stays).
func assignChoice(res picker.Result) (api.Assignee, bool) {
	if res.Cancelled || len(res.Chosen) != 1 {
		return api.Assignee{}, false
	}
	id := res.Chosen[0].ID
	if id == unassignItem {
		return api.UnassignAdmin, true
	}
	if n, ok := strings.CutPrefix(id, "admin:"); ok {
		return api.AssignAdmin(n), true
	}
	if n, ok := strings.CutPrefix(id, "team:"); ok {
		return api.AssignTeam(n), true
	}
	return api.Assignee{}, false
}

// assignChosen assigns the conversation, unless it is so assigned already.
func (p *Pane) assignChosen(convID string, res picker.Result) tea.Cmd {
	to, ok := assignChoice(res)
	if !ok {
		return nil
	}
	if c, found := p.conversation(convID); found {
		current := int64(c.AdminAssigneeID)
		if to.Type == "team" {
			current = int64(c.TeamAssigneeID)
		}
		if threadID(models.ID(to.ID)) == current {
			what := "assigned to " + assigneeName(to, p.dir)
			if current == 0 {
				what = "assigned to no admin"
			}
			return shared.Toast("#" + sanitize.Line(convID) + " is already " + what)
		}
	}
	return p.do(convID, Action{Kind: ActAssign, Assignee: to}, 0)
}
