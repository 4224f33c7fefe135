package faults

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// EnvVar is the environment variable FromEnv reads.
const EnvVar = "INTERCOM_FAKE_FAULTS"

// ParseError is a problem with one entry of a spec. Index counts non-blank entries from 1.
type ParseError struct {
	Index int
	Entry string
	Msg   string
}

func (e *ParseError) Error() string { return fmt.Sprintf("fault %d: %s", e.Index, e.Msg) }

// ParseSpec reads rules from a spec string, as given to a flag or $INTERCOM_FAKE_FAULTS.
//
//	spec   = [ entry { sep entry } ]     sep = ";" or newline; blank entries are skipped
//	entry  = kind [ "=" arg ] "@" [ METHOD " " ] pattern [ ":" rate ] [ "#" count ]
//
//	kind          arg                        answer
//	latency       DURATION (required): 2s    wait, then carry on to the other rules
//	rate_limit    [LIMIT][/RESET_AFTER]      429 error.list + X-RateLimit-* headers; LIMIT
//	                                         default 167, reset default end of the 10 s window
//	status        [CODE] 400..599, def. 500  error.list with that status
//	html          [CODE] 400..599, def. 502  a proxy's text/html error page
//	reset         [FRACTION] (0,1), def. 0.5 real headers, that share of the body, then EOF
//	truncate      [FRACTION] (0,1), def. 0.5 the real response, body cut to that share
//	garbage       none                       200 application/json that is not JSON
//	unauthorized  none                       401 error.list "Access Token Invalid"
//	refuse        none                       the connection closes with no response
//
// METHOD is GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS (any case); without it any
// method matches. rate is the chance in (0, 1] that a matching request is hit (default 1);
// count is how many times the rule fires before it is spent (default: no limit), so with
// the default rate "#3" means "the first 3 matching requests". Spaces around parts are
// ignored.
//
// pattern is a glob matched against the whole URL path (never the query string):
//
//	"*"   any characters except '/': within one segment
//	"**"  any characters including '/': across segments
//
// A lone "*" (or "**") matches every path. Everything else is literal and case-sensitive;
// spaces and ; # : @ ? are not allowed. "/conversations/*" matches /conversations/1 and
// /conversations/search but neither /conversations nor /conversations/1/reply;
// "/conversations/**" also matches /conversations/1/reply (still not /conversations);
// "/conversations/*/reply" matches only replies; "**/reply" every reply.
//
// Example:
//
//	latency=2s@/conversations/**; status=503@POST /conversations/*/reply#3; rate_limit@*:0.1
//
// Errors name the entry by its position: `fault 2: unknown kind "lateny" (known: ...)`.
func ParseSpec(spec string) ([]Rule, error) {
	var rules []Rule
	index := 0
	for _, raw := range strings.FieldsFunc(spec, func(r rune) bool { return r == ';' || r == '\n' }) {
		entry := strings.TrimSpace(raw)
		if entry == "" {
			continue
		}
		index++
		r, err := parseEntry(entry)
		if err != nil {
			return nil, &ParseError{Index: index, Entry: entry, Msg: err.Error()}
		}
		rules = append(rules, r)
	}
	return rules, nil
}

// FromEnv parses $INTERCOM_FAKE_FAULTS; unset or blank gives no rules and no error.
func FromEnv() ([]Rule, error) {
	rules, err := ParseSpec(os.Getenv(EnvVar))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", EnvVar, err)
	}
	return rules, nil
}

// Format writes rules as a spec that ParseSpec reads back to the same rules.
func Format(rules []Rule) string {
	parts := make([]string, len(rules))
	for i, r := range rules {
		parts[i] = r.String()
	}
	return strings.Join(parts, "; ")
}

func parseEntry(entry string) (Rule, error) {
	head, target, ok := strings.Cut(entry, "@")
	if !ok {
		return Rule{}, fmt.Errorf("%q has no \"@PATTERN\" (use \"@*\" for every path)", entry)
	}
	name, arg, hasArg := strings.Cut(head, "=")
	r := Rule{Kind: Kind(strings.TrimSpace(name))}
	if r.Kind == "" {
		return Rule{}, fmt.Errorf("missing kind before \"@\" (known: %s)", kindList())
	}
	if !knownKind(r.Kind) {
		return Rule{}, fmt.Errorf("unknown kind %q (known: %s)", r.Kind, kindList())
	}
	arg = strings.TrimSpace(arg)
	if hasArg && arg == "" {
		return Rule{}, fmt.Errorf("%s: nothing after \"=\"", r.Kind)
	}
	if err := r.parseArg(arg); err != nil {
		return Rule{}, err
	}
	if err := r.parseTarget(target); err != nil {
		return Rule{}, err
	}
	if err := r.Validate(); err != nil {
		return Rule{}, err
	}
	return r, nil
}

// parseTarget reads "[METHOD ]pattern[:rate][#count]", taking the suffixes from the right
// since patterns may not contain ':' or '#'.
func (r *Rule) parseTarget(target string) error {
	if rest, count, ok := cutLast(target, "#"); ok {
		n, err := strconv.Atoi(strings.TrimSpace(count))
		if err != nil || n <= 0 {
			return fmt.Errorf("count %q is not a positive whole number", strings.TrimSpace(count))
		}
		r.Count, target = n, rest
	}
	if rest, rate, ok := cutLast(target, ":"); ok {
		f, err := strconv.ParseFloat(strings.TrimSpace(rate), 64)
		if err != nil || !(f > 0 && f <= 1) {
			return fmt.Errorf("rate %q is not a number in (0, 1], e.g. :0.1", strings.TrimSpace(rate))
		}
		r.Rate, target = f, rest
	}
	fields := strings.Fields(target)
	switch len(fields) {
	case 0:
		return errEmptyPattern
	case 1:
		r.Pattern = fields[0]
	case 2:
		r.Method, r.Pattern = strings.ToUpper(fields[0]), fields[1]
		if !contains(methods, r.Method) {
			return fmt.Errorf("unknown method %q (known: %s)", fields[0], strings.Join(methods, ", "))
		}
	default:
		return fmt.Errorf("expected \"[METHOD ]PATTERN\" after \"@\", got %q", strings.TrimSpace(target))
	}
	return nil
}

func (r *Rule) parseArg(arg string) error {
	switch r.Kind {
	case Latency:
		if arg == "" {
			return fmt.Errorf("latency needs a duration, e.g. latency=2s")
		}
		d, err := parseDuration(arg)
		if err != nil {
			return fmt.Errorf("latency: %w", err)
		}
		r.Delay = d
	case RateLimit:
		if arg == "" {
			return nil
		}
		limit, after, hasAfter := strings.Cut(arg, "/")
		if limit = strings.TrimSpace(limit); limit != "" {
			n, err := strconv.Atoi(limit)
			if err != nil || n <= 0 {
				return fmt.Errorf("rate_limit: limit %q is not a positive whole number", limit)
			}
			r.Limit = n
		}
		if hasAfter {
			d, err := parseDuration(strings.TrimSpace(after))
			if err != nil {
				return fmt.Errorf("rate_limit: reset-after: %w", err)
			}
			r.ResetAfter = d
		}
	case Status, HTML:
		if arg == "" {
			return nil
		}
		n, err := strconv.Atoi(arg)
		if err != nil || n < 400 || n > 599 {
			return fmt.Errorf("%s: code %q is not an HTTP error status (400..599)", r.Kind, arg)
		}
		r.Code = n
	case Reset, Truncate:
		if arg == "" {
			return nil
		}
		f, err := strconv.ParseFloat(arg, 64)
		if err != nil || !(f > 0 && f < 1) {
			return fmt.Errorf("%s: fraction %q is not a number in (0, 1), e.g. %s=0.5", r.Kind, arg, r.Kind)
		}
		r.Keep = f
	default:
		if arg != "" {
			return fmt.Errorf("%s takes no argument, got %q", r.Kind, arg)
		}
	}
	return nil
}

func parseDuration(s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%q is not a positive duration such as 2s or 150ms", s)
	}
	return d, nil
}

func cutLast(s, sep string) (before, after string, found bool) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

// Spec is a flag.Value (and a spf13/pflag Value) collecting rules from a repeatable flag:
//
//	var spec faults.Spec
//	flag.Var(&spec, "faults", "fault spec, see faults.ParseSpec")
type Spec []Rule

// String is the rules as a spec.
func (s *Spec) String() string {
	if s == nil {
		return ""
	}
	return Format(*s)
}

// Set parses v and appends its rules.
func (s *Spec) Set(v string) error {
	rules, err := ParseSpec(v)
	if err != nil {
		return err
	}
	*s = append(*s, rules...)
	return nil
}

// Type names the value in pflag's help output.
func (s *Spec) Type() string { return "faults" }
