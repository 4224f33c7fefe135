package api

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Intercom spreads its limits over 10-second windows and reports them per window.
const (
	rateWindow = 10 * time.Second
	// defaultRateLimit is the documented 1000/minute, as "166 operations per 10 seconds",
	// used until a response tells us the workspace's real figure.
	defaultRateLimit = 166
	// burstShare: up to a quarter of a window's budget may go out at once, so a screen's
	// loads and prefetches are not paced one by one, while a bulk action still spreads
	// over the window instead of spending it in one instant.
	burstShare = 4
	// defaultRateReset is the wait after a 429 without X-RateLimit-Reset: one window.
	defaultRateReset = rateWindow
	// minRateWait keeps a 429 whose reset is already past (clock skew) from becoming a
	// busy loop; the reset header only has whole-second precision anyway.
	minRateWait = time.Second
	// maxRateLimitRetries caps resends after 429 before giving up with *RateLimitError.
	maxRateLimitRetries = 5
)

const (
	headerLimit     = "X-RateLimit-Limit"
	headerRemaining = "X-RateLimit-Remaining"
	headerReset     = "X-RateLimit-Reset"
)

// RateBudget is the last rate-limit state the server reported, for the status bar.
// Known is false until a response carried the headers.
type RateBudget struct {
	Limit     int // requests per 10-second window
	Remaining int
	Reset     time.Time
	Known     bool
}

// rateState paces requests client-side and remembers the server's last report.
type rateState struct {
	limiter *rate.Limiter // safe for concurrent use on its own

	mu      sync.Mutex
	budget  RateBudget
	adopted int // the per-window limit the limiter is set to
}

func newRateState() *rateState {
	return &rateState{
		limiter: rate.NewLimiter(perWindow(defaultRateLimit), burstFor(defaultRateLimit)),
		adopted: defaultRateLimit,
	}
}

func burstFor(limit int) int { return max(1, limit/burstShare) }

func perWindow(n int) rate.Limit { return rate.Every(rateWindow / time.Duration(n)) }

// RateBudget is the last X-RateLimit-* report seen on any response.
func (c *Client) RateBudget() RateBudget {
	c.rate.mu.Lock()
	defer c.rate.mu.Unlock()
	return c.rate.budget
}

// waitTurn blocks (on the client's clock) until the request may go: its slot in the
// client-side limiter, and, when the server said the window is spent, the reset.
func (c *Client) waitTurn(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	now := c.clock.Now()
	res := c.rate.limiter.ReserveN(now, 1)
	if !res.OK() {
		return errors.New("intercom: rate limiter refused the request")
	}
	delay := res.DelayFrom(now)
	c.rate.mu.Lock()
	b := c.rate.budget
	c.rate.mu.Unlock()
	// Spending a request we know will be refused only delays the reset further for
	// everything else in the app, so wait for it (within the same bound as a 429).
	if b.Known && b.Remaining <= 0 && b.Reset.After(now) {
		if w := b.Reset.Sub(now); w <= c.maxRateWait && w > delay {
			delay = w
		}
	}
	if delay <= 0 {
		return nil
	}
	if err := c.clock.Sleep(ctx, delay); err != nil {
		res.CancelAt(c.clock.Now())
		return err
	}
	return nil
}

// observe records the rate-limit headers of a response and adopts the server's limit.
func (s *rateState) observe(h http.Header, now time.Time) {
	limit, lok := headerInt(h, headerLimit)
	remaining, rok := headerInt(h, headerRemaining)
	reset, tok := parseReset(h)
	if !lok && !rok && !tok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	prev := s.budget
	s.budget.Known = true
	if lok && limit > 0 {
		s.budget.Limit = limit
		if limit != s.adopted {
			s.adopted = limit
			s.limiter.SetLimitAt(now, perWindow(limit))
			s.limiter.SetBurstAt(now, burstFor(limit))
		}
	}
	// Answers to requests sent together arrive in any order: within one window (the
	// same reset) the lowest count is the latest, so a late answer never raises it.
	sameWindow := prev.Known && tok && reset.Equal(prev.Reset)
	if rok && remaining >= 0 && (!sameWindow || remaining < prev.Remaining) {
		s.budget.Remaining = remaining
	}
	if tok {
		s.budget.Reset = reset
	}
}

// rateLimitWait decides what to do with a 429: how long to wait before resending, or
// the *RateLimitError to return when the reset is too far away or 429s keep coming.
func (c *Client) rateLimitWait(r request, resp *response, retriesSoFar int) (time.Duration, error) {
	eb, parsed := parseErrorBody(resp.body)
	rlErr := &RateLimitError{Err: c.apiError(r, resp, eb, parsed)}
	rlErr.Limit, _ = headerInt(resp.header, headerLimit)
	rlErr.Remaining, _ = headerInt(resp.header, headerRemaining)
	now := c.clock.Now()
	reset, ok := parseReset(resp.header)
	if ok {
		rlErr.Reset = reset
	} else if ra, ok := retryAfter(resp.header, now); ok {
		reset = now.Add(ra)
	} else {
		reset = now.Add(defaultRateReset)
	}
	if retriesSoFar >= maxRateLimitRetries {
		return 0, rlErr
	}
	wait := max(reset.Sub(now), minRateWait)
	if wait > c.maxRateWait {
		return 0, rlErr
	}
	return wait, nil
}

func headerInt(h http.Header, key string) (int, bool) {
	v := strings.TrimSpace(h.Get(key))
	if v == "" {
		return 0, false
	}
	n, err := strconv.Atoi(v)
	return n, err == nil
}

// parseReset reads X-RateLimit-Reset: a UNIX time in seconds (fractions tolerated).
func parseReset(h http.Header) (time.Time, bool) {
	v := strings.TrimSpace(h.Get(headerReset))
	if v == "" {
		return time.Time{}, false
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f <= 0 || f > 1e11 {
		return time.Time{}, false
	}
	sec := int64(f)
	return time.Unix(sec, int64((f-float64(sec))*1e9)), true
}

// retryAfter reads a Retry-After header, in seconds or as an HTTP date.
func retryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return time.Duration(min(n, 1<<31)) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}
