package config

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/intercom-tui/intercom-tui/usercmd"
)

// Command is a shell command bound to a key ([[commands]]).
type Command struct {
	// Name is what the help overlay, the palette and the result toast call it.
	Name string `toml:"name"`
	// Key runs it, from any pane ("ctrl+o"); it may not be a key the app already uses.
	Key string `toml:"key"`
	// Run is the command for sh -c, a template over the item in focus ({{.ContactEmail}};
	// usercmd.Values lists them). Values are shell-quoted when it runs.
	Run string `toml:"run"`
	// Terminal hands the terminal to the command until it exits (less, vim, a pager);
	// otherwise it runs in the background and a toast shows its first line of output.
	Terminal bool `toml:"terminal"`
}

// checkCommands trims and validates [[commands]]: a name, a key and a run template
// that parses (only plain values, outside quotes). Whether a key clashes with the app's
// own keys is for keymap, once [keys] is applied.
func (c *Config) checkCommands(at func(key ...string) string) error {
	for i := range c.Commands {
		cmd := &c.Commands[i]
		cmd.Name, cmd.Key = strings.TrimSpace(cmd.Name), strings.TrimSpace(cmd.Key)
		field := func(k string) string { return at("commands", strconv.Itoa(i), k) }
		table := at("commands", strconv.Itoa(i)) // a missing key has no line: its table's
		switch {
		case cmd.Name == "":
			return fmt.Errorf("%s: [[commands]] number %d has no name: give it one for the help and the palette", table, i+1)
		case cmd.Key == "":
			return fmt.Errorf("%s: command %q has no key, e.g. key = \"ctrl+o\"", table, cmd.Name)
		case strings.ContainsAny(cmd.Key, " \t"):
			return fmt.Errorf("%s: command %q: one key per command, got %q", field("key"), cmd.Name, cmd.Key)
		}
		if _, err := usercmd.Parse(cmd.Run); err != nil {
			return fmt.Errorf("%s: command %q: run %w", field("run"), cmd.Name, err)
		}
	}
	return nil
}
