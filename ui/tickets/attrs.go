package tickets

import (
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
)

// Ticket attributes are shown by their type's data type, in the type's order: a value
// that fits beside its name on one line, else a block below it (a multiline string as a
// wrapped paragraph, files one by one). Values the type does not describe follow, typed
// by what they hold.

// Names of the default attributes.
const (
	attrTitle       = "_default_title_"
	attrDescription = "_default_description_"
)

// attrValue is a value as the detail shows it: a styled line beside the name, or lines
// below it.
type attrValue struct {
	text  string
	block []string
}

// attributeLines renders every attribute of the ticket's type but the title (the
// header's), then any value the type does not describe.
func attributeLines(in detailInput) []string {
	t, st := in.ticket, in.styles
	var defs []models.TicketTypeAttribute
	if t.TicketType != nil {
		defs = slices.Clone(t.TicketType.Attributes())
		slices.SortStableFunc(defs, func(a, b models.TicketTypeAttribute) int { return a.Order - b.Order })
	}
	var out []string
	described := map[string]bool{attrTitle: true}
	for _, a := range defs {
		if described[a.Name] {
			continue
		}
		described[a.Name] = true
		v, has := t.TicketAttributes[a.Name]
		if a.Archived && !has {
			continue
		}
		out = append(out, labelled(in, attrName(a.Name), renderValue(in, a, v))...)
	}
	var extra []string
	for name := range t.TicketAttributes {
		if !described[name] {
			extra = append(extra, name)
		}
	}
	slices.Sort(extra)
	for _, name := range extra {
		v := t.TicketAttributes[name]
		out = append(out, labelled(in, attrName(name), renderValue(in, models.TicketTypeAttribute{DataType: guessType(v)}, v))...)
	}
	if len(out) == 0 {
		out = append(out, st.Empty.Render("This ticket type has no attributes."))
	}
	return out
}

// attrName is an attribute's name for people.
func attrName(name string) string {
	switch name {
	case attrTitle:
		return "Title"
	case attrDescription:
		return "Description"
	}
	if n := textfmt.Line(name); n != "" {
		return n
	}
	return "(unnamed)"
}

// labelWidth is the width of the name column.
func labelWidth(width int) int { return min(22, max(10, width/3)) }

// labelled lays out a name and its value: side by side when the value is one line that
// fits, else the name over the indented block.
func labelled(in detailInput, name string, v attrValue) []string {
	st, lw := in.styles, labelWidth(in.width)
	room := in.width - lw - 1
	if v.block == nil && ansi.StringWidth(v.text) <= room {
		return []string{st.Muted.Render(textfmt.Cell(name, lw)) + " " + v.text}
	}
	lines := []string{st.Muted.Render(ansi.Truncate(name, in.width, ellipsis))}
	block := v.block
	if block == nil {
		block = wrapText(v.text, in.width-2)
	}
	return append(lines, textfmt.Indent(block, 2)...)
}

// renderValue renders v by the attribute's data type.
func renderValue(in detailInput, a models.TicketTypeAttribute, v any) attrValue {
	st := in.styles
	if isEmpty(v) {
		return attrValue{text: st.Muted.Render(noValue)}
	}
	switch a.DataType {
	case models.DataString:
		s := strings.TrimRight(sanitize.String(stringOf(v)), "\n ")
		multiline, _ := a.InputOptions["multiline"].(bool)
		if multiline || strings.Contains(s, "\n") {
			return attrValue{block: paragraph(st.Text.Render, s, in.width-2)}
		}
		return attrValue{text: st.Text.Render(textfmt.Line(s))}
	case models.DataList:
		return attrValue{text: st.Text.Render(listLabel(a, v))}
	case models.DataInteger:
		if f, ok := number(v); ok {
			return attrValue{text: st.Text.Render(groupDigits(strconv.FormatFloat(math.Trunc(f), 'f', 0, 64)))}
		}
	case models.DataDecimal:
		if f, ok := number(v); ok {
			return attrValue{text: st.Text.Render(decimalText(f))}
		}
	case models.DataBoolean:
		if b, ok := boolean(v); ok {
			if b {
				return attrValue{text: st.Success.Render("yes")}
			}
			return attrValue{text: st.Text.Render("no")}
		}
	case models.DataDatetime:
		if at, ok := datetime(v); ok {
			return attrValue{text: st.Text.Render(textfmt.AbsTime(at.Unix(), in.now, in.loc)) + st.Muted.Render(" · "+relTime(at.Unix(), in.now))}
		}
	case models.DataFiles:
		files := models.FileAttribute(v)
		if len(files) == 0 {
			return attrValue{text: st.Muted.Render("no files")}
		}
		var block []string
		for _, f := range files {
			block = append(block, fileLines(in, f, in.width-2)...)
		}
		return attrValue{block: block}
	}
	return attrValue{text: st.Text.Render(anyText(v))} // an unknown type, or a value not of its type
}

// guessType is the data type of a value the ticket type does not describe.
func guessType(v any) string {
	switch x := v.(type) {
	case bool:
		return models.DataBoolean
	case float64:
		if x == math.Trunc(x) {
			return models.DataInteger
		}
		return models.DataDecimal
	case string:
		return models.DataString
	case []any, map[string]any:
		if len(models.FileAttribute(v)) > 0 {
			return models.DataFiles
		}
	}
	return ""
}

func isEmpty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return strings.TrimSpace(x) == ""
	case []any:
		return len(x) == 0
	}
	return false
}

func stringOf(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return anyText(v)
}

// anyText is any value as one safe line.
func anyText(v any) string {
	switch x := v.(type) {
	case string:
		return textfmt.Line(x)
	case bool:
		if x {
			return "yes"
		}
		return "no"
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "?"
	}
	return ansi.Truncate(textfmt.Line(string(b)), 200, ellipsis)
}

// listLabel is the chosen option's label: a value that is an option's id (as Intercom
// stores list values) is resolved through input_options.list_options.
func listLabel(a models.TicketTypeAttribute, v any) string {
	if many, ok := v.([]any); ok {
		labels := make([]string, 0, len(many))
		for _, x := range many {
			labels = append(labels, listLabel(a, x))
		}
		return strings.Join(labels, ", ")
	}
	s := stringOf(v)
	opts, _ := a.InputOptions["list_options"].([]any)
	for _, o := range opts {
		m, _ := o.(map[string]any)
		if id, _ := m["id"].(string); id != "" && id == s {
			if label, _ := m["label"].(string); textfmt.Line(label) != "" {
				return textfmt.Line(label)
			}
		}
	}
	return textfmt.Line(s)
}

// number reads a JSON number (or a numeric string).
func number(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		return f, err == nil
	}
	return 0, false
}

func boolean(v any) (bool, bool) {
	switch x := v.(type) {
	case bool:
		return x, true
	case string:
		b, err := strconv.ParseBool(strings.TrimSpace(x))
		return b, err == nil
	}
	return false, false
}

// datetime reads a unix time (seconds) or an RFC 3339 string.
func datetime(v any) (time.Time, bool) {
	if f, ok := number(v); ok && f > 0 {
		return time.Unix(int64(f), 0), true
	}
	if s, ok := v.(string); ok {
		if t, err := time.Parse(time.RFC3339, strings.TrimSpace(s)); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// decimalText is a decimal with its thousands grouped and at least two decimals when it
// has any: 1234.5 → "1,234.50", 12 → "12".
func decimalText(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	whole, frac, ok := strings.Cut(s, ".")
	if !ok {
		return groupDigits(whole)
	}
	if len(frac) == 1 {
		frac += "0"
	}
	return groupDigits(whole) + "." + frac
}

// groupDigits puts a comma between thousands: "-1234567" → "-1,234,567".
func groupDigits(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	if len(s) <= 3 {
		return sign + s
	}
	var b strings.Builder
	head := len(s) % 3
	if head > 0 {
		b.WriteString(s[:head])
	}
	for i := head; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(s[i : i+3])
	}
	return sign + b.String()
}

// paragraph wraps sanitized text at width, line by line, each line styled.
func paragraph(style func(...string) string, s string, width int) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		for _, w := range wrapText(strings.TrimRight(strings.ReplaceAll(l, "\t", "    "), " "), width) {
			out = append(out, style(w))
		}
	}
	return out
}

// wrapText wraps a line at width (words, else hard), never returning nothing.
func wrapText(s string, width int) []string {
	if s == "" {
		return []string{""}
	}
	return strings.Split(ansi.Wrap(s, max(1, width), ""), "\n")
}

// fileLines is "📎 name  type · size" and the URL below it, wrapped rather than cut so it
// can be copied whole.
func fileLines(in detailInput, f models.Attachment, width int) []string {
	st := in.styles
	width = max(width, 10)
	name := textfmt.Line(f.Name)
	if name == "" {
		name = "file"
	}
	var meta []string
	if ct := textfmt.Line(f.ContentType); ct != "" {
		meta = append(meta, ct)
	}
	if f.Filesize > 0 {
		meta = append(meta, byteSize(f.Filesize))
	}
	head := st.Attachment.Render(st.Icons.Attachment + " " + name)
	if len(meta) > 0 {
		head += "  " + st.Muted.Render(strings.Join(meta, " · "))
	}
	lines := []string{ansi.Truncate(head, width, ellipsis)}
	if u := sanitize.Line(f.URL); u != "" {
		for _, l := range strings.Split(ansi.Hardwrap(u, max(1, width-3), false), "\n") {
			lines = append(lines, "   "+st.Muted.Render(l))
		}
	}
	return lines
}
