package models

import "encoding/json"

// Ticket states. PUT /tickets/{id} accepts all but submitted.
const (
	TicketSubmitted         = "submitted"
	TicketInProgress        = "in_progress"
	TicketWaitingOnCustomer = "waiting_on_customer"
	TicketResolved          = "resolved"
)

// Ticket is GET /tickets/{id} (and a ticket search result). Unlike conversations, its
// assignee ids are strings, "0" meaning unassigned.
type Ticket struct {
	Type                     string          `json:"type"`
	ID                       ID              `json:"id"`
	TicketID                 ID              `json:"ticket_id"`
	TicketAttributes         map[string]any  `json:"ticket_attributes"`
	TicketState              string          `json:"ticket_state"`
	TicketStateInternalLabel string          `json:"ticket_state_internal_label"`
	TicketStateExternalLabel string          `json:"ticket_state_external_label"`
	TicketType               *TicketType     `json:"ticket_type,omitempty"`
	Contacts                 *ContactRefList `json:"contacts,omitempty"`
	AdminAssigneeID          ID              `json:"admin_assignee_id"`
	TeamAssigneeID           ID              `json:"team_assignee_id"`
	CreatedAt                int64           `json:"created_at"`
	UpdatedAt                int64           `json:"updated_at"`
	TicketParts              *TicketPartList `json:"ticket_parts,omitempty"`
	IsShared                 bool            `json:"is_shared"`
	// Open and LinkedObjects come with ticket search (2.10); 2.9's GET has neither.
	Open          *bool           `json:"open,omitempty"`
	LinkedObjects json.RawMessage `json:"linked_objects,omitempty"`
}

// Title is the default title attribute.
func (t *Ticket) Title() string {
	s, _ := t.TicketAttributes["_default_title_"].(string)
	return s
}

// Description is the default description attribute.
func (t *Ticket) Description() string {
	s, _ := t.TicketAttributes["_default_description_"].(string)
	return s
}

// Parts is the ticket's parts, or nil when not loaded.
func (t *Ticket) Parts() []TicketPart {
	if t.TicketParts == nil {
		return nil
	}
	return t.TicketParts.TicketParts
}

// FileAttribute decodes a files-typed ticket attribute value: one file object or a list.
func FileAttribute(v any) []Attachment {
	b, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	var many []Attachment
	if json.Unmarshal(b, &many) == nil {
		return many
	}
	var one Attachment
	if json.Unmarshal(b, &one) == nil && one.URL != "" {
		return []Attachment{one}
	}
	return nil
}

// TicketPartList is {type:"ticket_part.list", ticket_parts, total_count}.
type TicketPartList struct {
	Type        string       `json:"type"`
	TicketParts []TicketPart `json:"ticket_parts"`
	TotalCount  int          `json:"total_count"`
}

// TicketPart is one event of a ticket's timeline (state change, assignment, note, …).
type TicketPart struct {
	Type                string       `json:"type"`
	ID                  ID           `json:"id"`
	PartType            string       `json:"part_type"`
	Body                NullString   `json:"body"`
	PreviousTicketState string       `json:"previous_ticket_state,omitempty"`
	TicketState         string       `json:"ticket_state,omitempty"`
	CreatedAt           int64        `json:"created_at"`
	UpdatedAt           int64        `json:"updated_at"`
	AssignedTo          *Reference   `json:"assigned_to"`
	Author              Author       `json:"author"`
	Attachments         []Attachment `json:"attachments"`
	ExternalID          NullString   `json:"external_id"`
	Redacted            bool         `json:"redacted"`
}

// TicketType is a kind of ticket with its attributes.
type TicketType struct {
	Type                 string                   `json:"type"`
	ID                   ID                       `json:"id"`
	Name                 string                   `json:"name"`
	Description          string                   `json:"description"`
	Icon                 string                   `json:"icon"`
	WorkspaceID          string                   `json:"workspace_id"`
	TicketTypeAttributes *TicketTypeAttributeList `json:"ticket_type_attributes,omitempty"`
	Archived             bool                     `json:"archived"`
	CreatedAt            int64                    `json:"created_at"`
	UpdatedAt            int64                    `json:"updated_at"`
	IsInternal           bool                     `json:"is_internal,omitempty"`
}

// Attributes lists the type's attributes, or nil.
func (t *TicketType) Attributes() []TicketTypeAttribute {
	if t.TicketTypeAttributes == nil {
		return nil
	}
	return t.TicketTypeAttributes.Items
}

// TicketTypeAttributeList is {type, ticket_type_attributes} in the schema and
// {type:"list", data} in the examples; both are read, the schema's shape is written.
type TicketTypeAttributeList struct {
	Type  string
	Items []TicketTypeAttribute
}

func (l TicketTypeAttributeList) MarshalJSON() ([]byte, error) {
	items := l.Items
	if items == nil {
		items = []TicketTypeAttribute{}
	}
	return json.Marshal(struct {
		Type  string                `json:"type"`
		Items []TicketTypeAttribute `json:"ticket_type_attributes"`
	}{l.Type, items})
}

func (l *TicketTypeAttributeList) UnmarshalJSON(b []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	if t, ok := raw["type"]; ok {
		_ = json.Unmarshal(t, &l.Type)
	}
	items, err := listOf[TicketTypeAttribute](raw, "ticket_type_attributes", "data")
	l.Items = items
	return err
}

// Ticket attribute data types.
const (
	DataString   = "string"
	DataList     = "list"
	DataInteger  = "integer"
	DataDecimal  = "decimal"
	DataBoolean  = "boolean"
	DataDatetime = "datetime"
	DataFiles    = "files"
)

// TicketTypeAttribute describes one attribute of a ticket type.
type TicketTypeAttribute struct {
	Type                        string         `json:"type"`
	ID                          ID             `json:"id"`
	WorkspaceID                 string         `json:"workspace_id"`
	Name                        string         `json:"name"`
	Description                 string         `json:"description"`
	DataType                    string         `json:"data_type"`
	InputOptions                map[string]any `json:"input_options"`
	Order                       int            `json:"order"`
	RequiredToCreate            bool           `json:"required_to_create"`
	RequiredToCreateForContacts bool           `json:"required_to_create_for_contacts"`
	VisibleOnCreate             bool           `json:"visible_on_create"`
	VisibleToContacts           bool           `json:"visible_to_contacts"`
	Default                     bool           `json:"default"`
	TicketTypeID                int64          `json:"ticket_type_id"`
	Archived                    bool           `json:"archived"`
	CreatedAt                   int64          `json:"created_at"`
	UpdatedAt                   int64          `json:"updated_at"`
}

// TicketTypeList is GET /ticket_types: {type:"ticket_type.list", ticket_types} in the
// schema, {type:"list", data} in the example. Both are read; the schema's is written.
type TicketTypeList struct {
	Type        string
	TicketTypes []TicketType
}

func (l TicketTypeList) MarshalJSON() ([]byte, error) {
	items := l.TicketTypes
	if items == nil {
		items = []TicketType{}
	}
	return json.Marshal(struct {
		Type        string       `json:"type"`
		TicketTypes []TicketType `json:"ticket_types"`
	}{l.Type, items})
}

func (l *TicketTypeList) UnmarshalJSON(b []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	if t, ok := raw["type"]; ok {
		_ = json.Unmarshal(t, &l.Type)
	}
	items, err := listOf[TicketType](raw, "ticket_types", "data")
	l.TicketTypes = items
	return err
}

// TicketList is POST /tickets/search (2.10): {type:"ticket.list", tickets, total_count, pages}.
type TicketList struct {
	Type       string       `json:"type"`
	Tickets    []Ticket     `json:"tickets"`
	TotalCount int          `json:"total_count"`
	Pages      *CursorPages `json:"pages"`
}

// UpdateTicketRequest is PUT /tickets/{id}. Assignment's assignee_id "0" unassigns.
type UpdateTicketRequest struct {
	TicketAttributes map[string]any    `json:"ticket_attributes,omitempty"`
	State            string            `json:"state,omitempty"`
	IsShared         *bool             `json:"is_shared,omitempty"`
	Assignment       *TicketAssignment `json:"assignment,omitempty"`
}

// TicketAssignment is the assignment of UpdateTicketRequest.
type TicketAssignment struct {
	AdminID    string `json:"admin_id,omitempty"`
	AssigneeID string `json:"assignee_id,omitempty"`
}

// TicketReplyRequest is POST /tickets/{id}/reply; only message_type "note" is supported.
type TicketReplyRequest struct {
	MessageType string `json:"message_type"`
	AdminID     string `json:"admin_id"`
	Body        string `json:"body"`
}
