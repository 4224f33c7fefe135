// Package config resolves how intercom-tui reaches a workspace: the token, the region
// and the base URL, from flags, the environment and the TOML config file, in that order
// of precedence.
package config

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"strings"
	"time"

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

// Target is where to connect. Token is secret: never print it (String leaves it out).
type Target struct {
	Token       string
	TokenSource string // e.g. "INTERCOM_TOKEN" or "--token", for messages
	BaseURL     string // empty: the region's URL
	Region      api.Region
	// Debug is the --debug FILE log, nil without one.
	Debug *slog.Logger
}

// Getenv reads the environment; tests replace it.
type Getenv func(string) string

// Inputs are what a target is resolved from. Flags win over the environment, which wins
// over the config file.
type Inputs struct {
	FlagToken, FlagBaseURL, FlagRegion string // empty when not given
	Env                                Getenv // nil: os.Getenv
	File                               *File  // nil: no config file
	// TokenTimeout bounds token_command (0: DefaultTokenTimeout).
	TokenTimeout time.Duration
}

// Resolve combines flag values (empty when not given) with the environment. Flags win.
// It reads no config file: Inputs.Resolve does.
func Resolve(flagToken, flagBaseURL, flagRegion string, env Getenv) (Target, error) {
	return Inputs{FlagToken: flagToken, FlagBaseURL: flagBaseURL, FlagRegion: flagRegion, Env: env}.Resolve(context.Background())
}

// Resolve picks each setting from the first source that has it. token_command runs only
// when neither a flag nor the environment gives a token, and at most once.
func (in Inputs) Resolve(ctx context.Context) (Target, error) {
	env := in.Env
	if env == nil {
		env = os.Getenv
	}
	var file Config
	fileName := ""
	if in.File != nil && in.File.Exists {
		file, fileName = in.File.Config, in.File.Path
	}
	first := func(vals ...[2]string) (string, string) {
		for _, v := range vals {
			if s := strings.TrimSpace(v[0]); s != "" {
				return s, v[1]
			}
		}
		return "", ""
	}
	var t Target
	t.Token, t.TokenSource = first(
		[2]string{in.FlagToken, "--token"},
		[2]string{env(EnvToken), EnvToken},
		[2]string{env(EnvAccessToken), EnvAccessToken},
		[2]string{file.Token, "the config file " + fileName})
	if t.Token == "" && file.TokenCommand != "" {
		tok, err := RunTokenCommand(ctx, file.TokenCommand, in.TokenTimeout)
		if err != nil {
			return Target{}, fmt.Errorf("%w (token_command in %s)", err, fileName)
		}
		t.Token, t.TokenSource = tok, "token_command in "+fileName
	}

	base, baseSrc := first(
		[2]string{in.FlagBaseURL, "--base-url"},
		[2]string{env(EnvBaseURL), EnvBaseURL},
		[2]string{file.BaseURL, "base_url in " + fileName})
	if base != "" {
		u, err := api.CheckBaseURL(base)
		if err != nil {
			return Target{}, fmt.Errorf("%s: %w", baseSrc, err)
		}
		t.BaseURL = u
	}
	region, regionSrc := first(
		[2]string{in.FlagRegion, "--region"},
		[2]string{env(EnvRegion), EnvRegion},
		[2]string{file.Region, "region in " + fileName},
		[2]string{string(api.RegionUS), "default"})
	r, err := api.ParseRegion(region)
	if err != nil {
		return Target{}, fmt.Errorf("%s: %w", regionSrc, err)
	}
	t.Region = r
	return t, nil
}

// String names the target without its token, for %v and panics.
func (t Target) String() string {
	return fmt.Sprintf("{token from %s, %s}", t.TokenSource, t.Where())
}

// GoString is String for %#v.
func (t Target) GoString() string { return "config.Target" + t.String() }

// HasToken reports whether a token was found.
func (t Target) HasToken() bool { return t.Token != "" }

// Options are the api client options for the target.
func (t Target) Options() []api.Option {
	opts := []api.Option{api.WithToken(t.Token), api.WithRegion(t.Region)}
	if t.BaseURL != "" {
		opts = append(opts, api.WithBaseURL(t.BaseURL))
	}
	if t.Debug != nil {
		opts = append(opts, api.WithDebugLog(t.Debug))
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
