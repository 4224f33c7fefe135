package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/intercom-tui/intercom-tui/config"
	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/ui/theme"
	"github.com/intercom-tui/intercom-tui/usercmd"
)

func newConfigCmd(stdout, stderr io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "write, locate or edit the config file",
		Args:  cobra.NoArgs,
	}
	var force bool
	initCmd := &cobra.Command{
		Use:   "init",
		Short: "write a commented default config file (0600); --force overwrites one",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			path, err := configFilePath(c)
			if err != nil {
				return err
			}
			if err := writeDefaultConfig(path, force); err != nil {
				return err
			}
			fmt.Fprintln(stdout, "wrote", path)
			return nil
		},
	}
	initCmd.Flags().BoolVar(&force, "force", false, "overwrite an existing config file")
	pathCmd := &cobra.Command{
		Use:   "path",
		Short: "print where the config file is read from",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			path, err := configFilePath(c)
			if err != nil {
				return err
			}
			fmt.Fprintln(stdout, path)
			return nil
		},
	}
	editCmd := &cobra.Command{
		Use:   "edit",
		Short: "open the config file in $EDITOR (writing the default first when there is none), then check it",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			path, err := configFilePath(c)
			if err != nil {
				return err
			}
			return editConfig(path, stderr)
		},
	}
	cmd.AddCommand(initCmd, pathCmd, editCmd)
	return cmd
}

func configFilePath(c *cobra.Command) (string, error) {
	path, _ := configPath(c.Context())
	if path == "" {
		return "", errors.New("no config directory: set XDG_CONFIG_HOME or pass --config FILE")
	}
	return path, nil
}

// writeDefaultConfig writes the commented default, private from the start (it is where
// a token goes). An existing file is kept unless force.
func writeDefaultConfig(path string, force bool) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("config file: %w", err)
	}
	flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if force {
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(path, flags, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("config file %s already exists (intercom-tui config init --force overwrites it)", path)
	}
	if err != nil {
		return fmt.Errorf("config file: %w", err)
	}
	// --force on a file others could read: make it private too.
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return fmt.Errorf("config file: %w", err)
	}
	if _, err := io.WriteString(f, defaultConfigText()); err != nil {
		f.Close()
		return fmt.Errorf("config file: %w", err)
	}
	return f.Close()
}

// editConfig runs $EDITOR (else $VISUAL, else vi) on the file through sh, so an EDITOR
// with arguments ("code --wait") works, then loads the result to report mistakes now.
func editConfig(path string, stderr io.Writer) error {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		if err := writeDefaultConfig(path, false); err != nil {
			return err
		}
	}
	editor := os.Getenv("EDITOR")
	if editor == "" {
		editor = os.Getenv("VISUAL")
	}
	if editor == "" {
		editor = "vi"
	}
	cmd := exec.Command("sh", "-c", editor+` "$1"`, "sh", path)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("editor %q: %w", editor, err)
	}
	file, err := config.Load(path, true)
	if err != nil {
		return err
	}
	km, err := configKeys(file)
	if err != nil {
		return err
	}
	if _, err := configCommands(file, km); err != nil {
		return err
	}
	for name := range file.Config.Profiles {
		if _, err := file.Select(name); err != nil {
			return err
		}
	}
	return nil
}

// defaultConfigText is the commented default config: every setting and every
// rebindable action with its default keys, all commented out so it loads as empty.
func defaultConfigText() string {
	var b strings.Builder
	b.WriteString(`# intercom-tui config (TOML). Every line is commented out: uncomment what you change.
# Precedence: command-line flags, then the environment (INTERCOM_TOKEN, INTERCOM_REGION,
# INTERCOM_BASE_URL, INTERCOM_PHONE_REGION), then the chosen profile, then the top level.
# Keep this file private (chmod 600) when it holds a token.

# token = "…"                          # an Intercom access token, or:
# token_command = "pass show intercom" # run with sh -c; its output is the token
# region = "us"                        # us, eu or au
# base_url = "https://…"               # overrides the region's API host
# phone_region = "IE"                  # country of phone numbers typed without +code
# refresh = "60s"                      # inbox refresh interval; "0" turns it off
# default_view = "open"                # the inbox view at start: open, unassigned, mine, snoozed, closed
# bell = false                         # ring the terminal bell when a refresh finds new unassigned conversations
# default_profile = "eu-support"       # used when --profile / INTERCOM_PROFILE is not given
# replies_dir = "~/intercom-replies"   # saved replies: one .md file each, named by its first "# heading" or file name
# mouse = true                         # clicks and the wheel; false leaves the mouse to the terminal

# Profiles are other workspaces: intercom-tui --profile eu-support. Each takes the keys
# above (except default_profile, bell, replies_dir and mouse); what a profile leaves out
# comes from the top level.
# [profiles.eu-support]
# region = "eu"
# token_command = "pass show intercom-eu"
# phone_region = "IE"
# refresh = "30s"
# default_view = "unassigned"

# Saved replies: ctrl+r in the composer inserts one (also from replies_dir above).
# {{first_name}}, {{last_name}}, {{name}}, {{email}} (the customer), {{admin_name}} and
# {{admin_first_name}} (you) are filled in; one without a value stays in the text and
# the reply is not sent until you replace it.
# [[replies]]
# name = "Refund on its way"
# body = """
# Hi {{first_name}},
#
# your refund is on its way to the card on file for {{email}}.
#
# {{admin_first_name}}
# """

# Theme: colours follow the terminal's background. NO_COLOR (set and not empty) turns
# every colour off; selection and focus then show in reverse video and bold.
# [theme]
# mode = "auto"                        # auto, dark or light (--theme wins)
# icons = "plain"                      # plain (any font) or nerd (a Nerd Font; --icons wins)
# Colours by role over the built-in palettes: "#RRGGBB", "#RGB" or an ANSI number 0-255.
# The values below are the defaults.
`)
	for _, p := range []theme.Palette{theme.Dark, theme.Light} {
		fmt.Fprintf(&b, "# [theme.%s]\n", p.Name)
		for _, role := range theme.Roles() {
			fmt.Fprintf(&b, "# %s = %q\n", role, p.Hex(role))
		}
	}
	b.WriteString(`
# Keys: rebind any action to one or more keys. A key bound to two actions active
# together (the same help group, or a global key and any other) is reported at start.
# [keys]
`)
	km := keymap.Default()
	group := ""
	for _, a := range keymap.Actions() {
		if a.Group != group {
			group = a.Group
			fmt.Fprintf(&b, "# — %s\n", group)
		}
		bind, _ := km.Lookup(a.Name)
		quoted := make([]string, len(bind.Keys()))
		for i, k := range bind.Keys() {
			quoted[i] = fmt.Sprintf("%q", k)
		}
		fmt.Fprintf(&b, "# %s = [%s]  # %s\n", a.Name, strings.Join(quoted, ", "), bind.Help().Desc)
	}
	b.WriteString(commandsExample())
	return b.String()
}

// commandsExample is the commented [[commands]] part of the default config; the values
// listed are usercmd's own, so the list cannot drift.
func commandsExample() string {
	names := usercmd.Names()
	for i, n := range names {
		names[i] = "{{." + n + "}}"
	}
	return `
# Commands: your own shell commands, bound to keys, run with sh -c on the item in focus
# (the conversation, ticket, contact or article). run is a template over these values:
# ` + strings.Join(names, " ") + `
# ({{.URL}} is the item's page in Intercom's web app, or the article's address). Each value
# is quoted for the shell, so write {{.ContactEmail}}, never '{{.ContactEmail}}'. A value
# the item in focus lacks (no email on a ticket) runs nothing and says so.
# A command runs in the background, its first line of output shown (stopped after 30s),
# unless terminal = true hands it the terminal (a pager, an editor) until it exits.
# Its key must be one no action uses (help: ?); INTERCOM_TOKEN is not passed to it.
# [[commands]]
# name = "Open in the browser"
# key = "ctrl+o"
# run = "xdg-open {{.URL}}"
#
# [[commands]]
# name = "Copy the customer's email"
# key = "ctrl+e"
# run = "printf %s {{.ContactEmail}} | wl-copy && echo copied {{.ContactEmail}}"
#
# [[commands]]
# name = "Read it in w3m"
# key = "f2"
# terminal = true
# run = "w3m {{.URL}}"
`
}
