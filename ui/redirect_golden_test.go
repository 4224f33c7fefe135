package ui

import (
	"net/http"
	"net/http/httptest"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/api/fake"
	"github.com/intercom-tui/intercom-tui/api/fake/faults"
	"github.com/intercom-tui/intercom-tui/clock"
	"github.com/intercom-tui/intercom-tui/store/storetest"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// The phone-call redirect form through the whole program (seed 1, fixedNow, region IE):
// opened with P, filled, confirmed, sent; each way it can fail. Regenerate only these
// with go test ./ui/ -run GoldenRedirect -update.

const redirectPath = "POST /phone_call_redirects"

// redirectApp starts the app at w x h on the Articles tab (no contact in focus: the form
// opens empty) with a store for the log.
func redirectApp(t *testing.T, h *harness, w, hgt int) (*teatest.TestModel, *probe) {
	t.Helper()
	h.ctx.Settings.PhoneRegion = "IE"
	h.ctx.Store = storetest.Open(t)
	tm, p := h.run(t, w, hgt, "Open 134")
	press(tm, "4")
	waitFor(t, tm, p, "Articles")
	return tm, p
}

// ctrl is ctrl+c for a letter c.
func ctrl(tm *teatest.TestModel, c rune) { tm.Send(tea.KeyPressMsg{Code: c, Mod: tea.ModCtrl}) }

// openForm presses P and types the number.
func openForm(t *testing.T, tm *teatest.TestModel, p *probe, number string) {
	t.Helper()
	press(tm, "P")
	waitFor(t, tm, p, "Phone-call redirect")
	typeInto(tm, number)
	waitFor(t, tm, p, number)
}

// sendForm submits, confirms and waits for want.
func sendForm(t *testing.T, tm *teatest.TestModel, p *probe, want ...string) {
	t.Helper()
	ctrl(tm, 's')
	waitFor(t, tm, p, "Send this SMS?")
	press(tm, "enter")
	waitFor(t, tm, p, want...)
}

func TestGoldenRedirectEmpty120x36(t *testing.T) {
	tm, p := redirectApp(t, newHarness(t, 300), 120, 36)
	press(tm, "P")
	waitFor(t, tm, p, "Phone-call redirect", "read as dialled in IE")
	requireGolden(t, final(t, tm))
}

func TestGoldenRedirectEmpty80x24(t *testing.T) {
	tm, p := redirectApp(t, newHarness(t, 300), 80, 24)
	press(tm, "P")
	waitFor(t, tm, p, "Phone-call redirect", "esc close")
	requireGolden(t, final(t, tm))
}

// From a contact with a phone: the form opens on it; the confirmation shows the body;
// enter sends it and shows the Messenger link.
func TestGoldenRedirectConfirmAndSuccess120x36(t *testing.T) {
	tm, p, h := contactsTab(t, 120, 36)
	waitFor(t, tm, p, "Lighthouse Legal") // the company names, which load after a rest
	h.ctx.Settings.PhoneRegion = "IE"
	h.ctx.Store = storetest.Open(t)
	press(tm, "P")
	waitFor(t, tm, p, "Phone-call redirect", "United States · mobile or fixed line")
	ctrl(tm, 'n')
	typeInto(tm, "issue_type")
	press(tm, "tab")
	typeInto(tm, "Billing")
	ctrl(tm, 'n')
	typeInto(tm, "seats")
	ctrl(tm, 't')
	press(tm, "tab")
	typeInto(tm, "3")
	ctrl(tm, 's')
	waitFor(t, tm, p, "Send this SMS?", `"seats": 3`)
	t.Run("confirmation", func(t *testing.T) { requireGolden(t, p.text()) })
	if n := h.req.count(redirectPath); n != 0 {
		t.Fatalf("%d redirects before the confirmation", n)
	}
	press(tm, "enter")
	waitFor(t, tm, p, "Messenger link", "http://via.intercom.io/msgr/")
	if n := h.req.count(redirectPath); n != 1 {
		t.Fatalf("%d redirects sent", n)
	}
	requireGolden(t, final(t, tm))
}

// "12345" is refused beside the field and no request reaches the fake.
func TestGoldenRedirectLocalInvalid120x36(t *testing.T) {
	h := newHarness(t, 300)
	tm, p := redirectApp(t, h, 120, 36)
	openForm(t, tm, p, "12345")
	ctrl(tm, 's')
	press(tm, "enter")
	waitFor(t, tm, p, "▸ Phone 12345", "+353 12345 is not a valid number in Ireland")
	if n := h.req.count(redirectPath); n != 0 {
		t.Fatalf("%d requests reached the fake", n)
	}
	requireGolden(t, final(t, tm))
}

func TestGoldenRedirectSMSFailed120x36(t *testing.T) {
	h := newHarness(t, 300)
	tm, p := redirectApp(t, h, 120, 36)
	openForm(t, tm, p, fake.PhoneSMSFailed)
	sendForm(t, tm, p, "(sms_failed)")
	requireGolden(t, final(t, tm))
}

func TestGoldenRedirectUnprocessable120x36(t *testing.T) {
	h := newHarness(t, 300)
	tm, p := redirectApp(t, h, 120, 36)
	openForm(t, tm, p, fake.PhoneUnprocessable)
	sendForm(t, tm, p, "(some_error)")
	requireGolden(t, final(t, tm))
}

// The connection dies after the request reached the server: the SMS may have gone out,
// and it is not sent again.
func TestGoldenRedirectNetworkFailure120x36(t *testing.T) {
	h := newHarness(t, 300, faults.Rule{Kind: faults.Reset, Method: "POST", Pattern: "/phone_call_redirects"})
	tm, p := redirectApp(t, h, 120, 36)
	openForm(t, tm, p, "083 234 5678")
	sendForm(t, tm, p, "the SMS may or may not have", "● online")
	if n := h.req.count(redirectPath); n != 1 {
		t.Fatalf("%d requests: the send was repeated", n)
	}
	requireGolden(t, final(t, tm))
}

// invalid_phone_number cannot come from the form's own numbers through the fake; a
// server answering it to everything stands in.
func TestGoldenRedirectInvalidPhoneNumber120x36(t *testing.T) {
	h := newHarness(t, 300)
	h.wrapRedirects(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(`{"error_key":"invalid_phone_number","message":"Invalid phone number"}`))
	}))
	tm, p := redirectApp(t, h, 120, 36)
	openForm(t, tm, p, "083 234 5678")
	sendForm(t, tm, p, "(invalid_phone_number)")
	requireGolden(t, final(t, tm))
}

func TestGoldenRedirectLog120x36(t *testing.T) {
	h := newHarness(t, 300)
	tm, p := redirectApp(t, h, 120, 36)
	openForm(t, tm, p, fake.PhoneSMSFailed)
	sendForm(t, tm, p, "(sms_failed)")
	ctrl(tm, 'u')
	typeInto(tm, "083 234 5678")
	ctrl(tm, 'n')
	typeInto(tm, "plan")
	press(tm, "tab")
	typeInto(tm, "pro")
	sendForm(t, tm, p, "Messenger link")
	ctrl(tm, 'l')
	waitFor(t, tm, p, "Sent redirects", "sms_failed", `{"plan":"pro"}`)
	requireGolden(t, final(t, tm))
}

// wrapRedirects points the app's client at a transport that answers POST
// /phone_call_redirects with handler (counted like any request) and sends the rest to
// the fake.
func (h *harness) wrapRedirects(t *testing.T, handler http.Handler) {
	t.Helper()
	client, err := api.New(api.WithToken(h.ws.Token()), api.WithBaseURL(h.ctx.WS.API.BaseURL()), api.WithClock(clock.NewFake(fixedNow)),
		api.WithHTTPClient(&http.Client{Transport: interceptor{h, handler}}))
	if err != nil {
		t.Fatal(err)
	}
	h.ctx.WS = workspace.New(client, true)
}

type interceptor struct {
	h       *harness
	handler http.Handler
}

func (i interceptor) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Method != http.MethodPost || r.URL.Path != "/phone_call_redirects" {
		return http.DefaultTransport.RoundTrip(r)
	}
	i.h.req.mu.Lock()
	i.h.req.n[r.Method+" "+r.URL.Path]++
	i.h.req.mu.Unlock()
	rec := httptest.NewRecorder()
	i.handler.ServeHTTP(rec, r)
	return rec.Result(), nil
}
