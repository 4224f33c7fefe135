package redirect

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3filter"

	"github.com/intercom-tui/intercom-tui/api/fake"
	"github.com/intercom-tui/intercom-tui/api/fake/spectest"
	"github.com/intercom-tui/intercom-tui/store"
)

// The request the form sends (with attributes of every type) is what 2.9 describes, and
// so is the fake's answer to it.
func TestRequestValidatesAgainstTheSpec(t *testing.T) {
	e := newEnv(t, nil, Options{Phone: "+353832345678"})
	e.press("ctrl+n")
	e.typeText("issue_type")
	e.press("tab")
	e.typeText("Billing")
	e.press("ctrl+n")
	e.typeText("seats")
	e.press("ctrl+t", "tab")
	e.typeText("3")
	e.press("ctrl+n")
	e.typeText("vip")
	e.press("ctrl+t", "ctrl+t", "tab")
	e.typeText("true")
	e.press("ctrl+s", "enter")
	x := e.redirects()
	if len(x) != 1 || x[0].status != http.StatusOK {
		t.Fatalf("%d exchanges", len(x))
	}
	v := spectest.NewValidator(t, "2.9", e.srv.URL)
	err := v.Check(x[0].req, x[0].body, x[0].status, x[0].header, x[0].resp)
	var reqErr *openapi3filter.RequestError
	if errors.As(err, &reqErr) || err != nil {
		t.Fatalf("%s breaks the 2.9 spec: %v", x[0].body, err)
	}
}

// answering is a server that answers POST /phone_call_redirects with status and body.
func answering(status int, body string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	})
}

// hangUp reads the request, then closes the connection without an answer: the SMS may
// have gone out.
func hangUp() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			_ = conn.Close()
		}
	})
}

// Each way a send can fail is said in words beside the field or under the form, the form
// goes back to editing with everything kept, and nothing is sent again.
func TestEachFailureHasItsMessage(t *testing.T) {
	cases := []struct {
		name    string
		handler http.Handler
		phone   string
		beside  string // the reason beside the phone field
		status  string // or the form-wide line
		result  string // the log's result
	}{
		{"sms_failed", nil, fake.PhoneSMSFailed, "Intercom: SMS was not sent due to an unknown error (sms_failed)", "", "sms_failed"},
		{"422", nil, fake.PhoneUnprocessable, "Intercom refused this number and gave no reason (some_error)", "", "some_error"},
		{"invalid_phone_number", answering(400, `{"error_key":"invalid_phone_number","message":"Invalid phone number"}`), "+353832345678",
			"Intercom: Invalid phone number (invalid_phone_number)", "", "invalid_phone_number"},
		{"invalid_phone_number without a message", answering(400, `{"error_key":"invalid_phone_number"}`), "+353832345678",
			"Intercom says this is not a valid phone number (invalid_phone_number)", "", "invalid_phone_number"},
		{"hostile message", answering(400, "{\"error_key\":\"sms_failed\",\"message\":\"no\\u001b[31m red\"}"), "+353832345678",
			"Intercom: no", "", "sms_failed"},
		{"network", hangUp(), "+353832345678", "", "the SMS may or may not have been sent. Nothing was resent", store.RedirectNetwork},
		{"unauthorized", answering(401, `{"type":"error.list","errors":[{"code":"unauthorized","message":"Access Token Invalid"}]}`), "+353832345678",
			"", "Intercom refused the request", "unauthorized"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := newEnv(t, c.handler, Options{Phone: c.phone})
			e.press("ctrl+n")
			e.typeText("plan")
			e.press("tab")
			e.typeText("pro")
			e.press("ctrl+s", "enter")
			if e.m.Step() != Edit {
				t.Fatalf("step %v:\n%s", e.m.Step(), e.screen())
			}
			if c.beside != "" {
				e.shows(c.beside)
				if !strings.Contains(e.m.refused, c.beside) || e.m.focus != 0 {
					t.Fatalf("refused %q, focus %d", e.m.refused, e.m.focus)
				}
			}
			if c.status != "" {
				e.shows(c.status)
			}
			if strings.Contains(e.screen(), "\x1b") {
				t.Fatal("an escape sequence reached the screen")
			}
			if e.m.Phone() != c.phone || e.m.attrs[0].value.Value() != "pro" {
				t.Fatalf("something typed was lost: %q %q", e.m.Phone(), e.m.attrs[0].value.Value())
			}
			if n := len(e.redirects()); n != 1 {
				t.Fatalf("%d requests: a send was repeated", n)
			}
			log, err := e.ctx.Store.Redirects(0)
			if err != nil || len(log) != 1 || log[0].Result != c.result || log[0].URL != "" {
				t.Fatalf("log %+v %v", log, err)
			}
			// Editing the number clears the server's reason.
			e.press("backspace")
			if e.m.refused != "" {
				t.Fatal("the server's reason outlived the number it was about")
			}
		})
	}
}

// Every send is logged (masked, with its attributes and result), and the log view shows
// the entries newest first; esc goes back to where it was opened.
func TestLogWrittenAndShown(t *testing.T) {
	e := newEnv(t, nil, Options{Phone: fake.PhoneSMSFailed})
	e.press("ctrl+s", "enter")
	e.press("ctrl+u")
	e.typeText("083 234 5678")
	e.press("ctrl+n")
	e.typeText("plan")
	e.press("tab")
	e.typeText("pro")
	e.press("ctrl+s", "enter")
	url := e.m.sent.URL
	log, err := e.ctx.Store.Redirects(0)
	if err != nil || len(log) != 2 {
		t.Fatalf("log %+v %v", log, err)
	}
	if l := log[0]; l.Phone != "+••••••••5678" || l.Country != "Ireland" || l.Result != store.RedirectSent || l.URL != url || l.Attrs["plan"] != "pro" {
		t.Fatalf("newest entry %+v", l)
	}
	e.press("ctrl+l")
	if e.m.Step() != Log {
		t.Fatalf("step %v", e.m.Step())
	}
	e.shows("Sent redirects", "2026-11-26 12:00 +••••••••5678 Ireland sent", `{"plan":"pro"}`, url,
		"+••••••••0000 Ireland sms_failed", "SMS was not sent due to an unknown error")
	e.press("esc")
	if e.m.Step() != Result {
		t.Fatalf("esc went to %v", e.m.Step())
	}
}
