package markdown

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/api/fake/seed"
)

func plain(lines []string) string { return ansi.Strip(strings.Join(lines, "\n")) }

func render(t *testing.T, r *Renderer, body string, width int) []string {
	t.Helper()
	lines, err := r.Render(Key{}, body, width, "dark")
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	return lines
}

func TestRenderConvertsHTML(t *testing.T) {
	r := New()
	body := `<p>Hi <b>Jane</b>,<br>thanks!</p><ul><li>one</li><li>two</li></ul>` +
		`<script>alert("x")</script><style>p { color: red }</style>` +
		`<table><tr><th>Plan</th><th>Seats</th></tr><tr><td>Pro</td><td>3</td></tr></table>`
	got := plain(render(t, r, body, 60))
	for _, want := range []string{"Hi Jane,\nthanks!", "• one", "• two", "Plan", "Pro"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	for _, bad := range []string{"<p>", "<b>", "</", "alert", "color: red", "**"} {
		if strings.Contains(got, bad) {
			t.Errorf("output has %q:\n%s", bad, got)
		}
	}
}

func TestRenderTrimsMarginAndBlankLines(t *testing.T) {
	lines := render(t, New(), "<p>Hello there</p><p>Second</p>", 40)
	if len(lines) != 3 {
		t.Fatalf("want 3 lines (two paragraphs and a gap), got %q", lines)
	}
	if got := ansi.Strip(lines[0]); got != "Hello there" {
		t.Errorf("first line = %q, want no margin and no padding", got)
	}
	if lines[1] != "" || ansi.Strip(lines[2]) != "Second" {
		t.Errorf("lines = %q", lines)
	}
	for _, l := range lines {
		if s := ansi.Strip(l); strings.TrimRight(s, " ") != s {
			t.Errorf("trailing padding in %q", s)
		}
	}
	if got := render(t, New(), "<p> </p><div></div>", 40); len(got) != 0 {
		t.Errorf("empty body rendered as %q", got)
	}
}

func TestRenderWrapsToWidth(t *testing.T) {
	body := "<p>" + strings.Repeat("The quick brown fox jumps over the lazy dog. ", 20) + "</p>"
	for _, width := range []int{20, 41, 80} {
		lines := render(t, New(), body, width)
		if len(lines) < 2 {
			t.Fatalf("width %d: no wrapping: %q", width, lines)
		}
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > width {
				t.Errorf("width %d: line of %d cells: %q", width, w, ansi.Strip(l))
			}
		}
	}
}

func TestUnsafeLinksLoseTheirTarget(t *testing.T) {
	body := `<p><a href="javascript:alert(1)">click me</a> <a href="JaVaScRiPt:alert(2)">two</a> ` +
		`<a href=" data:text/html;base64,PHNjcmlwdD4=">three</a> <a href="/relative">four</a> ` +
		`<a href="https://example.com/ok">fine</a> <a href="mailto:a@b.co">mail</a></p>`
	got := plain(render(t, New(), body, 100))
	for _, want := range []string{"click me", "two", "three", "four", "fine https://example.com/ok", "mail mailto:a@b.co"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	for _, bad := range []string{"javascript", "JaVaScRiPt", "data:", "/relative", "alert"} {
		if strings.Contains(got, bad) {
			t.Errorf("output has %q:\n%s", bad, got)
		}
	}
}

func TestImagesBecomeLinkLines(t *testing.T) {
	body := `<p>See:</p><div class="intercom-container"><a href="https://cdn.example.com/i/shot.png">` +
		`<img src="https://cdn.example.com/i/shot.png" width="1280"></a></div>` +
		`<p><img alt="Logo [v2]" src="https://cdn.example.com/logo.svg"></p>` +
		`<p><img src="data:image/png;base64,iVBORw0KGgo="></p><p><img src="javascript:alert(1)" alt="evil"></p>`
	got := plain(render(t, New(), body, 100))
	for _, want := range []string{"▣ shot.png https://cdn.example.com/i/shot.png", "▣ Logo [v2] https://cdn.example.com/logo.svg", "▣ image", "▣ evil"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	for _, bad := range []string{"data:", "base64", "javascript", "Image:", "→"} {
		if strings.Contains(got, bad) {
			t.Errorf("output has %q:\n%s", bad, got)
		}
	}
}

// hostile is a body trying every way onto the terminal: raw escapes, an OSC 8 link and
// an OSC 52 clipboard write, C0/C1 controls, bidi overrides, and the same as entities
// (decoded by the HTML parser) and as entities the customer typed (decoded by glamour).
const hostile = "<p>a\x1b[2Jb\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ c\x1b]52;c;aGk=\x07d \u202eevil\u202c \u2066iso\u2069 " +
	"\x07\x08\x0b\x0c\r\x7f\u0085\u009b31m\u009d0;t\u009c e</p>" +
	"<p>&#x1b;[31mred&#27;]8;;http://y&#x1B;\\ &#x202E;rlo&#8238; &#133;</p>" +
	"<p>&amp;#27;[32mgreen &amp;#x1b;]0;title&amp;#7; &amp;#x202e;x &amp;#0000027;</p>" +
	"<pre><code>&amp;#27;[33m \x1b[34m</code></pre><p><code>&amp;#27;[35m</code></p>" +
	`<p><a href="https://ok.example/&#x1b;[36m">l</a> <a href="https://ok.example/&amp;#27;[36m">m</a></p>`

// assertTerminalSafe checks every byte of rendered output: escapes are SGR only, and
// no C0 (but newline), C1, DEL or bidi control is left.
func assertTerminalSafe(t *testing.T, out string) {
	t.Helper()
	if strings.Contains(out, "\x1b]") {
		t.Errorf("output has an OSC sequence: %q", out)
	}
	for i := 0; i < len(out); i++ {
		if out[i] != 0x1b {
			continue
		}
		end, sgr := escapeEnd(out, i)
		if !sgr {
			t.Errorf("non-SGR escape %q in %q", out[i:end], out)
		}
		i = end - 1
	}
	for _, r := range ansi.Strip(out) {
		switch {
		case r == 0x1b:
			t.Errorf("ESC left after Strip: %q", out)
		case r < 0x20 && r != '\n', r == 0x7f, r >= 0x80 && r <= 0x9f:
			t.Errorf("control %U left: %q", r, out)
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			t.Errorf("bidi control %U left: %q", r, out)
		}
	}
}

func TestRenderHostileBody(t *testing.T) {
	r := New()
	for _, style := range []string{"dark", "light"} {
		for _, width := range []int{12, 40, 100} {
			lines, err := r.Render(Key{ID: "p1", UpdatedAt: 1}, hostile, width, style)
			if err != nil {
				t.Fatal(err)
			}
			out := strings.Join(lines, "\n")
			assertTerminalSafe(t, out)
			if width == 100 {
				got := ansi.Strip(out)
				for _, want := range []string{"link", "evil", "red", "rlo", "green", "…"} {
					if !strings.Contains(got, want) {
						t.Errorf("visible text %q lost:\n%s", want, got)
					}
				}
			}
		}
	}
}

func TestSafeANSI(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain", "plain"},
		{"\x1b[38;5;252mkeep\x1b[m \x1b[1;4mme\x1b[0m", "\x1b[38;5;252mkeep\x1b[m \x1b[1;4mme\x1b[0m"},
		{"\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "link"},
		{"\x1b]8;id=1;http://x\alink\x1b]8;;\a", "link"},
		{"a\x1b[2Jb\x1b[10;10Hc\x1b[?1049hd\x1b[>4;1me", "abcde"},
		{"x\x1bcy\x1b(Bz\x1b", "xyz"},
		{"\x1bP+q\x1b\\\x1b_apc\x1b\\\x1b^pm\x07ok", "ok"},
		{"\u202eabc\u202c\u2066d\u2069", "abcd"},
		{"a\u009b2Jb\u009d0;t\u009cc\u0085", "abc"},
		{"t\tab\r\n\x00\x07\x7f", "t    ab\n"},
		{"bad\xffutf8", "bad\ufffdutf8"},
		{"\x1b]0;title", ""},
	}
	for _, c := range cases {
		if got := SafeANSI(c.in); got != c.want {
			t.Errorf("SafeANSI(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTidy(t *testing.T) {
	in := "\n  \n\x1b[1mtitle\x1b[m\x1b[2m   \x1b[m\n\x1b[1mopen   \n\n"
	got := tidy(in)
	want := []string{"\x1b[1mtitle\x1b[m", "\x1b[1mopen\x1b[m"}
	if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
		t.Errorf("tidy = %q, want %q", got, want)
	}
}

func TestCache(t *testing.T) {
	r := New()
	k := Key{ID: "42", UpdatedAt: 100}
	a, _ := r.Render(k, "<p>one</p>", 40, "dark")
	b, _ := r.Render(k, "<p>one</p>", 40, "dark")
	if r.Cached() != 1 || &a[0] != &b[0] {
		t.Fatalf("second render missed the cache (cached %d)", r.Cached())
	}
	r.Render(k, "<p>one</p>", 50, "dark")
	r.Render(k, "<p>one</p>", 40, "light")
	r.Render(Key{ID: "42", UpdatedAt: 101}, "<p>one</p>", 40, "dark")
	if r.Cached() != 4 {
		t.Errorf("width, style and updated_at are part of the key: cached %d, want 4", r.Cached())
	}
	edited, _ := r.Render(k, "<p>edited</p>", 40, "dark")
	if !strings.Contains(plain(edited), "edited") {
		t.Errorf("a changed body under the same key served the old one: %q", plain(edited))
	}
	r.Render(Key{}, "<p>uncached</p>", 40, "dark")
	if r.Cached() != 5 {
		t.Errorf("the zero key is not cached: cached %d, want 5", r.Cached())
	}
}

func TestCacheIsBounded(t *testing.T) {
	r := New(WithCacheLimits(3, 1<<20))
	for i := range 10 {
		r.Render(Key{ID: fmt.Sprint(i), UpdatedAt: 1}, "<p>body</p>", 40, "dark")
	}
	if r.Cached() != 3 {
		t.Fatalf("cached %d, want 3", r.Cached())
	}
	// The most recent stay; touching one keeps it over newer ones.
	r.Render(Key{ID: "7", UpdatedAt: 1}, "<p>body</p>", 40, "dark")
	r.Render(Key{ID: "10", UpdatedAt: 1}, "<p>body</p>", 40, "dark")
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, id := range []string{"7", "9", "10"} {
		found := false
		for k := range r.cache.items {
			found = found || k.key.ID == id
		}
		if !found {
			t.Errorf("%s was evicted", id)
		}
	}

	small := New(WithCacheLimits(100, 600))
	for i := range 20 {
		small.Render(Key{ID: fmt.Sprint(i), UpdatedAt: 1}, "<p>some body text</p>", 40, "dark")
	}
	if small.cache.bytes > 600 {
		t.Errorf("cache holds %d bytes, over its 600", small.cache.bytes)
	}
}

func TestTermRenderersArePooled(t *testing.T) {
	r := New()
	for w := 20; w < 40; w++ {
		r.Render(Key{}, "<p>x</p>", w, "dark")
	}
	if len(r.terms) > maxTermRenderers {
		t.Errorf("%d glamour renderers kept, max %d", len(r.terms), maxTermRenderers)
	}
}

func TestUnknownStyleFallsBackToText(t *testing.T) {
	lines, err := New().Render(Key{ID: "1"}, "<p>Hello <b>there</b></p>", 40, "no-such-style")
	if err == nil {
		t.Fatal("no error for an unknown style")
	}
	if got := plain(lines); !strings.Contains(got, "Hello") {
		t.Errorf("fallback lost the text: %q", got)
	}
}

func TestDeterministicAndStyled(t *testing.T) {
	body := "<p>Hello <b>bold</b> and <a href=\"https://x.example\">a link</a></p>"
	a, _ := New().Render(Key{}, body, 40, "dark")
	b, _ := New().Render(Key{}, body, 40, "dark")
	l, _ := New().Render(Key{}, body, 40, "light")
	if strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Error("two renderers disagree")
	}
	if strings.Join(a, "\n") == strings.Join(l, "\n") {
		t.Error("dark and light render the same")
	}
	if !strings.Contains(a[0], "\x1b[") {
		t.Error("no colour at all")
	}
}

func TestConcurrentRenders(t *testing.T) {
	r := New(WithCacheLimits(16, 1<<20))
	body := articleHTML(4 << 10)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				k := Key{ID: fmt.Sprint(i % 5), UpdatedAt: 1}
				if _, err := r.Render(k, body, 40+(g+i)%3*10, []string{"dark", "light"}[i%2]); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// articleHTML is help-center-like HTML of at least n bytes: seeded articles back to back.
func articleHTML(n int) string {
	w := seed.New(7, 10, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(string(w.Article(i % w.NumArticles()).Body))
	}
	return b.String()
}

func BenchmarkRenderArticle30K(b *testing.B) {
	body := articleHTML(30 << 10)
	r := New()
	r.Render(Key{}, "<p>warm</p>", 100, "dark") // the glamour renderer is built once per width
	b.SetBytes(int64(len(body)))
	b.ResetTimer()
	for i := range b.N {
		if _, err := r.Render(Key{ID: fmt.Sprint(i), UpdatedAt: 1}, body, 100, "dark"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderArticle30KCached(b *testing.B) {
	body := articleHTML(30 << 10)
	r := New()
	k := Key{ID: "article", UpdatedAt: 1}
	r.Render(k, body, 100, "dark")
	b.SetBytes(int64(len(body)))
	b.ResetTimer()
	for range b.N {
		if _, err := r.Render(k, body, 100, "dark"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderArticle30KNewRenderer(b *testing.B) {
	body := articleHTML(30 << 10)
	b.SetBytes(int64(len(body)))
	for range b.N {
		if _, err := New().Render(Key{}, body, 100, "dark"); err != nil {
			b.Fatal(err)
		}
	}
}
