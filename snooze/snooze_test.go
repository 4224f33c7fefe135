package snooze

import (
	"errors"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the zones below on any machine
)

func zone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// A Thursday noon in Dublin (GMT in winter).
var thursday = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

func TestParse(t *testing.T) {
	dub := zone(t, "Europe/Dublin")
	local := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, dub) }
	cases := []struct {
		in   string
		want time.Time
	}{
		{"30m", thursday.Add(30 * time.Minute)},
		{"30 min", thursday.Add(30 * time.Minute)},
		{"2h", thursday.Add(2 * time.Hour)},
		{"2 hours", thursday.Add(2 * time.Hour)},
		{"in 2 hours", thursday.Add(2 * time.Hour)},
		{"1h30m", thursday.Add(90 * time.Minute)},
		{"1d 4h", thursday.AddDate(0, 0, 1).Add(4 * time.Hour)},
		{"3d", local(2026, 11, 29, 12, 0)},
		{"3 days", local(2026, 11, 29, 12, 0)},
		{"1w", local(2026, 12, 3, 12, 0)},
		{"2 weeks", local(2026, 12, 10, 12, 0)},
		{"tomorrow", local(2026, 11, 27, 9, 0)},
		{"Tomorrow 14:00", local(2026, 11, 27, 14, 0)},
		{"tomorrow at 8am", local(2026, 11, 27, 8, 0)},
		{"today 17:30", local(2026, 11, 26, 17, 30)},
		{"monday", local(2026, 11, 30, 9, 0)},
		{"next monday", local(2026, 11, 30, 9, 0)},
		{"Mon 14:00", local(2026, 11, 30, 14, 0)},
		{"thursday", local(2026, 12, 3, 9, 0)}, // today is Thursday: next week's
		{"fri", local(2026, 11, 27, 9, 0)},
		{"9:30", local(2026, 11, 27, 9, 30)}, // passed today: tomorrow
		{"14:00", local(2026, 11, 26, 14, 0)},
		{"5pm", local(2026, 11, 26, 17, 0)},
		{"5:15pm", local(2026, 11, 26, 17, 15)},
		{"12am", local(2026, 11, 27, 0, 0)},
		{"12pm", local(2026, 11, 26, 12, 0).AddDate(0, 0, 1)}, // exactly now has passed
		{"2026-12-01", local(2026, 12, 1, 9, 0)},
		{"2026-12-01 14:00", local(2026, 12, 1, 14, 0)},
		{"2027-1-5", local(2027, 1, 5, 9, 0)},
		{"Dec 1", local(2026, 12, 1, 9, 0)},
		{"december 1st", local(2026, 12, 1, 9, 0)},
		{"1 Dec 14:00", local(2026, 12, 1, 14, 0)},
		{"1 Dec, 14:00", local(2026, 12, 1, 14, 0)},
		{"Jan 5", local(2027, 1, 5, 9, 0)}, // passed this year: next year's
		{"26 nov 15:00", local(2026, 11, 26, 15, 0)},
		{"5 jan 2027", local(2027, 1, 5, 9, 0)},
		{"  2H  ", thursday.Add(2 * time.Hour)},
	}
	for _, tc := range cases {
		got, err := Parse(tc.in, thursday, dub)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.in, err)
			continue
		}
		if !got.Equal(tc.want) {
			t.Errorf("Parse(%q) = %s, want %s", tc.in, got, tc.want.In(dub))
		}
		if got.Location() != dub {
			t.Errorf("Parse(%q) is in %s, want the workspace's zone", tc.in, got.Location())
		}
	}
}

func TestParseRefuses(t *testing.T) {
	dub := zone(t, "Europe/Dublin")
	cases := []struct {
		in   string
		want error
		text string // the whole message, when it matters
	}{
		{"3x", ErrUnknown, `"3x": use 30m, 2h, 3d, a weekday or a date like 2026-12-01`},
		{"soon", ErrUnknown, ""},
		{"30", ErrUnknown, ""},
		{"2h lunch", ErrUnknown, ""},
		{"monday tuesday", ErrUnknown, ""},
		{"dec 1 2026 14:00 x", ErrUnknown, ""},
		{"", ErrEmpty, ""},
		{"   ", ErrEmpty, ""},
		{"0m", ErrPast, `"0m": that is not in the future`},
		{"2025-01-01", ErrPast, ""},
		{"today", ErrPast, ""}, // 9:00 has passed
		{"26 nov 2026 11:00", ErrPast, ""},
		{"2026-02-30", ErrNoDate, `"2026-02-30": there is no such date`},
		{"31 april", ErrNoDate, ""},
		{"25:00", ErrNoTime, ""},
		{"13pm", ErrNoTime, ""},
		{"9:75", ErrNoTime, ""},
		{"3y", ErrUnknown, ""},
		{"800d", ErrTooFar, ""},
		{"2030-01-01", ErrTooFar, ""},
		{"99999999999999999999d", ErrTooLarge, ""},
	}
	for _, tc := range cases {
		got, err := Parse(tc.in, thursday, dub)
		if err == nil {
			t.Errorf("Parse(%q) = %s, want an error", tc.in, got)
			continue
		}
		if !errors.Is(err, tc.want) {
			t.Errorf("Parse(%q): %v, want %v", tc.in, err, tc.want)
		}
		if tc.text != "" && err.Error() != tc.text {
			t.Errorf("Parse(%q): %q, want %q", tc.in, err.Error(), tc.text)
		}
	}
	long := strings.Repeat("x", 200)
	if _, err := Parse(long, thursday, dub); err == nil || len(err.Error()) > 120 {
		t.Errorf("a long text's error should be short: %v", err)
	}
}

// Across a daylight-saving change, days are calendar days on the zone's clock and hours
// are elapsed time.
func TestParseAcrossDaylightSaving(t *testing.T) {
	for _, tc := range []struct {
		zone, in string
		now      time.Time // in the zone
		want     time.Time // in the zone
		elapsed  time.Duration
	}{
		// Dublin springs forward on Sunday 29 March 2026 at 01:00 GMT → 02:00 IST.
		{"Europe/Dublin", "1d", time.Date(2026, 3, 28, 12, 0, 0, 0, time.UTC), time.Date(2026, 3, 29, 12, 0, 0, 0, time.UTC), 23 * time.Hour},
		{"Europe/Dublin", "tomorrow", time.Date(2026, 3, 28, 12, 0, 0, 0, time.UTC), time.Date(2026, 3, 29, 9, 0, 0, 0, time.UTC), 20 * time.Hour},
		{"Europe/Dublin", "2h", time.Date(2026, 3, 29, 0, 30, 0, 0, time.UTC), time.Date(2026, 3, 29, 3, 30, 0, 0, time.UTC), 2 * time.Hour},
		// … and falls back on Sunday 25 October 2026 at 02:00 IST → 01:00 GMT.
		{"Europe/Dublin", "1d", time.Date(2026, 10, 24, 12, 0, 0, 0, time.UTC), time.Date(2026, 10, 25, 12, 0, 0, 0, time.UTC), 25 * time.Hour},
		{"Europe/Dublin", "monday", time.Date(2026, 10, 24, 12, 0, 0, 0, time.UTC), time.Date(2026, 10, 26, 9, 0, 0, 0, time.UTC), 46 * time.Hour},
		// New York springs forward on Sunday 8 March 2026 at 02:00 EST → 03:00 EDT.
		{"America/New_York", "1d", time.Date(2026, 3, 7, 18, 0, 0, 0, time.UTC), time.Date(2026, 3, 8, 18, 0, 0, 0, time.UTC), 23 * time.Hour},
		{"America/New_York", "tomorrow", time.Date(2026, 3, 7, 18, 0, 0, 0, time.UTC), time.Date(2026, 3, 8, 9, 0, 0, 0, time.UTC), 14 * time.Hour},
		{"America/New_York", "3h", time.Date(2026, 3, 8, 0, 30, 0, 0, time.UTC), time.Date(2026, 3, 8, 4, 30, 0, 0, time.UTC), 3 * time.Hour},
		// … and falls back on Sunday 1 November 2026 at 02:00 EDT → 01:00 EST.
		{"America/New_York", "1w", time.Date(2026, 10, 29, 10, 0, 0, 0, time.UTC), time.Date(2026, 11, 5, 10, 0, 0, 0, time.UTC), 7*24*time.Hour + time.Hour},
		{"America/New_York", "2026-11-01 09:00", time.Date(2026, 10, 31, 9, 0, 0, 0, time.UTC), time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC), 25 * time.Hour},
	} {
		loc := zone(t, tc.zone)
		wall := func(w time.Time) time.Time {
			return time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), 0, 0, loc)
		}
		now, want := wall(tc.now), wall(tc.want)
		got, err := Parse(tc.in, now, loc)
		if err != nil {
			t.Errorf("%s %q at %s: %v", tc.zone, tc.in, now, err)
			continue
		}
		if !got.Equal(want) {
			t.Errorf("%s %q at %s = %s, want %s", tc.zone, tc.in, now, got, want)
		}
		if d := got.Sub(now); d != tc.elapsed {
			t.Errorf("%s %q at %s is %s away, want %s", tc.zone, tc.in, now, d, tc.elapsed)
		}
	}
}

func TestPresets(t *testing.T) {
	dub := zone(t, "Europe/Dublin")
	got := Presets(thursday, dub)
	want := []struct {
		label string
		at    time.Time
	}{
		{"1 hour", thursday.Add(time.Hour)},
		{"4 hours", thursday.Add(4 * time.Hour)},
		{"Tomorrow 9:00", time.Date(2026, 11, 27, 9, 0, 0, 0, dub)},
		{"Next Monday 9:00", time.Date(2026, 11, 30, 9, 0, 0, 0, dub)},
	}
	if len(got) != len(want) {
		t.Fatalf("%d presets", len(got))
	}
	for i, w := range want {
		if got[i].Label != w.label || !got[i].Until.Equal(w.at) {
			t.Errorf("preset %d = %q %s, want %q %s", i, got[i].Label, got[i].Until, w.label, w.at)
		}
		again, err := Parse(got[i].Spec, thursday, dub)
		if err != nil || !again.Equal(got[i].Until) {
			t.Errorf("preset %q's spec %q resolves to %s, %v", got[i].Label, got[i].Spec, again, err)
		}
	}
	// On a Monday, "next Monday" is a week away; in New York, 9:00 is New York's.
	ny := zone(t, "America/New_York")
	monday := time.Date(2026, 11, 30, 8, 0, 0, 0, ny)
	if p := Presets(monday, ny)[3]; !p.Until.Equal(time.Date(2026, 12, 7, 9, 0, 0, 0, ny)) {
		t.Errorf("next Monday from a Monday = %s", p.Until)
	}
	if p := Presets(monday, ny)[2]; !p.Until.Equal(time.Date(2026, 12, 1, 9, 0, 0, 0, ny)) {
		t.Errorf("tomorrow in New York = %s", p.Until)
	}
}

func TestDescribe(t *testing.T) {
	dub := zone(t, "Europe/Dublin")
	if got := Describe(time.Date(2026, 11, 27, 9, 0, 0, 0, dub), thursday, dub); got != "Fri 27 Nov 09:00" {
		t.Errorf("Describe = %q", got)
	}
	if got := Describe(time.Date(2027, 1, 5, 9, 0, 0, 0, dub), thursday, dub); got != "Tue 5 Jan 2027 09:00" {
		t.Errorf("Describe next year = %q", got)
	}
	if got := Describe(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC), thursday, nil); got != "Fri 27 Nov 09:00" {
		t.Errorf("Describe without a zone = %q", got)
	}
}

func TestParseWithoutZoneIsUTC(t *testing.T) {
	got, err := Parse("tomorrow", thursday, nil)
	if err != nil || !got.Equal(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)) {
		t.Fatalf("Parse without a zone = %s, %v", got, err)
	}
}

// FuzzParse: no text panics, and whatever parses is in the future and within bounds.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"30m", "2h", "3d", "1w", "tomorrow", "monday 14:00", "9:30", "5pm",
		"2026-12-01", "2026-12-01 14:00", "Dec 1", "1 Dec 14:00", "3x", "", "99999999d", "1h30m2d",
		"feb 29", "12am", "next fri", "in 2 hours", "2026-02-30", "31 apr 2027 9am"} {
		f.Add(s)
	}
	dub := zone(f, "Europe/Dublin")
	f.Fuzz(func(t *testing.T, s string) {
		got, err := Parse(s, thursday, dub)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("%q: an empty error", s)
			}
			return
		}
		if !got.After(thursday) || got.After(thursday.AddDate(MaxYears, 0, 0)) {
			t.Fatalf("%q → %s is out of bounds", s, got)
		}
	})
}
