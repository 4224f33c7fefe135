package sanitize

import (
	"strings"
	"testing"
	"unicode/utf8"
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
		{"LRM kept", "a\u200eb", "a\u200eb"},
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
	if got := Line("a\nb\tc\x1b[1m"); got != "a b c" {
		t.Fatalf("got %q", got)
	}
}

func TestCleanInputDoesNotAllocate(t *testing.T) {
	s := strings.Repeat("Thanks for reaching out — ありがとう 🙏\n", 20)
	if n := testing.AllocsPerRun(100, func() { _ = String(s) }); n != 0 {
		t.Fatalf("%v allocations for clean input", n)
	}
}

// safe is the property every output must have.
func safe(t *testing.T, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("invalid UTF-8 in %q", out)
	}
	for _, r := range out {
		switch {
		case r == 0x1b:
			t.Fatalf("ESC in %q", out)
		case r < 0x20 && r != '\n' && r != '\t', r == 0x7f:
			t.Fatalf("C0 %U in %q", r, out)
		case r >= 0x80 && r <= 0x9f:
			t.Fatalf("C1 %U in %q", r, out)
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			t.Fatalf("bidi control %U in %q", r, out)
		}
	}
}

func FuzzString(f *testing.F) {
	for _, s := range []string{"", "hello", "\x1b[31mred", "\x1b]8;;x\x1b\\y", "\u202e", "a\u009b1mb", "\xff\xfe", "名前\x07"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := String(in)
		safe(t, out)
		if String(out) != out {
			t.Fatalf("not idempotent: %q → %q → %q", in, out, String(out))
		}
		// Visible text is kept: printable ASCII letters of an input without escapes
		// and controls survive in order.
		if clean(in) && out != in {
			t.Fatalf("clean input changed: %q → %q", in, out)
		}
	})
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
