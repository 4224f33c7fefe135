// Package sanitize is the one sanitizer every remote string passes before it is styled
// or rendered: a customer's name or message must never be able to move the cursor,
// retitle the window, write the clipboard, plant a hyperlink or reorder text on the
// agent's terminal.
//
// String removes ESC and every escape sequence it introduces (CSI, OSC, DCS, SOS, PM,
// APC and two-byte escapes), the 8-bit C1 controls (with the sequences 8-bit CSI, OSC,
// DCS, … introduce), C0 controls except newline and tab, DEL, and the bidi embedding,
// override and isolate controls (U+202A–U+202E, U+2066–U+2069). The bidi marks (U+200E,
// U+200F, U+061C) are kept: right-to-left text needs them, and they cannot reorder text
// the way Trojan Source does. Invalid UTF-8 becomes U+FFFD. Visible text is kept as it
// was. fuzz_test.go states these properties and fuzzes them.
package sanitize

import (
	"strings"
	"unicode/utf8"
)

// String returns s safe to put on a terminal. Clean input is returned as is, without
// allocating.
func String(s string) string {
	if clean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteRune(utf8.RuneError)
			i++
		case r == 0x1b:
			i = skipEscape(s, i+1)
		case r >= 0x80 && r <= 0x9f:
			i = skipC1(s, i+size, r)
		case dropped(r):
			i += size
		default:
			b.WriteString(s[i : i+size])
			i += size
		}
	}
	return b.String()
}

// Line is String for a one-line place (a row, a status bar): newlines and tabs become
// spaces as well.
func Line(s string) string {
	s = String(s)
	if !strings.ContainsAny(s, "\n\t") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}

// dropped is true for what is removed on its own: C0 but \n and \t, DEL, bidi controls.
func dropped(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\n' && r != '\t'
	case r == 0x7f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// clean reports whether s needs no change: valid UTF-8 with nothing String removes.
func clean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size <= 1) || (r >= 0x80 && r <= 0x9f) || dropped(r) {
			return false
		}
		i += size
	}
	return true
}

// skipEscape skips what follows an ESC at s[i:] and returns the index after it.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[': // CSI: parameters and intermediates, then one final byte 0x40–0x7e
		return skipCSI(s, i+1)
	case ']', 'P', 'X', '^', '_': // OSC, DCS, SOS, PM, APC: a string up to ST or BEL
		return skipString(s, i+1)
	}
	// A two-byte escape (ESC 7, ESC c, ESC ( B …): intermediates 0x20–0x2f, then a final.
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipC1 skips an 8-bit C1 control r (already consumed) and, for the introducers, the
// sequence it starts.
func skipC1(s string, i int, r rune) int {
	switch r {
	case 0x9b: // CSI
		return skipCSI(s, i)
	case 0x9d, 0x90, 0x98, 0x9e, 0x9f: // OSC, DCS, SOS, PM, APC
		return skipString(s, i)
	}
	return i
}

func skipCSI(s string, i int) int {
	for i < len(s) {
		c := s[i]
		i++
		if c >= 0x40 && c <= 0x7e {
			return i
		}
		if c < 0x20 || c >= 0x7f {
			// Not a CSI byte: the sequence is broken; stop here and let the caller
			// judge this byte on its own.
			return i - 1
		}
	}
	return i
}

// skipString skips a control string up to its terminator: BEL, ESC \, or 8-bit ST.
// An unterminated string runs to the end, since a terminal would swallow it too.
func skipString(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i // another escape starts: end the string, let it be skipped too
		case s[i] == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c:
			return i + 2
		}
		i++
	}
	return i
}
