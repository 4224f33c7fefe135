package fake

import (
	"encoding/json"
	"slices"
	"strconv"

	"github.com/intercom-tui/intercom-tui/models"
)

// The seeded World is read-only and rebuilt on demand, so the workspace keeps only what
// clients changed: one overlay per written conversation, ticket or contact. Reads build
// the seeded item and lay its overlay over it. All overlay access is under Workspace.mu.

// convOverlay holds a written conversation's mutable fields, copied from the seed on its
// first write and changed in place by later writes, plus the parts clients appended.
type convOverlay struct {
	state         string
	open          bool
	read          bool
	priority      string
	snoozedUntil  int64
	waitingSince  int64
	adminAssignee int64
	teamAssignee  int64
	updatedAt     int64
	seq           int64 // write sequence of the last activity, 0 if none (see touch)
	tags          []models.Tag
	teammates     []models.Reference
	stats         *models.ConvStatistics
	baseParts     int // the seed's count_conversation_parts
	parts         []models.Part
}

func newConvOverlay(c *models.Conversation) *convOverlay {
	ov := &convOverlay{
		state:         c.State,
		open:          c.Open,
		read:          c.Read,
		priority:      c.Priority,
		snoozedUntil:  int64(c.SnoozedUntil),
		waitingSince:  int64(c.WaitingSince),
		adminAssignee: int64(c.AdminAssigneeID),
		teamAssignee:  int64(c.TeamAssigneeID),
		updatedAt:     c.UpdatedAt,
	}
	if c.Tags != nil {
		ov.tags = slices.Clone(c.Tags.Tags)
	}
	if c.Teammates != nil {
		ov.teammates = slices.Clone(c.Teammates.Teammates)
	}
	if c.Statistics != nil {
		s := *c.Statistics
		ov.stats = &s
		ov.baseParts = s.CountConversationParts
	}
	return ov
}

// key is the written conversation i's place in list order (see convKey): the later its
// last activity, the earlier it comes among those with the same updated_at.
func (ov *convOverlay) key(i int) convKey {
	return convKey{u: ov.updatedAt, t: true, n: int64(i) - ov.seq<<32}
}

// apply lays the overlay over a conversation freshly built from the seed.
func (ov *convOverlay) apply(c *models.Conversation) {
	c.State, c.Open, c.Read, c.Priority = ov.state, ov.open, ov.read, ov.priority
	c.SnoozedUntil = models.NullInt(ov.snoozedUntil)
	c.WaitingSince = models.NullInt(ov.waitingSince)
	c.AdminAssigneeID = models.NullInt(ov.adminAssignee)
	c.TeamAssigneeID = models.NullInt(ov.teamAssignee)
	c.UpdatedAt = ov.updatedAt
	c.Tags = &models.TagList{Type: "tag.list", Tags: slices.Clone(ov.tags)}
	if c.Tags.Tags == nil {
		c.Tags.Tags = []models.Tag{}
	}
	if ov.teammates != nil {
		c.Teammates = &models.TeammateList{Type: "admin.list", Teammates: slices.Clone(ov.teammates)}
	}
	if ov.stats != nil {
		s := *ov.stats
		c.Statistics = &s
	}
	if c.ConversationParts != nil && len(ov.parts) > 0 {
		all := append(slices.Clone(c.ConversationParts.ConversationParts), ov.parts...)
		total := len(all)
		// "There is a limit of 500 parts": GET returns the 500 most recent.
		if len(all) > maxParts {
			all = all[len(all)-maxParts:]
		}
		c.ConversationParts = &models.PartList{Type: "conversation_part.list", ConversationParts: all, TotalCount: total}
	}
}

const maxParts = 500

// addTeammate records an admin as a participant, once.
func (ov *convOverlay) addTeammate(adminID string) {
	for _, t := range ov.teammates {
		if string(t.ID) == adminID {
			return
		}
	}
	ov.teammates = append(ov.teammates, models.Reference{Type: "admin", ID: models.ID(adminID)})
}

// ticketOverlay holds a written ticket's state, assignee, sharing, changed attributes
// and appended parts.
type ticketOverlay struct {
	state         string
	adminAssignee string
	teamAssignee  string
	isShared      bool
	attributes    map[string]any // only the attributes a client set
	updatedAt     int64
	parts         []models.TicketPart
}

func newTicketOverlay(t *models.Ticket) *ticketOverlay {
	return &ticketOverlay{
		state:         t.TicketState,
		adminAssignee: string(t.AdminAssigneeID),
		teamAssignee:  string(t.TeamAssigneeID),
		isShared:      t.IsShared,
		updatedAt:     t.UpdatedAt,
	}
}

func (ov *ticketOverlay) apply(t *models.Ticket) {
	t.TicketState = ov.state
	labels := ticketLabels[ov.state]
	t.TicketStateInternalLabel, t.TicketStateExternalLabel = labels[0], labels[1]
	t.AdminAssigneeID, t.TeamAssigneeID = models.ID(ov.adminAssignee), models.ID(ov.teamAssignee)
	t.IsShared = ov.isShared
	t.UpdatedAt = ov.updatedAt
	if len(ov.attributes) > 0 {
		attrs := make(map[string]any, len(t.TicketAttributes)+len(ov.attributes))
		for k, v := range t.TicketAttributes {
			attrs[k] = v
		}
		for k, v := range ov.attributes {
			attrs[k] = v
		}
		t.TicketAttributes = attrs
	}
	if t.TicketParts != nil && len(ov.parts) > 0 {
		all := append(slices.Clone(t.TicketParts.TicketParts), ov.parts...)
		total := len(all)
		if len(all) > maxParts {
			all = all[len(all)-maxParts:]
		}
		t.TicketParts = &models.TicketPartList{Type: "ticket_part.list", TicketParts: all, TotalCount: total}
	}
}

// ticketLabels are the seeded workspace's internal and external state labels (the
// external one is what customers see), kept in step with package seed.
var ticketLabels = map[string][2]string{
	models.TicketSubmitted:         {"Submitted", "Submitted"},
	models.TicketInProgress:        {"In progress", "We're on it"},
	models.TicketWaitingOnCustomer: {"Waiting on customer", "Awaiting your reply"},
	models.TicketResolved:          {"Resolved", "Resolved"},
}

// contactOverlay holds a written contact's tags (the full current set once changed),
// the notes clients added (newest last) and custom attributes set by phone redirects.
type contactOverlay struct {
	tags    []models.Tag
	tagsSet bool
	notes   []models.Note
	attrs   map[string]any
}

// flexString is a request id field: the schemas say string, the spec's examples send
// integers, and Intercom takes both.
type flexString string

func (f *flexString) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*f = ""
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*f = flexString(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return err
	}
	*f = flexString(n.String())
	return nil
}

// flexInt is a request timestamp: an integer, or a string of digits.
type flexInt int64

func (f *flexInt) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*f = 0
		return nil
	}
	var s string
	if json.Unmarshal(b, &s) == nil {
		n, err := strconv.ParseInt(s, 10, 64)
		*f = flexInt(n)
		return err
	}
	var n int64
	err := json.Unmarshal(b, &n)
	*f = flexInt(n)
	return err
}
