package contacts

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/api/query"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// The profile of one contact: its attributes (GET /contacts/{id}), companies, tags,
// segments, notes, and conversations, each section loaded by its own command, in
// parallel, with its own request number. A section that fails says so inline (r
// retries it); the others still show.

type section int

const (
	secContact section = iota
	secCompanies
	secTags
	secSegments
	secNotes
	secConvs
	numSections
)

var sectionNames = [numSections]string{"the contact", "companies", "tags", "segments", "notes", "conversations"}

const (
	// profileTimeout bounds one section's request, retries included.
	profileTimeout = 60 * time.Second
	// profileConvs is how many of the contact's conversations the profile lists.
	profileConvs = 50
	// noteLines bounds the lines kept of one note.
	noteLines = 40
)

// sectionState is where one section's loading stands.
type sectionState struct {
	req     uint64 // the latest request; an answer to any other is stale
	loading bool
	loaded  bool
	err     error
}

// noteItem is a note as the profile shows it; text is sanitized.
type noteItem struct {
	id      string
	author  string
	created int64
	lines   []string
	pending bool   // sent, not yet confirmed
	req     uint64 // the send's request, for a pending note
}

// convItem is one of the contact's conversations; id is as the server sent it (it opens
// the conversation), the texts are sanitized.
type convItem struct {
	id      string
	subject string
	state   string
	waiting int64 // waiting_since, 0 when not waiting
	updated int64
}

// profile is the contact on screen; id "" means the list shows.
type profile struct {
	id         string
	contact    *models.Contact // the list's row until GET /contacts/{id} answers
	sec        [numSections]sectionState
	companies  []models.Company
	tags       []models.Tag
	segments   []models.Segment
	notes      []noteItem // the server's, newest first
	notesTotal int
	pending    []noteItem // sent from here and not yet confirmed, newest first
	convs      []convItem
	convsTotal int

	cursor int    // the conversation under the cursor, -1 for none
	offset int    // the first line of the document on screen
	gen    uint64 // bumped on every change: the cached document is redrawn

	storeReq      uint64 // the store read in flight (cache.go); 0 when none is wanted
	contactStored bool   // contact came from the store; the network has not replaced it
	convsStored   bool   // convs came from the store; the network has not replaced them
}

func (pr *profile) open() bool { return pr.id != "" }

// loading reports a section in flight.
func (pr *profile) loading() bool {
	for _, s := range pr.sec {
		if s.loading {
			return true
		}
	}
	return false
}

// ContactMsg answers GET /contacts/{id}; the other section messages are alike. Each is
// dropped unless it answers the latest request of its section for the profile shown.
type ContactMsg struct {
	shared.Loaded[*models.Contact]
	ContactID string
}

// CompaniesMsg answers GET /contacts/{id}/companies.
type CompaniesMsg struct {
	shared.Loaded[[]models.Company]
	ContactID string
}

// TagsMsg answers GET /contacts/{id}/tags.
type TagsMsg struct {
	shared.Loaded[[]models.Tag]
	ContactID string
}

// SegmentsMsg answers GET /contacts/{id}/segments.
type SegmentsMsg struct {
	shared.Loaded[[]models.Segment]
	ContactID string
}

// NotesMsg answers GET /contacts/{id}/notes (the first page, newest first).
type NotesMsg struct {
	shared.Loaded[api.Page[models.Note]]
	ContactID string
}

// ConversationsMsg answers the conversation search by contact_ids.
type ConversationsMsg struct {
	shared.Loaded[api.Page[models.Conversation]]
	ContactID string
	Now       time.Time // read by the command, for the ages
}

// openProfile shows contact id, its list row (if any) as the header while it loads,
// and loads every section. Opening the one shown reloads it in place.
func (p Pane) openProfile(id string, summary *models.Contact) (Pane, tea.Cmd) {
	if id == "" {
		return p, nil
	}
	fresh := p.prof.id != id
	if fresh {
		p.prof = profile{id: id, contact: summary, cursor: -1}
	}
	p.input.Blur()
	cmds := make([]tea.Cmd, 0, numSections+1)
	for s := range numSections {
		cmds = append(cmds, p.loadSection(s))
	}
	if fresh && p.ctx.WS != nil {
		cmds = append(cmds, p.readProfileStore()) // what the store has shows at once
	}
	return p, tea.Batch(cmds...)
}

// summaryOf is the list's copy of contact id, if listed.
func (p *Pane) summaryOf(id string) *models.Contact {
	if i, ok := p.list.rows.index[id]; ok {
		return p.list.rows.rows[i].contact
	}
	return nil
}

// reloadProfile is r on a profile: the sections that failed, else all of them.
func (p Pane) reloadProfile() (Pane, tea.Cmd) {
	var cmds []tea.Cmd
	for s := range numSections {
		if p.prof.sec[s].err != nil {
			cmds = append(cmds, p.loadSection(s))
		}
	}
	if len(cmds) == 0 {
		for s := range numSections {
			cmds = append(cmds, p.loadSection(s))
		}
	}
	return p, tea.Batch(cmds...)
}

// loadSection starts section s's request; an older one's answer will be dropped.
func (p *Pane) loadSection(s section) tea.Cmd {
	if p.ctx.WS == nil {
		return nil
	}
	req := p.seq.Next()
	st := &p.prof.sec[s]
	st.req, st.loading, st.err = req, true, nil
	p.prof.gen++
	client, id, now, cache := p.ctx.WS.API, p.prof.id, p.clock(), p.ctx.Store
	run := func(fn func(ctx context.Context) tea.Msg) tea.Cmd {
		return func() tea.Msg {
			ctx, cancel := context.WithTimeout(context.Background(), profileTimeout)
			defer cancel()
			return fn(ctx)
		}
	}
	switch s {
	case secContact:
		return run(func(ctx context.Context) tea.Msg {
			c, err := client.Contact(ctx, id)
			if err == nil {
				saveContact(cache, c)
			}
			return ContactMsg{shared.Loaded[*models.Contact]{Req: req, Value: c, Err: err}, id}
		})
	case secCompanies:
		return run(func(ctx context.Context) tea.Msg {
			cs, err := client.ContactCompanies(ctx, id)
			return CompaniesMsg{shared.Loaded[[]models.Company]{Req: req, Value: cs, Err: err}, id}
		})
	case secTags:
		return run(func(ctx context.Context) tea.Msg {
			ts, err := client.ContactTags(ctx, id)
			return TagsMsg{shared.Loaded[[]models.Tag]{Req: req, Value: ts, Err: err}, id}
		})
	case secSegments:
		return run(func(ctx context.Context) tea.Msg {
			ss, err := client.ContactSegments(ctx, id)
			return SegmentsMsg{shared.Loaded[[]models.Segment]{Req: req, Value: ss, Err: err}, id}
		})
	case secNotes:
		return run(func(ctx context.Context) tea.Msg {
			page, err := client.ContactNotes(ctx, id, "")
			return NotesMsg{shared.Loaded[api.Page[models.Note]]{Req: req, Value: page, Err: err}, id}
		})
	case secConvs:
		return run(func(ctx context.Context) tea.Msg {
			page, err := client.SearchConversations(ctx, query.Field("contact_ids").Eq(id), profileConvs, "")
			if err == nil {
				saveConversations(cache, page.Items)
			}
			return ConversationsMsg{shared.Loaded[api.Page[models.Conversation]]{Req: req, Value: page, Err: err}, id, now()}
		})
	}
	return nil
}

// settle takes section s's answer if it is the latest for the profile shown, and
// reports whether to apply its value.
func (p *Pane) settle(s section, contactID string, req uint64, err error) bool {
	st := &p.prof.sec[s]
	if contactID != p.prof.id || req != st.req || !st.loading {
		return false // stale: another profile, or a newer request
	}
	st.loading, st.err = false, err
	if err == nil {
		st.loaded = true
	}
	p.prof.gen++
	return err == nil
}

// sectionMsg applies a section's answer; ok is false for a message that is not one.
func (p Pane) sectionMsg(msg tea.Msg) (Pane, bool) {
	switch msg := msg.(type) {
	case ContactMsg:
		if p.settle(secContact, msg.ContactID, msg.Req, msg.Err) && msg.Value != nil {
			p.prof.contact, p.prof.contactStored = msg.Value, false
		}
	case CompaniesMsg:
		if p.settle(secCompanies, msg.ContactID, msg.Req, msg.Err) {
			p.prof.companies = msg.Value
			p.names.learn(msg.Value)
		}
	case TagsMsg:
		if p.settle(secTags, msg.ContactID, msg.Req, msg.Err) {
			p.prof.tags = msg.Value
		}
	case SegmentsMsg:
		if p.settle(secSegments, msg.ContactID, msg.Req, msg.Err) {
			p.prof.segments = msg.Value
		}
	case NotesMsg:
		if p.settle(secNotes, msg.ContactID, msg.Req, msg.Err) {
			p.prof.notes = make([]noteItem, 0, len(msg.Value.Items))
			for i := range msg.Value.Items {
				p.prof.notes = append(p.prof.notes, newNoteItem(&msg.Value.Items[i]))
			}
			p.prof.notesTotal = max(msg.Value.TotalCount, len(p.prof.notes))
		}
	case ConversationsMsg:
		if p.settle(secConvs, msg.ContactID, msg.Req, msg.Err) {
			if !msg.Now.IsZero() {
				p.now = msg.Now.Unix()
			}
			p.prof.setConvItems(msg.Value.Items, msg.Value.TotalCount)
			p.prof.convsStored = false
		}
	default:
		return p, false
	}
	p.clampProfile()
	return p, true
}

// setConvItems takes the contact's conversations (from the network or the store),
// keeping the cursor on the same one.
func (pr *profile) setConvItems(items []models.Conversation, total int) {
	sel := ""
	if c := pr.cursor; c >= 0 && c < len(pr.convs) {
		sel = pr.convs[c].id
	}
	pr.convs = make([]convItem, 0, len(items))
	pr.cursor = -1
	for i := range items {
		it := newConvItem(&items[i])
		if it.id == sel {
			pr.cursor = len(pr.convs)
		}
		pr.convs = append(pr.convs, it)
	}
	pr.convsTotal = max(total, len(pr.convs))
}

func newNoteItem(n *models.Note) noteItem {
	it := noteItem{id: string(n.ID), created: n.CreatedAt, lines: htmlLines(n.Body, noteLines)}
	if n.Author != nil {
		it.author = textfmt.Clip(textfmt.Line(n.Author.Name), rowTextRunes)
	}
	return it
}

func newConvItem(c *models.Conversation) convItem {
	it := convItem{id: string(c.ID), state: textfmt.Clip(textfmt.Line(c.State), 10), waiting: int64(c.WaitingSince), updated: c.UpdatedAt}
	if c.Source != nil {
		it.subject = textfmt.Clip(firstLine(c.Source.Subject), rowTextRunes)
	}
	if it.subject == "" {
		it.subject = textfmt.Clip(textfmt.Line(string(c.Title)), rowTextRunes)
	}
	if it.subject == "" && c.Source != nil {
		it.subject = textfmt.Clip(firstLine(c.Source.Body), rowTextRunes)
	}
	if it.subject == "" {
		it.subject = "(no text)"
	}
	return it
}
