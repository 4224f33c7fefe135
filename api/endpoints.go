package api

import "github.com/intercom-tui/intercom-tui/models"

// Endpoint is one operation the client calls: the spec's method and path template, the
// Intercom-Version it is sent with, and the model its 2xx answer decodes into. The
// contract tests walk this table: every entry must have a spec example that decodes,
// and every request the client makes must match an entry.
type Endpoint struct {
	Method  string
	Path    string // as written in the spec, e.g. /conversations/{id}
	Version string
	Model   func() any // a new pointer to the decode target
}

func model[T any]() func() any { return func() any { return new(T) } }

// Endpoints lists every operation the client calls.
var Endpoints = []Endpoint{
	{"GET", "/me", Version, model[models.Me]()},
	{"GET", "/admins", Version, model[models.AdminList]()},
	{"GET", "/admins/{id}", Version, model[models.Admin]()},
	{"GET", "/teams", Version, model[models.TeamList]()},
	{"GET", "/teams/{id}", Version, model[models.Team]()},
	{"GET", "/tags", Version, model[models.DataTagList]()},
	{"POST", "/tags", Version, model[models.Tag]()},
	{"GET", "/segments", Version, model[models.SegmentList]()},

	{"GET", "/conversations", Version, model[models.ConversationList]()},
	{"POST", "/conversations/search", Version, model[models.ConversationList]()},
	{"GET", "/conversations/{id}", Version, model[models.Conversation]()},
	{"PUT", "/conversations/{id}", Version, model[models.Conversation]()},
	{"POST", "/conversations/{id}/reply", Version, model[models.Conversation]()},
	{"POST", "/conversations/{id}/parts", Version, model[models.Conversation]()},
	{"POST", "/conversations/{conversation_id}/tags", Version, model[models.Tag]()},
	{"DELETE", "/conversations/{conversation_id}/tags/{id}", Version, model[models.Tag]()},

	{"GET", "/contacts", Version, model[models.ContactList]()},
	{"POST", "/contacts/search", Version, model[models.ContactList]()},
	{"GET", "/contacts/{id}", Version, model[models.Contact]()},
	{"GET", "/contacts/{id}/companies", Version, model[models.CompanyList]()},
	{"GET", "/contacts/{contact_id}/tags", Version, model[models.DataTagList]()},
	{"GET", "/contacts/{contact_id}/segments", Version, model[models.SegmentList]()},
	{"GET", "/contacts/{id}/notes", Version, model[models.NoteList]()},
	{"POST", "/contacts/{id}/notes", Version, model[models.Note]()},

	{"GET", "/ticket_types", Version, model[models.TicketTypeList]()},
	{"GET", "/tickets/{id}", Version, model[models.Ticket]()},
	{"PUT", "/tickets/{id}", Version, model[models.Ticket]()},
	{"POST", "/tickets/{id}/reply", Version, model[models.TicketPart]()},
	{"POST", "/tickets/search", TicketSearchVersion, model[models.TicketList]()},

	{"GET", "/articles", Version, model[models.ArticleList]()},
	{"GET", "/articles/{id}", Version, model[models.Article]()},
	{"GET", "/help_center/help_centers", Version, model[models.HelpCenterList]()},
	{"GET", "/help_center/collections", Version, model[models.CollectionList]()},
	{"GET", "/help_center/sections", Version, model[models.SectionList]()},

	{"POST", "/phone_call_redirects", Version, model[models.PhoneSwitch]()},
}

// Version is the Intercom-Version the client speaks; TicketSearchVersion is the one
// exception, because 2.9 cannot list or search tickets.
const (
	Version             = "2.9"
	TicketSearchVersion = "2.10"
)
