package replies

import (
	"strings"

	"github.com/intercom-tui/intercom-tui/sanitize"
)

// Values are what placeholders are filled from: the customer of the conversation being
// answered and the signed-in admin. "" is unknown. They come from the network, so Fill
// sanitizes them again (one line each) whatever the caller did.
type Values struct {
	CustomerName  string
	CustomerEmail string
	AdminName     string
}

// placeholder is one name a reply may use: how to get its value, and why it may have none.
type placeholder struct {
	name  string
	value func(Values) string
	why   func(Values) string
}

func customerWhy(v Values) string { return "this customer has no name" }

// placeholders are the names Fill knows, in the order the docs list them.
var placeholders = []placeholder{
	{"first_name", func(v Values) string { return first(v.CustomerName) }, customerWhy},
	{"last_name", func(v Values) string { return last(v.CustomerName) }, func(v Values) string {
		if clean(v.CustomerName) == "" {
			return customerWhy(v)
		}
		return "this customer's name is one word, with no last name"
	}},
	{"name", func(v Values) string { return clean(v.CustomerName) }, customerWhy},
	{"email", func(v Values) string { return clean(v.CustomerEmail) }, func(Values) string { return "this customer has no email address" }},
	{"admin_name", func(v Values) string { return clean(v.AdminName) }, adminWhy},
	{"admin_first_name", func(v Values) string { return first(v.AdminName) }, adminWhy},
}

func adminWhy(Values) string { return "your teammate profile has no name (or has not loaded yet)" }

// Names lists the placeholders a reply may use, as written: {{first_name}}, ….
func Names() []string {
	out := make([]string, len(placeholders))
	for i, p := range placeholders {
		out[i] = "{{" + p.name + "}}"
	}
	return out
}

func lookup(name string) (placeholder, bool) {
	name = strings.ToLower(name)
	for _, p := range placeholders {
		if p.name == name {
			return p, true
		}
	}
	return placeholder{}, false
}

func clean(s string) string { return strings.Join(strings.Fields(sanitize.Line(s)), " ") }

// first is the first word of a name; last is the rest ("" for a one-word name).
func first(name string) string {
	f := strings.Fields(clean(name))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

func last(name string) string {
	f := strings.Fields(clean(name))
	if len(f) < 2 {
		return ""
	}
	return strings.Join(f[1:], " ")
}

// Hole is a placeholder that is still in the text, and why.
type Hole struct {
	Placeholder string // as it stands in the text now: "{{first_name}}"
	Why         string // "this customer has no name"
	Unknown     bool   // no such placeholder (a typo in the reply?)
}

// Fill replaces the placeholders of body with their values. A placeholder without a
// value, and one Fill does not know, stays as {{name}} (written without spaces) and is
// listed in holes, each once, in the order they first appear.
func Fill(body string, v Values) (text string, holes []Hole) {
	seen := map[string]bool{}
	text = placeholderRE.ReplaceAllStringFunc(body, func(m string) string {
		name := placeholderRE.FindStringSubmatch(m)[1]
		canon := "{{" + strings.ToLower(name) + "}}"
		p, ok := lookup(name)
		if ok {
			if val := p.value(v); val != "" {
				return val
			}
		}
		if !seen[canon] {
			seen[canon] = true
			holes = append(holes, hole(canon, p, ok, v))
		}
		return canon
	})
	return text, holes
}

// Find lists the placeholders left in text (each once, in order), with why each would
// be a hole if sent: the composer refuses to send any of them.
func Find(text string, v Values) []Hole {
	var holes []Hole
	seen := map[string]bool{}
	for _, m := range placeholderRE.FindAllStringSubmatch(text, -1) {
		if seen[m[0]] {
			continue
		}
		seen[m[0]] = true
		p, ok := lookup(m[1])
		h := hole(m[0], p, ok, v)
		if ok && p.value(v) != "" {
			h.Why = "a placeholder, not text for the customer"
		}
		holes = append(holes, h)
	}
	return holes
}

func hole(text string, p placeholder, known bool, v Values) Hole {
	if !known {
		return Hole{Placeholder: text, Unknown: true, Why: "unknown placeholder (a typo in the saved reply?)"}
	}
	return Hole{Placeholder: text, Why: p.why(v)}
}

// Message says which placeholders are holes and why, and what to do:
// "{{first_name}}: this customer has no name — replace it before sending".
func Message(holes []Hole) string {
	if len(holes) == 0 {
		return ""
	}
	parts := make([]string, len(holes))
	for i, h := range holes {
		parts[i] = h.Placeholder + ": " + h.Why
	}
	it := "it"
	if len(holes) > 1 {
		it = "them"
	}
	return strings.Join(parts, "; ") + " — replace " + it + " before sending"
}
