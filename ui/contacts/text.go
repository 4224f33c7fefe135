package contacts

import (
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/net/html"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
)

// Text helpers: every remote string is made one safe line (line), HTML bodies become
// plain lines (htmlLines), and values, dates and ages read the same everywhere.

const (
	noValue  = "—"
	ellipsis = "…"
)

// htmlBlocks end a line of text.
var htmlBlocks = map[string]bool{
	"p": true, "br": true, "div": true, "li": true, "ul": true, "ol": true, "tr": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"blockquote": true, "pre": true, "hr": true, "table": true,
}

// htmlLines is an HTML body as plain lines of text: tags dropped (block tags end a
// line, list items get a bullet), entities decoded, then every line sanitized, so an
// encoded ESC (&#27;) is caught too. Empty lines are dropped. At most maxLines lines.
func htmlLines(body string, maxLines int) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if l := textfmt.Line(cur.String()); l != "" {
			out = append(out, l)
		}
		cur.Reset()
	}
	z := html.NewTokenizer(strings.NewReader(body))
	skip := "" // inside <script> or <style>: their text is code
	for len(out) < maxLines {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		switch tt {
		case html.TextToken:
			if skip == "" {
				cur.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			tag := string(name)
			switch {
			case (tag == "script" || tag == "style") && tt == html.StartTagToken:
				skip = tag
			case tag == skip && tt == html.EndTagToken:
				skip = ""
			case tag == "img" && skip == "":
				cur.WriteString(" [image] ")
			case htmlBlocks[tag]:
				flush()
				if tag == "li" && tt == html.StartTagToken {
					cur.WriteString("• ")
				}
			}
		}
	}
	flush()
	if len(out) > maxLines {
		out = out[:maxLines]
	}
	return out
}

// firstLine is the start of an HTML body as one line.
func firstLine(body string) string {
	lines := htmlLines(body, 3)
	return strings.Join(lines, " ")
}

// age is how long ago unix was, from now: "now", "4m", "2h", "3d", "12w", "2y"; "" for
// never.
func age(unix, now int64) string {
	if unix == 0 {
		return ""
	}
	return textfmt.Age(unix, now)
}

// date is a unix time as a day in the workspace's zone: "12 Mar 2025"; noValue for 0.
func date(unix int64, loc *time.Location) string {
	if unix == 0 {
		return noValue
	}
	return time.Unix(unix, 0).In(zoneOr(loc)).Format("2 Jan 2006")
}

// when is a unix time as a day and time: "12 Mar 2025 14:05".
func when(unix int64, loc *time.Location) string {
	if unix == 0 {
		return noValue
	}
	return time.Unix(unix, 0).In(zoneOr(loc)).Format("2 Jan 2006 15:04")
}

// dateAgo is a day with its age: "12 Mar 2025 (3d ago)".
func dateAgo(unix, now int64, loc *time.Location) string {
	if unix == 0 {
		return noValue
	}
	a := age(unix, now)
	if a == "now" {
		return date(unix, loc) + " (just now)"
	}
	return date(unix, loc) + " (" + a + " ago)"
}

func zoneOr(loc *time.Location) *time.Location {
	if loc == nil {
		return time.UTC
	}
	return loc
}

// Plausible unix seconds for a custom attribute named like a time (…_at, …_date):
// 2000-01-01 to 2100-01-01.
const (
	minUnix = 946684800
	maxUnix = 4102444800
)

// attrValue is a custom attribute's value as the profile shows it: yes/no, numbers
// without a float's noise, times of *_at attributes as dates, strings sanitized, and
// anything else as compact JSON.
func attrValue(key string, v any, loc *time.Location) string {
	switch x := v.(type) {
	case nil:
		return noValue
	case bool:
		if x {
			return "yes"
		}
		return "no"
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1e15 {
			n := int64(x)
			if timeLike(key) && n >= minUnix && n < maxUnix {
				return date(n, loc)
			}
			return strconv.FormatInt(n, 10)
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	case int64:
		return attrValue(key, float64(x), loc)
	case int:
		return attrValue(key, float64(x), loc)
	case string:
		if x == "" {
			return noValue
		}
		return textfmt.Clip(textfmt.Line(x), 200)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return noValue
	}
	return textfmt.Clip(textfmt.Line(string(b)), 200)
}

func timeLike(key string) bool {
	k := strings.ToLower(key)
	return strings.HasSuffix(k, "_at") || strings.HasSuffix(k, "_date") || strings.HasSuffix(k, "_time")
}

// sortedKeys are m's keys in order.
func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// errText is an error as an inline line or a toast has room for: the app's short
// wording (api.Short), one safe line.
func errText(err error) string {
	return ansi.Truncate(textfmt.Line(api.Short(err)), 80, ellipsis)
}

// digits is the phone-number reading of s: its digits, with a leading + kept ("+44 20
// 7946" → "+44207946"), or "" when s has fewer than 3 digits or holds letters.
func digits(s string) string {
	var b strings.Builder
	n := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
			n++
		case r == '+' && i == 0:
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '(' || r == ')' || r == '.':
		default:
			return ""
		}
	}
	if n < 3 {
		return ""
	}
	return b.String()
}
