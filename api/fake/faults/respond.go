package faults

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"

	"github.com/intercom-tui/intercom-tui/models"
)

// FaultHeader names the fault on every answer the injector wrote or altered, so a person
// reading a debug log can tell an injected failure from a bug in the fake.
const FaultHeader = "X-Fake-Fault"

// GarbageBody is what a garbage fault sends: no JSON decoder accepts it, and its NUL and
// invalid UTF-8 bytes also exercise the sanitizer on any path that shows a raw body.
const GarbageBody = "<<garbage>>\x00\xff\xfe not json {\"type\":"

// errorCodes are the error.list codes for the statuses a status fault is likely to use;
// 4xx codes are those Intercom's 2.9 examples use, 5xx are our own (2.9 documents none).
var errorCodes = map[int]struct{ code, message string }{
	400: {"bad_request", "Bad Request"},
	401: {"unauthorized", "Access Token Invalid"},
	403: {"api_plan_restricted", "Active subscription needed."},
	404: {"not_found", "Resource Not Found"},
	422: {"data_invalid", "Data Invalid"},
	429: {"rate_limit_exceeded", "Too Many Requests"},
	500: {"server_error", "Internal Server Error"},
	502: {"bad_gateway", "Bad Gateway"},
	503: {"service_unavailable", "Service Unavailable"},
	504: {"gateway_timeout", "Gateway Timeout"},
}

func errorFor(status int) (code, message string) {
	if e, ok := errorCodes[status]; ok {
		return e.code, e.message
	}
	if status < 500 {
		return "bad_request", http.StatusText(status)
	}
	return "server_error", http.StatusText(status)
}

func (in *Injector) serve(w http.ResponseWriter, r *http.Request, next http.Handler, f Rule, n int) {
	if f.Kind != Refuse {
		w.Header().Set(FaultHeader, string(f.Kind))
	}
	switch f.Kind {
	case RateLimit:
		in.rateLimit(w, f, n)
	case Status:
		code, msg := errorFor(f.code())
		writeErrorList(w, f.code(), in.requestID(n), code, msg)
	case Unauthorized:
		writeErrorList(w, http.StatusUnauthorized, in.requestID(n), "unauthorized", "Access Token Invalid")
	case HTML:
		writeHTML(w, f.code())
	case Garbage:
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("Content-Length", strconv.Itoa(len(GarbageBody)))
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte(GarbageBody))
	case Truncate:
		truncate(w, r, next, f.keep())
	case Reset:
		reset(w, r, next, f.keep())
	case Refuse:
		hangUp(w)
	}
}

func (in *Injector) rateLimit(w http.ResponseWriter, f Rule, n int) {
	now := in.clock.Now()
	reset := windowEnd(now)
	if f.ResetAfter > 0 {
		reset = ceilUnix(now.Add(f.ResetAfter))
	}
	h := w.Header()
	h.Set("X-RateLimit-Limit", strconv.Itoa(f.limit()))
	h.Set("X-RateLimit-Remaining", "0")
	h.Set("X-RateLimit-Reset", strconv.FormatInt(reset, 10))
	msg := fmt.Sprintf("Exceeded rate limit of %d in 10_seconds", f.limit())
	writeErrorList(w, http.StatusTooManyRequests, in.requestID(n), "rate_limit_exceeded", msg)
}

func writeErrorList(w http.ResponseWriter, status int, requestID, code, message string) {
	body, _ := json.Marshal(models.ErrorList{
		Type:      "error.list",
		RequestID: requestID,
		Errors:    []models.ErrorItem{{Code: code, Message: message}},
	})
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// writeHTML answers like a reverse proxy in front of the API would: nginx's stock page.
func writeHTML(w http.ResponseWriter, status int) {
	title := fmt.Sprintf("%d %s", status, http.StatusText(status))
	body := "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title +
		"</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
	w.Header().Set("Content-Type", "text/html")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}

// requestID is a UUID-v4-shaped id derived from the seed and the request's number, so it
// is reproducible and independent of the random draws that decide the faults.
func (in *Injector) requestID(n int) string {
	rng := rand.New(rand.NewPCG(in.seed, uint64(n)))
	var b [16]byte
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// truncate sends the real response with its body cut. The cut always removes the last
// non-space byte, so a JSON object or array can never survive it intact (a trailing
// newline from json.Encoder would otherwise let a high fraction keep it valid).
// Content-Length matches what is sent: the client sees a complete, invalid body.
func truncate(w http.ResponseWriter, r *http.Request, next http.Handler, keep float64) {
	c := capture(next, r)
	body := bytes.TrimRight(c.body.Bytes(), " \t\r\n")
	if len(body) > 0 {
		body = body[:clampInt(float64(len(body))*keep, len(body)-1)]
	}
	copyHeader(w.Header(), c.header)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(c.status())
	_, _ = w.Write(body)
}

// reset sends the real status, headers and a share of the body, announcing the full
// Content-Length, then kills the connection: the client reads an unexpected EOF.
func reset(w http.ResponseWriter, r *http.Request, next http.Handler, keep float64) {
	c := capture(next, r)
	status := c.status()
	if r.Method == http.MethodHead || !bodyAllowed(status) {
		hangUp(w) // no body to cut short: dying before the answer is the closest fault
		return
	}
	body := c.body.Bytes()
	declared := max(len(body), 1) // even an empty body is promised as one byte, never sent
	sent := body[:clampInt(float64(len(body))*keep, max(len(body)-1, 0))]
	copyHeader(w.Header(), c.header)
	w.Header().Set("Content-Length", strconv.Itoa(declared))
	w.WriteHeader(status)
	_, _ = w.Write(sent)
	// The partial body must leave the server's buffers before the connection goes;
	// Hijack would otherwise discard it.
	_ = http.NewResponseController(w).Flush()
	hangUp(w)
}

// hangUp closes the connection under the handler. Hijacking works on HTTP/1.x, even
// through middleware that implements Unwrap; elsewhere (HTTP/2, opaque wrappers)
// http.ErrAbortHandler makes the server drop the connection or reset the stream without
// logging a panic.
func hangUp(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
}

func bodyAllowed(status int) bool {
	return status >= 200 && status != http.StatusNoContent && status != http.StatusNotModified
}

func copyHeader(dst, src http.Header) {
	for k, v := range src {
		dst[k] = append([]string(nil), v...)
	}
}

// recorder buffers the real handler's answer so a fault can damage it.
type recorder struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func capture(next http.Handler, r *http.Request) *recorder {
	c := &recorder{header: http.Header{}}
	next.ServeHTTP(c, r)
	return c
}

func (c *recorder) Header() http.Header { return c.header }

func (c *recorder) WriteHeader(code int) {
	if c.code == 0 {
		c.code = code
	}
}

func (c *recorder) Write(p []byte) (int, error) {
	if c.code == 0 {
		c.code = http.StatusOK
	}
	return c.body.Write(p)
}

func (c *recorder) status() int {
	if c.code == 0 {
		return http.StatusOK
	}
	return c.code
}
