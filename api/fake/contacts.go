package fake

import (
	"maps"
	"net/http"
	"slices"
	"strings"

	"github.com/intercom-tui/intercom-tui/models"
)

// contactIndex resolves a contact id, or answers the spec's 404 ("User Not Found").
func (ws *Workspace) contactIndex(id string) (int, error) {
	i, ok := ws.world.ContactIndex(id)
	if !ok {
		return 0, notFound(msgUserNotFound)
	}
	return i, nil
}

// contactBy finds the first contact satisfying ok; the seeded contacts are few.
func (ws *Workspace) contactBy(ok func(*models.Contact) bool) (int, bool) {
	for i := range ws.world.NumContacts() {
		c := ws.world.Contact(i)
		if ok(&c) {
			return i, true
		}
	}
	return 0, false
}

// contact builds contact i with its overlay. The caller holds ws.mu.
func (ws *Workspace) contact(i int) models.Contact {
	c := ws.world.Contact(i)
	ov := ws.people[i]
	if ov == nil {
		return c
	}
	id := string(c.ID)
	if len(ov.attrs) > 0 {
		if c.CustomAttributes == nil {
			c.CustomAttributes = map[string]any{}
		}
		maps.Copy(c.CustomAttributes, ov.attrs)
	}
	if ov.tagsSet {
		c.Tags = summary(id, "tags", "tag", len(ov.tags), func(k int) string { return string(ov.tags[k].ID) })
	}
	if len(ov.notes) > 0 {
		notes := ws.contactNotes(i)
		c.Notes = summary(id, "notes", "note", len(notes), func(k int) string { return string(notes[k].ID) })
	}
	return c
}

// summary is a contact's tags/notes list: up to 10 references and the url of the rest.
func summary(contactID, path, typ string, n int, id func(int) string) *models.Addressables {
	a := &models.Addressables{Type: "list", Data: []models.Addressable{}, URL: "/contacts/" + contactID + "/" + path,
		TotalCount: n, HasMore: n > 10}
	for k := 0; k < n && k < 10; k++ {
		a.Data = append(a.Data, models.Addressable{Type: typ, ID: models.ID(id(k)), URL: "/" + path + "/" + id(k)})
	}
	return a
}

// contactTags are contact i's tags with the overlay. The caller holds ws.mu.
func (ws *Workspace) contactTags(i int) []models.Tag {
	if ov := ws.people[i]; ov != nil && ov.tagsSet {
		return ws.fixTags(slices.Clone(ov.tags))
	}
	return ws.fixTags(ws.world.ContactTags(i))
}

// contactNotes are contact i's notes, newest first. The caller holds ws.mu.
func (ws *Workspace) contactNotes(i int) []models.Note {
	notes := ws.world.ContactNotes(i)
	if ov := ws.people[i]; ov != nil {
		notes = append(notes, ov.notes...)
	}
	slices.Reverse(notes)
	return notes
}

// listContacts is GET /contacts. 2.9 declares no parameters, but its description pages
// by starting_after (default 50 per page); per_page and starting_after are honoured.
func (ws *Workspace) listContacts(r *http.Request) (any, error) {
	perPage, err := perPageParam(r, perPageContacts)
	if err != nil {
		return nil, err
	}
	cur, err := decodeCursor(r.URL.Query().Get("starting_after"), "contacts", 0)
	if err != nil {
		return nil, err
	}
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	n := ws.world.NumContacts()
	out := models.ContactList{Type: "list", Data: []models.Contact{}, TotalCount: n}
	next := indexPage(cur, perPage, n, func(i int) { out.Data = append(out.Data, ws.contact(i)) })
	out.Pages = pages(cur.Page, perPage, n, next)
	return out, nil
}

// showContact is GET /contacts/{id}.
func (ws *Workspace) showContact(r *http.Request) (any, error) {
	i, err := ws.contactIndex(r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	return ws.contact(i), nil
}

// listCompaniesForAContact is GET /contacts/{id}/companies (a pages_link list).
func (ws *Workspace) listCompaniesForAContact(r *http.Request) (any, error) {
	i, err := ws.contactIndex(r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	companies := ws.world.ContactCompanies(i)
	ws.mu.RLock()
	for k := range companies {
		ws.companyTags(&companies[k])
	}
	ws.mu.RUnlock()
	return models.CompanyList{Type: "list", Data: companies, TotalCount: len(companies),
		Pages: &models.LinkPages{Type: "pages", Page: 1, PerPage: perPageContacts, TotalPages: 1}}, nil
}

// listSegmentsForAContact is GET /contacts/{contact_id}/segments.
func (ws *Workspace) listSegmentsForAContact(r *http.Request) (any, error) {
	i, err := ws.contactIndex(r.PathValue("contact_id"))
	if err != nil {
		return nil, err
	}
	return models.SegmentList{Type: "list", Data: ws.world.ContactSegments(i)}, nil
}

// listTagsForAContact is GET /contacts/{contact_id}/tags.
func (ws *Workspace) listTagsForAContact(r *http.Request) (any, error) {
	i, err := ws.contactIndex(r.PathValue("contact_id"))
	if err != nil {
		return nil, err
	}
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	return models.DataTagList{Type: "list", Data: ws.contactTags(i)}, nil
}

// attachTagToContact is POST /contacts/{contact_id}/tags {id}; detachTagFromContact is
// DELETE /contacts/{contact_id}/tags/{id}. Both answer the tag; an unknown tag is the
// spec's not_found "Resource Not Found".
func (ws *Workspace) attachTagToContact(r *http.Request) (any, error) {
	var req tagRequest
	if err := decode(r, &req); err != nil {
		return nil, err
	}
	if req.ID == "" {
		return nil, missing("id")
	}
	return ws.tagContact(r.PathValue("contact_id"), string(req.ID), true)
}

func (ws *Workspace) detachTagFromContact(r *http.Request) (any, error) {
	return ws.tagContact(r.PathValue("contact_id"), r.PathValue("id"), false)
}

func (ws *Workspace) tagContact(contactID, tagID string, attach bool) (any, error) {
	i, err := ws.contactIndex(contactID)
	if err != nil {
		return nil, err
	}
	tag, err := ws.tag(tagID)
	if err != nil {
		return nil, notFound(msgResourceNotFound) // this endpoint's example says not_found
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	ov := ws.contactOverlay(i)
	if !ov.tagsSet {
		ov.tags, ov.tagsSet = ws.world.ContactTags(i), true
	}
	at := slices.IndexFunc(ov.tags, func(t models.Tag) bool { return t.ID == tag.ID })
	switch {
	case attach && at < 0:
		ov.tags = append(ov.tags, tag)
	case !attach && at >= 0:
		ov.tags = slices.Delete(ov.tags, at, at+1)
	}
	return tag, nil
}

// contactOverlay returns contact i's overlay, creating it. The caller holds ws.mu.
func (ws *Workspace) contactOverlay(i int) *contactOverlay {
	ov := ws.people[i]
	if ov == nil {
		ov = &contactOverlay{}
		ws.people[i] = ov
	}
	return ov
}

// listNotes is GET /contacts/{id}/notes, newest first, 50 per page.
func (ws *Workspace) listNotes(r *http.Request) (any, error) {
	i, err := ws.contactIndex(r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	perPage, err := perPageParam(r, perPageContacts)
	if err != nil {
		return nil, err
	}
	cur, err := decodeCursor(r.URL.Query().Get("starting_after"), "notes:"+r.PathValue("id"), 0)
	if err != nil {
		return nil, err
	}
	ws.mu.RLock()
	notes := ws.contactNotes(i)
	ws.mu.RUnlock()
	out := models.NoteList{Type: "list", Data: []models.Note{}, TotalCount: len(notes)}
	next := indexPage(cur, perPage, len(notes), func(k int) { out.Data = append(out.Data, notes[k]) })
	out.Pages = pages(cur.Page, perPage, len(notes), next)
	return out, nil
}

type createNoteRequest struct {
	Body      string     `json:"body"`
	ContactID flexString `json:"contact_id"`
	AdminID   flexString `json:"admin_id"`
}

// createNote is POST /contacts/{id}/notes {body, admin_id?}: a note by that admin (by
// default the token's admin). The spec's 404s: "User Not Found", and for an unknown
// admin not_found "Resource Not Found".
func (ws *Workspace) createNote(r *http.Request) (any, error) {
	i, err := ws.contactIndex(r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	var req createNoteRequest
	if err := decode(r, &req); err != nil {
		return nil, err
	}
	if strings.TrimSpace(req.Body) == "" {
		return nil, missing("body")
	}
	if req.ContactID != "" && string(req.ContactID) != r.PathValue("id") {
		return nil, invalid("contact_id", "contact_id %q does not match the contact in the path", req.ContactID)
	}
	adminID := string(ws.world.Me().ID)
	if req.AdminID != "" {
		adminID = string(req.AdminID)
	}
	author, ok := byID(ws.admins, func(a models.Admin) models.ID { return a.ID }, adminID)
	if !ok {
		return nil, notFound(msgResourceNotFound)
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	c := ws.world.Contact(i)
	note := models.Note{Type: "note", ID: ws.newID(), CreatedAt: ws.now(),
		Contact: &models.NoteContact{Type: "contact", ID: c.ID}, Author: &author, Body: req.Body}
	ov := ws.contactOverlay(i)
	ov.notes = append(ov.notes, note)
	ws.notes[string(note.ID)] = note
	return note, nil
}

// retrieveNote is GET /notes/{id}.
func (ws *Workspace) retrieveNote(r *http.Request) (any, error) {
	id := r.PathValue("id")
	ws.mu.RLock()
	n, ok := ws.notes[id]
	ws.mu.RUnlock()
	if ok {
		return n, nil
	}
	if n, ok := ws.world.NoteByID(id); ok {
		return n, nil
	}
	return nil, notFound(msgResourceNotFound)
}

// retrieveCompany is GET /companies/{id}.
func (ws *Workspace) retrieveCompany(r *http.Request) (any, error) {
	i, ok := ws.world.CompanyIndex(r.PathValue("id"))
	if !ok {
		return nil, &apiError{status: http.StatusNotFound, code: codeCompanyNotFound, msg: "Company Not Found"}
	}
	c := ws.world.Company(i)
	ws.mu.RLock()
	ws.companyTags(&c)
	ws.mu.RUnlock()
	return c, nil
}
