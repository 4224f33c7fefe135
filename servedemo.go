package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/intercom-tui/intercom-tui/api/fake"
	"github.com/intercom-tui/intercom-tui/api/fake/faults"
	"github.com/intercom-tui/intercom-tui/clock"
)

type serveFlags struct {
	addr      string
	token     string
	size      int
	articles  int
	rateLimit int
	seed      int64
	faults    string
}

func newServeDemoCmd(stdout io.Writer) *cobra.Command {
	var f serveFlags
	cmd := &cobra.Command{
		Use:   "serve-demo",
		Short: "Serve the fake Intercom 2.9 workspace over HTTP, for any Intercom client",
		Long: `serve-demo serves a fake Intercom workspace that speaks REST API 2.9 (and 2.10 for
POST /tickets/search): seeded data, writes kept in memory, optional fault injection.
Point curl, Intercom's SDKs or intercom-tui (--base-url) at the printed URL and token.

Faults (--faults or INTERCOM_FAKE_FAULTS) follow kind[=arg]@[METHOD ]pattern[:rate][#count],
separated by ";", e.g. "latency=2s@/conversations/*; status=500@POST /conversations/*/reply#1".`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			srv, err := startDemoServer(f)
			if err != nil {
				return err
			}
			printServeBanner(stdout, srv, f)
			<-cmd.Context().Done()
			fmt.Fprintln(stdout, "stopping")
			return srv.Close()
		},
	}
	cmd.Flags().StringVar(&f.addr, "addr", "127.0.0.1:8080", "listen address")
	cmd.Flags().StringVar(&f.token, "token", fake.DefaultToken, "the bearer token the fake accepts")
	cmd.Flags().IntVar(&f.size, "size", fake.DefaultSize, "number of conversations")
	cmd.Flags().IntVar(&f.articles, "articles", 0, "number of help-center articles (0: the built-in help center of 40)")
	cmd.Flags().IntVar(&f.rateLimit, "rate-limit", 0, fmt.Sprintf("X-RateLimit-Limit per 10-second window the fake reports (0: %d)", fake.DefaultRateLimit))
	cmd.Flags().Int64Var(&f.seed, "seed", 1, "seed of the generated data")
	cmd.Flags().StringVar(&f.faults, "faults", "", "fault injection spec (env INTERCOM_FAKE_FAULTS)")
	return cmd
}

// startDemoServer starts the fake with the flags' faults, else the environment's.
func startDemoServer(f serveFlags) (*fake.Server, error) {
	if f.size < 1 {
		return nil, fmt.Errorf("--size must be at least 1, got %d", f.size)
	}
	if f.articles < 0 {
		return nil, fmt.Errorf("--articles must not be negative, got %d", f.articles)
	}
	if f.rateLimit < 0 {
		return nil, fmt.Errorf("--rate-limit must not be negative, got %d", f.rateLimit)
	}
	inj, err := injector(f.faults, f.seed)
	if err != nil {
		return nil, err
	}
	srv, err := fake.Start(fake.Options{Seed: f.seed, Size: f.size, Articles: f.articles,
		RateLimit: f.rateLimit, Token: f.token, Faults: inj, Addr: f.addr})
	if err != nil {
		return nil, fmt.Errorf("cannot listen on %s: %w", f.addr, err)
	}
	return srv, nil
}

func injector(spec string, seed int64) (*faults.Injector, error) {
	if spec == "" {
		inj, err := fake.InjectorFromEnv(clock.Real{}, seed)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", faults.EnvVar, err)
		}
		return inj, nil
	}
	rules, err := faults.ParseSpec(spec)
	if err != nil {
		return nil, fmt.Errorf("--faults: %w", err)
	}
	inj := faults.New(clock.Real{}, uint64(seed))
	if err := inj.Add(rules...); err != nil {
		return nil, fmt.Errorf("--faults: %w", err)
	}
	return inj, nil
}

func printServeBanner(w io.Writer, srv *fake.Server, f serveFlags) {
	ws := srv.Workspace()
	me := ws.World().Me()
	name := ""
	if me.App != nil {
		name = me.App.Name
	}
	url := srv.URL()
	fmt.Fprintf(w, "Fake Intercom workspace %q (%d conversations), REST API 2.9\n", name, ws.World().NumConversations())
	fmt.Fprintf(w, "  base URL  %s\n", url)
	fmt.Fprintf(w, "  token     %s   (the fake's own; not a real Intercom token)\n", ws.Token())
	fmt.Fprintf(w, "  signed in %s <%s>\n", me.Name, me.Email)
	if f.articles > 0 {
		fmt.Fprintf(w, "  articles  %d\n", ws.World().NumArticles())
	}
	if f.rateLimit > 0 {
		fmt.Fprintf(w, "  rate limit %d requests per 10 s (X-RateLimit-Limit)\n", f.rateLimit)
	}
	fmt.Fprintf(w, "\nTry:\n  curl -H 'Authorization: Bearer %s' -H 'Intercom-Version: 2.9' %s/me\n", ws.Token(), url)
	fmt.Fprintf(w, "  INTERCOM_TOKEN=%s intercom-tui --base-url %s\n", ws.Token(), url)
	if f.faults != "" {
		fmt.Fprintf(w, "\nFaults: %s\n", f.faults)
	}
	fmt.Fprintln(w, "\nCtrl+C stops it.")
}

// startEmbeddedDemo is the demo `go run .` browses: a free port on loopback.
func startEmbeddedDemo(ctx context.Context, size int) (*fake.Server, error) {
	inj, err := injector("", 1)
	if err != nil {
		return nil, err
	}
	return fake.Start(fake.Options{Seed: 1, Size: size, Faults: inj})
}
