// Package workspace is one Intercom workspace as the UI sees it: the api client, what
// it is called and where it lives, and the directory of who works there (the signed-in
// admin, admins, teams), loaded once at start.
package workspace

import (
	"context"
	"fmt"
	"strconv"

	"golang.org/x/sync/errgroup"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/sanitize"
)

// Workspace is the connection to one workspace. It is shared read-only by the UI.
type Workspace struct {
	API    *api.Client
	Demo   bool   // the built-in fake workspace
	Region string // us, eu or au, as configured
}

// New wraps a client.
func New(client *api.Client, demo bool) *Workspace {
	return &Workspace{API: client, Demo: demo, Region: string(client.Region())}
}

// Directory is who works in the workspace. Strings are sanitized on load.
type Directory struct {
	Me     models.Me
	Admins []models.Admin
	Teams  []models.Team

	adminNames map[int64]string
	teamNames  map[int64]string
}

// LoadDirectory fetches /me, /admins and /teams together. It is called from a command.
func (w *Workspace) LoadDirectory(ctx context.Context) (*Directory, error) {
	d := &Directory{}
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		me, err := w.API.Me(gctx)
		if err != nil {
			return fmt.Errorf("signing in: %w", err)
		}
		d.Me = *me
		return nil
	})
	g.Go(func() error {
		admins, err := w.API.Admins(gctx)
		if err != nil {
			return fmt.Errorf("loading admins: %w", err)
		}
		d.Admins = admins
		return nil
	})
	g.Go(func() error {
		teams, err := w.API.Teams(gctx)
		if err != nil {
			return fmt.Errorf("loading teams: %w", err)
		}
		d.Teams = teams
		return nil
	})
	if err := g.Wait(); err != nil {
		return nil, err
	}
	d.index()
	return d, nil
}

// NewDirectory builds a directory from values (tests, and the offline store later).
func NewDirectory(me models.Me, admins []models.Admin, teams []models.Team) *Directory {
	d := &Directory{Me: me, Admins: admins, Teams: teams}
	d.index()
	return d
}

func (d *Directory) index() {
	d.Me.Name = sanitize.Line(d.Me.Name)
	d.Me.Email = sanitize.Line(d.Me.Email)
	if d.Me.App != nil {
		d.Me.App.Name = sanitize.Line(d.Me.App.Name)
	}
	d.adminNames = make(map[int64]string, len(d.Admins))
	for i := range d.Admins {
		d.Admins[i].Name = sanitize.Line(d.Admins[i].Name)
		d.Admins[i].Email = sanitize.Line(d.Admins[i].Email)
		d.adminNames[id(d.Admins[i].ID)] = d.Admins[i].Name
	}
	d.teamNames = make(map[int64]string, len(d.Teams))
	for i := range d.Teams {
		d.Teams[i].Name = sanitize.Line(d.Teams[i].Name)
		d.teamNames[id(d.Teams[i].ID)] = d.Teams[i].Name
	}
}

func id(s models.ID) int64 {
	n, _ := strconv.ParseInt(string(s), 10, 64)
	return n
}

// MeID is the signed-in admin's id as a number (conversation assignee ids are integers).
func (d *Directory) MeID() int64 { return id(d.Me.ID) }

// AdminName is an admin's name, or "" when unknown.
func (d *Directory) AdminName(adminID int64) string { return d.adminNames[adminID] }

// TeamName is a team's name, or "" when unknown.
func (d *Directory) TeamName(teamID int64) string { return d.teamNames[teamID] }

// MyTeams are the signed-in admin's teams, in the order of /teams.
func (d *Directory) MyTeams() []models.Team {
	mine := map[int64]bool{}
	for _, t := range d.Me.TeamIDs {
		mine[t] = true
	}
	var out []models.Team
	for _, t := range d.Teams {
		if mine[id(t.ID)] {
			out = append(out, t)
		}
	}
	return out
}

// WorkspaceName is the app's name, or "" before /me answered.
func (d *Directory) WorkspaceName() string {
	if d == nil || d.Me.App == nil {
		return ""
	}
	return d.Me.App.Name
}

// Timezone is the workspace's time zone name (the app's, from /me), or "" when unknown.
// Loading it reads the zone database, so callers do that in commands (textfmt.Zone).
func (d *Directory) Timezone() string {
	if d == nil || d.Me.App == nil {
		return ""
	}
	return d.Me.App.Timezone
}
