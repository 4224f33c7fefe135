package weblink

import (
	"errors"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/workspace"
)

func TestURL(t *testing.T) {
	cases := []struct {
		region string
		kind   Kind
		want   string
	}{
		{"us", Conversation, "https://app.intercom.com/a/inbox/abc123/inbox/conversation/42"},
		{"us", Contact, "https://app.intercom.com/a/apps/abc123/users/42/all-conversations"},
		{"us", Ticket, "https://app.intercom.com/a/apps/abc123/tickets/42"},
		{"eu", Conversation, "https://app.eu.intercom.com/a/inbox/abc123/inbox/conversation/42"},
		{"eu", Contact, "https://app.eu.intercom.com/a/apps/abc123/users/42/all-conversations"},
		{"eu", Ticket, "https://app.eu.intercom.com/a/apps/abc123/tickets/42"},
		{"AU", Conversation, "https://app.au.intercom.com/a/inbox/abc123/inbox/conversation/42"},
		{"au", Contact, "https://app.au.intercom.com/a/apps/abc123/users/42/all-conversations"},
		{"au", Ticket, "https://app.au.intercom.com/a/apps/abc123/tickets/42"},
		{"", Ticket, "https://app.intercom.com/a/apps/abc123/tickets/42"},
	}
	for _, c := range cases {
		got, err := URL(c.region, "abc123", c.kind, "42")
		if err != nil || got != c.want {
			t.Errorf("URL(%q, %d) = %q, %v; want %q", c.region, c.kind, got, err, c.want)
		}
	}
}

func TestURLRefusals(t *testing.T) {
	if _, err := URL("us", "", Conversation, "42"); !errors.Is(err, ErrNoApp) {
		t.Errorf("no app id: err = %v, want ErrNoApp", err)
	}
	if _, err := URL("mars", "abc", Conversation, "42"); err == nil {
		t.Error("unknown region: no error")
	}
	if _, err := URL("us", "abc", Conversation, ""); err == nil {
		t.Error("no id: no error")
	}
	// An id is one path segment: nothing in it can climb out of the path.
	if got, _ := URL("us", "abc", Ticket, "../x"); got != "https://app.intercom.com/a/apps/abc/tickets/..%2Fx" {
		t.Errorf("escaped id: %q", got)
	}
}

func ctxWith(app *models.App, region string) *shared.Context {
	ctx := &shared.Context{WS: &workspace.Workspace{Region: region}}
	if app != nil {
		ctx.Dir = workspace.NewDirectory(models.Me{App: app}, nil, nil)
	}
	return ctx
}

func TestForPrefersTheAppsRegion(t *testing.T) {
	got, err := For(ctxWith(&models.App{IDCode: "abc", Region: "EU"}, "us"), Contact, "7")
	if err != nil || got != "https://app.eu.intercom.com/a/apps/abc/users/7/all-conversations" {
		t.Errorf("app region: %q %v", got, err)
	}
	got, err = For(ctxWith(&models.App{IDCode: "abc"}, "au"), Ticket, "7")
	if err != nil || got != "https://app.au.intercom.com/a/apps/abc/tickets/7" {
		t.Errorf("configured region: %q %v", got, err)
	}
	if _, err := For(ctxWith(nil, "us"), Ticket, "7"); !errors.Is(err, ErrNoApp) {
		t.Errorf("no directory: %v", err)
	}
}

func TestOpenReportsTheOutcome(t *testing.T) {
	ctx := ctxWith(&models.App{IDCode: "abc"}, "us")
	var opened []string
	ok := func(u string) error { opened = append(opened, u); return nil }
	msg := Open(ctx, ok, Conversation, "9")()
	if want := (shared.ToastMsg{Text: "Opened in the browser"}); msg.(shared.ToastMsg).Text != want.Text || msg.(shared.ToastMsg).Error {
		t.Errorf("open: %#v", msg)
	}
	if len(opened) != 1 || opened[0] != "https://app.intercom.com/a/inbox/abc/inbox/conversation/9" {
		t.Errorf("opened %v", opened)
	}
	fail := func(string) error { return errors.New(`exec: "xdg-open": executable file not found in $PATH`) }
	msg = Open(ctx, fail, Conversation, "9")()
	if m := msg.(shared.ToastMsg); !m.Error || m.Text != `Opening the browser: exec: "xdg-open": executable file not found in $PATH` {
		t.Errorf("failed open: %#v", m)
	}
	msg = Open(ctxWith(nil, "us"), ok, Conversation, "9")()
	if m := msg.(shared.ToastMsg); !m.Error || len(opened) != 1 {
		t.Errorf("no app: %#v, opened %v", m, opened)
	}
}

// copied reports what a Copy command sends: the clipboard write and the toast.
func copied(t *testing.T, cmd tea.Cmd) (clip tea.Msg, toast shared.ToastMsg) {
	t.Helper()
	if cmd == nil {
		t.Fatal("no command")
	}
	batch, ok := cmd().(tea.BatchMsg)
	if !ok || len(batch) != 2 {
		t.Fatalf("copy: %#v, want a batch of two", batch)
	}
	return batch[0](), batch[1]().(shared.ToastMsg)
}

func TestCopyWritesTheClipboard(t *testing.T) {
	clip, toast := copied(t, Copy(ctxWith(&models.App{IDCode: "abc"}, "eu"), Ticket, "5"))
	if clip != tea.SetClipboard("https://app.eu.intercom.com/a/apps/abc/tickets/5")() {
		t.Errorf("clipboard: %#v", clip)
	}
	if toast.Text != CopiedText || toast.Error {
		t.Errorf("toast: %#v", toast)
	}
	if m := Copy(ctxWith(nil, "eu"), Ticket, "5")().(shared.ToastMsg); !m.Error {
		t.Errorf("no app: %#v", m)
	}
}
