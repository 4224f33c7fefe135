package models

// Conversation states, priorities and the part types the UI treats specially.
const (
	StateOpen    = "open"
	StateClosed  = "closed"
	StateSnoozed = "snoozed"

	PriorityHigh = "priority"
	PriorityNone = "not_priority"
)

// Conversation is GET /conversations/{id}. A list or search returns the same object
// without conversation_parts (conversation_list_item), so one type serves both.
type Conversation struct {
	Type               string              `json:"type"`
	ID                 ID                  `json:"id"`
	Title              NullString          `json:"title"`
	CreatedAt          int64               `json:"created_at"`
	UpdatedAt          int64               `json:"updated_at"`
	WaitingSince       NullInt             `json:"waiting_since"`
	SnoozedUntil       NullInt             `json:"snoozed_until"`
	Open               bool                `json:"open"`
	State              string              `json:"state"`
	Read               bool                `json:"read"`
	Priority           string              `json:"priority"`
	AdminAssigneeID    NullInt             `json:"admin_assignee_id"`
	TeamAssigneeID     NullInt             `json:"team_assignee_id"`
	Tags               *TagList            `json:"tags,omitempty"`
	ConversationRating *ConversationRating `json:"conversation_rating"`
	Source             *Source             `json:"source,omitempty"`
	Contacts           *ContactRefList     `json:"contacts,omitempty"`
	Teammates          *TeammateList       `json:"teammates"`
	FirstContactReply  *FirstContactReply  `json:"first_contact_reply"`
	SLAApplied         *SLAApplied         `json:"sla_applied"`
	Statistics         *ConvStatistics     `json:"statistics"`
	ConversationParts  *PartList           `json:"conversation_parts,omitempty"`
}

// TagNames lists the conversation's tag names.
func (c *Conversation) TagNames() []string {
	if c.Tags == nil {
		return nil
	}
	names := make([]string, len(c.Tags.Tags))
	for i, t := range c.Tags.Tags {
		names[i] = t.Name
	}
	return names
}

// Parts is the conversation's parts, oldest first, or nil when not loaded.
func (c *Conversation) Parts() []Part {
	if c.ConversationParts == nil {
		return nil
	}
	return c.ConversationParts.ConversationParts
}

// ContactIDs lists the ids of the conversation's contacts.
func (c *Conversation) ContactIDs() []ID {
	if c.Contacts == nil {
		return nil
	}
	ids := make([]ID, len(c.Contacts.Contacts))
	for i, r := range c.Contacts.Contacts {
		ids[i] = r.ID
	}
	return ids
}

// Source is the conversation's first message: channel, author, subject and HTML body.
type Source struct {
	Type        string       `json:"type"`
	ID          ID           `json:"id"`
	DeliveredAs string       `json:"delivered_as"`
	Subject     string       `json:"subject"`
	Body        string       `json:"body"`
	Author      Author       `json:"author"`
	Attachments []Attachment `json:"attachments"`
	URL         NullString   `json:"url"`
	Redacted    bool         `json:"redacted"`
}

// ContactRefList is {type:"contact.list", contacts:[…]}.
type ContactRefList struct {
	Type     string             `json:"type"`
	Contacts []ContactReference `json:"contacts"`
}

// TeammateList is {type:"admin.list", teammates:[…]}.
type TeammateList struct {
	Type      string      `json:"type"`
	Teammates []Reference `json:"teammates"`
}

// TagList is {type:"tag.list", tags:[…]} as embedded in conversations and companies.
type TagList struct {
	Type string `json:"type"`
	Tags []Tag  `json:"tags"`
}

// ConversationRating is the customer's rating of the conversation.
type ConversationRating struct {
	Rating    int              `json:"rating"`
	Remark    string           `json:"remark"`
	CreatedAt int64            `json:"created_at"`
	Contact   ContactReference `json:"contact"`
	Teammate  Reference        `json:"teammate"`
}

// FirstContactReply is when and where the customer first replied.
type FirstContactReply struct {
	CreatedAt int64      `json:"created_at"`
	Type      string     `json:"type"`
	URL       NullString `json:"url"`
}

// SLAApplied is the SLA summary: sla_status is hit, missed, cancelled or active.
type SLAApplied struct {
	Type      string `json:"type"`
	SLAName   string `json:"sla_name"`
	SLAStatus string `json:"sla_status"`
}

// ConvStatistics are a conversation's timings (durations in seconds, times as unix).
type ConvStatistics struct {
	Type                       string `json:"type"`
	TimeToAssignment           int64  `json:"time_to_assignment"`
	TimeToAdminReply           int64  `json:"time_to_admin_reply"`
	TimeToFirstClose           int64  `json:"time_to_first_close"`
	TimeToLastClose            int64  `json:"time_to_last_close"`
	MedianTimeToReply          int64  `json:"median_time_to_reply"`
	FirstContactReplyAt        int64  `json:"first_contact_reply_at"`
	FirstAssignmentAt          int64  `json:"first_assignment_at"`
	FirstAdminReplyAt          int64  `json:"first_admin_reply_at"`
	FirstCloseAt               int64  `json:"first_close_at"`
	LastAssignmentAt           int64  `json:"last_assignment_at"`
	LastAssignmentAdminReplyAt int64  `json:"last_assignment_admin_reply_at"`
	LastContactReplyAt         int64  `json:"last_contact_reply_at"`
	LastAdminReplyAt           int64  `json:"last_admin_reply_at"`
	LastCloseAt                int64  `json:"last_close_at"`
	LastClosedByID             ID     `json:"last_closed_by_id"`
	CountReopens               int    `json:"count_reopens"`
	CountAssignments           int    `json:"count_assignments"`
	CountConversationParts     int    `json:"count_conversation_parts"`
}

// PartList is {type:"conversation_part.list", conversation_parts, total_count}.
type PartList struct {
	Type              string `json:"type"`
	ConversationParts []Part `json:"conversation_parts"`
	TotalCount        int    `json:"total_count"`
}

// Part is one conversation part. part_type has no enum in the spec: comment, note,
// open, close, snoozed, assignment, assign_and_reopen, … are all seen.
type Part struct {
	Type        string       `json:"type"`
	ID          ID           `json:"id"`
	PartType    string       `json:"part_type"`
	Body        NullString   `json:"body"`
	CreatedAt   int64        `json:"created_at"`
	UpdatedAt   int64        `json:"updated_at"`
	NotifiedAt  int64        `json:"notified_at"`
	AssignedTo  *Reference   `json:"assigned_to"`
	Author      Author       `json:"author"`
	Attachments []Attachment `json:"attachments"`
	ExternalID  NullString   `json:"external_id"`
	Redacted    bool         `json:"redacted"`
}

// ConversationList is GET /conversations and POST /conversations/search.
type ConversationList struct {
	Type          string         `json:"type"`
	Conversations []Conversation `json:"conversations"`
	TotalCount    int            `json:"total_count"`
	Pages         *CursorPages   `json:"pages"`
}
