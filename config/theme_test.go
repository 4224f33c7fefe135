package config

import (
	"strings"
	"testing"
)

func TestThemeTableParses(t *testing.T) {
	c, err := Parse("c.toml", []byte(`[theme]
mode = " Light "
icons = "nerd"

[theme.dark]
accent = "#7C3AED"
select_bg = "236"

[theme.light]
fg = "#000"
`))
	if err != nil {
		t.Fatal(err)
	}
	th := c.Theme
	if th.Mode != "light" || th.Icons != "nerd" {
		t.Errorf("mode, icons = %q, %q; want light, nerd (trimmed, lower case)", th.Mode, th.Icons)
	}
	if th.Dark["accent"] != "#7C3AED" || th.Dark["select_bg"] != "236" || th.Light["fg"] != "#000" {
		t.Errorf("colours = %v %v", th.Dark, th.Light)
	}
}

// Every mistake names the file, the line and the key, and says what would do.
func TestThemeErrorsNameFileLineKey(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"[theme]\nmode = \"dusk\"\n", `config file c.toml:2: theme.mode: must be one of auto, dark, light, got "dusk"`},
		{"[theme]\n\nicons = \"emoji\"\n", `config file c.toml:3: theme.icons: must be one of plain, nerd, got "emoji"`},
		{"[theme.dark]\nfg = \"#fff\"\naccent = \"blue\"\n", `config file c.toml:3: theme.dark.accent: must be a colour`},
		{"[theme.light]\nmuted = \"#12345\"\n", `c.toml:2: theme.light.muted`},
		{"[theme.light]\nmuted = \"256\"\n", `c.toml:2: theme.light.muted`},
		{"theme.dark.error = \"-1\"\n", `c.toml:1: theme.dark.error`},
	} {
		_, err := Parse("c.toml", []byte(tc.text))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want it to contain %q", tc.text, err, tc.want)
		}
	}
}

func TestValidColour(t *testing.T) {
	for s, want := range map[string]bool{
		"#7C3AED": true, "#7ce": true, "#ABCDEF": true, "0": true, "9": true, "255": true,
		"": false, "#": false, "#12": false, "#12345": false, "#GGGGGG": false, "#+12": false,
		"256": false, "-1": false, "+5": false, "007": false, "1000": false, "red": false, " 12": false,
	} {
		if got := ValidColour(s); got != want {
			t.Errorf("ValidColour(%q) = %v, want %v", s, got, want)
		}
	}
}
