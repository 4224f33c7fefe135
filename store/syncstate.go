package store

import (
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// SyncState is the bookkeeping of one synced resource ("articles", "conversations", …).
type SyncState struct {
	Resource string
	// Cursor is the starting_after of the next page of an unfinished run, "" otherwise.
	Cursor string
	// HighWater is the newest updated_at of the last finished run: everything at or
	// below it was synced.
	HighWater int64
	// RunSince is the updated_at lower bound the current run queries with; RunHigh the
	// newest updated_at it has seen. Both matter only while Done is false.
	RunSince   int64
	RunHigh    int64
	StartedAt  time.Time
	FinishedAt time.Time
	Done       bool
}

// SyncState is the state of resource; a resource never synced has a zero state.
func (s *Store) SyncState(resource string) (SyncState, error) {
	st := SyncState{Resource: resource}
	var started, finished int64
	var done int
	err := s.db.QueryRow(`SELECT cursor, high_water_updated_at, run_since, run_high, started_at, finished_at, done
		FROM sync_state WHERE resource = ?`, resource).
		Scan(&st.Cursor, &st.HighWater, &st.RunSince, &st.RunHigh, &started, &finished, &done)
	if errors.Is(err, sql.ErrNoRows) {
		return st, nil
	}
	if err != nil {
		return st, fmt.Errorf("store: sync state: %w", err)
	}
	st.StartedAt, st.FinishedAt, st.Done = unixTime(started), unixTime(finished), done != 0
	return st, nil
}

// SetSyncState saves st under st.Resource.
func (s *Store) SetSyncState(st SyncState) error {
	done := 0
	if st.Done {
		done = 1
	}
	return s.write(func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO sync_state(resource, cursor, high_water_updated_at, run_since, run_high,
				started_at, finished_at, done) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT(resource) DO UPDATE SET cursor = excluded.cursor,
				high_water_updated_at = excluded.high_water_updated_at, run_since = excluded.run_since,
				run_high = excluded.run_high, started_at = excluded.started_at,
				finished_at = excluded.finished_at, done = excluded.done`,
			st.Resource, st.Cursor, st.HighWater, st.RunSince, st.RunHigh,
			timeUnix(st.StartedAt), timeUnix(st.FinishedAt), done)
		if err != nil {
			return fmt.Errorf("store: sync state: %w", err)
		}
		return nil
	})
}

func unixTime(u int64) time.Time {
	if u == 0 {
		return time.Time{}
	}
	return time.Unix(u, 0)
}

func timeUnix(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}
