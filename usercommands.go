package main

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/intercom-tui/intercom-tui/config"
	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/ui"
	"github.com/intercom-tui/intercom-tui/usercmd"
)

// configCommands binds the config file's [[commands]] into km (after [keys], so a key
// an override freed is free) and returns them ready to run. It runs before anything
// connects: a key clash is reported like a [keys] conflict, with the command's line.
func configCommands(file *config.File, km *keymap.KeyMap) ([]ui.Command, error) {
	if file == nil || len(file.Config.Commands) == 0 {
		return nil, nil
	}
	cmds := file.Config.Commands
	keys := make([]keymap.CommandKey, len(cmds))
	out := make([]ui.Command, len(cmds))
	for i, c := range cmds {
		// Load checked the template already; this parse cannot fail but is not assumed.
		tm, err := usercmd.Parse(c.Run)
		if err != nil {
			return nil, fmt.Errorf("config file %s: command %q: run %w", commandWhere(file, i, "run"), c.Name, err)
		}
		keys[i] = keymap.CommandKey{Name: c.Name, Key: c.Key}
		out[i] = ui.Command{Name: c.Name, Run: tm, Terminal: c.Terminal}
	}
	if err := keymap.AddCommands(km, keys); err != nil {
		var ke *keymap.CommandKeyError
		if errors.As(err, &ke) {
			return nil, fmt.Errorf("config file %s: [[commands]]: %w", commandWhere(file, ke.Index, "key"), err)
		}
		return nil, err
	}
	return out, nil
}

// commandWhere is "path:line" of field of the i-th [[commands]] (its table when the
// field has no line of its own), or the path alone.
func commandWhere(file *config.File, i int, field string) string {
	n := strconv.Itoa(i)
	if line := file.Line("commands", n, field); line > 0 {
		return fmt.Sprintf("%s:%d", file.Path, line)
	}
	if line := file.Line("commands", n); line > 0 {
		return fmt.Sprintf("%s:%d", file.Path, line)
	}
	return file.Path
}
