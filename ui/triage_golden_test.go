package ui

import (
	"strings"
	"testing"
	_ "time/tzdata" // the seeded workspace's zone (Europe/Dublin) on any machine
)

// Golden screens of the triage pickers over the inbox (seed 1, fixedNow: Thursday 26
// November 2026 12:00 UTC, the workspace in Dublin). Regenerate only these with
// go test ./ui/ -run 'Assign|Snooze' -update.

func TestGoldenAssignPicker120x36(t *testing.T) { testAssignPicker(t, 120, 36, "") }

func TestGoldenAssignPicker80x24(t *testing.T) { testAssignPicker(t, 80, 24, "") }

func TestGoldenAssignPickerFiltered120x36(t *testing.T) { testAssignPicker(t, 120, 36, "bil") }

func testAssignPicker(t *testing.T, w, hgt int, typed string) {
	h := newHarness(t, 300)
	tm, p := h.run(t, w, hgt, "Open 134")
	press(tm, "a")
	waitFor(t, tm, p, "Assign #", "▌ Me (", "enter choose")
	if typed != "" {
		for _, r := range typed {
			press(tm, string(r))
		}
		waitFor(t, tm, p, "> "+typed)
	}
	screen := final(t, tm)
	if typed == "" && !strings.Contains(screen, "Unassign  ") {
		t.Fatalf("Unassign is not listed:\n%s", screen)
	}
	requireGolden(t, screen)
}

func TestGoldenSnoozePicker120x36(t *testing.T) { testSnoozePicker(t, 120, 36, "") }

func TestGoldenSnoozePicker80x24(t *testing.T) { testSnoozePicker(t, 80, 24, "") }

func TestGoldenSnoozePickerTyped80x24(t *testing.T) { testSnoozePicker(t, 80, 24, "3d") }

func testSnoozePicker(t *testing.T, w, hgt int, typed string) {
	h := newHarness(t, 300)
	tm, p := h.run(t, w, hgt, "Open 134")
	press(tm, "s")
	waitFor(t, tm, p, "Snooze #", "Tomorrow 9:00", "Fri 27 Nov 09:00", "Next Monday 9:00", "Mon 30 Nov 09:00")
	if typed != "" {
		for _, r := range typed {
			press(tm, string(r))
		}
		waitFor(t, tm, p, "> "+typed, "enter snoozes until")
	}
	requireGolden(t, final(t, tm))
}
