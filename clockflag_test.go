package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/intercom-tui/intercom-tui/clock"
)

func TestClockFlagEmptyIsTheWallClock(t *testing.T) {
	c, err := clockFlag("")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := c.(clock.Real); !ok {
		t.Fatalf("clockFlag(\"\") = %T, want clock.Real", c)
	}
}

func TestClockFlagStopsTheClockAndNeverWaits(t *testing.T) {
	c, err := clockFlag("2026-11-26T12:00:00Z")
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	if err := c.Sleep(context.Background(), time.Hour); err != nil {
		t.Fatal(err)
	}
	if got := c.Now(); !got.Equal(want) {
		t.Fatalf("Now() after a sleep = %v, want %v", got, want)
	}
}

func TestClockFlagRejectsATimeThatIsNotRFC3339(t *testing.T) {
	_, err := clockFlag("26 Nov 2026")
	if err == nil || !strings.Contains(err.Error(), "RFC 3339") {
		t.Fatalf("err = %v, want one naming RFC 3339", err)
	}
}

func TestClockFlagIsHidden(t *testing.T) {
	root := newRootCmd(&strings.Builder{}, &strings.Builder{})
	serve, _, err := root.Find([]string{"serve-demo"})
	if err != nil {
		t.Fatal(err)
	}
	if f := root.Flags().Lookup("clock"); f == nil || !f.Hidden {
		t.Errorf("intercom-tui --clock: %+v, want a hidden flag", f)
	}
	if f := serve.Flags().Lookup("clock"); f == nil || !f.Hidden {
		t.Errorf("serve-demo --clock: %+v, want a hidden flag", f)
	}
}
