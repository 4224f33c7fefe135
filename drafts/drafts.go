// Package drafts keeps unsent replies and notes on disk, one file per workspace,
// conversation and kind, so that a draft survives closing the composer, quitting, and a
// crash or a killed process.
//
// Layout: <dir>/<workspace>/<conversation>.<kind>.json, directories 0700, files 0600.
// A save writes a temporary file in the same directory, syncs it and renames it over
// the draft, so a reader (or the next start after a crash) sees the old draft or the
// new one, never a torn one. Temporary files a killed process left behind are ignored,
// and removed by the next Open once they are old enough not to be another process's
// save in progress.
package drafts

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// Kind is what a draft will be sent as.
type Kind string

// The kinds of drafts.
const (
	Reply       Kind = "reply"        // a reply the customer sees
	Note        Kind = "note"         // an internal note only teammates see
	ContactNote Kind = "contact-note" // a note on a contact (the id is the contact's)
	TicketNote  Kind = "ticket-note"  // a note on a ticket (the id is the ticket's)
)

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool { return k == Reply || k == Note || k == ContactNote || k == TicketNote }

// Internal reports a kind only teammates see (every kind but Reply).
func (k Kind) Internal() bool { return k.Valid() && k != Reply }

// Key names one draft.
type Key struct {
	Workspace      string // WorkspaceKey of the workspace
	ConversationID string
	Kind           Kind
}

// Draft is one unsent text and when it was last saved. It is stored as JSON.
type Draft struct {
	Version        int       `json:"version"`
	Workspace      string    `json:"workspace"`
	ConversationID string    `json:"conversation_id"`
	Kind           Kind      `json:"kind"`
	Updated        time.Time `json:"updated"`
	Text           string    `json:"text"` // exactly as typed
}

// Key is the key the draft is stored under.
func (d Draft) Key() Key { return Key{d.Workspace, d.ConversationID, d.Kind} }

// formatVersion is the version of the file format written.
const formatVersion = 1

// staleTemp is how old a temporary file must be before Open removes it: a save takes
// milliseconds, so an older one was left by a process that died mid-save.
const staleTemp = time.Minute

// ErrCorrupt is wrapped by Load when a draft file cannot be decoded.
var ErrCorrupt = errors.New("draft file is corrupt")

// Store is the drafts under one directory. It is safe for concurrent use, and several
// processes may share a directory (the last save wins).
type Store struct {
	dir string
	mu  sync.Mutex // serialises this process's writes, so a save and a delete never interleave
}

// DefaultDir is $XDG_STATE_HOME/intercom-tui/drafts, else
// ~/.local/state/intercom-tui/drafts.
func DefaultDir() (string, error) {
	if d := os.Getenv("XDG_STATE_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "intercom-tui", "drafts"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return "", fmt.Errorf("no directory for drafts: set XDG_STATE_HOME or HOME (%v)", err)
	}
	return filepath.Join(home, ".local", "state", "intercom-tui", "drafts"), nil
}

// Open returns the store in dir, creating the directory (0700) and removing temporary
// files that crashed saves left behind.
func Open(dir string) (*Store, error) {
	if dir == "" {
		return nil, errors.New("opening drafts: no directory given")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("opening drafts: %w", err)
	}
	s := &Store{dir: dir}
	s.cleanTemps(time.Now().Add(-staleTemp))
	return s, nil
}

// Dir is the store's directory.
func (s *Store) Dir() string { return s.dir }

// WorkspaceKey names a workspace for the store: its app id_code when known, else the
// host of the API base URL. Path has the result made safe for a file name.
func WorkspaceKey(idCode, baseURL string) string {
	if idCode != "" {
		return idCode
	}
	if u, err := url.Parse(baseURL); err == nil && u.Host != "" {
		return u.Host
	}
	if baseURL != "" {
		return baseURL
	}
	return "default"
}

// Path is the file a draft is stored in.
func (s *Store) Path(k Key) string {
	return filepath.Join(s.dir, safeName(k.Workspace), safeName(k.ConversationID)+"."+string(k.Kind)+".json")
}

func (k Key) check() error {
	switch {
	case k.ConversationID == "":
		return errors.New("no conversation id")
	case !k.Kind.Valid():
		return fmt.Errorf("unknown draft kind %q", k.Kind)
	}
	return nil
}

// what names a draft in errors: "reply draft for #123".
func (k Key) what() string {
	kind := string(k.Kind)
	if !k.Kind.Valid() {
		kind = "draft"
	} else {
		kind += " draft"
	}
	return fmt.Sprintf("%s for #%s", kind, safeName(k.ConversationID))
}

// Save stores d, replacing the draft under its key atomically. A draft whose text is
// empty or only white space is deleted instead: there is nothing to keep.
func (s *Store) Save(d Draft) error {
	k := d.Key()
	if err := k.check(); err != nil {
		return fmt.Errorf("saving %s: %w", k.what(), err)
	}
	if strings.TrimSpace(d.Text) == "" {
		return s.Delete(k)
	}
	d.Version = formatVersion
	data, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("saving %s: %w", k.what(), err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := writeAtomic(s.Path(k), data); err != nil {
		return fmt.Errorf("saving %s: %w", k.what(), err)
	}
	return nil
}

// writeAtomic replaces path with data: a temporary file in the same directory, synced,
// then renamed over path, then the directory synced so the rename survives a crash.
func writeAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			_ = os.Remove(tmp)
		}
	}()
	if err := f.Chmod(0o600); err != nil {
		_ = f.Close()
		return err
	}
	if _, err := f.Write(data); err != nil {
		_ = f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		_ = f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename in dir durable. Some file systems cannot sync a directory;
// the rename has happened either way, so that is not an error.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// Load reads the draft under k. found is false, with no error, when there is none. A
// file that does not decode is reported with ErrCorrupt and left in place.
func (s *Store) Load(k Key) (d Draft, found bool, err error) {
	if err := k.check(); err != nil {
		return Draft{}, false, fmt.Errorf("reading %s: %w", k.what(), err)
	}
	d, err = readDraft(s.Path(k))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Draft{}, false, nil
	case err != nil:
		return Draft{}, false, fmt.Errorf("reading %s: %w", k.what(), err)
	case d.ConversationID != k.ConversationID || d.Kind != k.Kind:
		return Draft{}, false, fmt.Errorf("reading %s: %w: it is for #%s (%s)", k.what(), ErrCorrupt, safeName(d.ConversationID), d.Kind)
	}
	return d, true, nil
}

func readDraft(path string) (Draft, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Draft{}, err
	}
	var d Draft
	if err := json.Unmarshal(data, &d); err != nil {
		return Draft{}, fmt.Errorf("%w (%s): %v", ErrCorrupt, path, err)
	}
	if d.Version != formatVersion || !d.Kind.Valid() || d.ConversationID == "" {
		return Draft{}, fmt.Errorf("%w (%s): version %d, kind %q", ErrCorrupt, path, d.Version, d.Kind)
	}
	return d, nil
}

// Delete removes the draft under k; there being none is not an error.
func (s *Store) Delete(k Key) error {
	if err := k.check(); err != nil {
		return fmt.Errorf("deleting %s: %w", k.what(), err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	path := s.Path(k)
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("deleting %s: %w", k.what(), err)
	}
	syncDir(filepath.Dir(path))
	return nil
}

// List returns a workspace's drafts, most recently updated first. Files that do not
// decode are skipped and reported together in the error; the drafts that do are still
// returned.
func (s *Store) List(workspace string) ([]Draft, error) {
	dir := filepath.Join(s.dir, safeName(workspace))
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("listing drafts: %w", err)
	}
	var out []Draft
	var errs []error
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ".json") {
			continue // temporary files and strangers
		}
		d, err := readDraft(filepath.Join(dir, name))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, d)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Updated.After(out[j].Updated) })
	if len(errs) > 0 {
		return out, fmt.Errorf("listing drafts: %w", errors.Join(errs...))
	}
	return out, nil
}

// cleanTemps removes temporary files last written before cutoff, in the store's
// directory and each workspace's.
func (s *Store) cleanTemps(cutoff time.Time) {
	dirs := []string{s.dir}
	if entries, err := os.ReadDir(s.dir); err == nil {
		for _, e := range entries {
			if e.IsDir() {
				dirs = append(dirs, filepath.Join(s.dir, e.Name()))
			}
		}
	}
	for _, dir := range dirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || !isTemp(name) {
				continue
			}
			if info, err := e.Info(); err == nil && info.ModTime().Before(cutoff) {
				_ = os.Remove(filepath.Join(dir, name))
			}
		}
	}
}

func isTemp(name string) bool { return strings.HasPrefix(name, ".") && strings.HasSuffix(name, ".tmp") }

// safeName makes s a file name: letters, digits, '-', '_' and inner dots are kept;
// anything else (path separators, "..", control characters, a leading dot) is replaced,
// and a short hash of the original keeps different ids apart.
func safeName(s string) string {
	const maxLen = 64
	clean := s != "" && len(s) <= maxLen && s[0] != '.'
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		case r == '.' && b.Len() > 0:
			b.WriteRune(r)
		default:
			b.WriteByte('_')
			clean = false
		}
	}
	if clean && !strings.Contains(s, "..") {
		return s
	}
	name := b.String()
	if len(name) > 40 {
		name = name[:40]
	}
	sum := sha256.Sum256([]byte(s))
	return name + "~" + hex.EncodeToString(sum[:4])
}
