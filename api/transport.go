package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// maxBodyBytes bounds what one response may make us hold in memory; Intercom pages are
// far smaller, so anything bigger is a misbehaving server or proxy.
const maxBodyBytes = 32 << 20

// request is one API call as resource files describe it.
type request struct {
	method string
	// path is already escaped (build it with pathf) and starts with "/".
	path  string
	query url.Values
	// body is JSON-encoded when non-nil.
	body any
	// version overrides the Intercom-Version header; "" means Version.
	version string
	// idempotent says a repeat cannot act twice: GETs and search POSTs. Writes are not,
	// and are retried only when they provably never reached the server.
	idempotent bool
}

// getRequest is a GET: always idempotent.
func getRequest(path string, query url.Values) request {
	return request{method: http.MethodGet, path: path, query: query, idempotent: true}
}

// searchRequest is a search POST: it reads only, so it may be retried like a GET.
func searchRequest(path string, body any) request {
	return request{method: http.MethodPost, path: path, body: body, idempotent: true}
}

// writeRequest is a POST/PUT/DELETE that changes something: never blindly retried.
func writeRequest(method, path string, body any) request {
	return request{method: method, path: path, body: body}
}

// withVersion sends the call with another Intercom-Version (only POST /tickets/search
// needs it: TicketSearchVersion).
func (r request) withVersion(v string) request {
	r.version = v
	return r
}

// pathf formats a path, escaping every argument with url.PathEscape so an id can never
// add a segment, a query or a fragment: pathf("/conversations/%s/reply", id).
func pathf(format string, ids ...any) string {
	esc := make([]any, len(ids))
	for i, id := range ids {
		esc[i] = url.PathEscape(fmt.Sprint(id))
	}
	return fmt.Sprintf(format, esc...)
}

// checkPath refuses paths that would silently hit another endpoint: an empty id turns
// /contacts/{id} into /contacts (the list), and "." or ".." segments get normalised away.
func checkPath(p string) error {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "?# ") {
		return fmt.Errorf("intercom: invalid request path %q", p)
	}
	if p == "/" {
		return nil
	}
	for seg := range strings.SplitSeq(p[1:], "/") {
		if seg == "" || seg == "." || seg == ".." {
			return fmt.Errorf("intercom: invalid request path %q (empty or dot segment; missing id?)", p)
		}
	}
	return nil
}

// response is a fully read HTTP response.
type response struct {
	status int
	header http.Header
	body   []byte
}

// do sends r and decodes a 2xx JSON body into out (unknown fields ignored). out may be
// nil when the body does not matter. Errors are the typed errors of errors.go, or
// ctx.Err() when the context ended.
func (c *Client) do(ctx context.Context, r request, out any) error {
	_, err := c.exec(ctx, r, out)
	return err
}

// doRaw sends r and returns the 2xx response undecoded; non-2xx statuses are errors.
func (c *Client) doRaw(ctx context.Context, r request) (*response, error) {
	return c.exec(ctx, r, nil)
}

// exec is the request loop: client-side pacing, one attempt, 429 waits, then retries of
// what is safe to retry. Decoding happens inside the loop so a truncated 2xx body on an
// idempotent call is retried like any other transient failure.
func (c *Client) exec(ctx context.Context, r request, out any) (*response, error) {
	if err := checkPath(r.path); err != nil {
		return nil, err
	}
	var body []byte
	if r.body != nil {
		var err error
		if body, err = encodeJSON(r.body); err != nil {
			return nil, fmt.Errorf("intercom: encode %s %s body: %w", r.method, r.path, err)
		}
	}
	retries, rateRetries := 0, 0
	for attempt := 1; ; attempt++ {
		if err := c.waitTurn(ctx); err != nil {
			return nil, err
		}
		resp, err := c.attempt(ctx, r, body, attempt)
		if err == nil {
			c.rate.observe(resp.header, c.clock.Now())
			switch {
			case resp.status == http.StatusTooManyRequests:
				wait, rlErr := c.rateLimitWait(r, resp, rateRetries)
				if rlErr != nil {
					return nil, rlErr
				}
				// A 429 was rejected before acting, so even a write is safe to resend.
				rateRetries++
				c.log.LogAttrs(ctx, slog.LevelInfo, "intercom rate limited; waiting",
					slog.String("method", r.method), slog.String("path", r.path), slog.Duration("wait", wait))
				if err := c.clock.Sleep(ctx, wait); err != nil {
					return nil, err
				}
				continue
			case resp.status >= 200 && resp.status < 300:
				if err = c.decode(r, resp, out); err == nil {
					return resp, nil
				}
			default:
				err = c.statusError(r, resp)
			}
		}
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, ctxErr
		}
		if retries >= c.maxRetries || !retryable(r, err) {
			return nil, err
		}
		delay := c.backoff(retries, resp)
		retries++
		c.log.LogAttrs(ctx, slog.LevelInfo, "intercom retrying",
			slog.String("method", r.method), slog.String("path", r.path),
			slog.Int("retry", retries), slog.Duration("delay", delay), slog.String("error", err.Error()))
		if err := c.clock.Sleep(ctx, delay); err != nil {
			return nil, err
		}
	}
}

// attempt sends the request once and reads the whole body.
func (c *Client) attempt(ctx context.Context, r request, body []byte, n int) (*response, error) {
	u := c.baseURL + r.path
	if len(r.query) > 0 {
		u += "?" + r.query.Encode()
	}
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, r.method, u, rd)
	if err != nil {
		return nil, fmt.Errorf("intercom: build %s %s: %s", r.method, r.path, c.redact(err.Error()))
	}
	version := r.version
	if version == "" {
		version = Version
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Intercom-Version", version)
	req.Header.Set("User-Agent", c.userAgent)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}

	start := c.clock.Now()
	hresp, err := c.hc.Do(req)
	if err != nil {
		nerr := c.networkError(r, err, false)
		c.logAttempt(ctx, r, n, 0, c.clock.Now().Sub(start), nil, nerr)
		return nil, nerr
	}
	defer hresp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(hresp.Body, maxBodyBytes+1))
	if err != nil {
		// The server answered, so this is never "unsent": a write is not retried.
		nerr := c.networkError(r, err, true)
		c.logAttempt(ctx, r, n, hresp.StatusCode, c.clock.Now().Sub(start), hresp.Header, nerr)
		return nil, nerr
	}
	if len(data) > maxBodyBytes {
		return nil, fmt.Errorf("intercom: %s %s: response body larger than %d bytes", r.method, r.path, maxBodyBytes)
	}
	c.logAttempt(ctx, r, n, hresp.StatusCode, c.clock.Now().Sub(start), hresp.Header, nil)
	return &response{status: hresp.StatusCode, header: hresp.Header, body: data}, nil
}

// decode fills out from a 2xx body. Syntax errors (truncated or non-JSON bodies) are
// checked before touching out, so a retry never decodes on top of a half-filled value.
func (c *Client) decode(r request, resp *response, out any) error {
	if out == nil || resp.status == http.StatusNoContent {
		return nil
	}
	if !json.Valid(resp.body) {
		var v any
		err := json.Unmarshal(resp.body, &v)
		if err == nil {
			err = errors.New("invalid JSON")
		}
		return c.decodeError(r, resp, err)
	}
	if err := json.Unmarshal(resp.body, out); err != nil {
		return c.decodeError(r, resp, err)
	}
	return nil
}

// encodeJSON encodes without HTML escaping so bodies with HTML (replies, notes) stay
// readable in debugging; the result is equally valid JSON.
func encodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// logAttempt records one attempt. The query is logged only in the user's --debug file
// (logPath): query strings can carry e-mail addresses. Headers other than the
// rate-limit ones are left out so the Authorization header can never reach a log file.
func (c *Client) logAttempt(ctx context.Context, r request, n, status int, d time.Duration, h http.Header, err error) {
	level := slog.LevelDebug
	if err != nil || status >= 400 {
		level = slog.LevelWarn
	}
	if !c.log.Enabled(ctx, level) {
		return
	}
	attrs := []slog.Attr{
		slog.String("method", r.method),
		slog.String("path", c.logPath(r)),
		slog.Int("status", status),
		slog.Duration("duration", d),
		slog.Int("attempt", n),
	}
	if r.version != "" {
		attrs = append(attrs, slog.String("version", r.version))
	}
	for _, k := range []string{headerLimit, headerRemaining, headerReset} {
		if v := h.Get(k); v != "" {
			attrs = append(attrs, slog.String(k, c.redact(v)))
		}
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", err.Error()))
	}
	c.log.LogAttrs(ctx, level, "intercom request", attrs...)
}
