package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/intercom-tui/intercom-tui/models"
)

// Every error this package returns has had the access token scrubbed from its text
// (see redact in sanitize.go); server-supplied strings are also stripped of control and
// bidi characters and shortened, since they end up in toasts.

// APIError is a non-2xx answer, normally Intercom's error.list. For a body that is not
// an error.list (an HTML page from a proxy), Errors is empty and Body holds a short
// sanitized text of it.
type APIError struct {
	HTTPStatus int
	RequestID  string
	Errors     []models.ErrorItem
	Body       string
	Method     string
	Path       string
	// ContentType is the answer's media type; text/html says a proxy, not Intercom, answered.
	ContentType string
}

// Error reads like "intercom: 404 not_found: Resource Not Found (request 1234)".
func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "intercom: %d", e.HTTPStatus)
	if len(e.Errors) == 0 {
		if t := http.StatusText(e.HTTPStatus); t != "" {
			b.WriteString(" " + t)
		}
		if e.Body != "" {
			b.WriteString(": " + e.Body)
		}
	}
	for i, it := range e.Errors {
		if i == 0 {
			b.WriteString(" ")
		} else {
			b.WriteString("; ")
		}
		code := it.Code
		if code == "" {
			code = "error"
		}
		b.WriteString(code)
		if it.Message != "" {
			b.WriteString(": " + it.Message)
		}
		if it.Field != "" {
			b.WriteString(" (field " + it.Field + ")")
		}
	}
	if e.RequestID != "" {
		b.WriteString(" (request " + e.RequestID + ")")
	}
	return b.String()
}

// PhoneRedirectError is the {error_key, message} body that POST /phone_call_redirects
// answers 400/422 with (e.g. invalid_phone_number, sms_failed). Any path answering with
// that shape yields this type, since the spec does not say only one endpoint can.
type PhoneRedirectError struct {
	HTTPStatus int
	ErrorKey   string
	Message    string
}

func (e *PhoneRedirectError) Error() string {
	s := fmt.Sprintf("intercom: %d %s", e.HTTPStatus, e.ErrorKey)
	if e.Message != "" {
		s += ": " + e.Message
	}
	return s
}

// RateLimitError is returned when 429 persists after the bounded waits, or when the
// reset is further away than the client's MaxRateWait. Reset is zero when unknown.
type RateLimitError struct {
	Limit     int
	Remaining int
	Reset     time.Time
	// Err is the 429 response itself (code rate_limit_exceeded, usually).
	Err *APIError
}

func (e *RateLimitError) Error() string {
	s := "intercom: 429 rate limited"
	if e.Limit > 0 {
		s += fmt.Sprintf(": limit %d per 10s, %d remaining", e.Limit, e.Remaining)
	}
	if !e.Reset.IsZero() {
		s += ", resets at " + e.Reset.UTC().Format(time.TimeOnly) + " UTC"
	}
	if e.Err != nil && len(e.Err.Errors) > 0 {
		s += " (" + strings.TrimPrefix(e.Err.Error(), "intercom: 429 ") + ")"
	}
	return s
}

// Unwrap exposes the 429 APIError so HasCode(err, "rate_limit_exceeded") works.
func (e *RateLimitError) Unwrap() error {
	if e.Err == nil {
		return nil
	}
	return e.Err
}

// NetworkError is a transport failure: no HTTP status was received, or the body broke
// off mid-read. Err is the underlying error for errors.Is/As (e.g. syscall.ECONNREFUSED);
// Error() is the token-scrubbed text.
type NetworkError struct {
	Method string
	Path   string
	Err    error

	msg       string
	neverSent bool
	transient bool
}

func (e *NetworkError) Error() string {
	if e.msg != "" {
		return e.msg
	}
	return fmt.Sprintf("intercom: network error on %s %s", e.Method, e.Path)
}

func (e *NetworkError) Unwrap() error { return e.Err }

// NeverSent reports that the request provably never reached the server (DNS failure,
// dial error, connection refused), so even a write is safe to send again.
func (e *NetworkError) NeverSent() bool { return e.neverSent }

// Timeout reports whether the failure was a timeout.
func (e *NetworkError) Timeout() bool {
	var ne net.Error
	return errors.As(e.Err, &ne) && ne.Timeout()
}

// DecodeError is a 2xx response whose body is not the JSON expected: truncated, an HTML
// page, or a value of the wrong type.
type DecodeError struct {
	HTTPStatus  int
	ContentType string
	// Snippet is a short sanitized start of the body.
	Snippet string
	Err     error
	Method  string
	Path    string

	msg string
}

func (e *DecodeError) Error() string {
	if e.msg != "" {
		return e.msg
	}
	return fmt.Sprintf("intercom: cannot decode %d response to %s %s", e.HTTPStatus, e.Method, e.Path)
}

func (e *DecodeError) Unwrap() error { return e.Err }

// statusOf is the HTTP status carried by err, or 0.
func statusOf(err error) int {
	var ae *APIError
	if errors.As(err, &ae) {
		return ae.HTTPStatus
	}
	var pe *PhoneRedirectError
	if errors.As(err, &pe) {
		return pe.HTTPStatus
	}
	var re *RateLimitError
	if errors.As(err, &re) {
		return http.StatusTooManyRequests
	}
	return 0
}

// IsNotFound reports a 404 (deleted or unknown resource).
func IsNotFound(err error) bool { return statusOf(err) == http.StatusNotFound }

// IsUnauthorized reports a 401 (token invalid or revoked).
func IsUnauthorized(err error) bool { return statusOf(err) == http.StatusUnauthorized }

// IsForbidden reports a 403 (e.g. api_plan_restricted).
func IsForbidden(err error) bool { return statusOf(err) == http.StatusForbidden }

// IsRateLimited reports a 429 that outlasted the client's waits.
func IsRateLimited(err error) bool { return statusOf(err) == http.StatusTooManyRequests }

// IsServerError reports a 5xx.
func IsServerError(err error) bool { return statusOf(err) >= 500 }

// Unconfirmed reports a request that reached the server without a usable answer: the
// connection broke off after sending, or a 2xx body did not decode. A write may then have
// happened, so the user must be told to check before sending it again.
func Unconfirmed(err error) bool {
	var ne *NetworkError
	if errors.As(err, &ne) {
		return !ne.neverSent
	}
	var de *DecodeError
	return errors.As(err, &de) && de.HTTPStatus >= 200 && de.HTTPStatus < 300
}

// IsNetwork reports a transport failure (offline, DNS, refused, reset, timeout).
func IsNetwork(err error) bool {
	var ne *NetworkError
	return errors.As(err, &ne)
}

// Unreachable reports a failure to reach the server at all (a name that does not
// resolve, a refused or timed-out connection): what "offline" means. A connection that
// broke off mid-answer reached the server, so it is a network error but not this.
func Unreachable(err error) bool {
	var ne *NetworkError
	return errors.As(err, &ne) && (ne.neverSent || neverSent(ne.Err) || ne.Timeout())
}

// HasCode reports whether err carries the Intercom error code (an error.list code, or
// the error_key of a phone-redirect error).
func HasCode(err error, code string) bool {
	var ae *APIError
	if errors.As(err, &ae) {
		for _, it := range ae.Errors {
			if it.Code == code {
				return true
			}
		}
	}
	var pe *PhoneRedirectError
	return errors.As(err, &pe) && pe.ErrorKey == code
}

// errorBody is every error shape Intercom uses, read at once.
type errorBody struct {
	Type      string             `json:"type"`
	RequestID string             `json:"request_id"`
	Errors    []models.ErrorItem `json:"errors"`
	ErrorKey  string             `json:"error_key"`
	Message   string             `json:"message"`
}

// statusError turns a non-2xx response into *APIError or *PhoneRedirectError.
func (c *Client) statusError(r request, resp *response) error {
	eb, parsed := parseErrorBody(resp.body)
	if parsed && len(eb.Errors) == 0 && eb.Type != "error.list" && eb.ErrorKey != "" {
		return &PhoneRedirectError{
			HTTPStatus: resp.status,
			ErrorKey:   c.clean(eb.ErrorKey, maxMessageRunes),
			Message:    c.clean(eb.Message, maxMessageRunes),
		}
	}
	return c.apiError(r, resp, eb, parsed)
}

func (c *Client) apiError(r request, resp *response, eb errorBody, parsed bool) *APIError {
	e := &APIError{HTTPStatus: resp.status, Method: r.method, Path: r.path}
	e.ContentType = c.clean(resp.header.Get("Content-Type"), 80)
	e.RequestID = c.clean(eb.RequestID, 80)
	if e.RequestID == "" {
		e.RequestID = c.clean(resp.header.Get("X-Request-Id"), 80)
	}
	for _, it := range eb.Errors {
		e.Errors = append(e.Errors, models.ErrorItem{
			Code:    c.clean(it.Code, 80),
			Message: c.clean(it.Message, maxMessageRunes),
			Field:   c.clean(it.Field, 80),
		})
	}
	switch {
	case len(e.Errors) > 0:
	case parsed && eb.Message != "":
		e.Body = c.clean(eb.Message, maxMessageRunes)
	default:
		e.Body = c.snippet(resp.body, resp.header.Get("Content-Type"))
	}
	return e
}

func parseErrorBody(b []byte) (errorBody, bool) {
	var eb errorBody
	if !bytes.HasPrefix(bytes.TrimSpace(b), []byte("{")) {
		return eb, false
	}
	if err := json.Unmarshal(b, &eb); err != nil {
		return errorBody{}, false
	}
	return eb, true
}

// networkError wraps a transport failure. reached says the server already answered
// (the body broke off), which rules out "never sent".
func (c *Client) networkError(r request, err error, reached bool) *NetworkError {
	cause := err
	var ue *url.Error
	if errors.As(err, &ue) {
		// url.Error repeats the whole URL, query (e-mail addresses) included; the method
		// and path are enough.
		cause = ue.Err
	}
	return &NetworkError{
		Method:    r.method,
		Path:      r.path,
		Err:       err,
		msg:       fmt.Sprintf("intercom: network error on %s %s: %s", r.method, r.path, c.clean(cause.Error(), maxMessageRunes)),
		neverSent: !reached && neverSent(err),
		transient: transient(err),
	}
}

func (c *Client) decodeError(r request, resp *response, err error) *DecodeError {
	ct := c.clean(resp.header.Get("Content-Type"), 80)
	snip := c.snippet(resp.body, resp.header.Get("Content-Type"))
	msg := fmt.Sprintf("intercom: cannot decode %d response to %s %s", resp.status, r.method, r.path)
	if ct != "" {
		msg += " (" + ct + ")"
	}
	msg += ": " + c.clean(err.Error(), maxMessageRunes)
	if snip != "" {
		msg += fmt.Sprintf("; body starts %q", snip)
	}
	return &DecodeError{
		HTTPStatus: resp.status, ContentType: ct, Snippet: snip, Err: err,
		Method: r.method, Path: r.path, msg: msg,
	}
}
