package conversations

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/intercom-tui/intercom-tui/ui/components/scroll"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
)

// Window layout: the header and rule take the top rows when there is room for them and
// a few lines of body; the body gets the rest.
const (
	fullHeaderMinHeight = 8 // title, meta lines and rule
	headerMinHeight     = 3 // the title and rule alone
)

// refreshChrome re-renders the header, the placeholder and the rule for the current
// state and size. It is cheap (a few styled strings) and reads neither clock nor disk.
func (t *Thread) refreshChrome() {
	t.chromeFor = t.target()
	st := t.ctx.Styles
	t.header, t.placeholder, t.rule = nil, nil, ""
	if st == nil || t.width <= 0 || t.height <= 0 {
		return
	}
	if t.id != "" && t.height >= headerMinHeight {
		t.header = renderThreadHeader(threadHeaderInput{
			conv: t.Conversation(), id: t.id, width: t.width, styles: st, dir: t.ctx.Dir,
			loc: t.loc, now: t.now, compact: t.height < fullHeaderMinHeight,
		})
	}
	wrap := func(s string) []string { return strings.Split(ansi.Wrap(s, max(1, t.width-2), ""), "\n") }
	switch {
	case t.id == "":
		t.placeholder = append([]string{""}, textfmt.Indent(wrap(st.Empty.Render("Select a conversation to read it.")), 2)...)
	case t.err != nil && t.conv == nil:
		lines := wrap(st.Error.Render("Could not load this conversation: " + threadErrText(t.err)))
		if k := t.ctx.Keys; k != nil {
			lines = append(lines, st.Muted.Render(k.Retry.Help().Key+" to try again"))
		}
		t.placeholder = append([]string{""}, textfmt.Indent(lines, 2)...)
	case len(t.body.lines) == 0:
		t.placeholder = []string{"", "  " + st.Muted.Render("Loading conversation…")}
	}
	t.clamp()
	t.refreshRule()
}

// refreshRule re-renders the rule under the header: the scroll position, or what the
// thread is doing.
func (t *Thread) refreshRule() {
	st := t.ctx.Styles
	if st == nil || !t.showRule() {
		t.rule = ""
		return
	}
	status, style := textfmt.ScrollStatus(t.offset, t.bodyHeight(), len(t.body.lines), t.width), st.Muted
	if s, isErr, ok := scroll.Source(t.stored, t.conv != nil, t.loading, t.err != nil, t.width); ok {
		status = s
		if isErr {
			style = st.Error
		}
	}
	t.rule = scroll.Rule(st, t.width, status, style)
}

func (t *Thread) showRule() bool { return len(t.header) > 0 }

// bodyHeight is the number of rows the parts get.
func (t *Thread) bodyHeight() int {
	h := t.height - len(t.header)
	if t.showRule() {
		h--
	}
	return max(0, h)
}

// doc is where the body stands for scrolling.
func (t *Thread) doc() scroll.Doc {
	return scroll.Doc{Offset: t.offset, Height: t.bodyHeight(), Total: len(t.body.lines)}
}

func (t *Thread) maxOffset() int { return t.doc().Max() }

// latestOffset shows the latest part: the bottom, or that part's heading when it is
// taller than the window.
func (t *Thread) latestOffset() int {
	m := t.maxOffset()
	if n := len(t.body.starts); n > 0 {
		return min(m, t.body.starts[n-1])
	}
	return m
}

func (t *Thread) atBottom() bool { return t.offset >= t.maxOffset() }

func (t *Thread) clamp() { t.offset = t.doc().Clamp() }

// applyBody stores a rendered body. latest opens it at the latest part; otherwise the
// reader keeps their place: at the bottom if they were there, else the same line of the
// same part (wrapping differs between widths, parts do not).
func (t *Thread) applyBody(b threadBody, latest bool) {
	bottom := t.atBottom() && len(t.body.lines) > 0
	entry, delta := t.body.anchor(t.offset)
	t.body, t.stale = b, false // every body applied is of conv as it is now
	t.refreshChrome()          // the header may have changed with the conversation
	switch {
	case latest:
		t.offset = t.latestOffset()
	case bottom:
		t.offset = t.maxOffset()
	default:
		t.offset = b.locate(entry, delta)
	}
	t.clamp()
	t.refreshRule()
}

// anchor is the entry whose lines hold offset and how far into it offset is.
func (b *threadBody) anchor(offset int) (entry, delta int) {
	entry = -1
	for i, s := range b.starts {
		if s > offset {
			break
		}
		entry = i
	}
	if entry < 0 {
		return -1, 0
	}
	return entry, offset - b.starts[entry]
}

// locate is the line delta lines into entry, kept within that entry.
func (b *threadBody) locate(entry, delta int) int {
	if entry < 0 || entry >= len(b.starts) {
		return 0
	}
	end := len(b.lines)
	if entry+1 < len(b.starts) {
		end = b.starts[entry+1]
	}
	return min(b.starts[entry]+delta, max(b.starts[entry], end-1))
}

// page is a screenful less a line of context.
func (t *Thread) page() int { return t.doc().Page() }
