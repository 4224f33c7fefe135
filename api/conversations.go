package api

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"time"

	"github.com/intercom-tui/intercom-tui/api/query"
	"github.com/intercom-tui/intercom-tui/models"
)

// Conversation priority cannot be changed through the 2.9 API: update_conversation_request
// (PUT /conversations/{id}) takes only read and custom_attributes, and the four variants
// of POST /conversations/{id}/parts (close, snoozed, open, assignment) carry no priority.
// priority is readable (and searchable) only, so the client has no SetPriority.

// ListConversations is one page of all conversations, most recently updated first:
// GET /conversations?per_page=&starting_after=. perPage ≤ 0 asks for the server's
// default (20); above MaxPerPage (150) it is clamped. cursor is "" for the first page,
// then the previous page's Next.
func (c *Client) ListConversations(ctx context.Context, perPage int, cursor string) (Page[models.Conversation], error) {
	var out models.ConversationList
	if err := c.do(ctx, getRequest("/conversations", listQuery(perPage, cursor)), &out); err != nil {
		return Page[models.Conversation]{}, err
	}
	return pageOf(out.Conversations, out.TotalCount, out.Pages), nil
}

// AllConversations walks GET /conversations to the end, perPage at a time.
func (c *Client) AllConversations(ctx context.Context, perPage int) iter.Seq2[models.Conversation, error] {
	return Iterate(ctx, func(ctx context.Context, cursor string) (Page[models.Conversation], error) {
		return c.ListConversations(ctx, perPage, cursor)
	})
}

// SearchConversations is one page of the conversations matching q:
// POST /conversations/search. q is checked with query.Validate first; a query
// Intercom would refuse returns the *query.ValidationError and sends nothing.
func (c *Client) SearchConversations(ctx context.Context, q models.Query, perPage int, cursor string) (Page[models.Conversation], error) {
	if err := query.Validate(query.Conversations, q); err != nil {
		return Page[models.Conversation]{}, err
	}
	var out models.ConversationList
	req := searchRequest("/conversations/search", searchBody(q, perPage, cursor))
	if err := c.do(ctx, req, &out); err != nil {
		return Page[models.Conversation]{}, err
	}
	return pageOf(out.Conversations, out.TotalCount, out.Pages), nil
}

// Conversation is one conversation with its parts (the 500 most recent):
// GET /conversations/{id}. Bodies are HTML.
func (c *Client) Conversation(ctx context.Context, id string) (*models.Conversation, error) {
	if err := required("conversation id", id); err != nil {
		return nil, err
	}
	return c.conversation(ctx, getRequest(pathf("/conversations/%s", id), nil))
}

// MarkRead marks the conversation read: PUT /conversations/{id} {read: true}.
func (c *Client) MarkRead(ctx context.Context, id string) (*models.Conversation, error) {
	if err := required("conversation id", id); err != nil {
		return nil, err
	}
	read := true
	body := models.UpdateConversationRequest{Read: &read}
	return c.conversation(ctx, writeRequest(http.MethodPut, pathf("/conversations/%s", id), body))
}

// Reply adds an admin's comment, which the customer sees:
// POST /conversations/{id}/reply {message_type: comment, type: admin}. body is HTML.
func (c *Client) Reply(ctx context.Context, id, adminID, body string) (*models.Conversation, error) {
	return c.adminReply(ctx, id, adminID, models.MessageComment, body)
}

// Note adds an internal note, which only teammates see:
// POST /conversations/{id}/reply {message_type: note, type: admin}. body is HTML.
func (c *Client) Note(ctx context.Context, id, adminID, body string) (*models.Conversation, error) {
	return c.adminReply(ctx, id, adminID, models.MessageNote, body)
}

func (c *Client) adminReply(ctx context.Context, id, adminID, messageType, body string) (*models.Conversation, error) {
	if err := required("conversation id", id, "admin id", adminID, "reply body", body); err != nil {
		return nil, err
	}
	req := models.ReplyRequest{MessageType: messageType, Type: "admin", AdminID: adminID, Body: body}
	return c.conversation(ctx, writeRequest(http.MethodPost, pathf("/conversations/%s/reply", id), req))
}

// ReplyAsContact adds a comment on behalf of the contact with that Intercom id:
// POST /conversations/{id}/reply {message_type: comment, type: user, intercom_user_id}.
func (c *Client) ReplyAsContact(ctx context.Context, id, intercomUserID, body string) (*models.Conversation, error) {
	if err := required("conversation id", id, "contact id", intercomUserID, "reply body", body); err != nil {
		return nil, err
	}
	req := models.ReplyRequest{MessageType: models.MessageComment, Type: "user", IntercomUserID: intercomUserID, Body: body}
	return c.conversation(ctx, writeRequest(http.MethodPost, pathf("/conversations/%s/reply", id), req))
}

// Close closes the conversation, optionally leaving body (HTML) as a last message:
// POST /conversations/{id}/parts {message_type: close, type: admin, admin_id, body?}.
func (c *Client) Close(ctx context.Context, id, adminID, body string) (*models.Conversation, error) {
	return c.manage(ctx, id, models.ManageRequest{MessageType: models.MessageClose, Type: "admin", AdminID: adminID, Body: body})
}

// Snooze snoozes the conversation until the given time, when it reopens:
// POST /conversations/{id}/parts {message_type: snoozed, admin_id, snoozed_until}
// (the snooze variant has no `type`). until must be in the future on the client's clock.
func (c *Client) Snooze(ctx context.Context, id, adminID string, until time.Time) (*models.Conversation, error) {
	if now := c.clock.Now(); !until.After(now) {
		return nil, fmt.Errorf("intercom: snooze time %s is not in the future", until.UTC().Format(time.RFC3339))
	}
	return c.manage(ctx, id, models.ManageRequest{MessageType: models.MessageSnoozed, AdminID: adminID, SnoozedUntil: until.Unix()})
}

// Open reopens a closed or snoozed conversation:
// POST /conversations/{id}/parts {message_type: open, admin_id} (no `type`).
func (c *Client) Open(ctx context.Context, id, adminID string) (*models.Conversation, error) {
	return c.manage(ctx, id, models.ManageRequest{MessageType: models.MessageOpen, AdminID: adminID})
}

// Assignee is who a conversation is assigned to: an admin or a team. A conversation can
// have both; assigning one leaves the other. ID "0" unassigns that kind.
type Assignee struct {
	Type string // "admin" or "team"
	ID   string
}

// AssignAdmin is the admin with that id as an assignee.
func AssignAdmin(id string) Assignee { return Assignee{Type: "admin", ID: id} }

// AssignTeam is the team with that id as an assignee.
func AssignTeam(id string) Assignee { return Assignee{Type: "team", ID: id} }

// UnassignAdmin clears the admin assignee, UnassignTeam the team assignee ("0").
var (
	UnassignAdmin = Assignee{Type: "admin", ID: "0"}
	UnassignTeam  = Assignee{Type: "team", ID: "0"}
)

// Assign assigns the conversation to an admin or a team, optionally posting body (HTML)
// to the customer: POST /conversations/{id}/parts
// {message_type: assignment, type: admin|team, admin_id, assignee_id, body?}.
func (c *Client) Assign(ctx context.Context, id, adminID string, to Assignee, body string) (*models.Conversation, error) {
	if to.Type != "admin" && to.Type != "team" {
		return nil, fmt.Errorf("intercom: assignee type %q is neither admin nor team", to.Type)
	}
	if err := required("assignee id", to.ID); err != nil {
		return nil, err
	}
	return c.manage(ctx, id, models.ManageRequest{
		MessageType: models.MessageAssignment, Type: to.Type, AdminID: adminID, AssigneeID: to.ID, Body: body,
	})
}

func (c *Client) manage(ctx context.Context, id string, req models.ManageRequest) (*models.Conversation, error) {
	if err := required("conversation id", id, "admin id", req.AdminID); err != nil {
		return nil, err
	}
	return c.conversation(ctx, writeRequest(http.MethodPost, pathf("/conversations/%s/parts", id), req))
}

func (c *Client) conversation(ctx context.Context, r request) (*models.Conversation, error) {
	var out models.Conversation
	if err := c.do(ctx, r, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// AttachTag tags the conversation and returns the tag as applied:
// POST /conversations/{conversation_id}/tags {id, admin_id}.
func (c *Client) AttachTag(ctx context.Context, convID, tagID, adminID string) (*models.Tag, error) {
	if err := required("conversation id", convID, "tag id", tagID, "admin id", adminID); err != nil {
		return nil, err
	}
	body := models.TagConversationRequest{ID: tagID, AdminID: adminID}
	return c.tag(ctx, writeRequest(http.MethodPost, pathf("/conversations/%s/tags", convID), body))
}

// DetachTag removes the tag from the conversation and returns it:
// DELETE /conversations/{conversation_id}/tags/{id} with the JSON body {admin_id}.
func (c *Client) DetachTag(ctx context.Context, convID, tagID, adminID string) (*models.Tag, error) {
	if err := required("conversation id", convID, "tag id", tagID, "admin id", adminID); err != nil {
		return nil, err
	}
	body := models.TagConversationRequest{AdminID: adminID}
	return c.tag(ctx, writeRequest(http.MethodDelete, pathf("/conversations/%s/tags/%s", convID, tagID), body))
}

func (c *Client) tag(ctx context.Context, r request) (*models.Tag, error) {
	var out models.Tag
	if err := c.do(ctx, r, &out); err != nil {
		return nil, err
	}
	return &out, nil
}
