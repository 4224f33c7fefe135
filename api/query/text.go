package query

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The text operators ignore case. The needle is lower-cased at compile time;
// records are compared byte-wise while both sides are ASCII, the common case,
// and lower-cased (allocating) only when they are not.

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// equalLowerASCII reports whether ASCII s lower-cased equals lower (same length).
func equalLowerASCII(s, lower string) bool {
	for i := 0; i < len(lower); i++ {
		if lowerASCII(s[i]) != lower[i] {
			return false
		}
	}
	return true
}

func equalFold(s, lower string) bool { return strings.EqualFold(s, lower) }

func containsFold(s, lower string) bool {
	if lower == "" {
		return true
	}
	if !isASCII(lower) || !isASCII(s) {
		return strings.Contains(strings.ToLower(s), lower)
	}
	first := lower[0]
	for i := 0; i+len(lower) <= len(s); i++ {
		if lowerASCII(s[i]) == first && equalLowerASCII(s[i+1:i+len(lower)], lower[1:]) {
			return true
		}
	}
	return false
}

func hasPrefixFold(s, lower string) bool {
	if len(s) >= len(lower) && isASCII(lower) && isASCII(s[:len(lower)]) {
		return equalLowerASCII(s[:len(lower)], lower)
	}
	if isASCII(s) {
		return false // too short, and lower-casing ASCII keeps its length
	}
	return strings.HasPrefix(strings.ToLower(s), lower)
}

func hasSuffixFold(s, lower string) bool {
	if len(s) >= len(lower) && isASCII(lower) && isASCII(s[len(s)-len(lower):]) {
		return equalLowerASCII(s[len(s)-len(lower):], lower)
	}
	if isASCII(s) {
		return false
	}
	return strings.HasSuffix(strings.ToLower(s), lower)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// nextWord returns the first word of s at or after i and the index after it,
// or "" and len(s). Words are runs of letters and digits; HTML tags and
// character entities (bodies are HTML) separate words and are not words.
func nextWord(s string, i int) (string, int) {
	for i < len(s) {
		c := s[i]
		if c == '<' && i+1 < len(s) && isTagStart(s[i+1]) {
			if j := strings.IndexByte(s[i:], '>'); j > 0 {
				i += j + 1
				continue
			}
		}
		if c == '&' {
			if j := entityEnd(s, i); j > 0 {
				i = j
				continue
			}
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if isWordRune(r) {
			break
		}
		i += size
	}
	start := i
	for i < len(s) {
		r, size := rune(s[i]), 1
		if s[i] >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if !isWordRune(r) {
			break
		}
		i += size
	}
	return s[start:i], i
}

func isTagStart(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '/' || c == '!' || c == '?'
}

// entityEnd returns the index after a character entity (&amp; &#39; &#x2014;)
// starting at s[i], or 0 when s[i:] does not start with one.
func entityEnd(s string, i int) int {
	const maxLen = 12
	for j := i + 1; j < len(s) && j-i <= maxLen; j++ {
		c := s[j]
		switch {
		case c == ';':
			if j > i+1 {
				return j + 1
			}
			return 0
		case c == '#' && j == i+1, isWordRune(rune(c)) && c < utf8.RuneSelf:
		default:
			return 0
		}
	}
	return 0
}
