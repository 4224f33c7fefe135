package contacts

import (
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/intercom-tui/intercom-tui/ui/components/listnav"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
)

// View draws the pane at exactly the size of the last SizeMsg: a bar, then the list
// (with the search box and the column titles) or the profile.
func (p Pane) View() string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	if p.prof.open() {
		return p.profileView()
	}
	return p.listView()
}

// searchLine reports whether the list shows the search box's line.
func (p *Pane) searchLine() bool { return p.input.Focused() || p.list.query != "" }

// columnTitles reports whether the list has room for its column titles.
func (p *Pane) columnTitles() bool { return p.height >= 8 }

// listHeight is the number of rows the list shows: the pane less the bar, the search
// line, the column titles and the error line when they show.
func (p *Pane) listHeight() int {
	h := p.height - 1
	if p.searchLine() {
		h--
	}
	if p.columnTitles() {
		h--
	}
	if p.list.err != nil && p.list.rows.len() > 0 {
		h--
	}
	return max(h, 1)
}

func (p Pane) listView() string {
	st := p.ctx.Styles
	w := p.width
	blank := strings.Repeat(" ", w)
	lines := make([]string, 0, p.height)
	lines = append(lines, p.listBar(w))
	if p.searchLine() {
		lines = append(lines, p.searchBox(w))
	}
	layout := newRowLayout(w)
	if p.columnTitles() {
		lines = append(lines, st.Muted.Render(layout.header()))
	}
	l := &p.list.rows
	errBelow := p.list.err != nil && l.len() > 0
	switch {
	case l.len() > 0:
		h := p.listHeight()
		off := listnav.First(l.cursor, l.offset, l.len(), h) // as clicks find rows (mouse.go)
		plain, sel := newRowStyles(st, false), newRowStyles(st, true)
		for i := off; i < min(l.len(), off+h); i++ {
			rs := &plain
			if i == l.cursor {
				rs = &sel
			}
			r := &l.rows[i]
			lines = append(lines, r.render(layout, rs, p.names.column(r), p.now))
		}
	case p.list.fromStore && p.list.query != "":
		lines = append(lines, blank, textfmt.StateLine(st.Empty, "No contacts in the offline store match “"+textfmt.Line(p.list.query)+"”", w))
	case p.list.err != nil:
		lines = append(lines, blank, textfmt.StateLine(st.Error, "Couldn't load contacts: "+errText(p.list.err), w),
			textfmt.StateLine(st.Muted, p.ctx.Keys.Refresh.Help().Key+" to retry", w))
	case !p.list.loaded:
		lines = append(lines, blank, textfmt.StateLine(st.Empty, "Loading contacts…", w))
	case p.list.query != "":
		lines = append(lines, blank, textfmt.StateLine(st.Empty, "No contacts match “"+textfmt.Line(p.list.query)+"”", w))
	default:
		lines = append(lines, blank, textfmt.StateLine(st.Empty, "No contacts in this workspace yet", w))
	}
	if errBelow {
		for len(lines) < p.height-1 {
			lines = append(lines, blank)
		}
		lines = append(lines[:min(len(lines), max(0, p.height-1))], textfmt.FitWidth(st.Error.Render("! "+errText(p.list.err)), w))
	}
	return textfmt.JoinLines(lines, blank, p.height)
}

// listBar names what the list shows and how many there are; "searching…" while a
// request is in flight.
func (p Pane) listBar(w int) string {
	st := p.ctx.Styles
	var b strings.Builder
	b.WriteString(st.ViewActive.Render(" Contacts"))
	if p.list.loaded {
		n := strconv.Itoa(p.list.total)
		switch {
		case p.list.query != "" && p.list.total == 1:
			b.WriteString(st.Muted.Render("  1 match for “" + textfmt.Line(p.list.query) + "”"))
		case p.list.query != "":
			b.WriteString(st.Muted.Render("  " + n + " matches for “" + textfmt.Line(p.list.query) + "”"))
		case p.list.total == 1:
			b.WriteString(st.Muted.Render("  1 contact"))
		default:
			b.WriteString(st.Muted.Render("  " + n + " contacts"))
		}
		if p.list.fromStore {
			b.WriteString(st.Muted.Render(" · " + p.storedSource()))
		}
	}
	if p.list.pending {
		what := "  loading…"
		if p.list.asking != "" && !p.list.more {
			what = "  searching…"
		}
		b.WriteString(st.Empty.Render(what))
	}
	return textfmt.FitWidth(b.String(), w)
}

// searchBox is the input while typing, else the search the list shows.
func (p Pane) searchBox(w int) string {
	if p.input.Focused() {
		in := p.input
		in.SetWidth(max(1, w-ansi.StringWidth(in.Prompt)-1))
		return textfmt.FitWidth(in.View(), w)
	}
	return textfmt.FitWidth(p.ctx.Styles.Filter.Render(p.input.Prompt+textfmt.Line(p.list.query)), w)
}

// profileView is the profile's bar and the lines of its document on screen, with the
// cursor's row drawn selected.
func (p Pane) profileView() string {
	w := p.width
	blank := strings.Repeat(" ", w)
	lines := make([]string, 0, p.height)
	lines = append(lines, p.profileBar(w))
	d := p.document()
	sel := -1
	if c := p.prof.cursor; c >= 0 && c < len(d.convLine) {
		sel = d.convLine[c]
	}
	for i := p.prof.offset; i < min(len(d.lines), p.prof.offset+p.bodyHeight()); i++ {
		if i == sel {
			lines = append(lines, d.convSel[p.prof.cursor])
			continue
		}
		lines = append(lines, d.lines[i])
	}
	return textfmt.JoinLines(lines, blank, p.height)
}

func (p Pane) profileBar(w int) string {
	st := p.ctx.Styles
	name := "Contact"
	if c := p.prof.contact; c != nil {
		name = textfmt.Line(c.DisplayName())
	}
	s := st.ViewOther.Render(" Contacts ›") + " " + st.ViewActive.Render(name)
	if p.prof.fromStore() {
		s += st.Muted.Render("  from the offline store")
	}
	if p.prof.loading() {
		s += st.Empty.Render("  loading…")
	}
	return textfmt.FitWidth(s, w)
}

// storedSource says where the list's stored rows come from: the saved view ("saved
// 14:05", with the day when not today) or a search of the store.
func (p Pane) storedSource() string {
	if p.list.savedAt.IsZero() {
		return "offline results from the store"
	}
	now := p.list.savedAt
	if p.now != 0 {
		now = time.Unix(p.now, 0)
	}
	return textfmt.Saved(p.list.savedAt, now, zoneOr(p.loc))
}
