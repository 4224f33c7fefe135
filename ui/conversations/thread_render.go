package conversations

import (
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/components/markdown"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/theme"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// A thread body is rendered whole, in a command, as a pure function of what threadInput
// holds; Update only stores the lines and View only slices them.

// threadInput is everything a body render depends on.
type threadInput struct {
	conv   *models.Conversation
	width  int
	styles *theme.Styles
	dir    *workspace.Directory
	now    time.Time
	loc    *time.Location
	md     *markdown.Renderer
}

// threadBody is a rendered thread: its lines, where each entry (the source, then every
// part) starts, and what it was rendered for, so the thread knows when it is stale.
type threadBody struct {
	lines  []string
	starts []int
	width  int
	styles *theme.Styles
	dir    *workspace.Directory
}

// Body layout: headings at column 0, bodies indented; a note's body also carries the
// NoteBody bar and its padding.
const (
	partIndent = 2
	noteInset  = 2
	minBodyW   = 16
)

// partEntry is a source or a part, reduced to what the thread shows.
type partEntry struct {
	key         markdown.Key
	kind        partKind
	partType    string
	author      models.Author
	body        string
	attachments []models.Attachment
	redacted    bool
	created     int64
	assignedTo  *models.Reference
	last        bool // the conversation's latest part
}

type partKind int

const (
	kindMessage partKind = iota
	kindNote
	kindEvent
)

// partEntries lists the source and the parts, oldest first.
func partEntries(c *models.Conversation) []partEntry {
	var out []partEntry
	if s := c.Source; s != nil {
		out = append(out, partEntry{
			key:  markdown.Key{ID: "source:" + string(s.ID), UpdatedAt: c.CreatedAt},
			kind: kindMessage, partType: "source", author: s.Author, body: s.Body,
			attachments: s.Attachments, redacted: s.Redacted, created: c.CreatedAt,
		})
	}
	for _, p := range c.Parts() {
		out = append(out, partEntry{
			key:  markdown.Key{ID: "part:" + string(p.ID), UpdatedAt: p.UpdatedAt},
			kind: partKindOf(p.PartType), partType: p.PartType, author: p.Author, body: string(p.Body),
			attachments: p.Attachments, redacted: p.Redacted, created: p.CreatedAt, assignedTo: p.AssignedTo,
		})
	}
	if n := len(out); n > 0 {
		out[n-1].last = true
	}
	return out
}

// partKindOf sorts a part_type (an open string in 2.9): what people wrote is a message
// or a note; everything else is something that happened to the conversation.
func partKindOf(t string) partKind {
	switch {
	case t == "comment" || t == "quick_reply" || t == "":
		return kindMessage
	case strings.Contains(t, "note"):
		return kindNote
	}
	return kindEvent
}

// renderThreadBody renders every entry of in.conv at in.width.
func renderThreadBody(in threadInput) threadBody {
	out := threadBody{width: in.width, styles: in.styles, dir: in.dir}
	if in.conv == nil || in.width <= 0 || in.styles == nil {
		return out
	}
	entries := partEntries(in.conv)
	prevEvent := false
	for i := range entries {
		e := &entries[i]
		event := e.kind == kindEvent
		if len(out.lines) > 0 && !(event && prevEvent) {
			out.lines = append(out.lines, "") // events in a row stay together
		}
		out.starts = append(out.starts, len(out.lines))
		out.lines = append(out.lines, renderEntry(in, e)...)
		prevEvent = event
	}
	if len(entries) == 0 {
		out.starts = append(out.starts, 0)
		out.lines = append(out.lines, in.styles.Empty.Render("No messages yet."))
	}
	return out
}

func renderEntry(in threadInput, e *partEntry) []string {
	st := in.styles
	// The time at the end of the heading, shortened to fit: "4m ago · Tue 24 Nov 14:05",
	// then "4m ago"; a one-liner gives way to it down to a third of the line.
	var when []string
	if e.created != 0 {
		when = []string{st.Muted.Render(partWhen(e.created, in.now, in.loc)), st.Muted.Render(threadAgo(e.created, in.now))}
	}
	if e.kind == kindEvent {
		text := "— " + partEventText(in, e)
		if len(when) > 0 {
			room := max(in.width/3, in.width-2-ansi.StringWidth(when[1]))
			text = ansi.Truncate(text, room, "…")
		}
		line := textfmt.JoinEnds(st.Event.Render(ansi.Truncate(text, in.width, "…")), in.width, when...)
		lines := []string{line}
		if e.redacted || strings.TrimSpace(e.body) != "" || len(e.attachments) > 0 {
			lines = append(lines, textfmt.Indent(partContent(in, e, in.width-partIndent), partIndent)...)
		}
		return lines
	}
	role, roleStyle := partAuthorRole(e.author, st)
	left := roleStyle.Render(partAuthorName(e.author, in.dir)) + " " + roleStyle.Bold(false).Render(role)
	if e.kind == kindNote {
		left += " " + st.NoteHeader.Render(" Internal note ")
	}
	lines := []string{textfmt.JoinEnds(left, in.width, when...)}
	if e.kind == kindNote {
		content := partContent(in, e, in.width-partIndent-noteInset)
		if len(content) == 0 {
			content = []string{""}
		}
		note := strings.Split(st.NoteBody.Render(strings.Join(content, "\n")), "\n")
		return append(lines, textfmt.Indent(note, partIndent)...)
	}
	return append(lines, textfmt.Indent(partContent(in, e, in.width-partIndent), partIndent)...)
}

// partContent is an entry's body (markdown-rendered, or the redaction notice) and its
// attachments, at width.
func partContent(in threadInput, e *partEntry, width int) []string {
	width = max(width, minBodyW)
	if e.redacted {
		return []string{in.styles.Empty.Render("This message was redacted.")}
	}
	var lines []string
	if strings.TrimSpace(e.body) != "" {
		// An error still comes with the text, plainly wrapped: better than nothing.
		body, _ := in.md.Render(e.key, e.body, width, in.styles.GlamourStyle())
		lines = append(lines, body...)
	}
	for _, a := range e.attachments {
		lines = append(lines, partAttachmentLines(a, in.styles, width)...)
	}
	return lines
}

// partAttachmentLines is "📎 name  type · size" and the URL below it, wrapped rather than cut
// so it can be copied whole.
func partAttachmentLines(a models.Attachment, st *theme.Styles, width int) []string {
	name := sanitize.Line(a.Name)
	if name == "" {
		name = "attachment"
	}
	var meta []string
	if ct := sanitize.Line(a.ContentType); ct != "" {
		meta = append(meta, ct)
	}
	if a.Filesize > 0 {
		meta = append(meta, threadByteSize(a.Filesize))
	}
	if a.Width > 0 && a.Height > 0 {
		meta = append(meta, strconv.FormatInt(int64(a.Width), 10)+"×"+strconv.FormatInt(int64(a.Height), 10))
	}
	head := st.Attachment.Render(st.Icons.Attachment + " " + name)
	if len(meta) > 0 {
		head += "  " + st.Muted.Render(strings.Join(meta, " · "))
	}
	lines := []string{ansi.Truncate(head, width, "…")}
	if u := sanitize.Line(a.URL); u != "" {
		for _, l := range strings.Split(ansi.Hardwrap(u, max(1, width-3), false), "\n") {
			lines = append(lines, "   "+st.Muted.Render(l))
		}
	}
	return lines
}

// partAuthorRole is the role label of an author and the style its name takes.
func partAuthorRole(a models.Author, st *theme.Styles) (string, lipgloss.Style) {
	switch a.Type {
	case "admin":
		return "teammate", st.Teammate
	case "team":
		return "team", st.Teammate
	case "bot":
		return "bot", st.Bot
	}
	return "customer", st.Customer // user, lead, contact
}

// partAuthorName is the author's name, else the directory's name for an admin, else their
// email, else their role.
func partAuthorName(a models.Author, dir *workspace.Directory) string {
	if n := threadCollapse(sanitize.Line(string(a.Name))); n != "" {
		return n
	}
	if a.Type == "admin" && dir != nil {
		if n := dir.AdminName(threadID(a.ID)); n != "" {
			return n
		}
	}
	if e := threadCollapse(sanitize.Line(a.Email)); e != "" {
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
	return "The customer"
}

// threadCollapse squeezes runs of spaces: names and subjects are one-line labels.
func threadCollapse(s string) string {
	if !strings.Contains(s, "  ") && strings.TrimSpace(s) == s {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// threadByteSize is a file size for people: 512 B, 12 KB, 3.4 MB.
func threadByteSize(n int64) string {
	switch {
	case n < 1000:
		return strconv.FormatInt(n, 10) + " B"
	case n < 1_000_000:
		return strconv.FormatInt((n+500)/1000, 10) + " KB"
	case n < 1_000_000_000:
		return threadOneDecimal(n, 1_000_000) + " MB"
	}
	return threadOneDecimal(n, 1_000_000_000) + " GB"
}

func threadOneDecimal(n, unit int64) string {
	tenths := (n*10 + unit/2) / unit
	if tenths%10 == 0 || tenths >= 100 {
		return strconv.FormatInt((tenths+5)/10, 10)
	}
	return strconv.FormatInt(tenths/10, 10) + "." + strconv.FormatInt(tenths%10, 10)
}
