package contacts

import (
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/theme"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// The profile is drawn as a document of lines, each exactly the pane's width: on a
// wide pane the details on the left and the activity (conversations, then notes) on
// the right; on a narrow one the same blocks one under the other. The document is
// built once per change (profile.gen), width, theme and clock reading, and kept: a
// keypress only picks the lines on screen and redraws the cursor's row.

// twoColumns is the width from which the profile shows two columns.
const twoColumns = 100

// document is a built profile.
type document struct {
	lines    []string // every line, exactly width wide, no cursor drawn
	convLine []int    // the line of each conversation row
	convSel  []string // each conversation's line with the cursor on it
	convX    int      // the column the conversation rows start at (a click left of it misses them)
}

type docKey struct {
	id     string
	gen    uint64
	width  int
	now    int64
	styles *theme.Styles
	loc    *time.Location
	dir    *workspace.Directory
}

// docCache keeps the last built document; it is shared by copies of the pane and keyed
// by everything the document depends on.
type docCache struct {
	key docKey
	doc *document
}

// document is the profile's document at the pane's width.
func (p *Pane) document() *document {
	k := docKey{id: p.prof.id, gen: p.prof.gen, width: p.width, now: p.now, styles: p.ctx.Styles,
		loc: p.loc, dir: p.directory()}
	if p.doc.doc != nil && p.doc.key == k {
		return p.doc.doc
	}
	b := docBuilder{pr: &p.prof, st: p.ctx.Styles, now: p.now, loc: p.loc, dir: p.directory(), refresh: p.ctx.Keys.Refresh.Help().Key}
	d := b.build(p.width)
	p.doc.key, p.doc.doc = k, d
	return d
}

// docBuilder draws the blocks of a profile.
type docBuilder struct {
	pr      *profile
	st      *theme.Styles
	now     int64
	loc     *time.Location
	dir     *workspace.Directory
	refresh string // the refresh key, for "r to retry"
}

// column is one column's lines, with where its conversation rows are.
type column struct {
	lines    []string
	convLine []int
	convSel  []string
}

func (c *column) add(width int, lines ...string) {
	for _, l := range lines {
		c.lines = append(c.lines, textfmt.FitWidth(l, width))
	}
}

func (b *docBuilder) build(width int) *document {
	if width <= 0 {
		return &document{}
	}
	if width < twoColumns {
		var c column
		b.details(&c, width)
		c.add(width, "")
		b.activity(&c, width)
		return &document{lines: c.lines, convLine: c.convLine, convSel: c.convSel}
	}
	lw := width * 45 / 100
	rw := width - lw - 3
	var left, right column
	b.details(&left, lw)
	b.activity(&right, rw)
	rule := b.st.Rule.Render("│")
	blankL, blankR := strings.Repeat(" ", lw), strings.Repeat(" ", rw)
	n := max(len(left.lines), len(right.lines))
	d := &document{lines: make([]string, n)}
	for i := range n {
		l, r := blankL, blankR
		if i < len(left.lines) {
			l = left.lines[i]
		}
		if i < len(right.lines) {
			r = right.lines[i]
		}
		d.lines[i] = l + " " + rule + " " + r
	}
	d.convLine, d.convX = right.convLine, lw+3
	for k, at := range right.convLine {
		l := blankL
		if at < len(left.lines) {
			l = left.lines[at]
		}
		d.convSel = append(d.convSel, l+" "+rule+" "+right.convSel[k])
	}
	return d
}

// title is a block's heading: "Companies (2)".
func (b *docBuilder) title(text string, n int, known bool) string {
	if known {
		text += " (" + strconv.Itoa(n) + ")"
	}
	return b.st.Title.Render(text)
}

// status is a section's state lines: loading, or its error with the retry key, and
// whether what shows is the offline store's copy. It reports whether the section has
// data to show.
func (b *docBuilder) status(c *column, width int, s section) bool {
	st := b.pr.sec[s]
	stored := b.pr.stored(s)
	line := func(style lipgloss.Style, text string) string {
		return style.Render(ansi.Truncate(text, width, ellipsis))
	}
	retry := b.st.Muted.Render("  " + b.refresh + " to retry")
	switch {
	case st.err != nil && offlineErr(st.err) && stored:
		c.add(width, line(b.st.Muted, "Offline: the offline store's copy"), retry)
	case st.err != nil && offlineErr(st.err):
		c.add(width, line(b.st.Error, "! Offline: can't load "+sectionNames[s]+" without the network"), retry)
	case st.err != nil:
		c.add(width, line(b.st.Error, "! Couldn't load "+sectionNames[s]+": "+errText(st.err)), retry)
	case stored:
		c.add(width, line(b.st.Muted, "From the offline store, refreshing…"))
	case !st.loaded:
		c.add(width, b.st.Empty.Render("Loading…"))
		return false
	}
	return st.loaded || stored
}

// details is the contact itself: who, how to reach them, when they were seen, where,
// their attributes, companies, tags and segments.
func (b *docBuilder) details(c *column, w int) {
	if ct := b.pr.contact; ct != nil {
		b.person(c, w, ct)
	} else {
		b.status(c, w, secContact)
	}
	b.companies(c, w)
	b.words(c, w, "Tags", secTags, tagNames(b.pr.tags))
	b.words(c, w, "Segments", secSegments, segmentNames(b.pr.segments))
}

// person is the header, the facts and the custom attributes of the contact.
func (b *docBuilder) person(c *column, w int, ct *models.Contact) {
	s := b.st
	name, style := textfmt.Line(string(ct.Name)), s.Bold
	if name == "" {
		name, style = "(anonymous)", s.Muted
	}
	role := s.Customer
	if ct.Role == "lead" {
		role = s.Tag
	}
	c.add(w, style.Render(ansi.Truncate(name, max(0, w-8), ellipsis))+"  "+role.Render(textfmt.Clip(textfmt.Line(ct.Role), 8)))
	if st := b.pr.sec[secContact]; st.err != nil {
		b.status(c, w, secContact) // the list's copy shows meanwhile
	}
	field := func(label, value string) {
		if value == "" {
			value = noValue
		}
		c.add(w, s.Muted.Render(textfmt.Cell(label, 12))+s.Text.Render(ansi.Truncate(value, max(0, w-12), ellipsis)))
	}
	field("Email", textfmt.Line(ct.Email))
	field("Phone", textfmt.Line(string(ct.Phone)))
	field("External id", textfmt.Line(string(ct.ExternalID)))
	field("Owner", b.owner(ct))
	field("Created", date(ct.CreatedAt, b.loc))
	field("Signed up", date(int64(ct.SignedUpAt), b.loc))
	field("Last seen", dateAgo(int64(ct.LastSeenAt), b.now, b.loc))
	field("Location", location(ct.Location))
	c.add(w, "")
	c.add(w, b.title("Attributes", len(ct.CustomAttributes), true))
	if len(ct.CustomAttributes) == 0 {
		c.add(w, s.Empty.Render("None"))
	}
	keys := sortedKeys(ct.CustomAttributes)
	kw := 0
	for _, k := range keys {
		kw = max(kw, ansi.StringWidth(textfmt.Line(k)))
	}
	kw = min(kw, max(8, w/2))
	for _, k := range keys {
		v := ansi.Truncate(attrValue(k, ct.CustomAttributes[k], b.loc), max(0, w-kw-2), ellipsis)
		c.add(w, s.Muted.Render(textfmt.Cell(textfmt.Line(k), kw))+"  "+s.Text.Render(v))
	}
}

func (b *docBuilder) owner(ct *models.Contact) string {
	id := int64(ct.OwnerID)
	if id == 0 {
		return ""
	}
	if b.dir != nil {
		if n := textfmt.Line(b.dir.AdminName(id)); n != "" {
			return n
		}
	}
	return "admin " + strconv.FormatInt(id, 10)
}

func location(l *models.Location) string {
	if l == nil {
		return ""
	}
	var parts []string
	for _, s := range []models.NullString{l.City, l.Region, l.Country} {
		if v := textfmt.Line(string(s)); v != "" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, ", ")
}

func (b *docBuilder) companies(c *column, w int) {
	s := b.st
	c.add(w, "")
	c.add(w, b.title("Companies", len(b.pr.companies), b.pr.sec[secCompanies].loaded))
	if !b.status(c, w, secCompanies) {
		return
	}
	if len(b.pr.companies) == 0 {
		c.add(w, s.Empty.Render("None"))
	}
	for _, co := range b.pr.companies {
		name := textfmt.Line(co.Name)
		if name == "" {
			name = noValue
		}
		var facts []string
		if co.Plan != nil && co.Plan.Name != "" {
			facts = append(facts, textfmt.Line(co.Plan.Name))
		}
		if co.Size > 0 {
			facts = append(facts, strconv.FormatInt(co.Size, 10)+" people")
		}
		if site := textfmt.Line(co.Website); site != "" {
			facts = append(facts, site)
		}
		c.add(w, s.Bold.Render(ansi.Truncate(name, w, ellipsis)))
		if len(facts) > 0 {
			c.add(w, "  "+s.Muted.Render(ansi.Truncate(strings.Join(facts, " · "), max(0, w-2), ellipsis)))
		}
	}
}

// words is a block of names (tags, segments), wrapped.
func (b *docBuilder) words(c *column, w int, title string, sec section, names []string) {
	c.add(w, "")
	c.add(w, b.title(title, len(names), b.pr.sec[sec].loaded))
	if !b.status(c, w, sec) {
		return
	}
	if len(names) == 0 {
		c.add(w, b.st.Empty.Render("None"))
		return
	}
	for _, l := range strings.Split(ansi.Wrap(strings.Join(names, ", "), max(1, w), ""), "\n") {
		c.add(w, b.st.Tag.Render(l))
	}
}

func tagNames(tags []models.Tag) []string {
	out := make([]string, 0, len(tags))
	for _, t := range tags {
		if n := textfmt.Clip(textfmt.Line(t.Name), rowTextRunes); n != "" {
			out = append(out, n)
		}
	}
	return out
}

func segmentNames(segs []models.Segment) []string {
	out := make([]string, 0, len(segs))
	for _, sg := range segs {
		if n := textfmt.Clip(textfmt.Line(sg.Name), rowTextRunes); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// activity is the contact's conversations (the cursor moves over them), then the notes.
func (b *docBuilder) activity(c *column, w int) {
	s := b.st
	pr := b.pr
	c.add(w, b.title("Conversations", pr.convsTotal, pr.sec[secConvs].loaded || pr.convsStored))
	if b.status(c, w, secConvs) {
		if len(pr.convs) == 0 {
			c.add(w, s.Empty.Render("No conversations"))
		}
		plain, sel := convStyles(s, false), convStyles(s, true)
		for i := range pr.convs {
			c.convLine = append(c.convLine, len(c.lines))
			c.add(w, pr.convs[i].render(w, &plain, b.now))
			c.convSel = append(c.convSel, pr.convs[i].render(w, &sel, b.now))
		}
		if more := pr.convsTotal - len(pr.convs); more > 0 {
			c.add(w, s.Muted.Render("  and "+strconv.Itoa(more)+" older"))
		}
	}
	c.add(w, "")
	notes := append(append([]noteItem(nil), pr.pending...), pr.notes...)
	c.add(w, b.title("Notes", pr.notesTotal+len(pr.pending), pr.sec[secNotes].loaded))
	shown := b.status(c, w, secNotes)
	if shown && len(notes) == 0 {
		c.add(w, s.Empty.Render("No notes"))
	}
	if !shown {
		notes = pr.pending
	}
	bar := s.Rule.Render("│") + " "
	for i, n := range notes {
		if i > 0 {
			c.add(w, "")
		}
		author := n.author
		if author == "" {
			author = "Someone"
		}
		stamp := when(n.created, b.loc)
		if n.pending {
			stamp = "sending…"
		}
		c.add(w, s.NoteHeader.Render(" "+ansi.Truncate(author, max(0, w-4), ellipsis)+" ")+s.Muted.Render("  "+stamp))
		for _, para := range n.lines {
			for _, l := range strings.Split(ansi.Wrap(para, max(1, w-2), ""), "\n") {
				c.add(w, bar+s.Text.Render(l))
			}
		}
	}
	if more := pr.notesTotal - len(pr.notes); shown && more > 0 {
		c.add(w, s.Muted.Render("  and "+strconv.Itoa(more)+" older notes"))
	}
}

// convRowStyles are the styles of a conversation row, plain or under the cursor.
type convRowStyles struct {
	base, open, snoozed, closed, muted lipgloss.Style
	mark                               string
}

func convStyles(s *theme.Styles, selected bool) convRowStyles {
	base, mark := s.Row, " "
	if selected {
		base, mark = s.RowSelected, "▌"
	}
	on := func(st lipgloss.Style) lipgloss.Style { return st.Inherit(base) }
	return convRowStyles{base: base, mark: mark, open: on(s.Customer), snoozed: on(s.Tag), closed: on(s.Muted), muted: on(s.Muted)}
}

// render draws the row exactly w wide: state, subject, how long the customer has been
// waiting, and when it last changed.
func (c *convItem) render(w int, st *convRowStyles, now int64) string {
	state := st.muted
	switch c.state {
	case models.StateOpen:
		state = st.open
	case models.StateSnoozed:
		state = st.snoozed
	case models.StateClosed:
		state = st.closed
	}
	wait := ""
	if c.waiting > 0 && c.state != models.StateClosed {
		wait = "waiting " + age(c.waiting, now)
	}
	right := " " + textfmt.CellRight(age(c.updated, now), colSeen)
	if wait != "" && w >= 50 {
		right = " " + textfmt.CellRight(wait, 11) + right
	}
	sw := max(0, w-2-8-1-ansi.StringWidth(right))
	out := st.open.Render(st.mark+" ") + state.Render(textfmt.Cell(c.state, 8)) + st.base.Render(" "+textfmt.Cell(c.subject, sw)) + st.muted.Render(right)
	return textfmt.FitWidth(out, w)
}
