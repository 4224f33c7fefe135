package faults

import (
	"errors"
	"flag"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseSpecAccepts(t *testing.T) {
	const brief = `latency=2s@/conversations/*; status=500@POST /conversations/*/reply#1; rate_limit@*:0.1; reset@/contacts/search:0.5; truncate@/articles`
	cases := []struct {
		spec string
		want []Rule
	}{
		{"", nil},
		{" ;\n ; ", nil},
		{brief, []Rule{
			{Kind: Latency, Pattern: "/conversations/*", Delay: 2 * time.Second},
			{Kind: Status, Method: "POST", Pattern: "/conversations/*/reply", Count: 1, Code: 500},
			{Kind: RateLimit, Pattern: "*", Rate: 0.1},
			{Kind: Reset, Pattern: "/contacts/search", Rate: 0.5},
			{Kind: Truncate, Pattern: "/articles"},
		}},
		{"rate_limit=50/30s@/x", []Rule{{Kind: RateLimit, Pattern: "/x", Limit: 50, ResetAfter: 30 * time.Second}}},
		{"rate_limit=/1m@/x", []Rule{{Kind: RateLimit, Pattern: "/x", ResetAfter: time.Minute}}},
		{"rate_limit=9@/x", []Rule{{Kind: RateLimit, Pattern: "/x", Limit: 9}}},
		{"html=504@/x\ngarbage@/y", []Rule{{Kind: HTML, Pattern: "/x", Code: 504}, {Kind: Garbage, Pattern: "/y"}}},
		{"  truncate = 0.25 @ delete  /conversations/** : 1 # 7 ", []Rule{
			{Kind: Truncate, Method: "DELETE", Pattern: "/conversations/**", Keep: 0.25, Rate: 1, Count: 7},
		}},
		{"unauthorized@**/reply; refuse@/me;", []Rule{{Kind: Unauthorized, Pattern: "**/reply"}, {Kind: Refuse, Pattern: "/me"}}},
	}
	for _, c := range cases {
		got, err := ParseSpec(c.spec)
		if err != nil {
			t.Errorf("ParseSpec(%q): %v", c.spec, err)
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseSpec(%q) =\n %#v\nwant\n %#v", c.spec, got, c.want)
		}
		if again, err := ParseSpec(Format(got)); err != nil || !reflect.DeepEqual(again, got) {
			t.Errorf("round trip of %q via %q: %v, %v", c.spec, Format(got), again, err)
		}
	}
}

func TestParseSpecRejects(t *testing.T) {
	cases := map[string]string{
		"latency=2s@/a; lateny=2s@/b": `fault 2: unknown kind "lateny" (known: latency, rate_limit, status, html, reset, truncate, garbage, unauthorized, refuse)`,
		"=2s@/a":                      `fault 1: missing kind before "@" (known: latency, rate_limit, status, html, reset, truncate, garbage, unauthorized, refuse)`,
		";;status":                    `fault 1: "status" has no "@PATTERN" (use "@*" for every path)`,
		"latency@/a":                  `fault 1: latency needs a duration, e.g. latency=2s`,
		"latency=2@/a":                `fault 1: latency: "2" is not a positive duration such as 2s or 150ms`,
		"latency=-1s@/a":              `fault 1: latency: "-1s" is not a positive duration such as 2s or 150ms`,
		"status=@/a":                  `fault 1: status: nothing after "="`,
		"status=200@/a":               `fault 1: status: code "200" is not an HTTP error status (400..599)`,
		"html=abc@/a":                 `fault 1: html: code "abc" is not an HTTP error status (400..599)`,
		"rate_limit=0@/a":             `fault 1: rate_limit: limit "0" is not a positive whole number`,
		"rate_limit=5/@/a":            `fault 1: rate_limit: reset-after: "" is not a positive duration such as 2s or 150ms`,
		"truncate=1@/a":               `fault 1: truncate: fraction "1" is not a number in (0, 1), e.g. truncate=0.5`,
		"reset=NaN@/a":                `fault 1: reset: fraction "NaN" is not a number in (0, 1), e.g. reset=0.5`,
		"refuse=now@/a":               `fault 1: refuse takes no argument, got "now"`,
		"garbage@":                    `fault 1: pattern is empty (use "*" for every path)`,
		"garbage@ :0.5":               `fault 1: pattern is empty (use "*" for every path)`,
		"garbage@/a:0":                `fault 1: rate "0" is not a number in (0, 1], e.g. :0.1`,
		"garbage@/a:1.5":              `fault 1: rate "1.5" is not a number in (0, 1], e.g. :0.1`,
		"garbage@/a:NaN":              `fault 1: rate "NaN" is not a number in (0, 1], e.g. :0.1`,
		"garbage@/a#0":                `fault 1: count "0" is not a positive whole number`,
		"garbage@/a#2:0.5":            `fault 1: count "2:0.5" is not a positive whole number`,
		"garbage@PSOT /a":             `fault 1: unknown method "PSOT" (known: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS)`,
		"garbage@POST /a /b":          `fault 1: expected "[METHOD ]PATTERN" after "@", got "POST /a /b"`,
		"garbage@conversations":       `fault 1: pattern "conversations" must start with '/' or '*'`,
		"garbage@/a?x=1":              `fault 1: pattern "/a?x=1" contains '?': patterns match the path only, not the query`,
		"truncate@*\x81":              `fault 1: pattern "*\x81" has invalid UTF-8 or control characters`,
		"garbage@/a@b":                `fault 1: pattern "/a@b" contains '@' (not allowed: space ; # : @ ?)`,
	}
	for spec, want := range cases {
		rules, err := ParseSpec(spec)
		if err == nil {
			t.Errorf("ParseSpec(%q) accepted: %v", spec, rules)
			continue
		}
		if err.Error() != want {
			t.Errorf("ParseSpec(%q)\n got: %s\nwant: %s", spec, err, want)
		}
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Entry == "" {
			t.Errorf("ParseSpec(%q): error %T is not a *ParseError with its entry", spec, err)
		}
	}
}

func TestValidateCodeRules(t *testing.T) {
	cases := map[string]Rule{
		`unknown kind "nope"`:                   {Kind: "nope", Pattern: "*"},
		`unknown method "get"`:                  {Kind: Refuse, Method: "get", Pattern: "*"},
		`pattern is empty`:                      {Kind: Refuse},
		`rate 2 is not in (0, 1]`:               {Kind: Refuse, Pattern: "*", Rate: 2},
		`count -1 is negative`:                  {Kind: Refuse, Pattern: "*", Count: -1},
		`status does not take Delay`:            {Kind: Status, Pattern: "*", Delay: time.Second},
		`latency does not take Code`:            {Kind: Latency, Pattern: "*", Delay: time.Second, Code: 500},
		`truncate: fraction 1 is not in (0, 1)`: {Kind: Truncate, Pattern: "*", Keep: 1},
		`html: code 302 is not an HTTP error`:   {Kind: HTML, Pattern: "*", Code: 302},
		`rate_limit: reset-after -1s`:           {Kind: RateLimit, Pattern: "*", ResetAfter: -time.Second},
	}
	for want, r := range cases {
		if err := r.Validate(); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%#v: Validate() = %v, want %q", r, err, want)
		}
	}
}

func TestFromEnv(t *testing.T) {
	t.Setenv(EnvVar, "")
	if rules, err := FromEnv(); rules != nil || err != nil {
		t.Errorf("blank env: %v, %v", rules, err)
	}
	t.Setenv(EnvVar, "refuse@/me; latency=1s@*:0.5")
	rules, err := FromEnv()
	if err != nil || len(rules) != 2 || rules[1].Rate != 0.5 {
		t.Errorf("FromEnv() = %v, %v", rules, err)
	}
	t.Setenv(EnvVar, "refuse@/me; lateny=1s@*")
	if _, err := FromEnv(); err == nil || !strings.HasPrefix(err.Error(), "INTERCOM_FAKE_FAULTS: fault 2: unknown kind") {
		t.Errorf("FromEnv() error = %v", err)
	}
}

func TestSpecFlag(t *testing.T) {
	var s Spec
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(new(strings.Builder))
	fs.Var(&s, "faults", "fault spec")
	if err := fs.Parse([]string{"-faults", "refuse@/me", "-faults", "status=503@*#2; garbage@/x"}); err != nil {
		t.Fatal(err)
	}
	if got := s.String(); got != "refuse@/me; status=503@*#2; garbage@/x" {
		t.Errorf("String() = %q", got)
	}
	err := fs.Parse([]string{"-faults", "bogus@*"})
	if err == nil || !strings.Contains(err.Error(), `fault 1: unknown kind "bogus"`) {
		t.Errorf("bad flag error = %v", err)
	}
	if s.Type() != "faults" || (*Spec)(nil).String() != "" {
		t.Error("pflag helpers")
	}
}

func TestPatternMatching(t *testing.T) {
	cases := []struct {
		pattern string
		yes     []string
		no      []string
	}{
		{"*", []string{"/", "/me", "/conversations/1/reply"}, nil},
		{"**", []string{"/", "/a/b/c"}, nil},
		{"/conversations/*", []string{"/conversations/1", "/conversations/search", "/conversations/"},
			[]string{"/conversations", "/conversations/1/reply", "/contacts/1"}},
		{"/conversations/**", []string{"/conversations/1", "/conversations/1/parts"}, []string{"/conversations", "/conversationsX/1"}},
		{"/conversations/*/reply", []string{"/conversations/42/reply"}, []string{"/conversations/42/parts", "/conversations/reply", "/conversations/a/b/reply"}},
		{"**/reply", []string{"/conversations/1/reply", "/tickets/1/reply"}, []string{"/conversations/1/replies"}},
		{"/contacts/search", []string{"/contacts/search"}, []string{"/contacts/search/", "/Contacts/search", "/contacts/searchx"}},
		{"/a.b+(c)[d]", []string{"/a.b+(c)[d]"}, []string{"/aXb+(c)[d]"}},
		{"/help_center/*s", []string{"/help_center/collections", "/help_center/sections"}, []string{"/help_center/section"}},
	}
	for _, c := range cases {
		if err := validPattern(c.pattern); err != nil {
			t.Fatalf("%q: %v", c.pattern, err)
		}
		re := compilePattern(c.pattern)
		for _, p := range c.yes {
			if !re.MatchString(p) {
				t.Errorf("%q should match %q", c.pattern, p)
			}
		}
		for _, p := range c.no {
			if re.MatchString(p) {
				t.Errorf("%q should not match %q", c.pattern, p)
			}
		}
	}
}
