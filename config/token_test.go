package config

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/intercom-tui/intercom-tui/api"
)

func TestTokenCommandSuccess(t *testing.T) {
	tok, err := RunTokenCommand(context.Background(), `printf '  tok-from-cmd\n\n'; echo noise >&2`, 0)
	if err != nil || tok != "tok-from-cmd" {
		t.Fatalf("got %q, %v", tok, err)
	}
}

func TestTokenCommandFailureShowsStatusAndStderrNotStdout(t *testing.T) {
	_, err := RunTokenCommand(context.Background(), `echo half-a-secret-token; echo "gpg: decryption failed" >&2; exit 3`, 0)
	if err == nil {
		t.Fatal("exit 3 accepted")
	}
	msg := err.Error()
	if !strings.Contains(msg, "exit status 3") || !strings.Contains(msg, "gpg: decryption failed") {
		t.Fatalf("unclear: %q", msg)
	}
	if strings.Contains(msg, "half-a-secret-token") {
		t.Fatalf("stdout in the error: %q", msg)
	}
	// A command that echoes its output to stderr too still does not leak it.
	_, err = RunTokenCommand(context.Background(), `echo tok-echoed; echo "bad: tok-echoed" >&2; exit 1`, 0)
	if err == nil || strings.Contains(err.Error(), "tok-echoed") {
		t.Fatalf("got %v", err)
	}
	if _, err := RunTokenCommand(context.Background(), `true`, 0); err == nil || !strings.Contains(err.Error(), "printed nothing") {
		t.Fatalf("empty output: %v", err)
	}
}

func TestTokenCommandTimeout(t *testing.T) {
	// The command never ends by itself; only the timeout stops it.
	_, err := RunTokenCommand(context.Background(), `echo waiting >&2; exec sleep 600`, 50*time.Millisecond)
	if err == nil || !strings.Contains(err.Error(), "token_command timed out after 50ms") {
		t.Fatalf("got %v", err)
	}
}

func TestResolvePrecedenceFlagsEnvFile(t *testing.T) {
	file := &File{Path: "/c.toml", Exists: true, Config: Config{Profile: Profile{Token: "file-tok", BaseURL: "https://file.example", Region: "au"}}}
	envAll := map[string]string{EnvToken: "env-tok", EnvBaseURL: "https://env.example", EnvRegion: "eu"}

	got, err := Inputs{FlagBaseURL: "https://flag.example", FlagRegion: "us", Env: env(envAll), File: file}.Resolve(context.Background())
	if err != nil || got.Token != "env-tok" || got.BaseURL != "https://flag.example" || got.Region != api.RegionUS {
		t.Fatalf("flags: %+v %v", got, err)
	}
	got, err = Inputs{Env: env(envAll), File: file}.Resolve(context.Background())
	if err != nil || got.Token != "env-tok" || got.TokenSource != EnvToken || got.BaseURL != "https://env.example" || got.Region != api.RegionEU {
		t.Fatalf("env: %+v %v", got, err)
	}
	got, err = Inputs{Env: env(nil), File: file}.Resolve(context.Background())
	if err != nil || got.Token != "file-tok" || got.TokenSource != "the config file /c.toml" || got.BaseURL != "https://file.example" || got.Region != api.RegionAU {
		t.Fatalf("file: %+v %v", got, err)
	}
	if s := got.String() + got.GoString(); strings.Contains(s, "file-tok") {
		t.Fatalf("printing a Target shows its token: %s", s)
	}
}

func TestResolveRunsTokenCommandOnlyWithoutAnotherToken(t *testing.T) {
	marker := filepath.Join(t.TempDir(), "ran")
	file := &File{Path: "/c.toml", Exists: true, Config: Config{Profile: Profile{TokenCommand: "touch " + marker + "; echo cmd-tok"}}}
	if _, err := (Inputs{Env: env(map[string]string{EnvToken: "env-tok"}), File: file}).Resolve(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(marker); err == nil {
		t.Fatal("token_command ran although INTERCOM_TOKEN was set")
	}
	got, err := Inputs{Env: env(nil), File: file}.Resolve(context.Background())
	if err != nil || got.Token != "cmd-tok" || got.TokenSource != "token_command in /c.toml" {
		t.Fatalf("%+v %v", got, err)
	}
	file.Config.TokenCommand = "exit 7"
	if _, err := (Inputs{Env: env(nil), File: file}).Resolve(context.Background()); err == nil ||
		!strings.Contains(err.Error(), "exit status 7") || !strings.Contains(err.Error(), "/c.toml") {
		t.Fatalf("a failing command: %v", err)
	}
}

func TestPlainHTTPRefusedExceptLoopback(t *testing.T) {
	for _, src := range []struct{ flag, env, file string }{
		{flag: "http://api.example.com"}, {env: "http://10.0.0.5:8080"}, {file: "http://intercom.corp"},
	} {
		in := Inputs{FlagBaseURL: src.flag, Env: env(map[string]string{EnvBaseURL: src.env}),
			File: &File{Path: "/c.toml", Exists: true, Config: Config{Profile: Profile{BaseURL: src.file}}}}
		_, err := in.Resolve(context.Background())
		if err == nil || !strings.Contains(err.Error(), "use https://") {
			t.Fatalf("%+v: %v", src, err)
		}
	}
	for _, ok := range []string{"http://127.0.0.1:8080", "http://127.9.9.9", "http://[::1]:9000/", "http://localhost:1", "https://api.example.com"} {
		if _, err := (Inputs{FlagBaseURL: ok, Env: env(nil)}).Resolve(context.Background()); err != nil {
			t.Fatalf("%s refused: %v", ok, err)
		}
	}
}
