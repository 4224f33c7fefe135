package draftsave

import (
	"errors"
	"testing"
	"time"

	"github.com/intercom-tui/intercom-tui/drafts"
	"github.com/intercom-tui/intercom-tui/ui/components/composer"
)

var now = time.Date(2026, 11, 24, 15, 4, 0, 0, time.UTC)

func TestLabel(t *testing.T) {
	if got := Label(now.Add(-time.Hour), now); got != "14:04" {
		t.Errorf("today: %q", got)
	}
	if got := Label(now.AddDate(0, 0, -1), now); got != "23 Nov 15:04" {
		t.Errorf("yesterday: %q", got)
	}
}

func TestWithoutAStore(t *testing.T) {
	k := drafts.Key{Workspace: "w", ConversationID: "1", Kind: drafts.Note}
	msg := SaveCmd(nil, k, "hi", func() time.Time { return now })().(composer.SavedMsg)
	if !errors.Is(msg.Err, ErrNoStore) || msg.ConvID != "1" || msg.Kind != drafts.Note || msg.Text != "hi" || !msg.At.Equal(now) {
		t.Errorf("save: %+v", msg)
	}
	if err := Delete(nil, k); err != nil {
		t.Errorf("delete: %v", err)
	}
	if _, found, _, err := Load(nil, k, now); found || err != nil {
		t.Errorf("load: %v %v", found, err)
	}
	if Workspace(nil, nil) != drafts.WorkspaceKey("", "") {
		t.Error("workspace without a directory or an API")
	}
}

func TestSaveLoadDelete(t *testing.T) {
	store, err := drafts.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	k := drafts.Key{Workspace: "w", ConversationID: "42", Kind: drafts.TicketNote}
	msg := SaveCmd(store, k, "draft text", func() time.Time { return now.Add(-2 * time.Hour) })().(composer.SavedMsg)
	if msg.Err != nil {
		t.Fatal(msg.Err)
	}
	d, found, label, err := Load(store, k, now)
	if err != nil || !found || d.Text != "draft text" || label != "13:04" {
		t.Fatalf("load: %+v %v %q %v", d, found, label, err)
	}
	if err := Delete(store, k); err != nil {
		t.Fatal(err)
	}
	if _, found, _, _ := Load(store, k, now); found {
		t.Error("deleted, yet found")
	}
}
