package seed

import (
	"fmt"

	"github.com/intercom-tui/intercom-tui/models"
)

const numTickets = 60

// attrDef describes one ticket type attribute; together the three types use all seven
// data types, so every attribute renderer and editor gets exercised.
type attrDef struct {
	name, desc, dataType string
	multiline            bool
	options              []string // list attributes
	required             bool
}

type ticketTypeDef struct {
	name, desc, icon string
	attrs            []attrDef
	titles           []string
	descriptions     []string
}

var defaultAttrs = []attrDef{
	{name: "_default_title_", dataType: models.DataString, required: true},
	{name: "_default_description_", dataType: models.DataString, multiline: true},
}

var ticketTypeDefs = []ticketTypeDef{
	{"Bug report", "Something in the product isn't working as expected", "🐞",
		[]attrDef{
			{name: "Severity", desc: "How badly the customer is affected", dataType: models.DataList, options: []string{"Low", "Medium", "High", "Critical"}, required: true},
			{name: "Steps to reproduce", desc: "What the customer did", dataType: models.DataString, multiline: true},
			{name: "Affected users", desc: "How many users see the problem", dataType: models.DataInteger},
			{name: "Regression", desc: "It used to work", dataType: models.DataBoolean},
			{name: "Screenshots", desc: "Screenshots or recordings", dataType: models.DataFiles},
		},
		[]string{"CSV export is empty for large workspaces", "SSO login loops back to the sign-in page", "Webhook retries stop after 3 attempts",
			"Dashboard chart shows wrong totals", "エクスポートの文字化け (Shift-JIS)", "Mobile app crashes when opening attachments"},
		[]string{"Customer reports the problem since the last release.\nReproduced on Chrome 124.", "Happens for every admin in the workspace.\nWorkaround: none yet."}},
	{"Feature request", "An idea or request from a customer", "💡",
		[]attrDef{
			{name: "Product area", desc: "Where the feature would live", dataType: models.DataList, options: []string{"Inbox", "Reports", "API", "Mobile app", "Integrations"}},
			{name: "Votes", desc: "Customers asking for it", dataType: models.DataInteger},
			{name: "Target date", desc: "When the customer needs it", dataType: models.DataDatetime},
			{name: "Paying customer", desc: "Requested by a paying account", dataType: models.DataBoolean},
		},
		[]string{"Dark mode for the web app", "Bulk edit tags", "Audit log of admin actions", "Export reports as PDF", "Arabic (RTL) support in the Messenger"},
		[]string{"Several enterprise customers asked for this during QBRs.", "Would unblock their security review."}},
	{"Billing question", "Invoices, refunds and payment problems", "💳",
		[]attrDef{
			{name: "Invoice number", desc: "As printed on the invoice", dataType: models.DataString},
			{name: "Amount disputed", desc: "In the invoice currency", dataType: models.DataDecimal, required: true},
			{name: "Invoice date", desc: "Date on the invoice", dataType: models.DataDatetime},
			{name: "Refund requested", desc: "The customer wants money back", dataType: models.DataBoolean},
			{name: "Invoice PDF", desc: "The invoice in question", dataType: models.DataFiles},
			{name: "Plan", desc: "Plan at the time of the invoice", dataType: models.DataList, options: planNames},
		},
		[]string{"Duplicate charge on renewal", "VAT number missing on invoice", "Refund for unused seats", "Card declined but account suspended", "Пересчёт счёта за март"},
		[]string{"Customer was charged twice on the 1st.\nStripe shows two captures.", "Needs a corrected invoice before month end."}},
}

var ticketStates = []string{models.TicketSubmitted, models.TicketInProgress, models.TicketWaitingOnCustomer, models.TicketResolved}

// Labels as a workspace might customise them: the external label is what customers see.
var ticketLabels = map[string][2]string{
	models.TicketSubmitted:         {"Submitted", "Submitted"},
	models.TicketInProgress:        {"In progress", "We're on it"},
	models.TicketWaitingOnCustomer: {"Waiting on customer", "Awaiting your reply"},
	models.TicketResolved:          {"Resolved", "Resolved"},
}

func (w *World) initTickets() {
	w.ticketIdx = make(map[string]int, numTickets)
	for i := range numTickets {
		w.ticketIdx[w.ticketID(i)] = i
	}
}

func (w *World) ticketTypeID(k int) int64 { return int64(40+w.seed%50) + int64(k) }

// ticketID spaces ids by 17 with a seeded jitter, so they look real yet never collide.
func (w *World) ticketID(i int) string {
	return itoa(int64(1_200+i*17) + int64(mix(w.seed+uint64(i))%17))
}

// TicketTypes are the 3 ticket types with their attributes.
func (w *World) TicketTypes() []models.TicketType {
	out := make([]models.TicketType, len(ticketTypeDefs))
	for k := range ticketTypeDefs {
		out[k] = w.ticketType(k)
	}
	return out
}

func (w *World) ticketType(k int) models.TicketType {
	d := &ticketTypeDefs[k]
	created := w.createdAt + int64(k+1)*7*day
	tid := w.ticketTypeID(k)
	t := models.TicketType{Type: "ticket_type", ID: models.ID(itoa(tid)), Name: d.name, Description: d.desc, Icon: d.icon,
		WorkspaceID: w.appID, CreatedAt: created, UpdatedAt: created + 30*day,
		TicketTypeAttributes: &models.TicketTypeAttributeList{Type: "ticket_type_attributes.list"}}
	attrs := append(defaultAttrs[:2:2], d.attrs...)
	for o, a := range attrs {
		ta := models.TicketTypeAttribute{Type: "ticket_type_attribute", ID: models.ID(itoa(tid*10 + int64(o) + 100)), WorkspaceID: w.appID,
			Name: a.name, Description: a.desc, DataType: a.dataType, Order: o, RequiredToCreate: a.required,
			VisibleOnCreate: true, VisibleToContacts: a.dataType != models.DataInteger, Default: o < 2,
			TicketTypeID: tid, CreatedAt: created, UpdatedAt: created}
		switch a.dataType {
		case models.DataString:
			ta.InputOptions = map[string]any{"multiline": a.multiline}
		case models.DataList:
			opts := make([]any, len(a.options))
			for j, label := range a.options {
				opts[j] = map[string]any{"id": w.optionID(tid, o, j), "label": label, "archived": false}
			}
			ta.InputOptions = map[string]any{"list_options": opts}
		case models.DataFiles:
			ta.InputOptions = map[string]any{"allow_multiple_values": true}
		default:
			ta.InputOptions = map[string]any{} // {} not null: the schema's input_options is not nullable
		}
		t.TicketTypeAttributes.Items = append(t.TicketTypeAttributes.Items, ta)
	}
	return t
}

// optionID is a list option's id: a UUID, as Intercom uses for list items.
func (w *World) optionID(tid int64, attr, opt int) string {
	r := newRNG(w.seed, kIDs, uint64(tid)<<16|uint64(attr)<<8|uint64(opt))
	a, b := r.next(), r.next()
	return fmt.Sprintf("%08x-%04x-4%03x-%04x-%012x", uint32(a), uint16(a>>32), (a>>48)&0xfff, 0x8000|(b&0x3fff), b>>16&0xffffffffffff)
}

// NumTickets is the number of tickets (60).
func (w *World) NumTickets() int { return numTickets }

// TicketIndex finds a ticket by its id.
func (w *World) TicketIndex(id string) (int, bool) {
	i, ok := w.ticketIdx[id]
	return i, ok
}

// Ticket is ticket i (0 <= i < NumTickets) with its attributes and timeline.
func (w *World) Ticket(i int) models.Ticket {
	if i < 0 || i >= numTickets {
		panic(fmt.Sprintf("seed: ticket index %d out of range [0, %d)", i, numTickets))
	}
	r := newRNG(w.seed, kTicket, uint64(i))
	k := r.intn(len(ticketTypeDefs))
	state := weighted(&r, []int{20, 35, 20, 25})
	if i < 4 {
		state = (i + int(w.seed%4)) % 4 // every state within the first four, whatever the seed
	}
	if i < 3 {
		k = i
	}
	d := &ticketTypeDefs[k]
	tt := w.ticketType(k)
	created := w.nowUnix - 3600 - r.int64n(45*day)
	ci := r.intn(len(w.contacts))
	team := r.intn(len(w.teams))
	admin := pick(&r, w.teams[team].members)
	if state == 0 && r.chance(0.6) {
		admin = -1 // not picked up yet
	}
	t := models.Ticket{Type: "ticket", ID: models.ID(w.ticketID(i)), TicketID: models.ID(itoa(int64(100 + i))),
		TicketState: ticketStates[state], TicketType: &tt, IsShared: r.chance(0.7), CreatedAt: created,
		TicketStateInternalLabel: ticketLabels[ticketStates[state]][0], TicketStateExternalLabel: ticketLabels[ticketStates[state]][1],
		Contacts:        &models.ContactRefList{Type: "contact.list", Contacts: []models.ContactReference{w.contactRef(ci)}},
		AdminAssigneeID: "0", TeamAssigneeID: models.ID(itoa(w.teams[team].id)),
	}
	if r.chance(0.1) {
		t.Contacts.Contacts = append(t.Contacts.Contacts, w.contactRef((ci+1+r.intn(len(w.contacts)-1))%len(w.contacts)))
	}
	if admin >= 0 {
		t.AdminAssigneeID = models.ID(itoa(w.admins[admin].id))
	}
	t.TicketAttributes = map[string]any{"_default_title_": pick(&r, d.titles), "_default_description_": pick(&r, d.descriptions)}
	for _, a := range d.attrs {
		t.TicketAttributes[a.name] = w.attrValue(&r, a, created)
	}
	t.TicketParts = w.ticketParts(i, state, admin, team, created)
	parts := t.TicketParts.TicketParts
	t.UpdatedAt = parts[len(parts)-1].UpdatedAt
	return t
}

func (w *World) contactRef(ci int) models.ContactReference {
	b := &w.contacts[ci]
	return models.ContactReference{Type: "contact", ID: models.ID(b.id), ExternalID: models.NullString(b.external)}
}

func (w *World) attrValue(r *rng, a attrDef, created int64) any {
	switch a.dataType {
	case models.DataList:
		return pick(r, a.options)
	case models.DataInteger:
		return r.between(1, 500)
	case models.DataDecimal:
		return float64(r.between(500, 250_000)) / 100 // cents → an amount with two decimals
	case models.DataBoolean:
		return r.chance(0.5)
	case models.DataDatetime:
		return created + int64(r.between(-30, 60))*day
	case models.DataFiles:
		files := make([]models.Attachment, r.between(1, 2))
		for j := range files {
			files[j] = attachment(r)
		}
		return files
	case models.DataString:
		if a.multiline {
			return "1. Open Settings → Data\n2. Click Export\n3. Wait for the email\nExpected: a CSV with all rows. Actual: only the header."
		}
		return fmt.Sprintf("INV-%d-%04d", 2024+r.intn(2), r.between(1, 9999))
	}
	return nil
}

var ticketNotes = []string{
	"<p>Reproduced on staging. Root cause looks like the batch size limit.</p>",
	"<p>Asked the customer for a HAR file. <b>Waiting.</b></p>",
	"<p>Engineering says the fix ships in <i>v2.14</i>. Linked " + link("https://linear.app/acme/issue/ENG-3310", "ENG-3310") + ".</p>",
	"<p>Refund approved, processing today 💳</p>",
	"<p>Customer confirmed the workaround works 👍</p>",
}

// statePaths are the transitions (after submission) that end in each state.
var statePaths = [][][]int{
	{{}},
	{{1}, {1, 2, 1}},
	{{1, 2}},
	{{1, 3}, {1, 2, 1, 3}, {3}},
}

// ticketParts is the timeline: submission, attribute updates, assignment, notes and
// state changes ending in the ticket's state.
func (w *World) ticketParts(i, state, admin, team int, created int64) *models.TicketPartList {
	r := newRNG(w.seed, kTicketPart, uint64(i))
	base := int64(900_000 + i*40)
	actor := admin
	if actor < 0 {
		actor = pick(&r, w.teams[team].members)
	}
	var parts []models.TicketPart
	t := created
	// add appends a part at time t and moves t on; the pointer is valid until the next add.
	add := func(partType string, author models.Author) *models.TicketPart {
		parts = append(parts, models.TicketPart{Type: "ticket_part", ID: models.ID(itoa(base + int64(len(parts)))), PartType: partType,
			CreatedAt: t, UpdatedAt: t, Author: author, Attachments: []models.Attachment{}})
		t += 60 + r.int64n(max(w.nowUnix-t, 0)/8+1)
		return &parts[len(parts)-1]
	}
	sub := add("ticket_state_updated_by_admin", w.adminAuthor(actor))
	sub.PreviousTicketState, sub.TicketState = models.TicketSubmitted, models.TicketSubmitted
	for range r.between(0, 2) {
		add("ticket_attribute_updated_by_admin", w.botAuthor())
	}
	if admin >= 0 {
		add("assignment", w.adminAuthor(actor)).AssignedTo = &models.Reference{Type: "admin", ID: models.ID(itoa(w.admins[admin].id))}
	} else {
		add("assignment", w.botAuthor()).AssignedTo = &models.Reference{Type: "team", ID: models.ID(itoa(w.teams[team].id))}
	}
	prev := 0
	for _, s := range pick(&r, statePaths[state]) {
		if r.chance(0.6) {
			add("note", w.adminAuthor(actor)).Body = models.NullString(pick(&r, ticketNotes))
		}
		change := add("ticket_state_updated_by_admin", w.adminAuthor(actor))
		change.PreviousTicketState, change.TicketState = ticketStates[prev], ticketStates[s]
		prev = s
	}
	if state == 0 && r.chance(0.5) {
		add("note", w.adminAuthor(actor)).Body = models.NullString(pick(&r, ticketNotes))
	}
	return &models.TicketPartList{Type: "ticket_part.list", TicketParts: parts, TotalCount: len(parts)}
}
