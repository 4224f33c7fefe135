package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/api/query"
	"github.com/intercom-tui/intercom-tui/config"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/sanitize"
)

type demoFlags struct {
	force bool
	size  int
}

func (f *demoFlags) register(cmd *cobra.Command) {
	cmd.Flags().BoolVar(&f.force, "demo", false, "browse the built-in demo workspace even when a token is set")
	cmd.Flags().IntVar(&f.size, "demo-size", 300, "number of conversations in the demo workspace")
}

// runBrowse connects to the workspace (the embedded demo without a token) and shows
// its open inbox.
func runBrowse(ctx context.Context, w io.Writer, conn connFlags, demo demoFlags) error {
	target, err := config.Resolve("", conn.baseURL, conn.region, nil)
	if err != nil {
		return err
	}
	label := target.Where()
	if demo.force || !target.HasToken() {
		if demo.size < 1 {
			return fmt.Errorf("--demo-size must be at least 1, got %d", demo.size)
		}
		srv, err := startEmbeddedDemo(ctx, demo.size)
		if err != nil {
			return fmt.Errorf("cannot start the demo workspace: %w", err)
		}
		defer srv.Close()
		target = config.Target{Token: srv.Workspace().Token(), TokenSource: "demo", BaseURL: srv.URL(), Region: api.RegionUS}
		label = "demo workspace"
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
	page, err := client.SearchConversations(ctx, query.Field("state").Eq(models.StateOpen), 20, "")
	if err != nil {
		return fmt.Errorf("loading the open inbox: %w", err)
	}
	ws := ""
	if me.App != nil {
		ws = sanitize.Line(me.App.Name)
	}
	fmt.Fprintf(w, "%s · %s · signed in as %s · %d open\n\n", ws, label, sanitize.Line(me.Name), page.TotalCount)
	now := time.Now()
	for _, c := range page.Items {
		fmt.Fprintln(w, inboxLine(c, now))
	}
	return nil
}

// inboxLine is one conversation as a plain-text row: waiting time, who, what, channel.
func inboxLine(c models.Conversation, now time.Time) string {
	who, what, channel := "", "", ""
	if c.Source != nil {
		who = string(c.Source.Author.Name)
		if who == "" {
			who = c.Source.Author.Email
		}
		what = c.Source.Subject
		if what == "" {
			what = plainText(c.Source.Body)
		}
		channel = c.Source.Type
	}
	mark := " "
	if !c.Read {
		mark = "●"
	}
	since := c.UpdatedAt
	if c.WaitingSince != 0 {
		since = int64(c.WaitingSince)
	}
	return fmt.Sprintf("%s %5s  %-22s %-50s %s", mark, ago(now.Sub(time.Unix(since, 0))),
		clip(sanitize.Line(who), 22), clip(sanitize.Line(what), 50), channel)
}

// plainText strips tags from an HTML body for a one-line preview.
func plainText(html string) string {
	var b strings.Builder
	in := false
	for _, r := range html {
		switch {
		case r == '<':
			in = true
			b.WriteByte(' ')
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// ago is a short waiting time: 4m, 2h, 3d.
func ago(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "now"
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh", int(d.Hours()))
	default:
		return fmt.Sprintf("%dd", int(d.Hours()/24))
	}
}
