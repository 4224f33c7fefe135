package fake

import (
	"encoding/json"
	"maps"
	"net/http"
	"regexp"
	"strings"

	"github.com/intercom-tui/intercom-tui/models"
)

// Phone numbers with a fixed outcome, so tests and the demo can reach every documented
// answer of POST /phone_call_redirects. The app refuses numbers that cannot take an
// SMS before sending, so these are valid mobile numbers:
//
//   - PhoneUnprocessable answers the spec's 422 ("unprocessable entity"),
//     {"error_key":"some_error"}. The spec's own 422 example number, +40241100100 (a
//     Romanian fixed line the app would refuse), answers it too.
//   - PhoneSMSFailed answers the spec's other 400, sms_failed. The spec's own sms_failed
//     example reuses the success example's number (+353832345678), so no documented
//     number triggers it; this one is ours.
const (
	PhoneUnprocessable = "+40721100100"
	PhoneSMSFailed     = "+353870000000"
	specUnprocessable  = "+40241100100"
)

// e164 is the E.164 shape: a plus, a non-zero country digit, 7 to 15 digits in all.
// A space anywhere inside (the spec's schema example "+1 1234567890") is not E.164.
var e164 = regexp.MustCompile(`^\+[1-9]\d{6,14}$`)

type phoneSwitchRequest struct {
	Phone            *string         `json:"phone"`
	CustomAttributes json.RawMessage `json:"custom_attributes"`
}

// phoneSwitchAnswer is the 200: the schema's {type, phone} plus the example's url.
type phoneSwitchAnswer struct {
	Type  string `json:"type"`
	Phone string `json:"phone"`
	URL   string `json:"url"`
}

// createPhoneSwitch is POST /phone_call_redirects. Its 400 and 422 bodies are not
// error.list but {error_key, message}, as in the spec's examples.
func (ws *Workspace) createPhoneSwitch(w http.ResponseWriter, r *http.Request) {
	ws.obs.mu.Lock()
	ws.obs.redirect++
	n := ws.obs.redirect
	ws.obs.mu.Unlock()

	var req phoneSwitchRequest
	if err := decode(r, &req); err != nil {
		writeError(w, r, err.(*apiError))
		return
	}
	var attrs map[string]any
	if len(req.CustomAttributes) > 0 && string(req.CustomAttributes) != "null" {
		if json.Unmarshal(req.CustomAttributes, &attrs) != nil {
			writeError(w, r, invalid("custom_attributes", "custom_attributes must be an object"))
			return
		}
	}
	phone := ""
	if req.Phone != nil {
		phone = strings.TrimSpace(*req.Phone)
	}
	switch {
	case !e164.MatchString(phone):
		writeJSON(w, http.StatusBadRequest, models.PhoneSwitchError{ErrorKey: "invalid_phone_number", Message: "Invalid phone number"})
	case phone == PhoneUnprocessable || phone == specUnprocessable:
		writeJSON(w, http.StatusUnprocessableEntity, models.PhoneSwitchError{ErrorKey: "some_error"})
	case phone == PhoneSMSFailed:
		writeJSON(w, http.StatusBadRequest, models.PhoneSwitchError{ErrorKey: "sms_failed", Message: "SMS was not sent due to an unknown error"})
	default:
		ws.obs.mu.Lock()
		ws.obs.sms = append(ws.obs.sms, phone)
		ws.obs.mu.Unlock()
		ws.setPhoneAttributes(phone, attrs)
		writeJSON(w, http.StatusOK, phoneSwitchAnswer{
			Type:  "phone_call_redirect",
			Phone: phone,
			URL:   "http://via.intercom.io/msgr/" + messengerID(ws.opts.Seed, n),
		})
	}
}

// messengerID is the uuid in the Messenger link, reproducible from the seed.
func messengerID(seed int64, n int) string {
	return newRequestID(seed^0x6d7367, uint64(n))
}

// setPhoneAttributes does what the spec says of custom_attributes: "they will be added
// to the user or lead's custom data attributes", for every contact with that phone.
func (ws *Workspace) setPhoneAttributes(phone string, attrs map[string]any) {
	if len(attrs) == 0 {
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	for i := range ws.world.NumContacts() {
		if c := ws.world.Contact(i); string(c.Phone) == phone {
			ov := ws.contactOverlay(i)
			if ov.attrs == nil {
				ov.attrs = map[string]any{}
			}
			maps.Copy(ov.attrs, attrs)
		}
	}
}
