package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/intercom-tui/intercom-tui/config"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

// A colour role the palette lacks, or a colour lipgloss cannot read, stops the start
// with the file, the line and the key, before anything connects.
func TestBrowseReportsThemeErrorsAtStart(t *testing.T) {
	for _, tc := range []struct{ text, line, want string }{
		{"[theme.dark]\nfg = \"#fff\"\nacent = \"#7C3AED\"\n", ":3", `theme.dark.acent: unknown colour role "acent"; did you mean accent?`},
		{"[theme]\nmode = \"dark\"\n\n[theme.light]\nfg = \"blue\"\n", ":5", "theme.light.fg: must be a colour"},
		{"[theme]\nicons = \"emoji\"\n", ":2", "theme.icons: must be one of plain, nerd"},
	} {
		path := writeConfig(t, tc.text)
		_, errOut, err := runRoot(t, "--config", path, "--demo", "--demo-size", "5")
		if err == nil || !strings.Contains(errOut, path+tc.line) || !strings.Contains(errOut, tc.want) {
			t.Errorf("%q: %v %q, want %s%s and %q", tc.text, err, errOut, path, tc.line, tc.want)
		}
	}
	_, errOut, err := runRoot(t, "--demo", "--demo-size", "5", "--icons", "emoji")
	if err == nil || !strings.Contains(errOut, "--icons must be plain or nerd") {
		t.Errorf("--icons emoji: %v %q", err, errOut)
	}
}

// [theme] mode and icons apply unless the flag was given; NO_COLOR counts when set to
// anything but empty (no-color.org), not only to what strconv.ParseBool reads.
func TestThemeSettingsFromTheFile(t *testing.T) {
	file, err := config.Load(writeConfig(t, "[theme]\nmode = \"light\"\nicons = \"nerd\"\n[theme.light]\naccent = \"#123456\"\n"), true)
	if err != nil {
		t.Fatal(err)
	}
	f := browseFlags{theme: "auto", icons: "plain"}.withConfig(file)
	if f.theme != "light" || f.icons != "nerd" {
		t.Errorf("from the file: theme %q icons %q", f.theme, f.icons)
	}
	given := browseFlags{theme: "dark", icons: "plain", changed: func(string) bool { return true }}.withConfig(file)
	if given.theme != "dark" || given.icons != "plain" {
		t.Errorf("flags must win: theme %q icons %q", given.theme, given.icons)
	}

	t.Setenv("NO_COLOR", "")
	look, err := configLook(file, f.icons)
	if err != nil || look.NoColor || look.Icons != "nerd" || look.Light["accent"] != "#123456" {
		t.Errorf("look = %+v, %v", look, err)
	}
	t.Setenv("NO_COLOR", "yes")
	if look, _ = configLook(file, f.icons); !look.NoColor {
		t.Error("NO_COLOR=yes: colours stay on")
	}
	if look, _ = configLook(nil, "plain"); !look.NoColor || look.Icons != "plain" {
		t.Errorf("no config file: %+v", look)
	}
}

// The [theme] part of `config init`'s template, uncommented, loads and names every
// role with its default colour.
func TestConfigInitThemeSectionLoads(t *testing.T) {
	text := defaultConfigText()
	start, end := strings.Index(text, "# [theme]"), strings.Index(text, "# Keys:")
	if start < 0 || end < start {
		t.Fatalf("no [theme] section in:\n%s", text)
	}
	toml := regexp.MustCompile(`(?m)^# (\[theme[a-z.]*\]|[a-z_]+ = )`).ReplaceAllString(text[start:end], "$1")
	file, err := config.Load(writeConfig(t, toml), true)
	if err != nil {
		t.Fatalf("%v\n%s", err, toml)
	}
	if _, err := configLook(file, "plain"); err != nil {
		t.Fatal(err)
	}
	th := file.Config.Theme
	if th.Mode != "auto" || th.Icons != "plain" || len(th.Dark) != len(theme.Roles()) || len(th.Light) != len(theme.Roles()) {
		t.Errorf("parsed %+v", th)
	}
	if th.Dark["accent"] != theme.Dark.Hex("accent") || th.Light["note_bg"] != theme.Light.Hex("note_bg") || th.Dark["accent"] == "" {
		t.Errorf("defaults: dark accent %q light note_bg %q", th.Dark["accent"], th.Light["note_bg"])
	}
}
