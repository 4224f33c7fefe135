// Package faults injects failures into the fake Intercom workspace (api/fake): an
// http middleware that, for requests matching a rule, delays the answer, answers with an
// Intercom error (429 with rate-limit headers, 5xx, 401), a proxy's HTML page or junk,
// cuts the real body short, or drops the connection. It exists so the api client's retries
// and the UI's error paths can be exercised over real HTTP, in tests and in the demo.
//
// Rules come from code (Injector.Add) or from a spec string (ParseSpec, FromEnv, Spec as a
// flag); see ParseSpec for the grammar. Randomness (a rule's rate) comes from a seeded
// source and time (latency, rate-limit reset) from a clock.Clock, so runs are reproducible
// and tests never really sleep.
//
// Faults that answer in place of the workspace (rate_limit, status, html, garbage,
// unauthorized, refuse) never call the wrapped handler: the request "never reached
// Intercom". Faults that damage the answer (reset, truncate) do call it, so a write really
// happens and the client cannot tell — the nastiest case for a retrying client.
package faults

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Kind names a fault.
type Kind string

// The fault kinds. The string values are the names used in specs.
const (
	Latency      Kind = "latency"      // wait Delay, then carry on (other faults may still fire)
	RateLimit    Kind = "rate_limit"   // 429 error.list with X-RateLimit-* headers
	Status       Kind = "status"       // Code (default 500) with an error.list body
	HTML         Kind = "html"         // Code (default 502) with a proxy's text/html page
	Reset        Kind = "reset"        // real headers and part of the real body, then the connection dies
	Truncate     Kind = "truncate"     // the real response with its body cut short (invalid JSON)
	Garbage      Kind = "garbage"      // 200 application/json whose body is not JSON
	Unauthorized Kind = "unauthorized" // 401 error.list "Access Token Invalid"
	Refuse       Kind = "refuse"       // the connection is closed with no response at all
)

// Kinds lists every fault kind in documentation order.
func Kinds() []Kind {
	return []Kind{Latency, RateLimit, Status, HTML, Reset, Truncate, Garbage, Unauthorized, Refuse}
}

func knownKind(k Kind) bool {
	for _, x := range Kinds() {
		if x == k {
			return true
		}
	}
	return false
}

func kindList() string {
	names := make([]string, 0, len(Kinds()))
	for _, k := range Kinds() {
		names = append(names, string(k))
	}
	return strings.Join(names, ", ")
}

// Defaults used when a Rule leaves the field at its zero value.
const (
	DefaultStatusCode = 500
	DefaultHTMLCode   = 502
	DefaultLimit      = 167 // Intercom's documented 1000/minute spread over 10-second windows
	DefaultKeep       = 0.5
	RateLimitWindow   = 10 * time.Second
)

// Rule is one fault. Zero values mean the default throughout, so a Rule literal names only
// what it changes: Rule{Kind: Status, Pattern: "*"} answers every request with a 500.
type Rule struct {
	Kind    Kind
	Method  string  // "GET", "POST", ...; empty matches any method
	Pattern string  // glob on r.URL.Path; see ParseSpec for the syntax
	Rate    float64 // chance in (0, 1] that a matching request is hit; 0 means 1 (always)
	Count   int     // the rule fires at most Count times, then is spent; 0 means no limit

	Delay      time.Duration // latency: how long to wait (required)
	Code       int           // status (default 500), html (default 502): 400..599
	Limit      int           // rate_limit: X-RateLimit-Limit and the message (default 167)
	ResetAfter time.Duration // rate_limit: reset = now+ResetAfter; 0 = end of the current 10 s window
	Keep       float64       // reset, truncate: share of the body sent, in (0, 1) (default 0.5)
}

var methods = []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}

// Validate reports the first thing wrong with r. Fields that do not apply to r's kind must
// be zero, so a rule always means what its spec string (String) says.
func (r Rule) Validate() error {
	if !knownKind(r.Kind) {
		return fmt.Errorf("unknown kind %q (known: %s)", r.Kind, kindList())
	}
	if r.Method != "" && !contains(methods, r.Method) {
		return fmt.Errorf("unknown method %q (known: %s)", r.Method, strings.Join(methods, ", "))
	}
	if err := validPattern(r.Pattern); err != nil {
		return err
	}
	if r.Rate != 0 && !(r.Rate > 0 && r.Rate <= 1) { // written so NaN fails too
		return fmt.Errorf("rate %v is not in (0, 1]", r.Rate)
	}
	if r.Count < 0 {
		return fmt.Errorf("count %d is negative", r.Count)
	}
	return r.validArg()
}

func (r Rule) validArg() error {
	// Which argument fields each kind takes; the rest must stay zero.
	uses := map[string]bool{}
	switch r.Kind {
	case Latency:
		uses["Delay"] = true
		if r.Delay <= 0 {
			return fmt.Errorf("latency needs a positive delay, e.g. latency=2s")
		}
	case RateLimit:
		uses["Limit"], uses["ResetAfter"] = true, true
		if r.Limit < 0 {
			return fmt.Errorf("rate_limit: limit %d is negative", r.Limit)
		}
		if r.ResetAfter < 0 {
			return fmt.Errorf("rate_limit: reset-after %v is negative", r.ResetAfter)
		}
	case Status, HTML:
		uses["Code"] = true
		if r.Code != 0 && (r.Code < 400 || r.Code > 599) {
			return fmt.Errorf("%s: code %d is not an HTTP error status (400..599)", r.Kind, r.Code)
		}
	case Reset, Truncate:
		uses["Keep"] = true
		if r.Keep != 0 && !(r.Keep > 0 && r.Keep < 1) {
			return fmt.Errorf("%s: fraction %v is not in (0, 1)", r.Kind, r.Keep)
		}
	}
	set := map[string]bool{
		"Delay": r.Delay != 0, "Code": r.Code != 0, "Limit": r.Limit != 0,
		"ResetAfter": r.ResetAfter != 0, "Keep": r.Keep != 0,
	}
	for _, f := range []string{"Delay", "Code", "Limit", "ResetAfter", "Keep"} {
		if set[f] && !uses[f] {
			return fmt.Errorf("%s does not take %s", r.Kind, f)
		}
	}
	return nil
}

// String is r as a spec entry; ParseSpec(r.String()) gives r back.
func (r Rule) String() string {
	var b strings.Builder
	b.WriteString(string(r.Kind))
	if a := r.arg(); a != "" {
		b.WriteString("=" + a)
	}
	b.WriteByte('@')
	if r.Method != "" {
		b.WriteString(r.Method + " ")
	}
	b.WriteString(r.Pattern)
	if r.Rate != 0 {
		b.WriteString(":" + formatFloat(r.Rate))
	}
	if r.Count != 0 {
		b.WriteString("#" + strconv.Itoa(r.Count))
	}
	return b.String()
}

func (r Rule) arg() string {
	switch r.Kind {
	case Latency:
		if r.Delay != 0 {
			return r.Delay.String()
		}
	case RateLimit:
		var a string
		if r.Limit != 0 {
			a = strconv.Itoa(r.Limit)
		}
		if r.ResetAfter != 0 {
			a += "/" + r.ResetAfter.String()
		}
		return a
	case Status, HTML:
		if r.Code != 0 {
			return strconv.Itoa(r.Code)
		}
	case Reset, Truncate:
		if r.Keep != 0 {
			return formatFloat(r.Keep)
		}
	}
	return ""
}

// Effective values, with defaults applied.

func (r Rule) rate() float64 {
	if r.Rate == 0 {
		return 1
	}
	return r.Rate
}

func (r Rule) code() int {
	switch {
	case r.Code != 0:
		return r.Code
	case r.Kind == HTML:
		return DefaultHTMLCode
	default:
		return DefaultStatusCode
	}
}

func (r Rule) limit() int {
	if r.Limit == 0 {
		return DefaultLimit
	}
	return r.Limit
}

func (r Rule) keep() float64 {
	if r.Keep == 0 {
		return DefaultKeep
	}
	return r.Keep
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var errEmptyPattern = errors.New(`pattern is empty (use "*" for every path)`)

// ceilUnix is t in whole epoch seconds, rounded up: a reset must not be announced early.
func ceilUnix(t time.Time) int64 {
	s := t.Unix()
	if t.Nanosecond() > 0 {
		s++
	}
	return s
}

// windowEnd is the end of the 10-second window holding t, in epoch seconds; the windows
// are aligned on the epoch, like Intercom's resets in its documented example.
func windowEnd(t time.Time) int64 {
	w := int64(RateLimitWindow / time.Second)
	s := t.Unix()
	return s - ((s%w)+w)%w + w
}

// clampInt converts a float length to an int index within [0, n].
func clampInt(f float64, n int) int {
	i := int(math.Floor(f))
	return max(0, min(i, n))
}
