package tickets

import (
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/markdown"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/theme"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// A body is rendered whole, in a command, as a pure function of detailInput; Update
// stores the lines and View slices them.

// detailInput is everything a body render depends on.
type detailInput struct {
	ticket *models.Ticket
	width  int
	styles *theme.Styles
	dir    *workspace.Directory
	md     *markdown.Renderer
	now    time.Time
	loc    *time.Location
}

// Body layout: the timeline's bodies are indented; a note's also carries the NoteBody bar.
const (
	partIndent = 2
	noteInset  = 2
	minBodyW   = 16
)

// renderDetailBody is the facts, the attributes and the timeline at in.width.
func renderDetailBody(in detailInput) []string {
	if in.ticket == nil || in.width <= 0 || in.styles == nil {
		return nil
	}
	st := in.styles
	lines := factLines(in)
	lines = append(lines, "", st.HelpTitle.Render("Attributes"))
	lines = append(lines, attributeLines(in)...)
	parts := in.ticket.Parts()
	heading := st.HelpTitle.Render("Timeline")
	if len(parts) > 0 {
		heading += st.Muted.Render(" · " + strconv.Itoa(len(parts)) + " events")
	}
	lines = append(lines, "", heading)
	return append(lines, timelineLines(in)...)
}

// factLines are the ticket's facts, one labelled line each.
func factLines(in detailInput) []string {
	t, st := in.ticket, in.styles
	state := st.Text.Render(capitalize(humanState(t.TicketState)))
	switch internal, external := textfmt.Line(t.TicketStateInternalLabel), textfmt.Line(t.TicketStateExternalLabel); {
	case internal != "" && internal == external:
		state = st.Text.Render(internal) + st.Muted.Render(" (internal and external)")
	case internal != "" && external != "":
		state = st.Text.Render(internal) + st.Muted.Render(" · customers see ") + st.Text.Render("“"+external+"”")
	case internal != "":
		state = st.Text.Render(internal) + st.Muted.Render(" (internal)")
	case external != "":
		state += st.Muted.Render(" · customers see ") + st.Text.Render("“"+external+"”")
	}
	typeText := strings.TrimRight(typeIcon(t.TicketType), " ") + " " + st.Text.Render(typeName(t.TicketType))
	shared := st.Text.Render("no") + st.Muted.Render(" · internal only")
	if t.IsShared {
		shared = st.Text.Render("yes") + st.Muted.Render(" · customers can see it")
	}
	var out []string
	fact := func(name, value string) { out = append(out, labelled(in, name, attrValue{text: value})...) }
	fact("State", state)
	fact("Type", typeText)
	fact("Assignee", assigneeFact(t, in.dir, st))
	fact("Contacts", contactsFact(t, st))
	fact("Shared", shared)
	if t.CreatedAt != 0 {
		fact("Created", st.Text.Render(textfmt.AbsTime(t.CreatedAt, in.now, in.loc))+st.Muted.Render(" · "+relTime(t.CreatedAt, in.now)))
	}
	if t.UpdatedAt != 0 {
		fact("Updated", st.Text.Render(textfmt.AbsTime(t.UpdatedAt, in.now, in.loc))+st.Muted.Render(" · "+relTime(t.UpdatedAt, in.now)))
	}
	fact("Ticket", st.Text.Render(ticketNumber(t))+st.Muted.Render(" · id "+textfmt.Line(string(t.ID))))
	return out
}

func assigneeFact(t *models.Ticket, dir *workspace.Directory, st *theme.Styles) string {
	var parts []string
	if !unassigned(t.AdminAssigneeID) {
		parts = append(parts, st.Text.Render(adminName(t.AdminAssigneeID, dir)))
	}
	if !unassigned(t.TeamAssigneeID) {
		parts = append(parts, st.Text.Render(teamName(t.TeamAssigneeID, dir))+st.Muted.Render(" (team)"))
	}
	if len(parts) == 0 {
		return st.Muted.Render("unassigned")
	}
	return strings.Join(parts, st.Muted.Render(" · "))
}

// contactsFact lists the contacts by external id (else id), with their role.
func contactsFact(t *models.Ticket, st *theme.Styles) string {
	if t.Contacts == nil || len(t.Contacts.Contacts) == 0 {
		return st.Muted.Render("none")
	}
	var parts []string
	for _, c := range t.Contacts.Contacts {
		s := st.Customer.Render(contactLabel(c))
		if role := textfmt.Line(c.Role); role != "" {
			s += st.Muted.Render(" (" + role + ")")
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, st.Muted.Render(", "))
}

// timelineLines renders the parts, oldest first: one line per event (state changes,
// assignments, attribute updates), notes with their bodies.
func timelineLines(in detailInput) []string {
	st := in.styles
	parts := in.ticket.Parts()
	if len(parts) == 0 {
		return []string{st.Empty.Render("Nothing has happened on this ticket yet.")}
	}
	var out []string
	prevEvent := false
	for i := range parts {
		p := &parts[i]
		event := !isNote(p) && strings.TrimSpace(string(p.Body)) == "" && len(p.Attachments) == 0
		if i > 0 && !(event && prevEvent) {
			out = append(out, "") // events in a row stay together
		}
		out = append(out, partLines(in, p, event)...)
		prevEvent = event
	}
	return out
}

func isNote(p *models.TicketPart) bool { return strings.Contains(p.PartType, "note") }

// pendingPrefix starts the id of a part shown before the server confirmed it.
const pendingPrefix = "pending-"

func partLines(in detailInput, p *models.TicketPart, event bool) []string {
	st := in.styles
	when := []string{st.Muted.Render("sending…")}
	if !strings.HasPrefix(string(p.ID), pendingPrefix) && p.CreatedAt != 0 {
		when = []string{st.Muted.Render(relTime(p.CreatedAt, in.now) + " · " + textfmt.AbsTime(p.CreatedAt, in.now, in.loc)),
			st.Muted.Render(relTime(p.CreatedAt, in.now))}
	}
	if event {
		text := "— " + partEventText(p, in.dir)
		if rw := ansi.StringWidth(when[len(when)-1]); in.width-2-rw > in.width/3 {
			text = ansi.Truncate(text, in.width-2-rw, ellipsis)
		}
		return []string{textfmt.JoinEnds(st.Event.Render(ansi.Truncate(text, in.width, ellipsis)), in.width, when...)}
	}
	who := authorName(p.Author, in.dir)
	head := st.Teammate.Render(who)
	if isNote(p) {
		head += " " + st.NoteHeader.Render(" Internal note ")
	} else {
		head = st.Event.Render("— "+partEventText(p, in.dir)) + " "
	}
	lines := []string{textfmt.JoinEnds(ansi.Truncate(head, in.width, ellipsis), in.width, when...)}
	content := partContent(in, p, in.width-partIndent-noteInset)
	if isNote(p) {
		if len(content) == 0 {
			content = []string{""}
		}
		content = strings.Split(st.NoteBody.Render(strings.Join(content, "\n")), "\n")
	}
	return append(lines, textfmt.Indent(content, partIndent)...)
}

// partContent is a part's body (markdown-rendered HTML, or the redaction notice) and
// its attachments, at width.
func partContent(in detailInput, p *models.TicketPart, width int) []string {
	width = max(width, minBodyW)
	if p.Redacted {
		return []string{in.styles.Empty.Render("This part was redacted.")}
	}
	var lines []string
	if body := string(p.Body); strings.TrimSpace(body) != "" {
		// An error still comes with the text, plainly wrapped: better than nothing.
		key := markdown.Key{ID: "ticket-part:" + string(p.ID), UpdatedAt: p.UpdatedAt}
		rendered, _ := in.md.Render(key, body, width, in.styles.GlamourStyle())
		lines = append(lines, rendered...)
	}
	for _, a := range p.Attachments {
		lines = append(lines, fileLines(in, a, width)...)
	}
	return lines
}

// partEventText is what a part did, in words: "Aoife moved it from submitted to in
// progress", "Aoife assigned it to Billing".
func partEventText(p *models.TicketPart, dir *workspace.Directory) string {
	who := authorName(p.Author, dir)
	switch p.PartType {
	case "ticket_state_updated_by_admin", "ticket_state_updated":
		cur, prev := humanState(p.TicketState), humanState(p.PreviousTicketState)
		switch {
		case p.TicketState == "":
			return who + " changed the state"
		case p.PreviousTicketState == "" || p.PreviousTicketState == p.TicketState:
			if p.TicketState == models.TicketSubmitted {
				return who + " submitted it"
			}
			return who + " set it to " + cur
		}
		return who + " moved it from " + prev + " to " + cur
	case "assignment", "default_assignment":
		to := p.AssignedTo
		switch {
		case to == nil || unassigned(to.ID):
			return who + " unassigned it"
		case to.Type == "team":
			return who + " assigned it to " + teamName(to.ID, dir)
		case p.Author.Type == "admin" && p.Author.ID == to.ID:
			return who + " assigned it to themselves"
		}
		return who + " assigned it to " + adminName(to.ID, dir)
	case "ticket_attribute_updated_by_admin":
		return who + " updated an attribute"
	case "note":
		return who + " added a note"
	}
	return who + ": " + humanState(p.PartType)
}

// authorName is the author's name, else the directory's name for an admin, else their
// email, else their role.
func authorName(a models.Author, dir *workspace.Directory) string {
	if n := textfmt.Line(string(a.Name)); n != "" {
		return n
	}
	if a.Type == "admin" && dir != nil {
		if n := dir.AdminName(idNumber(a.ID)); n != "" {
			return n
		}
	}
	if e := textfmt.Line(a.Email); e != "" {
		return e
	}
	switch a.Type {
	case "admin":
		return "A teammate"
	case "bot":
		return "Operator"
	case "team":
		return "A team"
	}
	return "Someone"
}
