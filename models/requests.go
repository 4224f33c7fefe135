package models

// Request bodies of the conversation writes. The schemas type admin_id and assignee_id as
// strings (the examples send integers); strings are sent.

// Message types of replies and of POST /conversations/{id}/parts.
const (
	MessageComment    = "comment"
	MessageNote       = "note"
	MessageClose      = "close"
	MessageSnoozed    = "snoozed"
	MessageOpen       = "open"
	MessageAssignment = "assignment"
)

// ReplyRequest is POST /conversations/{id}/reply as an admin (comment or note) or as a
// contact (type "user" with one of intercom_user_id, email, user_id).
type ReplyRequest struct {
	MessageType    string   `json:"message_type"`
	Type           string   `json:"type"`
	Body           string   `json:"body,omitempty"`
	AdminID        string   `json:"admin_id,omitempty"`
	IntercomUserID string   `json:"intercom_user_id,omitempty"`
	Email          string   `json:"email,omitempty"`
	UserID         string   `json:"user_id,omitempty"`
	CreatedAt      int64    `json:"created_at,omitempty"`
	AttachmentURLs []string `json:"attachment_urls,omitempty"`
}

// ManageRequest is POST /conversations/{id}/parts: close, snoozed, open or assignment.
// Each variant has its own required fields (see api.Close, api.Snooze, …).
type ManageRequest struct {
	MessageType  string `json:"message_type"`
	Type         string `json:"type,omitempty"`
	AdminID      string `json:"admin_id"`
	AssigneeID   string `json:"assignee_id,omitempty"`
	SnoozedUntil int64  `json:"snoozed_until,omitempty"`
	Body         string `json:"body,omitempty"`
}

// UpdateConversationRequest is PUT /conversations/{id}.
type UpdateConversationRequest struct {
	Read             *bool          `json:"read,omitempty"`
	CustomAttributes map[string]any `json:"custom_attributes,omitempty"`
}

// TagConversationRequest is POST /conversations/{id}/tags; DELETE …/tags/{id} sends
// just {admin_id}.
type TagConversationRequest struct {
	ID      string `json:"id,omitempty"`
	AdminID string `json:"admin_id"`
}
