package api

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"net/url"

	"github.com/intercom-tui/intercom-tui/api/query"
	"github.com/intercom-tui/intercom-tui/models"
)

// maxLinkPages bounds how many pages of a pages_link list are followed. A contact has at
// most 1000 companies, far fewer pages than this.
const maxLinkPages = 200

// ListContacts is one page of all contacts (users and leads): GET /contacts. 2.9
// declares no query parameters here but describes cursor paging ("the default is 50
// results per page", starting_after), so per_page and starting_after are sent when set,
// as on GET /conversations.
func (c *Client) ListContacts(ctx context.Context, perPage int, cursor string) (Page[models.Contact], error) {
	var out models.ContactList
	if err := c.do(ctx, getRequest("/contacts", listQuery(perPage, cursor)), &out); err != nil {
		return Page[models.Contact]{}, err
	}
	return pageOf(out.Data, out.TotalCount, out.Pages), nil
}

// AllContacts walks GET /contacts to the end, perPage at a time.
func (c *Client) AllContacts(ctx context.Context, perPage int) iter.Seq2[models.Contact, error] {
	return Iterate(ctx, func(ctx context.Context, cursor string) (Page[models.Contact], error) {
		return c.ListContacts(ctx, perPage, cursor)
	})
}

// SearchContacts is one page of the contacts matching q: POST /contacts/search. q is
// checked with query.Validate first; a query Intercom would refuse returns the
// *query.ValidationError and sends nothing.
func (c *Client) SearchContacts(ctx context.Context, q models.Query, perPage int, cursor string) (Page[models.Contact], error) {
	if err := query.Validate(query.Contacts, q); err != nil {
		return Page[models.Contact]{}, err
	}
	var out models.ContactList
	if err := c.do(ctx, searchRequest("/contacts/search", searchBody(q, perPage, cursor)), &out); err != nil {
		return Page[models.Contact]{}, err
	}
	return pageOf(out.Data, out.TotalCount, out.Pages), nil
}

// Contact is one contact: GET /contacts/{id}. Its tags, notes and companies are
// summaries of up to 10; ContactTags, ContactNotes and ContactCompanies load them all.
func (c *Client) Contact(ctx context.Context, id string) (*models.Contact, error) {
	if err := required("contact id", id); err != nil {
		return nil, err
	}
	var out models.Contact
	if err := c.do(ctx, getRequest(pathf("/contacts/%s", id), nil), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// ContactCompanies lists the companies the contact belongs to:
// GET /contacts/{id}/companies. The list is paged by links (pages.next is a URL); the
// pages are followed to the end, but only to this same path, so a server cannot point
// the client (and its token) elsewhere.
func (c *Client) ContactCompanies(ctx context.Context, id string) ([]models.Company, error) {
	if err := required("contact id", id); err != nil {
		return nil, err
	}
	path := pathf("/contacts/%s/companies", id)
	var all []models.Company
	var q url.Values
	seen := map[string]bool{"": true}
	for range maxLinkPages {
		var out models.CompanyList
		if err := c.do(ctx, getRequest(path, q), &out); err != nil {
			return nil, err
		}
		all = append(all, out.Data...)
		next, err := nextLink(out.Pages, path)
		if err != nil || next == nil {
			return all, err
		}
		key := next.Encode()
		if seen[key] {
			return all, fmt.Errorf("%w: %q", ErrRepeatedCursor, cleanText(key, 80))
		}
		seen[key] = true
		q = next
	}
	return all, fmt.Errorf("intercom: GET %s: more than %d pages", path, maxLinkPages)
}

// nextLink is the query of a pages_link's next URL, or nil on the last page.
func nextLink(p *models.LinkPages, path string) (url.Values, error) {
	if p == nil || p.Next == "" {
		return nil, nil
	}
	u, err := url.Parse(string(p.Next))
	if err != nil || u.EscapedPath() != path {
		return nil, fmt.Errorf("intercom: GET %s: next page link %q is not on the same list", path, cleanText(string(p.Next), 120))
	}
	q := u.Query()
	if len(q) == 0 {
		return nil, nil
	}
	return q, nil
}

// ContactTags lists the tags on the contact: GET /contacts/{contact_id}/tags.
func (c *Client) ContactTags(ctx context.Context, id string) ([]models.Tag, error) {
	if err := required("contact id", id); err != nil {
		return nil, err
	}
	var out models.DataTagList
	if err := c.do(ctx, getRequest(pathf("/contacts/%s/tags", id), nil), &out); err != nil {
		return nil, err
	}
	return out.Data, nil
}

// ContactSegments lists the segments the contact is in:
// GET /contacts/{contact_id}/segments.
func (c *Client) ContactSegments(ctx context.Context, id string) ([]models.Segment, error) {
	if err := required("contact id", id); err != nil {
		return nil, err
	}
	var out models.SegmentList
	if err := c.do(ctx, getRequest(pathf("/contacts/%s/segments", id), nil), &out); err != nil {
		return nil, err
	}
	return out.All(), nil
}

// ContactNotes is one page of the notes on the contact, newest first:
// GET /contacts/{id}/notes. 2.9 declares no paging parameters here, so starting_after
// is sent only when cursor is set (a following page) and per_page never.
func (c *Client) ContactNotes(ctx context.Context, id, cursor string) (Page[models.Note], error) {
	if err := required("contact id", id); err != nil {
		return Page[models.Note]{}, err
	}
	var out models.NoteList
	if err := c.do(ctx, getRequest(pathf("/contacts/%s/notes", id), listQuery(0, cursor)), &out); err != nil {
		return Page[models.Note]{}, err
	}
	return pageOf(out.Data, out.TotalCount, out.Pages), nil
}

// CreateNote adds an admin's note (HTML body) to the contact:
// POST /contacts/{id}/notes {body, admin_id}.
func (c *Client) CreateNote(ctx context.Context, contactID, adminID, body string) (*models.Note, error) {
	if err := required("contact id", contactID, "admin id", adminID, "note body", body); err != nil {
		return nil, err
	}
	req := models.CreateNoteRequest{Body: body, AdminID: adminID}
	var out models.Note
	if err := c.do(ctx, writeRequest(http.MethodPost, pathf("/contacts/%s/notes", contactID), req), &out); err != nil {
		return nil, err
	}
	return &out, nil
}
