package config

// Reply is one saved reply ([[replies]]).
type Reply struct {
	Name string `toml:"name"`
	Body string `toml:"body"`
}

// checkReplies validates [[replies]] and replies_dir.
func (c *Config) checkReplies(at func(key ...string) string) error { return nil }
