package composer

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestToHTML(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"the example", "Hi **Ana**,\nsee [docs](https://x)", `<p>Hi <b>Ana</b>,<br>see <a href="https://x">docs</a></p>`},
		{"empty", "", ""},
		{"only white space", " \n\t\n  ", ""},
		{"paragraphs", "one\n\ntwo\nthree\n\n\n\nfour", "<p>one</p><p>two<br>three</p><p>four</p>"},
		{"blank lines with spaces split paragraphs", "a\n   \nb", "<p>a</p><p>b</p>"},
		{"outer blank lines and trailing spaces go", "\n\n  a  \nb \n\n", "<p>  a<br>b</p>"},
		{"crlf", "a\r\nb\r\n\r\nc\rd", "<p>a<br>b</p><p>c<br>d</p>"},
		{"escaped", `<script>alert('x')</script> & "q"`, "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;q&#34;</p>"},
		{"tags are text", "<b>not bold</b><br>", "<p>&lt;b&gt;not bold&lt;/b&gt;&lt;br&gt;</p>"},
		{"entities are text", "&amp; &#60;", "<p>&amp;amp; &amp;#60;</p>"},

		{"bold", "**yes** and **two words**", "<p><b>yes</b> and <b>two words</b></p>"},
		{"italic star", "*yes*", "<p><i>yes</i></p>"},
		{"italic underscore", "_yes_, really", "<p><i>yes</i>, really</p>"},
		{"nested", "**bold _and italic_**", "<p><b>bold <i>and italic</i></b></p>"},
		{"italic around bold", "*a **b** c*", "<p><i>a <b>b</b> c</i></p>"},
		{"across a line break", "**one\ntwo**", "<p><b>one<br>two</b></p>"},
		{"snake_case stays", "call get_user_id now", "<p>call get_user_id now</p>"},
		{"arithmetic stays", "2*3*4 = 24", "<p>2*3*4 = 24</p>"},
		{"spaced delimiters stay", "a * b * c and _ x _", "<p>a * b * c and _ x _</p>"},
		{"unclosed", "**bold and *it", "<p>**bold and *it</p>"},
		{"three stars stay", "***x***", "<p>***x***</p>"},
		{"empty emphasis stays", "**** __", "<p>**** __</p>"},
		{"other delimiter inside", "*a_ _b*", "<p><i>a_ _b</i></p>"},
		{"backslash escapes", `\*not italic\* and \_ and \\ and \[x\](https://y)`, `<p>*not italic* and _ and \ and [x](<a href="https://y">https://y</a>)</p>`},
		{"other backslashes stay", `C:\path\n`, `<p>C:\path\n</p>`},

		{"markdown link", "[the docs](https://example.com/a?b=1&c=2)", `<p><a href="https://example.com/a?b=1&amp;c=2">the docs</a></p>`},
		{"link label with emphasis", "[**bold** docs](http://x.io)", `<p><a href="http://x.io"><b>bold</b> docs</a></p>`},
		{"no link in a link", "[see https://y.io](https://x.io)", `<p><a href="https://x.io">see https://y.io</a></p>`},
		{"empty label shows the url", "[](https://x.io)", `<p><a href="https://x.io">https://x.io</a></p>`},
		{"mailto", "[write us](mailto:help@example.com)", `<p><a href="mailto:help@example.com">write us</a></p>`},
		{"balanced parentheses", "[Foo](https://en.wikipedia.org/wiki/Foo_(bar)) ok", `<p><a href="https://en.wikipedia.org/wiki/Foo_(bar)">Foo</a> ok</p>`},
		{"javascript is text", "[click](javascript:alert(1))", "<p>[click](javascript:alert(1))</p>"},
		{"data is text", "[x](data:text/html;base64,PHNjcmlwdD4=)", "<p>[x](data:text/html;base64,PHNjcmlwdD4=)</p>"},
		{"scheme-relative is text", "[x](//evil.example)", "<p>[x](//evil.example)</p>"},
		{"hostless http is text", "[x](http:evil)", "<p>[x](http:evil)</p>"},
		{"quote ends a url", `[x](https://a.io/"onmouseover="alert(1))`, `<p>[x](<a href="https://a.io/">https://a.io/</a>&#34;onmouseover=&#34;alert(1))</p>`},
		{"space in href: not a markdown link", "[x](https://a.io/ b)", `<p>[x](<a href="https://a.io/">https://a.io/</a> b)</p>`},
		{"not a link", "[just brackets] (and parens)", "<p>[just brackets] (and parens)</p>"},

		{"bare url", "see https://example.com/x.", `<p>see <a href="https://example.com/x">https://example.com/x</a>.</p>`},
		{"bare url query escaped", "https://a.io/?q=1&r='2'", `<p><a href="https://a.io/?q=1&amp;r=">https://a.io/?q=1&amp;r=</a>&#39;2&#39;</p>`},
		{"bare url in parentheses", "(https://en.wikipedia.org/wiki/Foo_(bar))", `<p>(<a href="https://en.wikipedia.org/wiki/Foo_(bar)">https://en.wikipedia.org/wiki/Foo_(bar)</a>)</p>`},
		{"bare url ends at a tag", "http://a.io<b>", `<p><a href="http://a.io">http://a.io</a>&lt;b&gt;</p>`},
		{"bare url in bold", "**https://a.io**", `<p><b><a href="https://a.io">https://a.io</a></b></p>`},
		{"upper-case scheme", "HTTPS://A.IO/x", `<p><a href="HTTPS://A.IO/x">HTTPS://A.IO/x</a></p>`},
		{"inside a word is text", "xhttps://a.io", "<p>xhttps://a.io</p>"},
		{"no host is text", "https:// nothing", "<p>https:// nothing</p>"},
		{"ftp is text", "ftp://files.example", "<p>ftp://files.example</p>"},

		{"unicode", "Olá **Zoë** ☃ — 日本語", "<p>Olá <b>Zoë</b> ☃ — 日本語</p>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ToHTML(tc.in)
			if got != tc.want {
				t.Fatalf("ToHTML(%q)\n got %s\nwant %s", tc.in, got, tc.want)
			}
			if err := checkHTML(got); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// FuzzToHTML: ToHTML never panics; its output is only text (escaped) and our own tags,
// properly nested; it is empty exactly when the input is blank.
func FuzzToHTML(f *testing.F) {
	for _, s := range []string{
		"Hi **Ana**,\nsee [docs](https://x)",
		"<script>alert(1)</script>",
		"[x](javascript:alert(1))",
		"**a _b *c* d_ e**",
		"https://a.io/?q=<b>&r=\"x\"",
		"\\*\\_\\[\\]\\(\\)\\\\",
		"[**[nested](https://a.io)**](https://b.io)",
		"a\r\n\r\nb\rc",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := ToHTML(in)
		if err := checkHTML(out); err != nil {
			t.Fatalf("ToHTML(%q) = %q: %v", in, out, err)
		}
		if (out == "") != (strings.TrimSpace(in) == "") {
			t.Fatalf("ToHTML(%q) = %q", in, out)
		}
		if utf8.ValidString(in) && !utf8.ValidString(out) {
			t.Fatalf("ToHTML(%q) = %q: invalid UTF-8", in, out)
		}
	})
}

// checkHTML fails unless s is escaped text and the tags ToHTML writes, properly nested:
// paragraphs at the top, no paragraph or link inside another, and no raw '<', '>', '"'
// or "'" and no '&' but an entity outside the tags.
func checkHTML(s string) error {
	var stack []string
	top := func() string {
		if len(stack) == 0 {
			return ""
		}
		return stack[len(stack)-1]
	}
	has := func(tag string) bool {
		for _, t := range stack {
			if t == tag {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(s); {
		rest := s[i:]
		switch {
		case strings.HasPrefix(rest, "<p>"):
			if len(stack) != 0 {
				return fmt.Errorf("<p> inside %v at %d", stack, i)
			}
			stack = append(stack, "p")
			i += 3
		case strings.HasPrefix(rest, "<br>"):
			if !has("p") {
				return fmt.Errorf("<br> outside a paragraph at %d", i)
			}
			i += 4
		case strings.HasPrefix(rest, "<b>"), strings.HasPrefix(rest, "<i>"):
			if !has("p") {
				return fmt.Errorf("%s outside a paragraph at %d", rest[:3], i)
			}
			stack = append(stack, rest[1:2])
			i += 3
		case strings.HasPrefix(rest, `<a href="`):
			end := strings.Index(rest, `">`)
			if end < 0 {
				return fmt.Errorf("unterminated <a> at %d", i)
			}
			href := rest[len(`<a href="`):end]
			if strings.ContainsAny(href, `<>"'`) || !entitiesOnly(href) {
				return fmt.Errorf("unescaped href %q", href)
			}
			if !has("p") || has("a") {
				return fmt.Errorf("<a> in %v at %d", stack, i)
			}
			stack = append(stack, "a")
			i += end + 2
		case strings.HasPrefix(rest, "</"):
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				return fmt.Errorf("unterminated close tag at %d", i)
			}
			tag := rest[2:end]
			if tag != top() {
				return fmt.Errorf("</%s> closes %v at %d", tag, stack, i)
			}
			stack = stack[:len(stack)-1]
			i += end + 1
		case s[i] == '<' || s[i] == '>' || s[i] == '"' || s[i] == '\'':
			return fmt.Errorf("raw %q at %d", s[i], i)
		case s[i] == '&':
			if !entitiesOnly(rest[:min(len(rest), 5)]) {
				return fmt.Errorf("bare & at %d", i)
			}
			i++
		default:
			if len(stack) == 0 {
				return fmt.Errorf("text outside a paragraph at %d", i)
			}
			i++
		}
	}
	if len(stack) != 0 {
		return fmt.Errorf("unclosed %v", stack)
	}
	return nil
}

// entitiesOnly reports whether every '&' in s starts one of the entities
// html.EscapeString writes (s may be cut short after the first).
func entitiesOnly(s string) bool {
	for i := strings.IndexByte(s, '&'); i >= 0; {
		rest := s[i:]
		ok := false
		for _, e := range []string{"&amp;", "&lt;", "&gt;", "&#34;", "&#39;"} {
			if strings.HasPrefix(rest, e) || (len(rest) < len(e) && strings.HasPrefix(e, rest)) {
				ok = true
			}
		}
		if !ok {
			return false
		}
		next := strings.IndexByte(rest[1:], '&')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return true
}

// The fuzz property over many generated, markup-heavy texts: a deterministic sweep
// that runs with every `go test`.
func TestToHTMLGenerated(t *testing.T) {
	pieces := []string{"*", "**", "_", "__", "[", "]", "(", ")", "\\", "h", "https://a.io/x", "mailto:a@b.c",
		" ", "\n", "\n\n", "a", "é", "<", ">", "&", `"`, "'", "javascript:", "](", "](https://b.io)"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20_000 {
		var b strings.Builder
		for k := r.IntN(40); k > 0; k-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		in := b.String()
		out := ToHTML(in)
		if err := checkHTML(out); err != nil {
			t.Fatalf("ToHTML(%q) = %q: %v", in, out, err)
		}
		if (out == "") != (strings.TrimSpace(in) == "") {
			t.Fatalf("ToHTML(%q) = %q", in, out)
		}
	}
}

// BenchmarkToHTML: a long reply, and hostile texts that a naive scanner takes
// quadratic time on (ToHTML runs in Update, on send).
func BenchmarkToHTML(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"reply", strings.Repeat("Hi **Ana**, see [the docs](https://example.com/a_(b)) and _this_.\n", 200)},
		{"unclosed-stars", strings.Repeat("*a ", 20000)},
		{"unclosed-links", strings.Repeat("[a](", 20000)},
		{"nested", strings.Repeat("**a *b _c ", 5000) + strings.Repeat(" c_ b* a**", 5000)},
		{"bad-urls", strings.Repeat("[https://%zz", 5000)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.in)))
			for b.Loop() {
				ToHTML(bc.in)
			}
		})
	}
}
