package picker

import (
	"slices"
	"testing"
)

func TestMatch(t *testing.T) {
	cases := []struct {
		pattern, text string
		ok            bool
		positions     []int
	}{
		{"", "anything", true, nil},
		{"bil", "Billing", true, []int{0, 1, 2}},
		{"BIL", "billing", true, []int{0, 1, 2}},
		{"blg", "Billing", true, []int{0, 2, 6}},
		{"vip cus", "VIP customer", true, []int{0, 1, 2, 4, 5, 6}},
		{"ms", "Mobile sales", true, []int{0, 7}}, // the s that starts a word
		{"ec", "Élise Cœur", true, []int{4, 6}},
		{"éc", "Élise Cœur", true, []int{0, 6}},
		{"xyz", "Billing", false, nil},
		{"lib", "Billing", false, nil}, // order matters
		{"billingg", "Billing", false, nil},
	}
	for _, tc := range cases {
		_, pos, ok := Match(tc.pattern, tc.text)
		if ok != tc.ok {
			t.Errorf("Match(%q, %q) ok=%v, want %v", tc.pattern, tc.text, ok, tc.ok)
			continue
		}
		if ok && !slices.Equal(pos, tc.positions) {
			t.Errorf("Match(%q, %q) positions %v, want %v", tc.pattern, tc.text, pos, tc.positions)
		}
	}
}

// The best alignment is found, not the first one: "sa" in "Mobile sales" takes the word
// start, and a prefix beats a match in the middle.
func TestMatchRanking(t *testing.T) {
	better := []struct{ pattern, hi, lo string }{
		{"bil", "Billing", "Mobile billing"},       // a prefix beats a later word
		{"bil", "Mobile billing", "Mobile Bxixlx"}, // consecutive beats scattered
		{"ref", "Refund", "Premium fee"},           // contiguous at a start
		{"ms", "Mobile sales", "Mismatches"},       // word starts beat inner letters
		{"sup", "Support", "Setup"},                // a whole prefix
		{"ap", "Ana Pérez", "Saphire"},             // initials
		{"mon", "Next Monday 9:00", "Common"},      // where the words start
	}
	for _, tc := range better {
		hi, _, ok1 := Match(tc.pattern, tc.hi)
		lo, _, ok2 := Match(tc.pattern, tc.lo)
		if !ok1 || !ok2 {
			t.Errorf("%q should match both %q and %q", tc.pattern, tc.hi, tc.lo)
			continue
		}
		if hi <= lo {
			t.Errorf("%q: %q scores %d, not above %q's %d", tc.pattern, tc.hi, hi, tc.lo, lo)
		}
	}
	_, pos, _ := Match("sa", "Mobile sales")
	if !slices.Equal(pos, []int{7, 8}) {
		t.Errorf("Match(sa, Mobile sales) positions %v, want the word start [7 8]", pos)
	}
}

func FuzzMatch(f *testing.F) {
	for _, s := range [][2]string{{"bil", "Billing"}, {"", ""}, {"é", "É"}, {"ab", "a\x00b"}, {"ǅ", "ǆ"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, pattern, text string) {
		_, pos, ok := Match(pattern, text)
		if !ok {
			return
		}
		n := len([]rune(text))
		for i, p := range pos {
			if p < 0 || p >= n || (i > 0 && p <= pos[i-1]) {
				t.Fatalf("Match(%q, %q) positions %v", pattern, text, pos)
			}
		}
	})
}
