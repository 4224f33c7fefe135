package fake

import (
	"slices"
	"strings"

	"github.com/intercom-tui/intercom-tui/api/query"
	"github.com/intercom-tui/intercom-tui/models"
)

// Records expose a merged item (seed + overlay) to api/query by search field name. They
// are reused across items (reset) and build id lists lazily into reused buffers, so
// testing 100k conversations allocates nothing per filter. Empty strings, zero times
// and zero assignee ids read as missing: that is what Intercom's null is.

var (
	str     = query.OptString
	date    = query.OptDate
	integer = query.OptInt
)

// contactRecord is a contact as the contact search sees it.
type contactRecord struct {
	ws             *Workspace
	i              int
	c              *models.Contact
	tagIDs, segIDs []string
	have           uint8 // bits: 1 tags, 2 segments
}

func (r *contactRecord) reset(ws *Workspace, i int, c *models.Contact) {
	r.ws, r.i, r.c, r.have = ws, i, c, 0
}

func (r *contactRecord) Get(field string) (query.Value, bool) {
	c := r.c
	switch field {
	case "id":
		return str(string(c.ID))
	case "role":
		return str(c.Role)
	case "name":
		return str(string(c.Name))
	case "email":
		return str(c.Email)
	case "email_domain":
		return str(c.EmailDomain)
	case "phone":
		return str(string(c.Phone))
	case "external_id":
		return str(string(c.ExternalID))
	case "owner_id":
		return integer(int64(c.OwnerID))
	case "created_at":
		return date(c.CreatedAt)
	case "updated_at":
		return date(c.UpdatedAt)
	case "signed_up_at":
		return date(int64(c.SignedUpAt))
	case "last_seen_at":
		return date(int64(c.LastSeenAt))
	case "last_contacted_at":
		return date(int64(c.LastContactedAt))
	case "last_replied_at":
		return date(int64(c.LastRepliedAt))
	case "last_email_opened_at":
		return date(int64(c.LastEmailOpenedAt))
	case "last_email_clicked_at":
		return date(int64(c.LastEmailClickedAt))
	case "language_override":
		return str(string(c.LanguageOverride))
	case "browser":
		return str(string(c.Browser))
	case "browser_language":
		return str(string(c.BrowserLanguage))
	case "os":
		return str(string(c.OS))
	case "unsubscribed_from_emails":
		return query.Bool(c.UnsubscribedFromEmails), true
	case "marked_email_as_spam":
		return query.Bool(c.MarkedEmailAsSpam), true
	case "has_hard_bounced":
		return query.Bool(c.HasHardBounced), true
	case "ios_last_seen_at":
		return date(int64(c.IOSLastSeenAt))
	case "ios_app_version":
		return str(string(c.IOSAppVersion))
	case "ios_device", "ios_app_device":
		return str(string(c.IOSDevice))
	case "ios_os_version":
		return str(string(c.IOSOSVersion))
	case "ios_app_name":
		return str(string(c.IOSAppName))
	case "ios_sdk_version":
		return str(string(c.IOSSDKVersion))
	case "android_last_seen_at":
		return date(int64(c.AndroidLastSeenAt))
	case "android_app_version":
		return str(string(c.AndroidAppVersion))
	case "android_device":
		return str(string(c.AndroidDevice))
	case "android_app_name":
		return str(string(c.AndroidAppName))
	case "android_sdk_version":
		return str(string(c.AndroidSDKVersion))
	case "tag_id":
		if r.have&1 == 0 {
			r.tagIDs = r.tagIDs[:0]
			for _, t := range r.ws.contactTags(r.i) {
				r.tagIDs = append(r.tagIDs, string(t.ID))
			}
		}
		r.have |= 1
		return query.Strings(r.tagIDs...), len(r.tagIDs) > 0
	case "segment_id":
		if r.have&2 == 0 {
			r.segIDs = r.segIDs[:0]
			for _, s := range r.ws.world.ContactSegments(r.i) {
				r.segIDs = append(r.segIDs, string(s.ID))
			}
		}
		r.have |= 2
		return query.Strings(r.segIDs...), len(r.segIDs) > 0
	}
	if c.Location != nil {
		switch field {
		case "location.country":
			return str(string(c.Location.Country))
		case "location.region":
			return str(string(c.Location.Region))
		case "location.city":
			return str(string(c.Location.City))
		}
	}
	if name, ok := strings.CutPrefix(field, "custom_attributes."); ok {
		return anyValue(c.CustomAttributes[name])
	}
	return query.Value{}, false // avatar: an object, not searchable by value here
}

// anyValue types a custom or ticket attribute by the value it holds.
func anyValue(v any) (query.Value, bool) {
	switch x := v.(type) {
	case string:
		return str(x)
	case bool:
		return query.Bool(x), true
	case int:
		return query.Int(int64(x)), true
	case int64:
		return query.Int(x), true
	case float64:
		if x == float64(int64(x)) {
			return query.Int(int64(x)), true
		}
		return query.Float(x), true
	}
	return query.Value{}, false
}

// ticketRecord is a ticket as the 2.10 ticket search sees it.
type ticketRecord struct {
	t                       *models.Ticket
	attrs                   map[string]string // attribute id → name
	contactIDs, teammateIDs []string
}

func (r *ticketRecord) reset(t *models.Ticket, attrs map[string]string) {
	r.t, r.attrs = t, attrs
	r.contactIDs, r.teammateIDs = r.contactIDs[:0], r.teammateIDs[:0]
	if t.Contacts != nil {
		for _, c := range t.Contacts.Contacts {
			r.contactIDs = append(r.contactIDs, string(c.ID))
		}
	}
	for _, p := range t.Parts() {
		if p.Author.Type == "admin" && !slices.Contains(r.teammateIDs, string(p.Author.ID)) {
			r.teammateIDs = append(r.teammateIDs, string(p.Author.ID))
		}
	}
}

func (r *ticketRecord) Get(field string) (query.Value, bool) {
	t := r.t
	switch field {
	case "id":
		return str(string(t.ID))
	case "created_at":
		return date(t.CreatedAt)
	case "updated_at":
		return date(t.UpdatedAt)
	case "title":
		return str(t.Title())
	case "description":
		return str(t.Description())
	case "ticket_type_id":
		if t.TicketType != nil {
			return str(string(t.TicketType.ID))
		}
	case "contact_ids":
		return query.Strings(r.contactIDs...), len(r.contactIDs) > 0
	case "teammate_ids":
		return query.Strings(r.teammateIDs...), len(r.teammateIDs) > 0
	case "admin_assignee_id":
		if t.AdminAssigneeID != "0" {
			return str(string(t.AdminAssigneeID))
		}
	case "team_assignee_id":
		if t.TeamAssigneeID != "0" {
			return str(string(t.TeamAssigneeID))
		}
	case "open":
		return query.Bool(t.TicketState != models.TicketResolved), true
	case "state":
		return str(t.TicketState)
	}
	if id, ok := strings.CutPrefix(field, "ticket_attribute."); ok {
		return anyValue(t.TicketAttributes[r.attrs[id]])
	}
	return query.Value{}, false // category, snoozed_until: not in the 2.9 ticket model
}
