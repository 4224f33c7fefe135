package conversations

import (
	"strconv"
	"strings"
	"time"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// partEventText is the one-liner of an event part: who did what.
func partEventText(in threadInput, e *partEntry) string {
	who := partAuthorName(e.author, in.dir)
	switch e.partType {
	case "assignment", "default_assignment", "away_mode_assignment":
		return who + " " + partAssigned(e, in.dir)
	case "assign_and_reopen":
		return who + " reopened and " + partAssigned(e, in.dir)
	case "snoozed":
		// A part has no snoozed_until; the conversation's is the latest snooze's.
		if e.last && in.conv.State == models.StateSnoozed && in.conv.SnoozedUntil != 0 && in.loc != nil {
			return who + " snoozed until " + textfmt.AbsTime(int64(in.conv.SnoozedUntil), in.now, in.loc)
		}
		return who + " snoozed"
	case "close":
		return who + " closed"
	case "open":
		return who + " reopened"
	case "timer_unsnooze", "unsnoozed":
		return "Snooze ended"
	case "conversation_attribute_updated_by_admin":
		return who + " updated a conversation attribute"
	case "conversation_attribute_updated_by_workflow":
		return "A workflow updated a conversation attribute"
	case "ticket_state_updated_by_admin":
		return who + " changed the ticket state"
	case "ticket_attribute_updated_by_admin":
		return who + " updated a ticket attribute"
	case "language_detection_details":
		return "Language detected"
	case "participant_added":
		return who + " added a participant"
	case "participant_removed":
		return who + " removed a participant"
	case "title_changed":
		return who + " changed the title"
	case "priority_changed", "conversation_priority_changed":
		return who + " changed the priority"
	}
	return who + ": " + partHumanize(e.partType)
}

// partAssigned is "assigned to Billing team", "assigned to Jane Doe", "assigned to
// themselves" or "unassigned", from the part's assigned_to.
func partAssigned(e *partEntry, dir *workspace.Directory) string {
	to := e.assignedTo
	if to == nil || to.ID == "" || to.ID == "0" || to.Type == "nobody_admin" {
		return "unassigned"
	}
	id := threadID(to.ID)
	if to.Type == "team" {
		name := ""
		if dir != nil {
			name = dir.TeamName(id)
		}
		if name == "" {
			return "assigned to team " + sanitize.Line(string(to.ID))
		}
		if strings.HasSuffix(strings.ToLower(name), "team") {
			return "assigned to " + name
		}
		return "assigned to " + name + " team"
	}
	if e.author.Type == "admin" && e.author.ID == to.ID {
		return "assigned to themselves"
	}
	if dir != nil {
		if name := dir.AdminName(id); name != "" {
			return "assigned to " + name
		}
	}
	return "assigned to admin " + sanitize.Line(string(to.ID))
}

// partHumanize turns an unknown part_type into words: "sla_target_missed" → "sla target missed".
func partHumanize(partType string) string {
	s := threadCollapse(sanitize.Line(strings.ReplaceAll(partType, "_", " ")))
	if s == "" {
		return "updated the conversation"
	}
	return s
}

// partWhen is "4m ago · Tue 24 Nov 14:05" for a part created at unix.
func partWhen(unix int64, now time.Time, loc *time.Location) string {
	if unix == 0 {
		return ""
	}
	return threadAgo(unix, now) + " · " + textfmt.AbsTime(unix, now, loc)
}

// threadAgo is how long before now unix was: "just now", "4m ago", "2h ago", "3d ago",
// "5mo ago", "2y ago".
func threadAgo(unix int64, now time.Time) string {
	d := now.Unix() - unix
	n := func(v int64, unit string) string { return strconv.FormatInt(v, 10) + unit + " ago" }
	switch {
	case d < 60:
		return "just now"
	case d < 3600:
		return n(d/60, "m")
	case d < 86400:
		return n(d/3600, "h")
	case d < 60*86400:
		return n(d/86400, "d")
	case d < 365*86400:
		return n(d/(30*86400), "mo")
	}
	return n(d/(365*86400), "y")
}

// threadID is an Intercom id as the integer the directory keys admins and teams by.
func threadID(id models.ID) int64 {
	n, _ := strconv.ParseInt(string(id), 10, 64)
	return n
}
