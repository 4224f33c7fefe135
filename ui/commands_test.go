package ui

import (
	"os"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/usercmd"
)

var ctrlE = tea.KeyPressMsg{Code: 'e', Mod: tea.ModCtrl}

// withCommand binds one [[commands]] entry to ctrl+e, as browse.go does at start.
func withCommand(t *testing.T, h *harness, name, run string) Options {
	t.Helper()
	tm := mustTemplate(t, run)
	if err := keymap.AddCommands(h.ctx.Keys, []keymap.CommandKey{{Name: name, Key: "ctrl+e"}}); err != nil {
		t.Fatal(err)
	}
	return Options{Where: "demo workspace", Commands: []Command{{Name: name, Run: tm}}}
}

// The command's key on the inbox runs it on the conversation in focus; its output
// comes back as a toast. The email reaches printf as one argument.
func TestCommandKeyRunsOnTheConversation(t *testing.T) {
	h := newHarness(t, 300)
	opts := withCommand(t, h, "Echo", `printf 'conv=%s mail=%s|' {{.ConversationID}} {{.ContactEmail}}`)
	tm, p := h.runWith(t, opts, 120, 36, "Open 134")
	tm.Send(ctrlE)
	waitFor(t, tm, p, "Echo: conv=")
	re := regexp.MustCompile(`Echo: conv=\d+ mail=[^ @|]+@[^ |]+\|`)
	if s := final(t, tm); !re.MatchString(s) {
		t.Fatalf("no toast with the conversation's id and email:\n%s", s)
	}
}

// A value the template uses that the focus lacks runs nothing and says which.
func TestCommandRefusesAMissingValue(t *testing.T) {
	h := newHarness(t, 300)
	dir := t.TempDir()
	opts := withCommand(t, h, "Mail", "touch "+usercmd.Quote(dir)+"/ran; echo {{.ContactEmail}}")
	tm, p := h.runWith(t, opts, 120, 36, "Open 134")
	press(tm, "4") // the articles pane: no contact there
	waitFor(t, tm, p, "Help center")
	tm.Send(ctrlE)
	waitFor(t, tm, p, "Mail: not run, nothing in focus has {{.ContactEmail}} here")
	if s := final(t, tm); strings.Contains(s, "running") {
		t.Fatalf("the command started:\n%s", s)
	}
	if _, err := os.Stat(dir + "/ran"); err == nil {
		t.Fatal("the command ran")
	}
}

// The palette lists the command under Commands with its key, and choosing it runs it.
func TestPaletteListsAndRunsACommand(t *testing.T) {
	h := newHarness(t, 300)
	opts := withCommand(t, h, "Say hello", `echo hello from {{.ConversationID}}`)
	tm, p := h.runWith(t, opts, 120, 36, "Open 134")
	tm.Send(ctrlK)
	waitFor(t, tm, p, "Command palette")
	for _, r := range "say hel" {
		press(tm, string(r))
	}
	waitFor(t, tm, p, "Say hello", "ctrl+e · Commands")
	press(tm, "enter")
	waitFor(t, tm, p, "Say hello: hello from ")
	if s := final(t, tm); strings.Contains(s, "Command palette") {
		t.Fatalf("the palette is still open:\n%s", s)
	}
}

// The help overlay has a Commands group with the command's key and name.
func TestHelpListsCommands(t *testing.T) {
	h := newHarness(t, 10)
	opts := withCommand(t, h, "Open in CRM", `open {{.URL}}`)
	var m tea.Model = New(h.ctx, opts)
	m, _ = m.Update(tea.WindowSizeMsg{Width: 200, Height: 80})
	m, _ = m.Update(keyMsg("?"))
	screen := ansi.Strip(m.(App).Render())
	if !strings.Contains(screen, "Commands") || !regexp.MustCompile(`ctrl\+e +Open in CRM`).MatchString(screen) {
		t.Fatalf("help lacks the command:\n%s", screen)
	}
}

// On the contacts pane the values are the contact's (id, email, web-app address); on
// the tickets pane the ticket's.
func TestCommandValuesOnContactsAndTickets(t *testing.T) {
	h := newHarness(t, 300)
	opts := withCommand(t, h, "Show", `printf '%s|' {{.ContactID}} {{.ContactEmail}} {{.URL}}`)
	tm, p := h.runWith(t, opts, 120, 36, "Open 134")
	press(tm, "2")
	waitFor(t, tm, p, "200 contacts")
	tm.Send(ctrlE)
	waitFor(t, tm, p, "/all-conversations|")
	// The toast wraps the line: its parts are checked one by one.
	screen := p.text()
	if !regexp.MustCompile(`Show: .*\n?.*[0-9a-f]{24}\|[^ |@]+@[^ |]+\|https://app\.intercom\.com/a`).MatchString(screen) ||
		!strings.Contains(screen, "/all-conversations|") {
		t.Fatalf("contact values:\n%s", screen)
	}
	press(tm, "3")
	waitFor(t, tm, p, "Open 45")
	tm.Send(ctrlE)
	waitFor(t, tm, p, "Show: not run, nothing in focus has {{.ContactEmail}} here")
	final(t, tm)
}

func mustTemplate(t *testing.T, text string) *usercmd.Template {
	t.Helper()
	tm, err := usercmd.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}
