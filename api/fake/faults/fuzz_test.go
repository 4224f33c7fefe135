package faults

import (
	"reflect"
	"testing"
)

// FuzzParseSpec: ParseSpec never panics, everything it accepts is a valid rule whose
// pattern compiles, and Format writes it back to the same rules.
func FuzzParseSpec(f *testing.F) {
	for _, s := range []string{
		"",
		"latency=2s@/conversations/*; status=500@POST /conversations/*/reply#1; rate_limit@*:0.1",
		"rate_limit=50/30s@**:0.25#3",
		"truncate=0.9@/articles\nhtml=504@GET /help_center/**",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		rules, err := ParseSpec(spec)
		if err != nil {
			return
		}
		for _, r := range rules {
			if err := r.Validate(); err != nil {
				t.Fatalf("ParseSpec(%q) accepted an invalid rule %#v: %v", spec, r, err)
			}
			compilePattern(r.Pattern)
		}
		again, err := ParseSpec(Format(rules))
		if err != nil || !reflect.DeepEqual(again, rules) {
			t.Fatalf("round trip of %q via %q: %#v, %v", spec, Format(rules), again, err)
		}
	})
}
