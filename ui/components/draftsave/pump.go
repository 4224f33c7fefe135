package draftsave

import "time"

// Pump is the bookkeeping of one draft's disk operations, which a pane keeps in its
// draft's state: at most one save or delete in flight; a changed text saved at once
// and then, throttled, at most every SaveEvery; a failed save tried again; the file
// deleted once a send is confirmed. The pane runs the operations Next names.
type Pump struct {
	Issued string // the text of the last save issued (in flight or done)
	Retry  bool   // save again even if the text is unchanged (the last save failed)
	Busy   bool   // a save or a delete is in flight
	Window bool   // a throttled save was issued less than SaveEvery ago
	Gen    uint64 // the window's tick; older ticks are ignored
	Remove bool   // delete the file when nothing is in flight (the text was sent)

	// Edit is the latest composer message applied (composer.Seq): the composer's edits
	// arrive through commands, which Bubble Tea runs concurrently, so one keystroke's
	// text can arrive after the next one's and must not replace it.
	Edit uint64

	SavedAt string // when the text last reached the disk, "15:04"
	SaveErr error  // why the last save failed, until one succeeds
}

// Step is what a draft's pump does next.
type Step int

const (
	StepWait    Step = iota // an operation is in flight, or the window holds a changed text back
	StepDelete              // delete the file
	StepSave                // save the text
	StepSettled             // nothing to do and nothing pending
)

// Next is the step for a draft whose latest text is text: nothing while an operation is
// in flight, else the delete a confirmed send asked for, else a save of a changed text
// once the window allows.
func (s Pump) Next(text string) Step {
	switch {
	case s.Busy:
		return StepWait
	case s.Remove:
		return StepDelete
	case text != s.Issued || s.Retry:
		if s.Window {
			return StepWait
		}
		return StepSave
	case s.Window:
		return StepWait
	}
	return StepSettled
}

// StartDelete records that the delete was issued.
func (s *Pump) StartDelete() { s.Busy, s.Remove = true, false }

// StartSave records that a save of text was issued. throttled opens the window; its
// tick carries the generation returned.
func (s *Pump) StartSave(text string, throttled bool) (gen uint64) {
	s.Busy, s.Retry, s.Issued = true, false, text
	if throttled {
		s.Window = true
		s.Gen++
	}
	return s.Gen
}

// SaveDone records a save's answer (err, else the time at which the text reached the
// disk): nothing is in flight any more.
func (s *Pump) SaveDone(err error, at time.Time) {
	s.Busy = false
	if err != nil {
		s.SaveErr = err // shown by the composer; the next edit or close tries again
		return
	}
	s.SaveErr, s.SavedAt = nil, at.Format("15:04")
}

// Flush is the composer closing: the next save goes at once (the window's pending tick
// is moot), and a failed one is tried again even if the text is unchanged.
func (s *Pump) Flush() {
	s.Window = false
	s.Gen++
	s.Retry = s.SaveErr != nil
}

// Newer records a composer message numbered seq and reports whether it is newer than
// every one applied before; 0 (an unnumbered message) always is.
func (s *Pump) Newer(seq uint64) bool {
	if seq == 0 {
		return true
	}
	if seq <= s.Edit {
		return false
	}
	s.Edit = seq
	return true
}
