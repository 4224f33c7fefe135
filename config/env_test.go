package config

import (
	"strings"
	"testing"

	"github.com/intercom-tui/intercom-tui/api"
)

func env(m map[string]string) Getenv { return func(k string) string { return m[k] } }

func TestResolve(t *testing.T) {
	cases := []struct {
		name                  string
		flagTok, flagURL, reg string
		env                   map[string]string
		wantTok, wantSrc      string
		wantURL               string
		wantRegion            api.Region
	}{
		{name: "nothing", wantRegion: api.RegionUS},
		{name: "INTERCOM_TOKEN", env: map[string]string{EnvToken: " tok \n"}, wantTok: "tok", wantSrc: EnvToken, wantRegion: api.RegionUS},
		{name: "access token fallback", env: map[string]string{EnvAccessToken: "a"}, wantTok: "a", wantSrc: EnvAccessToken, wantRegion: api.RegionUS},
		{name: "INTERCOM_TOKEN wins", env: map[string]string{EnvToken: "t", EnvAccessToken: "a"}, wantTok: "t", wantSrc: EnvToken, wantRegion: api.RegionUS},
		{name: "flag wins", flagTok: "f", env: map[string]string{EnvToken: "t"}, wantTok: "f", wantSrc: "--token", wantRegion: api.RegionUS},
		{name: "base url from env", env: map[string]string{EnvBaseURL: "http://127.0.0.1:8080"}, wantURL: "http://127.0.0.1:8080", wantRegion: api.RegionUS},
		{name: "flag base url wins", flagURL: "https://x", env: map[string]string{EnvBaseURL: "https://y"}, wantURL: "https://x", wantRegion: api.RegionUS},
		{name: "region eu", reg: "eu", wantRegion: api.RegionEU},
		{name: "region env au", env: map[string]string{EnvRegion: "au"}, wantRegion: api.RegionAU},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Resolve(c.flagTok, c.flagURL, c.reg, env(c.env))
			if err != nil {
				t.Fatal(err)
			}
			if got.Token != c.wantTok || got.TokenSource != c.wantSrc || got.BaseURL != c.wantURL || got.Region != c.wantRegion {
				t.Fatalf("got %+v", got)
			}
		})
	}
	if _, err := Resolve("", "", "mars", env(nil)); err == nil {
		t.Fatal("an unknown region must be refused")
	}
}

func TestWorkspaceKey(t *testing.T) {
	a := Target{Token: "secret-token-a", BaseURL: "http://127.0.0.1:43123"}
	b := Target{Token: "secret-token-a", BaseURL: "http://127.0.0.1:9999"}
	c := Target{Token: "secret-token-b", BaseURL: "http://127.0.0.1:43123"}
	eu := Target{Token: "secret-token-a", Region: api.RegionEU}
	if a.WorkspaceKey() != b.WorkspaceKey() {
		t.Fatal("the port must not change the key (the demo listens on a random one)")
	}
	if a.WorkspaceKey() == c.WorkspaceKey() || a.WorkspaceKey() == eu.WorkspaceKey() {
		t.Fatal("another token or host is another workspace")
	}
	for _, k := range []string{a.WorkspaceKey(), eu.WorkspaceKey()} {
		if strings.Contains(k, "secret") {
			t.Fatalf("the key %q shows the token", k)
		}
	}
	if got := eu.WorkspaceKey(); !strings.HasPrefix(got, "api.eu.intercom.io-") {
		t.Fatalf("key %q", got)
	}
}
