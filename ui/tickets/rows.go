package tickets

import (
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/theme"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// ticketRow is one ticket as the list shows it. Every text is sanitized, one line and
// computed once, when the page arrives: a keypress then only renders the visible rows.
type ticketRow struct {
	t        *models.Ticket // the search result, handed to the detail as its summary
	id       string
	number   string // "#123"
	updated  int64
	icon     string // two cells
	title    string
	state    string // the raw state, for its colour
	label    string // what the row says of the state
	assignee string
	contacts string
	search   string // what the filter matches, lower-cased
}

// rowTitleRunes bounds what a row keeps of a title: more never fits on a line.
const rowTitleRunes = 200

func newTicketRow(t *models.Ticket, dir *workspace.Directory) ticketRow {
	r := ticketRow{
		t:        t,
		id:       string(t.ID),
		number:   ticketNumber(t),
		updated:  t.UpdatedAt,
		icon:     typeIcon(t.TicketType),
		title:    textfmt.Clip(ticketTitle(t), rowTitleRunes),
		state:    t.TicketState,
		label:    stateLabel(t),
		assignee: assigneeText(t, dir),
		contacts: contactsText(t),
	}
	r.search = strings.ToLower(strings.Join([]string{r.number, r.title, typeName(t.TicketType), r.label, humanState(r.state), r.assignee, r.contacts}, "\x00"))
	return r
}

// ticketTitle is the title attribute, else the type's name.
func ticketTitle(t *models.Ticket) string {
	if s := textfmt.Line(t.Title()); s != "" {
		return s
	}
	return typeName(t.TicketType) + " " + ticketNumber(t)
}

// stateLabel is the state as customers see it (the external label), else in words.
func stateLabel(t *models.Ticket) string {
	if l := textfmt.Line(t.TicketStateExternalLabel); l != "" {
		return l
	}
	if l := textfmt.Line(t.TicketStateInternalLabel); l != "" {
		return l
	}
	return capitalize(humanState(t.TicketState))
}

// rowLayout is the column widths of a row at one list width. Columns give way as the
// list narrows: contacts first, then the assignee, then the state; the icon, number,
// title and age stay.
type rowLayout struct {
	width                          int
	title, state, assign, contacts int
}

const (
	colMark     = 1 // the cursor mark
	colIcon     = 2
	colNumber   = 6
	colAge      = 4
	colMinTitle = 14
)

func newRowLayout(width int) rowLayout {
	l := rowLayout{width: width}
	rest := width - colMark - colIcon - 1 - colNumber - 1 - 1 - colAge
	full := false
	add := func(cols int) int {
		if full || rest-(cols+1) < colMinTitle {
			full = true
			return 0
		}
		rest -= cols + 1
		return cols
	}
	l.state = add(min(20, max(12, width/7)))
	l.assign = add(min(18, max(12, width/8)))
	l.contacts = add(min(16, max(10, width/9)))
	l.title = max(0, rest)
	return l
}

// rowStyles are the styles of one row state (plain or under the cursor), resolved once
// per frame.
type rowStyles struct {
	base, number, muted                   lipgloss.Style
	submitted, progress, waiting, settled lipgloss.Style
	cursor                                string
}

func newRowStyles(s *theme.Styles, selected bool) rowStyles {
	base := s.Row
	cursor := " "
	if selected {
		base, cursor = s.RowSelected, markCursor
	}
	on := func(st lipgloss.Style) lipgloss.Style { return st.Inherit(base) }
	return rowStyles{
		base: base, number: on(s.Muted), muted: on(s.Muted), cursor: cursor,
		submitted: on(s.Filter), progress: on(s.Success), waiting: on(s.Tag), settled: on(s.Muted),
	}
}

// stateStyle colours a state: new, being worked on, waiting, done.
func (st *rowStyles) stateStyle(state string) lipgloss.Style {
	switch state {
	case models.TicketSubmitted:
		return st.submitted
	case models.TicketInProgress:
		return st.progress
	case models.TicketWaitingOnCustomer:
		return st.waiting
	}
	return st.settled
}

// render draws the row exactly l.width cells wide.
func (r *ticketRow) render(l rowLayout, st *rowStyles, now int64) string {
	if l.width <= 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(st.submitted.Render(st.cursor))
	b.WriteString(st.base.Render(r.icon + " "))
	b.WriteString(st.number.Render(textfmt.Cell(r.number, colNumber) + " "))
	b.WriteString(st.base.Render(textfmt.Cell(r.title, l.title)))
	if l.state > 0 {
		b.WriteString(st.stateStyle(r.state).Render(" " + textfmt.Cell(r.label, l.state)))
	}
	if l.assign > 0 {
		b.WriteString(st.muted.Render(" " + textfmt.Cell(r.assignee, l.assign)))
	}
	if l.contacts > 0 {
		b.WriteString(st.muted.Render(" " + textfmt.Cell(r.contacts, l.contacts)))
	}
	a := textfmt.Age(r.updated, now)
	b.WriteString(st.muted.Render(" " + strings.Repeat(" ", max(0, colAge-len(a))) + a))
	return textfmt.FitWidth(b.String(), l.width)
}
