package tickets

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/components/scroll"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/theme"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// The header is pinned above the scrolling body: what the ticket is, its state and whose
// it is. It is small and rendered in Update from what is known (no clock, no disk).
const (
	fullHeaderMinHeight = 8 // title, meta line and rule
	headerMinHeight     = 3 // the title and rule alone
)

// refreshChrome re-renders the header, the placeholder and the rule for the current
// state and size.
func (d *Detail) refreshChrome() {
	d.chromeFor = d.target()
	st := d.ctx.Styles
	d.header, d.placeholder, d.rule = nil, nil, ""
	if st == nil || d.width <= 0 || d.height <= 0 {
		return
	}
	if d.id != "" && d.height >= headerMinHeight {
		d.header = detailHeader(d.ticket, d.id, d.width, st, d.ctx.Dir, d.height < fullHeaderMinHeight)
	}
	wrap := func(s string) []string { return strings.Split(ansi.Wrap(s, max(1, d.width-2), ""), "\n") }
	switch {
	case d.id == "":
		d.placeholder = append([]string{""}, textfmt.Indent(wrap(st.Empty.Render("Select a ticket to read it.")), 2)...)
	case d.err != nil && d.ticket == nil:
		text := "Couldn't load ticket " + sanitize.Line(d.id) + ": " + errText(d.err)
		if api.IsNotFound(d.err) {
			text = "No ticket has id " + sanitize.Line(d.id) + "."
		}
		lines := wrap(st.Error.Render(text))
		if k := d.ctx.Keys; k != nil && !api.IsNotFound(d.err) {
			lines = append(lines, st.Muted.Render(k.Retry.Help().Key+" to try again"))
		}
		d.placeholder = append([]string{""}, textfmt.Indent(lines, 2)...)
	case len(d.body.lines) == 0:
		d.placeholder = []string{"", "  " + st.Muted.Render("Loading ticket…")}
	}
	d.clamp()
	d.refreshRule()
}

// refreshRule re-renders the rule under the header: the scroll position, or what the
// detail is doing.
func (d *Detail) refreshRule() {
	st := d.ctx.Styles
	if st == nil || len(d.header) == 0 {
		d.rule = ""
		return
	}
	status, style := textfmt.ScrollStatus(d.offset, d.bodyHeight(), len(d.body.lines), d.width), st.Muted
	if s, isErr, ok := scroll.Source(d.fromStore, d.ticket != nil, d.loading, d.err != nil, d.width); ok {
		status = s
		if isErr {
			style = st.Error
		}
	}
	d.rule = scroll.Rule(st, d.width, status, style)
}

// bodyHeight is the number of rows the body gets.
func (d *Detail) bodyHeight() int {
	h := d.height - len(d.header)
	if len(d.header) > 0 { // and the rule under it
		h--
	}
	return max(0, h)
}

// doc is where the body stands for scrolling.
func (d *Detail) doc() scroll.Doc {
	return scroll.Doc{Offset: d.offset, Height: d.bodyHeight(), Total: len(d.body.lines)}
}

func (d *Detail) maxOffset() int { return d.doc().Max() }

func (d *Detail) clamp() { d.offset = d.doc().Clamp() }

// detailHeader is the title with the state badge, then the type, number and assignee.
func detailHeader(t *models.Ticket, id string, width int, st *theme.Styles, dir *workspace.Directory, compact bool) []string {
	if t == nil {
		return []string{st.Title.Render(ansi.Truncate("Ticket "+sanitize.Line(id), width, ellipsis))}
	}
	badge := stateBadge(t, st)
	title := st.Title.Render(ticketTitle(t))
	title = ansi.Truncate(title, max(width/2, width-2-ansi.StringWidth(badge)), ellipsis)
	lines := []string{textfmt.JoinEnds(title, width, badge)}
	if compact {
		return lines
	}
	meta := strings.TrimRight(typeIcon(t.TicketType), " ") + " " + typeName(t.TicketType) +
		st.Muted.Render(" · ") + st.Muted.Render(ticketNumber(t)) + st.Muted.Render(" · ") + assigneeStyled(t, dir, st)
	return append(lines, ansi.Truncate(meta, width, ellipsis))
}

// stateBadge is the state's internal label as a coloured badge.
func stateBadge(t *models.Ticket, st *theme.Styles) string {
	label := textfmt.Line(t.TicketStateInternalLabel)
	if label == "" {
		label = capitalize(humanState(t.TicketState))
	}
	s := st.StatusBar
	switch t.TicketState {
	case models.TicketSubmitted:
		s = st.StatusKey
	case models.TicketInProgress:
		s = st.StatusOK
	case models.TicketWaitingOnCustomer:
		s = st.StatusWarn
	}
	return s.Render(" " + ansi.Truncate(label, 30, ellipsis) + " ")
}

// assigneeStyled is "assigned Jane Doe · Billing" or "unassigned".
func assigneeStyled(t *models.Ticket, dir *workspace.Directory, st *theme.Styles) string {
	var names []string
	if !unassigned(t.AdminAssigneeID) {
		names = append(names, adminName(t.AdminAssigneeID, dir))
	}
	if !unassigned(t.TeamAssigneeID) {
		names = append(names, teamName(t.TeamAssigneeID, dir))
	}
	if len(names) == 0 {
		return st.Muted.Render("unassigned")
	}
	return st.Muted.Render("assigned ") + st.Text.Render(strings.Join(names, " · "))
}
