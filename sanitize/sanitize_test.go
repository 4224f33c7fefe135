package sanitize

import (
	"strings"
	"testing"
)

func TestString(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain", "Hello, 世界 👋", "Hello, 世界 👋"},
		{"newline and tab kept", "a\nb\tc", "a\nb\tc"},
		{"CSI colour", "\x1b[31mred\x1b[0m", "red"},
		{"CSI cursor move", "a\x1b[2J\x1b[10;20Hb", "ab"},
		{"OSC title BEL", "\x1b]0;pwned\x07name", "name"},
		{"OSC 8 hyperlink", "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"OSC 52 clipboard", "\x1b]52;c;cm0gLXJmIH4=\x07x", "x"},
		{"DCS", "\x1bPq#0;2;0;0;0\x1b\\after", "after"},
		{"APC", "\x1b_Gf=100;AAAA\x1b\\ok", "ok"},
		{"two-byte escape", "\x1bcreset\x1b(Bok", "resetok"},
		{"lone ESC at end", "end\x1b", "end"},
		{"C0", "a\x00b\x07c\x08d\re\x7f", "abcde"},
		{"C1 alone", "a\u0085b\u0084c", "abc"},
		{"8-bit CSI", "a\u009b31mb", "ab"},
		{"8-bit OSC with ST", "a\u009d0;t\u009cb", "ab"},
		{"bidi override", "abc\u202egnp.exe", "abcgnp.exe"},
		{"bidi isolates", "\u2066x\u2069\u2067y\u2068", "xy"},
		{"bidi marks kept", "a\u200eb\u200fc\u061cd", "a\u200eb\u200fc\u061cd"},
		{"tmux passthrough", "a\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\b", "ab"},
		{"raw 0x9b byte", "a\x9b31mb", "a\uFFFD31mb"},
		{"surrogate half", "a\xed\xa0\x80b", "a\uFFFD\uFFFD\uFFFDb"},
		{"invalid utf8", "a\xffb", "a\uFFFDb"},
		{"unterminated OSC", "ok\x1b]0;forever", "ok"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := String(c.in); got != c.want {
				t.Fatalf("String(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestLine(t *testing.T) {
	for in, want := range map[string]string{
		"a\nb\tc\x1b[1m":    "a b c",
		"a\r\nb\u0085c":     "a bc",
		"\u202eabc\x1b]0;t": "abc",
	} {
		if got := Line(in); got != want {
			t.Errorf("Line(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanInputDoesNotAllocate(t *testing.T) {
	s := strings.Repeat("Thanks for reaching out — ありがとう 🙏\n", 20)
	if n := testing.AllocsPerRun(100, func() { _ = String(s) }); n != 0 {
		t.Fatalf("%v allocations for clean input", n)
	}
}

func BenchmarkStringClean(b *testing.B) {
	s := strings.Repeat("Hi there, I can't log in to my account since yesterday. ", 20)
	for b.Loop() {
		_ = String(s)
	}
}

func BenchmarkStringDirty(b *testing.B) {
	s := strings.Repeat("Hi \x1b[31mthere\x1b[0m \u202eevil ", 20)
	for b.Loop() {
		_ = String(s)
	}
}
