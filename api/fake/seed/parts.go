package seed

import (
	"slices"

	"github.com/intercom-tui/intercom-tui/models"
)

// A conversation's parts are planned first as a skeleton (kind, actor, time per part) with
// no text. The summary derives waiting_since, assignees' history, statistics and
// teammates from the skeleton alone; the full conversation then dresses each planned part
// with text from its own stream. Both views therefore agree, and the summary stays cheap.

// Part kinds of the skeleton.
const (
	pkUser        uint8 = iota // customer comment
	pkAdmin                    // admin comment
	pkNote                     // admin note
	pkBot                      // bot comment
	pkAssignTeam               // assignment to a team (the bot's default_assignment, or an admin's)
	pkAssignAdmin              // assignment to an admin
	pkSnoozed
	pkClose
	pkOpen
)

type skelPart struct {
	t      int64
	kind   uint8
	who    int8 // admin index; the bot is -1; for pkUser the contact slot
	target int8 // assignee (admin or team index) of an assignment
}

type skeleton struct {
	n     int
	parts [maxParts]skelPart
}

// skeleton plans the parts. Assignments come first (so the assignees are the last ones
// assigned), the tail matches the state (a closed conversation ends with close, a snoozed
// one with snoozed), and the middle is a conversation alternating customer and admin with
// notes and the odd close/snooze-and-reopen.
func (w *World) skeleton(h *convHead) skeleton {
	r := newRNG(w.seed, kConvPart, uint64(h.i)*64+63)
	var sk skeleton
	var weight [maxParts]uint64
	add := func(kind uint8, who, target int, wt uint64) {
		sk.parts[sk.n] = skelPart{kind: kind, who: int8(who), target: int8(target)}
		weight[sk.n] = wt
		sk.n++
	}
	quick := func() uint64 { return 1 + uint64(r.intn(300)) }
	slow := func() uint64 {
		wt := 1000 + uint64(r.intn(40_000))
		if r.chance(0.1) {
			wt *= 10 // overnight
		}
		return wt
	}
	replier := h.admin
	if replier < 0 {
		replier = r.intn(len(w.admins))
		if h.team >= 0 {
			replier = pick(&r, w.teams[h.team].members)
		}
	}

	if h.initiator == byCustomer && h.channel == chMessenger && r.chance(0.35) {
		add(pkBot, -1, 0, quick())
	}
	if h.team >= 0 {
		who := -1 // assignment rules route it: a default_assignment by the bot
		if r.chance(0.4) {
			who = replier
		}
		add(pkAssignTeam, who, h.team, quick())
	}
	reassignFrom := -1
	if h.admin >= 0 {
		if h.nParts >= 8 && r.chance(0.3) {
			reassignFrom = (h.admin + 1 + r.intn(len(w.admins)-1)) % len(w.admins)
			add(pkAssignAdmin, reassignFrom, reassignFrom, quick()) // took it, later passes it on
		} else {
			add(pkAssignAdmin, replier, h.admin, quick())
		}
	}
	prefix := sk.n

	var tail [2]skelPart
	nt := 1
	switch h.state {
	case stClosed:
		tail[0] = skelPart{kind: pkClose, who: int8(replier)}
		if r.chance(0.1) {
			tail[0].who = -1 // auto-closed after inactivity
		}
	case stSnoozed:
		tail[0] = skelPart{kind: pkSnoozed, who: int8(replier)}
	default:
		switch x := r.float(); {
		case x < 0.07:
			tail, nt = [2]skelPart{{kind: pkClose, who: int8(replier)}, {kind: pkOpen, who: int8(replier)}}, 2
		case x < 0.12:
			tail, nt = [2]skelPart{{kind: pkSnoozed, who: int8(replier)}, {kind: pkOpen, who: -1}}, 2 // snooze ran out
		case x < 0.6:
			tail[0] = skelPart{kind: pkUser, who: int8(w.customerSlot(&r, h))}
		case x < 0.88:
			tail[0] = skelPart{kind: pkAdmin, who: int8(replier)}
		default:
			tail[0] = skelPart{kind: pkNote, who: int8(r.intn(len(w.admins)))}
		}
	}

	// Half the unassigned open conversations are untouched: nobody on the team has
	// answered yet; only the customer (and perhaps the bot) wrote.
	if h.admin < 0 && h.team < 0 && h.state == stOpen && h.initiator == byCustomer && r.chance(0.5) {
		for n := min(h.nParts, 2+r.intn(3)); sk.n < n-1; {
			if r.chance(0.2) {
				add(pkBot, -1, 0, quick())
			} else {
				add(pkUser, w.customerSlot(&r, h), 0, slow())
			}
		}
		add(pkUser, w.customerSlot(&r, h), 0, slow())
		sk.spread(h, &weight)
		return sk
	}

	n := max(h.nParts, prefix+nt+1)
	mid := n - prefix - nt
	reassignAt := -1
	if reassignFrom >= 0 {
		reassignAt = r.intn(mid)
	}
	customerSpoke := h.initiator == byCustomer
	current := replier // who holds the conversation: the first admin until it is passed on
	if reassignFrom >= 0 {
		current = reassignFrom
	}
	for k := 0; k < mid; {
		if k == reassignAt {
			add(pkAssignAdmin, reassignFrom, h.admin, quick())
			current = h.admin
			k++
			continue
		}
		x := r.float()
		switch {
		case mid-k >= 3 && x < 0.05 && (reassignAt < k || reassignAt > k+1):
			if r.chance(0.5) {
				add(pkClose, current, 0, slow())
				add(pkOpen, current, 0, slow()*20) // the customer came back
			} else {
				add(pkSnoozed, current, 0, slow())
				add(pkOpen, -1, 0, slow()*20)
			}
			k += 2
			continue
		case x < 0.15:
			add(pkNote, r.intn(len(w.admins)), 0, quick()*10)
		default:
			if r.chance(0.78) {
				customerSpoke = !customerSpoke
			}
			if customerSpoke {
				add(pkUser, w.customerSlot(&r, h), 0, slow())
			} else {
				who := current
				if r.chance(0.15) {
					who = r.intn(len(w.admins)) // a colleague chimes in
				}
				add(pkAdmin, who, 0, slow())
			}
		}
		k++
	}
	for k := range nt {
		sk.parts[sk.n] = tail[k]
		weight[sk.n] = slow()
		sk.n++
	}
	sk.spread(h, &weight)
	return sk
}

// spread places the parts between created_at and updated_at in proportion to their weights;
// +k+1 keeps times strictly increasing and puts the last part exactly at updated_at.
func (sk *skeleton) spread(h *convHead, weight *[maxParts]uint64) {
	var total uint64
	for k := range sk.n {
		total += weight[k]
	}
	span := uint64(h.updated - h.created - int64(sk.n))
	var cum uint64
	for k := range sk.n {
		cum += weight[k]
		sk.parts[k].t = h.created + int64(span*cum/total) + int64(k) + 1
	}
}

func (w *World) customerSlot(r *rng, h *convHead) int {
	if h.nContacts > 1 && r.chance(0.25) {
		return 1
	}
	return 0
}

// convStats is what the summary derives from the skeleton.
type convStats struct {
	waitingSince, firstContactReply, lastContactReply        int64
	firstAssign, lastAssign, firstAdminReply, lastAdminReply int64
	lastAssignAdminReply, firstClose, lastClose, medianReply int64
	reopens, assignments, parts                              int
	lastCloser                                               int // admin index; -1 for the bot or nobody
	teammates                                                []int
	closedByBot                                              bool
}

func (sk *skeleton) stats(h *convHead) convStats {
	st := convStats{parts: sk.n, lastCloser: -1}
	if h.initiator == byCustomer {
		st.firstContactReply, st.lastContactReply = h.created, h.created
	}
	var seen uint32
	var replies [maxParts]int64
	nReplies := 0
	waitStart := int64(0) // when the customer started waiting, 0 when an admin spoke last
	if h.initiator == byCustomer {
		waitStart = h.created
	}
	closed := false
	for k := range sk.n {
		sp := sk.parts[k]
		if sp.kind != pkUser && sp.who >= 0 && seen&(1<<sp.who) == 0 {
			seen |= 1 << sp.who
			st.teammates = append(st.teammates, int(sp.who))
		}
		switch sp.kind {
		case pkUser:
			if st.firstContactReply == 0 {
				st.firstContactReply = sp.t
			}
			st.lastContactReply = sp.t
			if waitStart == 0 {
				waitStart = sp.t
			}
		case pkAdmin:
			if st.firstAdminReply == 0 {
				st.firstAdminReply = sp.t
			}
			if st.lastAssignAdminReply == 0 && st.lastAssign > 0 {
				st.lastAssignAdminReply = sp.t
			}
			st.lastAdminReply = sp.t
			if waitStart > 0 {
				replies[nReplies] = sp.t - waitStart
				nReplies++
			}
			waitStart = 0
		case pkAssignTeam, pkAssignAdmin:
			if st.firstAssign == 0 {
				st.firstAssign = sp.t
			}
			st.lastAssign, st.lastAssignAdminReply = sp.t, 0
			st.assignments++
		case pkClose:
			if st.firstClose == 0 {
				st.firstClose = sp.t
			}
			st.lastClose, st.lastCloser, st.closedByBot = sp.t, int(sp.who), sp.who < 0
			closed = true
		case pkOpen:
			if closed {
				st.reopens++
			}
			closed = false
		}
	}
	st.waitingSince = waitStart
	if nReplies > 0 {
		rs := replies[:nReplies]
		slices.Sort(rs)
		st.medianReply = rs[nReplies/2]
	}
	if h.admin >= 0 && seen&(1<<h.admin) == 0 {
		st.teammates = append(st.teammates, h.admin)
	}
	return st
}

func (st *convStats) model(w *World, h *convHead) *models.ConvStatistics {
	since := func(t int64) int64 {
		if t == 0 {
			return 0
		}
		return t - h.created
	}
	s := &models.ConvStatistics{
		Type:             "conversation_statistics",
		TimeToAssignment: since(st.firstAssign), TimeToAdminReply: since(st.firstAdminReply),
		TimeToFirstClose: since(st.firstClose), TimeToLastClose: since(st.lastClose), MedianTimeToReply: st.medianReply,
		FirstContactReplyAt: st.firstContactReply, FirstAssignmentAt: st.firstAssign, FirstAdminReplyAt: st.firstAdminReply,
		FirstCloseAt: st.firstClose, LastAssignmentAt: st.lastAssign, LastAssignmentAdminReplyAt: st.lastAssignAdminReply,
		LastContactReplyAt: st.lastContactReply, LastAdminReplyAt: st.lastAdminReply, LastCloseAt: st.lastClose,
		CountReopens: st.reopens, CountAssignments: st.assignments, CountConversationParts: st.parts,
	}
	switch {
	case st.lastCloser >= 0:
		s.LastClosedByID = models.ID(itoa(w.admins[st.lastCloser].id))
	case st.closedByBot:
		s.LastClosedByID = models.ID(itoa(w.botID))
	}
	return s
}

// parts dresses the skeleton: bodies, authors, attachments and assignment targets.
func (w *World) parts(h *convHead, sk *skeleton) *models.PartList {
	list := &models.PartList{Type: "conversation_part.list", TotalCount: sk.n, ConversationParts: make([]models.Part, sk.n)}
	base := 5_000_000_000 + int64(w.convIDs.apply(uint64(h.i)))*48
	tp := &topics[h.topic]
	customerOpened := h.initiator == byCustomer
	adminReplied := false
	for k := range sk.n {
		sp := sk.parts[k]
		r := newRNG(w.seed, kConvPart, uint64(h.i)*64+uint64(k))
		pt := models.Part{Type: "conversation_part", ID: models.ID(itoa(base + int64(k))), PartType: "comment",
			CreatedAt: sp.t, UpdatedAt: sp.t, NotifiedAt: sp.t, Attachments: []models.Attachment{}}
		if sp.who >= 0 && sp.kind != pkUser {
			pt.Author = w.adminAuthor(int(sp.who))
		} else if sp.who < 0 {
			pt.Author = w.botAuthor()
		}
		cust := &w.contacts[h.contacts[0]]
		vars := map[string]string{"first": firstOr(cust.first, "there"), "me": "", "phone": cust.phone, "subject": h.subjectTxt}
		if sp.who >= 0 && sp.kind != pkUser {
			vars["me"] = display(w.admins[sp.who].name)
		}
		switch sp.kind {
		case pkUser:
			ci := h.contacts[sp.who]
			pt.Author = w.contactAuthor(ci)
			vars["me"] = w.contacts[ci].first
			text, formal := pick(&r, customerGeneric), false
			switch {
			case !customerOpened:
				text, customerOpened, formal = pick(&r, tp.openers), true, true
			case r.chance(0.5):
				text = pick(&r, tp.follows)
			}
			body := w.customerMessage(&r, &w.contacts[ci], text, vars, formal || h.channel == chEmail)
			if r.chance(0.08) {
				body += imgSnippet(&r)
			}
			pt.Body = models.NullString(body)
			if r.chance(0.15) {
				for range r.between(1, 2) {
					pt.Attachments = append(pt.Attachments, attachment(&r))
				}
			}
		case pkAdmin:
			pt.Body = models.NullString(w.adminMessage(&r, h, cust, !adminReplied, vars))
			adminReplied = true
		case pkNote:
			pt.PartType = "note"
			pt.Body = models.NullString(p(pick(&r, append(tp.notes[:len(tp.notes):len(tp.notes)], noteGeneric...))))
		case pkBot:
			pt.Body = models.NullString(p(pick(&r, botReplies)))
		case pkAssignTeam, pkAssignAdmin:
			pt.PartType = "assignment"
			if sp.who < 0 {
				pt.PartType = "default_assignment"
			}
			pt.AssignedTo = &models.Reference{Type: "admin", ID: models.ID(itoa(w.admins[sp.target].id))}
			if sp.kind == pkAssignTeam {
				pt.AssignedTo = &models.Reference{Type: "team", ID: models.ID(itoa(w.teams[sp.target].id))}
			}
			if sp.who >= 0 && r.chance(0.1) {
				pt.Body = models.NullString(pick(&r, assignBodies))
			}
		case pkSnoozed:
			pt.PartType = "snoozed"
		case pkClose:
			pt.PartType = "close"
			if r.chance(0.35) {
				pt.Body = models.NullString(pick(&r, closeBodies))
			}
		case pkOpen:
			pt.PartType = "open"
		}
		list.ConversationParts[k] = pt
	}
	return list
}

var adminShort = []string{
	"Thanks {first}! Let me check with the team and get back to you.",
	"Just checking in: did that solve it for you?",
	"Got it, thanks for the extra detail. Looking into it now 👀",
	"I've escalated this to our engineers and will update you here as soon as I hear back.",
	"Could you share the email address on the account so I can take a look?",
}

// adminMessage is an admin's comment: the first reply answers the topic (or, for a
// customer writing another language, acknowledges it) with a greeting; later ones mix
// check-ins and answers, greeting again only in emails.
func (w *World) adminMessage(r *rng, h *convHead, cust *contactBase, first bool, vars map[string]string) string {
	if first && cultures[cust.culture].lang != "en" && r.chance(0.6) {
		return fill(p(pick(r, adminGreetings), pick(r, adminMultilingual)), vars)
	}
	if !first && r.chance(0.6) {
		return fill(p(pick(r, adminShort)), vars)
	}
	var parts []string
	formal := first || h.channel == chEmail
	if formal {
		parts = append(parts, pick(r, adminGreetings))
	}
	parts = append(parts, pick(r, topics[h.topic].replies))
	if s := pick(r, adminSignoffs); s != "" && (formal || r.chance(0.3)) {
		parts = append(parts, s)
	}
	return fill(p(parts...), vars)
}
