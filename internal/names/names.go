// Package names holds how the config file names things the code names otherwise: a Go
// field as a snake_case key (keymap actions, theme colour roles), and the known names
// a misspelt one probably meant, for "did you mean …?" messages.
package names

import (
	"strings"
	"unicode"
)

// Snake turns a Go field name into a config name: NextView → next_view, Tab1 → tab1,
// OpenURL → open_url, OpenByID → open_by_id, AccentFg → accent_fg.
func Snake(s string) string {
	r := []rune(s)
	var b strings.Builder
	for i, c := range r {
		if unicode.IsUpper(c) && i > 0 {
			prevLower := unicode.IsLower(r[i-1]) || unicode.IsDigit(r[i-1])
			nextLower := i+1 < len(r) && unicode.IsLower(r[i+1])
			if prevLower || (unicode.IsUpper(r[i-1]) && nextLower) {
				b.WriteByte('_')
			}
		}
		b.WriteRune(unicode.ToLower(c))
	}
	return b.String()
}

// Near is the names of known that name probably meant: the same but for case, dashes
// or underscores ("accentfg", "next-view"), a couple of edits away ("acent"), or one
// containing the other when the contained one has three letters or more ("fg" and
// "bg" are too short to say).
func Near(name string, known []string) []string {
	n := strings.ToLower(strings.ReplaceAll(name, "-", "_"))
	flat := strings.ReplaceAll(n, "_", "")
	var out []string
	for _, k := range known {
		if flat == strings.ReplaceAll(k, "_", "") || distance(k, n) <= 2 ||
			(len(n) >= 3 && strings.Contains(k, n)) || (len(k) >= 3 && strings.Contains(n, k)) {
			out = append(out, k)
		}
	}
	return out
}

// distance is the Levenshtein distance between a and b.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
