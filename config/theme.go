package config

// Theme is the [theme] table.
type Theme struct {
	// Mode is auto (from the terminal's background, the default), dark or light.
	Mode string `toml:"mode"`
	// Icons is plain (any font, the default) or nerd (Nerd Font glyphs).
	Icons string `toml:"icons"`
	// Dark and Light set colours by role over the built-in palettes: accent = "#7C3AED".
	Dark  map[string]string `toml:"dark"`
	Light map[string]string `toml:"light"`
}

// checkTheme validates the [theme] table.
func (c *Config) checkTheme(at func(key ...string) string) error { return nil }
