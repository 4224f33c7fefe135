package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/config"
	"github.com/intercom-tui/intercom-tui/sanitize"
)

func newDoctorCmd(stdout io.Writer) *cobra.Command {
	var conn connFlags
	cmd := &cobra.Command{
		Use:   "doctor",
		Short: "Check that a workspace answers: GET /me, its name, region, admin and rate limit",
		Long: `doctor calls GET /me with the token from INTERCOM_TOKEN (or INTERCOM_ACCESS_TOKEN, or
the config file's token or token_command) and prints the workspace, its region, the
signed-in admin and the rate-limit budget.
The token itself is never printed.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			target, err := resolveTarget(cmd.Context(), conn)
			if err != nil {
				return err
			}
			return runDoctor(cmd.Context(), stdout, target)
		},
	}
	conn.register(cmd)
	return cmd
}

func runDoctor(ctx context.Context, w io.Writer, target config.Target) error {
	if !target.HasToken() {
		return fmt.Errorf("no token: %s", noTokenHint)
	}
	client, err := api.New(target.Options()...)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	me, err := client.Me(ctx)
	if err != nil {
		return doctorError(client, target, err)
	}
	row := func(k, v string) { fmt.Fprintf(w, "%-11s %s\n", k, v) }
	if me.App != nil {
		row("Workspace", fmt.Sprintf("%s (app %s)", sanitize.Line(me.App.Name), sanitize.Line(me.App.IDCode)))
		row("Region", fmt.Sprintf("%s, timezone %s", sanitize.Line(me.App.Region), sanitize.Line(me.App.Timezone)))
	} else {
		row("Workspace", "(GET /me returned no app)")
	}
	row("Admin", fmt.Sprintf("%s <%s> (id %s)", sanitize.Line(me.Name), sanitize.Line(me.Email), sanitize.Line(string(me.ID))))
	row("Base URL", client.BaseURL())
	row("API", "Intercom-Version "+api.Version+" (2.10 for ticket search)")
	row("Rate limit", rateLine(client.RateBudget()))
	row("Token", "from "+target.TokenSource+" (not shown)")
	return nil
}

func rateLine(b api.RateBudget) string {
	if !b.Known {
		return "no X-RateLimit headers in the answer"
	}
	s := fmt.Sprintf("%d of %d requests left in this 10-second window", b.Remaining, b.Limit)
	if !b.Reset.IsZero() {
		s += ", resets " + b.Reset.Local().Format("15:04:05")
	}
	return s
}

// doctorError says what failed in words an admin can act on.
func doctorError(client *api.Client, target config.Target, err error) error {
	where := client.BaseURL()
	switch {
	case api.IsUnauthorized(err):
		return fmt.Errorf("%s refused the token from %s: %w", where, target.TokenSource, err)
	case api.IsNetwork(err):
		return fmt.Errorf("cannot reach %s: %w", where, err)
	default:
		return fmt.Errorf("GET /me on %s failed: %w", where, err)
	}
}
