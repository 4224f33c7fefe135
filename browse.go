package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/api/query"
	"github.com/intercom-tui/intercom-tui/config"
	"github.com/intercom-tui/intercom-tui/drafts"
	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/phone"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/store"
	"github.com/intercom-tui/intercom-tui/ui"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
	"github.com/intercom-tui/intercom-tui/usercmd"
	"github.com/intercom-tui/intercom-tui/workspace"
)

type browseFlags struct {
	force    bool
	size     int
	theme    string
	icons    string
	refresh  time.Duration
	markRead bool
	syncAge  time.Duration
	region   string
	// defaultView is the conversations view shown first, from the config file.
	defaultView string
	mouse       bool   // clicks and the wheel; false leaves the mouse to the terminal
	clock       string // hidden: stops the demo's and the UI's clock (scripts/screenshots)
	// changed reports whether a flag was given (cobra's Flags().Changed); nil: none
	// was, so the config file's settings apply.
	changed func(name string) bool
}

func (f browseFlags) given(name string) bool { return f.changed != nil && f.changed(name) }

func (f *browseFlags) register(cmd *cobra.Command) {
	cmd.Flags().BoolVar(&f.force, "demo", false, "browse the built-in demo workspace even when a token is set")
	cmd.Flags().IntVar(&f.size, "demo-size", 300, "number of conversations in the demo workspace")
	cmd.Flags().StringVar(&f.theme, "theme", "auto", "colours: auto (from the terminal background), dark or light; default from [theme] mode")
	cmd.Flags().StringVar(&f.icons, "icons", "plain", "icons: plain (any font) or nerd (a Nerd Font's glyphs); default from [theme] icons")
	cmd.Flags().DurationVar(&f.refresh, "refresh", shared.DefaultSettings().RefreshInterval, "refresh the inbox this often (0 turns it off)")
	cmd.Flags().BoolVar(&f.markRead, "mark-read", true, "opening a conversation marks it read (--mark-read=false leaves it unread)")
	cmd.Flags().DurationVar(&f.syncAge, "sync-age", shared.DefaultSettings().HelpCenterMaxAge,
		"at start, sync the help center in the background when the offline copy is older than this (0 never does)")
	cmd.Flags().StringVar(&f.region, "phone-region", shared.DefaultSettings().PhoneRegion,
		"the country (ISO 3166 code, e.g. IE) a phone number typed without its country code is read in; default from "+phone.EnvRegion+" or the locale")
	cmd.Flags().BoolVar(&f.mouse, "mouse", true, "clicks and the wheel (--mouse=false leaves the mouse to the terminal's own text selection)")
	cmd.Flags().StringVar(&f.clock, "clock", "", "stop the clock at this RFC 3339 time (reproducible screenshots)")
	_ = cmd.Flags().MarkHidden("clock")
}

// runBrowse connects to the workspace (the embedded demo without a token) and runs the
// inbox. When stdout is not a terminal it prints the open inbox as text instead.
func runBrowse(ctx context.Context, w io.Writer, conn connFlags, demo browseFlags) error {
	softMemoryLimit()
	file, err := loadConfig(ctx)
	if err != nil {
		return err
	}
	// Key overrides and the keys of [[commands]] are checked before anything connects,
	// so a conflict is reported before the TUI opens.
	keys, err := configKeys(file)
	if err != nil {
		return err
	}
	commands, err := configCommands(file, keys)
	if err != nil {
		return err
	}
	saved, err := savedReplies(file)
	if err != nil {
		return err
	}
	demo = demo.withConfig(file)
	look, err := configLook(file, demo.icons)
	if err != nil {
		return err
	}
	if !phone.ValidRegion(demo.region) {
		return fmt.Errorf("--phone-region must be a country code such as IE, US or GB, got %q", demo.region)
	}
	// --demo needs no token: a token_command (a password prompt, maybe) is not run.
	var target config.Target
	if !demo.force {
		if target, err = resolveTargetFrom(ctx, conn, file); err != nil {
			return err
		}
	}
	clk, err := clockFlag(demo.clock)
	if err != nil {
		return err
	}
	where := target.Where()
	isDemo := demo.force || !target.HasToken()
	if isDemo {
		if demo.size < 1 {
			return fmt.Errorf("--demo-size must be at least 1, got %d", demo.size)
		}
		srv, err := startEmbeddedDemoAt(ctx, demo.size, clk)
		if err != nil {
			return fmt.Errorf("cannot start the demo workspace: %w", err)
		}
		defer srv.Close()
		target = demoTarget(ctx, srv.Workspace().Token(), srv.URL(), "demo")
		where = "demo workspace"
	}
	client, err := api.New(target.Options()...)
	if err != nil {
		return err
	}
	switch demo.theme {
	case "auto", "dark", "light":
	default:
		return fmt.Errorf("--theme must be auto, dark or light, got %q", demo.theme)
	}
	switch demo.icons {
	case "plain", "nerd":
	default:
		return fmt.Errorf("--icons must be plain or nerd, got %q", demo.icons)
	}
	if !isTerminal(w) {
		return printInbox(ctx, w, client, target, where)
	}
	if demo.syncAge < 0 {
		return fmt.Errorf("--sync-age must be 0 (never) or a positive duration, got %s", demo.syncAge)
	}
	if demo.refresh < 0 {
		return fmt.Errorf("--refresh must be 0 (off) or a positive duration, got %s", demo.refresh)
	}
	settings := shared.DefaultSettings()
	settings.PhoneRegion = strings.ToUpper(demo.region)
	settings.RefreshInterval = demo.refresh
	settings.MarkReadOnOpen = demo.markRead
	settings.HelpCenterMaxAge = demo.syncAge
	settings.DefaultView = demo.defaultView
	settings.Bell = file != nil && file.Config.Bell
	settings.NoMouse = !demo.mouse
	draftsDir, err := drafts.DefaultDir()
	if err != nil {
		return err
	}
	draftStore, err := drafts.Open(draftsDir)
	if err != nil {
		return err
	}
	storePath, err := store.PathFor(target.WorkspaceKey())
	if err != nil {
		return err
	}
	cache, err := store.Open(storePath)
	if err != nil {
		return fmt.Errorf("the offline store: %w", err)
	}
	defer cache.Close()
	uictx := &shared.Context{
		WS:       workspace.New(client, isDemo),
		Keys:     keys,
		Now:      clk.Now,
		Settings: settings,
		Drafts:   draftStore,
		Store:    cache,
		Replies:  saved,
	}
	// A panic anywhere in the UI names no secret: the token is redacted from toasts,
	// crash logs and the line below.
	crash := ui.Crash{Redact: ui.Redactor(target.Token), Log: sessionFrom(ctx).debug}
	p := tea.NewProgram(ui.New(uictx, ui.Options{Where: where, Theme: strings.TrimPrefix(demo.theme, "auto"), Look: look,
		Notice: cache.Notice(), Crash: crash, Commands: commands}), tea.WithContext(ctx))
	_, err = ui.Run(p, crash)
	usercmd.StopAll() // no [[commands]] command outlives the app
	var crashed *ui.CrashError
	switch {
	case errors.As(err, &crashed):
		// Bubble Tea restored the terminal; one line says so (not a stack over the shell).
		fmt.Fprintln(os.Stderr, crashed.Error())
		return exitCode(1)
	case errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil:
		return nil // interrupted by a signal: a normal way out
	}
	return err
}

// configKeys is the default keymap with the config file's [keys] applied. Errors name
// the file and the line of the [keys] table.
func configKeys(file *config.File) (*keymap.KeyMap, error) {
	km := keymap.Default()
	if file == nil || len(file.Config.Keys) == 0 {
		return km, nil
	}
	if err := keymap.Apply(km, file.Config.Keys); err != nil {
		where := file.Path
		if line := file.Line("keys"); line > 0 {
			where = fmt.Sprintf("%s:%d", file.Path, line)
		}
		return nil, fmt.Errorf("config file %s: [keys]: %w", where, err)
	}
	return km, nil
}

// configLook is the theme the config file's [theme] asks for, icons being the
// set --icons or the file chose, with NO_COLOR read from the environment. A colour
// role the palette does not have is named with the file and line; the config package
// has already checked the mode, the icon set and each colour's syntax.
func configLook(file *config.File, icons string) (theme.Config, error) {
	look := theme.Config{Icons: icons, NoColor: theme.NoColor()}
	if file == nil {
		return look, nil
	}
	look.Dark, look.Light = file.Config.Theme.Dark, file.Config.Theme.Light
	table, err := look.Check()
	var re *theme.RoleError
	if errors.As(err, &re) {
		where := file.Path
		if line := file.Line("theme", table, re.Role); line > 0 {
			where = fmt.Sprintf("%s:%d", file.Path, line)
		}
		return look, fmt.Errorf("config file %s: theme.%s.%s: %w", where, table, re.Role, err)
	}
	return look, err
}

// withConfig fills the settings no flag gave from the config file (its profile merged
// in). The phone region's environment variable still wins over the file (phoneRegion).
func (f browseFlags) withConfig(file *config.File) browseFlags {
	if file == nil {
		return f
	}
	c := file.Config
	if d, ok := c.RefreshInterval(); ok && !f.given("refresh") {
		f.refresh = d
	}
	if !f.given("phone-region") {
		f.region, _ = phoneRegion(c.PhoneRegion)
	}
	f.defaultView = c.DefaultView
	if c.Theme.Mode != "" && !f.given("theme") {
		f.theme = c.Theme.Mode
	}
	if c.Theme.Icons != "" && !f.given("icons") {
		f.icons = c.Theme.Icons
	}
	if c.Mouse != nil && !f.given("mouse") {
		f.mouse = *c.Mouse
	}
	return f
}

// isTerminal reports whether w is a terminal (the TUI needs one).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// printInbox prints the open inbox as text: for pipes, scripts and tests.
func printInbox(ctx context.Context, w io.Writer, client *api.Client, target config.Target, where string) error {
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
	fmt.Fprintf(w, "%s · %s · signed in as %s · %d open\n\n", ws, where, sanitize.Line(me.Name), page.TotalCount)
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

// appMemoryLimit is the heap size the collector aims to stay under when GOMEMLIMIT is
// not set. An inbox paged through 100k conversations keeps well under it live, but
// without a limit the heap grows to twice the live size between collections (221 MB
// peak RSS measured, 145 MB with this limit: BENCHMARKS.md). It is soft: a bigger
// workspace still loads, with more frequent collections.
const appMemoryLimit = 100 << 20

func softMemoryLimit() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(appMemoryLimit)
	}
}
