package query

import (
	"strings"

	"github.com/intercom-tui/intercom-tui/models"
)

// OptString is s, or missing when empty.
func OptString(s string) (Value, bool) {
	if s == "" {
		return Value{}, false
	}
	return String(s), true
}

// OptDate is a unix time, or missing when zero.
func OptDate(unix int64) (Value, bool) {
	if unix == 0 {
		return Value{}, false
	}
	return Date(unix), true
}

// OptInt is n, or missing when zero.
func OptInt(n int64) (Value, bool) {
	if n == 0 {
		return Value{}, false
	}
	return Int(n), true
}

// ConversationRecord is a conversation as the conversation search sees it, shared by the
// fake (to answer searches) and the offline store (to list a view from what it holds),
// so both read a field the same way. It is reused across items (Reset) and builds id
// lists lazily into reused buffers. Empty strings, zero times and zero assignee ids read
// as missing: that is what Intercom's null is.
type ConversationRecord struct {
	c                               *models.Conversation
	contactIDs, teammateIDs, tagIDs []string
	have                            uint8 // bits: 1 contacts, 2 teammates, 4 tags
}

// ids is an id list field, built by fill into buf the first time the record is asked
// for it (bit marks it built) and read from buf after that.
func (r *ConversationRecord) ids(bit uint8, buf *[]string, fill func([]string) []string) (Value, bool) {
	if r.have&bit == 0 {
		*buf = fill((*buf)[:0])
		r.have |= bit
	}
	return Strings(*buf...), len(*buf) > 0
}

// Reset points the record at c.
func (r *ConversationRecord) Reset(c *models.Conversation) {
	r.c, r.have = c, 0
}

// Get reads a search field.
func (r *ConversationRecord) Get(field string) (Value, bool) {
	c := r.c
	switch field {
	case "id":
		return OptString(string(c.ID))
	case "created_at":
		return OptDate(c.CreatedAt)
	case "updated_at":
		return OptDate(c.UpdatedAt)
	case "open":
		return Bool(c.Open), true
	case "read":
		return Bool(c.Read), true
	case "state":
		return OptString(c.State)
	case "priority":
		return OptString(c.Priority)
	case "waiting_since":
		return OptDate(int64(c.WaitingSince))
	case "snoozed_until":
		return OptDate(int64(c.SnoozedUntil))
	case "admin_assignee_id":
		return OptInt(int64(c.AdminAssigneeID))
	case "team_assignee_id":
		return OptInt(int64(c.TeamAssigneeID))
	case "contact_ids":
		return r.ids(1, &r.contactIDs, func(out []string) []string {
			if c.Contacts != nil {
				for _, ref := range c.Contacts.Contacts {
					out = append(out, string(ref.ID))
				}
			}
			return out
		})
	case "teammate_ids":
		return r.ids(2, &r.teammateIDs, func(out []string) []string {
			if c.Teammates != nil {
				for _, ref := range c.Teammates.Teammates {
					out = append(out, string(ref.ID))
				}
			}
			return out
		})
	case "tag_ids":
		return r.ids(4, &r.tagIDs, func(out []string) []string {
			if c.Tags != nil {
				for _, t := range c.Tags.Tags {
					out = append(out, string(t.ID))
				}
			}
			return out
		})
	}
	if rest, ok := strings.CutPrefix(field, "source."); ok {
		return sourceField(c.Source, rest)
	}
	if rest, ok := strings.CutPrefix(field, "statistics."); ok {
		return statField(c.Statistics, rest)
	}
	if rest, ok := strings.CutPrefix(field, "conversation_rating."); ok {
		return ratingField(c.ConversationRating, rest)
	}
	return Value{}, false // channel_initiated, ai_agent.*: not in the 2.9 model
}

func sourceField(s *models.Source, f string) (Value, bool) {
	if s == nil {
		return Value{}, false
	}
	switch f {
	case "type":
		return OptString(s.Type)
	case "id":
		return OptString(string(s.ID))
	case "delivered_as":
		return OptString(s.DeliveredAs)
	case "subject":
		return OptString(s.Subject)
	case "body":
		return OptString(s.Body)
	case "url":
		return OptString(string(s.URL))
	case "author.id":
		return OptString(string(s.Author.ID))
	case "author.type":
		return OptString(s.Author.Type)
	case "author.name":
		return OptString(string(s.Author.Name))
	case "author.email":
		return OptString(s.Author.Email)
	}
	return Value{}, false
}

func statField(s *models.ConvStatistics, f string) (Value, bool) {
	if s == nil {
		return Value{}, false
	}
	switch f {
	case "time_to_assignment":
		return Int(s.TimeToAssignment), true
	case "time_to_admin_reply":
		return Int(s.TimeToAdminReply), true
	case "time_to_first_close":
		return Int(s.TimeToFirstClose), true
	case "time_to_last_close":
		return Int(s.TimeToLastClose), true
	case "median_time_to_reply":
		return Int(s.MedianTimeToReply), true
	case "first_contact_reply_at":
		return OptDate(s.FirstContactReplyAt)
	case "first_assignment_at":
		return OptDate(s.FirstAssignmentAt)
	case "first_admin_reply_at":
		return OptDate(s.FirstAdminReplyAt)
	case "first_close_at":
		return OptDate(s.FirstCloseAt)
	case "last_assignment_at":
		return OptDate(s.LastAssignmentAt)
	case "last_assignment_admin_reply_at":
		return OptDate(s.LastAssignmentAdminReplyAt)
	case "last_contact_reply_at":
		return OptDate(s.LastContactReplyAt)
	case "last_admin_reply_at":
		return OptDate(s.LastAdminReplyAt)
	case "last_close_at":
		return OptDate(s.LastCloseAt)
	case "last_closed_by_id":
		return OptString(string(s.LastClosedByID))
	case "count_reopens":
		return Int(int64(s.CountReopens)), true
	case "count_assignments":
		return Int(int64(s.CountAssignments)), true
	case "count_conversation_parts":
		return Int(int64(s.CountConversationParts)), true
	}
	return Value{}, false
}

func ratingField(r *models.ConversationRating, f string) (Value, bool) {
	if r == nil {
		return Value{}, false
	}
	switch f {
	case "replied_at":
		return OptDate(r.CreatedAt)
	case "score":
		return OptInt(int64(r.Rating))
	case "remark":
		return OptString(r.Remark)
	case "contact_id":
		return OptString(string(r.Contact.ID))
	case "admin_id":
		return OptString(string(r.Teammate.ID))
	}
	return Value{}, false // requested_at is not in the 2.9 model
}
