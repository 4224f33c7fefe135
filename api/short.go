package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
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
		return fmt.Sprintf("the server's answer was not valid JSON (HTTP %d)", de.HTTPStatus)
	case errors.As(err, &ne):
		switch {
		case ne.Timeout():
			return "the server did not answer in time"
		case ne.NeverSent():
			return "cannot reach the server"
		default:
			return "the connection broke off"
		}
	case errors.Is(err, context.DeadlineExceeded):
		return "timed out"
	case errors.Is(err, context.Canceled):
		return "cancelled"
	}
	return err.Error()
}

func apiShort(e *APIError) string {
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
