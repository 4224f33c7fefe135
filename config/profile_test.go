package config

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const profilesFile = `region = "us"
token = "top-tok"
phone_region = "GB"
default_profile = "us-support"

[profiles.us-support]
refresh = "30s"

[profiles.eu-support]
region = "eu"
token_command = "echo eu-tok"
phone_region = "IE"
refresh = "2m"

[keys]
close = ["x"]
`

func loadText(t *testing.T, text string) *File {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := Load(path, true)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestSelectProfileMergesOverTopLevel(t *testing.T) {
	f := loadText(t, profilesFile)
	if got := f.Config.Keys["close"]; len(got) != 1 || got[0] != "x" {
		t.Errorf("keys.close = %v", got)
	}
	eu, err := f.Select("eu-support")
	if err != nil {
		t.Fatal(err)
	}
	c := eu.Config
	if eu.Profile != "eu-support" || c.Region != "eu" || c.Token != "" || c.TokenCommand != "echo eu-tok" || c.PhoneRegion != "IE" {
		t.Errorf("eu-support = %+v %q", c, eu.Profile)
	}
	if d, ok := c.RefreshInterval(); !ok || d != 2*time.Minute {
		t.Errorf("refresh = %v %v", d, ok)
	}
	def, err := f.Select("")
	if err != nil {
		t.Fatal(err)
	}
	if def.Profile != "us-support" || def.Config.Token != "top-tok" || def.Config.PhoneRegion != "GB" {
		t.Errorf("default profile = %+v %q", def.Config, def.Profile)
	}
	if d, _ := def.Config.RefreshInterval(); d != 30*time.Second {
		t.Errorf("default profile refresh = %v", d)
	}
}

func TestSelectUnknownProfileListsThem(t *testing.T) {
	_, err := loadText(t, profilesFile).Select("apac")
	if err == nil || !strings.Contains(err.Error(), `"apac"`) || !strings.Contains(err.Error(), "eu-support, us-support") {
		t.Fatalf("err = %v", err)
	}
	_, err = (&File{Path: "/nowhere.toml"}).Select("eu")
	if err == nil || !strings.Contains(err.Error(), "/nowhere.toml") {
		t.Fatalf("missing file: err = %v", err)
	}
}

// Flags win over the environment, which wins over the profile, which wins over the top level.
func TestProfilePrecedence(t *testing.T) {
	f, err := loadText(t, profilesFile).Select("eu-support")
	if err != nil {
		t.Fatal(err)
	}
	env := map[string]string{}
	in := Inputs{File: f, Env: func(k string) string { return env[k] }}
	tgt, err := in.Resolve(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if tgt.Token != "eu-tok" || tgt.Region != "eu" {
		t.Errorf("profile: token %q region %q", tgt.Token, tgt.Region)
	}
	env[EnvRegion], env[EnvToken] = "au", "env-tok"
	if tgt, _ = in.Resolve(context.Background()); tgt.Token != "env-tok" || tgt.Region != "au" {
		t.Errorf("env: token %q region %q", tgt.Token, tgt.Region)
	}
	in.FlagRegion = "us"
	if tgt, _ = in.Resolve(context.Background()); tgt.Region != "us" {
		t.Errorf("flag: region %q", tgt.Region)
	}
}

func TestProfileErrorsNameFileLineAndKey(t *testing.T) {
	cases := []struct{ text, want string }{
		{"[profiles.eu]\nregion = \"eu\"\nrefresh = \"soon\"\n", `c.toml:3: profiles.eu.refresh: must be a duration`},
		{"refresh = \"-1s\"\n", `c.toml:1: refresh: must be a duration`},
		{"[profiles.eu]\ntoken = \"a\"\ntoken_command = \"b\"\n", `c.toml:3: profiles.eu.token_command: set both`},
		{"default_profile = \"eu\"\n[profiles.us]\n", `c.toml:1: default_profile: no profile "eu" (profiles: us)`},
		{"[profiles.eu]\nrefresh = 30\n", `c.toml`},
		{"default_view = \"inbox\"\n", `c.toml:1: default_view: must be one of open, unassigned, mine, snoozed, closed, got "inbox"`},
		{"[profiles.eu]\nregion = \"eu\"\ndefault_view = \"Mine\"\n", `c.toml:3: profiles.eu.default_view: must be one of`},
	}
	for _, c := range cases {
		_, err := Parse("c.toml", []byte(c.text))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q", c.text, err, c.want)
		}
	}
}

func TestProfileTokenNeedsPrivateFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte("[profiles.eu]\ntoken = \"t\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(path, true); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Fatalf("err = %v", err)
	}
}

// default_view at the top level is overridden by a profile's, and kept by one that
// sets none.
func TestDefaultViewProfileWins(t *testing.T) {
	c, err := Parse("c.toml", []byte("default_view = \" snoozed \"\n[profiles.eu]\ndefault_view = \"mine\"\n[profiles.us]\nregion = \"us\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	f := &File{Path: "c.toml", Exists: true, Config: c}
	for name, want := range map[string]string{"": "snoozed", "eu": "mine", "us": "snoozed"} {
		got, err := f.Select(name)
		if err != nil {
			t.Fatal(err)
		}
		if got.Config.DefaultView != want {
			t.Errorf("profile %q: default_view = %q, want %q", name, got.Config.DefaultView, want)
		}
	}
}

func TestProfilePrintsNoToken(t *testing.T) {
	p := Profile{Token: "secret-tok", Region: "eu"}
	for _, s := range []string{fmt.Sprint(p), fmt.Sprintf("%#v", p), fmt.Sprint(Config{Profile: p})} {
		if strings.Contains(s, "secret-tok") {
			t.Errorf("token printed: %s", s)
		}
	}
}
