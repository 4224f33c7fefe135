package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestErrorListBecomesAPIError(t *testing.T) {
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		writeJSON(w, 404, `{"type":"error.list","request_id":"1234","errors":[{"code":"not_found","message":"Resource Not Found"}]}`)
	})
	c, _ := newTestClient(t, srv.URL)
	err := c.do(context.Background(), getRequest(pathf("/contacts/%s", "9"), nil), &pingOut{})
	var ae *APIError
	if !errors.As(err, &ae) {
		t.Fatalf("err = %T %v", err, err)
	}
	if ae.HTTPStatus != 404 || ae.RequestID != "1234" || len(ae.Errors) != 1 || ae.Errors[0].Code != "not_found" ||
		ae.Method != "GET" || ae.Path != "/contacts/9" {
		t.Errorf("APIError = %+v", ae)
	}
	if got := err.Error(); got != "intercom: 404 not_found: Resource Not Found (request 1234)" {
		t.Errorf("Error() = %q", got)
	}
	if !IsNotFound(err) || !HasCode(err, "not_found") || HasCode(err, "unauthorized") ||
		IsUnauthorized(err) || IsForbidden(err) || IsServerError(err) || IsRateLimited(err) || IsNetwork(err) {
		t.Error("helpers disagree with a 404")
	}
	if srv.hits.Load() != 1 {
		t.Errorf("a 404 was retried: %d hits", srv.hits.Load())
	}
	wrapped := fmt.Errorf("loading contact: %w", err)
	if !IsNotFound(wrapped) || !HasCode(wrapped, "not_found") {
		t.Error("helpers do not see through wrapping")
	}
}

func TestErrorListSeveralErrorsAndStatuses(t *testing.T) {
	cases := []struct {
		status int
		body   string
		want   string
		check  func(error) bool
	}{
		{400, `{"type":"error.list","request_id":null,"errors":[{"code":"parameter_not_found","message":"Body is required"},{"code":"parameter_invalid","message":null,"field":"email"}]}`,
			"intercom: 400 parameter_not_found: Body is required; parameter_invalid (field email)", func(err error) bool { return HasCode(err, "parameter_invalid") }},
		{401, `{"type":"error.list","request_id":"r1","errors":[{"code":"unauthorized","message":"Access Token Invalid"}]}`,
			"intercom: 401 unauthorized: Access Token Invalid (request r1)", IsUnauthorized},
		{403, `{"type":"error.list","request_id":"r2","errors":[{"code":"api_plan_restricted","message":"Active subscription needed."}]}`,
			"intercom: 403 api_plan_restricted: Active subscription needed. (request r2)", IsForbidden},
		{404, ``, "intercom: 404 Not Found", IsNotFound},
		{409, `{"message":"conflict \u001b[31mred"}`, "intercom: 409 Conflict: conflict red", func(err error) bool { return statusOf(err) == 409 }},
	}
	for _, tc := range cases {
		srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request, n int) { writeJSON(w, tc.status, tc.body) })
		c, _ := newTestClient(t, srv.URL)
		err := c.do(context.Background(), getRequest("/x", nil), nil)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%d: Error() = %q, want %q", tc.status, err, tc.want)
		}
		if !tc.check(err) {
			t.Errorf("%d: helper check failed for %v", tc.status, err)
		}
	}
}

func TestHTMLBadGatewayKeepsStatus(t *testing.T) {
	page := "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title><style>body{color:red}</style></head>" +
		"<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(502)
		_, _ = w.Write([]byte(page))
	})
	c, _ := newTestClient(t, srv.URL, WithMaxRetries(0))
	err := c.do(context.Background(), getRequest("/conversations", nil), &pingOut{})
	var ae *APIError
	if !errors.As(err, &ae) || ae.HTTPStatus != 502 || len(ae.Errors) != 0 {
		t.Fatalf("err = %#v", err)
	}
	if ae.Body != "502 Bad Gateway" {
		t.Errorf("Body = %q", ae.Body)
	}
	if got := err.Error(); got != "intercom: 502 Bad Gateway: 502 Bad Gateway" {
		t.Errorf("Error() = %q", got)
	}
	if !IsServerError(err) {
		t.Error("IsServerError false")
	}
}

func TestPhoneRedirectErrorShape(t *testing.T) {
	cases := []struct {
		status      int
		body        string
		key, msg, s string
	}{
		{400, `{"error_key":"invalid_phone_number","message":"Invalid phone number"}`, "invalid_phone_number", "Invalid phone number", "intercom: 400 invalid_phone_number: Invalid phone number"},
		{400, `{"error_key":"sms_failed","message":"SMS was not sent due to an unknown error"}`, "sms_failed", "SMS was not sent due to an unknown error", "intercom: 400 sms_failed: SMS was not sent due to an unknown error"},
		{422, `{"error_key":"some_error"}`, "some_error", "", "intercom: 422 some_error"},
	}
	for _, tc := range cases {
		srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request, n int) { writeJSON(w, tc.status, tc.body) })
		c, _ := newTestClient(t, srv.URL)
		body := map[string]any{"phone": "+353832345678"}
		err := c.do(context.Background(), writeRequest(http.MethodPost, "/phone_call_redirects", body), &pingOut{})
		var pe *PhoneRedirectError
		if !errors.As(err, &pe) {
			t.Fatalf("err = %T %v", err, err)
		}
		if pe.HTTPStatus != tc.status || pe.ErrorKey != tc.key || pe.Message != tc.msg || err.Error() != tc.s {
			t.Errorf("PhoneRedirectError = %+v, %q", pe, err)
		}
		if !HasCode(err, tc.key) {
			t.Errorf("HasCode(%q) false", tc.key)
		}
		if srv.hits.Load() != 1 {
			t.Errorf("phone redirect sent %d times", srv.hits.Load())
		}
	}
	// The same shape on any path is recognised; an error.list with error_key is not.
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if r.URL.Path == "/other" {
			writeJSON(w, 400, `{"error_key":"weird"}`)
			return
		}
		writeJSON(w, 400, `{"type":"error.list","error_key":"x","errors":[{"code":"bad_request"}]}`)
	})
	c, _ := newTestClient(t, srv.URL)
	var pe *PhoneRedirectError
	if err := c.do(context.Background(), getRequest("/other", nil), nil); !errors.As(err, &pe) {
		t.Errorf("other path: %T %v", err, err)
	}
	if err := c.do(context.Background(), getRequest("/list", nil), nil); errors.As(err, &pe) || !HasCode(err, "bad_request") {
		t.Errorf("error.list with error_key: %T %v", err, err)
	}
}

func TestDecodeErrorOnNonJSON2xx(t *testing.T) {
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte("<html><title>Captive portal</title>login</html>"))
	})
	c, _ := newTestClient(t, srv.URL)
	err := c.do(context.Background(), writeRequest(http.MethodPut, "/conversations/1", map[string]bool{"read": true}), &pingOut{})
	var de *DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("err = %T %v", err, err)
	}
	if de.HTTPStatus != 200 || de.ContentType != "text/html" || de.Snippet != "Captive portal" || de.Err == nil {
		t.Errorf("DecodeError = %+v", de)
	}
	if srv.hits.Load() != 1 {
		t.Errorf("write with a bad 2xx body sent %d times", srv.hits.Load())
	}
}

func TestTokenNeverInErrors(t *testing.T) {
	// A hostile or buggy server echoes the Authorization header everywhere it can.
	echo := func(w http.ResponseWriter, r *http.Request, n int) {
		auth := r.Header.Get("Authorization")
		w.Header().Set("X-Request-Id", auth)
		switch r.URL.Path {
		case "/list":
			writeJSON(w, 401, fmt.Sprintf(`{"type":"error.list","request_id":%q,"errors":[{"code":%q,"message":"token %s is bad; %s","field":%q}]}`,
				testToken, testToken, auth, testToken, testToken))
		case "/phone":
			writeJSON(w, 400, fmt.Sprintf(`{"error_key":%q,"message":"got %s"}`, testToken, auth))
		case "/html":
			w.WriteHeader(500)
			_, _ = fmt.Fprintf(w, "<html><body><pre>Authorization: %s</pre>&lt;%s&gt;</body></html>", auth, testToken)
		case "/empty":
			w.WriteHeader(403)
		case "/ok":
			_, _ = fmt.Fprintf(w, "not json %s", auth)
		case "/429":
			writeJSON(w, 429, fmt.Sprintf(`{"type":"error.list","errors":[{"code":"rate_limit_exceeded","message":%q}]}`, auth))
		}
	}
	srv := newHitServer(t, echo)
	c, _ := newTestClient(t, srv.URL, WithMaxRetries(0), WithMaxRateWait(0))
	for _, p := range []string{"/list", "/phone", "/html", "/empty", "/ok", "/429"} {
		err := c.do(context.Background(), getRequest(p, nil), &pingOut{})
		if err == nil {
			t.Fatalf("%s: no error", p)
		}
		assertNoToken(t, p, err)
	}

	// Token split across the snippet's scan window: redaction happens before the cut.
	long := strings.Repeat("x", snippetScanBytes-10) + testToken
	if s := c.snippet([]byte(long), "text/plain"); strings.Contains(s, testToken[:8]) {
		t.Errorf("partial token survived truncation: %q", s)
	}
}

// tokenTransport is a RoundTripper that fails with the token in its error text.
type tokenTransport struct{}

func (tokenTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	return nil, fmt.Errorf("proxy refused %s", r.Header.Get("Authorization"))
}

func TestTokenNeverInTransportErrors(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cases := []struct {
		base    string
		hc      *http.Client
		network bool // a resolver that answers for .invalid would turn that case into an HTTP error
	}{
		{"https://no-such-host.invalid", nil, false},
		{"http://" + closedAddr(t), nil, true},
		{"http://" + closedAddr(t) + "/p", nil, true},
		{"https://echo.example", &http.Client{Transport: tokenTransport{}}, true},
	}
	for _, tc := range cases {
		opts := []Option{WithMaxRetries(1)}
		if tc.hc != nil {
			opts = append(opts, WithHTTPClient(tc.hc))
		}
		c, _ := newTestClient(t, tc.base, opts...)
		err := c.do(ctx, getRequest("/me", nil), nil)
		if err == nil || (tc.network && !IsNetwork(err)) {
			t.Fatalf("%s: err = %T %v", tc.base, err, err)
		}
		assertNoToken(t, tc.base, err)
	}
}

func assertNoToken(t *testing.T, where string, err error) {
	t.Helper()
	texts := []string{err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err)}
	var ae *APIError
	if errors.As(err, &ae) {
		texts = append(texts, ae.RequestID, ae.Body)
		for _, it := range ae.Errors {
			texts = append(texts, it.Code, it.Message, it.Field)
		}
	}
	var pe *PhoneRedirectError
	if errors.As(err, &pe) {
		texts = append(texts, pe.ErrorKey, pe.Message)
	}
	var de *DecodeError
	if errors.As(err, &de) {
		texts = append(texts, de.Snippet)
	}
	for _, s := range texts {
		if strings.Contains(s, testToken) {
			t.Errorf("%s: token leaked in %q", where, s)
		}
	}
	if !strings.Contains(err.Error(), "intercom:") {
		t.Errorf("%s: unprefixed error %q", where, err)
	}
}

func TestCleanText(t *testing.T) {
	cases := []struct {
		in   string
		max  int
		want string
	}{
		{"a\x1b[2Jb\u202eevil\u2066", 100, "abevil"},
		{"  many \n\t spaces  ", 100, "many spaces"},
		{"bad \xff utf8", 100, "bad \uFFFD utf8"},
		{strings.Repeat("é", 10), 4, "éééé…"},
		{"ab cd", 3, "ab…"},
		{"bearer abc.def and Bearer%20xyz", 100, "Bearer [REDACTED] and Bearer [REDACTED]"},
	}
	for _, tc := range cases {
		if got := cleanText(redact(tc.in, ""), tc.max); got != tc.want {
			t.Errorf("cleanText(%q, %d) = %q, want %q", tc.in, tc.max, got, tc.want)
		}
	}
}
