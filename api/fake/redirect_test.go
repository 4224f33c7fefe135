package fake

import (
	"regexp"
	"slices"
	"testing"

	"github.com/intercom-tui/intercom-tui/models"
)

var messengerURL = regexp.MustCompile(`^http://via\.intercom\.io/msgr/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestPhoneCallRedirects(t *testing.T) {
	e := newEnv(t, Options{Seed: 1, Size: 10})
	for _, c := range []struct {
		body   any
		status int
		key    string
	}{
		{map[string]any{"phone": "+353832345678", "custom_attributes": map[string]any{"issue_type": "Billing", "priority": "High"}}, 200, ""},
		{map[string]any{"phone": "  +14155550123 "}, 200, ""},                   // surrounding spaces are trimmed
		{map[string]any{"phone": "+1 1234567890"}, 400, "invalid_phone_number"}, // the schema's example: not E.164
		{map[string]any{"phone": "0832345678"}, 400, "invalid_phone_number"},
		{map[string]any{"phone": "+0832345678"}, 400, "invalid_phone_number"},
		{map[string]any{"phone": "+12345"}, 400, "invalid_phone_number"},
		{map[string]any{"phone": "+1234567890123456"}, 400, "invalid_phone_number"},
		{map[string]any{"phone": "+35383234567x"}, 400, "invalid_phone_number"},
		{map[string]any{"phone": ""}, 400, "invalid_phone_number"},
		{map[string]any{"phone": PhoneSMSFailed}, 400, "sms_failed"},
		{map[string]any{"phone": PhoneUnprocessable}, 422, "some_error"},
	} {
		r := e.do("POST", "/phone_call_redirects", c.body).want(t, c.status)
		if c.status == 200 {
			var ok models.PhoneSwitch
			r.decode(t, &ok)
			if ok.Type != "phone_call_redirect" || !messengerURL.MatchString(ok.URL) || ok.Phone == "" || ok.Phone[0] != '+' {
				t.Errorf("%v: %s", c.body, r.body)
			}
			continue
		}
		var bad models.PhoneSwitchError
		r.decode(t, &bad)
		if bad.ErrorKey != c.key {
			t.Errorf("%v: %s", c.body, r.body)
		}
		if (c.key == "invalid_phone_number" && bad.Message != "Invalid phone number") ||
			(c.key == "sms_failed" && bad.Message != "SMS was not sent due to an unknown error") || (c.key == "some_error" && bad.Message != "") {
			t.Errorf("%v: message %q", c.body, bad.Message)
		}
	}
	// A body without phone is refused by the schema and by the workspace alike.
	if r := e.doBad("POST", "/phone_call_redirects", map[string]any{}); r.status != 400 {
		t.Fatalf("no phone: %d %s", r.status, r.body)
	}
	if got := e.ws.PhoneRedirects(); got != 12 {
		t.Errorf("PhoneRedirects %d, want 12", got)
	}
	if got := e.ws.SMSSent(); !slices.Equal(got, []string{"+353832345678", "+14155550123"}) {
		t.Errorf("SMSSent %v", got)
	}
}

// "If custom attributes are specified, they will be added to the user or lead's custom
// data attributes."
func TestPhoneRedirectSetsCustomAttributes(t *testing.T) {
	e := newEnv(t, Options{Seed: 1, Size: 10})
	w := e.ws.World()
	var contact models.Contact
	for i := range w.NumContacts() {
		if c := w.Contact(i); c.Phone != "" {
			contact = c
			break
		}
	}
	e.do("POST", "/phone_call_redirects", map[string]any{"phone": string(contact.Phone),
		"custom_attributes": map[string]any{"issue_type": "Billing"}}).want(t, 200)
	var got models.Contact
	e.do("GET", "/contacts/"+string(contact.ID), nil).want(t, 200).decode(t, &got)
	if got.CustomAttributes["issue_type"] != "Billing" {
		t.Fatalf("custom attributes %v", got.CustomAttributes)
	}
	ids, _ := searchAll(t, e, "/contacts/search", map[string]any{"field": "custom_attributes.issue_type", "operator": "=", "value": "Billing"}, 50)
	if !slices.Contains(ids, string(contact.ID)) {
		t.Fatalf("search custom_attributes.issue_type: %v", ids)
	}
}
