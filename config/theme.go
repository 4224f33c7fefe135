package config

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Theme is the [theme] table.
type Theme struct {
	// Mode is auto (from the terminal's background, the default), dark or light.
	Mode string `toml:"mode"`
	// Icons is plain (any font, the default) or nerd (Nerd Font glyphs).
	Icons string `toml:"icons"`
	// Dark and Light set colours by role over the built-in palettes: accent = "#7C3AED".
	Dark  map[string]string `toml:"dark"`
	Light map[string]string `toml:"light"`
}

// ThemeModes and IconSets are the values mode and icons accept.
var (
	ThemeModes = []string{"auto", "dark", "light"}
	IconSets   = []string{"plain", "nerd"}
)

// checkTheme validates the [theme] table: the mode, the icon set and the colours'
// syntax. The role names belong to the theme package (config does not import ui), so
// the caller checks those against it, with File.Line for the place.
func (c *Config) checkTheme(at func(key ...string) string) error {
	t := &c.Theme
	t.Mode = strings.ToLower(strings.TrimSpace(t.Mode))
	t.Icons = strings.ToLower(strings.TrimSpace(t.Icons))
	if t.Mode != "" && !slices.Contains(ThemeModes, t.Mode) {
		return fmt.Errorf("%s: must be one of %s, got %q", at("theme", "mode"), strings.Join(ThemeModes, ", "), t.Mode)
	}
	if t.Icons != "" && !slices.Contains(IconSets, t.Icons) {
		return fmt.Errorf("%s: must be one of %s, got %q", at("theme", "icons"), strings.Join(IconSets, ", "), t.Icons)
	}
	for _, table := range []struct {
		name string
		m    map[string]string
	}{{"dark", t.Dark}, {"light", t.Light}} {
		for _, role := range sortedKeys(table.m) {
			v := strings.TrimSpace(table.m[role])
			table.m[role] = v
			if !ValidColour(v) {
				return fmt.Errorf("%s: must be a colour such as \"#7C3AED\", \"#7CE\" or an ANSI number 0-255, got %q",
					at("theme", table.name, role), v)
			}
		}
	}
	return nil
}

// ValidColour reports whether s is "#RGB", "#RRGGBB" or an ANSI colour number 0–255:
// the forms lipgloss reads without guessing (it would take anything else as black).
func ValidColour(s string) bool {
	if h, ok := strings.CutPrefix(s, "#"); ok {
		if len(h) != 3 && len(h) != 6 {
			return false
		}
		_, err := strconv.ParseUint(h, 16, 32)
		return err == nil
	}
	if s == "" || len(s) > 3 || strings.Trim(s, "0123456789") != "" || (len(s) > 1 && s[0] == '0') {
		return false
	}
	n, err := strconv.Atoi(s)
	return err == nil && n >= 0 && n <= 255
}

// sortedKeys keeps the first error the same from run to run (map order is random).
func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
