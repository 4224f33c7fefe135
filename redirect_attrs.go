package main

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// maxExactInt is the largest integer a float64 holds exactly (2^53): a number such as
// "1e3" within it is sent as the integer it is, not as 1000.0.
const maxExactInt = 1 << 53

// parseAttrs reads the --attr and --attr-text flags into custom_attributes. --attr values
// are typed (true/false, numbers, else text) because Intercom's custom attributes are
// typed and a number sent as "3" would not match a number attribute; --attr-text is the
// way out for text that looks like a number, such as an account number "00123".
func parseAttrs(typed, text []string) (map[string]any, error) {
	attrs := map[string]any{}
	given := map[string]string{} // key → the flag that set it, for the duplicate message
	add := func(flag, kv string, value func(string) any) error {
		key, val, ok := strings.Cut(kv, "=")
		key = strings.TrimSpace(key)
		switch {
		case !ok:
			return fmt.Errorf("%s %q: want key=value, e.g. %s priority=High", flag, kv, flag)
		case key == "":
			return fmt.Errorf("%s %q: the attribute name before '=' is empty; type it as %s name=value, e.g. %s priority=High", flag, kv, flag, flag)
		case strings.IndexFunc(key, unicode.IsControl) >= 0:
			return fmt.Errorf("%s %q: the attribute name has control characters; type a plain name such as %s priority=High", flag, kv, flag)
		}
		if prev, dup := given[key]; dup {
			return fmt.Errorf("%s %q: the attribute %q is already set by %s; give each attribute once", flag, kv, key, prev)
		}
		given[key] = flag + " " + strconv.Quote(kv)
		attrs[key] = value(val)
		return nil
	}
	for _, kv := range typed {
		if err := add("--attr", kv, typedValue); err != nil {
			return nil, err
		}
	}
	for _, kv := range text {
		if err := add("--attr-text", kv, func(s string) any { return s }); err != nil {
			return nil, err
		}
	}
	return attrs, nil
}

// typedValue is an --attr value as JSON sees it: a boolean, a finite number (an integer
// stays an integer), else the text as typed.
func typedValue(s string) any {
	switch strings.ToLower(s) {
	case "true":
		return true
	case "false":
		return false
	}
	// ParseFloat also reads hex ("0x1p-2") and underscores in them: nobody means a
	// number by those on a command line, so they stay text.
	if t := strings.TrimLeft(strings.ToLower(s), "+-"); strings.HasPrefix(t, "0x") {
		return s
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return s // "NaN", "Inf" and out-of-range numbers cannot be sent as JSON numbers
	}
	if f == math.Trunc(f) && math.Abs(f) <= maxExactInt {
		return int64(f)
	}
	return f
}

// describeAttrs lists the attributes as they will be sent, one "key = value (type)" per
// line, sorted by key, so the typing is visible before the SMS goes out.
func describeAttrs(attrs map[string]any) []string {
	keys := make([]string, 0, len(attrs))
	for k := range attrs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	lines := make([]string, 0, len(keys))
	for _, k := range keys {
		var v string
		switch x := attrs[k].(type) {
		case bool:
			v = strconv.FormatBool(x) + " (boolean)"
		case int64:
			v = strconv.FormatInt(x, 10) + " (number)"
		case float64:
			v = strconv.FormatFloat(x, 'g', -1, 64) + " (number)"
		case string:
			v = strconv.Quote(x) + " (text)"
		default:
			v = fmt.Sprint(x)
		}
		lines = append(lines, k+" = "+v) // keys have no control characters (parseAttrs)
	}
	return lines
}
