// Command intercom-tui is a terminal inbox for Intercom support agents.
//
//	intercom-tui                 browse the workspace of INTERCOM_TOKEN (or the demo workspace without one)
//	intercom-tui serve-demo      serve the fake Intercom 2.9 workspace for any client
//	intercom-tui doctor          check that a workspace answers, and as whom
//	intercom-tui sync            pull the help center and recent conversations into the offline store
//	intercom-tui redirect        send a caller an SMS with a Messenger link (exit 0 sent, 2 invalid, 3 refused, 4 network)
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := newRootCmd(os.Stdout, os.Stderr).ExecuteContext(ctx)
	stop()
	if err != nil {
		var ec exitCode
		var r reported
		switch {
		case errors.As(err, &ec):
			os.Exit(int(ec))
		case errors.As(err, &r):
			os.Exit(1)
		}
		// Cobra's own errors (an unknown command or flag) come before any RunE: they are
		// usage errors, printed here.
		fmt.Fprintf(os.Stderr, "intercom-tui: %v (see intercom-tui --help)\n", err)
		os.Exit(2)
	}
}

// reported is an error a command's RunE returned and wrapErrors already printed.
type reported struct{ err error }

func (r reported) Error() string { return r.err.Error() }
func (r reported) Unwrap() error { return r.err }

// exitCode ends the process with a code after its message was already printed.
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit %d", int(e)) }

// connFlags are the flags every workspace-facing command shares.
type connFlags struct {
	baseURL string
	region  string
}

func (f *connFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.baseURL, "base-url", "", "Intercom API base URL (env INTERCOM_BASE_URL), e.g. one served by serve-demo")
	cmd.Flags().StringVar(&f.region, "region", "", "workspace region: us, eu or au (env INTERCOM_REGION; default us)")
}

func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	var conn connFlags
	var demo browseFlags
	var global globalFlags
	root := &cobra.Command{
		Use:   "intercom-tui",
		Short: "A terminal inbox for Intercom support agents",
		Long: `intercom-tui browses an Intercom workspace (REST API 2.9) from the terminal.

The token comes from INTERCOM_TOKEN (INTERCOM_ACCESS_TOKEN is accepted too), else from
token or token_command in the config file ($XDG_CONFIG_HOME/intercom-tui/config.toml).
Without a token it starts a fake demo workspace on 127.0.0.1 and browses that.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			demo.changed = cmd.Flags().Changed
			return runBrowse(cmd.Context(), stdout, conn, demo)
		},
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetVersionTemplate(versionText())
	conn.register(root)
	demo.register(root)
	global.register(root)
	root.AddCommand(newServeDemoCmd(stdout), newDoctorCmd(stdout), newSyncCmd(stdout), newRedirectCmd(stdout, stderr), newConfigCmd(stdout, stderr))
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		// A usage error: said here (no RunE ran to say it), exit 2 like the others.
		fmt.Fprintf(stderr, "intercom-tui: %v (see %s --help)\n", err, c.CommandPath())
		return exitCode(2)
	})
	wrapErrors(root, stderr, &global)
	registerCompletions(root)
	return root
}

// wrapErrors prints every command's error once, as "intercom-tui: …", so main only
// chooses the exit code. It also opens what the global flags ask for (the --debug log)
// around each run and hands it down in the context.
func wrapErrors(root *cobra.Command, stderr io.Writer, global *globalFlags) {
	for _, c := range allCommands(root) {
		run := c.RunE
		if run == nil {
			continue
		}
		c.RunE = func(cmd *cobra.Command, args []string) error {
			s, err := openSession(*global)
			if err != nil {
				fmt.Fprintf(stderr, "intercom-tui: %v\n", err)
				return reported{err}
			}
			defer s.close()
			cmd.SetContext(withSession(cmd.Context(), s))
			err = run(cmd, args)
			var ec exitCode
			if err != nil && !errors.As(err, &ec) {
				fmt.Fprintf(stderr, "intercom-tui: %v\n", err)
				return reported{err}
			}
			return err
		}
	}
}

// allCommands is root and every command under it (config init, config path…).
func allCommands(root *cobra.Command) []*cobra.Command {
	out := []*cobra.Command{root}
	for _, c := range root.Commands() {
		out = append(out, allCommands(c)...)
	}
	return out
}
