package redirect

import (
	"context"
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/store"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// SentMsg answers a send: Form and Req name the form and the attempt. It is an
// shared.Outcome, so the root's online indicator hears how the request went.
type SentMsg struct {
	Form uint64
	shared.Loaded[*models.PhoneSwitch]
	LogErr error // the local log could not be written (the SMS is unaffected)
}

// PhoneMsg answers the lookup of the focused contact's phone ("" when it has none).
type PhoneMsg struct {
	Form uint64
	shared.Loaded[string]
}

// LogMsg answers a read of the local log. Not an Outcome: the disk says nothing about
// the network.
type LogMsg struct {
	Form, Req uint64
	Entries   []store.Redirect
	Err       error
}

// timeout bounds one send or lookup; the client never resends a POST, so a send that
// times out is reported as such, never retried.
const timeout = 30 * time.Second

// logLimit is how many log entries the log view reads.
const logLimit = 50

// send is the one request of an attempt, then its line in the local log.
func send(client *api.Client, st *store.Store, now func() time.Time, form, req uint64, p payload) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		out, err := client.PhoneRedirect(ctx, p.number.E164, p.attrs)
		msg := SentMsg{Form: form, Loaded: shared.Loaded[*models.PhoneSwitch]{Req: req, Value: out, Err: err}}
		if st != nil {
			_, msg.LogErr = st.PutRedirect(logEntry(now(), p, out, err))
		}
		return msg
	}
}

// logEntry is what the local log keeps of an attempt (the store masks the number).
func logEntry(at time.Time, p payload, out *models.PhoneSwitch, err error) store.Redirect {
	r := store.Redirect{SentAt: at, Phone: p.number.E164, Country: p.number.Country, Attrs: p.attrs, Result: store.RedirectSent}
	if out != nil {
		r.URL = sanitize.Line(out.URL)
	}
	var pe *api.PhoneRedirectError
	var ae *api.APIError
	switch {
	case err == nil:
	case errors.As(err, &pe):
		r.Result, r.Message = sanitize.Line(pe.ErrorKey), sanitize.Line(pe.Message)
	case api.IsNetwork(err):
		r.Result, r.Message = store.RedirectNetwork, api.Short(err)
	case errors.As(err, &ae) && len(ae.Errors) > 0 && ae.Errors[0].Code != "":
		r.Result, r.Message = sanitize.Line(ae.Errors[0].Code), api.Short(err)
	default:
		r.Result, r.Message = "error", api.Short(err)
	}
	return r
}

// lookup reads the contact's phone: the offline store first, then GET /contacts/{id}.
func lookup(ws *workspace.Workspace, st *store.Store, form, req uint64, id string) tea.Cmd {
	return func() tea.Msg {
		msg := PhoneMsg{Form: form, Loaded: shared.Loaded[string]{Req: req}}
		if st != nil {
			if c, err := st.Contact(id); err == nil && c.Phone != "" {
				msg.Value = string(c.Phone)
				return msg
			}
		}
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		c, err := ws.API.Contact(ctx, id)
		if err != nil {
			msg.Err = err
			return msg
		}
		msg.Value = string(c.Phone)
		return msg
	}
}

// readLog reads the newest log entries, their times in the workspace clock's zone.
func readLog(st *store.Store, now func() time.Time, form, req uint64) tea.Cmd {
	return func() tea.Msg {
		entries, err := st.Redirects(logLimit)
		loc := now().Location()
		for i := range entries {
			entries[i].SentAt = entries[i].SentAt.In(loc)
		}
		return LogMsg{Form: form, Req: req, Entries: entries, Err: err}
	}
}

// refusal is what the server's refusal of the number says, beside the phone field.
func refusal(pe *api.PhoneRedirectError) string {
	key := sanitize.Line(pe.ErrorKey)
	if m := sanitize.Line(pe.Message); m != "" {
		return "Intercom: " + m + " (" + key + ")"
	}
	switch pe.ErrorKey {
	case "invalid_phone_number":
		return "Intercom says this is not a valid phone number (invalid_phone_number)"
	case "sms_failed":
		return "Intercom could not send the SMS (sms_failed)"
	}
	return "Intercom refused this number and gave no reason (" + key + ")"
}

// failure is what the form says of a send that did not go through, other than a refused
// number: whether an SMS may have gone out, and that nothing was sent again.
func failure(err error) string {
	var ne *api.NetworkError
	var de *api.DecodeError
	short := sanitize.Line(api.Short(err))
	switch {
	case errors.As(err, &ne) && ne.NeverSent():
		return "The request did not reach Intercom (" + short + "): no SMS was sent. Send again when the connection is back"
	case errors.As(err, &ne):
		return "No answer from Intercom (" + short + "): the SMS may or may not have been sent. Nothing was resent; check with the caller before sending again"
	case errors.As(err, &de):
		return "Intercom's answer could not be read (" + short + "): the SMS was probably sent. Nothing was resent"
	case api.IsServerError(err):
		return "Intercom failed (" + short + "): the SMS may or may not have been sent. Nothing was resent"
	}
	return "Intercom refused the request (" + short + "): no SMS was sent"
}
