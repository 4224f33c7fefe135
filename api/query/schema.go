package query

import (
	"slices"
	"strings"
)

// op is a parsed filter operator; opSet is a set of them.
type op uint8

const (
	opEq op = iota + 1
	opNe
	opIn
	opNin
	opLt
	opLe
	opGt
	opGe
	opContains
	opNotContains
	opPrefix
	opSuffix
	opCount
)

var opNames = [opCount]string{"", "=", "!=", "IN", "NIN", "<", "<=", ">", ">=", "~", "!~", "^", "$"}

func (o op) String() string { return opNames[o] }

func parseOp(s string) (op, bool) {
	for i := opEq; i < opCount; i++ {
		if opNames[i] == s {
			return i, true
		}
	}
	return 0, false
}

type opSet uint16

func ops(list ...op) opSet {
	var s opSet
	for _, o := range list {
		s |= 1 << o
	}
	return s
}

func (s opSet) has(o op) bool { return s&(1<<o) != 0 }

func (s opSet) names() []string {
	var out []string
	for o := opEq; o < opCount; o++ {
		if s.has(o) {
			out = append(out, o.String())
		}
	}
	return out
}

// Operator sets from the "Accepted Operators" tables. Conversations and tickets
// list only < and > for integers and dates (both inclusive there); contacts add
// <= and >= for integers and allow only = < > on dates.
var (
	equality  = ops(opEq, opNe, opIn, opNin)
	textOps   = equality | ops(opContains, opNotContains, opPrefix, opSuffix)
	rangeOps  = equality | ops(opLt, opGt)
	contactIn = equality | ops(opLt, opGt, opLe, opGe)
	contactDt = ops(opEq, opLt, opGt)
	tagIDOps  = ops(opEq, opNe)
	inclusive = ops(opLe, opGe)
)

// schema is one resource's searchable fields.
type schema struct {
	fields  map[string]Type
	aliases map[string]string   // spec spelling → the name a Record is asked for
	dynamic string              // prefix whose suffix is any attribute name; type from the value
	enums   map[string][]string // fields whose equality values the spec enumerates
}

var schemas = map[Resource]*schema{
	Conversations: {
		fields: map[string]Type{
			"id": TypeString, "created_at": TypeDate, "updated_at": TypeDate,
			"source.type": TypeString, "source.id": TypeString, "source.delivered_as": TypeString,
			"source.subject": TypeString, "source.body": TypeString,
			"source.author.id": TypeString, "source.author.type": TypeString,
			"source.author.name": TypeString, "source.author.email": TypeString,
			"source.url": TypeString, "contact_ids": TypeString, "teammate_ids": TypeString,
			"admin_assignee_id": TypeInteger, "team_assignee_id": TypeInteger,
			"channel_initiated": TypeString, "open": TypeBoolean, "read": TypeBoolean,
			"state": TypeString, "waiting_since": TypeDate, "snoozed_until": TypeDate,
			"tag_ids": TypeString, "priority": TypeString,
			"statistics.time_to_assignment":             TypeInteger,
			"statistics.time_to_admin_reply":            TypeInteger,
			"statistics.time_to_first_close":            TypeInteger,
			"statistics.time_to_last_close":             TypeInteger,
			"statistics.median_time_to_reply":           TypeInteger,
			"statistics.first_contact_reply_at":         TypeDate,
			"statistics.first_assignment_at":            TypeDate,
			"statistics.first_admin_reply_at":           TypeDate,
			"statistics.first_close_at":                 TypeDate,
			"statistics.last_assignment_at":             TypeDate,
			"statistics.last_assignment_admin_reply_at": TypeDate,
			"statistics.last_contact_reply_at":          TypeDate,
			"statistics.last_admin_reply_at":            TypeDate,
			"statistics.last_close_at":                  TypeDate,
			"statistics.last_closed_by_id":              TypeString,
			"statistics.count_reopens":                  TypeInteger,
			"statistics.count_assignments":              TypeInteger,
			"statistics.count_conversation_parts":       TypeInteger,
			"conversation_rating.requested_at":          TypeDate,
			"conversation_rating.replied_at":            TypeDate,
			"conversation_rating.score":                 TypeInteger,
			"conversation_rating.remark":                TypeString,
			"conversation_rating.contact_id":            TypeString,
			"conversation_rating.admin_id":              TypeString,
			"ai_agent_participated":                     TypeBoolean,
			"ai_agent.resolution_state":                 TypeString,
			"ai_agent.last_answer_type":                 TypeString,
			"ai_agent.rating":                           TypeInteger,
			"ai_agent.rating_remark":                    TypeString,
			"ai_agent.source_type":                      TypeString,
			"ai_agent.source_title":                     TypeString,
		},
		// The table spells it "admin_d"; accept that and the evident admin_id.
		aliases: map[string]string{"conversation_rating.admin_d": "conversation_rating.admin_id"},
		enums: map[string][]string{"source.type": {"conversation", "email", "facebook", "instagram",
			"phone_call", "phone_switch", "push", "sms", "twitter", "whatsapp"}},
	},
	Contacts: {
		fields: map[string]Type{
			"id": TypeString, "role": TypeString, "name": TypeString, "avatar": TypeString,
			"owner_id": TypeInteger, "email": TypeString, "email_domain": TypeString,
			"phone": TypeString, "external_id": TypeString,
			"created_at": TypeDate, "signed_up_at": TypeDate, "updated_at": TypeDate,
			"last_seen_at": TypeDate, "last_contacted_at": TypeDate, "last_replied_at": TypeDate,
			"last_email_opened_at": TypeDate, "last_email_clicked_at": TypeDate,
			"language_override": TypeString, "browser": TypeString, "browser_language": TypeString,
			"os": TypeString, "location.country": TypeString, "location.region": TypeString,
			"location.city": TypeString, "unsubscribed_from_emails": TypeBoolean,
			"marked_email_as_spam": TypeBoolean, "has_hard_bounced": TypeBoolean,
			"ios_last_seen_at": TypeDate, "ios_app_version": TypeString, "ios_device": TypeString,
			"ios_app_device": TypeString, "ios_os_version": TypeString, "ios_app_name": TypeString,
			"ios_sdk_version": TypeString, "android_last_seen_at": TypeDate,
			"android_app_version": TypeString, "android_device": TypeString,
			"android_app_name": TypeString, "android_sdk_version": TypeString,
			"segment_id": TypeString, "tag_id": TypeString,
		},
		// The table spells it "andoid_sdk_version"; the contact model says android_.
		aliases: map[string]string{"andoid_sdk_version": "android_sdk_version"},
		dynamic: "custom_attributes.",
		enums:   map[string][]string{"role": {"user", "lead"}},
	},
	Tickets: {
		// From the 2.10 description. Its source.body paragraph is copied from
		// conversations; the ticket table and the ticket model have no source.
		fields: map[string]Type{
			"id": TypeString, "created_at": TypeDate, "updated_at": TypeDate,
			"title": TypeString, "description": TypeString, "category": TypeString,
			"ticket_type_id": TypeString, "contact_ids": TypeString, "teammate_ids": TypeString,
			"admin_assignee_id": TypeString, "team_assignee_id": TypeString,
			"open": TypeBoolean, "state": TypeString, "snoozed_until": TypeDate,
		},
		dynamic: "ticket_attribute.",
	},
}

// lookup resolves a field to the name a Record is asked for and its type.
func (s *schema) lookup(field string) (string, Type, bool) {
	if c, ok := s.aliases[field]; ok {
		field = c
	}
	if t, ok := s.fields[field]; ok {
		return field, t, true
	}
	if s.dynamic != "" && strings.HasPrefix(field, s.dynamic) && len(field) > len(s.dynamic) {
		return field, TypeAny, true
	}
	return "", 0, false
}

// allowed is the operator set res accepts on field of type t (t never TypeAny).
func allowed(res Resource, field string, t Type) opSet {
	if res == Contacts {
		switch {
		case field == "tag_id":
			return tagIDOps
		case t == TypeString:
			return textOps
		case t == TypeInteger, t == TypeFloat:
			return contactIn
		case t == TypeDate:
			return contactDt
		}
		return equality
	}
	switch t {
	case TypeString:
		return textOps
	case TypeInteger, TypeDate, TypeFloat:
		if res == Tickets && field == "created_at" {
			// "You may use the <= or >= operators to search by created_at."
			return rangeOps | inclusive
		}
		return rangeOps
	}
	return equality
}

// Fields lists the field names res accepts, sorted; spec misspellings are listed
// beside the names a Record is asked for, and the dynamic family appears as
// "custom_attributes.{name}" or "ticket_attribute.{id}".
func Fields(res Resource) []string {
	s := schemas[res]
	if s == nil {
		return nil
	}
	out := make([]string, 0, len(s.fields)+len(s.aliases)+1)
	for f := range s.fields {
		out = append(out, f)
	}
	for a := range s.aliases {
		out = append(out, a)
	}
	switch res {
	case Contacts:
		out = append(out, s.dynamic+"{name}")
	case Tickets:
		out = append(out, s.dynamic+"{id}")
	}
	slices.Sort(out)
	return out
}

// FieldType reports the type of field on res; TypeAny for custom/ticket attributes.
func FieldType(res Resource, field string) (Type, bool) {
	s := schemas[res]
	if s == nil {
		return 0, false
	}
	_, t, ok := s.lookup(field)
	return t, ok
}

// AllowedOperators lists the operators res accepts on field, in the spec's order,
// or nil for an unknown field. For attributes typed by their value it lists every
// operator some value type allows.
func AllowedOperators(res Resource, field string) []string {
	s := schemas[res]
	if s == nil {
		return nil
	}
	name, t, ok := s.lookup(field)
	if !ok {
		return nil
	}
	if t != TypeAny {
		return allowed(res, name, t).names()
	}
	var set opSet
	for _, tt := range []Type{TypeString, TypeInteger, TypeDate, TypeBoolean, TypeFloat} {
		set |= allowed(res, name, tt)
	}
	return set.names()
}
