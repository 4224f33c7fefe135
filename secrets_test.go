package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/intercom-tui/intercom-tui/api/fake"
)

// isolateConfig keeps the developer's own config file and tokens out of a run.
func isolateConfig(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	for _, k := range []string{"INTERCOM_TOKEN", "INTERCOM_ACCESS_TOKEN", "INTERCOM_BASE_URL", "INTERCOM_REGION", "INTERCOM_FAKE_FAULTS"} {
		t.Setenv(k, "")
	}
	t.Setenv("INTERCOM_PHONE_REGION", "IE")
	return dir
}

func runCmd(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	cmd := newRootCmd(&out, &errOut)
	cmd.SetArgs(args)
	err = cmd.ExecuteContext(context.Background())
	return out.String(), errOut.String(), err
}

// Every command writes its requests to --debug FILE: a revoked token (401), a retried
// 503, a sync, a redirect and the inbox. The file holds none of the tokens and not the
// word "Bearer", nor does anything printed.
func TestDebugLogOfEveryCommandHoldsNoToken(t *testing.T) {
	isolateConfig(t)
	url, _ := startServeDemo(t, "--faults", "status=503@GET /me#1")
	logPath := filepath.Join(t.TempDir(), "debug.log")
	var printed strings.Builder
	run := func(wantOK bool, args ...string) {
		t.Helper()
		out, errOut, err := runCmd(t, append(args, "--debug", logPath)...)
		printed.WriteString(out + errOut)
		if (err == nil) != wantOK {
			t.Fatalf("%v: err %v\n%s%s", args, err, out, errOut)
		}
	}
	t.Setenv("INTERCOM_TOKEN", "revoked-s3cret-token")
	run(false, "doctor", "--base-url", url)
	t.Setenv("INTERCOM_TOKEN", "t0ken-for-tests")
	run(true, "doctor", "--base-url", url)
	run(true, "sync", "--demo", "--articles")
	run(true, "redirect", "--demo", "--phone", "+353832345678")
	run(true, "--demo", "--demo-size", "5")

	data, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	log := string(data)
	for _, secret := range []string{"revoked-s3cret-token", "t0ken-for-tests", fake.DefaultToken} {
		if strings.Contains(log, secret) || strings.Contains(printed.String(), secret) {
			t.Fatalf("token %q leaked:\n%s\n%s", secret, log, printed.String())
		}
	}
	if strings.Contains(strings.ToLower(log), "bearer") {
		t.Fatalf("a bearer header reached the log:\n%s", log)
	}
	for _, want := range []string{
		"method=GET path=/me status=401", "path=/me status=503", "attempt=2", "X-RateLimit-Remaining=",
		"/help_center/collections", "method=POST path=/phone_call_redirects status=200", "path=/conversations/search",
	} {
		if !strings.Contains(log, want) {
			t.Errorf("the debug log lacks %q", want)
		}
	}
	if fi, err := os.Stat(logPath); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the debug log must be 0600: %v %v", fi.Mode(), err)
	}
}

func TestConfigFileTokenCommandAndPermissions(t *testing.T) {
	cfgDir := isolateConfig(t)
	url, _ := startServeDemo(t)
	path := filepath.Join(cfgDir, "intercom-tui", "config.toml")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	text := "token_command = \"printf 't0ken-for-tests\\\\n'\"\nbase_url = \"" + url + "\"\n"
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	// The default location, no flag: the command gives the token, the file the URL.
	out, errOut, err := runCmd(t, "doctor")
	if err != nil || !strings.Contains(out, "from token_command in "+path+" (not shown)") || !strings.Contains(out, "Base URL    "+url) {
		t.Fatalf("%v\n%s%s", err, out, errOut)
	}
	if strings.Contains(out+errOut, "t0ken-for-tests") {
		t.Fatal("the token was printed")
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, err = runCmd(t, "doctor")
	if err == nil || !strings.Contains(errOut, "chmod 600 "+path) {
		t.Fatalf("a readable file with a token_command: %v %q", err, errOut)
	}
	// --config names another file; a missing one is an error, a typo names its line.
	other := filepath.Join(t.TempDir(), "other.toml")
	if _, errOut, err = runCmd(t, "doctor", "--config", other); err == nil || !strings.Contains(errOut, other) {
		t.Fatalf("missing --config file: %v %q", err, errOut)
	}
	if err := os.WriteFile(other, []byte("region = \"eu\"\nbase_ulr = \"x\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, err = runCmd(t, "sync", "--config", other); err == nil || !strings.Contains(errOut, other+`:2: unknown key "base_ulr"`) {
		t.Fatalf("unknown key: %v %q", err, errOut)
	}
}

func TestPlainHTTPBaseURLRefused(t *testing.T) {
	isolateConfig(t)
	t.Setenv("INTERCOM_TOKEN", "tok-xyz")
	_, errOut, err := runCmd(t, "doctor", "--base-url", "http://intercom.example.com")
	if err == nil || !strings.Contains(errOut, "use https://") || strings.Contains(errOut, "tok-xyz") {
		t.Fatalf("%v %q", err, errOut)
	}
}
