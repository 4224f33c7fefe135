package api

import (
	"context"
	"net/http"

	"github.com/intercom-tui/intercom-tui/models"
)

// PhoneRedirect sends the phone an SMS with a link to the Messenger, so a caller can
// continue in chat: POST /phone_call_redirects {phone, custom_attributes?}. attrs, when
// non-empty, are added to the contact's custom attributes.
//
// phone should be E.164 ("+353832345678"); checking that is the form's job (it knows
// the user's region), and the server is the judge: a number it refuses comes back as a
// *PhoneRedirectError (invalid_phone_number, sms_failed, or a 422's error_key). Each
// call is one SMS, so like every write it is never resent after reaching the server.
func (c *Client) PhoneRedirect(ctx context.Context, phone string, attrs map[string]any) (*models.PhoneSwitch, error) {
	if err := required("phone number", phone); err != nil {
		return nil, err
	}
	req := models.PhoneSwitchRequest{Phone: phone, CustomAttributes: attrs}
	var out models.PhoneSwitch
	if err := c.do(ctx, writeRequest(http.MethodPost, "/phone_call_redirects", req), &out); err != nil {
		return nil, err
	}
	return &out, nil
}
