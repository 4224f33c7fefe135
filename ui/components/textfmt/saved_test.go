package textfmt

import (
	"testing"
	"time"
)

func TestSaved(t *testing.T) {
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	for at, want := range map[time.Time]string{
		time.Date(2026, 11, 26, 9, 5, 0, 0, time.UTC):  "saved 09:05",
		time.Date(2026, 11, 23, 14, 5, 0, 0, time.UTC): "saved 23 Nov 14:05",
		time.Date(2025, 12, 31, 23, 0, 0, 0, time.UTC): "saved 31 Dec 2025",
	} {
		if got := Saved(at, now, nil); got != want {
			t.Errorf("Saved(%v) = %q, want %q", at, got, want)
		}
	}
	// The day is the workspace's: 23:30 UTC is already tomorrow in Tokyo.
	tokyo := time.FixedZone("JST", 9*3600)
	if got := Saved(time.Date(2026, 11, 25, 23, 30, 0, 0, time.UTC), now, tokyo); got != "saved 08:30" {
		t.Errorf("in Tokyo: %q", got)
	}
}
