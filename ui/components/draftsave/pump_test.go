package draftsave

import (
	"errors"
	"testing"
	"time"
)

func TestPumpSteps(t *testing.T) {
	var s Pump
	if s.Next("") != StepSettled {
		t.Fatal("a new empty draft has nothing to do")
	}
	if s.Next("a") != StepSave {
		t.Fatal("a changed text is saved")
	}
	gen := s.StartSave("a", true)
	if gen != 1 || !s.Busy || !s.Window || s.Issued != "a" {
		t.Fatalf("after a throttled save: %+v", s)
	}
	if s.Next("ab") != StepWait {
		t.Fatal("one operation in flight at a time")
	}
	s.Busy = false
	if s.Next("ab") != StepWait {
		t.Fatal("the window holds a changed text back")
	}
	if s.Next("a") != StepWait {
		t.Fatal("an open window is pending")
	}
	s.Window = false
	if s.Next("ab") != StepSave || s.Next("a") != StepSettled {
		t.Fatal("the window closed")
	}
	s.Retry = true
	if s.Next("a") != StepSave {
		t.Fatal("a failed save is tried again")
	}
	s.StartSave("a", false)
	if s.Window || s.Gen != 1 || s.Retry {
		t.Fatalf("an unthrottled save: %+v", s)
	}
	s.Busy, s.Remove = false, true
	if s.Next("a") != StepDelete {
		t.Fatal("a confirmed send deletes the file")
	}
	s.StartDelete()
	if !s.Busy || s.Remove || s.Next("") != StepWait {
		t.Fatalf("after the delete: %+v", s)
	}
}

func TestPumpSaveDoneAndFlush(t *testing.T) {
	at := time.Date(2026, 11, 24, 9, 5, 0, 0, time.UTC)
	s := Pump{Busy: true, Window: true, Gen: 3}
	s.SaveDone(errors.New("disk full"), at)
	if s.Busy || s.SaveErr == nil || s.SavedAt != "" {
		t.Fatalf("a failed save: %+v", s)
	}
	s.Flush()
	if s.Window || s.Gen != 4 || !s.Retry {
		t.Fatalf("a flush after a failed save: %+v", s)
	}
	s.Busy = true
	s.SaveDone(nil, at)
	if s.Busy || s.SaveErr != nil || s.SavedAt != "09:05" {
		t.Fatalf("a save: %+v", s)
	}
	s.Flush()
	if s.Retry {
		t.Fatal("nothing failed: nothing to retry")
	}
}
