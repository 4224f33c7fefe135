package main

import (
	"fmt"
	"path/filepath"

	"github.com/intercom-tui/intercom-tui/config"
	"github.com/intercom-tui/intercom-tui/replies"
)

// savedReplies loads the config file's saved replies ([[replies]] and the replies_dir
// folder) before the screen opens, so that a missing folder or a bad file is reported
// at once with the config file and line that named it, and the UI reads no disk.
// A relative replies_dir is read from the config file's folder, not from wherever the
// app was started.
func savedReplies(file *config.File) ([]replies.Reply, error) {
	if file == nil {
		return nil, nil
	}
	c := file.Config
	list := make([]replies.Reply, len(c.Replies))
	for i, r := range c.Replies {
		list[i] = replies.Reply{Name: r.Name, Body: r.Body, From: "config"}
	}
	dir := c.RepliesDir
	if dir != "" && !filepath.IsAbs(dir) {
		dir = filepath.Join(filepath.Dir(file.Path), dir)
	}
	out, err := replies.Load(list, dir)
	if err != nil {
		where := file.Path
		if line := file.Line("replies_dir"); line > 0 && dir != "" {
			where = fmt.Sprintf("%s:%d", file.Path, line)
		}
		return nil, fmt.Errorf("config file %s: %w", where, err)
	}
	return out, nil
}
