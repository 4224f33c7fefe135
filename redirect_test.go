package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/api/fake"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/store"
)

// redirectEnv is a fake workspace the test holds over httptest, with the environment
// pointing at it and a throwaway cache for the log.
type redirectEnv struct {
	ws    *fake.Workspace
	url   string
	cache string
}

func newRedirectEnv(t *testing.T) *redirectEnv {
	t.Helper()
	ws := fake.New(fake.Options{Seed: 1, Size: 10})
	srv := httptest.NewServer(ws)
	t.Cleanup(srv.Close)
	cache := t.TempDir()
	setRedirectEnv(t, cache, ws.Token())
	return &redirectEnv{ws: ws, url: srv.URL, cache: cache}
}

// setRedirectEnv makes the run independent of the developer's environment.
func setRedirectEnv(t *testing.T, cache, token string) {
	t.Setenv("XDG_CACHE_HOME", cache)
	t.Setenv("INTERCOM_TOKEN", token)
	t.Setenv("INTERCOM_ACCESS_TOKEN", "")
	t.Setenv("INTERCOM_BASE_URL", "")
	t.Setenv("INTERCOM_REGION", "")
	t.Setenv("INTERCOM_FAKE_FAULTS", "")
	t.Setenv("INTERCOM_PHONE_REGION", "IE")
}

// runRedirectCmd runs `intercom-tui redirect args…` in-process; code is what main
// would exit with.
func runRedirectCmd(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	cmd := newRootCmd(&out, &errOut)
	cmd.SetArgs(append([]string{"redirect"}, args...))
	err := cmd.ExecuteContext(context.Background())
	var ec exitCode
	switch {
	case err == nil:
		code = 0
	case errors.As(err, &ec):
		code = int(ec)
	default:
		code = 1
	}
	return out.String(), errOut.String(), code
}

func (e *redirectEnv) run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	return runRedirectCmd(t, append([]string{"--base-url", e.url}, args...)...)
}

func TestRedirectExitCodes(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
		code int
		want string // in stdout when sent, else in stderr
	}{
		{"sent", []string{"--phone", "+353832345678"}, 0, "Messenger link: http://via.intercom.io/msgr/"},
		{"sent, read in --phone-region", []string{"--phone", "07400 123456", "--phone-region", "gb"}, 0, "Sent to +44 7400 123456."},
		{"too short", []string{"--phone", "12345"}, 2, `--phone "12345": `},
		{"fixed line", []string{"--phone", "+44 20 7946 0018"}, 2, "fixed line in United Kingdom: it cannot receive an SMS"},
		{"extension", []string{"--phone", "+353 83 234 5678 ext. 12"}, 2, "remove the extension"},
		{"no phone", []string{"--attr", "a=b"}, 2, "--phone is required"},
		{"attr without =", []string{"--phone", "+353832345678", "--attr", "priority"}, 2, `--attr "priority": want key=value, e.g. --attr priority=High`},
		{"attr empty key", []string{"--phone", "+353832345678", "--attr", "=High"}, 2, "the attribute name before '=' is empty"},
		{"attr twice", []string{"--phone", "+353832345678", "--attr", "p=1", "--attr-text", "p=2"}, 2, `the attribute "p" is already set by --attr "p=1"`},
		{"unknown region", []string{"--phone", "083 234 5678", "--phone-region", "XX"}, 2, `--phone-region "XX" is not a country code: type a two-letter code such as IE`},
		{"stray argument", []string{"+353832345678"}, 2, "the number goes in --phone"},
		{"unknown flag", []string{"--phone", "+353832345678", "--bogus"}, 2, "unknown flag: --bogus (see intercom-tui redirect --help)"},
		{"demo and base url", []string{"--demo", "--phone", "+353832345678"}, 2, "leave out --base-url"},
		{"sms_failed", []string{"--phone", fake.PhoneSMSFailed}, 3, "Intercom refused the redirect: SMS was not sent due to an unknown error (sms_failed, HTTP 400). No SMS was sent."},
		{"422", []string{"--phone", fake.PhoneUnprocessable}, 3, "(some_error, HTTP 422)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := newRedirectEnv(t)
			out, errOut, code := e.run(t, c.args...)
			if code != c.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, c.code, out, errOut)
			}
			where := errOut
			if c.code == 0 {
				where = out
			}
			if !strings.Contains(where, c.want) {
				t.Errorf("output lacks %q\nstdout: %s\nstderr: %s", c.want, out, errOut)
			}
			if c.code == 2 && e.ws.Requests() != 0 {
				t.Errorf("invalid input sent %d requests: %v", e.ws.Requests(), e.ws.Log())
			}
			if c.code == 2 && out != "" {
				t.Errorf("invalid input printed on stdout: %q", out)
			}
			if c.code != 2 && e.ws.PhoneRedirects() != 1 {
				t.Errorf("%d redirects reached the fake, want exactly 1", e.ws.PhoneRedirects())
			}
		})
	}
}

func TestRedirectWrongTokenIsRefused(t *testing.T) {
	e := newRedirectEnv(t)
	t.Setenv("INTERCOM_TOKEN", "wrong-token-4711")
	out, errOut, code := e.run(t, "--phone", "+353832345678")
	if code != 3 || !strings.Contains(errOut, "Intercom refused the token from INTERCOM_TOKEN") {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	if strings.Contains(out+errOut, "wrong-token-4711") {
		t.Errorf("the token is in the output:\n%s%s", out, errOut)
	}
	if len(e.ws.SMSSent()) != 0 {
		t.Errorf("SMS sent with a wrong token: %v", e.ws.SMSSent())
	}
}

func TestRedirectClosedServerIsNetwork(t *testing.T) {
	cache := t.TempDir()
	setRedirectEnv(t, cache, "tok")
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close()
	out, errOut, code := runRedirectCmd(t, "--base-url", url, "--phone", "+353832345678")
	if code != 4 || !strings.Contains(errOut, "The request never reached Intercom, so no SMS was sent; it was NOT resent") {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
}

// A connection that breaks after the request went out: the outcome is unknown, so the
// agent is told so, and the request is not sent a second time.
func TestRedirectLostAnswerIsNotResent(t *testing.T) {
	setRedirectEnv(t, t.TempDir(), "tok")
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		conn, _, err := http.NewResponseController(w).Hijack()
		if err == nil {
			conn.Close()
		}
	}))
	defer srv.Close()
	out, errOut, code := runRedirectCmd(t, "--base-url", srv.URL, "--phone", "+353832345678", "--json")
	if code != 4 {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	var got map[string]string
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("stdout is not one JSON object: %v\n%s", err, out)
	}
	if got["status"] != "network" || !strings.Contains(got["message"], "may or may not have gone out, and it was NOT resent") {
		t.Errorf("json %v", got)
	}
	// The command returned after the failed attempt, and a resend would have come
	// before that, so the count is final.
	if n := hits.Load(); n != 1 {
		t.Errorf("the server saw %d requests, want 1 (no resend)", n)
	}
}

func TestRedirectJSON(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
		code int
		want map[string]string // "" values: present, any content
	}{
		{"sent", []string{"--phone", "+353832345678"}, 0,
			map[string]string{"status": "sent", "phone": "+353832345678", "country": "Ireland", "url": ""}},
		{"refused", []string{"--phone", fake.PhoneSMSFailed}, 3,
			map[string]string{"status": "refused", "phone": fake.PhoneSMSFailed, "country": "Ireland", "error_key": "sms_failed",
				"message": "SMS was not sent due to an unknown error"}},
		{"invalid", []string{"--phone", "12345"}, 2, map[string]string{"status": "invalid", "message": ""}},
		{"invalid flag", []string{"--phone", "+353832345678", "--nope"}, 2, map[string]string{"status": "invalid", "message": ""}},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := newRedirectEnv(t)
			out, errOut, code := e.run(t, append([]string{"--json"}, c.args...)...)
			if code != c.code || errOut != "" {
				t.Fatalf("exit %d, want %d; stderr %q", code, c.code, errOut)
			}
			if strings.Count(out, "\n") != 1 {
				t.Fatalf("want one JSON line on stdout, got %q", out)
			}
			var got map[string]string
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("%v: %s", err, out)
			}
			keys := func(m map[string]string) []string {
				var ks []string
				for k := range m {
					ks = append(ks, k)
				}
				slices.Sort(ks)
				return ks
			}
			if !slices.Equal(keys(got), keys(c.want)) {
				t.Fatalf("keys %v, want %v: %s", keys(got), keys(c.want), out)
			}
			for k, v := range c.want {
				if v != "" && got[k] != v {
					t.Errorf("%s = %q, want %q", k, got[k], v)
				}
				if got[k] == "" {
					t.Errorf("%s is empty: %s", k, out)
				}
			}
		})
	}
}

func TestRedirectSendsTypedAttributes(t *testing.T) {
	e := newRedirectEnv(t)
	out, errOut, code := e.run(t, "--phone", "083 234 5678",
		"--attr", "issue_type=Billing", "--attr", "priority=High", "--attr", "count=3", "--attr", "ratio=2.5",
		"--attr", "vip=true", "--attr", "big=1e3", "--attr", "note=NaN", "--attr", "list=a,b",
		"--attr-text", "account=00123")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{
		"Sending an SMS with a Messenger link to +353 83 234 5678 (Ireland, mobile)",
		`  account = "00123" (text)`, "  count = 3 (number)", "  ratio = 2.5 (number)", "  vip = true (boolean)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("preview lacks %q:\n%s", want, out)
		}
	}
	log := e.ws.Log()
	if len(log) != 1 || log[0].Method != "POST" || log[0].Path != "/phone_call_redirects" {
		t.Fatalf("requests %v", log)
	}
	var body struct {
		Phone string                     `json:"phone"`
		Attrs map[string]json.RawMessage `json:"custom_attributes"`
	}
	if err := json.Unmarshal(log[0].Body, &body); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"issue_type": `"Billing"`, "priority": `"High"`, "count": "3", "ratio": "2.5",
		"vip": "true", "big": "1000", "note": `"NaN"`, "list": `"a,b"`, "account": `"00123"`}
	if body.Phone != "+353832345678" || len(body.Attrs) != len(want) {
		t.Fatalf("body %s", log[0].Body)
	}
	for k, v := range want {
		if string(body.Attrs[k]) != v {
			t.Errorf("custom_attributes.%s = %s, want %s", k, body.Attrs[k], v)
		}
	}
}

func TestTypedValue(t *testing.T) {
	for in, want := range map[string]any{
		"true": true, "FALSE": false, "3": int64(3), "-7": int64(-7), "2.5": 2.5, "1e3": int64(1000), "00123": int64(123),
		"NaN": "NaN", "Inf": "Inf", "-infinity": "-infinity", "1e400": "1e400", "0x1p-2": "0x1p-2", "": "", "High": "High",
		"1.5e300": 1.5e300, "yes": "yes",
	} {
		if got := typedValue(in); got != want {
			t.Errorf("typedValue(%q) = %#v, want %#v", in, got, want)
		}
	}
}

func TestRedirectLogsAttempts(t *testing.T) {
	e := newRedirectEnv(t)
	if _, errOut, code := e.run(t, "--phone", "+353832345678", "--attr", "issue_type=Billing"); code != 0 {
		t.Fatalf("sent: exit %d %s", code, errOut)
	}
	if _, errOut, code := e.run(t, "--phone", fake.PhoneSMSFailed); code != 3 {
		t.Fatalf("sms_failed: exit %d %s", code, errOut)
	}
	if _, _, code := e.run(t, "--phone", "12345"); code != 2 { // not sent: not logged
		t.Fatalf("invalid: exit %d", code)
	}
	dbs, _ := filepath.Glob(filepath.Join(e.cache, "intercom-tui", "*.db"))
	if len(dbs) != 1 {
		t.Fatalf("stores %v", dbs)
	}
	st, err := store.Open(dbs[0])
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got, err := st.Redirects(10)
	if err != nil || len(got) != 2 {
		t.Fatalf("log %+v, %v", got, err)
	}
	failed, sent := got[0], got[1] // newest first
	if failed.ID < sent.ID {
		failed, sent = sent, failed
	}
	if sent.Phone != "+••••••••5678" || sent.Country != "Ireland" || sent.Result != store.RedirectSent ||
		!strings.HasPrefix(sent.URL, "http://via.intercom.io/msgr/") || sent.Attrs["issue_type"] != "Billing" {
		t.Errorf("sent entry %+v", sent)
	}
	if failed.Phone != "+••••••••0000" || failed.Result != "sms_failed" || failed.Message != "SMS was not sent due to an unknown error" {
		t.Errorf("failed entry %+v", failed)
	}
}

func TestRedirectLogFailureIsAWarning(t *testing.T) {
	e := newRedirectEnv(t)
	// A file where the store's directory should be: the store cannot open.
	if err := os.WriteFile(filepath.Join(e.cache, "intercom-tui"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := e.run(t, "--phone", "+353832345678")
	if code != 0 || !strings.Contains(out, "Messenger link: ") ||
		!strings.Contains(errOut, "warning: the redirect was not written to the local log") {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
}

func TestRedirectDemo(t *testing.T) {
	setRedirectEnv(t, t.TempDir(), "")
	out, errOut, code := runRedirectCmd(t, "--demo", "--json", "--phone", "+353832345678", "--attr", "issue_type=Billing")
	var got map[string]string
	if code != 0 || json.Unmarshal([]byte(out), &got) != nil || got["status"] != "sent" || got["url"] == "" {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
}

func TestRedirectWithoutToken(t *testing.T) {
	setRedirectEnv(t, t.TempDir(), "")
	_, errOut, code := runRedirectCmd(t, "--phone", "+353832345678")
	if code != 2 || !strings.Contains(errOut, "no token: set INTERCOM_TOKEN (or INTERCOM_ACCESS_TOKEN) to an Intercom access token, or use --demo") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}

// serve-demo's access log lets a script count what reached the fake: a refused number
// adds no line, each sent one adds exactly one, and nothing secret is written.
func TestServeDemoAccessLog(t *testing.T) {
	setRedirectEnv(t, t.TempDir(), "t0ken-for-tests")
	path := filepath.Join(t.TempDir(), "access.log")
	t.Run("serve", func(t *testing.T) {
		url, banner := startServeDemo(t, "--size", "10", "--access-log", path)
		if !strings.Contains(banner, "Access log: "+path) {
			t.Errorf("banner lacks the access log:\n%s", banner)
		}
		for _, c := range []struct {
			phone string
			code  int
		}{{"12345", 2}, {"+353832345678", 0}, {fake.PhoneSMSFailed, 3}} {
			if _, errOut, code := runRedirectCmd(t, "--base-url", url, "--phone", c.phone); code != c.code {
				t.Fatalf("%s: exit %d, want %d: %s", c.phone, code, c.code, errOut)
			}
		}
		resp, err := http.Get(url + "/contacts/search?email=someone%40example.com") // no token, a query
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}) // serve-demo has stopped here: every line is written and the file closed
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := "POST /phone_call_redirects 200\nPOST /phone_call_redirects 400\nGET /contacts/search 401\n"
	if string(data) != want {
		t.Errorf("access log:\n%s\nwant:\n%s", data, want)
	}
}

// The outcomes the fake cannot easily produce: each keeps its status, and the text says
// whether the SMS may have gone out.
func TestClassifyRedirect(t *testing.T) {
	for _, c := range []struct {
		name    string
		err     error
		status  string
		key     string
		explain string
	}{
		{"server error", &api.APIError{HTTPStatus: 500, Errors: []models.ErrorItem{{Code: "server_error", Message: "Boom"}}},
			redirectRefused, "server_error", "may or may not have gone out"},
		{"rate limited", &api.RateLimitError{Limit: 10}, redirectRefused, "rate_limit_exceeded", "No SMS was sent, and it was not resent"},
		{"forbidden", &api.APIError{HTTPStatus: 403}, redirectRefused, "", "No SMS was sent."},
		{"deadline", context.DeadlineExceeded, redirectNetwork, "", "no answer from Intercom within 30s. The SMS may or may not have gone out"},
		{"interrupted", context.Canceled, redirectNetwork, "", "Interrupted before Intercom answered: the SMS may or may not have gone out"},
		{"unreadable 200", &api.DecodeError{HTTPStatus: 200}, redirectSent, "", ""},
	} {
		r := classifyRedirect(nil, c.err, "INTERCOM_TOKEN")
		if r.Status != c.status || r.ErrorKey != c.key || !strings.Contains(r.explain, c.explain) {
			t.Errorf("%s: %+v", c.name, r)
		}
		if r.Status == redirectSent && (r.logged != store.RedirectSent || !strings.Contains(r.Message, "no Messenger link")) {
			t.Errorf("%s: %+v", c.name, r)
		}
		if r.Status == redirectNetwork && r.logged != store.RedirectNetwork {
			t.Errorf("%s: logged %q", c.name, r.logged)
		}
	}
}

// The config file's phone_region (its profile's when one is chosen) reads a number typed
// without its country code, below --phone-region and INTERCOM_PHONE_REGION.
func TestRedirectTakesPhoneRegionFromTheConfig(t *testing.T) {
	e := newRedirectEnv(t)
	t.Setenv("INTERCOM_PHONE_REGION", "")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "C")
	cfg := writeConfig(t, "phone_region = \"IE\"\n\n[profiles.uk]\nphone_region = \"GB\"\n")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--config", cfg, "--phone", "083 234 5678"}, "+353832345678"},
		{[]string{"--config", cfg, "--profile", "uk", "--phone", "07400 123456"}, "+447400123456"},
		{[]string{"--config", cfg, "--profile", "uk", "--phone-region", "IE", "--phone", "083 234 5678"}, "+353832345678"},
	} {
		out, errOut, code := e.run(t, append([]string{"--json"}, c.args...)...)
		if code != 0 || !strings.Contains(out, `"phone":"`+c.want+`"`) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %s sent", c.args, code, out, errOut, c.want)
		}
	}
}
