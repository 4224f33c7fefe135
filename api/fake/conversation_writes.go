package fake

import (
	"encoding/base64"
	"net/http"
	"path"
	"strings"

	"github.com/intercom-tui/intercom-tui/models"
)

// replyRequest is reply_conversation_request: the admin variant (type "admin",
// message_type comment|note, admin_id) or the contact one (type "user", message_type
// comment, and one of intercom_user_id, email, user_id).
type replyRequest struct {
	MessageType     string           `json:"message_type"`
	Type            string           `json:"type"`
	Body            string           `json:"body"`
	AdminID         flexString       `json:"admin_id"`
	IntercomUserID  flexString       `json:"intercom_user_id"`
	Email           string           `json:"email"`
	UserID          flexString       `json:"user_id"`
	CreatedAt       flexInt          `json:"created_at"`
	AttachmentURLs  []string         `json:"attachment_urls"`
	AttachmentFiles []attachmentFile `json:"attachment_files"`
}

type attachmentFile struct {
	ContentType string `json:"content_type"`
	Data        string `json:"data"`
	Name        string `json:"name"`
}

// maxAttachments is the spec's "up to 10" for attachment_urls and attachment_files.
const maxAttachments = 10

// replyConversation is POST /conversations/{id}/reply. An admin comment or note is
// appended as that admin's part; a comment clears waiting_since. A contact's comment
// reopens a closed or snoozed conversation, marks it unread and starts waiting_since.
// The id "last" (contact replies) means the contact's most recent conversation.
func (ws *Workspace) replyConversation(r *http.Request) (any, error) {
	var req replyRequest
	if err := decode(r, &req); err != nil {
		return nil, err
	}
	author, err := ws.replyAuthor(&req)
	if err != nil {
		return nil, err
	}
	attachments, err := replyAttachments(&req)
	if err != nil {
		return nil, err
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	i, err := ws.replyTarget(r.PathValue("id"), author)
	if err != nil {
		return nil, err
	}
	now := ws.now()
	at := now
	if req.Type == "admin" && req.CreatedAt > 0 {
		at = int64(req.CreatedAt) // "If not provided, the current time will be used."
	}
	ov := ws.convOverlay(i)
	ov.parts = append(ov.parts, models.Part{Type: "conversation_part", ID: ws.newID(), PartType: req.MessageType,
		Body: models.NullString(req.Body), CreatedAt: at, UpdatedAt: at, NotifiedAt: at, Author: author,
		Attachments: attachments})
	ws.touch(ov, now)
	st := ov.stats
	if req.Type == "admin" {
		ov.addTeammate(string(author.ID))
		if req.MessageType == models.MessageComment {
			ov.waitingSince = 0 // "null if last reply is from an Admin"
			ov.read = true
			if st != nil {
				st.LastAdminReplyAt = now
				if st.FirstAdminReplyAt == 0 {
					st.FirstAdminReplyAt = now
				}
			}
		}
		return ws.conversation(i), nil
	}
	if ov.state == models.StateClosed && st != nil {
		st.CountReopens++
	}
	ov.state, ov.open, ov.snoozedUntil, ov.read = models.StateOpen, true, 0, false
	if ov.waitingSince == 0 {
		ov.waitingSince = now
	}
	if st != nil {
		st.LastContactReplyAt = now
		if st.FirstContactReplyAt == 0 {
			st.FirstContactReplyAt = now
		}
	}
	return ws.conversation(i), nil
}

// replyAuthor validates the reply's variant and returns who writes it.
func (ws *Workspace) replyAuthor(req *replyRequest) (models.Author, error) {
	switch {
	case req.MessageType == "":
		return models.Author{}, missing("message_type")
	case req.Type == "":
		return models.Author{}, missing("type")
	}
	switch req.Type {
	case "admin":
		if req.MessageType != models.MessageComment && req.MessageType != models.MessageNote {
			return models.Author{}, invalid("message_type", "message_type must be comment or note for an admin reply, got %q", req.MessageType)
		}
		if req.AdminID == "" {
			return models.Author{}, missing("admin_id")
		}
		if strings.TrimSpace(req.Body) == "" {
			return models.Author{}, missing("body")
		}
		a, err := ws.admin(string(req.AdminID))
		if err != nil {
			return models.Author{}, err
		}
		return models.Author{Type: "admin", ID: a.ID, Name: models.NullString(a.Name), Email: a.Email}, nil
	case "user":
		if req.MessageType != models.MessageComment {
			return models.Author{}, invalid("message_type", "message_type must be comment for a contact reply, got %q", req.MessageType)
		}
		if strings.TrimSpace(req.Body) == "" {
			return models.Author{}, missing("body")
		}
		ci, err := ws.replyingContact(req)
		if err != nil {
			return models.Author{}, err
		}
		c := ws.world.Contact(ci)
		return models.Author{Type: c.Role, ID: c.ID, Name: c.Name, Email: c.Email}, nil
	}
	return models.Author{}, invalid("type", "type must be admin or user, got %q", req.Type)
}

// replyingContact finds the contact a "user" reply names.
func (ws *Workspace) replyingContact(req *replyRequest) (int, error) {
	switch {
	case req.IntercomUserID != "":
		if i, ok := ws.world.ContactIndex(string(req.IntercomUserID)); ok {
			return i, nil
		}
	case req.Email != "":
		if i, ok := ws.contactBy(func(c *models.Contact) bool { return strings.EqualFold(c.Email, req.Email) }); ok {
			return i, nil
		}
	case req.UserID != "":
		if i, ok := ws.contactBy(func(c *models.Contact) bool { return string(c.ExternalID) == string(req.UserID) }); ok {
			return i, nil
		}
	default:
		return 0, &apiError{status: http.StatusBadRequest, code: codeParamNotFound, field: "intercom_user_id",
			msg: "one of intercom_user_id, email or user_id is required for a contact reply"}
	}
	return 0, notFound(msgUserNotFound)
}

// replyTarget resolves the path id; "last" is the replying contact's most recently
// active conversation. The caller holds ws.mu.
func (ws *Workspace) replyTarget(id string, author models.Author) (int, error) {
	if id != "last" {
		return ws.conversationIndex(id)
	}
	if author.Type == "admin" {
		return 0, notFound(msgResourceNotFound)
	}
	found := -1
	ws.walkConvs(nil, func(i int, c *models.Conversation, _ convKey) bool {
		if c.Contacts != nil {
			for _, ref := range c.Contacts.Contacts {
				if ref.ID == author.ID {
					found = i
					return false
				}
			}
		}
		return true
	})
	if found < 0 {
		return 0, notFound(msgResourceNotFound)
	}
	return found, nil
}

// replyAttachments turns attachment_urls and attachment_files into part attachments.
func replyAttachments(req *replyRequest) ([]models.Attachment, error) {
	if len(req.AttachmentURLs) > maxAttachments {
		return nil, invalid("attachment_urls", "attachment_urls holds %d URLs; at most %d are allowed", len(req.AttachmentURLs), maxAttachments)
	}
	if len(req.AttachmentFiles) > maxAttachments {
		return nil, invalid("attachment_files", "attachment_files holds %d files; at most %d are allowed", len(req.AttachmentFiles), maxAttachments)
	}
	out := []models.Attachment{}
	for _, u := range req.AttachmentURLs {
		if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
			return nil, invalid("attachment_urls", "attachment_urls must be http(s) URLs, got %q", u)
		}
		out = append(out, models.Attachment{Type: "upload", Name: path.Base(u), URL: u, ContentType: contentType(u)})
	}
	for _, f := range req.AttachmentFiles {
		data, err := base64.StdEncoding.DecodeString(f.Data)
		if err != nil || f.Name == "" {
			return nil, invalid("attachment_files", "attachment_files need a name and base64 data")
		}
		out = append(out, models.Attachment{Type: "upload", Name: f.Name, ContentType: f.ContentType,
			URL: "https://downloads.intercomcdn.com/i/o/fake/" + f.Name, Filesize: int64(len(data))})
	}
	return out, nil
}

func contentType(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".png":
		return "image/png"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".gif":
		return "image/gif"
	case ".pdf":
		return "application/pdf"
	case ".txt", ".log":
		return "text/plain"
	}
	return "application/octet-stream"
}

// manageRequest is one of close/snooze/open/assign_conversation_request.
type manageRequest struct {
	MessageType  string     `json:"message_type"`
	Type         string     `json:"type"`
	AdminID      flexString `json:"admin_id"`
	AssigneeID   flexString `json:"assignee_id"`
	SnoozedUntil flexInt    `json:"snoozed_until"`
	Body         string     `json:"body"`
}

// manageConversation is POST /conversations/{id}/parts: close, snoozed, open or
// assignment. Each changes the conversation, appends its event part and answers the
// whole conversation.
func (ws *Workspace) manageConversation(r *http.Request) (any, error) {
	i, err := ws.conversationIndex(r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	var req manageRequest
	if err := decode(r, &req); err != nil {
		return nil, err
	}
	if err := ws.checkManage(&req); err != nil {
		return nil, err
	}
	a, err := ws.admin(string(req.AdminID))
	if err != nil {
		return nil, err
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	now := ws.now()
	ov := ws.convOverlay(i)
	part := models.Part{Type: "conversation_part", ID: ws.newID(), PartType: req.MessageType,
		Body: models.NullString(req.Body), CreatedAt: now, UpdatedAt: now, NotifiedAt: now,
		Author:      models.Author{Type: "admin", ID: a.ID, Name: models.NullString(a.Name), Email: a.Email},
		Attachments: []models.Attachment{}}
	st := ov.stats
	if ov.state == models.StateClosed && req.MessageType != models.MessageClose && req.MessageType != models.MessageAssignment && st != nil {
		st.CountReopens++ // opening or snoozing a closed conversation reopens it
	}
	switch req.MessageType {
	case models.MessageClose:
		ov.state, ov.open, ov.snoozedUntil = models.StateClosed, false, 0
		if st != nil {
			st.LastCloseAt, st.LastClosedByID = now, a.ID
			if st.FirstCloseAt == 0 {
				st.FirstCloseAt = now
			}
		}
	case models.MessageSnoozed:
		ov.state, ov.open, ov.snoozedUntil = models.StateSnoozed, true, int64(req.SnoozedUntil)
		part.Body = ""
	case models.MessageOpen:
		ov.state, ov.open, ov.snoozedUntil = models.StateOpen, true, 0
		part.Body = ""
	case models.MessageAssignment:
		id := ws.assign(ov, req.Type, string(req.AssigneeID))
		if id != 0 {
			part.AssignedTo = &models.Reference{Type: req.Type, ID: models.ID(req.AssigneeID)}
		}
		if st != nil {
			st.CountAssignments++
			st.LastAssignmentAt = now
			if st.FirstAssignmentAt == 0 {
				st.FirstAssignmentAt = now
			}
		}
	}
	ov.parts = append(ov.parts, part)
	ov.addTeammate(string(a.ID))
	ws.touch(ov, now)
	return ws.conversation(i), nil
}

// checkManage checks the variant's required fields and values, in the schema's order.
func (ws *Workspace) checkManage(req *manageRequest) error {
	if req.MessageType == "" {
		return missing("message_type")
	}
	switch req.MessageType {
	case models.MessageClose, models.MessageSnoozed, models.MessageOpen, models.MessageAssignment:
	default:
		return invalid("message_type", "message_type must be close, snoozed, open or assignment, got %q", req.MessageType)
	}
	if req.AdminID == "" {
		return missing("admin_id")
	}
	switch req.MessageType {
	case models.MessageClose:
		if req.Type == "" {
			return missing("type")
		}
		if req.Type != "admin" {
			return invalid("type", "type must be admin to close a conversation, got %q", req.Type)
		}
	case models.MessageSnoozed:
		if req.SnoozedUntil == 0 {
			return missing("snoozed_until")
		}
		if int64(req.SnoozedUntil) <= ws.now() {
			return invalid("snoozed_until", "snoozed_until must be in the future")
		}
	case models.MessageAssignment:
		switch {
		case req.Type == "":
			return missing("type")
		case req.Type != "admin" && req.Type != "team":
			return invalid("type", "type must be admin or team for an assignment, got %q", req.Type)
		case req.AssigneeID == "":
			return missing("assignee_id")
		}
		if req.AssigneeID != "0" && !ws.assigneeExists(req.Type, string(req.AssigneeID)) {
			return &apiError{status: http.StatusNotFound, code: codeAssigneeNotFound, msg: "Assignee not found", field: "assignee_id"}
		}
	}
	return nil
}

// assign sets the admin or team assignee ("0" unassigns) and returns the new id.
func (ws *Workspace) assign(ov *convOverlay, typ, assignee string) int64 {
	var id int64
	if assignee != "0" {
		id = parseID(assignee)
	}
	if typ == "team" {
		ov.teamAssignee = id
	} else {
		ov.adminAssignee = id
	}
	return id
}

// touch records activity on a written conversation: it moves to the top of the list.
// The write sequence orders writes made within the same second.
func (ws *Workspace) touch(ov *convOverlay, now int64) {
	ws.writeSeq++
	ov.updatedAt, ov.seq = now, ws.writeSeq
	if ov.stats != nil {
		ov.stats.CountConversationParts = ov.baseParts + len(ov.parts)
	}
}
