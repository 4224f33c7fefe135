package api

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/intercom-tui/intercom-tui/models"
)

func TestShort(t *testing.T) {
	cases := []struct {
		err  error
		want string
	}{
		{&APIError{HTTPStatus: 404, Errors: []models.ErrorItem{{Code: "not_found", Message: "Resource Not Found"}}}, "Resource Not Found (HTTP 404)"},
		{&APIError{HTTPStatus: 403, Errors: []models.ErrorItem{{Code: "api_plan_restricted"}}}, "api plan restricted (HTTP 403)"},
		{&APIError{HTTPStatus: 502, Body: "Bad Gateway"}, "Bad Gateway: Bad Gateway (HTTP 502)"},
		{&PhoneRedirectError{HTTPStatus: 400, ErrorKey: "invalid_phone_number", Message: "Invalid phone number"}, "Invalid phone number"},
		{&PhoneRedirectError{HTTPStatus: 422, ErrorKey: "some_error"}, "some error"},
		{&NetworkError{neverSent: true, Err: errors.New("dial")}, "cannot reach the server"},
		{&DecodeError{HTTPStatus: 200}, "the server's answer was not valid JSON (HTTP 200)"},
		{fmt.Errorf("loading: %w", context.DeadlineExceeded), "timed out"},
	}
	for _, c := range cases {
		if got := Short(c.err); got != c.want {
			t.Errorf("Short(%v) = %q, want %q", c.err, got, c.want)
		}
	}
}
