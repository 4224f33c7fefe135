package config

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// EnvProfile names the profile when --profile is not given.
const EnvProfile = "INTERCOM_PROFILE"

// Profile is one workspace's settings ([profiles.NAME]); empty fields fall back to the
// top level of the file.
type Profile struct {
	// Token is an access token. A file holding one must be private (mode 600).
	Token string `toml:"token"`
	// TokenCommand is run once with `sh -c`; its trimmed stdout is the token.
	TokenCommand string `toml:"token_command"`
	// BaseURL overrides the region's API host.
	BaseURL string `toml:"base_url"`
	// Region is us, eu or au.
	Region string `toml:"region"`
	// PhoneRegion is the country a phone number without its country code is read in.
	PhoneRegion string `toml:"phone_region"`
	// Refresh is the inbox refresh interval, a Go duration ("30s", "0" turns it off).
	Refresh string `toml:"refresh"`
	// DefaultView is the conversations view shown first: open (the default),
	// unassigned, mine, snoozed or closed.
	DefaultView string `toml:"default_view"`
}

func (p *Profile) trim() {
	for _, s := range []*string{&p.Token, &p.TokenCommand, &p.BaseURL, &p.Region, &p.PhoneRegion, &p.Refresh, &p.DefaultView} {
		*s = strings.TrimSpace(*s)
	}
}

// check trims the values and validates what TOML types cannot: one token source per
// table, durations, the default profile. Errors name the file, line and key.
func (c *Config) check(name, text string) error {
	at := func(key ...string) string {
		if line := keyLine(text, toml.Key(key)); line > 0 {
			return fmt.Sprintf("config file %s:%d: %s", name, line, strings.Join(key, "."))
		}
		return fmt.Sprintf("config file %s: %s", name, strings.Join(key, "."))
	}
	c.Profile.trim()
	if err := checkProfile(c.Profile, at); err != nil {
		return err
	}
	for n, p := range c.Profiles {
		p.trim()
		c.Profiles[n] = p
		if err := checkProfile(p, func(key ...string) string { return at(append([]string{"profiles", n}, key...)...) }); err != nil {
			return err
		}
	}
	for _, check := range []func(at func(key ...string) string) error{c.checkTheme, c.checkReplies, c.checkCommands} {
		if err := check(at); err != nil {
			return err
		}
	}
	c.DefaultProfile = strings.TrimSpace(c.DefaultProfile)
	if c.DefaultProfile != "" {
		if _, ok := c.Profiles[c.DefaultProfile]; !ok {
			return fmt.Errorf("%s: no profile %q (%s)", at("default_profile"), c.DefaultProfile, c.profileList())
		}
	}
	return nil
}

func checkProfile(p Profile, at func(key ...string) string) error {
	if p.Token != "" && p.TokenCommand != "" {
		return fmt.Errorf("%s: set both token and token_command: keep one", at("token_command"))
	}
	if p.Refresh != "" {
		if d, err := time.ParseDuration(p.Refresh); err != nil || d < 0 {
			return fmt.Errorf("%s: must be a duration such as 30s or 2m (0 turns refresh off), got %q", at("refresh"), p.Refresh)
		}
	}
	if p.DefaultView != "" && !slices.Contains(Views, p.DefaultView) {
		return fmt.Errorf("%s: must be one of %s, got %q", at("default_view"), strings.Join(Views, ", "), p.DefaultView)
	}
	return nil
}

// Views are the names default_view accepts: the conversations pane's fixed views.
var Views = []string{"open", "unassigned", "mine", "snoozed", "closed"}

func (c Config) profileList() string {
	if len(c.Profiles) == 0 {
		return "the file defines no [profiles.NAME]"
	}
	names := make([]string, 0, len(c.Profiles))
	for n := range c.Profiles {
		names = append(names, n)
	}
	sort.Strings(names)
	return "profiles: " + strings.Join(names, ", ")
}

// Select returns the file with profile name (else default_profile) merged over the top
// level: the profile's non-empty settings win. A named profile that is not in the file
// is an error listing the ones that are.
func (f *File) Select(name string) (*File, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		name = f.Config.DefaultProfile
	}
	if name == "" {
		return f, nil
	}
	if !f.Exists {
		return nil, fmt.Errorf("profile %q: config file %s does not exist (intercom-tui config init writes one)", name, f.Path)
	}
	p, ok := f.Config.Profiles[name]
	if !ok {
		return nil, fmt.Errorf("config file %s: no profile %q (%s)", f.Path, name, f.Config.profileList())
	}
	out := *f
	c := &out.Config
	if p.Token != "" || p.TokenCommand != "" {
		// A profile's token source replaces the top level's, both kinds.
		c.Token, c.TokenCommand = p.Token, p.TokenCommand
	}
	for _, s := range [][2]*string{{&c.BaseURL, &p.BaseURL}, {&c.Region, &p.Region}, {&c.PhoneRegion, &p.PhoneRegion}, {&c.Refresh, &p.Refresh}, {&c.DefaultView, &p.DefaultView}} {
		if *s[1] != "" {
			*s[0] = *s[1]
		}
	}
	out.Profile = name
	return &out, nil
}

// RefreshInterval is the configured refresh; false when the file sets none. Parse
// already checked it.
func (c Config) RefreshInterval() (time.Duration, bool) {
	if c.Refresh == "" {
		return 0, false
	}
	d, err := time.ParseDuration(c.Refresh)
	return d, err == nil
}

// String keeps the token out of anything that prints a Profile (%v, panics).
func (p Profile) String() string {
	tok := ""
	if p.Token != "" {
		tok = redactedMark
	}
	return fmt.Sprintf("{token:%q token_command:%q base_url:%q region:%q}", tok, p.TokenCommand, p.BaseURL, p.Region)
}

// GoString is String for %#v.
func (p Profile) GoString() string { return "config.Profile" + p.String() }
