package sanitize

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The properties, as the fuzz targets check them:
//
//   - safe: the output of String is valid UTF-8 (invalid input bytes become U+FFFD, never
//     pass through raw) and holds no ESC, no C0 control but '\n' and '\t', no DEL, no C1
//     control U+0080–U+009F (which, being valid runes, also means none of their two-byte
//     UTF-8 forms), and no bidi embedding, override or isolate control (U+202A–U+202E,
//     U+2066–U+2069). Line's output has no '\n' or '\t' either.
//   - The bidi marks U+200E LRM, U+200F RLM and U+061C ALM are kept on purpose: they
//     cannot reorder text beyond the neutral characters next to them (Trojan Source needs
//     the embeddings, overrides or isolates), and RTL text legitimately uses them.
//   - visible text is kept: for an input made of printable runes ("plain") with escape
//     sequences and controls ("injected", each complete) mixed in anywhere, the output is
//     exactly the plain runes in order. An incomplete sequence may swallow what follows
//     it, as a terminal would, so the generator only injects complete ones.
//   - String is idempotent, and input that needs no change comes back unchanged.

// attacks are real injection attempts, seeds for every target.
var attacks = []string{
	"\x1b[2J\x1b[H",                                            // clear screen, cursor home
	"\x1b[?1049h fake screen \x1b[?1049l",                      // alternate screen
	"\x1b]52;c;cm0gLXJmIH4K\x07",                               // OSC 52 clipboard write, BEL
	"\x1b]52;c;Y3VybCBldmlsLnNofHNo\x1b\\",                     // OSC 52, ST
	"\x1b]8;;https://evil.example/\x1b\\Invoice\x1b]8;;\x1b\\", // OSC 8 hyperlink, ST
	"\x1b]8;id=1;javascript:alert(1)\x07click\x1b]8;;\x07",     // OSC 8, BEL
	"\x1b]0;pwned\x07", "\x1b]2;title\x1b\\",                   // window title
	"\x1bP$q\"p\x1b\\",                       // DCS request status string
	"\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\", // tmux passthrough
	"\x1b_Ga=T,f=100;AAAA\x1b\\",             // kitty graphics APC
	"\x1b^pm\x1b\\", "\x1bXsos\x1b\\",        // PM, SOS
	"\x1bc", "\x1b7\x1b8", "\x1b(0", "\x1b#8", // reset, save/restore, charset, DECALN
	"\u009b2J", "\u009b?1049h", // 8-bit CSI
	"\u009d0;title\u009c", "\u009d52;c;aGk=\x07", // 8-bit OSC
	"\u0090q\u009c", "\u0085", "\u008e", // 8-bit DCS, NEL, SS2
	"\xc2\x9b31m", "\x9b31m", // 8-bit CSI in UTF-8 and as a raw byte
	"access_level = \"user\u202e \u2066// Check if admin\u2069 \u2066\"", // Trojan Source
	"\u202dabc\u202c\u202aleft\u202c\u202bright\u202c\u2067rtl\u2069\u2068fsi\u2069",
	"nul\x00byte", "del\x7f", "bell\x07", "back\x08space", "cr\rlf\r\n", "vt\vff\f",
	"\x1b[31mred\x1b[0m", "\x1b", "\x1b[", "\x1b]", "\x1b]8;;", "\xff\xfe", "\xed\xa0\x80",
}

// safeOutput fails t unless out has the safe property (see above); line also forbids
// newline and tab.
func safeOutput(t *testing.T, in, out string, line bool) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("invalid UTF-8 in %q (from %q)", out, in)
	}
	for _, r := range out {
		bad := ""
		switch {
		case r == 0x1b:
			bad = "ESC"
		case r == '\n' || r == '\t':
			if line {
				bad = "newline or tab"
			}
		case r < 0x20, r == 0x7f:
			bad = "C0 or DEL"
		case r >= 0x80 && r <= 0x9f:
			bad = "C1"
		case isBidiControl(r):
			bad = "bidi control"
		}
		if bad != "" {
			t.Fatalf("%s %U in %q (from %q)", bad, r, out, in)
		}
	}
}

func isBidiControl(r rune) bool { return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 }

func FuzzString(f *testing.F) {
	for _, s := range append([]string{"", "hello", "名前 👋", "a\u200fb\u061cc\u200ed"}, attacks...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := String(in)
		safeOutput(t, in, out, false)
		if again := String(out); again != out {
			t.Fatalf("not idempotent: %q → %q → %q", in, out, again)
		}
		if clean(in) && out != in {
			t.Fatalf("clean input changed: %q → %q", in, out)
		}
		// Printable ASCII outside any escape sequence survives: an input without ESC,
		// C1 or invalid UTF-8 loses only controls and bidi controls.
		if !strings.ContainsRune(in, 0x1b) && utf8.ValidString(in) && !hasC1(in) {
			want := strings.Map(func(r rune) rune {
				if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || isBidiControl(r) {
					return -1
				}
				return r
			}, in)
			if out != want {
				t.Fatalf("String(%q) = %q, want %q", in, out, want)
			}
		}
	})
}

func hasC1(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= 0x80 && r <= 0x9f })
}

func FuzzLine(f *testing.F) {
	for _, s := range append([]string{"", "a\nb\tc", "multi\r\nline\u2028text"}, attacks...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Line(in)
		safeOutput(t, in, out, true)
		want := strings.NewReplacer("\n", " ", "\t", " ").Replace(String(in))
		if out != want {
			t.Fatalf("Line(%q) = %q, want String with newline and tab as spaces: %q", in, out, want)
		}
	})
}

// FuzzVisibleText builds inputs from plain runes and complete injected sequences (see
// mix) and checks the output is exactly the plain runes.
func FuzzVisibleText(f *testing.F) {
	f.Add([]byte("hello"))
	f.Add([]byte{0, 'h', 1, 2, 'i', 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
	for i, a := range attacks {
		f.Add(append([]byte{byte(i), 'x', 0xff}, a...))
	}
	f.Fuzz(func(t *testing.T, prog []byte) {
		in, plain := mix(prog)
		if got := String(in); got != plain {
			t.Fatalf("String(%q) = %q, want the plain runes %q", in, got, plain)
		}
		if got, want := Line(in), strings.NewReplacer("\n", " ", "\t", " ").Replace(plain); got != want {
			t.Fatalf("Line(%q) = %q, want %q", in, got, want)
		}
	})
}

// mix reads prog as a program: an opcode byte, then what it needs. Opcodes below 0x80
// append a plain rune; the others inject a complete sequence or control. It returns the
// input and the plain runes alone.
func mix(prog []byte) (in, plain string) {
	var b, p strings.Builder
	next := func() byte {
		if len(prog) == 0 {
			return 0
		}
		c := prog[0]
		prog = prog[1:]
		return c
	}
	// payload is printable ASCII taken from prog: a control string's body or CSI
	// parameters (mapped into lo..hi).
	payload := func(lo, hi byte) string {
		n := int(next() % 12)
		s := make([]byte, n)
		for i := range s {
			s[i] = lo + next()%(hi-lo+1)
		}
		return string(s)
	}
	for len(prog) > 0 {
		op := next()
		if op < 0x80 {
			r := plainRune(op, next(), next())
			b.WriteRune(r)
			p.WriteRune(r)
			continue
		}
		switch op % 12 {
		case 0: // CSI: parameters, intermediates, final
			b.WriteString("\x1b[" + payload(0x30, 0x3f) + payload(0x20, 0x2f) + string(rune(0x40+next()%0x3f)))
		case 1: // 8-bit CSI
			b.WriteString("\u009b" + payload(0x30, 0x3f) + string(rune(0x40+next()%0x3f)))
		case 2: // OSC, DCS, SOS, PM, APC with each terminator
			intro := [...]string{"\x1b]", "\x1bP", "\x1bX", "\x1b^", "\x1b_", "\u009d", "\u0090", "\u0098", "\u009e", "\u009f"}
			term := [...]string{"\x07", "\x1b\\", "\u009c"}
			b.WriteString(intro[int(next())%len(intro)] + payload(0x20, 0x7e) + term[int(next())%len(term)])
		case 3: // OSC 8 hyperlink opener or closer
			b.WriteString("\x1b]8;;" + payload(0x21, 0x7e) + "\x1b\\")
		case 4: // two-byte escape, with or without intermediates
			if inter := payload(0x20, 0x2f); inter != "" {
				b.WriteString("\x1b" + inter + string(rune(0x30+next()%0x4f)))
			} else {
				b.WriteString("\x1b" + string(twoByteFinal(next())))
			}
		case 5: // C0 control (not ESC, newline, tab) or DEL
			c := next() % 0x21
			switch c {
			case '\n', '\t', 0x1b:
				c = 0x7f
			case 0x20:
				c = 0x7f
			}
			b.WriteByte(c)
		case 6: // C1 control that introduces nothing
			c := rune(0x80 + next()%0x20)
			switch c {
			case 0x90, 0x98, 0x9b, 0x9d, 0x9e, 0x9f:
				c = 0x85
			}
			b.WriteRune(c)
		case 7: // bidi control
			bidi := [...]rune{0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069}
			b.WriteRune(bidi[int(next())%len(bidi)])
		case 8: // tmux passthrough: the inner ESCs are doubled
			b.WriteString("\x1bPtmux;\x1b\x1b]52;c;" + payload(0x41, 0x5a) + "\x07\x1b\\")
		default: // one of the real attacks with no plain text of its own
			b.WriteString(pureAttacks[int(next())%len(pureAttacks)])
		}
	}
	return b.String(), p.String()
}

// pureAttacks are complete sequences that show nothing at all.
var pureAttacks = []string{
	"\x1b[2J\x1b[H", "\x1b[?1049h", "\x1b]52;c;cm0gLXJmIH4K\x07", "\x1b]8;id=1;javascript:alert(1)\x07",
	"\x1b]0;pwned\x1b\\", "\x1bP$q\"p\x1b\\", "\x1b_Ga=T;AAAA\x1b\\", "\x1bc", "\x1b(B", "\u009b31m",
	"\u009d0;t\u009c", "\u202e", "\x00", "\x7f", "\r",
}

// twoByteFinal maps c to a final byte of a two-byte escape that does not introduce a
// longer sequence.
func twoByteFinal(c byte) byte {
	f := 0x30 + c%0x4f
	switch f {
	case '[', ']', 'P', 'X', '^', '_':
		return 'c'
	}
	return f
}

// plainRune maps three bytes to a printable rune: ASCII, Latin-1, CJK, emoji, RTL
// letters, combining marks, U+FFFD, newline and tab.
func plainRune(op, x, y byte) rune {
	v := rune(x)<<8 | rune(y)
	var r rune
	switch op % 8 {
	case 0, 1, 2:
		r = 0x20 + rune(x)%0x5f // printable ASCII
	case 3:
		r = 0xa0 + v%0x1d60 // Latin-1 supplement up to Greek, Cyrillic, Hebrew, Arabic …
	case 4:
		r = 0x4e00 + v%0x5000 // CJK
	case 5:
		r = 0x1f300 + v%0x300 // emoji
	case 6:
		r = [...]rune{'\n', '\t', 0xfffd, 0x0301, 0x05d0, 0x0627, 0x3000}[int(x)%7]
	default:
		r = v
	}
	if r != '\n' && r != '\t' && !unicode.IsGraphic(r) || isBidiControl(r) {
		return '?'
	}
	return r
}
