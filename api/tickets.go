package api

import (
	"context"
	"fmt"
	"net/http"
	"slices"

	"github.com/intercom-tui/intercom-tui/api/query"
	"github.com/intercom-tui/intercom-tui/models"
)

// writableTicketStates is update_ticket_request's state enum: a ticket can be moved to
// any state but back to submitted.
var writableTicketStates = []string{models.TicketInProgress, models.TicketWaitingOnCustomer, models.TicketResolved}

// TicketTypes lists the workspace's ticket types with their attributes:
// GET /ticket_types.
func (c *Client) TicketTypes(ctx context.Context) ([]models.TicketType, error) {
	var out models.TicketTypeList
	if err := c.do(ctx, getRequest("/ticket_types", nil), &out); err != nil {
		return nil, err
	}
	return out.TicketTypes, nil
}

// Ticket is one ticket with its parts: GET /tickets/{id}. id is the API's id, not the
// ticket_id the Inbox shows (#123).
func (c *Client) Ticket(ctx context.Context, id string) (*models.Ticket, error) {
	if err := required("ticket id", id); err != nil {
		return nil, err
	}
	var out models.Ticket
	if err := c.do(ctx, getRequest(pathf("/tickets/%s", id), nil), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// UpdateTicket changes a ticket's attributes, state, sharing or assignment:
// PUT /tickets/{id}. A state outside the spec's enum (in_progress, waiting_on_customer,
// resolved; notably submitted) and an assignment without assignee_id are refused
// before sending.
func (c *Client) UpdateTicket(ctx context.Context, id string, req models.UpdateTicketRequest) (*models.Ticket, error) {
	if err := required("ticket id", id); err != nil {
		return nil, err
	}
	if req.State != "" && !slices.Contains(writableTicketStates, req.State) {
		return nil, fmt.Errorf("intercom: a ticket cannot be set to state %q (use in_progress, waiting_on_customer or resolved)", cleanText(req.State, 40))
	}
	if a := req.Assignment; a != nil {
		// assignee_id is omitted when empty, which would turn the assignment into a no-op.
		if err := required("assignee id", a.AssigneeID); err != nil {
			return nil, err
		}
	}
	var out models.Ticket
	if err := c.do(ctx, writeRequest(http.MethodPut, pathf("/tickets/%s", id), req), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// SetTicketState moves the ticket to in_progress, waiting_on_customer or resolved:
// PUT /tickets/{id} {state}.
func (c *Client) SetTicketState(ctx context.Context, id, state string) (*models.Ticket, error) {
	if err := required("ticket state", state); err != nil {
		return nil, err
	}
	return c.UpdateTicket(ctx, id, models.UpdateTicketRequest{State: state})
}

// AssignTicket assigns the ticket to an admin or a team ("0" unassigns), as adminID:
// PUT /tickets/{id} {assignment: {admin_id, assignee_id}}.
func (c *Client) AssignTicket(ctx context.Context, id, adminID, assigneeID string) (*models.Ticket, error) {
	if err := required("admin id", adminID); err != nil {
		return nil, err
	}
	return c.UpdateTicket(ctx, id, models.UpdateTicketRequest{
		Assignment: &models.TicketAssignment{AdminID: adminID, AssigneeID: assigneeID},
	})
}

// TicketNote adds an internal note (HTML body) to the ticket and returns it:
// POST /tickets/{id}/reply {message_type: note, admin_id, body}. Notes are the only
// reply 2.9 supports on tickets.
func (c *Client) TicketNote(ctx context.Context, id, adminID, body string) (*models.TicketPart, error) {
	if err := required("ticket id", id, "admin id", adminID, "note body", body); err != nil {
		return nil, err
	}
	req := models.TicketReplyRequest{MessageType: models.MessageNote, AdminID: adminID, Body: body}
	var out models.TicketPart
	if err := c.do(ctx, writeRequest(http.MethodPost, pathf("/tickets/%s/reply", id), req), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// SearchTickets is one page of the tickets matching q: POST /tickets/search, sent with
// Intercom-Version 2.10 because 2.9 cannot list or search tickets. q is checked against
// the ticket field table first; a query Intercom would refuse returns the
// *query.ValidationError and sends nothing.
func (c *Client) SearchTickets(ctx context.Context, q models.Query, perPage int, cursor string) (Page[models.Ticket], error) {
	if err := query.Validate(query.Tickets, q); err != nil {
		return Page[models.Ticket]{}, err
	}
	var out models.TicketList
	req := searchRequest("/tickets/search", searchBody(q, perPage, cursor)).withVersion(TicketSearchVersion)
	if err := c.do(ctx, req, &out); err != nil {
		return Page[models.Ticket]{}, err
	}
	return pageOf(out.Tickets, out.TotalCount, out.Pages), nil
}
