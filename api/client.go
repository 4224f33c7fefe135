// Package api is the HTTP client for Intercom's REST API 2.9.
//
// This file holds the Client and its options. The request loop lives in transport.go,
// typed errors in errors.go, rate limiting in ratelimit.go, retries in retry.go and
// cursor pagination in page.go; each resource (conversations, contacts, …) adds one file
// of methods on top of Client.do.
package api

import (
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"runtime/debug"
	"strings"
	"time"

	"github.com/intercom-tui/intercom-tui/clock"
)

// The Intercom-Version header is Version (endpoints.go) on every request; only
// POST /tickets/search overrides it with TicketSearchVersion, because 2.9 cannot search
// tickets (see the notes, §1).

const (
	// DefaultMaxRetries bounds automatic retries of idempotent requests (5xx, timeouts, resets).
	DefaultMaxRetries = 3
	// DefaultMaxRateWait bounds how long one 429 may make a call wait for the rate-limit reset.
	DefaultMaxRateWait = 60 * time.Second
	// defaultHTTPTimeout bounds one attempt when the caller brings no http.Client of its own,
	// so a stalled connection cannot hang the UI forever.
	defaultHTTPTimeout = 60 * time.Second
)

// Region is an Intercom data-hosting region; each has its own API host.
type Region string

// The three regions Intercom hosts workspaces in.
const (
	RegionUS Region = "us"
	RegionEU Region = "eu"
	RegionAU Region = "au"
)

var regionURLs = map[Region]string{
	RegionUS: "https://api.intercom.io",
	RegionEU: "https://api.eu.intercom.io",
	RegionAU: "https://api.au.intercom.io",
}

// ParseRegion reads "us", "eu" or "au" (any case, surrounding spaces ignored).
func ParseRegion(s string) (Region, error) {
	r := Region(strings.ToLower(strings.TrimSpace(s)))
	if _, ok := regionURLs[r]; !ok {
		return "", fmt.Errorf("intercom: unknown region %q (want us, eu or au)", s)
	}
	return r, nil
}

// BaseURL is the API host of the region, or "" for an unknown region.
func (r Region) BaseURL() string { return regionURLs[r] }

// Option configures a Client in New.
type Option func(*settings) error

type settings struct {
	token       string
	region      Region
	baseURL     string
	httpClient  *http.Client
	userAgent   string
	clock       clock.Clock
	logger      *slog.Logger
	logQuery    bool // WithDebugLog: query strings are logged too
	maxRetries  int
	maxRateWait time.Duration
	rng         *rand.Rand // tests inject a seeded source for reproducible jitter
}

// WithToken sets the access token sent as "Authorization: Bearer <token>".
// Surrounding whitespace (a trailing newline from a token file) is dropped.
func WithToken(token string) Option {
	return func(s *settings) error {
		s.token = strings.TrimSpace(token)
		return nil
	}
}

// WithRegion picks the API host of a region (default us).
func WithRegion(r Region) Option {
	return func(s *settings) error {
		if _, ok := regionURLs[r]; !ok {
			return fmt.Errorf("intercom: unknown region %q (want us, eu or au)", string(r))
		}
		s.region = r
		return nil
	}
}

// WithBaseURL overrides the region's host, e.g. for the fake workspace or a proxy.
// It must pass CheckBaseURL.
func WithBaseURL(raw string) Option {
	return func(s *settings) error {
		u, err := CheckBaseURL(raw)
		if err != nil {
			return err
		}
		s.baseURL = u
		return nil
	}
}

// CheckBaseURL validates a base URL and returns it without its trailing slash, so paths
// can be appended as-is. It must be an absolute https URL without credentials, query or
// fragment; plain http is allowed only to a loopback host (serve-demo, tests), since
// anywhere else it would send the token unencrypted.
func CheckBaseURL(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		// Report only the cause: the raw string might hold credentials.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return "", fmt.Errorf("intercom: base URL does not parse: %v", err)
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return "", fmt.Errorf("intercom: base URL must start with https://")
	case u.Host == "":
		return "", fmt.Errorf("intercom: base URL has no host")
	case u.User != nil:
		return "", fmt.Errorf("intercom: base URL must not carry credentials; use WithToken")
	case u.RawQuery != "" || u.Fragment != "" || u.ForceQuery:
		return "", fmt.Errorf("intercom: base URL must not have a query or fragment")
	case u.Scheme == "http" && !IsLoopback(u.Hostname()):
		return "", fmt.Errorf("intercom: base URL http://%s is plain http, which would send the token unencrypted: use https:// (http:// is accepted only for 127.0.0.1, ::1 and localhost)", u.Host)
	}
	return strings.TrimRight(u.String(), "/"), nil
}

// IsLoopback reports whether host (without port) is this machine: 127.0.0.0/8, ::1 or
// localhost. No DNS lookup: a name that resolves to loopback today may not tomorrow.
func IsLoopback(host string) bool {
	h := strings.TrimSuffix(strings.ToLower(host), ".")
	if h == "localhost" {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// WithHTTPClient replaces the default http.Client (60 s timeout per attempt).
func WithHTTPClient(hc *http.Client) Option {
	return func(s *settings) error {
		if hc == nil {
			return errors.New("intercom: nil http.Client")
		}
		s.httpClient = hc
		return nil
	}
}

// WithUserAgent replaces the default "intercom-tui/<version>" User-Agent.
func WithUserAgent(ua string) Option {
	return func(s *settings) error {
		if strings.TrimSpace(ua) == "" || strings.ContainsAny(ua, "\r\n") {
			return errors.New("intercom: empty or multi-line User-Agent")
		}
		s.userAgent = ua
		return nil
	}
}

// WithClock sets the clock used for rate-limit waits, backoff sleeps and durations.
func WithClock(c clock.Clock) Option {
	return func(s *settings) error {
		if c == nil {
			return errors.New("intercom: nil clock")
		}
		s.clock = c
		return nil
	}
}

// WithLogger logs every attempt: method, path, status, duration and rate-limit headers.
// The token, the Authorization header, query strings and bodies are never logged.
func WithLogger(l *slog.Logger) Option {
	return func(s *settings) error {
		if l == nil {
			return errors.New("intercom: nil logger")
		}
		s.logger = l
		return nil
	}
}

// WithMaxRetries bounds automatic retries after the first attempt (default 3; 0 disables).
func WithMaxRetries(n int) Option {
	return func(s *settings) error {
		if n < 0 {
			return fmt.Errorf("intercom: negative max retries %d", n)
		}
		s.maxRetries = n
		return nil
	}
}

// WithMaxRateWait bounds the wait for a rate-limit reset after a 429 (default 60 s).
// A reset further away than this fails at once with a *RateLimitError; 0 never waits.
func WithMaxRateWait(d time.Duration) Option {
	return func(s *settings) error {
		if d < 0 {
			return fmt.Errorf("intercom: negative max rate wait %s", d)
		}
		s.maxRateWait = d
		return nil
	}
}

// withRand seeds the backoff jitter; tests only.
func withRand(r *rand.Rand) Option {
	return func(s *settings) error {
		s.rng = r
		return nil
	}
}

// Client talks to one Intercom workspace. It is safe for concurrent use.
type Client struct {
	token       string
	region      Region
	baseURL     string
	userAgent   string
	hc          *http.Client
	clock       clock.Clock
	log         *slog.Logger
	logQuery    bool
	maxRetries  int
	maxRateWait time.Duration
	rate        *rateState
	jitter      *jitter
}

// New builds a Client. A token is required.
func New(opts ...Option) (*Client, error) {
	s := settings{
		region:      RegionUS,
		clock:       clock.Real{},
		maxRetries:  DefaultMaxRetries,
		maxRateWait: DefaultMaxRateWait,
	}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(&s); err != nil {
			return nil, err
		}
	}
	if s.token == "" {
		return nil, errors.New("intercom: no access token (WithToken)")
	}
	if !validToken(s.token) {
		// Never echo the token, not even a bad one.
		return nil, errors.New("intercom: access token contains spaces, control or non-ASCII characters")
	}
	if s.baseURL == "" {
		s.baseURL = s.region.BaseURL()
	}
	if s.httpClient == nil {
		s.httpClient = &http.Client{Timeout: defaultHTTPTimeout}
	}
	if s.userAgent == "" {
		s.userAgent = "intercom-tui/" + buildVersion()
	}
	if s.logger == nil {
		s.logger = slog.New(slog.DiscardHandler)
	} else {
		// Whatever a future log line carries, the token is scrubbed from it on the way out.
		s.logger = slog.New(newRedactHandler(s.logger.Handler(), s.token))
	}
	if s.rng == nil {
		s.rng = rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64()))
	}
	return &Client{
		token:       s.token,
		region:      s.region,
		baseURL:     s.baseURL,
		userAgent:   s.userAgent,
		hc:          s.httpClient,
		clock:       s.clock,
		log:         s.logger,
		logQuery:    s.logQuery,
		maxRetries:  s.maxRetries,
		maxRateWait: s.maxRateWait,
		rate:        newRateState(),
		jitter:      &jitter{rng: s.rng},
	}, nil
}

// BaseURL is the API root requests go to (no trailing slash).
func (c *Client) BaseURL() string { return c.baseURL }

// Region is the configured region (us unless WithRegion said otherwise). With
// WithBaseURL the requests go to that URL, but the region is still reported.
func (c *Client) Region() Region { return c.region }

// validToken keeps header injection and copy-paste accidents out: a bearer token is
// printable ASCII without spaces.
func validToken(t string) bool {
	for i := 0; i < len(t); i++ {
		if t[i] <= ' ' || t[i] >= 0x7f {
			return false
		}
	}
	return true
}

// buildVersion is the module version stamped by `go install`, or "dev" for local builds.
func buildVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v := bi.Main.Version; v != "" && v != "(devel)" {
			return v
		}
	}
	return "dev"
}
