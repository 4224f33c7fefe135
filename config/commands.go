package config

// Command is a shell command bound to a key ([[commands]]).
type Command struct {
	Name string `toml:"name"`
	Key  string `toml:"key"`
	Run  string `toml:"run"`
}

// checkCommands validates [[commands]].
func (c *Config) checkCommands(at func(key ...string) string) error { return nil }
