package ui

import (
	"context"
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/usercmd"
)

// Command is a [[commands]] entry ready to run. Options.Commands[i] is bound to
// Keys.Commands[i] (keymap.AddCommands), which puts it in the help and the palette.
type Command struct {
	Name string
	Run  *usercmd.Template
	// Terminal hands the terminal to the command (tea.ExecProcess) until it exits.
	Terminal bool
}

// commandKey is the index of the command msg presses, or -1.
func (a App) commandKey(msg tea.KeyPressMsg) int {
	for i, b := range a.ctx.Keys.Commands {
		if i < len(a.opts.Commands) && key.Matches(msg, b) {
			return i
		}
	}
	return -1
}

// runCommand renders command i over the active pane's focus, as it is now, and runs
// it in a command. A value the template needs and the focus lacks runs nothing.
func (a App) runCommand(i int) (App, tea.Cmd) {
	c := a.opts.Commands[i]
	script, err := c.Run.Render(a.panes[a.active].CommandValues())
	var missing *usercmd.MissingError
	switch {
	case errors.As(err, &missing):
		return a.showToast(shared.ToastMsg{Text: c.Name + ": not run, " + missingText(missing) + " here", Error: true})
	case err != nil:
		return a.showToast(shared.ToastMsg{Text: c.Name + ": " + err.Error(), Error: true})
	case c.Terminal:
		return a, inTerminal(c.Name, script)
	}
	// The toast says it started (a command may take seconds); the result replaces it.
	// It is set here, not sent as a message, so that it can never land after the result.
	a, tick := a.showToast(shared.ToastMsg{Text: c.Name + ": running…"})
	return a, tea.Batch(tick, inBackground(c.Name, script))
}

// missingText names the values the focus lacks, as the template writes them.
func missingText(e *usercmd.MissingError) string {
	names := make([]string, len(e.Names))
	for i, n := range e.Names {
		names[i] = "{{." + n + "}}"
	}
	return "nothing in focus has " + strings.Join(names, " or ")
}

// inBackground runs script with a timeout; its first line of output (or how it failed)
// comes back as a toast.
func inBackground(name, script string) tea.Cmd {
	return func() tea.Msg {
		text, failed := usercmd.Background(context.Background(), script, usercmd.Timeout).Summary(name)
		return shared.ToastMsg{Text: text, Error: failed}
	}
}

// inTerminal hands the terminal to script until it exits. The process is built inside
// the command: finding sh on $PATH and reading the environment are no work for Update.
func inTerminal(name, script string) tea.Cmd {
	return func() tea.Msg {
		done := func(err error) tea.Msg {
			if err != nil {
				return shared.ToastMsg{Text: name + " failed: " + err.Error(), Error: true}
			}
			return shared.ToastMsg{Text: name + ": done"}
		}
		return tea.ExecProcess(usercmd.Interactive(script), done)()
	}
}
