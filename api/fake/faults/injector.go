package faults

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"regexp"
	"sync"
	"time"

	"github.com/intercom-tui/intercom-tui/clock"
)

// Injector holds the rules and wraps handlers with them. It is safe for concurrent use:
// rules may be added or cleared while requests are being served.
//
// Rules are tried in the order they were added. Every latency rule that fires adds its
// delay; the first other rule that fires decides the answer, and rules after it are not
// tried (so they neither count the request nor draw a random number). A request no rule
// hits goes to the wrapped handler unchanged.
//
// With the same seed, the same rules and the same sequence of requests, the same faults
// fire. Concurrent requests draw in arrival order, so only sequential runs are exactly
// reproducible.
type Injector struct {
	clock clock.Clock
	seed  uint64

	mu       sync.Mutex
	rng      *rand.Rand
	rules    []*entry
	requests int
}

type entry struct {
	rule    Rule
	re      *regexp.Regexp
	matched int
	fired   int
}

// Stat is what one rule has done so far.
type Stat struct {
	Rule    Rule
	Matched int // requests that matched the rule and reached it
	Fired   int // of those, how many it hit
}

// New returns an Injector with no rules. c supplies latency sleeps and rate-limit reset
// times (nil means clock.Real); seed drives rates and request ids.
func New(c clock.Clock, seed uint64) *Injector {
	if c == nil {
		c = clock.Real{}
	}
	return &Injector{clock: c, seed: seed, rng: rand.New(rand.NewPCG(seed, 0x6661756c7473))}
}

// Add appends rules after checking them all; on error none is added.
func (in *Injector) Add(rules ...Rule) error {
	entries := make([]*entry, 0, len(rules))
	for i, r := range rules {
		if err := r.Validate(); err != nil {
			return fmt.Errorf("faults: rule %d (%s): %w", i+1, r, err)
		}
		entries = append(entries, &entry{rule: r, re: compilePattern(r.Pattern)})
	}
	in.mu.Lock()
	in.rules = append(in.rules, entries...)
	in.mu.Unlock()
	return nil
}

// Clear removes every rule and its statistics. Requests() keeps counting.
func (in *Injector) Clear() {
	in.mu.Lock()
	in.rules = nil
	in.mu.Unlock()
}

// Rules returns a copy of the rules in order.
func (in *Injector) Rules() []Rule {
	in.mu.Lock()
	defer in.mu.Unlock()
	out := make([]Rule, len(in.rules))
	for i, e := range in.rules {
		out[i] = e.rule
	}
	return out
}

// Stats returns each rule's counts, in rule order.
func (in *Injector) Stats() []Stat {
	in.mu.Lock()
	defer in.mu.Unlock()
	out := make([]Stat, len(in.rules))
	for i, e := range in.rules {
		out[i] = Stat{Rule: e.rule, Matched: e.matched, Fired: e.fired}
	}
	return out
}

// Fired maps each rule's spec string (Rule.String) to how many times it fired; identical
// rules share a key and their counts add up. Rules that never fired are present with 0.
func (in *Injector) Fired() map[string]int {
	in.mu.Lock()
	defer in.mu.Unlock()
	out := make(map[string]int, len(in.rules))
	for _, e := range in.rules {
		out[e.rule.String()] += e.fired
	}
	return out
}

// Requests is how many requests the wrapped handlers have seen, hit or not.
func (in *Injector) Requests() int {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.requests
}

// plan is what decide chose for one request; it holds copies, so later Add/Clear calls
// cannot change a request already in flight.
type plan struct {
	n     int           // the request's number, from 1
	delay time.Duration // summed latency
	fault *Rule         // nil: pass the request through
}

// decide counts the request and picks its faults, all under one lock so counts, rates and
// "first N" limits stay exact under concurrency.
func (in *Injector) decide(r *http.Request) plan {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.requests++
	p := plan{n: in.requests}
	for _, e := range in.rules {
		if e.rule.Method != "" && e.rule.Method != r.Method || !e.re.MatchString(r.URL.Path) {
			continue
		}
		e.matched++
		if e.rule.Count > 0 && e.fired >= e.rule.Count {
			continue
		}
		// Rules that always fire draw nothing, so adding one does not shift the
		// random sequence seen by the others.
		if rate := e.rule.rate(); rate < 1 && in.rng.Float64() >= rate {
			continue
		}
		e.fired++
		if e.rule.Kind == Latency {
			p.delay += e.rule.Delay
			continue
		}
		f := e.rule
		p.fault = &f
		break
	}
	return p
}

// Wrap returns next behind the injector's faults.
func (in *Injector) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := in.decide(r)
		if p.delay > 0 {
			if err := in.clock.Sleep(r.Context(), p.delay); err != nil {
				// The client gave up while we waited: answer nothing and, above all,
				// do not perform a write it no longer expects.
				return
			}
		}
		if p.fault == nil {
			next.ServeHTTP(w, r)
			return
		}
		in.serve(w, r, next, *p.fault, p.n)
	})
}
