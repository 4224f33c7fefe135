package models

// ErrorList is Intercom's error envelope: {"type":"error.list","request_id":…,"errors":[…]}.
type ErrorList struct {
	Type      string      `json:"type"`
	RequestID string      `json:"request_id,omitempty"`
	Errors    []ErrorItem `json:"errors"`
}

// ErrorItem is one error of an ErrorList. Only code is required by the spec.
type ErrorItem struct {
	Code    string `json:"code"`
	Message string `json:"message,omitempty"`
	Field   string `json:"field,omitempty"`
}

// PhoneSwitchError is the 400/422 body of POST /phone_call_redirects, which is not an
// error.list: {"error_key":"invalid_phone_number","message":"Invalid phone number"}.
type PhoneSwitchError struct {
	ErrorKey string `json:"error_key"`
	Message  string `json:"message,omitempty"`
}
