package fake

import (
	"net/http"
	"slices"
	"strings"

	"github.com/intercom-tui/intercom-tui/models"
)

// Tags can be created and renamed (POST /tags), so the workspace's tag list lives under
// ws.mu. A rename is kept as id → name and applied wherever a tag leaves the workspace
// (fixTags), since seeded conversations and contacts carry their tags' seeded names.

// listTags is GET /tags.
func (ws *Workspace) listTags(*http.Request) (any, error) {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	return models.DataTagList{Type: "list", Data: slices.Clone(ws.tags)}, nil
}

// tag finds a workspace tag by id, or answers tag_not_found (DELETE
// /conversations/{id}/tags/{id}'s example). The caller must not hold ws.mu.
func (ws *Workspace) tag(id string) (models.Tag, error) {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	t, ok := byID(ws.tags, func(t models.Tag) models.ID { return t.ID }, id)
	if !ok {
		return t, &apiError{status: http.StatusNotFound, code: codeTagNotFound, msg: "Tag not found", field: "id"}
	}
	return t, nil
}

// fixTags gives renamed tags their current name. The caller holds ws.mu.
func (ws *Workspace) fixTags(tags []models.Tag) []models.Tag {
	if len(ws.renamed) == 0 {
		return tags
	}
	for k := range tags {
		if name, ok := ws.renamed[string(tags[k].ID)]; ok {
			tags[k].Name = name
		}
	}
	return tags
}

// companyTags lays the tag overlay and renames over a company. The caller holds ws.mu.
func (ws *Workspace) companyTags(c *models.Company) {
	i, _ := ws.world.CompanyIndex(string(c.ID))
	if tags, ok := ws.companies[i]; ok {
		c.Tags = &models.TagList{Type: "tag.list", Tags: slices.Clone(tags)}
	}
	if c.Tags != nil {
		c.Tags.Tags = ws.fixTags(c.Tags.Tags)
	}
}

type createTagRequest struct {
	Name      string     `json:"name"`
	ID        flexString `json:"id"`
	Companies []struct {
		ID        flexString `json:"id"`
		CompanyID flexString `json:"company_id"`
		Untag     bool       `json:"untag"`
	} `json:"companies"`
	Users []struct {
		ID flexString `json:"id"`
	} `json:"users"`
}

// createTag is POST /tags, all five uses the spec describes: create a tag by name (an
// existing one of that name, compared case-insensitively, is returned), rename one by
// id, tag or untag companies, tag contacts. Each answers the tag (tag_basic).
func (ws *Workspace) createTag(r *http.Request) (any, error) {
	var req createTagRequest
	if err := decode(r, &req); err != nil {
		return nil, err
	}
	name := strings.TrimSpace(req.Name)
	if name == "" {
		return nil, invalid("name", "invalid tag parameters")
	}
	companies := make([]int, len(req.Companies))
	for k, c := range req.Companies {
		i, ok := ws.world.CompanyIndex(string(c.ID))
		if !ok && c.CompanyID != "" {
			i, ok = ws.companyByCompanyID(string(c.CompanyID))
		}
		if !ok {
			return nil, &apiError{status: http.StatusNotFound, code: codeCompanyNotFound, msg: "Company Not Found"}
		}
		companies[k] = i
	}
	contacts := make([]int, len(req.Users))
	for k, u := range req.Users {
		i, ok := ws.world.ContactIndex(string(u.ID))
		if !ok {
			return nil, notFound(msgUserNotFound)
		}
		contacts[k] = i
	}

	ws.mu.Lock()
	defer ws.mu.Unlock()
	at := slices.IndexFunc(ws.tags, func(t models.Tag) bool { return strings.EqualFold(t.Name, name) })
	if req.ID != "" {
		at = slices.IndexFunc(ws.tags, func(t models.Tag) bool { return string(t.ID) == string(req.ID) })
		if at < 0 {
			return nil, &apiError{status: http.StatusNotFound, code: codeTagNotFound, msg: "Tag not found", field: "id"}
		}
		ws.tags[at].Name = name
		ws.renamed[string(req.ID)] = name
	}
	if at < 0 {
		ws.tags = append(ws.tags, models.Tag{Type: "tag", ID: ws.newID(), Name: name})
		at = len(ws.tags) - 1
	}
	tag := models.Tag{Type: "tag", ID: ws.tags[at].ID, Name: ws.tags[at].Name}
	for k, i := range companies {
		ws.tagCompany(i, tag, req.Companies[k].Untag)
	}
	for _, i := range contacts {
		ov := ws.contactOverlay(i)
		if !ov.tagsSet {
			ov.tags, ov.tagsSet = ws.world.ContactTags(i), true
		}
		if !slices.ContainsFunc(ov.tags, func(t models.Tag) bool { return t.ID == tag.ID }) {
			ov.tags = append(ov.tags, tag)
		}
	}
	return tag, nil
}

// tagCompany adds or removes a tag on company i. The caller holds ws.mu for writing.
func (ws *Workspace) tagCompany(i int, tag models.Tag, untag bool) {
	tags, ok := ws.companies[i]
	if !ok {
		if c := ws.world.Company(i); c.Tags != nil {
			tags = c.Tags.Tags
		}
		tags = append([]models.Tag{}, tags...)
	}
	at := slices.IndexFunc(tags, func(t models.Tag) bool { return t.ID == tag.ID })
	switch {
	case untag && at >= 0:
		tags = slices.Delete(tags, at, at+1)
	case !untag && at < 0:
		tags = append(tags, tag)
	}
	ws.companies[i] = tags
}

// companyByCompanyID finds a company by the company_id the workspace gave it.
func (ws *Workspace) companyByCompanyID(id string) (int, bool) {
	for i := range ws.world.NumCompanies() {
		if ws.world.Company(i).CompanyID == id {
			return i, true
		}
	}
	return 0, false
}
