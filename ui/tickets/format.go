package tickets

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// Plain-font marks.
const (
	markCursor = "▌"
	noValue    = "—"
	ellipsis   = "…"
)

// humanState is a ticket state in words: "waiting_on_customer" → "waiting on customer".
func humanState(state string) string {
	s := textfmt.Line(strings.ReplaceAll(state, "_", " "))
	if s == "" {
		return "unknown state"
	}
	return s
}

// capitalize upper-cases the first letter: "in progress" → "In progress".
func capitalize(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

// ticketNumber is how agents name a ticket: "#" and its ticket_id (the Inbox's number),
// else its API id.
func ticketNumber(t *models.Ticket) string {
	if t == nil {
		return "#?"
	}
	if n := textfmt.Line(string(t.TicketID)); n != "" {
		return "#" + n
	}
	return "#" + textfmt.Line(string(t.ID))
}

// idNumber is an Intercom id as the integer the directory keys admins and teams by.
func idNumber(id models.ID) int64 {
	n, _ := strconv.ParseInt(string(id), 10, 64)
	return n
}

// unassigned reports an assignee id that names nobody ("", "0").
func unassigned(id models.ID) bool { return id == "" || id == "0" }

// adminName is an admin's name from the directory, else "admin <id>".
func adminName(id models.ID, dir *workspace.Directory) string {
	if dir != nil {
		if n := dir.AdminName(idNumber(id)); n != "" {
			return n
		}
	}
	return "admin " + textfmt.Line(string(id))
}

// teamName is a team's name from the directory, else "team <id>".
func teamName(id models.ID, dir *workspace.Directory) string {
	if dir != nil {
		if n := dir.TeamName(idNumber(id)); n != "" {
			return n
		}
	}
	return "team " + textfmt.Line(string(id))
}

// assigneeText is who has the ticket: the admin, else the team, else "unassigned".
func assigneeText(t *models.Ticket, dir *workspace.Directory) string {
	switch {
	case !unassigned(t.AdminAssigneeID):
		return adminName(t.AdminAssigneeID, dir)
	case !unassigned(t.TeamAssigneeID):
		return teamName(t.TeamAssigneeID, dir)
	}
	return "unassigned"
}

// contactLabel is a contact as a row can show it without loading it: its external id,
// else the tail of its id (Intercom ids are ObjectIDs whose leading bytes are shared).
func contactLabel(c models.ContactReference) string {
	if e := textfmt.Line(string(c.ExternalID)); e != "" {
		return e
	}
	id := textfmt.Line(string(c.ID))
	if w := ansi.StringWidth(id); w > 8 {
		id = ellipsis + ansi.TruncateLeft(id, w-6, "") // room for "+1" in a narrow column
	}
	return id
}

// contactsText is the first contact and how many more: "ext-123 +1", or "no contact".
func contactsText(t *models.Ticket) string {
	if t.Contacts == nil || len(t.Contacts.Contacts) == 0 {
		return "no contact"
	}
	cs := t.Contacts.Contacts
	s := contactLabel(cs[0])
	if len(cs) > 1 {
		s += " +" + strconv.Itoa(len(cs)-1)
	}
	return s
}

// typeIcon is the ticket type's icon (an emoji) in exactly two cells, or a dot.
func typeIcon(tt *models.TicketType) string {
	icon := ""
	if tt != nil {
		icon = strings.TrimSpace(sanitize.Line(tt.Icon))
	}
	if icon == "" {
		icon = "•"
	}
	if ansi.StringWidth(icon) > 2 {
		icon = ansi.Truncate(icon, 2, "")
	}
	return icon + strings.Repeat(" ", max(0, 2-ansi.StringWidth(icon)))
}

// typeName is the ticket type's name, or "Ticket".
func typeName(tt *models.TicketType) string {
	if tt != nil {
		if n := textfmt.Line(tt.Name); n != "" {
			return n
		}
	}
	return "Ticket"
}

// relTime is unix relative to now: "just now", "4m ago", "3d ago", "in 2h", "in 5mo".
func relTime(unix int64, now time.Time) string {
	d := now.Unix() - unix
	future := d < 0
	if future {
		d = -d
	}
	var n string
	switch {
	case d < 60:
		return "just now"
	case d < 3600:
		n = strconv.FormatInt(d/60, 10) + "m"
	case d < 86400:
		n = strconv.FormatInt(d/3600, 10) + "h"
	case d < 60*86400:
		n = strconv.FormatInt(d/86400, 10) + "d"
	case d < 365*86400:
		n = strconv.FormatInt(d/(30*86400), 10) + "mo"
	default:
		n = strconv.FormatInt(d/(365*86400), 10) + "y"
	}
	if future {
		return "in " + n
	}
	return n + " ago"
}

// byteSize is a file size for people: 512 B, 12 KB, 3.4 MB.
func byteSize(n int64) string {
	switch {
	case n < 1000:
		return strconv.FormatInt(n, 10) + " B"
	case n < 1_000_000:
		return strconv.FormatInt((n+500)/1000, 10) + " KB"
	case n < 1_000_000_000:
		return strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64) + " MB"
	}
	return strconv.FormatFloat(float64(n)/1e9, 'f', 1, 64) + " GB"
}
