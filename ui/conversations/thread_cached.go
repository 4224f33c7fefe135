package conversations

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/models"
)

// cachedThread is a conversation as the network answered it and its body rendered for
// one target: what the prefetch cache keeps and what Show puts on screen.
type cachedThread struct {
	conv *models.Conversation
	body threadBody
	loc  *time.Location
	now  time.Time
}

// Show puts a cached conversation on screen at once, as a fresh load would (opened at
// its latest part), without a request. A load in flight is cancelled: what it would
// bring is on screen already. The caller reloads (Open) when the cache is older than
// what the list says.
func (t Thread) Show(id string, summary *models.Conversation, c cachedThread) (Thread, tea.Cmd) {
	if t.cancel != nil {
		t.cancel()
		t.cancel = nil
	}
	same := id == t.id && t.conv != nil
	t.id, t.summary, t.conv = id, summary, c.conv
	t.err, t.loading, t.storeReq, t.stored, t.renderReq = nil, false, 0, false, 0
	t.loc, t.now = c.loc, c.now
	if !same {
		t.offset = 0
	}
	t.applyBody(c.body, !same)
	return t, t.maybeRender()
}

// cached is what the thread shows, when it is worth keeping: the network's copy (not
// the store's) with a body rendered for the thread's current target.
func (t *Thread) cached() (cachedThread, bool) {
	if t.conv == nil || t.stored || len(t.body.lines) == 0 || t.body.target() != t.target() {
		return cachedThread{}, false
	}
	return cachedThread{conv: t.conv, body: t.body, loc: t.loc, now: t.now}, true
}

// Loads reports whether the thread's own load of id is in flight.
func (t *Thread) loads(id string) bool { return t.loading && t.id == id }
