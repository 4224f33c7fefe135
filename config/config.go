package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// maxFileBytes bounds what Load reads: a config file is a few hundred bytes, so anything
// near this is not one.
const maxFileBytes = 1 << 20

// Config is the TOML config file. Unknown keys are errors, so a typo never silently does
// nothing. Issue #10 adds its sections here as fields of their own ([profiles.NAME],
// [keys], [theme], [[replies]], [[commands]]); each section's checks live in its own file.
type Config struct {
	// Profile holds the top level's workspace settings (token, token_command,
	// base_url, region, phone_region, refresh, default_view): the same keys a
	// [profiles.NAME] table takes, which win over these.
	Profile
	// DefaultProfile is used when --profile (or INTERCOM_PROFILE) names none.
	DefaultProfile string `toml:"default_profile"`
	// Profiles are other workspaces ([profiles.NAME]); a profile's settings win over
	// the top-level ones.
	Profiles map[string]Profile `toml:"profiles"`
	// Keys rebinds actions: close = ["x"]. keymap.Apply checks the names and keys.
	Keys map[string][]string `toml:"keys"`
	// Theme is the [theme] table: mode, icons and colours by role (theme.go).
	Theme Theme `toml:"theme"`
	// Replies are saved replies ([[replies]]); RepliesDir is a folder of markdown
	// files, one reply each (replies.go).
	Replies    []Reply `toml:"replies"`
	RepliesDir string  `toml:"replies_dir"`
	// Commands are shell commands bound to keys ([[commands]], commands.go).
	Commands []Command `toml:"commands"`
	// Bell rings the terminal bell when a refresh finds new unassigned conversations.
	Bell bool `toml:"bell"`
	// Mouse = false leaves the mouse to the terminal (its own text selection): no
	// clicks, no wheel. Unset (nil) is on; --mouse wins over it.
	Mouse *bool `toml:"mouse"`
}

// hasSecret reports whether the file holds a token or a way to get one.
func (c Config) hasSecret() bool {
	for _, p := range c.Profiles {
		if p.Token != "" || p.TokenCommand != "" {
			return true
		}
	}
	return c.Token != "" || c.TokenCommand != ""
}

// String keeps the token out of anything that prints a Config (%v, panics).
func (c Config) String() string {
	tok := ""
	if c.Token != "" {
		tok = redactedMark
	}
	names := make([]string, 0, len(c.Profiles))
	for n := range c.Profiles {
		names = append(names, n)
	}
	sort.Strings(names)
	return fmt.Sprintf("{token:%q token_command:%q base_url:%q region:%q profiles:%v}", tok, c.TokenCommand, c.BaseURL, c.Region, names)
}

// GoString is String for %#v.
func (c Config) GoString() string { return "config.Config" + c.String() }

// File is a loaded config file.
type File struct {
	Path   string // where it was looked for, for messages
	Exists bool   // false: no file there, Config is empty
	Config Config
	// Profile is the profile Select merged into Config, "" for none.
	Profile string
	text    string // the file's text, to find a key's line for messages
}

// Line is the line where the dotted key is set (or its table opened), 0 when unknown.
func (f *File) Line(key ...string) int {
	if f == nil {
		return 0
	}
	return keyLine(f.text, toml.Key(key))
}

// DefaultPath is $XDG_CONFIG_HOME/intercom-tui/config.toml (os.UserConfigDir).
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("no config directory: %w", err)
	}
	return filepath.Join(dir, "intercom-tui", "config.toml"), nil
}

// Load reads the config file at path. A missing file is an empty config unless
// required (the user named it with --config). A file holding a token or token_command
// that others can read is refused with the chmod that fixes it.
func Load(path string, required bool) (*File, error) {
	f := &File{Path: path}
	fh, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) && !required {
		return f, nil
	}
	if err != nil {
		return nil, fmt.Errorf("config file: %w", err)
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return nil, fmt.Errorf("config file: %w", err)
	}
	if st.IsDir() {
		return nil, fmt.Errorf("config file %s is a directory", path)
	}
	data, err := io.ReadAll(io.LimitReader(fh, maxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("config file: %w", err)
	}
	if len(data) > maxFileBytes {
		return nil, fmt.Errorf("config file %s is larger than %d bytes", path, maxFileBytes)
	}
	cfg, err := Parse(path, data)
	if err != nil {
		return nil, err
	}
	if err := checkMode(path, st.Mode(), cfg); err != nil {
		return nil, err
	}
	f.Exists, f.Config, f.text = true, cfg, string(data)
	return f, nil
}

// checkMode refuses secrets in a file the group or others can read. Windows has no such
// mode bits, so the check is Unix only.
func checkMode(path string, mode fs.FileMode, cfg Config) error {
	if runtime.GOOS == "windows" || !cfg.hasSecret() || mode.Perm()&0o077 == 0 {
		return nil
	}
	what := "a token"
	if cfg.Token == "" {
		what = "a token_command"
	}
	return fmt.Errorf("config file %s holds %s but others can read it (mode %04o); fix it with: chmod 600 %s",
		path, what, mode.Perm(), shellQuote(path))
}

// Parse decodes a config file's text; name is the file for messages. Errors name the
// file and line (and column for syntax errors), never a value: a value may be the token.
func Parse(name string, data []byte) (Config, error) {
	var cfg Config
	md, err := toml.Decode(string(data), &cfg)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return Config{}, fmt.Errorf("config file %s:%d:%d: %s", name, pe.Position.Line, pe.Position.Col, scrubQuoted(pe.Message))
		}
		// Type mismatches ("toml: line 3 (last key "token"): incompatible types …")
		// name the line and the types, not the value.
		return Config{}, fmt.Errorf("config file %s: %s", name, strings.TrimPrefix(err.Error(), "toml: "))
	}
	if und := md.Undecoded(); len(und) > 0 {
		key := und[0]
		if line := keyLine(string(data), key); line > 0 {
			return Config{}, fmt.Errorf("config file %s:%d: unknown key %q", name, line, key.String())
		}
		return Config{}, fmt.Errorf("config file %s: unknown key %q", name, key.String())
	}
	if err := cfg.check(name, string(data)); err != nil {
		return Config{}, err
	}
	return cfg, nil
}

// quotedRE finds quoted fragments in a TOML syntax message ("found \"abc\" instead"):
// on a token line they would be part of the token.
var quotedRE = regexp.MustCompile(`"[^"]{2,}"|'[^']{2,}'`)

func scrubQuoted(msg string) string { return quotedRE.ReplaceAllString(msg, `"…"`) }

// keyLine finds the line where key is set or its table opened. BurntSushi/toml keeps
// key positions private, so this reads the text: table headers and `key =` lines, with
// dotted and quoted keys. An array of tables' entry is named by its index as a key part
// ("replies", "2", "name": the third [[replies]]'s name), so that a check of one entry
// points at its own line. It only locates an already-parsed key; 0 when unsure.
func keyLine(text string, key toml.Key) int {
	var table, indexed []string
	count := map[string]int{} // [[array]] headers seen, by name
	match := func(full []string) bool {
		return sameKey(full, key) || (len(full) > len(key) && sameKey(full[:len(key)], key))
	}
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || line[0] == '#':
			continue
		case strings.HasPrefix(line, "["):
			hdr := strings.Trim(strings.SplitN(line, "]", 2)[0], "[ \t")
			indexed = nil
			if strings.HasPrefix(line, "[[") {
				hdr = strings.Trim(strings.SplitN(line, "]]", 2)[0], "[ \t")
				indexed = append(splitKey(hdr), strconv.Itoa(count[hdr]))
				count[hdr]++
			}
			table = splitKey(hdr)
			if sameKey(table, key) || (indexed != nil && sameKey(indexed, key)) {
				return i + 1
			}
		default:
			eq := strings.IndexByte(line, '=')
			if eq <= 0 {
				continue
			}
			k := splitKey(line[:eq])
			if match(append(append([]string{}, table...), k...)) || (indexed != nil && match(append(append([]string{}, indexed...), k...))) {
				return i + 1
			}
		}
	}
	return 0
}

// splitKey splits a dotted key ("a.\"b.c\".d") into its parts, unquoted.
func splitKey(s string) []string {
	var parts []string
	var cur strings.Builder
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0 && c == quote:
			quote = 0
		case quote != 0:
			cur.WriteByte(c)
		case c == '"' || c == '\'':
			quote = c
		case c == '.':
			parts = append(parts, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(c)
		}
	}
	return append(parts, strings.TrimSpace(cur.String()))
}

func sameKey(a []string, k toml.Key) bool {
	if len(a) != len(k) {
		return false
	}
	for i := range a {
		if a[i] != k[i] {
			return false
		}
	}
	return true
}

// shellQuote quotes a path for the chmod hint only when it needs it.
func shellQuote(p string) string {
	if !strings.ContainsAny(p, " \t\n'\"\\$`;&|<>()*?[]#~!{}") {
		return p
	}
	return "'" + strings.ReplaceAll(p, "'", `'\''`) + "'"
}
