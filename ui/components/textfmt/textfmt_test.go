package textfmt

import (
	"testing"
	"time"

	"charm.land/lipgloss/v2"
)

func TestLineCollapsesAndSanitizes(t *testing.T) {
	for in, want := range map[string]string{
		"plain":               "plain",
		"  a   b \t c\n":      "a b c",
		"x\x1b[31mred\x1b[0m": "xred",
		"":                    "",
	} {
		if got := Line(in); got != want {
			t.Errorf("Line(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestClipCountsRunes(t *testing.T) {
	if got := Clip("héllo", 2); got != "hé" {
		t.Errorf("Clip = %q", got)
	}
	if got := Clip("ab", 5); got != "ab" {
		t.Errorf("Clip = %q", got)
	}
	if got := Clip("ab", 0); got != "" {
		t.Errorf("Clip = %q", got)
	}
}

func TestCellsAreExactWidth(t *testing.T) {
	cases := []struct{ got, want string }{
		{Cell("abcdef", 4), "abc…"},
		{Cell("ab", 4), "ab  "},
		{Cell("日本語", 4), "日… "},
		{Cell("x", 0), ""},
		{CellRight("ab", 4), "  ab"},
		{CellRight("abcdef", 3), "abc"},
		{FitWidth("abcdef", 3), "abc"},
		{FitWidth("a", 3), "a  "},
		{JoinEnds("left", 12, "right"), "left   right"},
		{JoinEnds("left", 8, "toolong", "r"), "left   r"},
		{JoinEnds("leftover", 5), "left…"},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("%d: got %q, want %q", i, c.got, c.want)
		}
	}
}

func TestIndentSkipsEmptyLines(t *testing.T) {
	got := Indent([]string{"a", "", "b"}, 2)
	if got[0] != "  a" || got[1] != "" || got[2] != "  b" {
		t.Errorf("Indent = %q", got)
	}
}

func TestAge(t *testing.T) {
	const now = 400 * 86400 * 2
	for _, c := range []struct {
		ago  int64
		want string
	}{{0, "now"}, {59, "now"}, {60, "1m"}, {7200, "2h"}, {3 * 86400, "3d"}, {99 * 86400, "99d"}, {100 * 86400, "14w"}, {366 * 86400, "1y"}} {
		if got := Age(now-c.ago, now); got != c.want {
			t.Errorf("Age(-%d) = %q, want %q", c.ago, got, c.want)
		}
	}
	if Age(0, now) != "now" {
		t.Error("a zero time is now")
	}
}

func TestAbsTimeAndZone(t *testing.T) {
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	if got := AbsTime(now.Unix(), now, nil); got != "Tue 24 Nov 12:00" {
		t.Errorf("AbsTime = %q", got)
	}
	last := now.AddDate(-1, 0, 0)
	if got := AbsTime(last.Unix(), now, time.UTC); got != "Mon 24 Nov 2025 12:00" {
		t.Errorf("AbsTime = %q", got)
	}
	if Zone("") != time.UTC || Zone("No/Such_Zone") != time.UTC {
		t.Error("unknown zones are UTC")
	}
}

func TestScrollStatus(t *testing.T) {
	if got := ScrollStatus(0, 10, 5, 80); got != "" {
		t.Errorf("all shows: %q", got)
	}
	if got := ScrollStatus(9, 10, 100, 80); got != "lines 10–19 of 100" {
		t.Errorf("got %q", got)
	}
	if got := ScrollStatus(45, 10, 100, 10); got != "50%" {
		t.Errorf("got %q", got)
	}
}

func TestJoinLinesPadsToHeight(t *testing.T) {
	if got := JoinLines([]string{"ab", "cd", "ef"}, "  ", 2); got != "ab\ncd" {
		t.Errorf("got %q", got)
	}
	if got := JoinLines([]string{"ab"}, "  ", 3); got != "ab\n  \n  " {
		t.Errorf("got %q", got)
	}
	if JoinLines(nil, " ", 0) != "" || JoinLines(nil, " ", -1) != "" {
		t.Error("no height, no lines")
	}
}

func TestStateLineIsIndentedAndCut(t *testing.T) {
	if got := StateLine(lipgloss.NewStyle(), "Loading…", 6); got != "  Loa…" {
		t.Errorf("got %q", got)
	}
	if got := StateLine(lipgloss.NewStyle(), "ok", 6); got != "  ok  " {
		t.Errorf("got %q", got)
	}
}

func TestBeside(t *testing.T) {
	if got := Beside("bar", "a\nb", "|", "1\n2", 2); got != "bar\na|1\nb|2" {
		t.Errorf("got %q", got)
	}
	if got := Beside("bar", "a", "|", "1", 0); got != "bar" {
		t.Errorf("no rows: %q", got)
	}
}

func TestFitBlock(t *testing.T) {
	if got := FitBlock("ab\nlonger\nc\nd", 3, 3); got != "ab \nlon\nc  " {
		t.Errorf("got %q", got)
	}
	if got := FitBlock("a", 2, 2); got != "a \n  " {
		t.Errorf("missing lines: %q", got)
	}
	if FitBlock("a", 2, 0) != "" {
		t.Error("no height, nothing")
	}
	if got := FitBlock("a", 0, 2); got != "\n" {
		t.Errorf("no width: %q", got)
	}
}
