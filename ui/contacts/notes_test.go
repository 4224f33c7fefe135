package contacts

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/drafts"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/composer"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// openNoteComposer opens c's profile and presses N; the composer is on top.
func (l *loop) openNoteComposer(c models.Contact) composer.Composer {
	l.t.Helper()
	l.send(shared.OpenContactMsg{ID: string(c.ID)})
	l.settle()
	l.press("N")
	if len(l.stack) != 1 {
		l.t.Fatalf("N opened %d overlays, want the composer", len(l.stack))
	}
	co, ok := l.stack[0].(composer.Composer)
	if !ok || co.Kind() != drafts.ContactNote || co.ConvID() != string(c.ID) {
		l.t.Fatalf("N opened %#v, want a contact-note composer on %s", l.stack[0], c.ID)
	}
	return co
}

func (l *loop) draft(c models.Contact) (drafts.Draft, bool) {
	l.t.Helper()
	d, found, err := l.store.Load(l.p.storeKey(string(c.ID)))
	if err != nil {
		l.t.Fatal(err)
	}
	return d, found
}

func (l *loop) serverNotes(c models.Contact) []models.Note {
	l.t.Helper()
	page, err := l.client.ContactNotes(context.Background(), string(c.ID), "")
	if err != nil {
		l.t.Fatal(err)
	}
	return page.Items
}

// N, type, ctrl+s: the note shows at once ("sending…"), is sent once as the signed-in
// admin, replaced by the server's note, and only then is the draft deleted.
func TestAddNoteThroughComposer(t *testing.T) {
	l := newLoop(t, 120, 36)
	c, _ := l.richContact()
	before := len(l.serverNotes(c))
	l.openNoteComposer(c)
	text := "Called back: refund **approved**"
	l.typeText(text)
	l.settle()
	if d, found := l.draft(c); !found || d.Text != text || d.Kind != drafts.ContactNote {
		t.Fatalf("draft while typing: %+v found %v", d, found)
	}
	l.hold = func(m tea.Msg) bool { _, ok := m.(NoteAddedMsg); return ok }
	l.ws.ResetCounters()
	l.press("ctrl+s")
	l.run()
	if len(l.stack) != 0 {
		t.Fatal("the composer did not close on send")
	}
	screen := l.screen()
	if !strings.Contains(screen, "sending…") || !strings.Contains(screen, "Called back: refund approved") {
		t.Fatalf("the note does not show at once:\n%s", screen)
	}
	if _, found := l.draft(c); !found {
		t.Fatal("the draft went before the server confirmed")
	}
	l.release()
	l.settle()
	if n := l.ws.Count("POST", "/contacts/{id}/notes"); n != 1 {
		t.Fatalf("%d note POSTs, want 1", n)
	}
	notes := l.serverNotes(c)
	if len(notes) != before+1 || !strings.Contains(notes[0].Body, "<b>approved</b>") {
		t.Fatalf("the fake's notes: %d (want %d), newest %q", len(notes), before+1, notes[0].Body)
	}
	if notes[0].Author == nil || notes[0].Author.ID != l.ctx.Dir.Me.ID {
		t.Fatalf("the note's author is %+v, want the signed-in admin", notes[0].Author)
	}
	if _, found := l.draft(c); found {
		t.Fatal("the draft is still on disk after the note was added")
	}
	if len(l.p.prof.pending) != 0 || l.p.prof.notes[0].id != string(notes[0].ID) {
		t.Fatalf("the pending note was not replaced by the server's: %+v", l.p.prof.notes[0])
	}
	if s := l.screen(); strings.Contains(s, "sending…") || !strings.Contains(s, "Called back: refund approved") {
		t.Fatalf("after the answer:\n%s", s)
	}
	if last := l.toasts[len(l.toasts)-1]; last.Error || !strings.Contains(last.Text, "Note added") {
		t.Fatalf("toast %+v", last)
	}
}

// With a 500 on the POST: exactly one request, the note is rolled back with a toast
// that says why, the draft stays, and the retry key reopens the composer on it.
func TestAddNoteFailureKeepsDraft(t *testing.T) {
	l := newLoop(t, 120, 36)
	c, _ := l.richContact()
	before := len(l.serverNotes(c))
	l.openNoteComposer(c)
	text := "Prefers a call on Tuesdays"
	l.typeText(text)
	l.settle()
	l.fault(500, "POST", "/contacts/*/notes")
	l.ws.ResetCounters()
	l.press("ctrl+s")
	l.settle()
	if n := l.ws.Count("POST", "/contacts/{id}/notes"); n != 1 {
		t.Fatalf("%d note POSTs after a 500, want exactly 1 (never re-sent)", n)
	}
	if got := len(l.serverNotes(c)); got != before {
		t.Fatalf("the fake has %d notes, want %d", got, before)
	}
	if d, found := l.draft(c); !found || d.Text != text {
		t.Fatalf("the draft after a failed send: %+v found %v", d, found)
	}
	if len(l.p.prof.pending) != 0 || strings.Contains(l.screen(), text) {
		t.Fatalf("the failed note was not rolled back:\n%s", l.screen())
	}
	last := l.toasts[len(l.toasts)-1]
	if !last.Error || !strings.Contains(last.Text, "Couldn't add the note on "+string(c.Name)) || !strings.Contains(last.Text, "draft is kept") {
		t.Fatalf("toast %+v", last)
	}
	l.queue = append(l.queue, last.Retry)
	l.run()
	if len(l.stack) != 1 {
		t.Fatal("retry did not reopen the composer")
	}
	co := l.stack[0].(composer.Composer)
	if status, isErr := co.Status(); co.Value() != text || !isErr || !strings.Contains(status, "Not sent") {
		t.Fatalf("reopened composer: %q, status %q (error %v)", co.Value(), status, isErr)
	}
}

// esc keeps the draft: N reopens on it, also in a new session (read from disk).
func TestNoteDraftSurvivesClosing(t *testing.T) {
	l := newLoop(t, 120, 36)
	c, _ := l.richContact()
	l.openNoteComposer(c)
	l.typeText("half a thought")
	l.press("esc")
	l.settle()
	if d, found := l.draft(c); !found || d.Text != "half a thought" {
		t.Fatalf("draft after esc: %+v %v", d, found)
	}
	// A new pane (as after a restart) reads it from disk.
	l.p = New(l.ctx)
	l.p.after = func(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		return func() tea.Msg { return heldTick{fn(testNow)} }
	}
	l.send(shared.SizeMsg{Width: 120, Height: 36})
	co := l.openNoteComposer(c)
	if status, _ := co.Status(); co.Value() != "half a thought" || !strings.Contains(status, "draft restored") {
		t.Fatalf("reopened: %q status %q", co.Value(), status)
	}
}

// Composer messages of other kinds (a conversation's reply or note) are not this
// pane's: nothing is saved or sent.
func TestOtherComposerKindsIgnored(t *testing.T) {
	l := newLoop(t, 120, 36)
	l.ws.ResetCounters()
	for _, msg := range []tea.Msg{
		composer.DraftChangedMsg{ConvID: "123", Kind: drafts.Note, Text: "x"},
		composer.SendMsg{ConvID: "123", Kind: drafts.Reply, Text: "x"},
		composer.ClosedMsg{ConvID: "123", Kind: drafts.Note, Text: "x"},
	} {
		l.send(msg)
	}
	l.settle()
	if len(l.p.notes.drafts) != 0 || l.ws.Requests() != 0 || len(l.toasts) != 0 {
		t.Fatalf("drafts %v, requests %d, toasts %v", l.p.notes.drafts, l.ws.Requests(), l.toasts)
	}
	list, err := l.store.List(l.p.storeKey("").Workspace)
	if err != nil || len(list) != 0 {
		t.Fatalf("drafts on disk: %v %v", list, err)
	}
}
