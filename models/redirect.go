package models

import "sort"

// PhoneSwitchRequest is POST /phone_call_redirects: an E.164 phone and optional custom
// attributes (the spec's custom_attributes $ref dangles; a flat map is what is sent).
type PhoneSwitchRequest struct {
	Phone            string         `json:"phone"`
	CustomAttributes map[string]any `json:"custom_attributes,omitempty"`
}

// PhoneSwitch is the answer: the schema says {type, phone}; the example is {type, url}.
// Both are optional.
type PhoneSwitch struct {
	Type  string `json:"type"`
	Phone string `json:"phone,omitempty"`
	URL   string `json:"url,omitempty"`
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
