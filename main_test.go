package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// startServeDemo runs `intercom-tui serve-demo` in-process on a free port and returns
// its printed base URL and banner. It reads the output as it is written, so it waits
// for the banner itself rather than for any length of time.
func startServeDemo(t *testing.T, args ...string) (url, banner string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	cmd := newRootCmd(pw, pw)
	cmd.SetArgs(append([]string{"serve-demo", "--addr", "127.0.0.1:0", "--token", "t0ken-for-tests"}, args...))
	done := make(chan error, 1)
	go func() {
		err := cmd.ExecuteContext(ctx)
		pw.Close()
		done <- err
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve-demo: %v", err)
		}
	})
	re := regexp.MustCompile(`base URL\s+(http://\S+)`)
	sc := bufio.NewScanner(pr)
	var text strings.Builder
	for sc.Scan() {
		text.WriteString(sc.Text() + "\n")
		if m := re.FindStringSubmatch(sc.Text()); m != nil {
			url = m[1]
		}
		if strings.HasPrefix(sc.Text(), "Ctrl+C") {
			go func() { _, _ = io.Copy(io.Discard, pr) }()
			return url, text.String()
		}
	}
	t.Fatalf("serve-demo printed no banner:\n%s", text.String())
	return "", ""
}

func TestServeDemoAnswersWith29Shapes(t *testing.T) {
	url, banner := startServeDemo(t, "--size", "50")
	if !strings.Contains(banner, "curl -H 'Authorization: Bearer t0ken-for-tests'") {
		t.Fatalf("banner lacks the curl line:\n%s", banner)
	}
	get := func(path, token string) (int, map[string]any) {
		req, _ := http.NewRequest("GET", url+path, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Intercom-Version", "2.9")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var body map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		return resp.StatusCode, body
	}
	code, me := get("/me", "t0ken-for-tests")
	if code != 200 || me["type"] != "admin" || me["app"] == nil {
		t.Fatalf("/me: %d %v", code, me)
	}
	code, list := get("/conversations?per_page=5", "t0ken-for-tests")
	if code != 200 || list["type"] != "conversation.list" || len(list["conversations"].([]any)) != 5 {
		t.Fatalf("/conversations: %d %v", code, list)
	}
	code, bad := get("/me", "wrong")
	if code != 401 || bad["type"] != "error.list" {
		t.Fatalf("wrong token: %d %v", code, bad)
	}
}

func TestDoctorAgainstServeDemo(t *testing.T) {
	url, _ := startServeDemo(t)
	t.Setenv("INTERCOM_TOKEN", "t0ken-for-tests")
	t.Setenv("INTERCOM_ACCESS_TOKEN", "")
	t.Setenv("INTERCOM_BASE_URL", "")
	var out, errOut bytes.Buffer
	cmd := newRootCmd(&out, &errOut)
	cmd.SetArgs([]string{"doctor", "--base-url", url})
	if err := cmd.Execute(); err != nil {
		t.Fatalf("doctor: %v\n%s", err, errOut.String())
	}
	got := out.String()
	for _, want := range []string{"Workspace", "Parcel Pilot", "Admin", "Aoife Byrne", "Base URL    " + url, "Rate limit", "from INTERCOM_TOKEN (not shown)"} {
		if !strings.Contains(got, want) {
			t.Errorf("doctor output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got+errOut.String(), "t0ken-for-tests") {
		t.Fatalf("the token was printed:\n%s", got)
	}
}

func TestDoctorWrongTokenSaysSoWithoutTheToken(t *testing.T) {
	url, _ := startServeDemo(t)
	t.Setenv("INTERCOM_TOKEN", "s3cret-wrong-token")
	var out, errOut bytes.Buffer
	cmd := newRootCmd(&out, &errOut)
	cmd.SetArgs([]string{"doctor", "--base-url", url})
	if err := cmd.Execute(); err == nil {
		t.Fatal("doctor must fail with a refused token")
	}
	msg := errOut.String()
	if !strings.Contains(msg, "refused the token from INTERCOM_TOKEN") || !strings.Contains(msg, "unauthorized") {
		t.Fatalf("unclear message: %q", msg)
	}
	if strings.Contains(msg+out.String(), "s3cret-wrong-token") {
		t.Fatalf("token leaked: %q", msg)
	}
}

func TestDoctorWithoutToken(t *testing.T) {
	t.Setenv("INTERCOM_TOKEN", "")
	t.Setenv("INTERCOM_ACCESS_TOKEN", "")
	var out, errOut bytes.Buffer
	cmd := newRootCmd(&out, &errOut)
	cmd.SetArgs([]string{"doctor"})
	if err := cmd.Execute(); err == nil || !strings.Contains(errOut.String(), "no token: set INTERCOM_TOKEN") {
		t.Fatalf("got %v / %q", err, errOut.String())
	}
}

func TestBrowseDemoListsOpenConversations(t *testing.T) {
	t.Setenv("INTERCOM_TOKEN", "")
	t.Setenv("INTERCOM_ACCESS_TOKEN", "")
	var out, errOut bytes.Buffer
	cmd := newRootCmd(&out, &errOut)
	cmd.SetArgs([]string{"--demo-size", "40"})
	if err := cmd.Execute(); err != nil {
		t.Fatalf("%v\n%s", err, errOut.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if !strings.Contains(lines[0], "demo workspace") || len(lines) < 3 {
		t.Fatalf("got:\n%s", out.String())
	}
}

// A mistyped flag on any command is a usage error: said once on stderr, exit code 2.
func TestUnknownFlagIsAUsageError(t *testing.T) {
	for _, args := range [][]string{{"--bogus"}, {"sync", "--bogus"}, {"doctor", "--bogus"}} {
		var out, errOut bytes.Buffer
		cmd := newRootCmd(&out, &errOut)
		cmd.SetArgs(args)
		err := cmd.ExecuteContext(context.Background())
		var ec exitCode
		if !errors.As(err, &ec) || ec != 2 {
			t.Errorf("%v: error %v, want exit code 2", args, err)
		}
		if !strings.Contains(errOut.String(), "unknown flag: --bogus (see intercom-tui") || strings.Count(errOut.String(), "\n") != 1 {
			t.Errorf("%v: stderr %q", args, errOut.String())
		}
	}
}
