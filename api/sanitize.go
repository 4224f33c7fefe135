package api

import (
	"html"
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"github.com/intercom-tui/intercom-tui/sanitize"
)

const (
	redactedMark = "[REDACTED]"
	// maxMessageRunes bounds one server message in an error; a toast has no room for more.
	maxMessageRunes = 300
	// maxSnippetRunes bounds the text kept from a body that was not the expected JSON.
	maxSnippetRunes = 160
	// snippetScanBytes is how much of a body is turned into a snippet, after redaction.
	snippetScanBytes = 8 << 10
)

var (
	// bearerRE catches any bearer credential, not just ours: a proxy may echo a header
	// in a form that differs from the raw token (quoted, re-encoded, truncated).
	bearerRE   = regexp.MustCompile(`(?i)\bbearer(?:\s|%20|\+)+[^\s"'<>,;&)\]}]+`)
	scriptRE   = regexp.MustCompile(`(?is)<(script|style)\b.*?</(script|style)\s*>`)
	titleRE    = regexp.MustCompile(`(?is)<title[^>]*>(.*?)</title\s*>`)
	tagRE      = regexp.MustCompile(`(?s)<[^>]*>`)
	htmlMarkRE = regexp.MustCompile(`(?i)^\s*(<!doctype|<html|<head|<body|<\?xml|<[a-z]+[\s>])`)
)

// redact removes token (raw and URL-encoded) and any "Bearer <credential>" from s.
// It must run on whole texts, before any truncation, so a cut can never leave a
// recognisable part of the token behind.
func redact(s, token string) string {
	if token != "" {
		s = strings.ReplaceAll(s, token, redactedMark)
		if q := url.QueryEscape(token); q != token {
			s = strings.ReplaceAll(s, q, redactedMark)
		}
	}
	return bearerRE.ReplaceAllString(s, "Bearer "+redactedMark)
}

func (c *Client) redact(s string) string { return redact(s, c.token) }

// clean redacts s, then makes it safe and short for a one-line message.
func (c *Client) clean(s string, max int) string { return cleanText(c.redact(s), max) }

// snippet is a short, redacted, one-line text of a body: the title or text of an HTML
// page, or the start of anything else.
func (c *Client) snippet(body []byte, contentType string) string {
	s := c.redact(string(body))
	if len(s) > snippetScanBytes {
		s = s[:snippetScanBytes]
	}
	if strings.Contains(strings.ToLower(contentType), "html") || htmlMarkRE.MatchString(s) {
		s = htmlText(s)
	}
	// Redact again: unescaping entities can reveal a "Bearer" that was encoded.
	return cleanText(c.redact(s), maxSnippetRunes)
}

// htmlText reduces an HTML page to its title, or to its visible text without a title.
func htmlText(s string) string {
	s = scriptRE.ReplaceAllString(s, " ")
	if m := titleRE.FindStringSubmatch(s); m != nil {
		if t := strings.TrimSpace(html.UnescapeString(tagRE.ReplaceAllString(m[1], " "))); t != "" {
			return t
		}
	}
	return html.UnescapeString(tagRE.ReplaceAllString(s, " "))
}

// cleanText makes untrusted text fit one line of a terminal: the one sanitizer first
// (escape sequences, controls, bidi), then any remaining format characters dropped,
// whitespace collapsed, and at most max runes kept.
func cleanText(s string, max int) string {
	s = sanitize.Line(s)
	var b strings.Builder
	b.Grow(min(len(s), max*4))
	n, space := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = n > 0
			continue
		}
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Co, r) {
			continue
		}
		need := 1
		if space {
			need = 2
		}
		if n+need > max {
			return b.String() + "…"
		}
		if space {
			b.WriteByte(' ')
			n++
			space = false
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}
