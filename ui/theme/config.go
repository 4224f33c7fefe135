package theme

import (
	"os"
	"reflect"

	"charm.land/lipgloss/v2"
)

// Config is the user's theme settings, all but the terminal's background: colours by
// role over each palette, the icon set, and NO_COLOR.
type Config struct {
	Dark, Light map[string]string // role → colour ([theme.dark], [theme.light])
	Icons       string            // "nerd", else plain
	NoColor     bool              // NoColor() at start-up
}

// NoColor reports whether NO_COLOR asks for no colour: set and not empty, whatever
// its value (no-color.org). colorprofile reads it with strconv.ParseBool, so
// NO_COLOR=yes would still get colours from Bubble Tea alone; the mono styles carry
// none in the first place.
func NoColor() bool { return os.Getenv("NO_COLOR") != "" }

// Check reports the first override naming no role (a *RoleError) and which table
// ("dark" or "light") it is in.
func (c Config) Check() (table string, err error) {
	if err := CheckRoles(c.Dark); err != nil {
		return "dark", err
	}
	if err := CheckRoles(c.Light); err != nil {
		return "light", err
	}
	return "", nil
}

// Styles is the theme for a terminal background; mode ("dark"/"light") wins over it.
// Overrides were checked at start-up (Check); one that fails here is left out.
func (c Config) Styles(isDark bool, mode string) *Styles {
	p, over := Light, c.Light
	if mode == "dark" || (mode != "light" && isDark) {
		p, over = Dark, c.Dark
	}
	if q, err := p.With(over); err == nil {
		p = q
	}
	var s *Styles
	if c.NoColor {
		s = NewMono(p)
	} else {
		s = New(p)
	}
	s.Icons = IconSet(c.Icons)
	return s
}

// NewMono builds the Styles of a palette without a colour (NO_COLOR). Everything
// colour told is told by the text's attributes instead; colorprofile keeps those
// under NO_COLOR (its ASCII profile drops colours only), so they reach the screen:
//   - the selected row and the chosen picker line: reverse video;
//   - the active tab: reverse and bold; the active view: bold and underline;
//   - an internal note: its header in reverse, its body behind the heavy bar;
//   - a focused frame: a thick border instead of a rounded one;
//   - errors: bold; unread and priority: bold beside their icons.
//
// The palette keeps its name and darkness (for the markdown style), but every colour
// is NoColor, so a widget that takes a colour from Palette (a cursor) draws none.
func NewMono(p Palette) *Styles {
	mono := Palette{Name: p.Name + "-mono", Dark: p.Dark}
	v := reflect.ValueOf(&mono).Elem()
	for i := range v.NumField() {
		if v.Field(i).Type() == colorType {
			v.Field(i).Set(reflect.ValueOf(lipgloss.NoColor{}))
		}
	}
	s := New(mono)
	s.Mono = true
	n := lipgloss.NewStyle
	s.Title = n().Bold(true)
	s.Focus = n().Border(lipgloss.ThickBorder())
	s.TabActive = n().Reverse(true).Bold(true).Padding(0, 1)
	s.RowSelected = n().Reverse(true).Bold(true)
	s.NoteHeader = n().Reverse(true).Bold(true)
	s.StatusBar = n().Reverse(true)
	s.StatusKey = n().Reverse(true).Bold(true)
	s.StatusOK = n().Reverse(true)
	s.StatusWarn = n().Reverse(true).Bold(true)
	s.StatusError = n().Reverse(true).Bold(true)
	s.ToastError = s.ToastError.Bold(true).Border(lipgloss.ThickBorder())
	s.HelpKey = n().Bold(true)
	s.Filter = n().Underline(true)
	s.Attachment = n().Underline(true)
	return s
}
