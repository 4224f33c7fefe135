package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/intercom-tui/intercom-tui/models"
)

// Directory is the last workspace directory loaded from the network: who is signed in,
// the admins and the teams, and when it was saved.
type Directory struct {
	Me      models.Me      `json:"me"`
	Admins  []models.Admin `json:"admins"`
	Teams   []models.Team  `json:"teams"`
	SavedAt time.Time      `json:"-"`
}

// PutDirectory replaces the saved directory with d (SavedAt is taken from d).
func (s *Store) PutDirectory(d Directory) error {
	raw, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("store: directory: %w", err)
	}
	return s.write(func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO directory(id, saved_at, json) VALUES (1, ?, ?)
			ON CONFLICT(id) DO UPDATE SET saved_at = excluded.saved_at, json = excluded.json`,
			timeUnix(d.SavedAt), string(raw))
		if err != nil {
			return fmt.Errorf("store: directory: %w", err)
		}
		return nil
	})
}

// Directory is the saved directory, or ErrNotFound when none was saved.
func (s *Store) Directory() (Directory, error) {
	var d Directory
	var saved int64
	var raw string
	err := s.db.QueryRow(`SELECT saved_at, json FROM directory WHERE id = 1`).Scan(&saved, &raw)
	if errors.Is(err, sql.ErrNoRows) {
		return d, ErrNotFound
	}
	if err != nil {
		return d, fmt.Errorf("store: directory: %w", err)
	}
	if err := json.Unmarshal([]byte(raw), &d); err != nil {
		return Directory{}, fmt.Errorf("store: directory: %w", err)
	}
	d.SavedAt = unixTime(saved)
	return d, nil
}
