package contacts

import (
	"slices"
	"testing"
	"time"
)

func TestHTMLLines(t *testing.T) {
	for _, tc := range []struct {
		body string
		want []string
	}{
		{"<p>Called <b>Ana</b>: evaluating the plan.</p>", []string{"Called Ana: evaluating the plan."}},
		{"<p>Key contact.</p><ul><li>Invoices to finance@</li><li>PO required</li></ul>", []string{"Key contact.", "• Invoices to finance@", "• PO required"}},
		{"one<br>two<br/>  three  ", []string{"one", "two", "three"}},
		{"<p>a &amp; b &lt;c&gt; &#27;[2Jx</p>", []string{"a & b <c> x"}},
		{"<style>p{color:red}</style><p>text</p><script>alert(1)</script>", []string{"text"}},
		{"<p>see <img src=x> here</p>", []string{"see [image] here"}},
		{"<p>\u202eevil\u202c</p>", []string{"evil"}},
		{"", nil},
	} {
		if got := htmlLines(tc.body, 10); !slices.Equal(got, tc.want) {
			t.Errorf("htmlLines(%q) = %q, want %q", tc.body, got, tc.want)
		}
	}
	if got := htmlLines("<p>1</p><p>2</p><p>3</p>", 2); len(got) != 2 {
		t.Errorf("maxLines not kept: %q", got)
	}
}

func TestAttrValue(t *testing.T) {
	loc := time.UTC
	for _, tc := range []struct {
		key  string
		v    any
		want string
	}{
		{"beta", true, "yes"},
		{"beta", false, "no"},
		{"seats", float64(188), "188"},
		{"mrr", 953.93, "953.93"},
		{"renewed_at", float64(1764158400), "26 Nov 2025"},
		{"count_at", float64(12), "12"},
		{"plan", "Pro\x1b[31m", "Pro"},
		{"plan", "", "—"},
		{"missing", nil, "—"},
		{"list", []any{"a", 1.0}, `["a",1]`},
	} {
		if got := attrValue(tc.key, tc.v, loc); got != tc.want {
			t.Errorf("attrValue(%q, %#v) = %q, want %q", tc.key, tc.v, got, tc.want)
		}
	}
}

func TestAgeAndDigits(t *testing.T) {
	now := int64(1_800_000_000)
	for _, tc := range []struct {
		unix int64
		want string
	}{{0, ""}, {now - 30, "now"}, {now - 300, "5m"}, {now - 7200, "2h"}, {now - 3*86400, "3d"}, {now - 200*86400, "28w"}, {now - 800*86400, "2y"}} {
		if got := age(tc.unix, now); got != tc.want {
			t.Errorf("age(%d) = %q, want %q", now-tc.unix, got, tc.want)
		}
	}
	for in, want := range map[string]string{"+44 20 7946": "+44207946", "(415) 555-01": "41555501", "12": "", "grace": "", "10361": "10361", "a1234": ""} {
		if got := digits(in); got != want {
			t.Errorf("digits(%q) = %q, want %q", in, got, want)
		}
	}
}
