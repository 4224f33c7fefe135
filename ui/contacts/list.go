package contacts

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/listnav"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

// contactRow is one contact as the list shows it. Every text is sanitized and one line,
// computed once when the page arrives: a keypress then only renders the visible rows.
type contactRow struct {
	contact    *models.Contact // the search result: the profile's header until it loads
	id         string
	role       string // user or lead
	name       string // "" for an anonymous lead
	email      string
	phone      string
	companyIDs []string // the summary's company ids (up to 10)
	companies  int      // how many companies the contact belongs to
	seen       int64    // last_seen_at, 0 for never
}

// rowTextRunes bounds what a row keeps of a field: more never fits on a line.
const rowTextRunes = 120

func newContactRow(c *models.Contact) contactRow {
	r := contactRow{
		contact: c,
		id:      string(c.ID),
		role:    textfmt.Clip(textfmt.Line(c.Role), 8),
		name:    textfmt.Clip(textfmt.Line(string(c.Name)), rowTextRunes),
		email:   textfmt.Clip(textfmt.Line(c.Email), rowTextRunes),
		phone:   textfmt.Clip(textfmt.Line(string(c.Phone)), 40),
		seen:    int64(c.LastSeenAt),
	}
	if s := c.Companies; s != nil {
		r.companies = max(s.TotalCount, len(s.Data))
		for _, ref := range s.Data {
			r.companyIDs = append(r.companyIDs, string(ref.ID))
		}
	}
	return r
}

// rowList is the loaded rows in the server's order, with a cursor and a scroll offset.
type rowList struct {
	rows   []contactRow
	index  map[string]int // id → index: dedupes pages
	cursor int
	offset int // the first row on screen
}

func (l *rowList) len() int { return len(l.rows) }

// selected is the row under the cursor, or nil.
func (l *rowList) selected() *contactRow {
	if l.cursor < 0 || l.cursor >= len(l.rows) {
		return nil
	}
	return &l.rows[l.cursor]
}

// moveTo puts the cursor on row i (clamped) and scrolls it into a screen of height.
func (l *rowList) moveTo(i, height int) {
	l.cursor, l.offset = listnav.Place(i, len(l.rows), height, l.offset)
}

// reset shows a first page. keep keeps the cursor on the same contact (a refresh of the
// same search); otherwise it starts at the top.
func (l *rowList) reset(rows []contactRow, keep bool, height int) {
	selID := ""
	if s := l.selected(); keep && s != nil {
		selID = s.id
	}
	old := l.cursor
	*l = rowList{}
	l.append(rows)
	cursor := 0
	if keep {
		cursor = old
		if i, ok := l.index[selID]; ok {
			cursor = i
		}
	}
	l.moveTo(cursor, height)
}

// append adds a next page's rows, skipping any already listed.
func (l *rowList) append(rows []contactRow) {
	if l.index == nil {
		l.index = make(map[string]int, len(rows))
	}
	for _, r := range rows {
		if _, dup := l.index[r.id]; dup {
			continue
		}
		l.index[r.id] = len(l.rows)
		l.rows = append(l.rows, r)
	}
}

// rowLayout is the column widths at one list width. The company column goes first as
// the list narrows; role, name, email and last seen stay.
type rowLayout struct {
	width                 int
	name, email, company  int
	showSeen, showCompany bool
}

const (
	colMark = 2 // cursor mark and a space
	colRole = 4 // "user", "lead"
	colSeen = 4 // "12d"
)

func newRowLayout(width int) rowLayout {
	l := rowLayout{width: width, showSeen: width >= 30}
	rest := width - colMark - colRole - 1 // role and its space
	if l.showSeen {
		rest -= colSeen + 1
	}
	l.name = max(0, min(24, max(rest/3, min(12, rest*2/5))))
	rest -= l.name + 1
	if c := min(30, rest/3); c >= 12 && rest-c-1 >= 20 {
		l.showCompany, l.company = true, c
		rest -= c + 1
	}
	l.email = max(0, rest)
	return l
}

// header is the column titles over the rows.
func (l rowLayout) header() string {
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", colMark))
	b.WriteString(textfmt.Cell("ROLE", colRole) + " ")
	b.WriteString(textfmt.Cell("NAME", l.name) + " ")
	b.WriteString(textfmt.Cell("EMAIL", l.email))
	if l.showCompany {
		b.WriteString(" " + textfmt.Cell("COMPANY", l.company))
	}
	if l.showSeen {
		b.WriteString(" " + textfmt.CellRight("SEEN", colSeen))
	}
	return textfmt.FitWidth(b.String(), l.width)
}

// rowStyles are a row state's styles (plain or under the cursor), resolved once a frame.
type rowStyles struct {
	base, name, user, lead, muted, company lipgloss.Style
	mark                                   string
}

func newRowStyles(s *theme.Styles, selected bool) rowStyles {
	base := s.Row
	mark := " "
	if selected {
		base, mark = s.RowSelected, "▌"
	}
	on := func(st lipgloss.Style) lipgloss.Style { return st.Inherit(base) }
	return rowStyles{
		base: base, mark: mark,
		name:    base.Bold(true),
		user:    on(s.Customer),
		lead:    on(s.Tag),
		muted:   on(s.Muted),
		company: on(s.Channel),
	}
}

// render draws the row exactly l.width cells wide. company is the company column's text
// (names load lazily; see companies.go).
func (r *contactRow) render(l rowLayout, st *rowStyles, company string, now int64) string {
	if l.width <= 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(st.user.Render(st.mark + " "))
	role := st.muted
	switch r.role {
	case "user":
		role = st.user
	case "lead":
		role = st.lead
	}
	b.WriteString(role.Render(textfmt.Cell(r.role, colRole)) + st.base.Render(" "))
	name, nameStyle := r.name, st.name
	if name == "" {
		name, nameStyle = "(anonymous)", st.muted
	}
	b.WriteString(nameStyle.Render(textfmt.Cell(name, l.name)) + st.base.Render(" "))
	email := r.email
	if email == "" {
		email = r.phone
	}
	b.WriteString(st.base.Render(textfmt.Cell(email, l.email)))
	if l.showCompany {
		b.WriteString(st.company.Render(" " + textfmt.Cell(company, l.company)))
	}
	if l.showSeen {
		b.WriteString(st.muted.Render(" " + textfmt.CellRight(age(r.seen, now), colSeen)))
	}
	return textfmt.FitWidth(b.String(), l.width)
}

// companyCount is the company column when no name is known: "2 companies".
func companyCount(n int) string {
	switch n {
	case 0:
		return ""
	case 1:
		return "1 company"
	}
	return strconv.Itoa(n) + " companies"
}
