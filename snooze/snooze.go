// Package snooze turns what an agent asks for ("1 hour", "tomorrow", "3d", "monday
// 14:00", "2026-12-01") into the moment a conversation wakes up. Everything here is a
// pure function of the text, a clock reading and a time zone (the workspace's), so the
// UI calls it from Update with a clock reading that a command took.
//
// Days, weeks, weekdays and dates are calendar arithmetic in the zone: "1d" is the same
// wall-clock time tomorrow (23 or 25 hours away across a daylight-saving change), and
// "tomorrow" is 9:00 on the local clock, whatever the offset then. Minutes and hours are
// elapsed time: "2h" is 120 minutes from now, even across a change.
package snooze

import (
	"errors"
	"fmt"
	"time"
)

// DefaultHour is the time of day that a day without a time means ("tomorrow", "monday",
// "2026-12-01"): 9:00, when the working day starts.
const DefaultHour = 9

// MaxYears bounds how far ahead a snooze may be.
const MaxYears = 2

// Preset is one of the choices offered before anything is typed.
type Preset struct {
	Label string    // what the picker shows: "Tomorrow 9:00"
	Spec  string    // what Parse reads to resolve it again later: "tomorrow"
	Until time.Time // the moment it means at the reading of the clock it was made with
}

// Presets are the usual choices at now in loc: in 1 hour, in 4 hours, tomorrow at 9:00
// and next Monday at 9:00 (a week away on a Monday). A preset chosen later should be
// resolved again (Parse(p.Spec, …)) with a fresh clock reading.
func Presets(now time.Time, loc *time.Location) []Preset {
	out := []Preset{
		{Label: "1 hour", Spec: "1h"},
		{Label: "4 hours", Spec: "4h"},
		{Label: "Tomorrow 9:00", Spec: "tomorrow"},
		{Label: "Next Monday 9:00", Spec: "monday"},
	}
	for i := range out {
		out[i].Until, _ = Parse(out[i].Spec, now, loc) // the specs always parse
	}
	return out
}

// Describe is t as the UI shows a snooze: "Fri 27 Nov 09:00" in loc, with the year when
// it is not now's.
func Describe(t, now time.Time, loc *time.Location) string {
	if loc == nil {
		loc = time.UTC
	}
	t = t.In(loc)
	if t.Year() != now.In(loc).Year() {
		return t.Format("Mon 2 Jan 2006 15:04")
	}
	return t.Format("Mon 2 Jan 15:04")
}

// Errors Parse returns, wrapped with the text they are about (errors.Is works).
var (
	ErrEmpty    = errors.New("type when: 30m, 2h, 3d, a weekday or a date like 2026-12-01")
	ErrUnknown  = errors.New("use 30m, 2h, 3d, a weekday or a date like 2026-12-01")
	ErrPast     = errors.New("that is not in the future")
	ErrTooFar   = fmt.Errorf("that is more than %d years ahead", MaxYears)
	ErrNoDate   = errors.New("there is no such date")
	ErrNoTime   = errors.New("there is no such time of day")
	ErrTooLarge = errors.New("that number is too large")
)

// Parse reads when to snooze until, at now in loc (nil means UTC). It accepts:
//
//	30m, 2h, 3d, 1w, 1h30m, "2 hours", "in 3 days"   a while from now
//	tomorrow, today, monday … sunday, mon … sun     that day at 9:00 (weekdays: the next one, never today)
//	9:30, 14:00, 9am, 5:30pm                         today at that time, or tomorrow once it has passed
//	2026-12-01, "Dec 1", "1 December", "dec 1 2027"  that day at 9:00 (without a year: the next such day)
//	any day followed by a time: "tomorrow 14:00", "monday 8am", "2026-12-01 14:00", "1 Dec 14:00"
//
// The result is in loc and strictly after now. Errors name the text and say what is
// wrong: "\"3x\": use 30m, 2h, 3d, a weekday or a date like 2026-12-01".
func Parse(text string, now time.Time, loc *time.Location) (time.Time, error) {
	if loc == nil {
		loc = time.UTC
	}
	now = now.In(loc)
	toks := tokens(text)
	if len(toks) == 0 {
		return time.Time{}, ErrEmpty
	}
	fail := func(err error) (time.Time, error) {
		return time.Time{}, &Error{Text: clip(text), Err: err}
	}
	t, err := parse(toks, now, loc)
	if err != nil {
		return fail(err)
	}
	if !t.After(now) {
		return fail(ErrPast)
	}
	if t.After(now.AddDate(MaxYears, 0, 0)) {
		return fail(ErrTooFar)
	}
	return t, nil
}

// Error is a text Parse could not use, and why.
type Error struct {
	Text string
	Err  error
}

func (e *Error) Error() string { return fmt.Sprintf("%q: %v", e.Text, e.Err) }

func (e *Error) Unwrap() error { return e.Err }

// clip keeps an error message short whatever was typed.
func clip(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}

// parse tries each form in turn on the normalized tokens.
func parse(toks []string, now time.Time, loc *time.Location) (time.Time, error) {
	if toks[0] == "in" && len(toks) > 1 {
		toks = toks[1:]
	}
	if d, ok, err := parseSpan(toks); ok || err != nil {
		if err != nil {
			return time.Time{}, err
		}
		return d.from(now), nil
	}
	// A time of day may end any form: "tomorrow 14:00", "1 dec 9am", or stand alone.
	hour, minute, hasTime := DefaultHour, 0, false
	if n := len(toks); n > 0 {
		if h, m, ok, err := parseClock(toks[n-1]); ok || err != nil {
			if err != nil {
				return time.Time{}, err
			}
			hour, minute, hasTime = h, m, true
			toks = toks[:n-1]
		}
	}
	if len(toks) > 0 && toks[len(toks)-1] == "at" {
		toks = toks[:len(toks)-1]
	}
	if len(toks) == 0 {
		if !hasTime {
			return time.Time{}, ErrUnknown
		}
		t := at(now, hour, minute, loc)
		if !t.After(now) {
			t = at(now.AddDate(0, 0, 1), hour, minute, loc)
		}
		return t, nil
	}
	day, ok, err := parseDay(toks, now, loc)
	switch {
	case err != nil:
		return time.Time{}, err
	case !ok:
		return time.Time{}, ErrUnknown
	}
	return at(day, hour, minute, loc), nil
}

// at is day's date at hour:minute on loc's clock. In a daylight-saving gap (a time the
// clock skips) time.Date moves it forward by the gap, which is what an agent means.
func at(day time.Time, hour, minute int, loc *time.Location) time.Time {
	y, m, d := day.In(loc).Date()
	return time.Date(y, m, d, hour, minute, 0, 0, loc)
}
