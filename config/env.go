// Package config resolves how intercom-tui reaches a workspace: the token, the region
// and the base URL, from flags and the environment. (The TOML config file and profiles
// build on this.)
package config

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"strings"

	"github.com/intercom-tui/intercom-tui/api"
)

// Environment variables read. INTERCOM_ACCESS_TOKEN is accepted because Intercom's own
// SDK examples use it.
const (
	EnvToken       = "INTERCOM_TOKEN"
	EnvAccessToken = "INTERCOM_ACCESS_TOKEN"
	EnvBaseURL     = "INTERCOM_BASE_URL"
	EnvRegion      = "INTERCOM_REGION"
)

// Target is where to connect. Token is secret: never print it.
type Target struct {
	Token       string
	TokenSource string // e.g. "INTERCOM_TOKEN" or "--token", for messages
	BaseURL     string // empty: the region's URL
	Region      api.Region
}

// Getenv reads the environment; tests replace it.
type Getenv func(string) string

// Resolve combines flag values (empty when not given) with the environment. Flags win.
func Resolve(flagToken, flagBaseURL, flagRegion string, env Getenv) (Target, error) {
	if env == nil {
		env = os.Getenv
	}
	var t Target
	switch {
	case flagToken != "":
		t.Token, t.TokenSource = flagToken, "--token"
	case strings.TrimSpace(env(EnvToken)) != "":
		t.Token, t.TokenSource = env(EnvToken), EnvToken
	case strings.TrimSpace(env(EnvAccessToken)) != "":
		t.Token, t.TokenSource = env(EnvAccessToken), EnvAccessToken
	}
	t.Token = strings.TrimSpace(t.Token)

	t.BaseURL = strings.TrimSpace(flagBaseURL)
	if t.BaseURL == "" {
		t.BaseURL = strings.TrimSpace(env(EnvBaseURL))
	}
	region := strings.TrimSpace(flagRegion)
	if region == "" {
		region = strings.TrimSpace(env(EnvRegion))
	}
	if region == "" {
		region = string(api.RegionUS)
	}
	r, err := api.ParseRegion(region)
	if err != nil {
		return Target{}, fmt.Errorf("region: %w", err)
	}
	t.Region = r
	return t, nil
}

// HasToken reports whether a token was found.
func (t Target) HasToken() bool { return t.Token != "" }

// Options are the api client options for the target.
func (t Target) Options() []api.Option {
	opts := []api.Option{api.WithToken(t.Token), api.WithRegion(t.Region)}
	if t.BaseURL != "" {
		opts = append(opts, api.WithBaseURL(t.BaseURL))
	}
	return opts
}

// Where names the target for messages: the base URL and region, never the token.
func (t Target) Where() string {
	if t.BaseURL != "" {
		return t.BaseURL
	}
	return t.Region.BaseURL()
}

// WorkspaceKey names the workspace's local files (the offline store) without the
// network, so they open offline too: the API host and a short hash of the token (one
// token belongs to one workspace; the hash does not reveal it).
func (t Target) WorkspaceKey() string {
	host := t.Where()
	if u, err := url.Parse(host); err == nil && u.Hostname() != "" {
		host = u.Hostname()
	}
	sum := sha256.Sum256([]byte(t.Token))
	return host + "-" + hex.EncodeToString(sum[:6])
}
