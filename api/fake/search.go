package fake

import (
	"errors"
	"net/http"
	"slices"

	"github.com/intercom-tui/intercom-tui/api/query"
	"github.com/intercom-tui/intercom-tui/models"
)

// searchRequest is search_request: a required query and optional pagination.
type searchRequest struct {
	Query      *models.Query     `json:"query"`
	Pagination *searchPagination `json:"pagination"`
}

type searchPagination struct {
	PerPage       int    `json:"per_page"`
	StartingAfter string `json:"starting_after"`
}

// compileSearch decodes a search body and compiles its query for res with api/query,
// the same reading of the spec's field tables the client validates with. A query
// Intercom would refuse is a 400 parameter_invalid naming the filter.
func compileSearch(r *http.Request, res query.Resource, list string, def int) (*query.Matcher, int, cursor, error) {
	var req searchRequest
	if err := decode(r, &req); err != nil {
		return nil, 0, cursor{}, err
	}
	if req.Query == nil {
		return nil, 0, cursor{}, missing("query")
	}
	m, err := query.Compile(res, *req.Query)
	if err != nil {
		field := "query"
		var ve *query.ValidationError
		if errors.As(err, &ve) && ve.Field != "" {
			field = ve.Field
		}
		return nil, 0, cursor{}, invalid(field, "%s", err.Error())
	}
	perPage, err := perPageBody(req.Pagination, def)
	if err != nil {
		return nil, 0, cursor{}, err
	}
	after := ""
	if req.Pagination != nil {
		after = req.Pagination.StartingAfter
	}
	cur, err := decodeCursor(after, list, queryHash(*req.Query))
	return m, perPage, cur, err
}

// searchContacts is POST /contacts/search, in the same order as GET /contacts.
func (ws *Workspace) searchContacts(r *http.Request) (any, error) {
	m, perPage, cur, err := compileSearch(r, query.Contacts, "contacts/search", perPageContacts)
	if err != nil {
		return nil, err
	}
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	var hits []int
	var rec contactRecord
	for i := range ws.world.NumContacts() {
		c := ws.contact(i)
		rec.reset(ws, i, &c)
		if m.Match(&rec) {
			hits = append(hits, i)
		}
	}
	out := models.ContactList{Type: "list", Data: []models.Contact{}, TotalCount: len(hits)}
	// The cursor holds the last contact index served; matches after it follow.
	start, _ := slices.BinarySearch(hits, int(cur.N)+1)
	rest := hits[start:]
	for _, i := range rest[:min(perPage, len(rest))] {
		out.Data = append(out.Data, ws.contact(i))
	}
	next := ""
	if len(rest) > perPage {
		next = cursor{List: cur.List, Query: cur.Query, Page: cur.Page + 1, N: int64(rest[perPage-1])}.encode()
	}
	out.Pages = pages(cur.Page, perPage, len(hits), next)
	return out, nil
}

// searchTickets is POST /tickets/search, Intercom-Version 2.10: {type:"ticket.list",
// tickets, total_count, pages}, newest update first, 20 per page.
func (ws *Workspace) searchTickets(r *http.Request) (any, error) {
	m, perPage, cur, err := compileSearch(r, query.Tickets, "tickets/search", perPageTickets)
	if err != nil {
		return nil, err
	}
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	type hit struct {
		t models.Ticket
		k convKey
	}
	var hits []hit
	attrs := ws.ticketAttributeNames()
	var rec ticketRecord
	for i := range ws.world.NumTickets() {
		t := ws.ticket(i)
		rec.reset(&t, attrs)
		if m.Match(&rec) {
			hits = append(hits, hit{t, convKey{u: t.UpdatedAt, n: int64(i)}})
		}
	}
	slices.SortFunc(hits, func(a, b hit) int { return compareKeys(a.k, b.k) })
	out := models.TicketList{Type: "ticket.list", Tickets: []models.Ticket{}, TotalCount: len(hits)}
	after := cur.convKey()
	var last convKey
	more := false
	for _, h := range hits {
		if after != nil && !after.before(h.k) {
			continue
		}
		if len(out.Tickets) == perPage {
			more = true
			break
		}
		out.Tickets = append(out.Tickets, h.t)
		last = h.k
	}
	next := ""
	if more {
		next = convCursor(cur, last)
	}
	out.Pages = pages(cur.Page, perPage, len(hits), next)
	return out, nil
}

// ticketAttributeNames maps ticket type attribute ids to names: the search field
// ticket_attribute.{id} names an attribute by id, a ticket holds values by name.
func (ws *Workspace) ticketAttributeNames() map[string]string {
	out := map[string]string{}
	for _, tt := range ws.world.TicketTypes() {
		for _, a := range tt.Attributes() {
			out[string(a.ID)] = a.Name
		}
	}
	return out
}
