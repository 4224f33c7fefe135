package fake

import (
	"net/http"
	"strings"

	"github.com/intercom-tui/intercom-tui/models"
)

// ticketIndex resolves a ticket id. 2.9 declares no 404 for tickets; the fake answers
// the generic not_found every other resource uses.
func (ws *Workspace) ticketIndex(id string) (int, error) {
	i, ok := ws.world.TicketIndex(id)
	if !ok {
		return 0, notFound(msgResourceNotFound)
	}
	return i, nil
}

// ticket builds ticket i with its overlay. The caller holds ws.mu.
func (ws *Workspace) ticket(i int) models.Ticket {
	t := ws.world.Ticket(i)
	if ov := ws.tickets[i]; ov != nil {
		ov.apply(&t)
	}
	if t.TicketType != nil {
		fixTicketType(t.TicketType)
	}
	return t
}

// ticketTypes are the workspace's ticket types as served.
func (ws *Workspace) ticketTypes() []models.TicketType {
	types := ws.world.TicketTypes()
	for k := range types {
		fixTicketType(&types[k])
	}
	return types
}

// fixTicketType writes an attribute without input options as {}: the schema types
// input_options as a non-nullable object (the spec's examples send null).
func fixTicketType(t *models.TicketType) {
	if t.TicketTypeAttributes == nil {
		return
	}
	for k := range t.TicketTypeAttributes.Items {
		if a := &t.TicketTypeAttributes.Items[k]; a.InputOptions == nil {
			a.InputOptions = map[string]any{}
		}
	}
}

// ticketOverlay returns ticket i's overlay, creating it from the seed on first write.
// The caller holds ws.mu for writing.
func (ws *Workspace) ticketOverlay(i int) *ticketOverlay {
	ov := ws.tickets[i]
	if ov == nil {
		t := ws.world.Ticket(i)
		ov = newTicketOverlay(&t)
		ws.tickets[i] = ov
	}
	return ov
}

// getTicket is GET /tickets/{id}.
func (ws *Workspace) getTicket(r *http.Request) (any, error) {
	i, err := ws.ticketIndex(r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	return ws.ticket(i), nil
}

type updateTicketRequest struct {
	TicketAttributes map[string]any `json:"ticket_attributes"`
	State            string         `json:"state"`
	IsShared         *bool          `json:"is_shared"`
	Assignment       *struct {
		AdminID    flexString `json:"admin_id"`
		AssigneeID flexString `json:"assignee_id"`
	} `json:"assignment"`
}

// updateTicket is PUT /tickets/{id}. Nothing is required. A state change appends a
// ticket_state_updated_by_admin part (previous and new state), an assignment an
// assignment part, changed attributes a ticket_attribute_updated_by_admin part. States
// are in_progress, waiting_on_customer and resolved: a ticket cannot go back to
// submitted. An unknown admin or assignee is the spec's 404 assignee_not_found.
func (ws *Workspace) updateTicket(r *http.Request) (any, error) {
	i, err := ws.ticketIndex(r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	var req updateTicketRequest
	if err := decode(r, &req); err != nil {
		return nil, err
	}
	switch req.State {
	case "", models.TicketInProgress, models.TicketWaitingOnCustomer, models.TicketResolved:
	default:
		return nil, invalid("state", "state must be in_progress, waiting_on_customer or resolved, got %q", req.State)
	}
	actor := ws.world.Me().ID
	assignNotFound := &apiError{status: http.StatusNotFound, code: codeAssigneeNotFound, msg: "Assignee not found"}
	if a := req.Assignment; a != nil {
		if a.AdminID == "" {
			return nil, missing("admin_id")
		}
		if a.AssigneeID == "" {
			return nil, missing("assignee_id")
		}
		if !ws.assigneeExists("admin", string(a.AdminID)) {
			return nil, assignNotFound
		}
		// "The ID of the admin or team" (the spec): either kind may take the ticket.
		if a.AssigneeID != "0" && !ws.assigneeExists("admin", string(a.AssigneeID)) && !ws.assigneeExists("team", string(a.AssigneeID)) {
			return nil, assignNotFound
		}
		actor = models.ID(a.AdminID)
	}
	author := ws.authorOf(string(actor))

	ws.mu.Lock()
	defer ws.mu.Unlock()
	ov := ws.ticketOverlay(i)
	now := ws.now()
	part := func(partType string) *models.TicketPart {
		ov.parts = append(ov.parts, models.TicketPart{Type: "ticket_part", ID: ws.newID(), PartType: partType,
			CreatedAt: now, UpdatedAt: now, Author: author, Attachments: []models.Attachment{}})
		ov.updatedAt = now
		return &ov.parts[len(ov.parts)-1]
	}
	if len(req.TicketAttributes) > 0 {
		if ov.attributes == nil {
			ov.attributes = map[string]any{}
		}
		for k, v := range req.TicketAttributes {
			ov.attributes[k] = v
		}
		part("ticket_attribute_updated_by_admin")
	}
	if req.IsShared != nil {
		ov.isShared = *req.IsShared
	}
	if a := req.Assignment; a != nil {
		p := part("assignment")
		switch id := string(a.AssigneeID); {
		case id == "0":
			ov.adminAssignee = "0"
		case ws.assigneeExists("team", id):
			ov.teamAssignee = id
			p.AssignedTo = &models.Reference{Type: "team", ID: models.ID(id)}
		default:
			ov.adminAssignee = id
			p.AssignedTo = &models.Reference{Type: "admin", ID: models.ID(id)}
		}
	}
	if req.State != "" && req.State != ov.state {
		p := part("ticket_state_updated_by_admin")
		p.PreviousTicketState, p.TicketState = ov.state, req.State
		ov.state = req.State
	}
	return ws.ticket(i), nil
}

// authorOf is an admin as a part's author.
func (ws *Workspace) authorOf(adminID string) models.Author {
	a, _ := ws.admin(adminID)
	return models.Author{Type: "admin", ID: a.ID, Name: models.NullString(a.Name), Email: a.Email}
}

type ticketReplyRequest struct {
	MessageType string     `json:"message_type"`
	AdminID     flexString `json:"admin_id"`
	Body        string     `json:"body"`
}

// replyTicket is POST /tickets/{id}/reply: body and admin_id are required and "Only
// note is supported" as message_type. It answers the new ticket_part.
func (ws *Workspace) replyTicket(r *http.Request) (any, error) {
	i, err := ws.ticketIndex(r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	var req ticketReplyRequest
	if err := decode(r, &req); err != nil {
		return nil, err
	}
	switch {
	case strings.TrimSpace(req.Body) == "":
		return nil, missing("body")
	case req.AdminID == "":
		return nil, missing("admin_id")
	case req.MessageType != "" && req.MessageType != models.MessageNote:
		return nil, invalid("message_type", "only note is supported as message_type, got %q", req.MessageType)
	}
	if _, err := ws.admin(string(req.AdminID)); err != nil {
		return nil, err
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	ov := ws.ticketOverlay(i)
	now := ws.now()
	p := models.TicketPart{Type: "ticket_part", ID: ws.newID(), PartType: "note", Body: models.NullString(req.Body),
		CreatedAt: now, UpdatedAt: now, Author: ws.authorOf(string(req.AdminID)), Attachments: []models.Attachment{}}
	ov.parts = append(ov.parts, p)
	ov.updatedAt = now
	return p, nil
}

// listTicketTypes is GET /ticket_types, in the schema's shape.
func (ws *Workspace) listTicketTypes(*http.Request) (any, error) {
	return models.TicketTypeList{Type: "ticket_type.list", TicketTypes: ws.ticketTypes()}, nil
}

// getTicketType is GET /ticket_types/{id}.
func (ws *Workspace) getTicketType(r *http.Request) (any, error) {
	t, ok := byID(ws.ticketTypes(), func(t models.TicketType) models.ID { return t.ID }, r.PathValue("id"))
	if !ok {
		return nil, notFound(msgResourceNotFound)
	}
	return t, nil
}
