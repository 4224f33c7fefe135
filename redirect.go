package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/api/fake"
	"github.com/intercom-tui/intercom-tui/config"
	"github.com/intercom-tui/intercom-tui/phone"
)

// redirectTimeout bounds the one attempt: past it the outcome is unknown (exit 4), which
// is better told to the agent on the phone than an endless wait.
const redirectTimeout = 30 * time.Second

type redirectFlags struct {
	conn   connFlags
	phone  string
	region string
	// fileRegion is the config file's phone_region (its profile's, when one is chosen):
	// below the flag and the environment, above the locale.
	fileRegion string
	attrs      []string
	attrText   []string
	json       bool
	demo       bool
}

func newRedirectCmd(stdout, stderr io.Writer) *cobra.Command {
	var f redirectFlags
	cmd := &cobra.Command{
		Use:   "redirect --phone NUMBER [--attr key=value]...",
		Short: "Send a caller an SMS with a Messenger link (phone-call redirect)",
		Long: `redirect sends the phone number an SMS with a link to the Messenger, so a caller can
continue in chat (POST /phone_call_redirects), with the token from INTERCOM_TOKEN (or
INTERCOM_ACCESS_TOKEN). --attr key=value attributes are added to the contact's custom
attributes; their values are typed: true/false, numbers, else text (--attr-text keeps a
value as text, e.g. an account number 00123).

A number without a country code is read as dialled from --phone-region, else
INTERCOM_PHONE_REGION, else the locale's country. Numbers that cannot take an SMS are
refused before anything is sent. The send is never retried: every run is one SMS at most.
Each attempt is kept in the local log (the number masked to its last four digits).

Exit codes: 0 sent, 2 invalid input (nothing sent), 3 refused by Intercom,
4 network failure (the SMS may or may not have gone out; it was not resent).`,
		Example: `  intercom-tui redirect --phone +353832345678 --attr issue_type=Billing --attr priority=High
  intercom-tui redirect --phone "083 234 5678" --phone-region IE --attr-text account=00123 --json
  intercom-tui redirect --demo --phone +353832345678`,
		// Arguments are checked in RunE, so that a stray one is invalid input (exit 2).
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runRedirect(cmd.Context(), redirectOutput{stdout: stdout, stderr: stderr, json: f.json}, f, args)
		},
	}
	f.conn.register(cmd)
	fl := cmd.Flags()
	fl.StringVar(&f.phone, "phone", "", "the caller's mobile number, e.g. +353832345678 or \"083 234 5678\" with --phone-region IE")
	fl.StringVar(&f.region, "phone-region", "", "country a number without a country code is read in, e.g. IE (env "+phone.EnvRegion+"; default: the locale's)")
	// StringArray, not StringSlice: a value may hold commas ("note=late, again").
	fl.StringArrayVar(&f.attrs, "attr", nil, "custom attribute key=value; true/false and numbers are sent typed (repeatable)")
	fl.StringArrayVar(&f.attrText, "attr-text", nil, "custom attribute key=value sent as text whatever it looks like (repeatable)")
	fl.BoolVar(&f.json, "json", false, "print one JSON object with the outcome instead of text")
	fl.BoolVar(&f.demo, "demo", false, "send to the built-in demo workspace instead of a real one")
	// A mistyped flag is invalid input too: exit 2 with the reason, like every other.
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		out := redirectOutput{stdout: stdout, stderr: stderr, json: f.json}
		return out.finish(invalidResult(fmt.Sprintf("%v (see %s --help)", err, c.CommandPath())))
	})
	return cmd
}

// runRedirect checks everything it can before sending, sends once, logs the attempt and
// reports the outcome as an exit code.
func runRedirect(ctx context.Context, out redirectOutput, f redirectFlags, args []string) error {
	// A file that does not load is reported by target, below, with its reason.
	if file, err := loadConfig(ctx); err == nil && file != nil {
		f.fileRegion = file.Config.PhoneRegion
	}
	num, attrs, err := f.parse(args)
	if err != nil {
		return out.finish(invalidResult(err.Error()))
	}
	target, stop, err := f.target(ctx)
	if err != nil {
		return out.finish(invalidResult(err.Error()))
	}
	defer stop()
	// No retries and no waits for a rate-limit reset: one run is at most one SMS, and
	// resending is the agent's decision.
	client, err := api.New(append(target.Options(), api.WithMaxRetries(0), api.WithMaxRateWait(0))...)
	if err != nil {
		return out.finish(invalidResult(err.Error()))
	}
	where := client.BaseURL()
	if f.demo {
		where = "the demo workspace"
	}
	out.preview(num, attrs, where)

	sendCtx, cancel := context.WithTimeout(ctx, redirectTimeout)
	sw, err := client.PhoneRedirect(sendCtx, num.E164, attrs)
	cancel()
	res := classifyRedirect(sw, err, target.TokenSource)
	res.Phone, res.Country, res.shown = num.E164, num.Country, num.International
	logRedirect(out.stderr, target, num, attrs, res, time.Now())
	return out.finish(res)
}

// parse reads the number and the attributes; any error names the flag and what to type.
func (f redirectFlags) parse(args []string) (phone.Number, map[string]any, error) {
	var none phone.Number
	if len(args) > 0 {
		return none, nil, fmt.Errorf("unexpected argument %q: the number goes in --phone, e.g. --phone +353832345678", args[0])
	}
	if f.demo && (f.conn.baseURL != "" || f.conn.region != "") {
		return none, nil, errors.New("--demo sends to the built-in demo workspace: leave out --base-url and --region, or --demo")
	}
	if strings.TrimSpace(f.phone) == "" {
		return none, nil, errors.New("--phone is required: the caller's mobile number, e.g. --phone +353832345678")
	}
	region, source := phoneRegion(f.fileRegion)
	if f.region != "" {
		region, source = strings.ToUpper(strings.TrimSpace(f.region)), "--phone-region"
		if !phone.ValidRegion(region) {
			return none, nil, fmt.Errorf("--phone-region %q is not a country code: type a two-letter code such as IE, GB or US", f.region)
		}
	}
	num, err := phone.Parse(f.phone, region)
	if err != nil {
		msg := fmt.Sprintf("--phone %q: %v", f.phone, err)
		in := strings.TrimSpace(f.phone)
		// Only a number typed without its country code depends on the region, and one
		// with letters was refused for those (or its extension), not for where it is.
		if !strings.HasPrefix(in, "+") && !strings.HasPrefix(in, "00") && strings.IndexFunc(in, unicode.IsLetter) < 0 {
			if phone.ValidRegion(region) {
				msg += fmt.Sprintf(" (read as dialled in %s: a number from elsewhere needs its country code, e.g. +353832345678, or --phone-region)", region)
			} else if source == phone.EnvRegion {
				msg += fmt.Sprintf(" (%s=%q is not a country code: set --phone-region, e.g. IE)", phone.EnvRegion, region)
			}
		}
		return none, nil, errors.New(msg)
	}
	attrs, err := parseAttrs(f.attrs, f.attrText)
	if err != nil {
		return none, nil, err
	}
	return num, attrs, nil
}

// target is the workspace to send to: the embedded demo, or the one of the token. stop
// ends the demo server.
func (f redirectFlags) target(ctx context.Context) (config.Target, func(), error) {
	if f.demo {
		srv, err := startEmbeddedDemo(ctx, fake.DefaultSize)
		if err != nil {
			return config.Target{}, nil, fmt.Errorf("cannot start the demo workspace: %w", err)
		}
		t := demoTarget(ctx, fake.DefaultToken, srv.URL(), "the demo")
		return t, func() { _ = srv.Close() }, nil
	}
	t, err := resolveTarget(ctx, f.conn)
	if err != nil {
		return config.Target{}, nil, err
	}
	if !t.HasToken() {
		return config.Target{}, nil, fmt.Errorf("no token: set %s (or %s) to an Intercom access token, or use --demo", config.EnvToken, config.EnvAccessToken)
	}
	return t, func() {}, nil
}
