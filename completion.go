package main

import (
	"os"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/intercom-tui/intercom-tui/config"
)

// registerCompletions gives the flags whose values are a fixed set (or the config
// file's profiles) completions of their own; cobra's `completion bash|zsh|fish|powershell`
// command writes the scripts, which call back into the binary for these.
func registerCompletions(root *cobra.Command) {
	fixed := map[string][]string{
		"region":       {"us\tUS (api.intercom.io)", "eu\tEU (api.eu.intercom.io)", "au\tAU (api.au.intercom.io)"},
		"theme":        {"auto\tfrom the terminal background", "dark", "light"},
		"phone-region": nil, // any ISO country code: no list worth offering
	}
	for _, c := range allCommands(root) {
		for name, values := range fixed {
			if c.Flags().Lookup(name) == nil || values == nil {
				continue
			}
			_ = c.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
		}
	}
	_ = root.RegisterFlagCompletionFunc("profile", completeProfiles)
	// --config and --debug name files: the shell's own file completion is right.
}

// completeProfiles lists the [profiles.NAME] tables of the config file the command
// line names (--config), else the default one. A file that does not load offers none.
func completeProfiles(cmd *cobra.Command, _ []string, prefix string) ([]string, cobra.ShellCompDirective) {
	path, _ := cmd.Flags().GetString("config")
	if path == "" {
		var err error
		if path, err = config.DefaultPath(); err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
	}
	if _, err := os.Stat(path); err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	file, err := config.Load(path, true)
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for name := range file.Config.Profiles {
		if strings.HasPrefix(name, prefix) {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out, cobra.ShellCompDirectiveNoFileComp
}
