package conversations

import (
	"strings"
	"testing"
	_ "time/tzdata" // Europe/Dublin, the seeded workspace's zone, on any machine

	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/api/fake/seed"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/markdown"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// Seeded conversations (seed 1, 300 conversations, inboxNow) with what the tests need.
const (
	// A lead's conversation with a bot reply, teammates, notes, default and admin
	// assignments, snoozes, closes and reopens, and attachments.
	convEverything = 29
	// A closed conversation whose close carries a closing note.
	convClosingNote = 238
	// A snoozed conversation.
	convSnoozed = 116
)

func threadWorld() *seed.World { return seed.New(1, 300, inboxNow) }

// threadCtx is the tests' context on the seeded directory and the fixed clock, with no
// workspace (rendering needs none).
func threadCtx(w *seed.World) *shared.Context { return testContext(w, testNow, 20) }

// renderSeeded renders seeded conversation i at width as a command would.
func renderSeeded(t testing.TB, w *seed.World, i, width int) (models.Conversation, threadBody) {
	t.Helper()
	c := w.Conversation(i)
	ctx := threadCtx(w)
	return c, renderThreadBody(threadInput{
		conv: &c, width: width, styles: ctx.Styles, dir: ctx.Dir, now: inboxNow,
		loc: textfmt.Zone(ctx.Dir.Timezone()), md: markdown.New(),
	})
}

// threadText is the body's text without styling.
func threadText(b threadBody) string { return ansi.Strip(strings.Join(b.lines, "\n")) }

// openThread is a thread of width × height that has opened seeded conversation i and
// received its answer.
func (h *harness) openThread(i, width, height int) Thread {
	h.t.Helper()
	th, _ := NewThread(h.ctx, markdown.New()).SetSize(width, height)
	w := h.ws.World()
	sum := w.ConversationSummary(i)
	th, cmd := th.Open(w.ConversationID(i), &sum)
	return h.runThread(th, cmd)
}
