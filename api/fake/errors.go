package fake

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"

	"github.com/intercom-tui/intercom-tui/models"
)

// Error codes. Every one appears in the 2.9 spec's examples except intercom_version_invalid
// (what Intercom answers a version it cannot serve, per its client libraries) and
// rate_limit_exceeded (Intercom's documented 429 code).
const (
	codeUnauthorized     = "unauthorized"
	codeNotFound         = "not_found"
	codeAdminNotFound    = "admin_not_found"
	codeAssigneeNotFound = "assignee_not_found"
	codeTagNotFound      = "tag_not_found"
	codeTeamNotFound     = "team_not_found"
	codeCompanyNotFound  = "company_not_found"
	codeParamNotFound    = "parameter_not_found"
	codeParamInvalid     = "parameter_invalid"
	codeBadRequest       = "bad_request"
	codeVersionInvalid   = "intercom_version_invalid"
	codeRateLimited      = "rate_limit_exceeded"
)

// Messages the spec's examples pair with those codes.
const (
	msgUnauthorized     = "Access Token Invalid"
	msgResourceNotFound = "Resource Not Found"
	msgUserNotFound     = "User Not Found"
)

// apiError is an error.list answer a handler returns instead of writing it, so handlers
// read as straight-line code: `if err != nil { return nil, err }`.
type apiError struct {
	status int
	code   string
	msg    string
	field  string
}

func (e *apiError) Error() string { return fmt.Sprintf("%d %s: %s", e.status, e.code, e.msg) }

func notFound(msg string) *apiError {
	return &apiError{status: http.StatusNotFound, code: codeNotFound, msg: msg}
}

func missing(field string) *apiError {
	return &apiError{status: http.StatusBadRequest, code: codeParamNotFound,
		msg: field + " is a required parameter.", field: field}
}

func invalid(field, format string, args ...any) *apiError {
	return &apiError{status: http.StatusBadRequest, code: codeParamInvalid,
		msg: fmt.Sprintf(format, args...), field: field}
}

type ctxKey int

const requestIDKey ctxKey = 0

// requestIDFrom is the id the gate gave this request (see gate.go).
func requestIDFrom(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey).(string)
	return id
}

// newRequestID is a UUID-v4-shaped id derived from the seed and the request's number,
// so a run is reproducible down to the ids in its error bodies.
func newRequestID(seed int64, n uint64) string {
	rng := rand.New(rand.NewPCG(uint64(seed), n^0x7265717565737473))
	var b [16]byte
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// writeJSON answers v as JSON with the status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		// Only a programming error (an unmarshalable model) lands here.
		status = http.StatusInternalServerError
		body = []byte(`{"type":"error.list","errors":[{"code":"server_error","message":"encoding failed"}]}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// writeError answers an error.list carrying the request's id.
func writeError(w http.ResponseWriter, r *http.Request, e *apiError) {
	writeJSON(w, e.status, models.ErrorList{
		Type:      "error.list",
		RequestID: requestIDFrom(r.Context()),
		Errors:    []models.ErrorItem{{Code: e.code, Message: e.msg, Field: e.field}},
	})
}

// handler adapts a function returning (value, error) to an http.Handler: a value is
// answered 200, an *apiError as its error.list.
func handler(f func(r *http.Request) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, err := f(r)
		if err != nil {
			var ae *apiError
			if !errors.As(err, &ae) {
				ae = &apiError{status: http.StatusInternalServerError, code: "server_error", msg: err.Error()}
			}
			writeError(w, r, ae)
			return
		}
		writeJSON(w, http.StatusOK, v)
	}
}

// maxBody bounds a request body; Intercom's own limit is far above anything the TUI sends.
const maxBody = 1 << 20

// decode reads a JSON body into v. An empty body decodes as {} so that "every field
// missing" is reported field by field, like Intercom does.
func decode(r *http.Request, v any) error {
	data, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil {
		return &apiError{status: http.StatusBadRequest, code: codeBadRequest, msg: "could not read the request body"}
	}
	if len(data) > maxBody {
		return &apiError{status: http.StatusRequestEntityTooLarge, code: codeBadRequest, msg: "request body too large"}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		data = []byte("{}")
	}
	if err := json.Unmarshal(data, v); err != nil {
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) {
			return &apiError{status: http.StatusBadRequest, code: codeBadRequest, msg: "request body is not valid JSON: " + err.Error()}
		}
		// Valid JSON with a value of the wrong type or shape (e.g. "read": "yes").
		return &apiError{status: http.StatusBadRequest, code: codeParamInvalid, msg: err.Error()}
	}
	return nil
}
