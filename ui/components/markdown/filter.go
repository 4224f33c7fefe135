package markdown

import (
	"strings"
	"unicode/utf8"
)

// SafeANSI keeps only what a rendered body may put on the terminal: text and SGR (colour
// and attribute) sequences. Every other escape sequence (OSC 8 hyperlinks that glamour
// writes for links, OSC 52 clipboard writes, cursor movement, DCS …) is removed whole,
// as are C0 controls but newline (a tab becomes four spaces), DEL, C1 controls and the
// bidi embedding, override and isolate controls. Invalid UTF-8 becomes U+FFFD.
//
// It is the last step after glamour, whatever was sanitized before: glamour decodes
// entities and adds sequences of its own, so its output is checked, not trusted.
func SafeANSI(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c == 0x1b {
			end, keep := escapeEnd(s, i)
			if keep {
				b.WriteString(s[i:end])
			}
			i = end
			continue
		}
		if c < utf8.RuneSelf {
			switch {
			case c == '\n' || c >= 0x20 && c != 0x7f:
				b.WriteByte(c)
			case c == '\t':
				b.WriteString("    ")
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteRune(utf8.RuneError)
		case r >= 0x80 && r <= 0x9f:
			i = skipC1(s, i+size, r)
			continue
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// escapeEnd returns the end of the escape sequence at s[i] (an ESC) and whether it is
// an SGR sequence (ESC [ digits/;/: m) to keep.
func escapeEnd(s string, i int) (end int, sgr bool) {
	i++
	if i >= len(s) {
		return i, false
	}
	switch s[i] {
	case '[':
		j := i + 1
		plain := true // only SGR parameter bytes so far
		for j < len(s) {
			c := s[j]
			switch {
			case c >= '0' && c <= '9', c == ';', c == ':':
			case c >= 0x20 && c <= 0x3f: // other parameter and intermediate bytes
				plain = false
			case c >= 0x40 && c <= 0x7e:
				return j + 1, plain && c == 'm'
			default: // a broken sequence: drop what we have, judge c on its own
				return j, false
			}
			j++
		}
		return j, false
	case ']', 'P', 'X', '^', '_':
		return skipString(s, i+1), false
	}
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
		i++
	}
	return i, false
}

// skipC1 skips an 8-bit C1 control (already consumed) and the sequence it introduces.
func skipC1(s string, i int, r rune) int {
	switch r {
	case 0x9b: // CSI
		for i < len(s) {
			c := s[i]
			if c >= 0x40 && c <= 0x7e {
				return i + 1
			}
			if c < 0x20 || c >= 0x7f {
				return i
			}
			i++
		}
		return i
	case 0x9d, 0x90, 0x98, 0x9e, 0x9f: // OSC, DCS, SOS, PM, APC
		return skipString(s, i)
	}
	return i
}

// skipString skips a control string to its terminator: BEL, ESC \ or 8-bit ST.
func skipString(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i
		case s[i] == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c:
			return i + 2
		}
		i++
	}
	return i
}

// tidy trims what glamour adds around a body: the padding spaces at the end of every
// line (kept styled, they would paint a background over the whole wrap width) and the
// blank lines before and after the document. s must already be SafeANSI output.
func tidy(s string) []string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		out = append(out, trimRight(l))
	}
	for len(out) > 0 && out[0] == "" {
		out = out[1:]
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// trimRight cuts l after its last visible non-space character. Styling open at that
// point is closed with a reset, so nothing bleeds into what follows the line. A line
// with nothing visible becomes "".
func trimRight(l string) string {
	cut, styled, open := 0, false, false
	for i := 0; i < len(l); {
		if l[i] == 0x1b {
			end, _ := escapeEnd(l, i)
			styled = true
			i = end
			continue
		}
		_, size := utf8.DecodeRuneInString(l[i:])
		if l[i] != ' ' {
			cut = i + size
			open = styled
		}
		i += size
	}
	if cut == 0 {
		return ""
	}
	if cut == len(l) {
		return l
	}
	if open && !strings.HasSuffix(l[:cut], "\x1b[m") && !strings.HasSuffix(l[:cut], "\x1b[0m") {
		return l[:cut] + "\x1b[m"
	}
	return l[:cut]
}
