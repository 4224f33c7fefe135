// Package replies is saved replies: reply templates from the config file ([[replies]])
// and a folder of markdown files (replies_dir), and the filling of their placeholders
// ({{first_name}}, {{email}}, …) from the conversation being answered.
//
// A placeholder without a value is never filled with nothing: it stays in the text as
// itself ({{first_name}}), so the agent sees the hole, and Find reports it so that the
// composer can refuse to send it.
package replies

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/intercom-tui/intercom-tui/sanitize"
)

// Reply is one saved reply.
type Reply struct {
	Name string
	Body string
	// From is where it was defined, for messages: "config" or the file's path.
	From string
}

// Preview is the body's first non-blank line, for a picker row.
func (r Reply) Preview() string {
	for _, l := range strings.Split(r.Body, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}

// maxFileBytes bounds a reply file: a reply is a few paragraphs, so anything near this
// is not one (a binary or a log that landed in the folder).
const maxFileBytes = 64 << 10

// Load returns the config's replies followed by the folder's *.md files, sorted by name
// (case ignored). dir "" means no folder. A folder that is missing, unreadable or not a
// folder, a file that is not UTF-8 text or is empty, and a name used twice are errors
// that name the folder or file. Everything read is sanitized: a file may hold escape
// sequences that would otherwise reach the terminal through the composer.
func Load(fromConfig []Reply, dir string) ([]Reply, error) {
	var out []Reply
	for _, r := range fromConfig {
		r.Name, r.Body = strings.TrimSpace(sanitize.Line(r.Name)), cleanBody(r.Body)
		if r.From == "" {
			r.From = "config"
		}
		out = append(out, r)
	}
	if dir != "" {
		files, err := loadDir(dir)
		if err != nil {
			return nil, err
		}
		out = append(out, files...)
	}
	seen := map[string]Reply{}
	for _, r := range out {
		k := strings.ToLower(r.Name)
		if prev, ok := seen[k]; ok {
			return nil, fmt.Errorf("saved reply %q is defined twice (%s and %s): rename one", r.Name, prev.From, r.From)
		}
		seen[k] = r
	}
	sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out, nil
}

// loadDir reads every *.md file of dir (not its subfolders).
func loadDir(dir string) ([]Reply, error) {
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("replies_dir %s does not exist: create it or remove replies_dir from the config file", dir)
	case err != nil:
		return nil, fmt.Errorf("replies_dir %s: %w", dir, err)
	case !st.IsDir():
		return nil, fmt.Errorf("replies_dir %s is not a folder: it should hold one .md file per saved reply", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("replies_dir %s: %w", dir, err)
	}
	var out []Reply
	for _, e := range entries {
		if e.IsDir() || !strings.EqualFold(filepath.Ext(e.Name()), ".md") || strings.HasPrefix(e.Name(), ".") {
			continue // editors' dotfiles and backups are not replies
		}
		r, err := loadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// loadFile reads one reply: its name is the first line's "# heading" when it has one
// (the heading is not part of the body), else the file name without .md.
func loadFile(path string) (Reply, error) {
	st, err := os.Stat(path)
	if err != nil {
		return Reply{}, fmt.Errorf("saved reply %s: %w", path, err)
	}
	if st.Size() > maxFileBytes {
		return Reply{}, fmt.Errorf("saved reply %s is larger than %d bytes: is it a reply?", path, maxFileBytes)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return Reply{}, fmt.Errorf("saved reply %s: %w", path, err)
	}
	if !utf8.Valid(data) {
		return Reply{}, fmt.Errorf("saved reply %s is not UTF-8 text", path)
	}
	text := strings.TrimPrefix(strings.ReplaceAll(string(data), "\r\n", "\n"), "\ufeff")
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	trimmed := strings.TrimLeft(text, " \t\n")
	if first, rest, _ := strings.Cut(trimmed, "\n"); strings.HasPrefix(first, "# ") {
		if h := strings.TrimSpace(strings.TrimPrefix(first, "# ")); h != "" {
			name, text = h, rest
		}
	}
	r := Reply{Name: strings.TrimSpace(sanitize.Line(name)), Body: cleanBody(text), From: path}
	if r.Body == "" {
		return Reply{}, fmt.Errorf("saved reply %s has no text", path)
	}
	return r, nil
}

// cleanBody sanitizes a body and trims the blank lines around it (a file's trailing
// newline is not part of the reply).
func cleanBody(s string) string {
	s = sanitize.String(strings.ReplaceAll(s, "\r\n", "\n"))
	return strings.Trim(strings.TrimRight(s, " \t\n"), "\n")
}

// placeholderRE is a placeholder: {{name}}, spaces inside the braces tolerated.
var placeholderRE = regexp.MustCompile(`\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}`)
