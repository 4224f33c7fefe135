package markdown

import (
	"reflect"

	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
)

// MonoStyle is the style name for NO_COLOR: glamour's dark style with every colour
// taken out. Glamour's own colourless style ("notty", the ASCII one) writes bold as
// "**" and headings as "#"; this keeps bold, italic and underline, which NO_COLOR
// allows, and the dark style's layout.
const MonoStyle = "mono"

// styleConfig is the flattened style sheet of a style name; false when there is none.
func styleConfig(name string) (ansi.StyleConfig, bool) {
	if name == MonoStyle {
		cfg := flatten(styles.DarkStyleConfig)
		noColour(reflect.ValueOf(&cfg).Elem())
		return cfg, true
	}
	cfg, ok := styles.DefaultStyles[name]
	if !ok {
		return ansi.StyleConfig{}, false
	}
	return flatten(*cfg), true
}

// noColour clears every Color and BackgroundColor of a style sheet, however deep
// (headings, code, tables, lists each have their own). Reflection keeps it right when
// glamour adds an element. Pointers are replaced, never written through: the sheet
// shares them with glamour's package-level styles.
func noColour(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || v.Elem().Kind() != reflect.Struct {
			return
		}
		cp := reflect.New(v.Elem().Type())
		cp.Elem().Set(v.Elem())
		noColour(cp.Elem())
		v.Set(cp)
	case reflect.Struct:
		t := v.Type()
		for i := range v.NumField() {
			f := v.Field(i)
			if !f.CanSet() {
				continue
			}
			if n := t.Field(i).Name; n == "Color" || n == "BackgroundColor" {
				f.Set(reflect.Zero(f.Type()))
				continue
			}
			noColour(f)
		}
	}
}
