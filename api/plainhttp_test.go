package api

import (
	"strings"
	"testing"
)

func TestBaseURLPlainHTTPOnlyForLoopback(t *testing.T) {
	for _, bad := range []string{"http://api.intercom.io", "http://10.0.0.5:8080", "http://intercom-proxy.corp/x", "HTTP://example.com", "http://127.0.0.1.nip.io"} {
		_, err := New(WithToken("t"), WithBaseURL(bad))
		if err == nil || !strings.Contains(err.Error(), "use https://") {
			t.Errorf("%s: %v", bad, err)
		}
	}
	for _, ok := range []string{"http://127.0.0.1:8080", "http://127.3.2.1", "http://[::1]:99", "http://localhost:8080/", "http://LOCALHOST.", "https://api.eu.intercom.io"} {
		if _, err := New(WithToken("t"), WithBaseURL(ok)); err != nil {
			t.Errorf("%s refused: %v", ok, err)
		}
	}
}
