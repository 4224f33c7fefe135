package api

import (
	"encoding/json"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"sync"
	"syscall"
	"time"
)

const (
	// backoffBase and backoffCap shape the exponential backoff: the n-th retry waits a
	// uniformly random time in [0, min(cap, base·2ⁿ)] ("full jitter"), which spreads
	// the retries of many clients instead of having them hit a recovering server in step.
	backoffBase = 500 * time.Millisecond
	backoffCap  = 10 * time.Second
)

// jitter is the seedable random source of backoff delays.
type jitter struct {
	mu  sync.Mutex
	rng *rand.Rand
}

// upTo is a uniform duration in [0, d].
func (j *jitter) upTo(d time.Duration) time.Duration {
	if d <= 0 {
		return 0
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	return time.Duration(j.rng.Int64N(int64(d) + 1))
}

// backoff is the delay before retry number retry+1. A Retry-After from the server
// (503s often carry one) is honoured as a floor, within the client's MaxRateWait.
func (c *Client) backoff(retry int, resp *response) time.Duration {
	ceil := backoffCap
	if retry < 16 {
		ceil = min(backoffCap, backoffBase<<retry)
	}
	d := c.jitter.upTo(ceil)
	if resp != nil {
		if ra, ok := retryAfter(resp.header, c.clock.Now()); ok && ra > d {
			d = min(ra, max(c.maxRateWait, d))
		}
	}
	return d
}

// retryable says whether err may be followed by another attempt of r.
//
// Idempotent requests (GETs, search POSTs) are retried on anything transient: 5xx,
// timeouts, resets, a body cut short, and a 2xx body that is not valid JSON. Writes are
// retried only when the request provably never reached the server, because a reply or
// a phone redirect (an SMS!) that was acted on before the failure must not happen twice.
func retryable(r request, err error) bool {
	var ne *NetworkError
	if errors.As(err, &ne) {
		if ne.neverSent {
			return ne.transient
		}
		return r.idempotent && ne.transient
	}
	if !r.idempotent {
		return false
	}
	var ae *APIError
	if errors.As(err, &ae) {
		// 501 and 505 say the server will never do it; retrying cannot help.
		return ae.HTTPStatus >= 500 && ae.HTTPStatus != http.StatusNotImplemented &&
			ae.HTTPStatus != http.StatusHTTPVersionNotSupported
	}
	var de *DecodeError
	if errors.As(err, &de) {
		// A syntax error is a truncated or garbled body: another read may be whole. A type
		// mismatch in valid JSON would fail the same way every time.
		var se *json.SyntaxError
		return errors.As(de.Err, &se)
	}
	return false
}

// neverSent reports a failure before any byte of the request could reach the server:
// name resolution, or establishing the connection.
func neverSent(err error) bool {
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return true
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "dial" {
		return true
	}
	return errors.Is(err, syscall.ECONNREFUSED)
}

// transient reports a transport failure that may well not happen again: not a bad
// certificate, an unknown host or a malformed URL.
func transient(err error) bool {
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return dnsErr.IsTimeout || dnsErr.IsTemporary
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return true
	}
	switch {
	case errors.Is(err, syscall.ECONNREFUSED),
		errors.Is(err, syscall.ECONNRESET),
		errors.Is(err, syscall.ECONNABORTED),
		errors.Is(err, syscall.EPIPE),
		errors.Is(err, io.EOF),
		errors.Is(err, io.ErrUnexpectedEOF):
		return true
	}
	var opErr *net.OpError
	return errors.As(err, &opErr) && opErr.Op == "dial"
}
