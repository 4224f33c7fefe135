package store

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// blockTags end a line of text: a body's paragraphs stay apart in snippets.
var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true, "tr": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"blockquote": true, "pre": true, "table": true, "hr": true, "section": true,
}

// htmlText is an HTML body as plain text for the index: tags dropped, entities decoded,
// script and style skipped, blocks on their own lines, runs of blanks collapsed.
func htmlText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return collapse(s)
	}
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return collapse(b.String())
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if tag == "script" || tag == "style" {
				if tt == html.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
				continue
			}
			if blockTags[tag] {
				b.WriteByte('\n')
			}
		}
	}
}

// collapse trims each line, folds runs of spaces and drops empty lines and control
// characters.
func collapse(s string) string {
	var out []string
	for line := range strings.SplitSeq(s, "\n") {
		f := strings.FieldsFunc(line, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) })
		if len(f) > 0 {
			out = append(out, strings.Join(f, " "))
		}
	}
	return strings.Join(out, "\n")
}

// ftsQuery turns what a user typed into an FTS5 MATCH expression that cannot be a syntax
// error: each whitespace-separated term becomes a quoted string (quotes doubled), terms
// are ANDed, and the last one matches as a prefix. Terms with no letter or digit are
// dropped (the tokenizer would make them empty phrases). "" means nothing to search.
func ftsQuery(q string) string {
	var terms []string
	for _, t := range strings.Fields(q) {
		t = strings.Map(func(r rune) rune {
			if unicode.IsControl(r) {
				return -1
			}
			return r
		}, t)
		if !strings.ContainsFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			continue
		}
		terms = append(terms, `"`+strings.ReplaceAll(t, `"`, `""`)+`"`)
	}
	if len(terms) == 0 {
		return ""
	}
	terms[len(terms)-1] += "*"
	return strings.Join(terms, " ")
}
