package conversations

import (
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/theme"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// The header is pinned above the scrolling parts: what the conversation is, with whom,
// in what state and whose it is. It is small and rendered in Update (from the list's
// summary at once, then from the loaded conversation); it reads neither clock nor disk:
// times show once an answer has brought the workspace's zone (loc) and a clock reading.

type threadHeaderInput struct {
	conv    *models.Conversation // nil before anything is known but the id
	id      string
	width   int
	styles  *theme.Styles
	dir     *workspace.Directory
	loc     *time.Location // nil: no times yet
	now     time.Time
	compact bool // the title line only
}

// maxMetaLines bounds the lines under the title.
const maxMetaLines = 2

func renderThreadHeader(in threadHeaderInput) []string {
	st := in.styles
	title := st.Title.Render(threadTitle(in.conv, in.id))
	badge := threadBadge(in)
	title = ansi.Truncate(title, max(in.width/2, in.width-2-ansi.StringWidth(badge)), "…")
	lines := []string{textfmt.JoinEnds(title, in.width, badge)}
	if in.compact || in.conv == nil {
		return lines
	}
	return append(lines, threadPack(threadMeta(in), st.Muted.Render(" · "), in.width, maxMetaLines)...)
}

// threadBadge is open, snoozed (until …) or closed, as a status-bar coloured badge.
func threadBadge(in threadHeaderInput) string {
	st, c := in.styles, in.conv
	if c == nil {
		return ""
	}
	switch c.State {
	case models.StateSnoozed:
		label := "snoozed"
		if c.SnoozedUntil != 0 && in.loc != nil {
			label += " until " + textfmt.AbsTime(int64(c.SnoozedUntil), in.now, in.loc)
		}
		return st.StatusWarn.Render(" " + label + " ")
	case models.StateClosed:
		return st.StatusBar.Render(" closed ")
	case models.StateOpen:
		return st.StatusOK.Render(" open ")
	}
	if s := sanitize.Line(c.State); s != "" {
		return st.StatusBar.Render(" " + s + " ")
	}
	return ""
}

// threadMeta are the header's facts in the order they give way when space runs out.
func threadMeta(in threadHeaderInput) []string {
	st, c := in.styles, in.conv
	var out []string
	if name, email := threadContact(c); name != "" || email != "" {
		tok := st.Customer.Render(name)
		switch {
		case name == "":
			tok = st.Customer.Render(email)
		case email != "" && email != name:
			tok += " " + st.Muted.Render("<"+email+">")
		}
		out = append(out, tok)
	}
	if ch := threadChannel(c); ch != "" {
		out = append(out, st.Channel.Render(ch))
	}
	if c.Priority == models.PriorityHigh {
		out = append(out, st.Priority.Render(st.Icons.Priority+" priority"))
	}
	out = append(out, threadAssignee(c, in.dir, st))
	if in.loc != nil && c.CreatedAt != 0 {
		out = append(out, st.Muted.Render("created "+textfmt.AbsTime(c.CreatedAt, in.now, in.loc)))
	}
	if r := c.ConversationRating; r != nil && r.Rating > 0 {
		out = append(out, st.Muted.Render("rated "+strconv.Itoa(r.Rating)+"/5"))
	}
	for _, tag := range c.TagNames() {
		if tag = threadCollapse(sanitize.Line(tag)); tag != "" {
			out = append(out, st.Tag.Render("#"+tag))
		}
	}
	return out
}

// threadPack lays tokens out on at most maxLines lines of width, separated by sep;
// what does not fit is left out, and a token wider than a line is cut.
func threadPack(tokens []string, sep string, width, maxLines int) []string {
	var lines []string
	cur, curW := "", 0
	sepW := ansi.StringWidth(sep)
	for _, tok := range tokens {
		tw := ansi.StringWidth(tok)
		if tw > width {
			tok, tw = ansi.Truncate(tok, width, "…"), width
		}
		switch {
		case cur == "":
			cur, curW = tok, tw
		case curW+sepW+tw <= width:
			cur, curW = cur+sep+tok, curW+sepW+tw
		default:
			lines = append(lines, cur)
			if len(lines) == maxLines {
				return lines
			}
			cur, curW = tok, tw
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// threadTitle is the source's subject, else the conversation's title, else the start of
// its first message (the same lead the list row shows).
func threadTitle(c *models.Conversation, id string) string {
	if c != nil {
		if c.Source != nil {
			if s := bodyLead(c.Source.Subject); s != "" {
				return s
			}
		}
		if s := threadCollapse(sanitize.Line(string(c.Title))); s != "" {
			return s
		}
		if c.Source != nil && !c.Source.Redacted {
			if s := bodyLead(c.Source.Body); s != "" {
				return s
			}
		}
	}
	if id == "" {
		return "Conversation"
	}
	return "Conversation #" + sanitize.Line(id)
}

func threadClip(s string, n int) string {
	count := 0
	for i := range s {
		if count == n {
			return s[:i] + "…"
		}
		count++
	}
	return s
}

// threadContact is the customer's name and email: the first part a customer wrote.
func threadContact(c *models.Conversation) (name, email string) {
	if a, ok := customerAuthor(c, func(models.Author) bool { return true }); ok {
		return threadCollapse(sanitize.Line(string(a.Name))), threadCollapse(sanitize.Line(a.Email))
	}
	return "", ""
}

// customerAuthor is the first customer (user, lead, contact) among c's authors, the
// source's then the parts', that ok accepts.
func customerAuthor(c *models.Conversation, ok func(models.Author) bool) (models.Author, bool) {
	person := func(a models.Author) bool {
		switch a.Type {
		case "user", "lead", "contact":
			return ok(a)
		}
		return false
	}
	if c.Source != nil && person(c.Source.Author) {
		return c.Source.Author, true
	}
	for _, p := range c.Parts() {
		if person(p.Author) {
			return p.Author, true
		}
	}
	return models.Author{}, false
}

// threadChannels name source.type as people say it.
var threadChannels = map[string]string{
	"conversation": "chat", "email": "email", "facebook": "Facebook", "instagram": "Instagram",
	"phone_call": "phone call", "phone_switch": "phone switch", "push": "push", "sms": "SMS",
	"twitter": "X", "whatsapp": "WhatsApp",
}

func threadChannel(c *models.Conversation) string {
	if c.Source == nil || c.Source.Type == "" {
		return ""
	}
	if l, ok := threadChannels[c.Source.Type]; ok {
		return l
	}
	return partHumanize(c.Source.Type)
}

// threadAssignee is "assigned Jane Doe · Billing" or "unassigned".
func threadAssignee(c *models.Conversation, dir *workspace.Directory, st *theme.Styles) string {
	var names []string
	// name adds the directory's name for id (kind and the number when it has none); 0 is nobody.
	name := func(id int64, kind string, lookup func(*workspace.Directory, int64) string) {
		if id == 0 {
			return
		}
		n := ""
		if dir != nil {
			n = lookup(dir, id)
		}
		if n == "" {
			n = kind + " " + strconv.FormatInt(id, 10)
		}
		names = append(names, n)
	}
	name(int64(c.AdminAssigneeID), "admin", (*workspace.Directory).AdminName)
	name(int64(c.TeamAssigneeID), "team", (*workspace.Directory).TeamName)
	if len(names) == 0 {
		return st.Muted.Render("unassigned")
	}
	return st.Muted.Render("assigned ") + st.Text.Render(strings.Join(names, " / "))
}
