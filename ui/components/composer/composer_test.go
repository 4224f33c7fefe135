package composer

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/drafts"
	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

var at = time.Date(2026, 11, 24, 12, 4, 0, 0, time.UTC)

func testCtx() *shared.Context {
	return &shared.Context{Styles: theme.New(theme.Dark), Keys: keymap.Default()}
}

func newReply(text string) Composer {
	return New(testCtx(), Options{ConvID: "123", Kind: drafts.Reply, Name: "Ana Silva", Text: text, Width: 120, Height: 34})
}

// msgs runs cmd and what it batches or sequences, and returns the messages in order.
func msgs(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if cmds, ok := subCommands(msg); ok {
		var out []tea.Msg
		for _, c := range cmds {
			out = append(out, msgs(c)...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{unnumbered(msg)}
}

// unnumbered is msg with its Seq cleared, so tests compare what it says; the order of
// the numbers has its own test.
func unnumbered(msg tea.Msg) tea.Msg {
	switch m := msg.(type) {
	case DraftChangedMsg:
		m.Seq = 0
		return m
	case SendMsg:
		m.Seq = 0
		return m
	case ClosedMsg:
		m.Seq = 0
		return m
	}
	return msg
}

// subCommands opens a tea.Batch or a tea.Sequence (whose message type is unexported:
// any slice of commands).
func subCommands(msg tea.Msg) ([]tea.Cmd, bool) {
	if b, ok := msg.(tea.BatchMsg); ok {
		return b, true
	}
	v := reflect.ValueOf(msg)
	if !v.IsValid() || v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeOf(tea.Cmd(nil)) {
		return nil, false
	}
	out := make([]tea.Cmd, v.Len())
	for i := range out {
		out[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return out, true
}

func press(c Composer, k tea.KeyPressMsg) (Composer, []tea.Msg) {
	o, cmd := c.Update(k)
	return o.(Composer), msgs(cmd)
}

func typeText(c Composer, s string) (Composer, []tea.Msg) {
	var all []tea.Msg
	for _, r := range s {
		var out []tea.Msg
		k := tea.KeyPressMsg{Code: r, Text: string(r)}
		if r == '\n' {
			k = tea.KeyPressMsg{Code: tea.KeyEnter}
		}
		c, out = press(c, k)
		all = append(all, out...)
	}
	return c, all
}

var (
	ctrlS = tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
	esc   = tea.KeyPressMsg{Code: tea.KeyEscape}
)

func plain(c Composer, w, h int) string { return ansi.Strip(c.View(w, h)) }

func TestReplyLooksRight(t *testing.T) {
	c := newReply("Hi Ana,\nthanks for waiting.")
	view := plain(c, 120, 34)
	for _, want := range []string{"Reply to Ana Silva", "#123", "Hi Ana,", "thanks for waiting.", "ctrl+s send", "esc keep draft & close"} {
		if !strings.Contains(view, want) {
			t.Errorf("view lacks %q:\n%s", want, view)
		}
	}
	if c.Value() != "Hi Ana,\nthanks for waiting." || c.ConvID() != "123" || c.Kind() != drafts.Reply {
		t.Fatalf("value %q conv %q kind %q", c.Value(), c.ConvID(), c.Kind())
	}
}

func TestNoteIsStyledAsANote(t *testing.T) {
	ctx := testCtx()
	c := New(ctx, Options{ConvID: "77", Kind: drafts.Note, Text: "internal", Width: 100, Height: 30})
	view := c.View(100, 30)
	if want := ctx.Styles.NoteHeader.Render(" Internal note on #77 "); !strings.Contains(view, want) {
		t.Fatalf("the note title is not in the NoteHeader style:\n%q", view)
	}
	if p := ansi.Strip(view); !strings.Contains(p, "only teammates see it") || strings.Contains(p, "Reply to") {
		t.Fatalf("note view:\n%s", p)
	}
}

func TestHostileStringsAreSanitized(t *testing.T) {
	c := New(testCtx(), Options{ConvID: "1\x1b]0;pwn\a", Kind: drafts.Reply, Name: "Eve\x1b[2J\u202e", Width: 100, Height: 30,
		Status: "Not sent: \x1b[2Jserver said \u202eno", StatusErr: true})
	view := c.View(100, 30)
	if strings.Contains(view, "\x1b[2J") || strings.Contains(view, "\x1b]0") || strings.Contains(view, "\u202e") {
		t.Fatalf("remote strings reached the screen raw: %q", view)
	}
}

func TestTypingReportsEachEditAndShowsSaving(t *testing.T) {
	c := newReply("")
	c, out := typeText(c, "Hi q\nok")
	var texts []string
	for _, m := range out {
		if d, ok := m.(DraftChangedMsg); ok {
			if d.ConvID != "123" || d.Kind != drafts.Reply {
				t.Fatalf("changed msg %+v", d)
			}
			texts = append(texts, d.Text)
		}
	}
	want := []string{"H", "Hi", "Hi ", "Hi q", "Hi q\n", "Hi q\no", "Hi q\nok"}
	if strings.Join(texts, "|") != strings.Join(want, "|") {
		t.Fatalf("reported %q, want %q (q is text in the composer)", texts, want)
	}
	if st, isErr := c.Status(); st != "saving…" || isErr {
		t.Fatalf("status %q", st)
	}

	// A save of an older text leaves "saving…"; the save of this text says when.
	o, _ := c.Update(SavedMsg{ConvID: "123", Kind: drafts.Reply, Text: "Hi q", At: at})
	c = o.(Composer)
	if st, _ := c.Status(); st != "saving…" {
		t.Fatalf("after an older save: %q", st)
	}
	o, _ = c.Update(SavedMsg{ConvID: "999", Kind: drafts.Reply, Text: "Hi q\nok", At: at})
	c = o.(Composer)
	if st, _ := c.Status(); st != "saving…" {
		t.Fatalf("another conversation's save changed the status: %q", st)
	}
	o, _ = c.Update(SavedMsg{ConvID: "123", Kind: drafts.Reply, Text: "Hi q\nok", At: at})
	c = o.(Composer)
	if st, _ := c.Status(); st != "draft saved 12:04" {
		t.Fatalf("after the save: %q", st)
	}
	if !strings.Contains(plain(c, 120, 34), "draft saved 12:04") {
		t.Fatal("the status is not shown")
	}

	o, _ = c.Update(SavedMsg{ConvID: "123", Kind: drafts.Reply, Text: "Hi q\nok", At: at, Err: errors.New("saving reply draft for #123: no space left on device")})
	c = o.(Composer)
	if st, isErr := c.Status(); !isErr || st != "Draft not saved: saving reply draft for #123: no space left on device" {
		t.Fatalf("error status %q %v", st, isErr)
	}
	if !strings.Contains(plain(c, 120, 34), "no space left on device") {
		t.Fatal("the error is not shown")
	}
}

func TestMovingTheCursorIsNotAnEdit(t *testing.T) {
	c := newReply("a\tb") // kept by the text area with spaces for the tab
	o, cmd := c.Update(struct{ other string }{"someone else's message"})
	if out := msgs(cmd); len(out) != 0 {
		t.Fatalf("a message that is not an edit reported %v", out)
	}
	c = o.(Composer)
	if st, _ := c.Status(); st != "" {
		t.Fatalf("status %q", st)
	}
	for _, k := range []tea.KeyPressMsg{{Code: tea.KeyLeft}, {Code: tea.KeyHome}, {Code: tea.KeyUp}} {
		var out []tea.Msg
		c, out = press(c, k)
		for _, m := range out {
			if _, ok := m.(DraftChangedMsg); ok {
				t.Fatalf("%v reported an edit", k)
			}
		}
	}
}

func TestPaste(t *testing.T) {
	c := newReply("Hi ")
	o, cmd := c.Update(tea.PasteMsg{Content: "line one\nline two"})
	c = o.(Composer)
	if c.Value() != "Hi line one\nline two" {
		t.Fatalf("after paste: %q", c.Value())
	}
	out := msgs(cmd)
	if len(out) == 0 || out[len(out)-1] != (DraftChangedMsg{ConvID: "123", Kind: drafts.Reply, Text: "Hi line one\nline two"}) {
		t.Fatalf("paste reported %v", out)
	}
}

func TestSend(t *testing.T) {
	c := newReply("Hi **Ana**")
	_, out := press(c, ctrlS)
	if len(out) != 2 {
		t.Fatalf("ctrl+s gave %v, want the send and the pop", out)
	}
	if _, ok := out[0].(shared.PopOverlay); !ok {
		t.Fatalf("ctrl+s: the composer must close before its result (%#v)", out)
	}
	var sent, popped bool
	for _, m := range out {
		switch m := m.(type) {
		case SendMsg:
			sent = m == SendMsg{ConvID: "123", Kind: drafts.Reply, Text: "Hi **Ana**"}
		case shared.PopOverlay:
			popped = true
		}
	}
	if !sent || !popped {
		t.Fatalf("ctrl+s gave %#v", out)
	}
}

func TestBlankIsRefusedInPlace(t *testing.T) {
	for _, text := range []string{"", "   ", "\n\n\t "} {
		c := newReply(text)
		before := c.Value()
		c, out := press(c, ctrlS)
		if len(out) != 0 {
			t.Fatalf("%q: ctrl+s sent %v", text, out)
		}
		st, isErr := c.Status()
		if !isErr || st != "Nothing to send: write your reply first" {
			t.Fatalf("%q: status %q %v", text, st, isErr)
		}
		if c.Value() != before {
			t.Fatalf("the text changed: %q", c.Value())
		}
		if !strings.Contains(plain(c, 120, 34), "Nothing to send") {
			t.Fatal("the refusal is not shown")
		}
	}
	n := New(testCtx(), Options{ConvID: "1", Kind: drafts.Note, Width: 80, Height: 20})
	n, _ = press(n, ctrlS)
	if st, _ := n.Status(); st != "Nothing to send: write your note first" {
		t.Fatalf("note refusal %q", st)
	}
}

func TestEscKeepsTheDraft(t *testing.T) {
	c := newReply("half a thought")
	_, out := press(c, esc)
	if len(out) != 2 {
		t.Fatalf("esc gave %#v", out)
	}
	if _, ok := out[0].(shared.PopOverlay); !ok {
		t.Fatalf("esc: the composer must close before its result (%#v)", out)
	}
	var closed, popped bool
	for _, m := range out {
		switch m := m.(type) {
		case ClosedMsg:
			closed = m == ClosedMsg{ConvID: "123", Kind: drafts.Reply, Text: "half a thought"}
		case shared.PopOverlay:
			popped = true
		case SendMsg:
			t.Fatal("esc sent")
		}
	}
	if !closed || !popped {
		t.Fatalf("esc gave %#v", out)
	}
}

func TestViewFitsEverySize(t *testing.T) {
	long := strings.Repeat("a long line of text that wraps ", 40) + "\n" + strings.Repeat("x\n", 40)
	c := New(testCtx(), Options{ConvID: "123", Kind: drafts.Reply, Name: strings.Repeat("Name ", 40), Text: long,
		Status: strings.Repeat("a very long error ", 30), StatusErr: true, Width: 120, Height: 34})
	for _, sz := range [][2]int{{120, 34}, {80, 22}, {60, 14}, {40, 10}, {30, 8}, {20, 5}, {10, 3}, {0, 0}} {
		view := c.View(sz[0], sz[1])
		lines := strings.Split(view, "\n")
		if sz[1] >= 8 && len(lines) > sz[1] {
			t.Errorf("%dx%d: %d lines", sz[0], sz[1], len(lines))
		}
		for i, l := range lines {
			if w := ansi.StringWidth(l); w > max(sz[0], 0) {
				t.Errorf("%dx%d: line %d is %d wide: %q", sz[0], sz[1], i, w, ansi.Strip(l))
			}
		}
	}
	// Drawn at another size and back, the composer looks as before (its size is restored).
	before := c.View(120, 34)
	_ = c.View(50, 12)
	if after := c.View(120, 34); after != before {
		t.Fatalf("drawing at another size changed the composer:\n%s\n---\n%s", ansi.Strip(before), ansi.Strip(after))
	}
}

func TestThemeChangeRestyles(t *testing.T) {
	ctx := testCtx()
	c := New(ctx, Options{ConvID: "1", Kind: drafts.Reply, Text: "hello", Width: 100, Height: 30})
	dark := c.View(100, 30)
	ctx.Styles = theme.New(theme.Light)
	if light := c.View(100, 30); light == dark || ansi.Strip(light) != ansi.Strip(dark) {
		t.Fatal("a theme change did not restyle the composer (or changed its text)")
	}
}
