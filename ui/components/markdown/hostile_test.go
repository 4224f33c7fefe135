package markdown

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// What the app puts on the terminal for a body: text and SGR styling, nothing else. It
// never emits OSC 8: glamour's own hyperlinks are removed by SafeANSI like any other
// OSC, and a safe link shows as its text followed by its URL in plain text. So no
// href, safe or not, is ever clickable through an escape sequence, and the only
// escapes in the output are the SGR sequences glamour styles with.

// sgrRE is the renderer's own styling: CSI with SGR parameters, final 'm'.
var sgrRE = regexp.MustCompile("\x1b\\[[0-9;:]*m")

// noEscapeButSGR fails t if out holds any ESC once the SGR sequences are removed.
func noEscapeButSGR(t *testing.T, in, out string) {
	t.Helper()
	if rest := sgrRE.ReplaceAllString(out, ""); strings.ContainsRune(rest, 0x1b) {
		i := strings.IndexRune(rest, 0x1b)
		t.Fatalf("ESC other than SGR in output at %q\ninput %q\noutput %q", rest[i:min(len(rest), i+24)], in, out)
	}
}

func TestRenderHostileHTML(t *testing.T) {
	cases := []struct {
		name, html string
		want       []string // visible text that must survive
		bad        []string // text that must not appear (after removing styling)
	}{
		{"script", `<p>hi</p><script>alert(1)</script><p>there</p>`, []string{"hi", "there"}, []string{"alert", "script", "<"}},
		{"script in body text", `<div>a<script type="text/javascript">document.cookie</script>b</div>`, []string{"ab"}, []string{"cookie", "script"}},
		{"style", `<style>body{display:none}</style><p>shown</p>`, []string{"shown"}, []string{"display", "style", "{"}},
		{"on* attributes", `<p onclick="alert(1)" onmouseover="steal()">text</p><img src="x" onerror="alert(2)">`, []string{"text"}, []string{"alert", "onclick", "onerror", "steal"}},
		{"javascript link", `<a href="javascript:alert(1)">x</a>`, []string{"x"}, []string{"javascript", "alert"}},
		{"javascript link, obfuscated", `<a href="  jav&#x09;ascript:alert(1)">y</a> <a href="JAVASCRIPT:alert(2)">z</a>`, []string{"y", "z"}, []string{"alert", "ascript"}},
		{"data link", `<a href="data:text/html,<script>alert(1)</script>">open</a>`, []string{"open"}, []string{"data:", "alert", "script"}},
		{"vbscript and file links", `<a href="vbscript:msgbox">v</a> <a href="file:///etc/passwd">f</a>`, []string{"v", "f"}, []string{"vbscript", "passwd"}},
		{"iframe", `<p>before</p><iframe src="https://evil.example/">inner</iframe><p>after</p>`, []string{"before", "after"}, []string{"iframe", "evil"}},
		{"object and embed", `<object data="evil.swf"></object><embed src="evil.swf"><p>ok</p>`, []string{"ok"}, []string{"swf"}},
		{"raw ESC in text", "<p>a\x1b[2Jb\x1b[?1049hc</p>", []string{"abc"}, nil},
		{"raw OSC 8 in text", "<p>\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\ me</p>", []string{"click me"}, []string{"evil"}},
		{"raw OSC 8 with BEL", "<p>\x1b]8;;https://evil.example\x07click\x1b]8;;\x07</p>", []string{"click"}, []string{"evil"}},
		{"OSC 52 in text", "<p>x\x1b]52;c;cm0gLXJmIH4K\x07y</p>", []string{"xy"}, []string{"cm0g"}},
		{"ESC in href", "<a href=\"https://ok.example/\x1b]8;;https://evil.example\x1b\\\">link</a>", []string{"link"}, []string{"evil"}},
		{"OSC in href attribute entity", `<a href="https://ok.example/&#x1b;]52;c;aGk=&#7;">link</a>`, []string{"link"}, []string{"aGk"}},
		{"entity-encoded CSI", `<p>&#27;[2Jclear &#x1b;[31mred</p>`, []string{"clear", "red"}, []string{"[2J", "[31m"}},
		{"double-encoded CSI", `<p>&amp;#27;[2J &amp;#x1B;]8;;http://x&amp;#7;</p>`, nil, nil},
		// HTML5 reads &#128;–&#159; as Windows-1252: &#155; is "›", not CSI; &#x9d; stays
		// U+009D (8-bit OSC), and its string runs to the end since &#x9c; is "œ", not ST.
		{"8-bit C1 entities", `<p>a&#155;2Jb &#x9d;0;t&#x9c;c</p>`, []string{"a›2Jb"}, []string{"0;t"}},
		{"bidi override", "<p>file\u202egnp.exe &#x202e;x&#8238;y</p>", []string{"filegnp.exe", "xy"}, nil},
	}
	r := New()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, width := range []int{20, 80} {
				lines, err := r.Render(Key{}, c.html, width, "dark")
				if err != nil {
					t.Fatalf("Render: %v", err)
				}
				out := strings.Join(lines, "\n")
				noEscapeButSGR(t, c.html, out)
				assertTerminalSafe(t, out)
				if strings.Contains(out, "\x1b]8;") {
					t.Fatalf("OSC 8 hyperlink in output: %q", out)
				}
				text := ansi.Strip(out)
				for _, b := range append(c.bad, "javascript:", "data:") {
					if strings.Contains(text, b) {
						t.Errorf("width %d: output has %q:\n%s", width, b, text)
					}
				}
				if width == 80 {
					flat := strings.Join(strings.Fields(text), " ")
					for _, w := range c.want {
						if !strings.Contains(flat, w) {
							t.Errorf("visible text %q lost:\n%s", w, text)
						}
					}
				}
			}
		})
	}
}

// A customer's literal markdown is text, not a link: it shows, but nothing is made
// clickable and no target becomes a link line.
func TestTypedMarkdownLinkStaysText(t *testing.T) {
	out := strings.Join(render(t, New(), `<p>[click](javascript:alert(1))</p>`, 80), "\n")
	noEscapeButSGR(t, "", out)
	if got := ansi.Strip(out); !strings.Contains(got, "[click](javascript:alert(1))") {
		t.Fatalf("typed markdown not shown as typed: %q", got)
	}
}

func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"", "<p>plain</p>", hostile,
		`<script>alert(1)</script><style>p{}</style><iframe src="x"></iframe>`,
		`<a href="javascript:alert(1)">x</a><a href="data:text/html,<b>x</b>">d</a><a href="https://ok/">ok</a>`,
		"<p>\x1b]8;;https://evil\x1b\\click\x1b]8;;\x1b\\</p><a href=\"\x1b]8;;x\x07\">h</a>",
		`<p>&#27;[2J &amp;#27;[31m &#x9b;1m &#8238;</p>`,
		"<table><tr><td>\x1b[31m<a href=\"https://x/\x1b[0m\">t</a></td></tr></table>",
		"<pre><code>\x1b[33m`x`\x1bP1\x1b\\</code></pre><ul><li><b>&#x1b;c</b></li></ul>",
		`<img src="https://x/&#27;[2J.png" alt="&#x1b;]0;t&#7;"><h1>&#x202e;t</h1><blockquote>q</blockquote>`,
	} {
		f.Add(s)
	}
	r := New()
	f.Fuzz(func(t *testing.T, html string) {
		lines, _ := r.Render(Key{}, html, 80, "dark") // on error the lines are the fallback: checked too
		out := strings.Join(lines, "\n")
		noEscapeButSGR(t, html, out)
		assertTerminalSafe(t, out)
	})
}
