package conversations

import (
	"testing"
	"time"
	_ "time/tzdata" // Asia/Tokyo on any machine

	"github.com/intercom-tui/intercom-tui/models"
)

// inZone puts the workspace in the named zone (the fake's is UTC), so that "tomorrow
// 9:00" is read in the workspace's zone rather than the machine's or UTC.
func (h *harness) inZone(name string) *time.Location {
	h.t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		h.t.Fatal(err)
	}
	dir := *h.p.dir
	me := dir.Me
	app := *me.App
	app.Timezone = name
	me.App = &app
	dir.Me = me
	h.p.dir = &dir
	return loc
}

// z snoozes the conversation under the cursor until tomorrow 09:00 in the workspace's
// zone, at once: no picker, exactly one write, the same body as the picker's preset.
func TestZSnoozesUntilTomorrowNine(t *testing.T) {
	h := newTriageHarness(t, 100, 30, false)
	id := h.firstWhere("open", openConv)
	tokyo := h.inZone("Asia/Tokyo")
	h.press("z")
	if o := h.top(); o != nil {
		t.Fatalf("z opened %T", o)
	}
	// inboxNow is Tuesday 24 November 2026 14:05 UTC: 23:05 in Tokyo, so tomorrow is
	// Wednesday the 25th there (00:00 UTC), not the 25th at 09:00 UTC.
	until := time.Date(2026, 11, 25, 9, 0, 0, 0, tokyo).Unix()
	body := h.oneWrite("POST", "/conversations/{id}/parts")
	wantBody(t, body, map[string]any{"message_type": "snoozed", "admin_id": h.meID(), "snoozed_until": until}, "type")
	if got := h.server(id); got.State != models.StateSnoozed || int64(got.SnoozedUntil) != until {
		t.Fatalf("server %s until %d, want %d", got.State, got.SnoozedUntil, until)
	}
	if r := h.row(id); r.conv.State != models.StateSnoozed {
		t.Fatalf("row state %s", r.conv.State)
	}
}

// With a selection, z snoozes every selected conversation until tomorrow 09:00 (the
// bulk run of the snooze picker's preset), each exactly once.
func TestZSnoozesTheSelection(t *testing.T) {
	l := newHarness(t, harnessOpts{pageSize: 50, bulkParallel: 3, width: 100, height: 30})
	rows := l.selectFirst(4)
	before := l.parts()
	l.press("z")
	l.mustReport()
	l.finishReport(4)
	if n := l.parts() - before; n != 4 {
		t.Fatalf("%d snooze writes, want 4", n)
	}
	want := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC) // the fake's zone is UTC
	for _, id := range rows {
		if c := l.conv(id); c.State != models.StateSnoozed || int64(c.SnoozedUntil) != want.Unix() {
			t.Fatalf("#%s: %s until %v, want %v", id, c.State, time.Unix(int64(c.SnoozedUntil), 0).UTC(), want)
		}
	}
}

// Before the workspace has loaded, z says so and sends nothing.
func TestZBeforeSignInSendsNothing(t *testing.T) {
	h := newTriageHarness(t, 100, 30, false)
	h.firstWhere("open", openConv)
	h.p.dir = nil
	h.press("z")
	if n := len(h.writes()); n != 0 {
		t.Fatalf("%d writes", n)
	}
	if !h.toasted(notSignedIn) {
		t.Fatalf("toasts %v", h.toasts)
	}
}
