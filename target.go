package main

import (
	"context"
	"io"
	"log/slog"
	"os"

	"github.com/spf13/cobra"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/config"
)

// globalFlags are the root's persistent flags, shared by every command.
type globalFlags struct {
	config  string
	profile string
	debug   string
}

func (g *globalFlags) register(root *cobra.Command) {
	root.PersistentFlags().StringVar(&g.config, "config", "",
		"`FILE` to read settings from (default $XDG_CONFIG_HOME/intercom-tui/config.toml; must exist when given)")
	root.PersistentFlags().StringVar(&g.profile, "profile", "",
		"`NAME` of the [profiles.NAME] table in the config file to use (env "+config.EnvProfile+"; default default_profile)")
	root.PersistentFlags().StringVar(&g.debug, "debug", "",
		"log every API request (method, path, status, duration, attempt, rate-limit headers; never the token) to `FILE`, created 0600; JSON lines when it ends in .json")
}

// session is what one command run shares: the global flags and the open debug log.
type session struct {
	flags globalFlags
	debug *slog.Logger // nil without --debug
	file  io.Closer
}

func openSession(g globalFlags) (*session, error) {
	s := &session{flags: g}
	if g.debug != "" {
		l, f, err := api.OpenDebugLog(g.debug)
		if err != nil {
			return nil, err
		}
		s.debug, s.file = l, f
	}
	return s, nil
}

func (s *session) close() {
	if s.file != nil {
		_ = s.file.Close()
	}
}

type sessionKey struct{}

func withSession(ctx context.Context, s *session) context.Context {
	return context.WithValue(ctx, sessionKey{}, s)
}

// sessionFrom is the run's session; a bare context (a test calling a run function
// directly) gets the defaults: the default config file, no debug log.
func sessionFrom(ctx context.Context) *session {
	if ctx != nil {
		if s, ok := ctx.Value(sessionKey{}).(*session); ok {
			return s
		}
	}
	return &session{}
}

// configPath is the config file the run reads and whether the user named it.
func configPath(ctx context.Context) (string, bool) {
	s := sessionFrom(ctx)
	if s.flags.config != "" {
		return s.flags.config, true
	}
	path, err := config.DefaultPath()
	if err != nil {
		// No home directory to hold one: there is no config file, which is fine.
		return "", false
	}
	return path, false
}

// loadConfig reads the config file with the chosen profile (--profile, else
// INTERCOM_PROFILE, else default_profile) merged in. nil: there is no place for one.
func loadConfig(ctx context.Context) (*config.File, error) {
	path, required := configPath(ctx)
	if path == "" {
		return nil, nil
	}
	file, err := config.Load(path, required)
	if err != nil {
		return nil, err
	}
	profile := sessionFrom(ctx).flags.profile
	if profile == "" {
		profile = os.Getenv(config.EnvProfile)
	}
	return file.Select(profile)
}

// resolveTarget is the workspace the flags, the environment and the config file point
// at (in that order of precedence), with the debug log attached.
func resolveTarget(ctx context.Context, conn connFlags) (config.Target, error) {
	file, err := loadConfig(ctx)
	if err != nil {
		return config.Target{}, err
	}
	return resolveTargetFrom(ctx, conn, file)
}

// resolveTargetFrom is resolveTarget with the config file already loaded.
func resolveTargetFrom(ctx context.Context, conn connFlags, file *config.File) (config.Target, error) {
	in := config.Inputs{FlagBaseURL: conn.baseURL, FlagRegion: conn.region, File: file}
	t, err := in.Resolve(ctx)
	if err != nil {
		return config.Target{}, err
	}
	t.Debug = sessionFrom(ctx).debug
	return t, nil
}

// demoTarget is the built-in demo workspace at url, with the debug log attached.
func demoTarget(ctx context.Context, token, url, source string) config.Target {
	return config.Target{Token: token, TokenSource: source, BaseURL: url, Region: api.RegionUS, Debug: sessionFrom(ctx).debug}
}

// noTokenHint ends the "no token" messages: every place a token can come from.
const noTokenHint = "set " + config.EnvToken + " (or " + config.EnvAccessToken +
	") to an Intercom access token, or token / token_command in the config file"
