package store

import (
	"testing"
	"time"
)

func TestRedirectLogMasksAndListsNewestFirst(t *testing.T) {
	st, _ := openTemp(t)
	t0 := time.Unix(1_800_000_000, 0)
	if _, err := st.PutRedirect(Redirect{SentAt: t0, Phone: "+353832345678", Country: "Ireland",
		Attrs: map[string]any{"issue_type": "Billing", "vip": true, "seats": 3.0}, Result: RedirectSent, URL: "http://via.intercom.io/msgr/x"}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.PutRedirect(Redirect{SentAt: t0.Add(time.Minute), Phone: "+353870000000", Result: "sms_failed", Message: "SMS was not sent"}); err != nil {
		t.Fatal(err)
	}
	got, err := st.Redirects(10)
	if err != nil || len(got) != 2 {
		t.Fatalf("log %+v, %v", got, err)
	}
	if got[0].Result != "sms_failed" || got[1].Result != RedirectSent {
		t.Errorf("order %s, %s: want newest first", got[0].Result, got[1].Result)
	}
	if got[1].Phone != "+••••••••5678" || got[0].Phone != "+••••••••0000" {
		t.Errorf("phones %q %q: want masked", got[1].Phone, got[0].Phone)
	}
	if got[1].Attrs["issue_type"] != "Billing" || got[1].Attrs["vip"] != true || got[1].Attrs["seats"] != 3.0 ||
		!got[1].SentAt.Equal(t0) || got[1].URL == "" || got[1].Country != "Ireland" {
		t.Errorf("entry %+v", got[1])
	}
}
