package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Reply is one saved reply ([[replies]]).
type Reply struct {
	Name string `toml:"name"`
	Body string `toml:"body"`
}

// checkReplies validates [[replies]] and replies_dir: every reply has a name and a
// body, no two share a name (case ignored: the picker would show two alike), and a
// leading ~/ of replies_dir is expanded. Whether the folder exists is checked when its
// files are loaded (package replies), so that a config file can be checked anywhere.
func (c *Config) checkReplies(at func(key ...string) string) error {
	seen := map[string]bool{}
	for i := range c.Replies {
		r := &c.Replies[i]
		r.Name = strings.TrimSpace(r.Name)
		// Entries are named by index ("replies.1" is the second [[replies]]): at finds
		// that entry's own line. A key that is missing points at the entry's header.
		n := strconv.Itoa(i)
		switch {
		case r.Name == "":
			return fmt.Errorf("%s: this saved reply has no name: give it one, e.g. name = \"Refund on its way\"", at("replies", n))
		case strings.TrimSpace(r.Body) == "":
			return fmt.Errorf("%s: saved reply %q has no body: the text to insert", at("replies", n), r.Name)
		case seen[strings.ToLower(r.Name)]:
			return fmt.Errorf("%s: saved reply %q is defined twice: rename one", at("replies", n, "name"), r.Name)
		}
		seen[strings.ToLower(r.Name)] = true
	}
	c.RepliesDir = strings.TrimSpace(c.RepliesDir)
	if rest, ok := strings.CutPrefix(c.RepliesDir, "~/"); ok || c.RepliesDir == "~" {
		home, err := os.UserHomeDir()
		if err != nil {
			return fmt.Errorf("%s: cannot expand ~: %v (give the full path)", at("replies_dir"), err)
		}
		c.RepliesDir = filepath.Join(home, rest)
	}
	return nil
}
