package conversations

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/getkin/kin-openapi/openapi3filter"

	"github.com/intercom-tui/intercom-tui/api/fake/faults"
	"github.com/intercom-tui/intercom-tui/api/fake/spectest"
	"github.com/intercom-tui/intercom-tui/drafts"
	"github.com/intercom-tui/intercom-tui/ui/components/composer"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// replyBody is the request body of POST /conversations/{id}/reply.
type replyBody struct {
	MessageType string `json:"message_type"`
	Type        string `json:"type"`
	AdminID     string `json:"admin_id"`
	Body        string `json:"body"`
}

func decodeReply(t *testing.T, x exchange) replyBody {
	t.Helper()
	var b replyBody
	if err := json.Unmarshal(x.body, &b); err != nil {
		t.Fatalf("reply body %s: %v", x.body, err)
	}
	return b
}

// checkSpec validates an exchange against Intercom's 2.9 description: the request
// always; the response too when the server accepted it.
func checkSpec(t *testing.T, v *spectest.Validator, x exchange) {
	t.Helper()
	err := v.Check(x.req, x.body, x.status, x.header, x.resp)
	var reqErr *openapi3filter.RequestError
	switch {
	case errors.As(err, &reqErr):
		t.Fatalf("%s %s: the request breaks the 2.9 spec: %v\n%s", x.req.Method, x.req.URL.Path, err, x.body)
	case err != nil && x.status < 300:
		t.Fatalf("%s %s: the answer breaks the 2.9 spec: %v", x.req.Method, x.req.URL.Path, err)
	}
}

func TestComposeReplyOpensOnTheDraftOnDisk(t *testing.T) {
	l := newComposeHarness(t, 100, 30, "")
	id := cursorID(l.p)
	saved := time.Date(2026, 11, 24, 13, 30, 0, 0, time.UTC)
	if err := l.store.Save(drafts.Draft{Workspace: l.p.draftWorkspace(), ConversationID: id, Kind: drafts.Reply, Text: "Hi,\nstill on it", Updated: saved}); err != nil {
		t.Fatal(err)
	}
	l.press("R") // from the list: the row under the cursor
	c := l.composer()
	if c.ConvID() != id || c.Kind() != drafts.Reply || c.Value() != "Hi,\nstill on it" {
		t.Fatalf("composer on %s/%s with %q", c.ConvID(), c.Kind(), c.Value())
	}
	if st, isErr := c.Status(); st != "draft restored, saved 13:30" || isErr {
		t.Fatalf("status %q", st)
	}
	view := ansi.Strip(c.View(100, 30))
	name, _ := threadContact(l.p.activeView().list.selected().conv)
	if name == "" || !strings.Contains(view, "Reply to "+name) {
		t.Fatalf("title lacks the customer %q:\n%s", name, view)
	}
	if l.replies() != 0 {
		t.Fatal("opening the composer sent something")
	}
}

func TestComposeTypingSavesAtOnceThenThrottled(t *testing.T) {
	l := newComposeHarness(t, 100, 30, "")
	id := l.openFirst()
	l.press("R")
	l.typeText("Hello")
	// The first key is on disk at once; the rest waits for the window to pass.
	if got := l.savesOf(id); !slices.Equal(got, []string{"H"}) {
		t.Fatalf("saves while typing: %q, want just the first key's", got)
	}
	if text, _ := l.onDisk(id, drafts.Reply); text != "H" {
		t.Fatalf("on disk %q", text)
	}
	if st, _ := l.composer().Status(); st != "saving…" {
		t.Fatalf("status while a newer text waits: %q", st)
	}
	l.fire()
	if text, _ := l.onDisk(id, drafts.Reply); text != "Hello" {
		t.Fatalf("on disk after the window %q", text)
	}
	if st, _ := l.composer().Status(); st != "draft saved 14:05" {
		t.Fatalf("status %q", st)
	}
	l.fire() // the window after that save: nothing changed, nothing written
	if got := l.savesOf(id); !slices.Equal(got, []string{"H", "Hello"}) {
		t.Fatalf("saves %q", got)
	}
	if l.replies() != 0 {
		t.Fatal("typing sent something")
	}
}

func TestComposeEscSavesAtOnceAndReopens(t *testing.T) {
	l := newComposeHarness(t, 100, 30, "")
	id := l.openFirst()
	l.press("R")
	l.typeText("abc")
	l.press("esc") // no tick has fired: closing saves now
	if len(l.stack) != 0 {
		t.Fatal("esc left the composer open")
	}
	if text, _ := l.onDisk(id, drafts.Reply); text != "abc" {
		t.Fatalf("on disk after esc: %q", text)
	}
	l.press("R")
	if c := l.composer(); c.Value() != "abc" {
		t.Fatalf("reopened with %q", c.Value())
	}
	if st, _ := l.composer().Status(); st != "draft saved 14:05" {
		t.Fatalf("status %q", st)
	}
}

func TestComposeSendsOnceShowsAtOnceAndDeletesTheDraft(t *testing.T) {
	l := newComposeHarness(t, 100, 30, "")
	v := l.spec()
	id := l.openFirst()
	parts := len(l.p.thread.Conversation().Parts())
	l.press("R")
	l.typeText("Hi **Ana**,\nsee [docs](https://x.io)")
	l.holdIf = func(m tea.Msg) bool { _, ok := m.(WriteDoneMsg); return ok }
	l.press("ctrl+s")
	if len(l.stack) != 0 {
		t.Fatal("the composer is still open after sending")
	}

	// At once, before the answer: the reply is in the thread and the row.
	if n := len(l.p.thread.Conversation().Parts()); n != parts+1 {
		t.Fatalf("thread has %d parts before the answer, want %d", n, parts+1)
	}
	if txt := l.threadText(); !strings.Contains(txt, "see docs") {
		t.Fatalf("the pending reply is not in the thread:\n%s", txt)
	}
	if text, _ := l.onDisk(id, drafts.Reply); text != "Hi **Ana**,\nsee [docs](https://x.io)" {
		t.Fatalf("the draft is not on disk while sending: %q", text)
	}

	l.release()
	if n := l.replies(); n != 1 {
		t.Fatalf("%d POST /conversations/{id}/reply, want exactly 1", n)
	}
	xs := l.writesTo(id)
	if len(xs) != 1 {
		t.Fatalf("%d replies to %s", len(xs), id)
	}
	b := decodeReply(t, xs[0])
	want := `<p>Hi <b>Ana</b>,<br>see <a href="https://x.io">docs</a></p>`
	if b.MessageType != "comment" || b.Type != "admin" || b.AdminID != string(l.ctx.Dir.Me.ID) || b.Body != want {
		t.Fatalf("sent %+v, want the comment %s", b, want)
	}
	checkSpec(t, v, xs[0])

	if toasts := l.toastTexts(); !slices.Equal(toasts, []string{"Reply sent"}) {
		t.Fatalf("toasts %q", toasts)
	}
	if _, found := l.onDisk(id, drafts.Reply); found {
		t.Fatal("the draft is still on disk after the server confirmed")
	}
	if n := len(l.p.thread.Conversation().Parts()); n != parts+1 {
		t.Fatalf("thread has %d parts after the answer, want %d", n, parts+1)
	}
	l.press("R")
	if c := l.composer(); c.Value() != "" {
		t.Fatalf("after sending, R opens on %q", c.Value())
	}
}

func TestComposeServerErrorKeepsTheDraftAndARetrySendsOnce(t *testing.T) {
	l := newComposeHarness(t, 100, 30, "")
	if err := l.faults.Add(faults.Rule{Kind: faults.Status, Code: 500, Method: "POST", Pattern: "/conversations/*/reply", Count: 1}); err != nil {
		t.Fatal(err)
	}
	id := l.openFirst()
	parts := len(l.p.thread.Conversation().Parts())
	l.press("R")
	l.typeText("Refund done")
	l.press("ctrl+s")

	if n := l.replies(); n != 1 {
		t.Fatalf("%d POSTs after a 500, want 1 (no automatic retry)", n)
	}
	toasts := l.toastTexts()
	if len(toasts) != 1 || !strings.HasPrefix(toasts[0], "Couldn't reply #"+id+": ") || !l.toasts0Error(t) {
		t.Fatalf("toasts %q: want the one failure", toasts)
	}
	if n := len(l.p.thread.Conversation().Parts()); n != parts {
		t.Fatalf("the failed reply was not rolled back: %d parts, want %d", n, parts)
	}
	if text, _ := l.onDisk(id, drafts.Reply); text != "Refund done" {
		t.Fatalf("draft on disk after the failure: %q", text)
	}

	l.press("R") // the composer reopens on the draft, saying what happened
	c := l.composer()
	st, isErr := c.Status()
	if c.Value() != "Refund done" || !isErr || !strings.HasPrefix(st, "Not sent: ") {
		t.Fatalf("reopened with %q, status %q", c.Value(), st)
	}
	l.press("ctrl+s") // the agent's retry
	if n := l.replies(); n != 2 {
		t.Fatalf("%d POSTs after the retry, want 2", n)
	}
	if toasts := l.toastTexts(); !slices.Equal(toasts, []string{"Reply sent"}) {
		t.Fatalf("toasts after the retry %q", toasts)
	}
	if _, found := l.onDisk(id, drafts.Reply); found {
		t.Fatal("the draft survived the successful retry")
	}
	if n := len(l.p.thread.Conversation().Parts()); n != parts+1 {
		t.Fatalf("thread has %d parts, want %d", n, parts+1)
	}
}

// toasts0Error reports whether the toast just read was an error (toastTexts clears).
func (l *harness) toasts0Error(t *testing.T) bool {
	t.Helper()
	for i := len(l.seen) - 1; i >= 0; i-- {
		if m, ok := l.seen[i].(shared.ToastMsg); ok {
			return m.Error
		}
	}
	return false
}

func TestComposeBlankIsRefusedAndNothingSent(t *testing.T) {
	l := newComposeHarness(t, 100, 30, "")
	l.openFirst()
	l.press("R")
	l.typeText("  \n ")
	l.press("ctrl+s")
	c := l.composer() // still open
	if st, isErr := c.Status(); !isErr || st != "Nothing to send: write your reply first" {
		t.Fatalf("status %q", st)
	}
	if l.replies() != 0 || len(l.p.writes) != 0 {
		t.Fatal("a blank reply was sent")
	}
}

func TestComposeNoteIsSentAsANoteAndShownAsOne(t *testing.T) {
	l := newComposeHarness(t, 100, 30, "")
	v := l.spec()
	id := l.openFirst()
	l.press("N")
	c := l.composer()
	if c.Kind() != drafts.Note || !strings.Contains(c.View(100, 30), l.ctx.Styles.NoteHeader.Render(" Internal note on #"+id+" ")) {
		t.Fatalf("N opened a %s composer:\n%s", c.Kind(), ansi.Strip(c.View(100, 30)))
	}
	l.typeText("Customer is *VIP*")
	l.press("ctrl+s")
	xs := l.writesTo(id)
	if len(xs) != 1 {
		t.Fatalf("%d writes", len(xs))
	}
	if b := decodeReply(t, xs[0]); b.MessageType != "note" || b.Type != "admin" || b.Body != "<p>Customer is <i>VIP</i></p>" {
		t.Fatalf("sent %+v", b)
	}
	checkSpec(t, v, xs[0])
	if toasts := l.toastTexts(); !slices.Equal(toasts, []string{"Note added"}) {
		t.Fatalf("toasts %q", toasts)
	}
	// The thread shows it as a note: under the "Internal note" label.
	txt := l.threadText()
	i, j := strings.LastIndex(txt, "Internal note"), strings.LastIndex(txt, "Customer is VIP")
	if i < 0 || j < i {
		t.Fatalf("the note is not shown as a note:\n%s", txt)
	}
	if _, found := l.onDisk(id, drafts.Note); found {
		t.Fatal("the note's draft is still on disk")
	}
}

func TestComposeDraftHintWhenAThreadOpens(t *testing.T) {
	l := newComposeHarness(t, 100, 30, "")
	ids := listedIDs(l.p)
	if err := l.store.Save(drafts.Draft{Workspace: l.p.draftWorkspace(), ConversationID: ids[1], Kind: drafts.Reply, Text: "x", Updated: inboxNow}); err != nil {
		t.Fatal(err)
	}
	l.openFirst()
	if toasts := l.toastTexts(); len(toasts) != 0 {
		t.Fatalf("a thread without drafts toasted %q", toasts)
	}
	l.press("esc", "j", "enter")
	if l.p.thread.ID() != ids[1] {
		t.Fatalf("thread on %s", l.p.thread.ID())
	}
	want := "You have an unsent reply draft on #" + ids[1] + " (R to continue)"
	if toasts := l.toastTexts(); !slices.Equal(toasts, []string{want}) {
		t.Fatalf("toasts %q, want %q", toasts, want)
	}
	// A note typed in this session counts too (it is in memory before it is on disk).
	l.press("N")
	l.typeText("n")
	l.press("esc", "esc", "k", "enter", "esc", "j", "enter")
	if toasts := l.toastTexts(); !slices.Equal(toasts, []string{"You have unsent reply and note drafts on #" + ids[1] + " (R / N to continue)"}) {
		t.Fatalf("toasts %q", toasts)
	}
}

func TestComposeWhileSendingNoSecondComposer(t *testing.T) {
	l := newComposeHarness(t, 100, 30, "")
	id := l.openFirst()
	l.press("R")
	l.typeText("once")
	l.holdIf = func(m tea.Msg) bool { _, ok := m.(WriteDoneMsg); return ok }
	l.press("ctrl+s")
	l.press("R")
	if len(l.stack) != 0 {
		t.Fatal("R opened a composer while its reply was being sent")
	}
	if toasts := l.toastTexts(); !slices.Equal(toasts, []string{"Your reply to #" + id + " is still being sent"}) {
		t.Fatalf("toasts %q", toasts)
	}
	l.release()
	if n := l.replies(); n != 1 {
		t.Fatalf("%d POSTs", n)
	}
	l.press("N") // another kind is another draft
	if c := l.composer(); c.Kind() != drafts.Note {
		t.Fatalf("N opened %s", c.Kind())
	}
}

// A save still in flight when the server confirms the send does not bring the sent
// draft back: disk operations on a draft run one at a time, so the delete waits for it.
func TestComposeSentDraftStaysDeleted(t *testing.T) {
	l := newComposeHarness(t, 100, 30, "")
	id := l.openFirst()
	l.press("R")
	l.holdIf = func(m tea.Msg) bool { _, ok := m.(composer.SavedMsg); return ok }
	l.typeText("Hello") // the first save's answer is held: it is in flight
	l.press("ctrl+s")   // the send goes; the flush waits behind the save
	if n := l.replies(); n != 1 {
		t.Fatalf("%d POSTs", n)
	}
	for _, m := range l.seen {
		if _, ok := m.(draftDeletedMsg); ok {
			t.Fatal("the draft was deleted while a save of it was in flight")
		}
	}
	if !slices.ContainsFunc(l.toastTexts(), func(s string) bool { return s == "Reply sent" }) {
		t.Fatal("no confirmation")
	}
	l.release()
	if _, found := l.onDisk(id, drafts.Reply); found {
		t.Fatal("the sent draft is on disk")
	}
	l.fire()
	if got := l.savesOf(id); !slices.Equal(got, []string{"H"}) {
		t.Fatalf("saves %q: nothing but the one in flight should be written after the send", got)
	}
	if _, found := l.onDisk(id, drafts.Reply); found {
		t.Fatal("the sent draft came back")
	}
}

// R then N before the first draft has been read: only the latest opens.
func TestComposeLatestKeyWins(t *testing.T) {
	l := newComposeHarness(t, 100, 30, "")
	l.openFirst()
	r, cmdR := l.p.Update(inboxKey("R"))
	n, cmdN := r.Update(inboxKey("N"))
	l.p = n
	l.exec(cmdR)
	l.exec(cmdN)
	if len(l.stack) != 1 || l.composer().Kind() != drafts.Note {
		t.Fatalf("%d composers open, top %T", len(l.stack), l.stack)
	}
}

func TestComposeSaveErrorIsShownAndRetriedOnClose(t *testing.T) {
	l := newComposeHarness(t, 100, 30, "")
	id := l.openFirst()
	wsDir := filepath.Dir(l.store.Path(l.draftKeyOf(id, drafts.Reply)))
	if err := os.MkdirAll(filepath.Dir(wsDir), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(wsDir, nil, 0o600); err != nil { // a file where the directory goes
		t.Fatal(err)
	}
	l.press("R")
	l.typeText("x")
	st, isErr := l.composer().Status()
	if !isErr || !strings.HasPrefix(st, "Draft not saved: saving reply draft for #"+id+": ") {
		t.Fatalf("status %q", st)
	}
	if err := os.Remove(wsDir); err != nil { // the disk is fixed
		t.Fatal(err)
	}
	l.press("esc") // closing tries again, though the text did not change
	if text, _ := l.onDisk(id, drafts.Reply); text != "x" {
		t.Fatalf("on disk %q", text)
	}
}

func TestComposeWithoutATargetDoesNothing(t *testing.T) {
	l := newComposeHarness(t, 100, 30, "")
	l.p.activeView().list.rows = nil // an empty view
	l.p.activeView().list.index = map[string]int32{}
	l.press("R", "N")
	if len(l.stack) != 0 || len(l.toasts) != 0 {
		t.Fatal("R/N with nothing to reply to did something")
	}
}

// A draft of the same conversation in another workspace is another draft.
func TestComposeDraftsAreKeptPerWorkspace(t *testing.T) {
	l := newComposeHarness(t, 100, 30, "")
	id := cursorID(l.p)
	if err := l.store.Save(drafts.Draft{Workspace: "another-app", ConversationID: id, Kind: drafts.Reply, Text: "elsewhere", Updated: inboxNow}); err != nil {
		t.Fatal(err)
	}
	l.press("R")
	if c := l.composer(); c.Value() != "" {
		t.Fatalf("another workspace's draft opened: %q", c.Value())
	}
	if ws := l.p.draftWorkspace(); ws != l.ctx.Dir.Me.App.IDCode || ws == "" {
		t.Fatalf("workspace key %q, want the app's id_code", ws)
	}
}

// The look for drafts on opening a thread passes the thread's answer on as the pane
// would: triage still marks an unread conversation read, and the thread still loads.
func TestComposeDraftLookKeepsMarkReadOnOpen(t *testing.T) {
	l := newComposeHarness(t, 100, 30, "")
	l.ctx.Settings.MarkReadOnOpen = true
	v := l.p.activeView()
	i := slices.IndexFunc(v.list.rows, func(r convRow) bool { return r.conv != nil && !r.conv.Read })
	if i < 0 {
		t.Fatal("no unread conversation in the first page")
	}
	id := v.list.rows[i].id
	if err := l.store.Save(drafts.Draft{Workspace: l.p.draftWorkspace(), ConversationID: id, Kind: drafts.Note, Text: "n", Updated: inboxNow}); err != nil {
		t.Fatal(err)
	}
	v.list.moveTo(i, l.p.listHeight())
	before := l.ws.Count("PUT", "/conversations/{id}")
	l.press("enter")
	if l.p.thread.ID() != id || l.p.thread.Conversation() == nil || l.p.thread.Loading() {
		t.Fatalf("thread on %s, loaded=%v", l.p.thread.ID(), l.p.thread.Conversation() != nil)
	}
	if n := l.ws.Count("PUT", "/conversations/{id}") - before; n != 1 {
		t.Fatalf("%d mark-read writes on opening an unread conversation, want 1", n)
	}
	if toasts := l.toastTexts(); !slices.Equal(toasts, []string{"You have an unsent note draft on #" + id + " (N to continue)"}) {
		t.Fatalf("toasts %q", toasts)
	}
}

// Pane is a value: a copy taken before an edit does not see it.
func TestComposePaneCopiesShareNothing(t *testing.T) {
	l := newComposeHarness(t, 100, 30, "")
	id := l.openFirst()
	l.press("R")
	l.typeText("a")
	before := l.p
	l.typeText("b")
	k := draftKey{id, drafts.Reply}
	if got := before.compose.drafts[k].text; got != "a" {
		t.Fatalf("the earlier copy sees %q", got)
	}
	if got := l.p.compose.drafts[k].text; got != "ab" {
		t.Fatalf("the pane has %q", got)
	}
}

// TestComposeIgnoresOtherPanesDrafts: every pane hears every message; a ticket note's
// composer messages must not be saved or sent by the conversations pane.
func TestComposeIgnoresOtherPanesDrafts(t *testing.T) {
	h := newHarness(t, harnessOpts{})
	p := h.start(100, 30)
	for _, msg := range []tea.Msg{
		composer.DraftChangedMsg{ConvID: "1200", Kind: drafts.TicketNote, Text: "x"},
		composer.SendMsg{ConvID: "1200", Kind: drafts.TicketNote, Text: "x"},
		composer.ClosedMsg{ConvID: "1200", Kind: drafts.ContactNote, Text: "x"},
	} {
		var cmd tea.Cmd
		p, cmd = p.Update(msg)
		if cmd != nil {
			if out := cmd(); out != nil {
				t.Fatalf("%T of another pane's kind produced %#v", msg, out)
			}
		}
	}
	if len(p.compose.drafts) != 0 {
		t.Fatalf("the pane kept drafts of another kind: %v", p.compose.drafts)
	}
}

// Bubble Tea runs commands concurrently, so the composer's message for one keystroke
// can arrive after the next one's: the later text is kept, on screen and on disk.
func TestComposeLateEditDoesNotReplaceANewerOne(t *testing.T) {
	l := newComposeHarness(t, 100, 30, "")
	id := l.openFirst()
	l.press("R")
	k := drafts.Reply
	older, newer := composer.NextSeq(), composer.NextSeq()
	l.send(composer.DraftChangedMsg{ConvID: id, Kind: k, Text: "Hello", Seq: newer})
	l.send(composer.DraftChangedMsg{ConvID: id, Kind: k, Text: "Hell", Seq: older})
	l.fire()
	if text, _ := l.onDisk(id, k); text != "Hello" {
		t.Fatalf("on disk %q, want the newer text", text)
	}
	// After the composer closed, a late edit of it changes nothing either.
	l.send(composer.ClosedMsg{ConvID: id, Kind: k, Text: "Hello!", Seq: composer.NextSeq()})
	l.send(composer.DraftChangedMsg{ConvID: id, Kind: k, Text: "Hello", Seq: newer + 1})
	l.fire()
	if text, _ := l.onDisk(id, k); text != "Hello!" {
		t.Fatalf("on disk after close %q, want the closing text", text)
	}
}
