package api

import (
	"context"
	"net/http"
	"net/url"

	"github.com/intercom-tui/intercom-tui/models"
)

// Me is the signed-in admin and its workspace: GET /me. Its ID is the admin_id of
// every write the TUI makes.
func (c *Client) Me(ctx context.Context) (*models.Me, error) {
	var out models.Me
	if err := c.do(ctx, getRequest("/me", nil), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Admins lists the workspace's teammates: GET /admins (not paged).
func (c *Client) Admins(ctx context.Context) ([]models.Admin, error) {
	var out models.AdminList
	if err := c.do(ctx, getRequest("/admins", nil), &out); err != nil {
		return nil, err
	}
	return out.Admins, nil
}

// Admin is one teammate: GET /admins/{id}.
func (c *Client) Admin(ctx context.Context, id string) (*models.Admin, error) {
	if err := required("admin id", id); err != nil {
		return nil, err
	}
	var out models.Admin
	if err := c.do(ctx, getRequest(pathf("/admins/%s", id), nil), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Teams lists the workspace's teams: GET /teams (not paged).
func (c *Client) Teams(ctx context.Context) ([]models.Team, error) {
	var out models.TeamList
	if err := c.do(ctx, getRequest("/teams", nil), &out); err != nil {
		return nil, err
	}
	return out.Teams, nil
}

// Team is one team: GET /teams/{id}.
func (c *Client) Team(ctx context.Context, id string) (*models.Team, error) {
	if err := required("team id", id); err != nil {
		return nil, err
	}
	var out models.Team
	if err := c.do(ctx, getRequest(pathf("/teams/%s", id), nil), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Tags lists the workspace's tags: GET /tags (not paged).
func (c *Client) Tags(ctx context.Context) ([]models.Tag, error) {
	var out models.DataTagList
	if err := c.do(ctx, getRequest("/tags", nil), &out); err != nil {
		return nil, err
	}
	return out.Data, nil
}

// CreateTag creates a tag, or returns the existing one of that name (Intercom compares
// names case-insensitively): POST /tags {name}. Of the endpoint's five uses (create,
// rename, tag companies, untag companies, tag users) only creation is offered.
func (c *Client) CreateTag(ctx context.Context, name string) (*models.Tag, error) {
	if err := required("tag name", name); err != nil {
		return nil, err
	}
	body := struct {
		Name string `json:"name"`
	}{name}
	var out models.Tag
	if err := c.do(ctx, writeRequest(http.MethodPost, "/tags", body), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Segments lists the workspace's segments with their contact counts:
// GET /segments?include_count=true.
func (c *Client) Segments(ctx context.Context) ([]models.Segment, error) {
	var out models.SegmentList
	q := url.Values{"include_count": {"true"}}
	if err := c.do(ctx, getRequest("/segments", q), &out); err != nil {
		return nil, err
	}
	return out.All(), nil
}
