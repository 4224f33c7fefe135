package phone

import (
	"strings"
	"testing"
)

func TestParseNormalises(t *testing.T) {
	cases := []struct {
		in, region, e164, country string
	}{
		{"083 234 5678", "IE", "+353832345678", "Ireland"},
		{"+353 83 234 5678", "US", "+353832345678", "Ireland"},
		{"00353-83-234-5678", "GB", "+353832345678", "Ireland"},
		{"00 44 7400 123456", "IE", "+447400123456", "United Kingdom"},
		{"07812-345-678", "GB", "+447812345678", "United Kingdom"},
		{"(415) 555-2671", "US", "+14155552671", "United States"},
		{"+1 416 555 0123", "US", "+14165550123", "Canada"},
		{"06 12 34 56 78", "FR", "+33612345678", "France"},
		{"0151 23456789", "DE", "+4915123456789", "Germany"},
		{"612 345 678", "ES", "+34612345678", "Spain"},
		{"312 345 6789", "IT", "+393123456789", "Italy"},
		{"06-12345678", "NL", "+31612345678", "Netherlands"},
		{"0412 345 678", "AU", "+61412345678", "Australia"},
		{"090-1234-5678", "JP", "+819012345678", "Japan"},
		{"11 91234-5678", "BR", "+5511912345678", "Brazil"},
		{"98765 43210", "IN", "+919876543210", "India"},
		{"+40 721 100 100", "", "+40721100100", "Romania"},
		{"  +353832345678  ", "ie", "+353832345678", "Ireland"},
	}
	for _, c := range cases {
		n, err := Parse(c.in, c.region)
		if err != nil {
			t.Errorf("Parse(%q, %s): %v", c.in, c.region, err)
			continue
		}
		if n.E164 != c.e164 || n.Country != c.country {
			t.Errorf("Parse(%q, %s) = %s in %s, want %s in %s", c.in, c.region, n.E164, n.Country, c.e164, c.country)
		}
		if n.Kind == "" || n.International == "" || n.Region == "" {
			t.Errorf("Parse(%q): incomplete %+v", c.in, n)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	cases := []struct {
		in, region, reason string
	}{
		{"", "IE", "Enter the caller's phone number"},
		{"   ", "IE", "Enter the caller's phone number"},
		{"12345", "IE", "is not a valid number in Ireland"},
		{"+44 7400 123456 ext. 12", "GB", "cannot reach an extension"},
		{"07400 123456 x4", "GB", "cannot reach an extension"},
		{"+44 20 7946 0018", "GB", "is a fixed line in United Kingdom: it cannot receive an SMS"},
		{"+40241100100", "RO", "is a fixed line in Romania"},
		{"+1 800 555 0199", "US", "is a toll-free number"},
		{"call me maybe", "IE", "digits only"},
		{"083 234 5678", "", "Start the number with + and its country code"},
		{strings.Repeat("1", 100), "IE", "too long"},
		{"+", "IE", "not a phone number"},
	}
	for _, c := range cases {
		n, err := Parse(c.in, c.region)
		if err == nil {
			t.Errorf("Parse(%q, %s) = %+v, want refused", c.in, c.region, n)
			continue
		}
		if !strings.Contains(err.Error(), c.reason) {
			t.Errorf("Parse(%q, %s): %q, want it to say %q", c.in, c.region, err, c.reason)
		}
	}
}

func TestMask(t *testing.T) {
	for in, want := range map[string]string{
		"+353832345678": "+••••••••5678",
		"5678":          "5678",
		"12":            "12",
		"":              "",
	} {
		if got := Mask(in); got != want {
			t.Errorf("Mask(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDefaultRegion(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{EnvRegion: "ie"}, "IE"},
		{map[string]string{"LANG": "en_IE.UTF-8"}, "IE"},
		{map[string]string{"LC_ALL": "de_DE@euro", "LANG": "en_IE.UTF-8"}, "DE"},
		{map[string]string{"LANG": "C.UTF-8"}, "US"},
		{map[string]string{}, "US"},
	}
	for _, c := range cases {
		if got := DefaultRegion(env(c.env)); got != c.want {
			t.Errorf("DefaultRegion(%v) = %s, want %s", c.env, got, c.want)
		}
	}
}

// FuzzParse: no input panics, and what is accepted is E.164 and parses to itself.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"083 234 5678", "+353832345678", "00 44 7400 123456", "12345", "+1 800 555 0199 ext 2", "", "++", "0\x00", "٠٨٣"} {
		f.Add(s, "IE")
	}
	f.Fuzz(func(t *testing.T, in, region string) {
		n, err := Parse(in, region)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("empty reason for %q", in)
			}
			return
		}
		if !strings.HasPrefix(n.E164, "+") || len(n.E164) < 8 || len(n.E164) > 16 {
			t.Fatalf("Parse(%q) = %q, not E.164", in, n.E164)
		}
		again, err := Parse(n.E164, "")
		if err != nil || again.E164 != n.E164 {
			t.Fatalf("E.164 %q does not parse to itself: %+v %v", n.E164, again, err)
		}
	})
}
