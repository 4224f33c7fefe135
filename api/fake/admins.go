package fake

import (
	"net/http"
	"strconv"

	"github.com/intercom-tui/intercom-tui/models"
)

// identifyAdmin is GET /me: the admin the token belongs to, with the workspace.
func (ws *Workspace) identifyAdmin(*http.Request) (any, error) {
	return ws.world.Me(), nil
}

// listAdmins is GET /admins.
func (ws *Workspace) listAdmins(*http.Request) (any, error) {
	return models.AdminList{Type: "admin.list", Admins: ws.admins}, nil
}

// retrieveAdmin is GET /admins/{id}.
func (ws *Workspace) retrieveAdmin(r *http.Request) (any, error) {
	return ws.admin(r.PathValue("id"))
}

// listTeams is GET /teams.
func (ws *Workspace) listTeams(*http.Request) (any, error) {
	return models.TeamList{Type: "team.list", Teams: ws.teams}, nil
}

// retrieveTeam is GET /teams/{id}.
func (ws *Workspace) retrieveTeam(r *http.Request) (any, error) {
	t, ok := byID(ws.teams, func(t models.Team) models.ID { return t.ID }, r.PathValue("id"))
	if !ok {
		return nil, &apiError{status: http.StatusNotFound, code: codeTeamNotFound, msg: "Team not found"}
	}
	return t, nil
}

// listSegments is GET /segments; counts only with ?include_count=true.
func (ws *Workspace) listSegments(r *http.Request) (any, error) {
	segs := ws.world.Segments()
	if r.URL.Query().Get("include_count") != "true" {
		for k := range segs {
			segs[k].Count = nil
		}
	}
	return models.SegmentList{Type: "segment.list", Segments: segs}, nil
}

// admin finds an admin by id, or answers the spec's admin_not_found.
func (ws *Workspace) admin(id string) (models.Admin, error) {
	a, ok := byID(ws.admins, func(a models.Admin) models.ID { return a.ID }, id)
	if !ok {
		return a, &apiError{status: http.StatusNotFound, code: codeAdminNotFound, msg: "Admin not found", field: "admin_id"}
	}
	return a, nil
}

// assigneeExists reports whether an admin or a team (by typ) has the id.
func (ws *Workspace) assigneeExists(typ, id string) bool {
	if typ == "team" {
		_, ok := byID(ws.teams, func(t models.Team) models.ID { return t.ID }, id)
		return ok
	}
	_, ok := byID(ws.admins, func(a models.Admin) models.ID { return a.ID }, id)
	return ok
}

// parseID reads a numeric id; 0 if it is not one.
func parseID(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}

// firstNewID starts the ids of parts and notes clients create, above every seeded id
// (seeded conversation parts stay below 6e10).
const firstNewID = 100_000_000_000

// newID is the next id for a created part or note: numeric, like Intercom's. The caller
// holds ws.mu for writing.
func (ws *Workspace) newID() models.ID {
	ws.lastID++
	return models.ID(strconv.FormatInt(firstNewID+ws.lastID, 10))
}

// now is the clock's time in unix seconds: every timestamp the workspace writes.
func (ws *Workspace) now() int64 { return ws.clock.Now().Unix() }
