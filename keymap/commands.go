package keymap

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
)

// CommandsGroup is the help group of the config's own commands ([[commands]]).
const CommandsGroup = "Commands"

// CommandKey is one [[commands]] entry as the keymap sees it: its key and its name.
type CommandKey struct{ Name, Key string }

// CommandKeyError is a command whose key cannot be bound. Index is its place in
// [[commands]], so the caller can name the config line.
type CommandKeyError struct {
	Index int
	Msg   string
}

func (e *CommandKeyError) Error() string { return e.Msg }

// AddCommands binds the commands' keys (km.Commands, in order). A command works in
// every pane, so its key may be no key of any action, in any help group (overlays
// included: the key must mean one thing wherever it is pressed), nor another command's.
// Errors are *CommandKeyError; km is unchanged then.
func AddCommands(km *KeyMap, cmds []CommandKey) error {
	owner := map[string]string{} // key → what uses it, for messages
	for _, a := range Actions() {
		for _, k := range km.binding(a).Keys() {
			if _, taken := owner[k]; !taken {
				owner[k] = fmt.Sprintf("the %s action (%s)", a.Name, a.Group)
			}
		}
	}
	bindings := make([]key.Binding, 0, len(cmds))
	for i, c := range cmds {
		if !ValidKeyName(c.Key) {
			return &CommandKeyError{i, fmt.Sprintf("command %q: %q is not a key name; write it as the help shows keys: ctrl+o, alt+m, f5, X", c.Name, c.Key)}
		}
		if what, taken := owner[c.Key]; taken {
			return &CommandKeyError{i, fmt.Sprintf("key %q is bound to both command %q and %s: commands work everywhere, so give the command a key nothing else uses (or rebind the action in [keys])", c.Key, c.Name, what)}
		}
		owner[c.Key] = fmt.Sprintf("command %q", c.Name)
		bindings = append(bindings, key.NewBinding(key.WithKeys(c.Key), key.WithHelp(c.Key, c.Name)))
	}
	km.Commands = bindings
	return nil
}

// NamedKeys are the key names besides single characters that a command may use, as
// tea.Key.String writes them (the palette can press each of them).
var NamedKeys = []string{"enter", "tab", "esc", "space", "backspace", "delete", "insert",
	"up", "down", "left", "right", "pgup", "pgdown", "home", "end",
	"f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10", "f11", "f12"}

// Modifiers are the prefixes of a key name, in tea.Key.String's order.
var Modifiers = []string{"ctrl+", "alt+", "shift+"}

// ValidKeyName reports whether name is a key as tea.Key.String writes it: optional
// modifiers in their order, then one character or one of NamedKeys.
func ValidKeyName(name string) bool {
	rest := name
	for _, m := range Modifiers {
		if r, ok := strings.CutPrefix(rest, m); ok && r != "" {
			rest = r
		}
	}
	for _, n := range NamedKeys {
		if rest == n {
			return true
		}
	}
	r, size := utf8.DecodeRuneInString(rest)
	return r != utf8.RuneError && size == len(rest) && r > ' ' && r != 0x7f
}
