package snooze

import (
	"strconv"
	"strings"
	"time"
)

// tokens lower-cases text and splits it into words, with a comma counted as a space and
// a number glued to its unit kept together ("2h", "1h30m").
func tokens(text string) []string {
	text = strings.ToLower(strings.TrimSpace(text))
	text = strings.NewReplacer(",", " ", "\t", " ").Replace(text)
	return strings.Fields(text)
}

// span is a while from now: calendar days (whole days on the zone's clock) and elapsed
// time.
type span struct {
	days    int
	elapsed time.Duration
}

// from adds the span to now: days first (the same wall-clock time that many days on),
// then the elapsed time.
func (s span) from(now time.Time) time.Time {
	return now.AddDate(0, 0, s.days).Add(s.elapsed)
}

// Units of a span, by every spelling accepted.
var spanUnits = map[string]struct {
	days    int
	elapsed time.Duration
}{
	"m": {0, time.Minute}, "min": {0, time.Minute}, "mins": {0, time.Minute}, "minute": {0, time.Minute}, "minutes": {0, time.Minute},
	"h": {0, time.Hour}, "hr": {0, time.Hour}, "hrs": {0, time.Hour}, "hour": {0, time.Hour}, "hours": {0, time.Hour},
	"d": {1, 0}, "day": {1, 0}, "days": {1, 0},
	"w": {7, 0}, "wk": {7, 0}, "wks": {7, 0}, "week": {7, 0}, "weeks": {7, 0},
}

// maxSpanDays bounds each amount before any arithmetic, so that no number can overflow;
// Parse then refuses anything past MaxYears.
const maxSpanDays = 366*MaxYears + 7

// parseSpan reads "30m", "1h30m", "2 hours", "1d 4h". ok is false when the text is not
// a span at all; err is set when it is one that cannot be used.
func parseSpan(toks []string) (span, bool, error) {
	s := strings.Join(toks, "")
	if s == "" || s[0] < '0' || s[0] > '9' {
		return span{}, false, nil
	}
	var out span
	for s != "" {
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		j := i
		for j < len(s) && s[j] >= 'a' && s[j] <= 'z' {
			j++
		}
		if i == 0 || j == i {
			return span{}, false, nil
		}
		unit, ok := spanUnits[s[i:j]]
		if !ok {
			return span{}, false, nil
		}
		if i > 7 {
			return span{}, true, ErrTooLarge
		}
		n, _ := strconv.Atoi(s[:i])
		out.days += n * unit.days
		out.elapsed += time.Duration(n) * unit.elapsed
		if out.days > maxSpanDays || out.elapsed > maxSpanDays*24*time.Hour {
			return span{}, true, ErrTooFar
		}
		s = s[j:]
	}
	return out, true, nil
}

// parseClock reads a time of day: "9:30", "14:00", "9am", "9:30pm", "12pm". ok is false
// when the token is not written as a time; err is set for one that does not exist
// ("25:00", "13pm").
func parseClock(tok string) (hour, minute int, ok bool, err error) {
	suffix := ""
	for _, sfx := range []string{"am", "pm"} {
		if rest, found := strings.CutSuffix(tok, sfx); found && rest != "" {
			tok, suffix = rest, sfx
			break
		}
	}
	hs, ms, colon := strings.Cut(tok, ":")
	if !colon {
		ms = "00"
		if suffix == "" {
			return 0, 0, false, nil // a bare number is not a time
		}
	}
	if !digits(hs, 1, 2) || !digits(ms, 2, 2) {
		return 0, 0, false, nil
	}
	hour, _ = strconv.Atoi(hs)
	minute, _ = strconv.Atoi(ms)
	if minute > 59 {
		return 0, 0, true, ErrNoTime
	}
	switch suffix {
	case "":
		if hour > 23 {
			return 0, 0, true, ErrNoTime
		}
	default:
		if hour < 1 || hour > 12 {
			return 0, 0, true, ErrNoTime
		}
		hour %= 12
		if suffix == "pm" {
			hour += 12
		}
	}
	return hour, minute, true, nil
}

// digits reports s is between least and most ASCII digits.
func digits(s string, least, most int) bool {
	if len(s) < least || len(s) > most {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Day words and weekday names by every spelling accepted.
var (
	relativeDays = map[string]int{"today": 0, "tomorrow": 1, "tmrw": 1, "tmr": 1}
	weekdays     = map[string]time.Weekday{
		"sunday": time.Sunday, "sun": time.Sunday,
		"monday": time.Monday, "mon": time.Monday,
		"tuesday": time.Tuesday, "tue": time.Tuesday, "tues": time.Tuesday,
		"wednesday": time.Wednesday, "wed": time.Wednesday,
		"thursday": time.Thursday, "thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday,
		"friday": time.Friday, "fri": time.Friday,
		"saturday": time.Saturday, "sat": time.Saturday,
	}
	months = map[string]time.Month{}
)

func init() {
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		months[name] = m
		months[name[:3]] = m
	}
	months["sept"] = time.September
}

// parseDay reads the day part: "tomorrow", "monday", "next monday", "2026-12-01",
// "dec 1", "1 december 2027". The result is midnight of that day in loc.
func parseDay(toks []string, now time.Time, loc *time.Location) (time.Time, bool, error) {
	if len(toks) == 2 && toks[0] == "next" {
		if _, ok := weekdays[toks[1]]; ok {
			toks = toks[1:]
		}
	}
	today := at(now, 0, 0, loc)
	if len(toks) == 1 {
		tok := toks[0]
		if n, ok := relativeDays[tok]; ok {
			return today.AddDate(0, 0, n), true, nil
		}
		if wd, ok := weekdays[tok]; ok {
			ahead := (int(wd) - int(today.Weekday()) + 7) % 7
			if ahead == 0 {
				ahead = 7 // "monday" on a Monday is next week's
			}
			return today.AddDate(0, 0, ahead), true, nil
		}
		if y, m, d, ok := isoDate(tok); ok {
			return date(y, m, d, loc)
		}
		return time.Time{}, false, nil
	}
	return monthDay(toks, today, loc)
}

// isoDate reads 2026-12-01.
func isoDate(tok string) (int, int, int, bool) {
	parts := strings.Split(tok, "-")
	if len(parts) != 3 || !digits(parts[0], 4, 4) || !digits(parts[1], 1, 2) || !digits(parts[2], 1, 2) {
		return 0, 0, 0, false
	}
	y, _ := strconv.Atoi(parts[0])
	m, _ := strconv.Atoi(parts[1])
	d, _ := strconv.Atoi(parts[2])
	return y, m, d, true
}

// date is midnight of y-m-d in loc, refusing a day that does not exist (31 April).
func date(y, m, d int, loc *time.Location) (time.Time, bool, error) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, loc)
	if ty, tm, td := t.Date(); ty != y || int(tm) != m || td != d {
		return time.Time{}, true, ErrNoDate
	}
	return t, true, nil
}

// monthDay reads "dec 1", "december 1st", "1 dec", "1 december 2027". Without a year it
// is the next such day: this year's unless that day has passed.
func monthDay(toks []string, today time.Time, loc *time.Location) (time.Time, bool, error) {
	if len(toks) != 2 && len(toks) != 3 {
		return time.Time{}, false, nil
	}
	var (
		month time.Month
		day   int
		okM   bool
		okD   bool
	)
	if month, okM = months[toks[0]]; okM {
		day, okD = dayOfMonth(toks[1])
	} else if month, okM = months[toks[1]]; okM {
		day, okD = dayOfMonth(toks[0])
	}
	if !okM || !okD {
		return time.Time{}, false, nil
	}
	if len(toks) == 3 {
		if !digits(toks[2], 4, 4) {
			return time.Time{}, false, nil
		}
		y, _ := strconv.Atoi(toks[2])
		return date(y, int(month), day, loc)
	}
	t, ok, err := date(today.Year(), int(month), day, loc)
	if err != nil && month == time.February && day == 29 {
		t, ok, err = date(today.Year()+1, int(month), day, loc) // next year may be a leap year
	}
	if err == nil && t.Before(today) {
		t, ok, err = date(today.Year()+1, int(month), day, loc)
	}
	return t, ok, err
}

// dayOfMonth reads "1", "01", "1st", "22nd", "3rd", "4th".
func dayOfMonth(tok string) (int, bool) {
	for _, sfx := range []string{"st", "nd", "rd", "th"} {
		if rest, ok := strings.CutSuffix(tok, sfx); ok {
			tok = rest
			break
		}
	}
	if !digits(tok, 1, 2) {
		return 0, false
	}
	d, _ := strconv.Atoi(tok)
	return d, d >= 1 && d <= 31
}
