package seed

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/intercom-tui/intercom-tui/models"
)

// Channels (source.type) and states, in the spec's spelling.
var channels = []string{"conversation", "email", "facebook", "instagram", "phone_call",
	"phone_switch", "push", "sms", "twitter", "whatsapp"}

var channelWeights = []int{38, 24, 5, 4, 5, 3, 3, 6, 3, 9}

const (
	chMessenger = iota
	chEmail
	chFacebook
	chInstagram
	chPhoneCall
	chPhoneSwitch
	chPush
	chSMS
	chTwitter
	chWhatsApp
)

var states = []string{models.StateOpen, models.StateClosed, models.StateSnoozed}

const (
	stOpen = iota
	stClosed
	stSnoozed
)

// Who wrote the source message.
const (
	byCustomer = iota
	byAdmin
	byBot
)

const (
	maxParts = 40
	day      = 86400
)

// convHead is everything decided about a conversation before its parts: drawn from the
// kConvHead stream in a fixed order, the first draw being the age of the last activity so
// that convUpdatedAt can stop there (ConversationsByActivity needs nothing else).
type convHead struct {
	i                 int
	created, updated  int64
	nParts            int
	channel, state    int
	initiator         int
	deliveredAs       string
	srcAdmin          int
	topic             int
	contacts          [2]int
	nContacts         int
	admin, team       int // final assignees (indices), -1 for none
	priority, read    bool
	snoozedUntil      int64
	title, subjectTxt string
}

// lastActivityAge draws how long ago conversation activity last happened: up to ~60 days,
// denser towards now, as a real inbox is.
func lastActivityAge(r *rng) int64 {
	u := r.float()
	return 60 + int64(u*u*60*day)
}

func (w *World) convUpdatedAt(i int) int64 {
	r := newRNG(w.seed, kConvHead, uint64(i))
	return w.nowUnix - lastActivityAge(&r)
}

func (w *World) head(i int) convHead {
	if i < 0 || i >= w.n {
		panic(fmt.Sprintf("seed: conversation index %d out of range [0, %d)", i, w.n))
	}
	r := newRNG(w.seed, kConvHead, uint64(i))
	h := convHead{i: i, admin: -1, team: -1}
	h.updated = w.nowUnix - lastActivityAge(&r)
	u := r.float()
	h.nParts = 2 + int(u*u*u*(maxParts-1))
	perPart := 60 + int64(r.float()*r.float()*4*3600)
	span := int64(h.nParts) * perPart
	if r.chance(0.25) {
		span += r.int64n(6 * day) // the customer came back days later
	}
	h.created = h.updated - span

	// The first conversations cover every state, channel and priority whatever the seed,
	// so a small demo inbox shows them all; the rest are drawn with realistic weights.
	off := int(w.seed % 30)
	h.channel, h.state = weighted(&r, channelWeights), weighted(&r, []int{45, 40, 15})
	h.priority = r.chance(0.15)
	if i < 12 {
		h.state = (i + off) % 3
	}
	if i < 10 {
		h.channel = (i*3 + off) % 10
	}
	if i < 2 {
		h.priority = (i+off)%2 == 0
	}
	h.initiator, h.deliveredAs = deliveredAs(&r, h.channel)
	h.srcAdmin = r.intn(len(w.admins))

	switch h.channel {
	case chPhoneCall, chPhoneSwitch, chSMS, chWhatsApp:
		h.contacts[0] = pick(&r, w.phoneContacts)
	case chEmail:
		h.contacts[0] = pick(&r, w.emailContacts)
	default:
		h.contacts[0] = r.intn(len(w.contacts))
	}
	h.nContacts = 1
	if r.chance(0.08) {
		h.contacts[1] = (h.contacts[0] + 1 + r.intn(len(w.contacts)-1)) % len(w.contacts)
		h.nContacts = 2
	}

	h.topic = r.intn(len(topics))
	tp := &topics[h.topic]
	h.team = tp.team
	if r.chance(0.3) {
		h.team = r.intn(len(w.teams))
	}
	members := w.teams[h.team].members
	h.admin = pick(&r, members)
	x := r.float()
	switch {
	case h.state == stOpen && x < 0.2:
		h.admin, h.team = -1, -1 // unassigned: waiting in the shared inbox
	case h.state == stOpen && x < 0.4:
		h.admin = -1 // assigned to the team only
	case x < 0.85:
	case x < 0.95:
		h.team = -1
	default:
		if h.state != stOpen {
			h.admin = -1
		}
	}
	h.read = r.chance([]float64{0.55, 0.92, 0.8}[h.state])
	if h.state == stSnoozed {
		h.snoozedUntil = w.nowUnix + 3600 + r.int64n(5*day)
	}
	h.subjectTxt = pick(&r, tp.subjects)
	if h.channel == chEmail || (h.channel == chMessenger && r.chance(0.4)) {
		h.title = h.subjectTxt
	}
	return h
}

// deliveredAs couples source.delivered_as with the channel: pushes are outbound, social
// channels are customer-initiated, and so on.
func deliveredAs(r *rng, channel int) (int, string) {
	x := r.float()
	switch channel {
	case chMessenger:
		switch {
		case x < 0.75:
		case x < 0.85:
			return byAdmin, "admin_initiated"
		case x < 0.9:
			return byAdmin, "campaigns_initiated"
		case x < 0.95:
			return byBot, "operator_initiated"
		default:
			return byBot, "automated"
		}
	case chEmail:
		if x < 0.15 {
			return byAdmin, "admin_initiated"
		} else if x < 0.2 {
			return byAdmin, "campaigns_initiated"
		}
	case chPush:
		if x < 0.6 {
			return byAdmin, "campaigns_initiated"
		}
		return byBot, "automated"
	case chPhoneCall, chSMS, chWhatsApp:
		if x < 0.15 {
			return byAdmin, "admin_initiated"
		}
	}
	return byCustomer, "customer_initiated"
}

// ConversationSummary is conversation i as a list item: everything but its parts. It is
// cheap (no part text is built) and agrees with Conversation(i) field for field.
func (w *World) ConversationSummary(i int) models.Conversation {
	h := w.head(i)
	sk := w.skeleton(&h)
	return w.summary(&h, &sk)
}

// Conversation is conversation i (0 <= i < NumConversations) with its 2–40 parts.
func (w *World) Conversation(i int) models.Conversation {
	h := w.head(i)
	sk := w.skeleton(&h)
	c := w.summary(&h, &sk)
	c.ConversationParts = w.parts(&h, &sk)
	return c
}

func (w *World) summary(h *convHead, sk *skeleton) models.Conversation {
	st := sk.stats(h)
	c := models.Conversation{
		Type: "conversation", ID: models.ID(w.ConversationID(h.i)), Title: models.NullString(h.title),
		CreatedAt: h.created, UpdatedAt: h.updated, SnoozedUntil: models.NullInt(h.snoozedUntil),
		Open: h.state != stClosed, State: states[h.state], Read: h.read,
		Priority: models.PriorityNone, Source: w.source(h),
		Contacts: &models.ContactRefList{Type: "contact.list"},
	}
	if h.priority {
		c.Priority = models.PriorityHigh
	}
	if h.state != stClosed {
		c.WaitingSince = models.NullInt(st.waitingSince)
	}
	if h.admin >= 0 {
		c.AdminAssigneeID = models.NullInt(w.admins[h.admin].id)
	}
	if h.team >= 0 {
		c.TeamAssigneeID = models.NullInt(w.teams[h.team].id)
	}
	for k := range h.nContacts {
		b := &w.contacts[h.contacts[k]]
		c.Contacts.Contacts = append(c.Contacts.Contacts, models.ContactReference{Type: "contact", ID: models.ID(b.id), ExternalID: models.NullString(b.external)})
	}
	if len(st.teammates) > 0 {
		c.Teammates = &models.TeammateList{Type: "admin.list"}
		for _, a := range st.teammates {
			c.Teammates.Teammates = append(c.Teammates.Teammates, models.Reference{Type: "admin", ID: models.ID(itoa(w.admins[a].id))})
		}
	}
	if st.firstContactReply > 0 {
		c.FirstContactReply = &models.FirstContactReply{CreatedAt: st.firstContactReply, Type: channels[h.channel], URL: c.Source.URL}
	}
	r := newRNG(w.seed, kConvExtra, uint64(h.i)<<1|1)
	c.Tags = &models.TagList{Type: "tag.list", Tags: []models.Tag{}}
	nTags := weighted(&r, []int{35, 40, 18, 7})
	for k, t := range perm(&r, len(w.tags))[:nTags] {
		if k == 0 && r.chance(0.7) {
			t = w.tagIndex(topics[h.topic].tag)
		}
		by := st.teammates
		if len(by) == 0 {
			by = []int{h.srcAdmin}
		}
		c.Tags.Tags = append(c.Tags.Tags, models.Tag{Type: "tag", ID: models.ID(itoa(w.tags[t].id)), Name: w.tags[t].name,
			AppliedAt: models.NullInt(h.created + r.int64n(h.updated-h.created+1)),
			AppliedBy: &models.Reference{Type: "admin", ID: models.ID(itoa(w.admins[pick(&r, by)].id))}})
	}
	c.Tags.Tags = dedupeTags(c.Tags.Tags)
	if r.chance(0.3) {
		status := pick(&r, [][]string{{"active", "missed", "hit"}, {"hit", "hit", "missed", "cancelled"}, {"active", "hit"}}[h.state])
		c.SLAApplied = &models.SLAApplied{Type: "conversation_sla_summary", SLAName: pick(&r, []string{"VIP: 1h first response", "Standard: 8h", "Enterprise: 30m"}), SLAStatus: status}
	}
	if h.state == stClosed && h.initiator == byCustomer && r.chance(0.45) {
		c.ConversationRating = w.rating(h, st, &r)
	}
	if r.chance(0.95) {
		c.Statistics = st.model(w, h)
	}
	return c
}

func (w *World) tagIndex(name string) int {
	for i, t := range w.tags {
		if t.name == name {
			return i
		}
	}
	return 0
}

// dedupeTags drops repeats (the topic's tag may also have been drawn); n is at most 3.
func dedupeTags(tags []models.Tag) []models.Tag {
	out := tags[:0]
	for _, t := range tags {
		if !slices.ContainsFunc(out, func(o models.Tag) bool { return o.ID == t.ID }) {
			out = append(out, t)
		}
	}
	return out
}

var remarks = []string{"", "", "Super quick, thanks!", "Solved my problem 🙏", "Took a while but got there.",
	"Didn't really answer my question.", "ありがとうございました！", "Отличная поддержка 👍"}

func (w *World) rating(h *convHead, st convStats, r *rng) *models.ConversationRating {
	b := &w.contacts[h.contacts[0]]
	closer := st.lastCloser
	if closer < 0 {
		closer = h.srcAdmin
	}
	return &models.ConversationRating{
		Rating: 1 + weighted(r, []int{5, 5, 10, 30, 50}), Remark: pick(r, remarks),
		CreatedAt: min(w.nowUnix, h.updated+60+r.int64n(3600)),
		Contact:   models.ContactReference{Type: "contact", ID: models.ID(b.id), ExternalID: models.NullString(b.external)},
		Teammate:  models.Reference{Type: "admin", ID: models.ID(itoa(w.admins[closer].id))},
	}
}

// source is the conversation's first message.
func (w *World) source(h *convHead) *models.Source {
	r := newRNG(w.seed, kConvExtra, uint64(h.i)<<1)
	b := &w.contacts[h.contacts[0]]
	s := &models.Source{Type: channels[h.channel], ID: models.ID(strconv.FormatUint(1_000_000_000+w.convIDs.apply(uint64(h.i)), 10)),
		DeliveredAs: h.deliveredAs, Attachments: []models.Attachment{}}
	if h.channel == chEmail {
		s.Subject = h.subjectTxt
	}
	if h.channel == chMessenger {
		s.URL = models.NullString(pick(&r, []string{"https://app." + w.domain + "/settings/billing", "https://app." + w.domain + "/dashboard",
			"https://" + w.domain + "/pricing", "https://app." + w.domain + "/exports"}))
	}
	vars := map[string]string{"first": firstOr(b.first, "there"), "me": firstOr(b.first, ""), "phone": b.phone, "subject": h.subjectTxt}
	switch {
	case h.channel == chPhoneCall:
		s.Body = fill(pick(&r, phoneBodies), vars)
	case h.channel == chPhoneSwitch:
		s.Body = fill(pick(&r, switchBodies), vars)
	case h.initiator == byCustomer:
		s.Body = w.customerMessage(&r, b, pick(&r, topics[h.topic].openers), vars, true)
		if h.channel == chEmail && r.chance(0.2) {
			s.Attachments = append(s.Attachments, attachment(&r))
		}
	case h.initiator == byAdmin:
		vars["me"] = display(w.admins[h.srcAdmin].name)
		s.Body = fill(p(pick(&r, adminGreetings), pick(&r, outbound), pick(&r, adminSignoffs)), vars)
	default:
		s.Body = fill(p(pick(&r, botOpeners)), vars)
	}
	switch h.initiator {
	case byCustomer:
		s.Author = w.contactAuthor(h.contacts[0])
	case byAdmin:
		s.Author = w.adminAuthor(h.srcAdmin)
	default:
		s.Author = w.botAuthor()
	}
	return s
}

var outbound = []string{
	"Following up on our call earlier: I've attached the steps we discussed. Let me know how it goes!",
	"🎉 <b>New:</b> bulk editing is here. " + link("https://example.com/changelog", "Read the changelog") + " to see what's new.",
	"Your trial ends in <b>3 days</b>. Want a quick walkthrough of the Pro features before then?",
	"We noticed a few failed payments on your account. Could you update your card under <i>Settings → Billing</i>?",
}

var botOpeners = []string{
	"Hi {first} 👋 Can I help with anything today?",
	"Hey {first}! Quick question: how likely are you to recommend us to a friend? (0–10)",
	"Welcome back {first}! Here are some articles that might help:<br>" + link("https://help.example.com/articles/3-exporting-data", "Exporting data"),
}

// customerMessage is a customer's message: in their own language when they don't write
// English, else the topic text; a greeting and sign-off wrap only a formal message (the
// first one, or an email), as people don't greet every chat line.
func (w *World) customerMessage(r *rng, b *contactBase, text string, vars map[string]string, formal bool) string {
	if lang := cultures[b.culture].lang; lang != "en" && r.chance(0.75) {
		if pool, ok := customerByLang[lang]; ok {
			return p(pick(r, pool))
		}
	}
	if !formal {
		return fill(p(text), vars)
	}
	parts := []string{}
	if g := pick(r, customerGreetings); g != "" {
		parts = append(parts, g)
	}
	parts = append(parts, text)
	if s := pick(r, customerSignoffs); s != "" && vars["me"] != "" {
		parts = append(parts, s)
	}
	return fill(p(parts...), vars)
}

func (w *World) adminAuthor(a int) models.Author {
	b := &w.admins[a]
	return models.Author{Type: "admin", ID: models.ID(itoa(b.id)), Name: models.NullString(b.name), Email: b.email}
}

func (w *World) botAuthor() models.Author {
	return models.Author{Type: "bot", ID: models.ID(itoa(w.botID)), Name: "Fin", Email: "operator+" + w.appID + "@intercom.io"}
}

func (w *World) contactAuthor(c int) models.Author {
	b := &w.contacts[c]
	return models.Author{Type: b.role, ID: models.ID(b.id), Name: models.NullString(b.name), Email: b.email}
}
