// Package store is the offline cache: one SQLite file per workspace (modernc.org/sqlite,
// no cgo) in WAL mode, holding the help center and the conversations, contacts and
// tickets the user has loaded, with FTS5 search over articles and conversation parts.
//
// A Store is safe for concurrent use, and several processes may share one file: writes
// are serialised in-process by a mutex and across processes by SQLite's lock with a busy
// timeout. A damaged file is moved aside and rebuilt on Open (see Notice).
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"modernc.org/sqlite"
)

// ErrNotFound is returned by the single-item getters when the store lacks the item.
var ErrNotFound = errors.New("store: not in the offline store")

// ErrNewerSchema is returned by Open for a file written by a newer intercom-tui.
var ErrNewerSchema = errors.New("store: the offline store was written by a newer intercom-tui")

// Store is one workspace's offline cache.
type Store struct {
	db     *sql.DB
	path   string
	notice string
	wmu    sync.Mutex // one writer at a time in this process
}

// sqliteHeader opens every SQLite database file.
const sqliteHeader = "SQLite format 3\x00"

// Open opens (creating it, its directories 0700 and the file 0600) the store at path and
// migrates it to the current schema. A file that is not a database, or fails
// PRAGMA quick_check, is moved to "<path>.corrupt-<unix>" and a fresh store is created
// in its place; Notice then says so.
func Open(path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	st, err := open(path)
	if err == nil || !isDamage(err) {
		return st, err
	}
	moved, merr := moveAside(path)
	if merr != nil {
		return nil, fmt.Errorf("store: %s is damaged (%v) and cannot be moved aside: %w", path, err, merr)
	}
	st, err = open(path)
	if err != nil {
		return nil, err
	}
	// Short enough for a toast: the folder is the cache directory, the names tell the rest.
	st.notice = fmt.Sprintf("The offline store was damaged and has been rebuilt (the old file is kept as %s beside it)", filepath.Base(moved))
	return st, nil
}

// Notice is a sentence for the user when Open had to rebuild a damaged store, else "".
func (s *Store) Notice() string { return s.notice }

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// damageError marks a file that is not a sound SQLite database.
type damageError struct{ msg string }

func (e *damageError) Error() string { return "store: damaged database: " + e.msg }

func isDamage(err error) bool {
	var d *damageError
	if errors.As(err, &d) {
		return true
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case 11, 26: // SQLITE_CORRUPT, SQLITE_NOTADB
			return true
		}
	}
	return false
}

func open(path string) (*Store, error) {
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	_ = f.Close()
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	st := &Store{db: db, path: path}
	if err := st.check(); err != nil {
		_ = db.Close()
		return nil, err
	}
	if err := st.migrate(); err != nil {
		_ = db.Close()
		return nil, err
	}
	return st, nil
}

// checkHeader rejects a non-empty file that does not start as a SQLite database does
// (SQLite itself would only notice on the first real read).
func checkHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	defer f.Close()
	buf := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, buf)
	switch {
	case n == 0 && (err == io.EOF):
		return nil // empty: SQLite makes it a new database
	case err != nil || string(buf) != sqliteHeader:
		return &damageError{"not an SQLite database"}
	}
	return nil
}

func (s *Store) check() error {
	rows, err := s.db.Query("PRAGMA quick_check")
	if err != nil {
		if isDamage(err) {
			return err
		}
		return fmt.Errorf("store: quick_check: %w", err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return &damageError{err.Error()}
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		if isDamage(err) {
			return err
		}
		return fmt.Errorf("store: quick_check: %w", err)
	}
	if len(problems) > 0 {
		return &damageError{strings.Join(problems[:min(3, len(problems))], "; ")}
	}
	return nil
}

func (s *Store) migrate() error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	ctx := context.Background()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	defer conn.Close()
	// BEGIN IMMEDIATE (the _txlock) takes the write lock before reading the version, so
	// two processes opening a new file do not both run the same step.
	for {
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("store: migrate: %w", err)
		}
		var v int
		if err := tx.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
			_ = tx.Rollback()
			return fmt.Errorf("store: migrate: %w", err)
		}
		if v > len(migrations) {
			_ = tx.Rollback()
			return fmt.Errorf("%w (schema %d, this build knows %d)", ErrNewerSchema, v, len(migrations))
		}
		if v == len(migrations) {
			return tx.Rollback()
		}
		if _, err := tx.Exec(migrations[v]); err != nil {
			_ = tx.Rollback()
			return fmt.Errorf("store: migrate to schema %d: %w", v+1, err)
		}
		if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			_ = tx.Rollback()
			return fmt.Errorf("store: migrate to schema %d: %w", v+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("store: migrate to schema %d: %w", v+1, err)
		}
	}
}

// moveAside renames the damaged file (and its WAL and shared-memory files) out of the way.
func moveAside(path string) (string, error) {
	dst := fmt.Sprintf("%s.corrupt-%d", path, time.Now().Unix())
	if err := os.Rename(path, dst); err != nil {
		return "", err
	}
	for _, ext := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + ext); err == nil {
			_ = os.Rename(path+ext, dst+ext)
		}
	}
	return dst, nil
}

// write runs fn in one IMMEDIATE transaction, one writer at a time in this process.
func (s *Store) write(fn func(tx *sql.Tx) error) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	tx, err := s.db.Begin()
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

// PathFor is where the store of a workspace lives:
// $XDG_CACHE_HOME/intercom-tui/<key>.db, else ~/.cache/intercom-tui/<key>.db. The key
// (the workspace's app id_code) is reduced to letters, digits, '-' and '_'.
func PathFor(workspaceKey string) (string, error) {
	base := os.Getenv("XDG_CACHE_HOME")
	if base == "" || !filepath.IsAbs(base) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("store: no cache directory: %w", err)
		}
		base = filepath.Join(home, ".cache")
	}
	return filepath.Join(base, "intercom-tui", safeKey(workspaceKey)+".db"), nil
}

func safeKey(k string) string {
	var b strings.Builder
	for _, r := range k {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
		if b.Len() >= 64 {
			break
		}
	}
	if b.Len() == 0 {
		return "default"
	}
	return b.String()
}
