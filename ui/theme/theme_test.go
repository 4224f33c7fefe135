package theme

import (
	"errors"
	"image/color"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

func TestRolesAreThePaletteFieldsInSnakeCase(t *testing.T) {
	want := []string{"fg", "muted", "subtle", "accent", "accent_fg", "select_bg", "customer", "teammate", "bot",
		"note_bg", "note_fg", "success", "warning", "error", "error_fg", "unread", "priority", "status_bg", "status_fg"}
	if got := Roles(); !slices.Equal(got, want) {
		t.Errorf("Roles() = %v\nwant %v", got, want)
	}
}

func TestOverridesReplaceTheirRolesOnly(t *testing.T) {
	c := Config{Dark: map[string]string{"accent": "#7C3AED", "select_bg": "236"}, Light: map[string]string{"fg": "#000"}}
	s := c.Styles(true, "")
	if !sameColour(s.Palette.Accent, lipgloss.Color("#7C3AED")) || !sameColour(s.Palette.SelectBg, lipgloss.Color("236")) {
		t.Errorf("dark accent, select_bg = %v, %v", s.Palette.Accent, s.Palette.SelectBg)
	}
	if !sameColour(s.Palette.Fg, Dark.Fg) || !sameColour(s.Palette.Muted, Dark.Muted) {
		t.Error("a role not overridden changed")
	}
	// The styles are built from the overridden palette, not only the palette field.
	if !sameColour(s.Title.GetForeground(), lipgloss.Color("#7C3AED")) {
		t.Errorf("Title foreground = %v, want the override", s.Title.GetForeground())
	}
	// Light gets the light table; mode wins over the background.
	if l := c.Styles(true, "light"); l.Palette.Name != "light" || !sameColour(l.Palette.Fg, lipgloss.Color("#000")) ||
		!sameColour(l.Palette.Accent, Light.Accent) {
		t.Errorf("light = %s fg %v accent %v", l.Palette.Name, l.Palette.Fg, l.Palette.Accent)
	}
	if d := c.Styles(false, "dark"); d.Palette.Name != "dark" {
		t.Errorf("mode dark on a light terminal gave %s", d.Palette.Name)
	}
	// The built-in palettes are values: an override never leaks into them.
	if sameColour(Dark.Accent, lipgloss.Color("#7C3AED")) {
		t.Error("the override changed theme.Dark")
	}
}

func TestUnknownRoleSuggestsTheCloseOne(t *testing.T) {
	for role, near := range map[string]string{"acent": "accent", "selectbg": "select_bg", "accent-fg": "accent_fg", "backround": ""} {
		table, err := Config{Light: map[string]string{role: "#fff"}}.Check()
		var re *RoleError
		if !errors.As(err, &re) || re.Role != role || table != "light" {
			t.Fatalf("%s: Check() = %q, %v", role, table, err)
		}
		if near != "" && !slices.Contains(re.Near, near) {
			t.Errorf("%s: near %v, want %s; %v", role, re.Near, near, err)
		}
		if near == "" && !strings.Contains(err.Error(), "roles: fg, muted") {
			t.Errorf("%s: %v, want the list of roles", role, err)
		}
	}
	if _, err := (Config{Dark: map[string]string{"accent": "1"}}).Check(); err != nil {
		t.Errorf("a known role: %v", err)
	}
}

// colourSGR matches an SGR sequence with a colour parameter: 30-37, 38;…, 39, 40-47,
// 48;…, 49, 90-97, 100-107.
var colourSGR = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

func colourParams(s string) []string {
	var out []string
	for _, m := range colourSGR.FindAllStringSubmatch(s, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			if len(p) == 2 && (p[0] == '3' || p[0] == '4' || p[0] == '9') || len(p) == 3 && p[:2] == "10" {
				out = append(out, m[0])
			}
		}
	}
	return out
}

// Under NO_COLOR no style writes a colour, and what colour told is still told.
func TestMonoHasNoColour(t *testing.T) {
	for _, isDark := range []bool{true, false} {
		s := Config{NoColor: true, Dark: map[string]string{"accent": "#f00"}}.Styles(isDark, "")
		if !s.Mono || s.GlamourStyle() != "mono" {
			t.Fatalf("mono = %v, glamour %q", s.Mono, s.GlamourStyle())
		}
		v := reflect.ValueOf(s).Elem()
		for i := range v.NumField() {
			st, ok := v.Field(i).Interface().(lipgloss.Style)
			if !ok {
				continue
			}
			name := v.Type().Field(i).Name
			if out := st.Render("x y"); len(colourParams(out)) > 0 {
				t.Errorf("%s writes a colour: %q", name, out)
			}
		}
		for _, c := range []color.Color{s.Palette.Accent, s.Palette.Fg, s.Palette.SelectBg} {
			if _, ok := c.(lipgloss.NoColor); !ok {
				t.Errorf("palette colour %v under NO_COLOR", c)
			}
		}
		if !s.RowSelected.GetReverse() || !s.TabActive.GetReverse() || !s.NoteHeader.GetReverse() {
			t.Error("selection, the active tab and a note's header must be in reverse video")
		}
		if !s.ViewActive.GetUnderline() || !s.ViewActive.GetBold() {
			t.Error("the active view must be bold and underlined")
		}
	}
	if n := len(colourParams(New(Dark).RowSelected.Render("x"))); n == 0 {
		t.Error("the colour test finds no colour in a coloured style: it tests nothing")
	}
}

func TestIconsPlainByDefaultNerdOnOptIn(t *testing.T) {
	if got := New(Dark).Icons; got != PlainIcons {
		t.Errorf("New: icons %s", got.Name)
	}
	if got := (Config{}).Styles(true, "").Icons; got != PlainIcons {
		t.Errorf("no config: icons %s", got.Name)
	}
	if got := (Config{Icons: "nerd"}).Styles(true, ""); got.Icons != NerdIcons || got.GlamourStyle() != "dark|"+NerdIcons.Image {
		t.Errorf("nerd: icons %s, glamour %q", got.Icons.Name, got.GlamourStyle())
	}
	if got := (Config{Icons: "plain"}).Styles(false, "").GlamourStyle(); got != "light" {
		t.Errorf("plain light glamour style %q", got)
	}
}

// Every icon is one cell, so rows stay aligned in either set; plain ones are outside
// the private-use range (they must show in any font) and no emoji.
func TestIconsAreOneCell(t *testing.T) {
	for _, set := range []Icons{PlainIcons, NerdIcons} {
		v := reflect.ValueOf(set)
		for i := range v.NumField() {
			name := v.Type().Field(i).Name
			if name == "Name" {
				continue
			}
			icon := v.Field(i).String()
			if w := ansi.StringWidth(icon); w != 1 || len([]rune(icon)) != 1 {
				t.Errorf("%s.%s = %q is %d cells", set.Name, name, icon, w)
			}
			r := []rune(icon)[0]
			if set.Name == "plain" && (r >= 0xE000 && r <= 0xF8FF || r >= 0x1F000) {
				t.Errorf("plain.%s = %q is a private-use or emoji code point", name, icon)
			}
			if set.Name == "nerd" && name != "Pointer" && name != "Bullet" && (r < 0xE000 || r > 0xF8FF) {
				t.Errorf("nerd.%s = %q is not a Nerd Font glyph", name, icon)
			}
		}
	}
}

func sameColour(a, b color.Color) bool {
	if a == nil || b == nil {
		return a == b
	}
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}
