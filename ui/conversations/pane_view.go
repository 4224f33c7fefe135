package conversations

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/ui/components/listnav"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/components/viewbar"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

// View draws the pane at exactly the size of the last SizeMsg: the view bar, then the
// list (with the thread beside it when split); a narrow pane shows the focused thread
// alone.
func (p Pane) View() string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	if !p.split() && p.threadFocused {
		return textfmt.FitBlock(p.thread.View(), p.width, p.height)
	}
	bar := p.viewBar(p.width)
	if p.height == 1 {
		return bar
	}
	h := p.height - 1
	if !p.split() {
		return bar + "\n" + p.listView(p.width, h)
	}
	lw := p.listWidth()
	tw, _ := p.threadSize()
	return textfmt.Beside(bar, p.listView(lw, h), p.ctx.Styles.Rule.Render("│"), p.cache.threadBlock(p.thread.View(), tw, h), h)
}

// threadBlock is the thread's view fitted to width × height, kept while the view is
// the same: moving in the list leaves the thread as it is until the preview follows,
// and comparing its text is cheaper than measuring every line again.
func (c *rowCache) threadBlock(view string, width, height int) string {
	if c.threadIn != view || c.threadW != width || c.threadH != height || c.threadOut == "" {
		c.threadIn, c.threadW, c.threadH = view, width, height
		c.threadOut = textfmt.FitBlock(view, width, height)
	}
	return c.threadOut
}

// viewBar lists the views with their counts, the active one highlighted. When they do
// not fit, the bar starts late enough to show the active one. It is cached until a view
// loads, the active one changes, or the width or theme do.
func (p Pane) viewBar(width int) string {
	st := p.ctx.Styles
	note, stored := p.barNotes()
	key := barKey{width: width, active: p.active, gen: p.barGen, styles: st, note: note, stored: stored}
	if p.cache.barFor == key && p.cache.bar != "" {
		return p.cache.bar
	}
	right := p.barRight(note, stored)
	bar := viewbar.Render(st, "Conversations", p.barTabs(), p.active, width-min(width, ansi.StringWidth(right)))
	if right != "" {
		bar = textfmt.FitWidth(bar+right, width)
	}
	p.cache.bar, p.cache.barFor = bar, key
	return p.cache.bar
}

// barNotes are the selection's count and, while the active view's rows are the
// store's, when they were saved.
func (p Pane) barNotes() (note, stored string) {
	if v := p.activeView(); v != nil && v.stored {
		stored = v.storeNote
	}
	return p.selectionNote(), stored
}

// barRight is what the bar shows at its right end, over the views that do not fit:
// where the active view's rows came from while they are the store's, and the
// selection's count.
func (p Pane) barRight(note, stored string) string {
	st := p.ctx.Styles
	var right string
	if stored != "" {
		right = st.Muted.Render(" " + stored + " ")
	}
	if note != "" {
		right += st.Title.Render(" " + note + " ")
	}
	return right
}

// barTabs are the views as the bar shows them; Unassigned carries the watch's badge.
func (p Pane) barTabs() []viewbar.Tab {
	tabs := make([]viewbar.Tab, len(p.views))
	for i, v := range p.views {
		tabs[i] = viewbar.Tab{Name: v.def.name, Loaded: v.loaded || v.stored, Total: v.total}
		if v.def.key == viewUnassigned {
			tabs[i].New = p.watch.count()
		}
	}
	return tabs
}

// viewAt is the view whose name the bar draws at column x, or -1: the views get the
// width viewBar gives them (the right end's notes take the rest), measured by viewbar.At.
func (p Pane) viewAt(x int) int {
	w := p.width - min(p.width, ansi.StringWidth(p.barRight(p.barNotes())))
	return viewbar.At(p.ctx.Styles, p.barTabs(), p.active, w, x)
}

// listView is the active view's list area, exactly width × height: the filter line, the
// visible rows (only those are rendered), or the state in their place, and the error
// of a failed load below rows already shown. Every line is made at its width, so the
// frame is joined without measuring it again.
func (p Pane) listView(width, height int) string {
	st := p.ctx.Styles
	blank := strings.Repeat(" ", max(0, width))
	lines := make([]string, 0, height)
	v := p.activeView()
	if v == nil {
		lines = append(lines, blank, textfmt.StateLine(st.Empty, "Loading the workspace…", width))
		return textfmt.JoinLines(lines, blank, height)
	}
	if p.filterShown() {
		lines = append(lines, p.filterLine(width))
	}
	l := &v.list
	errBelow := v.err != nil && l.len() > 0
	rowsH := height - len(lines)
	if errBelow {
		rowsH--
	}
	switch {
	case l.len() > 0:
		// The offset is kept right in Update; clamp anyway for a height that changed
		// since (an error line appearing), without changing the model here. Clicks
		// find their row with the same sum (mouse.go).
		off := listnav.First(l.cursor, l.offset, l.len(), rowsH)
		marks := p.marks(v)
		for i := off; i < min(l.len(), off+max(rowsH, 0)); i++ {
			r := l.at(i)
			lines = append(lines, p.cache.line(r, i == l.cursor, marks.has(i, r.id), width, p.now, st))
		}
	case v.err != nil:
		lines = append(lines, blank, textfmt.StateLine(st.Error, "Couldn't load "+v.def.name+": "+loadErrorText(v.err), width),
			textfmt.StateLine(st.Muted, p.ctx.Keys.Refresh.Help().Key+" to retry", width))
	case !v.loaded:
		lines = append(lines, blank, textfmt.StateLine(st.Empty, "Loading "+strings.ToLower(v.def.name)+" conversations…", width))
	case l.query != "":
		lines = append(lines, blank, textfmt.StateLine(st.Empty, "No conversations match “"+p.input.Value()+"”", width))
	default:
		lines = append(lines, blank, textfmt.StateLine(st.Empty, v.def.empty, width))
	}
	if errBelow {
		for len(lines) < height-1 {
			lines = append(lines, blank)
		}
		lines = append(lines[:min(len(lines), max(0, height-1))], textfmt.FitWidth(st.Error.Render("! "+loadErrorText(v.err)), width))
	}
	return textfmt.JoinLines(lines, blank, height)
}

// rowCache holds rendered rows keyed by (id, updated_at, unread, selected, marked) for one
// width, clock reading and theme, so a keypress renders only the rows that changed (the
// two whose selection did). It starts over when any of those changes or it grows large.
type rowCache struct {
	styles *theme.Styles
	width  int
	now    int64
	layout rowLayout
	states [2][2]rowStyles // by [cursor][marked]
	lines  map[rowCacheKey]string
	misses int // rows rendered since the pane was made: what the cache is for

	bar    string // the view bar, drawn for barFor
	barFor barKey

	threadIn, threadOut string // the thread's last view and that fitted (threadBlock)
	threadW, threadH    int
}

type barKey struct {
	width, active int
	gen           uint64
	styles        *theme.Styles
	note          string // the selection's count (bulk_select.go)
	stored        string // the active view's rows are the store's: when saved (cache.go)
}

type rowCacheKey struct {
	id      string
	updated int64
	unread  bool
	sel     bool
	marked  bool // marked for a bulk action
}

const rowCacheMax = 2048

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (c *rowCache) line(r *convRow, sel, marked bool, width int, now int64, st *theme.Styles) string {
	if c.lines == nil || c.styles != st || c.width != width || c.now != now || len(c.lines) >= rowCacheMax {
		c.reset(width, now, st)
	}
	k := rowCacheKey{id: r.id, updated: r.updated, unread: r.unread, sel: sel, marked: marked}
	if s, ok := c.lines[k]; ok {
		return s
	}
	rs := &c.states[b2i(sel)][b2i(marked)]
	c.misses++
	s := r.render(c.layout, rs, now)
	c.lines[k] = s
	return s
}

func (c *rowCache) reset(width int, now int64, st *theme.Styles) {
	if c.styles != st {
		for sel := range 2 {
			plain := newRowStyles(st, sel == 1)
			c.states[sel] = [2]rowStyles{plain, plain.marked()}
		}
	}
	c.styles, c.width, c.now = st, width, now
	c.layout = newRowLayout(width)
	c.lines = make(map[rowCacheKey]string, 128)
}
