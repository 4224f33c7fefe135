package models

import "encoding/json"

// Contact is a user or a lead (GET /contacts/{id}, lists and search).
type Contact struct {
	Type                   string          `json:"type"`
	ID                     ID              `json:"id"`
	ExternalID             NullString      `json:"external_id"`
	WorkspaceID            string          `json:"workspace_id"`
	Role                   string          `json:"role"`
	Email                  string          `json:"email"`
	EmailDomain            string          `json:"email_domain"`
	Phone                  NullString      `json:"phone"`
	Name                   NullString      `json:"name"`
	OwnerID                NullInt         `json:"owner_id"`
	HasHardBounced         bool            `json:"has_hard_bounced"`
	MarkedEmailAsSpam      bool            `json:"marked_email_as_spam"`
	UnsubscribedFromEmails bool            `json:"unsubscribed_from_emails"`
	CreatedAt              int64           `json:"created_at"`
	UpdatedAt              int64           `json:"updated_at"`
	SignedUpAt             NullInt         `json:"signed_up_at"`
	LastSeenAt             NullInt         `json:"last_seen_at"`
	LastRepliedAt          NullInt         `json:"last_replied_at"`
	LastContactedAt        NullInt         `json:"last_contacted_at"`
	LastEmailOpenedAt      NullInt         `json:"last_email_opened_at"`
	LastEmailClickedAt     NullInt         `json:"last_email_clicked_at"`
	LanguageOverride       NullString      `json:"language_override"`
	Browser                NullString      `json:"browser"`
	BrowserVersion         NullString      `json:"browser_version"`
	BrowserLanguage        NullString      `json:"browser_language"`
	OS                     NullString      `json:"os"`
	AndroidAppName         NullString      `json:"android_app_name"`
	AndroidAppVersion      NullString      `json:"android_app_version"`
	AndroidDevice          NullString      `json:"android_device"`
	AndroidOSVersion       NullString      `json:"android_os_version"`
	AndroidSDKVersion      NullString      `json:"android_sdk_version"`
	AndroidLastSeenAt      NullInt         `json:"android_last_seen_at"`
	IOSAppName             NullString      `json:"ios_app_name"`
	IOSAppVersion          NullString      `json:"ios_app_version"`
	IOSDevice              NullString      `json:"ios_device"`
	IOSOSVersion           NullString      `json:"ios_os_version"`
	IOSSDKVersion          NullString      `json:"ios_sdk_version"`
	IOSLastSeenAt          NullInt         `json:"ios_last_seen_at"`
	CustomAttributes       map[string]any  `json:"custom_attributes"`
	Avatar                 json.RawMessage `json:"avatar,omitempty"`
	Tags                   *Addressables   `json:"tags,omitempty"`
	Notes                  *Addressables   `json:"notes,omitempty"`
	Companies              *Addressables   `json:"companies,omitempty"`
	Location               *Location       `json:"location,omitempty"`
	SocialProfiles         *SocialProfiles `json:"social_profiles,omitempty"`
	OptedInSubscriptions   *Addressables   `json:"opted_in_subscription_types,omitempty"`
	OptedOutSubscriptions  *Addressables   `json:"opted_out_subscription_types,omitempty"`
}

// DisplayName is the name, else the email, else the id: what a row shows for a person.
func (c *Contact) DisplayName() string {
	switch {
	case c.Name != "":
		return string(c.Name)
	case c.Email != "":
		return c.Email
	default:
		return string(c.ID)
	}
}

// Location is where Intercom last saw the contact.
type Location struct {
	Type    NullString `json:"type"`
	Country NullString `json:"country"`
	Region  NullString `json:"region"`
	City    NullString `json:"city"`
}

// Addressables summarises a contact's tags, notes or companies: up to 10 references and
// a url to fetch the rest.
type Addressables struct {
	Type       string        `json:"type,omitempty"`
	Data       []Addressable `json:"data"`
	URL        string        `json:"url"`
	TotalCount int           `json:"total_count"`
	HasMore    bool          `json:"has_more"`
}

// Addressable is {type, id, url}.
type Addressable struct {
	Type string `json:"type"`
	ID   ID     `json:"id"`
	URL  string `json:"url"`
}

// SocialProfiles is {data:[{type,name,url}]}.
type SocialProfiles struct {
	Type string          `json:"type,omitempty"`
	Data []SocialProfile `json:"data"`
}

// SocialProfile is one social media profile.
type SocialProfile struct {
	Type string `json:"type"`
	Name string `json:"name"`
	URL  string `json:"url"`
}

// ContactList is GET /contacts and POST /contacts/search.
type ContactList struct {
	Type       string       `json:"type"`
	Data       []Contact    `json:"data"`
	TotalCount int          `json:"total_count"`
	Pages      *CursorPages `json:"pages"`
}

// Tag labels conversations and contacts.
type Tag struct {
	Type      string     `json:"type"`
	ID        ID         `json:"id"`
	Name      string     `json:"name"`
	AppliedAt NullInt    `json:"applied_at,omitempty"`
	AppliedBy *Reference `json:"applied_by,omitempty"`
}

// DataTagList is {type:"list", data:[tags]}: GET /tags and GET /contacts/{id}/tags.
type DataTagList struct {
	Type string `json:"type"`
	Data []Tag  `json:"data"`
}

// Segment is a saved filter of contacts.
type Segment struct {
	Type       string `json:"type"`
	ID         ID     `json:"id"`
	Name       string `json:"name"`
	CreatedAt  int64  `json:"created_at"`
	UpdatedAt  int64  `json:"updated_at"`
	PersonType string `json:"person_type"`
	Count      *int   `json:"count,omitempty"`
}

// SegmentList is GET /segments ({type:"segment.list", segments}) and
// GET /contacts/{id}/segments ({type:"list", data}); both keys are read.
type SegmentList struct {
	Type     string    `json:"type"`
	Segments []Segment `json:"segments,omitempty"`
	Data     []Segment `json:"data,omitempty"`
}

// All returns the segments whichever key carried them.
func (l SegmentList) All() []Segment {
	if len(l.Segments) > 0 {
		return l.Segments
	}
	return l.Data
}

// Note is an admin's note on a contact; body is HTML.
type Note struct {
	Type      string       `json:"type"`
	ID        ID           `json:"id"`
	CreatedAt int64        `json:"created_at"`
	Contact   *NoteContact `json:"contact"`
	Author    *Admin       `json:"author,omitempty"`
	Body      string       `json:"body"`
}

// NoteContact is the contact a note is about.
type NoteContact struct {
	Type string `json:"type"`
	ID   ID     `json:"id"`
}

// NoteList is GET /contacts/{id}/notes.
type NoteList struct {
	Type       string       `json:"type"`
	Data       []Note       `json:"data"`
	TotalCount int          `json:"total_count"`
	Pages      *CursorPages `json:"pages"`
}

// CreateNoteRequest is POST /contacts/{id}/notes.
type CreateNoteRequest struct {
	Body      string `json:"body"`
	ContactID string `json:"contact_id,omitempty"`
	AdminID   string `json:"admin_id,omitempty"`
}
