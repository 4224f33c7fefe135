package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"syscall"
	"time"
)

// Short is an error in a few words for a toast or an inline message: what the server
// said (its message, else its code), or what went wrong on the way. Like every error of
// this package it never contains the token.
func Short(err error) string {
	if err == nil {
		return ""
	}
	var (
		ae *APIError
		pe *PhoneRedirectError
		re *RateLimitError
		ne *NetworkError
		de *DecodeError
	)
	switch {
	case errors.As(err, &re):
		if !re.Reset.IsZero() {
			return "rate limited by Intercom until " + re.Reset.Local().Format(time.TimeOnly)
		}
		return "rate limited by Intercom"
	case errors.As(err, &pe):
		if pe.Message != "" {
			return pe.Message
		}
		return strings.ReplaceAll(pe.ErrorKey, "_", " ")
	case errors.As(err, &ae):
		return apiShort(ae)
	case errors.As(err, &de):
		if cutShort(de.Err) {
			return fmt.Sprintf("the server's answer was cut short: not valid JSON (HTTP %d)", de.HTTPStatus)
		}
		return fmt.Sprintf("the server's answer was not valid JSON (HTTP %d)", de.HTTPStatus)
	case errors.As(err, &ne):
		return networkShort(ne)
	case errors.Is(err, context.DeadlineExceeded):
		return "timed out"
	case errors.Is(err, context.Canceled):
		return "cancelled"
	}
	return err.Error()
}

// networkShort names a transport failure. "Never sent" comes first: a name that does
// not resolve in time is still an unreachable server, not a slow one.
func networkShort(ne *NetworkError) string {
	var dnsErr *net.DNSError
	switch {
	case ne.NeverSent() && errors.As(ne, &dnsErr):
		return "cannot reach the server: its name does not resolve"
	case ne.NeverSent() && errors.Is(ne, syscall.ECONNREFUSED):
		return "cannot reach the server: connection refused"
	case ne.NeverSent():
		return "cannot reach the server"
	case ne.Timeout():
		return "the server did not answer in time"
	default:
		return "the connection broke off"
	}
}

// cutShort reports a body that ended in the middle of a JSON value (truncated), as
// opposed to one that was never JSON.
func cutShort(err error) bool {
	var se *json.SyntaxError
	return errors.As(err, &se) && strings.Contains(se.Error(), "unexpected end")
}

// proxyPage reports an error answered by an HTML page: a proxy or load balancer in
// front of the API, not Intercom itself, which always answers in JSON.
func proxyPage(e *APIError) bool {
	return len(e.Errors) == 0 && strings.HasPrefix(strings.ToLower(e.ContentType), "text/html")
}

func apiShort(e *APIError) string {
	if proxyPage(e) {
		return fmt.Sprintf("a proxy answered with an error page, not Intercom (HTTP %d %s)", e.HTTPStatus, http.StatusText(e.HTTPStatus))
	}
	if e.HTTPStatus == http.StatusUnauthorized {
		return "the access token was refused: " + apiMessage(e)
	}
	return apiMessage(e)
}

// apiMessage is the server's own message (else its code, else the status text) with
// the status.
func apiMessage(e *APIError) string {
	for _, it := range e.Errors {
		switch {
		case it.Message != "":
			return fmt.Sprintf("%s (HTTP %d)", it.Message, e.HTTPStatus)
		case it.Code != "":
			return fmt.Sprintf("%s (HTTP %d)", strings.ReplaceAll(it.Code, "_", " "), e.HTTPStatus)
		}
	}
	text := http.StatusText(e.HTTPStatus)
	if e.Body != "" {
		text += ": " + e.Body
	}
	return fmt.Sprintf("%s (HTTP %d)", text, e.HTTPStatus)
}
