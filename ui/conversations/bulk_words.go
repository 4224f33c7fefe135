package conversations

import (
	"fmt"
	"strings"

	"github.com/intercom-tui/intercom-tui/sanitize"
)

// bulkWords are what the report and the toast say about a run.
type bulkWords struct {
	doing  string // "Closing", "Assigning"
	did    string // "Closed", "Assigned"
	target string // what follows the count: " to Billing", " until Fri 27 Nov 09:00", " with VIP"
	verbs  string // after "Couldn't ": "close"
	pasts  string // one write's result: "closed"
	named  bool   // the result names the tag: a run may attach several ("tagged VIP")
}

// bulkWordsFor describes a run of actions, all of one kind (several only for tags).
func (p *Pane) bulkWordsFor(actions []Action) bulkWords {
	if len(actions) == 0 {
		return bulkWords{doing: "Updating", did: "Updated", verbs: "update", pasts: "done"}
	}
	a := actions[0]
	switch a.Kind {
	case ActClose:
		return bulkWords{doing: "Closing", did: "Closed", verbs: "close", pasts: "closed"}
	case ActAssign:
		return bulkWords{doing: "Assigning", did: "Assigned", target: " to " + assigneeName(a.Assignee, p.dir),
			verbs: "assign", pasts: "assigned"}
	case ActSnooze:
		until := a.Until.In(p.zone()).Format("Mon 2 Jan 15:04")
		return bulkWords{doing: "Snoozing", did: "Snoozed", target: " until " + until, verbs: "snooze", pasts: "snoozed"}
	case ActOpen:
		return bulkWords{doing: "Reopening", did: "Reopened", verbs: "reopen", pasts: "reopened"}
	case ActTag, ActUntag:
		names := make([]string, len(actions))
		for i, t := range actions {
			names[i] = sanitize.Line(t.Tag.Name)
		}
		if a.Kind == ActUntag {
			return bulkWords{doing: "Untagging", did: "Untagged", target: ": " + strings.Join(names, ", "),
				verbs: "untag", pasts: "untagged", named: true}
		}
		return bulkWords{doing: "Tagging", did: "Tagged", target: " with " + strings.Join(names, ", "),
			verbs: "tag", pasts: "tagged", named: true}
	}
	label := a.Label(p.dir, p.zone())
	return bulkWords{doing: "Updating", did: "Updated", target: ": " + label, verbs: label, pasts: "done"}
}

// verb is what a failed write says it could not do: "close", "tag VIP".
func (w bulkWords) verb(a Action) string {
	if w.named {
		return w.verbs + " " + sanitize.Line(a.Tag.Name)
	}
	return w.verbs
}

// past is a write's result: "closed", "tagged VIP".
func (w bulkWords) past(a Action) string {
	if w.named {
		return w.pasts + " " + sanitize.Line(a.Tag.Name)
	}
	return w.pasts
}

// title is the report's title while the run goes: "Closing 50 conversations".
func (w bulkWords) title(n int) string {
	return fmt.Sprintf("%s %d %s%s", w.doing, n, conversationsWord(n), w.target)
}

// ended sums a run up: "Closed 47 of 50 conversations", "Closed 50 conversations".
func (w bulkWords) ended(done, n int) string {
	if done == n {
		return fmt.Sprintf("%s %d %s%s", w.did, n, conversationsWord(n), w.target)
	}
	return fmt.Sprintf("%s %d of %d %s%s", w.did, done, n, conversationsWord(n), w.target)
}

func conversationsWord(n int) string {
	if n == 1 {
		return "conversation"
	}
	return "conversations"
}
