package articles

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// split reports whether the tree and the reader are side by side.
func (p *Pane) split() bool {
	least := p.ctx.Settings.SplitMinWidth
	if least <= 0 {
		least = shared.DefaultSettings().SplitMinWidth
	}
	return p.width >= least
}

// treeWidth is the tree's (or the results') column.
func (p *Pane) treeWidth() int {
	if !p.split() {
		return p.width
	}
	return p.width * 40 / 100
}

// readerSize is the reader's area: beside the tree (less a rule) or the whole pane.
func (p *Pane) readerSize() (int, int) {
	if !p.split() {
		return p.width, p.h
	}
	return max(0, p.width-p.treeWidth()-1), p.h
}

// height is the tree's rows: the pane less its header line.
func (p *Pane) height() int { return max(1, p.h-1) }

// hitRows is the results' rows: the pane less the input and the status line.
func (p *Pane) hitRows() int { return max(hitHeight, p.h-2) }

// headerLines is the reader's lines above the body: title, badges and languages,
// the description when there is one, a rule.
func (p *Pane) headerLines() int {
	if strings.TrimSpace(p.rd.content().Description) != "" {
		return 4
	}
	return 3
}

func (p *Pane) bodyHeight() int {
	_, h := p.readerSize()
	return max(1, h-p.headerLines())
}

// View is the pane, exactly as large as the last SizeMsg.
func (p Pane) View() string {
	if p.width <= 0 || p.h <= 0 {
		return ""
	}
	if !p.split() {
		if p.focus == focusReader && p.rd.open() {
			return block(p.readerLines(p.width, p.h), p.width, p.h)
		}
		return block(p.leftLines(p.width), p.width, p.h)
	}
	tw := p.treeWidth()
	rw, rh := p.readerSize()
	left := p.leftLines(tw)
	right := p.readerLines(rw, rh)
	rule := p.ctx.Styles.Rule.Render("│")
	var b strings.Builder
	for i := range p.h {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(textfmt.FitWidth(at(left, i), tw))
		b.WriteString(rule)
		b.WriteString(textfmt.FitWidth(at(right, i), rw))
	}
	return b.String()
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return ""
}

// block makes lines exactly width × height.
func block(lines []string, width, height int) string {
	out := make([]string, height)
	for i := range height {
		out[i] = textfmt.FitWidth(at(lines, i), width)
	}
	return strings.Join(out, "\n")
}

// leftLines is the tree, or the search results while searching, w cells wide.
func (p *Pane) leftLines(w int) []string {
	if p.sr.active {
		return p.resultLines(w)
	}
	st := p.ctx.Styles
	total, drafts := 0, 0
	for _, r := range p.roots {
		total, drafts = total+countOf(r).a, drafts+countOf(r).d
	}
	head := st.Title.Render("Help center")
	if p.loaded {
		head += st.Muted.Render(fmt.Sprintf(" %d articles", total))
		if drafts > 0 {
			head += st.Muted.Render(" · ") + st.Tag.Render(fmt.Sprintf("%d drafts", drafts))
		}
	}
	out := []string{textfmt.Cell(head, w)}
	switch {
	case !p.loaded && p.err != nil:
		return append(out, st.Error.Render(textfmt.Cell("Could not load articles: "+sanitize.Line(p.err.Error()), w)))
	case !p.loaded:
		return append(out, st.Empty.Render("Loading articles…"))
	case len(p.tree.rows) == 0:
		return append(out, st.Empty.Render("The help center has no articles yet"))
	}
	t := &p.tree
	for i := t.offset; i < len(t.rows) && i < t.offset+p.height(); i++ {
		out = append(out, p.treeRow(t.rows[i], w, i == t.cursor))
	}
	return out
}

type counts struct{ a, d int }

func countOf(n *node) counts {
	if n.group() {
		return counts{n.articles, n.drafts}
	}
	if n.article.State == "draft" {
		return counts{1, 1}
	}
	return counts{1, 0}
}

// treeRow is one row: indent, a fold marker or an article dot, the title, and at the
// end the group's counts or the article's state.
// cursorMark marks the selected row, in the first column.
const cursorMark = "▌"

func (p *Pane) treeRow(r row, w int, selected bool) string {
	st := p.ctx.Styles
	n := r.n
	indent := strings.Repeat("  ", r.depth)
	mark := "  "
	var right, rightPlain string
	if n.group() {
		mark = st.Icons.Collapsed + " "
		if p.tree.isExpanded(n) {
			mark = st.Icons.Expanded + " "
		}
		rightPlain = fmt.Sprintf("%d", n.articles)
		right = st.Muted.Render(rightPlain)
		if n.drafts > 0 {
			d := fmt.Sprintf(" · %d draft", n.drafts)
			rightPlain += d
			right += st.Tag.Render(d)
		}
	} else {
		rightPlain = stateLabel(n.article.State)
		right = p.badge(n.article.State)
	}
	title := n.title
	if n.kind == kindCenter || n.kind == kindCollection {
		title = st.Bold.Render(title)
	}
	if w < 24 {
		right, rightPlain = "", ""
	}
	// The title gets what the indent, the marker, the counts or badge and a space on
	// either side of them leave.
	// The first column is the cursor's, so the selection shows without colour too (as
	// in the other panes' lists).
	room := w - 1 - len(indent) - ansi.StringWidth(mark) - ansi.StringWidth(rightPlain) - 2
	if selected {
		plain := cursorMark + indent + mark + textfmt.Cell(n.title, max(0, room)) + " " + rightPlain
		return st.RowSelected.Render(textfmt.FitWidth(plain, w))
	}
	return " " + indent + mark + textfmt.Cell(title, max(0, room)) + " " + right
}

func stateLabel(s string) string {
	if s == "draft" {
		return "draft"
	}
	return "published"
}

// badge is an article's state, styled: drafts stand out, published is quiet.
func (p *Pane) badge(state string) string {
	if state == "draft" {
		return p.ctx.Styles.Tag.Render("draft")
	}
	return p.ctx.Styles.Success.Render("published")
}

// resultLines is the search input, a status line and the hits (title and snippet).
func (p *Pane) resultLines(w int) []string {
	st := p.ctx.Styles
	out := []string{p.sr.input.View()}
	q := strings.TrimSpace(p.sr.input.Value())
	switch {
	case p.sr.err != nil:
		out = append(out, st.Error.Render(textfmt.Cell("Search failed: "+sanitize.Line(p.sr.err.Error()), w)))
	case q == "":
		out = append(out, st.Empty.Render("Type to search titles and text"+p.offlineNote()))
	case p.sr.pending && p.sr.query != q:
		out = append(out, st.Empty.Render("Searching…"))
	case len(p.sr.hits) == 0:
		out = append(out, st.Empty.Render("No articles match "+fmt.Sprintf("%q", sanitize.Line(q))))
	default:
		out = append(out, st.Muted.Render(fmt.Sprintf("%d results%s", len(p.sr.hits), p.offlineNote())))
	}
	per := p.hitRows() / hitHeight
	for i := p.sr.offset; i < len(p.sr.hits) && i < p.sr.offset+per; i++ {
		h := p.sr.hits[i]
		lead := "  "
		title := textfmt.Cell(line(h.Title, "Untitled article"), w-2)
		if i == p.sr.cursor {
			lead = st.Filter.Render("▌ ")
			title = st.RowSelected.Render(title)
		} else {
			title = st.Bold.Render(title)
		}
		out = append(out, lead+title, lead+p.snippet(h.Snippet, w-2))
	}
	return out
}

func (p *Pane) offlineNote() string {
	if p.cache != nil {
		return " · works offline"
	}
	return ""
}

// snippet renders a snippet's marked matches in the highlight style, the rest muted,
// cut to w cells. Each piece is sanitized after the markers are found.
func (p *Pane) snippet(s string, w int) string {
	st := p.ctx.Styles
	var b strings.Builder
	used, hl := 0, false
	for s != "" && used < w {
		piece, next, toggle := s, "", byte(0)
		if i := strings.IndexAny(s, string([]byte{markOn, markOff})); i >= 0 {
			piece, toggle, next = s[:i], s[i], s[i+1:]
		}
		if used == 0 {
			piece = strings.TrimLeft(piece, " \t\n")
		}
		if piece = squeeze(sanitize.Line(piece)); piece != "" {
			if used+ansi.StringWidth(piece) > w {
				piece = textfmt.Cell(piece, w-used)
			}
			used += ansi.StringWidth(piece)
			if hl {
				b.WriteString(st.Title.Render(piece))
			} else {
				b.WriteString(st.Muted.Render(piece))
			}
		}
		switch toggle {
		case markOn:
			hl = true
		case markOff:
			hl = false
		}
		s = next
	}
	return b.String()
}

// squeeze turns runs of spaces into one, keeping one at either end where there was any.
func squeeze(s string) string {
	mid := strings.Join(strings.Fields(s), " ")
	if mid == "" {
		if s != "" {
			return " "
		}
		return ""
	}
	if strings.HasPrefix(s, " ") {
		mid = " " + mid
	}
	if strings.HasSuffix(s, " ") {
		mid += " "
	}
	return mid
}

// readerLines is the open article: title, state and languages, description, a rule
// with the scroll position, and the visible part of the body.
func (p *Pane) readerLines(w, h int) []string {
	st := p.ctx.Styles
	if !p.rd.open() {
		return []string{"", st.Empty.Render(textfmt.Cell("  Choose an article and press enter", w))}
	}
	c := p.rd.content()
	out := []string{st.Title.Render(textfmt.Cell(line(c.Title, "Untitled article"), w))}
	out = append(out, p.badge(c.State)+"  "+p.localeBar())
	if d := strings.TrimSpace(c.Description); d != "" {
		out = append(out, st.Muted.Render(textfmt.Cell(line(d, ""), w)))
	}
	bh := max(1, h-len(out)-1)
	status := textfmt.ScrollStatus(p.rd.offset, bh, len(p.rd.lines), w)
	rule := strings.Repeat("─", max(0, w-ansi.StringWidth(status)-1))
	if status != "" {
		rule += " " + status
	}
	out = append(out, st.Rule.Render(rule))
	switch {
	case p.rd.lines == nil && p.rd.pending:
		return append(out, st.Empty.Render("Rendering…"))
	case len(p.rd.lines) == 0:
		return append(out, st.Empty.Render("This article has no text"))
	}
	end := min(len(p.rd.lines), p.rd.offset+bh)
	return append(out, p.rd.lines[min(p.rd.offset, end):end]...)
}

// localeBar is the article's languages, the one shown highlighted: "EN · fr · de".
func (p *Pane) localeBar() string {
	st := p.ctx.Styles
	parts := make([]string, len(p.rd.locs))
	for i, l := range p.rd.locs {
		l = sanitize.Line(l)
		if i == p.rd.loc {
			parts[i] = st.ViewActive.Render(l)
		} else {
			parts[i] = st.Muted.Render(l)
		}
	}
	return strings.Join(parts, st.Muted.Render(" · "))
}
