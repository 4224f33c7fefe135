package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api/fake/faults"
	"github.com/intercom-tui/intercom-tui/api/query"
)

// Bulk actions at the app level: the selection marks in the list and the count in the
// view bar, and the progress report of a bulk close with failures, in its final state
// (deterministic: every answer is in). Regenerate with go test ./ui -run Bulk -update.

// row0Thread is what the split thread shows for the first open conversation: the test
// waits for it, so that a preview the cursor's moves started has been undone by g.
var row0Thread = []string{"oisin.kelly@zephyrair.com", "Missed call from +353831244435"}

func spaceKey() tea.KeyPressMsg { return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "} }

// selectRows selects rows 0–4 with a range and row 6 with space, then goes back to the
// top (the thread shows the first conversation again).
func selectRows(tm interface{ Send(tea.Msg) }) {
	for _, k := range []string{"V", "j", "j", "j", "j", "V", "j", "j"} {
		tm.Send(keyMsg(k))
	}
	tm.Send(spaceKey())
	tm.Send(keyMsg("g"))
}

func TestGoldenBulkSelection120x36(t *testing.T) {
	h := newHarness(t, 300)
	tm, p := h.run(t, 120, 36, append([]string{"Open 134"}, row0Thread...)...)
	selectRows(tm)
	waitFor(t, tm, p, append([]string{"6 selected"}, row0Thread...)...)
	screen := final(t, tm)
	if n := strings.Count(screen, "✓"); n != 6 {
		t.Fatalf("%d rows marked, want 6:\n%s", n, screen)
	}
	requireGolden(t, screen)
}

func TestGoldenBulkReport120x36(t *testing.T) {
	h := newHarness(t, 300)
	page, err := h.ctx.WS.API.SearchConversations(context.Background(), query.Field("state").Eq("open"), 8, "")
	if err != nil || len(page.Items) < 7 {
		t.Fatalf("open conversations: %d, %v", len(page.Items), err)
	}
	// Rows 1 and 4 fail: one is gone, one meets a server error.
	fail := func(i, code int) faults.Rule {
		return faults.Rule{Kind: faults.Status, Code: code, Method: "POST", Pattern: "/conversations/" + string(page.Items[i].ID) + "/parts", Count: 1}
	}
	if err := h.inj.Add(fail(1, 404), fail(4, 500)); err != nil {
		t.Fatal(err)
	}
	tm, p := h.run(t, 120, 36, append([]string{"Open 134"}, row0Thread...)...)
	selectRows(tm)
	waitFor(t, tm, p, append([]string{"6 selected"}, row0Thread...)...)
	tm.Send(keyMsg("c"))
	waitFor(t, tm, p, "Closed 4 of 6 conversations", "4 done, 2 failed", "enter close",
		"2 failed: still selected", "ctrl+r retry")
	screen := final(t, tm)
	for _, want := range []string{
		"✗ #" + string(page.Items[1].ID) + " Couldn't close: Resource Not Found (HTTP 404)",
		"✗ #" + string(page.Items[4].ID) + " Couldn't close: Internal Server Error (HTTP 500)",
	} {
		if !strings.Contains(screen, want) {
			t.Fatalf("the report does not say %q:\n%s", want, screen)
		}
	}
	if n := h.ws.Count("POST", "/conversations/{id}/parts"); n != 6 {
		t.Fatalf("%d writes for 6 conversations", n)
	}
	requireGolden(t, screen)
}
