package conversations

import (
	"net/http"

	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/drafts"
	"github.com/intercom-tui/intercom-tui/ui/components/composer"
)

// What the compose tests read of a harness (newComposeHarness): the composer on top,
// the drafts on disk, the replies sent, the saves made.

// composer is the composer on top of the stack, or fails.
func (h *harness) composer() composer.Composer {
	h.t.Helper()
	if len(h.stack) == 0 {
		h.t.Fatal("no composer is open")
	}
	c, ok := h.stack[len(h.stack)-1].(composer.Composer)
	if !ok {
		h.t.Fatalf("the top overlay is a %T", h.stack[len(h.stack)-1])
	}
	return c
}

// openFirst opens the thread of the first row and returns its id.
func (h *harness) openFirst() string {
	h.t.Helper()
	id := cursorID(h.p)
	h.press("enter")
	if h.p.thread.ID() != id || h.p.thread.Conversation() == nil {
		h.t.Fatalf("thread on %q, want %s loaded", h.p.thread.ID(), id)
	}
	return id
}

// draftKeyOf is the store's key of the conversation's draft of that kind.
func (h *harness) draftKeyOf(conv string, kind drafts.Kind) drafts.Key {
	return drafts.Key{Workspace: h.p.draftWorkspace(), ConversationID: conv, Kind: kind}
}

// onDisk is the draft's text on disk, and whether there is one.
func (h *harness) onDisk(conv string, kind drafts.Kind) (string, bool) {
	h.t.Helper()
	d, found, err := h.store.Load(h.draftKeyOf(conv, kind))
	if err != nil {
		h.t.Fatal(err)
	}
	return d.Text, found
}

func (h *harness) replies() int { return h.ws.Count("POST", "/conversations/{id}/reply") }

// writesTo are the exchanges of POST /conversations/{conv}/reply.
func (h *harness) writesTo(conv string) []exchange {
	h.t.Helper()
	return h.exchanges(func(x exchange) bool {
		return x.req.Method == http.MethodPost && x.req.URL.Path == "/conversations/"+conv+"/reply"
	})
}

func (h *harness) threadText() string { return ansi.Strip(h.p.thread.View()) }

// toastTexts are the toasts shown since the last call.
func (h *harness) toastTexts() []string {
	var out []string
	for _, t := range h.toasts {
		out = append(out, t.Text)
	}
	h.toasts = nil
	return out
}

func (h *harness) savesOf(conv string) []string {
	var out []string
	for _, m := range h.seen {
		if s, ok := m.(composer.SavedMsg); ok && s.ConvID == conv {
			out = append(out, s.Text)
		}
	}
	return out
}
