package redirect

import (
	"encoding/json"
	"math"
	"regexp"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/textinput"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/phone"
	"github.com/intercom-tui/intercom-tui/ui/components/filter"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

// Kind is the JSON type an attribute's value is sent as.
type Kind int

const (
	Text Kind = iota
	Number
	Boolean
	numKinds
)

func (k Kind) String() string {
	switch k {
	case Number:
		return "number"
	case Boolean:
		return "boolean"
	}
	return "text"
}

// attr is one custom-attribute row: a name, a type, a value.
type attr struct {
	key, value textinput.Model
	kind       Kind
}

// Input widths, in cells: no phone number or attribute name needs more to be read.
const (
	phoneWidth = 32
	keyWidth   = 20
	valueWidth = 28
	maxKey     = 190 // Intercom's limit on an attribute name
	maxValue   = 255 // and on a string value
)

func newInput(st *theme.Styles, placeholder string, limit int) textinput.Model {
	in := filter.New(st, "", placeholder)
	in.CharLimit = limit
	in.SetWidth(phoneWidth)
	return in
}

func newAttr(st *theme.Styles) attr {
	a := attr{key: newInput(st, "name, e.g. issue_type", maxKey), value: newInput(st, "value", maxValue)}
	a.key.SetWidth(keyWidth)
	a.value.SetWidth(valueWidth)
	return a
}

// blank reports a row left empty: it is skipped, not refused.
func (a attr) blank() bool {
	return strings.TrimSpace(a.key.Value()) == "" && strings.TrimSpace(a.value.Value()) == ""
}

// jsonNumber is JSON's number grammar: what is sent is exactly what was typed.
var jsonNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

// typed is the row's value as its type, or why it is not one.
func (a attr) typed() (any, string) {
	v := strings.TrimSpace(a.value.Value())
	switch a.kind {
	case Number:
		if v == "" {
			return nil, "Enter a number"
		}
		if !jsonNumber.MatchString(v) {
			return nil, "Not a number: digits with an optional - and . (e.g. 42 or 3.5)"
		}
		if f, err := strconv.ParseFloat(v, 64); err != nil || math.IsInf(f, 0) {
			return nil, "That number is too large"
		}
		return json.Number(v), ""
	case Boolean:
		switch strings.ToLower(v) {
		case "true", "yes":
			return true, ""
		case "false", "no":
			return false, ""
		}
		return nil, "Type true or false"
	}
	return a.value.Value(), ""
}

// rowErrors is each row's problem ("" for none): a value without a name, a name used
// twice, a value that is not of its type.
func rowErrors(rows []attr) []string {
	out := make([]string, len(rows))
	seen := map[string]bool{}
	for i, a := range rows {
		if a.blank() {
			continue
		}
		k := strings.TrimSpace(a.key.Value())
		switch {
		case k == "":
			out[i] = "Name this attribute"
		case seen[k]:
			out[i] = "“" + k + "” is already set above"
		default:
			_, out[i] = a.typed()
		}
		seen[k] = true
	}
	return out
}

// payload is what the confirmation shows and the send sends.
type payload struct {
	number phone.Number
	attrs  map[string]any // nil when there are none
}

// body is the request as the api client encodes it (no HTML escaping), indented for
// reading.
func (p payload) body() string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(models.PhoneSwitchRequest{Phone: p.number.E164, CustomAttributes: p.attrs}); err != nil {
		return err.Error() // only a value of a type JSON lacks; the form makes none
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// collect is the payload of valid fields; ok is false when any field is refused.
func collect(reading phone.Number, readErr error, rows []attr) (payload, bool) {
	if readErr != nil {
		return payload{}, false
	}
	p := payload{number: reading}
	for i, e := range rowErrors(rows) {
		if e != "" {
			return payload{}, false
		}
		if rows[i].blank() {
			continue
		}
		v, _ := rows[i].typed()
		if p.attrs == nil {
			p.attrs = map[string]any{}
		}
		p.attrs[strings.TrimSpace(rows[i].key.Value())] = v
	}
	return p, true
}

// reading is the number as it will be sent, in words: "+353 83 234 5678 · Ireland · mobile".
func reading(n phone.Number) string {
	parts := []string{n.International}
	if n.Country != "" {
		parts = append(parts, n.Country)
	}
	if n.Kind != "" {
		parts = append(parts, n.Kind)
	}
	return strings.Join(parts, " · ")
}
