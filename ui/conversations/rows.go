package conversations

import (
	"html"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/theme"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// convRow is one conversation as the list shows it. Every text is sanitized, one line and
// computed once, when the page arrives: a keypress then only renders the visible rows.
type convRow struct {
	conv     *models.Conversation // the list item, handed to the thread as its summary
	id       string
	updated  int64
	since    int64 // waiting_since, else updated_at: what the age column counts from
	unread   bool
	priority bool
	who      string
	subject  string
	channel  string
	assignee string
	tags     string

	// The display widths of who, subject, assignee and tags, measured once: a cell that
	// fits is then padded without measuring it again.
	whoW, subjectW, assigneeW, tagsW int
}

// Plain-font marks.
const (
	markCursor  = "▌"
	rowNoValue  = "—"
	rowEllipsis = "…"
)

// rowSubjectRunes bounds what a row keeps of a subject: more never fits on a line.
const rowSubjectRunes = 200

func newConvRow(c *models.Conversation, dir *workspace.Directory) convRow {
	r := convRow{
		conv:     c,
		id:       string(c.ID),
		updated:  c.UpdatedAt,
		since:    int64(c.WaitingSince),
		unread:   !c.Read,
		priority: c.Priority == models.PriorityHigh,
		who:      rowWho(c),
		subject:  rowSubject(c),
		channel:  rowChannel(c),
		assignee: rowAssignee(c, dir),
		tags:     textfmt.Line(strings.Join(c.TagNames(), ", ")),
	}
	if r.since == 0 {
		r.since = r.updated
	}
	r.whoW, r.subjectW = textWidth(r.who), textWidth(r.subject)
	r.assigneeW, r.tagsW = textWidth(r.assignee), textWidth(r.tags)
	return r
}

// searchText is what the filter matches: who, subject, tags and assignee, lower-cased.
// The list keeps it for every row in one buffer (see rowList).
func (r *convRow) searchText() string {
	return strings.ToLower(r.who + "\x00" + r.subject + "\x00" + r.tags + "\x00" + r.assignee)
}

// rowWho is the customer: the source's author when a person wrote it, else the first
// contact's id, shortened.
func rowWho(c *models.Conversation) string {
	if s := c.Source; s != nil {
		switch s.Author.Type {
		case "user", "lead", "contact":
			if n := textfmt.Line(string(s.Author.Name)); n != "" {
				return n
			}
			if e := textfmt.Line(s.Author.Email); e != "" {
				return e
			}
		}
	}
	if ids := c.ContactIDs(); len(ids) > 0 && ids[0] != "" {
		id := textfmt.Line(string(ids[0]))
		// The tail: Intercom ids are ObjectIDs, whose leading bytes are a shared timestamp.
		if w := ansi.StringWidth(id); w > 8 {
			id = rowEllipsis + ansi.TruncateLeft(id, w-6, "")
		}
		return id
	}
	return rowNoValue
}

// rowSubject is the source's subject, else the conversation title, else the first line of
// the source body.
func rowSubject(c *models.Conversation) string {
	if c.Source != nil {
		if s := textfmt.Line(html.UnescapeString(stripHTMLTags(c.Source.Subject, false))); s != "" {
			return textfmt.Clip(s, rowSubjectRunes)
		}
	}
	if s := textfmt.Line(string(c.Title)); s != "" {
		return textfmt.Clip(s, rowSubjectRunes)
	}
	if c.Source != nil {
		return textfmt.Clip(bodyLead(c.Source.Body), rowSubjectRunes)
	}
	return ""
}

// rowChannelLabels are short source.type labels that read in any font.
var rowChannelLabels = map[string]string{
	"conversation": "chat",
	"email":        "email",
	"facebook":     "fb",
	"instagram":    "ig",
	"phone_call":   "call",
	"phone_switch": "switch",
	"push":         "push",
	"sms":          "sms",
	"twitter":      "x",
	"whatsapp":     "wa",
}

func rowChannel(c *models.Conversation) string {
	if c.Source == nil || c.Source.Type == "" {
		return ""
	}
	if l, ok := rowChannelLabels[c.Source.Type]; ok {
		return l
	}
	return textfmt.Clip(textfmt.Line(c.Source.Type), 6)
}

func rowAssignee(c *models.Conversation, dir *workspace.Directory) string {
	if id := int64(c.AdminAssigneeID); id != 0 {
		if dir != nil {
			if n := dir.AdminName(id); n != "" {
				return n
			}
		}
		return "admin " + strconv.FormatInt(id, 10)
	}
	if id := int64(c.TeamAssigneeID); id != 0 {
		if dir != nil {
			if n := dir.TeamName(id); n != "" {
				return n
			}
		}
		return "team " + strconv.FormatInt(id, 10)
	}
	return "unassigned"
}

// bodyLead is the start of an HTML body as one line of plain text: tags stripped
// (block tags end a line), entities decoded, then sanitized. Entities are decoded before
// sanitizing, so an encoded ESC (&#27;) is caught too. A short first line ("Hi,") is
// followed by the next ones, so the row says what the message is about.
func bodyLead(body string) string {
	var out []string
	n := 0
	for line := range strings.SplitSeq(stripHTMLTags(body, true), "\n") {
		if l := textfmt.Line(html.UnescapeString(line)); l != "" {
			out = append(out, l)
			n += len(l)
			if n >= bodyLeadBytes {
				break
			}
		}
	}
	return strings.Join(out, " ")
}

// bodyLeadBytes is how much text a row wants from a body before it stops reading lines.
const bodyLeadBytes = 40

// htmlBlockTags end a line of text.
var htmlBlockTags = map[string]bool{
	"p": true, "br": true, "div": true, "li": true, "ul": true, "ol": true, "tr": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"blockquote": true, "pre": true, "hr": true, "table": true,
}

// stripHTMLTags removes HTML tags. With lines, block tags become newlines and it stops at
// one once it has enough text for a row: a row needs no more of a long body.
func stripHTMLTags(s string, lines bool) string {
	if strings.IndexByte(s, '<') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(min(len(s), 512))
	text := 0 // bytes of text so far
	for i := 0; i < len(s); {
		c := s[i]
		if c != '<' {
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				j = len(s) - i
			}
			chunk := s[i : i+j]
			b.WriteString(chunk)
			text += len(strings.TrimSpace(chunk))
			i += j
			continue
		}
		if i+1 < len(s) && !htmlTagStart(s[i+1]) {
			b.WriteByte(c) // "a < b": a bare '<' is text, not a tag
			i++
			continue
		}
		end := strings.IndexByte(s[i:], '>')
		if end < 0 {
			break // an unterminated tag: drop the rest rather than show markup
		}
		tag := s[i+1 : i+end]
		i += end + 1
		if name := htmlTagName(tag); (name == "style" || name == "script") && tag[0] != '/' {
			// Their content is code, not text: skip to the closing tag.
			close := strings.Index(strings.ToLower(s[i:]), "</"+name)
			if close < 0 {
				break
			}
			i += close
			continue
		}
		if !lines || !htmlBlockTags[htmlTagName(tag)] {
			continue
		}
		if text >= bodyLeadBytes {
			return b.String()
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func htmlTagStart(c byte) bool {
	return c == '/' || c == '!' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// htmlTagName is the lower-cased name of a tag's inside: "/P class=x" → "p".
func htmlTagName(tag string) string {
	tag = strings.TrimLeft(tag, "/ ")
	n := 0
	for n < len(tag) && (tag[n] >= 'a' && tag[n] <= 'z' || tag[n] >= 'A' && tag[n] <= 'Z' || tag[n] >= '0' && tag[n] <= '9') {
		n++
	}
	return strings.ToLower(tag[:n])
}

// rowLayout is the column widths of a row at one list width. Columns are dropped as the
// list narrows: tags first, then channel, then assignee; who, subject and age stay.
type rowLayout struct {
	width                         int
	exact                         bool // the columns add up to width: no need to measure
	who, subject, channel, assign int
	tags                          int
}

const (
	colMark       = 4 // cursor mark, unread mark, priority mark, space
	colAge        = 4
	colMinSubject = 16
	colChannel    = 6
)

func newRowLayout(width int) rowLayout {
	l := rowLayout{width: width}
	l.who = max(0, min(22, (width-colMark-colAge)/4))
	rest := width - colMark - l.who - 1 - 1 - colAge // who + space, space before age
	l.exact = rest >= 0
	full := false // once a column does not fit, the later ones are not shown either
	add := func(cols int) int {
		if full || rest-(cols+1) < colMinSubject {
			full = true
			return 0
		}
		rest -= cols + 1
		return cols
	}
	l.assign = add(min(16, max(10, width/10)))
	l.channel = add(colChannel)
	l.tags = add(min(24, max(12, width/8)))
	l.subject = max(0, rest)
	return l
}

// rowStyles are the styles of one row state (plain or selected), resolved once.
type rowStyles struct {
	base, bold, unread, priority, channel, muted, tag span
	cursor                                            string // the selected row's mark, visible without colour
	gap                                               string // before the name: a space, or the bulk mark
	icons                                             theme.Icons
}

// span is a style as the escape sequences before and after its text, found once by
// rendering a marker: a row is then joined from strings, where lipgloss would resolve
// every property and measure the text again for each of its cells. A style whose
// output is not prefix + text + suffix (underlined spaces are styled apart) renders
// through lipgloss.
type span struct {
	st         lipgloss.Style
	pre, post  string
	concatOnly bool
}

func newSpan(st lipgloss.Style) span {
	const marker = "x y"
	out := st.Render(marker)
	i := strings.Index(out, marker)
	if i < 0 || strings.Count(out, marker) != 1 {
		return span{st: st}
	}
	return span{st: st, pre: out[:i], post: out[i+len(marker):], concatOnly: true}
}

// render is st.Render(t) for t of one line without tabs, which every cell is.
func (s span) render(t string) string {
	if !s.concatOnly {
		return s.st.Render(t)
	}
	return s.pre + t + s.post
}

func newRowStyles(s *theme.Styles, selected bool) rowStyles {
	base := s.Row
	if selected {
		base = s.RowSelected
	}
	on := func(st lipgloss.Style) span { return newSpan(st.Inherit(base)) }
	cursor := " "
	if selected {
		cursor = markCursor
	}
	return rowStyles{
		cursor:   cursor,
		gap:      " ",
		base:     newSpan(base),
		bold:     newSpan(base.Bold(true)),
		unread:   on(s.Unread),
		priority: on(s.Priority),
		channel:  on(s.Channel),
		muted:    on(s.Muted),
		tag:      on(s.Tag),
		icons:    s.Icons,
	}
}

// marked is st for a row marked for a bulk action: the mark stands before the name.
func (st rowStyles) marked() rowStyles {
	st.gap = st.icons.Marked
	return st
}

// render draws the row exactly l.width cells wide.
func (r *convRow) render(l rowLayout, st *rowStyles, now int64) string {
	if l.width <= 0 {
		return ""
	}
	var b strings.Builder
	b.Grow(4*l.width + 256) // escape sequences and multi-byte marks: one allocation
	mark, prio := " ", " "
	if r.unread {
		mark = st.icons.Unread
	}
	if r.priority {
		prio = st.icons.Priority
	}
	b.WriteString(st.unread.render(st.cursor))
	b.WriteString(st.unread.render(mark))
	b.WriteString(st.priority.render(prio))
	if st.gap != " " {
		b.WriteString(st.unread.render(st.gap))
	} else {
		b.WriteString(st.base.render(" "))
	}
	name := st.base
	if r.unread {
		name = st.bold
	}
	b.WriteString(name.render(rowCell(r.who, r.whoW, l.who) + " "))
	b.WriteString(st.base.render(rowCell(r.subject, r.subjectW, l.subject)))
	if l.assign > 0 {
		b.WriteString(st.muted.render(" " + rowCell(r.assignee, r.assigneeW, l.assign)))
	}
	if l.channel > 0 {
		b.WriteString(st.channel.render(" " + rowCell(r.channel, textWidth(r.channel), l.channel)))
	}
	if l.tags > 0 {
		b.WriteString(st.tag.render(" " + rowCell(r.tags, r.tagsW, l.tags)))
	}
	a := textfmt.Age(r.since, now)
	b.WriteString(st.muted.render(" " + strings.Repeat(" ", max(0, colAge-len(a))) + a))
	if l.exact {
		return b.String()
	}
	return textfmt.FitWidth(b.String(), l.width) // too narrow for every column: cut

}

// rowCell is textfmt.Cell(s, w) for s of display width sw, measuring nothing when s
// fits or is printable ASCII (whose width is its length).
func rowCell(s string, sw, w int) string {
	switch {
	case w <= 0:
		return ""
	case sw <= w:
		return s + strings.Repeat(" ", w-sw)
	case printableASCII(s):
		return s[:w-1] + rowEllipsis
	}
	return textfmt.Cell(s, w)
}

// textWidth is the display width of s.
func textWidth(s string) int {
	if printableASCII(s) {
		return len(s)
	}
	return ansi.StringWidth(s)
}

func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}
