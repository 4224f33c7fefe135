package faults

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pattern syntax is documented on ParseSpec.

// forbiddenInPattern are the characters the spec grammar uses as separators, plus '?',
// which would suggest that the query string is matched.
const forbiddenInPattern = " \t\r\n;#:@?"

func validPattern(p string) error {
	if p == "" {
		return errEmptyPattern
	}
	if i := strings.IndexAny(p, forbiddenInPattern); i >= 0 {
		if p[i] == '?' {
			return fmt.Errorf("pattern %q contains '?': patterns match the path only, not the query", p)
		}
		return fmt.Errorf("pattern %q contains %q (not allowed: space ; # : @ ?)", p, p[i])
	}
	// The regexp engine rejects invalid UTF-8, and a request path never holds it.
	if !utf8.ValidString(p) || strings.ContainsFunc(p, unicode.IsControl) {
		return fmt.Errorf("pattern %q has invalid UTF-8 or control characters", p)
	}
	if p[0] != '/' && p[0] != '*' {
		return fmt.Errorf("pattern %q must start with '/' or '*'", p)
	}
	return nil
}

// compilePattern turns a valid pattern into an anchored regexp. RE2 keeps matching linear
// whatever the pattern, so a hostile spec cannot stall the fake.
func compilePattern(p string) *regexp.Regexp {
	if p == "*" || p == "**" {
		return regexp.MustCompile(`^`)
	}
	var b strings.Builder
	b.WriteString("^")
	for len(p) > 0 {
		switch {
		case strings.HasPrefix(p, "**"):
			b.WriteString(".*")
			p = p[2:]
		case p[0] == '*':
			b.WriteString("[^/]*")
			p = p[1:]
		default:
			i := strings.IndexByte(p, '*')
			if i < 0 {
				i = len(p)
			}
			b.WriteString(regexp.QuoteMeta(p[:i]))
			p = p[i:]
		}
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}
