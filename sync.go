package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/api/fake"
	"github.com/intercom-tui/intercom-tui/config"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/store"
	"github.com/intercom-tui/intercom-tui/syncer"
	"github.com/intercom-tui/intercom-tui/workspace"
)

type syncFlags struct {
	conn          connFlags
	articles      bool
	conversations bool
	since         string
	demo          bool
}

func newSyncCmd(stdout io.Writer) *cobra.Command {
	var f syncFlags
	cmd := &cobra.Command{
		Use:   "sync",
		Short: "Pull the help center and recent conversations into the offline store",
		Long: `sync copies the workspace of INTERCOM_TOKEN (or INTERCOM_ACCESS_TOKEN) into the offline
store, $XDG_CACHE_HOME/intercom-tui/<app id>.db: the help center with --articles, the
conversations updated within --since with --conversations, both without either flag.
Later runs fetch only what changed; an interrupted run (Ctrl+C) resumes where it stopped.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			since, err := parseSince(f.since)
			if err != nil {
				return err
			}
			if !f.articles && !f.conversations {
				f.articles, f.conversations = true, true
			}
			var target config.Target
			if f.demo {
				srv, err := startEmbeddedDemo(cmd.Context(), fake.DefaultSize)
				if err != nil {
					return err
				}
				defer srv.Close()
				target = demoTarget(cmd.Context(), fake.DefaultToken, srv.URL(), "the demo")
			} else if target, err = resolveTarget(cmd.Context(), f.conn); err != nil {
				return err
			}
			return runSync(cmd.Context(), stdout, target, f, time.Now().Add(-since))
		},
	}
	f.conn.register(cmd)
	cmd.Flags().BoolVar(&f.articles, "articles", false, "sync the help center (help centers, collections, sections, articles)")
	cmd.Flags().BoolVar(&f.conversations, "conversations", false, "sync conversations updated within --since, with their parts")
	cmd.Flags().StringVar(&f.since, "since", "30d", "how far back --conversations reaches: 30d, 2w, 12h, 90m")
	cmd.Flags().BoolVar(&f.demo, "demo", false, "sync the built-in demo workspace instead of a real one")
	return cmd
}

// parseSince reads "30d", "2w" or any Go duration ("12h", "90m").
func parseSince(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	unit := map[byte]time.Duration{'d': 24 * time.Hour, 'w': 7 * 24 * time.Hour}
	if n := len(s); n > 1 && unit[s[n-1]] != 0 {
		if v, err := strconv.Atoi(s[:n-1]); err == nil && v > 0 {
			return time.Duration(v) * unit[s[n-1]], nil
		}
	} else if d, err := time.ParseDuration(s); err == nil && d > 0 {
		return d, nil
	}
	return 0, fmt.Errorf("--since %q: want a positive age such as 30d, 2w or 12h", s)
}

func runSync(ctx context.Context, w io.Writer, target config.Target, f syncFlags, since time.Time) error {
	if !target.HasToken() {
		return fmt.Errorf("no token: %s; or use --demo", noTokenHint)
	}
	client, err := api.New(target.Options()...)
	if err != nil {
		return err
	}
	// The whole directory, not only /me: saved with the rest, it lets the app start
	// offline from a store that only `sync` has filled.
	dir, err := workspace.New(client, false).LoadDirectory(ctx)
	if err != nil {
		if cause := errors.Unwrap(err); cause != nil {
			err = cause // the api error, which doctorError explains
		}
		return doctorError(client, target, err)
	}
	me := dir.Me
	path, err := store.PathFor(target.WorkspaceKey())
	if err != nil {
		return err
	}
	st, err := store.Open(path)
	if err != nil {
		return err
	}
	defer st.Close()
	if n := st.Notice(); n != "" {
		fmt.Fprintln(w, n)
	}
	if err := st.PutDirectory(store.Directory{Me: dir.Me, Admins: dir.Admins, Teams: dir.Teams, SavedAt: time.Now()}); err != nil {
		return err
	}
	name := ""
	if me.App != nil {
		name = sanitize.Line(me.App.Name)
	}
	fmt.Fprintf(w, "Syncing %s into %s\n", name, path)

	out := newProgressPrinter(w)
	var total syncer.Stats
	start := time.Now()
	if f.articles {
		s, err := syncer.Articles(ctx, client, st, out.report)
		total.Requests, total.Rows = total.Requests+s.Requests, total.Rows+s.Rows
		if err != nil {
			return syncFailed(w, out, "articles", err)
		}
	}
	if f.conversations {
		s, err := syncer.Conversations(ctx, client, st, since, out.report)
		total.Requests, total.Rows = total.Requests+s.Requests, total.Rows+s.Rows
		if err != nil {
			return syncFailed(w, out, "conversations", err)
		}
	}
	out.finish()
	fmt.Fprintf(w, "Done: %d rows stored, %d requests, %s.\n", total.Rows, total.Requests, time.Since(start).Round(time.Millisecond))
	return nil
}

// syncFailed reports an interrupted or failed run; its progress is saved either way.
func syncFailed(w io.Writer, out *progressPrinter, what string, err error) error {
	out.finish()
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(w, "Interrupted: progress is saved; run sync again to resume.")
		return exitCode(130)
	}
	return fmt.Errorf("sync %s stopped (progress is saved; run sync again to resume): %w", what, err)
}

// progressPrinter draws one updating bar on a terminal, else a plain line per page.
type progressPrinter struct {
	w     io.Writer
	tty   bool
	drawn bool
}

func newProgressPrinter(w io.Writer) *progressPrinter {
	f, ok := w.(*os.File)
	return &progressPrinter{w: w, tty: ok && term.IsTerminal(f.Fd())}
}

func (p *progressPrinter) report(pr syncer.Progress) {
	name := strings.ReplaceAll(pr.Resource, "_", " ")
	line := fmt.Sprintf("%s: %d", name, pr.Rows)
	if pr.Total > 0 {
		line += fmt.Sprintf(" of %d", pr.Total)
	}
	line += fmt.Sprintf(" (%d requests)", pr.Requests)
	if !p.tty {
		if pr.Done {
			line += ", done"
		}
		fmt.Fprintln(p.w, line)
		return
	}
	const width = 24
	fill := width
	if pr.Total > 0 && !pr.Done {
		fill = min(width, pr.Rows*width/pr.Total)
	}
	fmt.Fprintf(p.w, "\r\x1b[2K[%s%s] %s", strings.Repeat("█", fill), strings.Repeat("░", width-fill), line)
	p.drawn = true
	if pr.Done {
		fmt.Fprintln(p.w)
		p.drawn = false
	}
}

func (p *progressPrinter) finish() {
	if p.drawn {
		fmt.Fprintln(p.w)
		p.drawn = false
	}
}
