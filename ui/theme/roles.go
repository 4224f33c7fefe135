package theme

import (
	"fmt"
	"image/color"
	"reflect"
	"sort"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/intercom-tui/intercom-tui/internal/names"
)

// Roles are the palette's colour roles as the config file names them: the Palette
// fields in snake_case (AccentFg is accent_fg). They come from the struct itself, so a
// role added to Palette is configurable without a second list to keep in step.
func Roles() []string {
	var out []string
	t := reflect.TypeFor[Palette]()
	for i := range t.NumField() {
		if f := t.Field(i); f.Type == colorType {
			out = append(out, names.Snake(f.Name))
		}
	}
	return out
}

var colorType = reflect.TypeFor[color.Color]()

// RoleError is an override naming no role; Role is the name as the file spells it.
type RoleError struct {
	Role string
	Near []string // the roles it is closest to
}

func (e *RoleError) Error() string {
	if len(e.Near) == 0 {
		return fmt.Sprintf("unknown colour role %q (roles: %s)", e.Role, strings.Join(Roles(), ", "))
	}
	return fmt.Sprintf("unknown colour role %q; did you mean %s?", e.Role, strings.Join(e.Near, ", "))
}

// With is p with the colours of overrides (role → "#RRGGBB", "#RGB" or an ANSI number;
// the config package checked their syntax) in place of its own. An unknown role is a
// *RoleError; the first in name order, so the message is the same from run to run.
func (p Palette) With(overrides map[string]string) (Palette, error) {
	roles := make([]string, 0, len(overrides))
	for r := range overrides {
		roles = append(roles, r)
	}
	sort.Strings(roles)
	v := reflect.ValueOf(&p).Elem()
	for _, role := range roles {
		f, ok := roleField(role)
		if !ok {
			return p, &RoleError{Role: role, Near: names.Near(role, Roles())}
		}
		v.FieldByName(f).Set(reflect.ValueOf(lipgloss.Color(overrides[role])))
	}
	return p, nil
}

// CheckRoles reports the first role of overrides the palette does not have.
func CheckRoles(overrides map[string]string) error {
	_, err := Dark.With(overrides)
	return err
}

func roleField(role string) (string, bool) {
	t := reflect.TypeFor[Palette]()
	for i := range t.NumField() {
		if f := t.Field(i); f.Type == colorType && names.Snake(f.Name) == role {
			return f.Name, true
		}
	}
	return "", false
}

// Hex is the colour of a role as "#RRGGBB" (for the commented config `config init`
// writes); "" for a role the palette does not have or a colour that is not set.
func (p Palette) Hex(role string) string {
	f, ok := roleField(role)
	if !ok {
		return ""
	}
	c, _ := reflect.ValueOf(p).FieldByName(f).Interface().(color.Color)
	if c == nil {
		return ""
	}
	if _, none := c.(lipgloss.NoColor); none {
		return ""
	}
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("#%02X%02X%02X", r>>8, g>>8, b>>8)
}
