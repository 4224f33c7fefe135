package composer

import (
	"html"
	"net/url"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ToHTML turns what the agent typed into the simple HTML Intercom takes as a body:
//
//   - a blank line starts a new paragraph (<p>…</p>); any other line break is <br>
//   - [text](url) and bare http:// or https:// URLs are links, when the scheme is http,
//     https or mailto; any other link is left as the text that was typed
//   - **bold** is <b>, *italic* and _italic_ are <i>; a delimiter must touch the text it
//     wraps and stand apart from the words around it (snake_case stays as it is)
//   - a backslash before one of \ * _ [ ] ( ) keeps that character as typed
//
// Everything else is text, HTML-escaped: the output holds no markup but these tags,
// and attribute values are escaped too. A text with nothing but white space gives "".
func ToHTML(text string) string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	var b strings.Builder
	for _, para := range paragraphs(text) {
		b.WriteString("<p>")
		inline(&b, para, true)
		b.WriteString("</p>")
	}
	return b.String()
}

// paragraphs splits text at blank lines, dropping trailing white space on each line.
func paragraphs(text string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, "\n"))
			cur = nil
		}
	}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimRightFunc(line, unicode.IsSpace)
		if line == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return out
}

// Limits that keep ToHTML linear on hostile input: emphasis nests at most maxDepth
// deep (deeper delimiters are text), and a URL longer than maxURL is not linked.
const (
	maxDepth = 8
	maxURL   = 2048
)

// escapable are the characters a backslash keeps as typed.
const escapable = `\*_[]()`

// urlStop ends a bare URL: white space, control characters, and what cannot be in one.
var urlStop = func() string {
	var b strings.Builder
	for c := byte(0); c <= ' '; c++ {
		b.WriteByte(c)
	}
	b.WriteString("<>\"'\\[]\x7f")
	return b.String()
}()

// span is the inline text of a paragraph (or of an emphasis or a link label in it),
// with what its scan has learnt so far.
type span struct {
	s                             string
	links                         bool // false inside a link label: links do not nest
	depth                         int
	closers                       map[delim][]int // where emphasis can close, computed on first use
	nextClose, nextOpen, nextStop next
}

// delim is an emphasis delimiter: '*' or '_', once or twice.
type delim struct {
	c byte
	n int
}

// next caches the first index at or after some position of any of a set of bytes. The
// scan only moves forward, so each search starts where the last one stopped.
type next struct {
	at    int
	valid bool
}

func (x *next) from(s string, i int, chars string) int {
	if x.valid && x.at >= i {
		return x.at
	}
	x.valid = true
	if j := strings.IndexAny(s[i:], chars); j >= 0 {
		x.at = i + j
	} else {
		x.at = len(s)
	}
	return x.at
}

// inline writes s with its emphasis and links as HTML.
func inline(b *strings.Builder, s string, links bool) {
	(&span{s: s, links: links}).write(b)
}

func (p *span) write(b *strings.Builder) {
	s := p.s
	var text strings.Builder // plain text waiting to be escaped
	flush := func() {
		writeText(b, text.String())
		text.Reset()
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && strings.IndexByte(escapable, s[i+1]) >= 0:
			text.WriteByte(s[i+1])
			i += 2
			continue
		case c == '*' || c == '_':
			n := runLen(s, i, c)
			if j, ok := p.emphasis(i, n); ok {
				flush()
				tag := "i"
				if n == 2 {
					tag = "b"
				}
				b.WriteString("<" + tag + ">")
				(&span{s: s[i+n : j], links: p.links, depth: p.depth + 1}).write(b)
				b.WriteString("</" + tag + ">")
				i = j + n
				continue
			}
			text.WriteString(s[i : i+n]) // not emphasis: the whole run is text
			i += n
			continue
		case c == '[' && p.links:
			if label, href, n, ok := p.markdownLink(i); ok {
				flush()
				writeLink(b, label, href)
				i += n
				continue
			}
		case (c == 'h' || c == 'H') && p.links && wordStart(s, i):
			if u := p.bareURL(i); u != "" {
				flush()
				b.WriteString(`<a href="` + html.EscapeString(u) + `">`)
				writeText(b, u)
				b.WriteString("</a>")
				i += len(u)
				continue
			}
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		text.WriteString(s[i : i+size])
		i += size
	}
	flush()
}

// writeText escapes text, with its line breaks as <br>.
func writeText(b *strings.Builder, text string) {
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString("<br>")
		}
		b.WriteString(html.EscapeString(line))
	}
}

func writeLink(b *strings.Builder, label, href string) {
	b.WriteString(`<a href="` + html.EscapeString(href) + `">`)
	if strings.TrimSpace(label) == "" {
		writeText(b, href)
	} else {
		inline(b, label, false)
	}
	b.WriteString("</a>")
}

// emphasis reports whether the run of n delimiters at i opens an emphasis, and where
// its closing run starts. An opening run (one or two long) follows the start or a
// non-word character and precedes a non-space; the closing run is the first later run
// of the same delimiter and length that follows a non-space and precedes the end or a
// non-word character, with something between the two.
func (p *span) emphasis(i, n int) (int, bool) {
	s := p.s
	if n > 2 || p.depth >= maxDepth || !boundaryBefore(s, i) || i+n >= len(s) || isSpaceAt(s, i+n) {
		return 0, false
	}
	if p.closers == nil {
		p.closers = closers(s)
	}
	list := p.closers[delim{s[i], n}]
	k := sort.SearchInts(list, i+n+1)
	if k == len(list) {
		return 0, false
	}
	return list[k], true
}

// closers lists, by delimiter, the runs in s that can close an emphasis. Escaped
// characters are skipped as the scan in write skips them.
func closers(s string) map[delim][]int {
	out := map[delim][]int{}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && strings.IndexByte(escapable, s[i+1]) >= 0:
			i += 2
		case c == '*' || c == '_':
			m := runLen(s, i, c)
			if m <= 2 && i > 0 && !isSpaceBefore(s, i) && boundaryAfter(s, i+m) {
				out[delim{c, m}] = append(out[delim{c, m}], i)
			}
			i += m
		default:
			i++
		}
	}
	return out
}

func runLen(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// markdownLink reads [label](href) at s[i]: n is its length. The label holds no '[';
// the href is an http, https or mailto URL without white space or brackets, at most
// maxURL long, whose parentheses balance.
func (p *span) markdownLink(i int) (label, href string, n int, ok bool) {
	s := p.s
	end := p.nextClose.from(s, i+1, "]")
	if end+1 >= len(s) || s[end+1] != '(' || p.nextOpen.from(s, i+1, "[") < end {
		return "", "", 0, false
	}
	depth := 0
	for j := end + 2; j < len(s) && j-end-2 <= maxURL; j++ {
		switch c := s[j]; {
		case c == '(':
			depth++
		case c == ')' && depth > 0:
			depth--
		case c == ')':
			href = s[end+2 : j]
			if !allowedURL(href) {
				return "", "", 0, false
			}
			return s[i+1 : end], href, j + 1 - i, true
		case c <= ' ' || strings.IndexByte("<>\"[]", c) >= 0:
			return "", "", 0, false
		}
	}
	return "", "", 0, false
}

// bareURL is the http:// or https:// URL at s[i], up to white space or a character
// that cannot be in one, less trailing punctuation (and an unbalanced ')'); "" when
// there is none or it is longer than maxURL.
func (p *span) bareURL(i int) string {
	s := p.s
	lower := strings.ToLower(s[i:min(len(s), i+8)])
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
		return ""
	}
	end := p.nextStop.from(s, i, urlStop)
	if end-i > maxURL {
		return ""
	}
	u := s[i:end]
	opens, closes := strings.Count(u, "("), strings.Count(u, ")")
	for u != "" {
		last := u[len(u)-1]
		switch {
		case strings.IndexByte(".,;:!?*_", last) >= 0:
			u = u[:len(u)-1]
		case last == ')' && opens < closes:
			u = u[:len(u)-1]
			closes--
		default:
			if allowedURL(u) {
				return u
			}
			return ""
		}
	}
	return ""
}

// allowedURL reports whether u is a link we write: http or https with a host, or
// mailto with an address.
func allowedURL(u string) bool {
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	switch strings.ToLower(p.Scheme) {
	case "http", "https":
		return p.Host != ""
	case "mailto":
		return p.Opaque != "" || p.Path != ""
	}
	return false
}

func wordStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !isWord(r) && r != '/'
}

func boundaryBefore(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !isWord(r)
}

func boundaryAfter(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !isWord(r)
}

func isSpaceAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r)
}

func isSpaceBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsSpace(r)
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
