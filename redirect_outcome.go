package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/config"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/phone"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/store"
)

// The outcomes of a redirect: the "status" of --json, each with its exit code.
const (
	redirectSent    = "sent"
	redirectInvalid = "invalid"
	redirectRefused = "refused"
	redirectNetwork = "network"
)

var redirectExit = map[string]exitCode{redirectSent: 0, redirectInvalid: 2, redirectRefused: 3, redirectNetwork: 4}

// redirectResult is the outcome; its exported fields are the --json object.
type redirectResult struct {
	Status   string `json:"status"`
	Phone    string `json:"phone,omitempty"` // E.164, once parsed
	Country  string `json:"country,omitempty"`
	URL      string `json:"url,omitempty"`
	ErrorKey string `json:"error_key,omitempty"`
	Message  string `json:"message,omitempty"`

	explain string // what the agent reads on stderr when it was not sent
	shown   string // the number as people read it
	logged  string // the log's result: store.RedirectSent, store.RedirectNetwork or an error key
}

func invalidResult(msg string) redirectResult {
	return redirectResult{Status: redirectInvalid, Message: msg, explain: msg}
}

// classifyRedirect says what became of a sent request. Only a refusal by Intercom is
// known not to have sent the SMS (a 5xx aside); when no answer came, the agent is told
// it may have gone out, so they ask the caller before sending another.
func classifyRedirect(sw *models.PhoneSwitch, err error, tokenSource string) redirectResult {
	var (
		pe *api.PhoneRedirectError
		re *api.RateLimitError
		ae *api.APIError
		de *api.DecodeError
		ne *api.NetworkError
	)
	switch {
	case err == nil:
		r := redirectResult{Status: redirectSent, logged: store.RedirectSent}
		if sw != nil {
			r.URL = sanitize.Line(sw.URL)
		}
		return r
	case errors.As(err, &de) && de.HTTPStatus >= 200 && de.HTTPStatus < 300:
		// Intercom said yes; only its answer (and the link in it) is unreadable.
		return redirectResult{Status: redirectSent, logged: store.RedirectSent,
			Message: fmt.Sprintf("Intercom accepted it (HTTP %d) but its answer was not valid JSON, so there is no Messenger link", de.HTTPStatus)}
	case errors.As(err, &pe):
		key := sanitize.Line(pe.ErrorKey)
		r := redirectResult{Status: redirectRefused, ErrorKey: key, Message: sanitize.Line(pe.Message), logged: key}
		if key == "" {
			r.logged = fmt.Sprintf("http_%d", pe.HTTPStatus)
		}
		r.explain = fmt.Sprintf("Intercom refused the redirect: %s (%s, HTTP %d). No SMS was sent.%s", api.Short(err), key, pe.HTTPStatus, refusalHint(key))
		return r
	case errors.As(err, &re):
		return redirectResult{Status: redirectRefused, ErrorKey: "rate_limit_exceeded", Message: api.Short(err), logged: "rate_limit_exceeded",
			explain: "Intercom refused the redirect: " + api.Short(err) + ". No SMS was sent, and it was not resent: run the command again after the reset."}
	case errors.As(err, &ae):
		r := redirectResult{Status: redirectRefused, Message: api.Short(err), logged: fmt.Sprintf("http_%d", ae.HTTPStatus)}
		for _, it := range ae.Errors {
			if it.Code != "" {
				r.ErrorKey, r.logged = sanitize.Line(it.Code), sanitize.Line(it.Code)
				break
			}
		}
		switch {
		case ae.HTTPStatus == http.StatusUnauthorized:
			r.explain = fmt.Sprintf("Intercom refused the token from %s: %s. No SMS was sent: check the token.", tokenSource, api.Short(err))
		case ae.HTTPStatus >= 500:
			// A server error may come after the SMS went out.
			r.explain = "Intercom failed: " + api.Short(err) + ". The SMS may or may not have gone out, and it was NOT resent: ask the caller before sending again."
		default:
			r.explain = "Intercom refused the redirect: " + api.Short(err) + ". No SMS was sent."
		}
		return r
	}
	r := redirectResult{Status: redirectNetwork, logged: store.RedirectNetwork}
	switch {
	case errors.As(err, &ne) && ne.NeverSent():
		// A refused or unresolved connection: the request provably never left.
		r.explain = "Network failure: " + api.Short(err) + ". The request never reached Intercom, so no SMS was sent; it was NOT resent: run the command again when Intercom can be reached."
	case errors.Is(err, context.Canceled):
		r.explain = "Interrupted before Intercom answered: the SMS may or may not have gone out, and it was NOT resent: ask the caller before sending again."
	case errors.Is(err, context.DeadlineExceeded):
		r.explain = fmt.Sprintf("Network failure: no answer from Intercom within %s. The SMS may or may not have gone out, and it was NOT resent: ask the caller before sending again.", redirectTimeout)
	default:
		r.explain = "Network failure: " + api.Short(err) + ". The SMS may or may not have gone out, and it was NOT resent: ask the caller before sending again."
	}
	r.Message = r.explain
	return r
}

// refusalHint is the next step for the refusals the spec documents.
func refusalHint(key string) string {
	switch key {
	case "invalid_phone_number":
		return " Check the number with the caller."
	case "sms_failed":
		return " Try again in a while, or give the caller the Messenger link another way."
	}
	return ""
}

// logRedirect appends the attempt to the workspace's local log. The log is a record, not
// the point: a store that cannot be opened is a warning, never a failed redirect.
func logRedirect(stderr io.Writer, target config.Target, num phone.Number, attrs map[string]any, res redirectResult, at time.Time) {
	warn := func(err error) {
		fmt.Fprintf(stderr, "intercom-tui: warning: the redirect was not written to the local log: %v\n", err)
	}
	path, err := store.PathFor(target.WorkspaceKey())
	if err != nil {
		warn(err)
		return
	}
	st, err := store.Open(path)
	if err != nil {
		warn(err)
		return
	}
	defer st.Close()
	if n := st.Notice(); n != "" {
		fmt.Fprintf(stderr, "intercom-tui: %s\n", n)
	}
	msg := res.Message
	if msg == "" {
		msg = res.explain
	}
	_, err = st.PutRedirect(store.Redirect{SentAt: at, Phone: num.E164, Country: num.Country, Attrs: attrs,
		Result: res.logged, Message: msg, URL: res.URL})
	if err != nil {
		warn(err)
	}
}

// redirectOutput prints the preview and the outcome: text for people, or one JSON object.
type redirectOutput struct {
	stdout, stderr io.Writer
	json           bool
}

// preview says what is about to be sent, so the agent can read it back to the caller.
func (o redirectOutput) preview(num phone.Number, attrs map[string]any, where string) {
	if o.json {
		return
	}
	fmt.Fprintf(o.stdout, "Sending an SMS with a Messenger link to %s (%s, %s) via %s\n", num.International, num.Country, num.Kind, where)
	if len(attrs) == 0 {
		return
	}
	fmt.Fprintln(o.stdout, "with custom attributes:")
	for _, line := range describeAttrs(attrs) {
		fmt.Fprintln(o.stdout, "  "+line)
	}
}

// finish prints the outcome and returns its exit code (nil when sent).
func (o redirectOutput) finish(r redirectResult) error {
	if o.json {
		enc := json.NewEncoder(o.stdout)
		enc.SetEscapeHTML(false) // URLs with & stay readable
		_ = enc.Encode(r)
	} else if r.Status == redirectSent {
		switch {
		case r.URL != "":
			fmt.Fprintf(o.stdout, "Sent to %s. Messenger link: %s\n", r.shown, r.URL)
		case r.Message != "":
			fmt.Fprintf(o.stdout, "Sent to %s. %s.\n", r.shown, r.Message)
		default:
			fmt.Fprintf(o.stdout, "Sent to %s (Intercom returned no Messenger link).\n", r.shown)
		}
	} else {
		fmt.Fprintf(o.stderr, "intercom-tui: %s\n", r.explain)
	}
	if code := redirectExit[r.Status]; code != 0 {
		return code
	}
	return nil
}
