package keymap

import (
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"

	"github.com/intercom-tui/intercom-tui/internal/names"
)

var bindingType = reflect.TypeOf(key.Binding{})

// Action is one rebindable binding: its stable config name, its field and help group.
type Action struct {
	Name  string // snake_case of the KeyMap field: "close", "next_view"
	Field string
	Group string // help group title; "" when the binding is in no group
}

// Actions lists every key.Binding field of KeyMap, in declaration order. It reads the
// struct, so a binding added to KeyMap is configurable without a change here.
func Actions() []Action {
	t := reflect.TypeOf(KeyMap{})
	groups := groupOf()
	var out []Action
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Type != bindingType || !f.IsExported() {
			continue
		}
		out = append(out, Action{Name: names.Snake(f.Name), Field: f.Name, Group: groups[i]})
	}
	return out
}

// groupOf maps field index to help group. Groups returns copies of the bindings, so
// each field gets a sentinel key naming its index and Groups tells where it went.
func groupOf() map[int]string {
	var probe KeyMap
	v := reflect.ValueOf(&probe).Elem()
	for i := 0; i < v.NumField(); i++ {
		if v.Field(i).Type() == bindingType {
			v.Field(i).Set(reflect.ValueOf(key.NewBinding(key.WithKeys(fmt.Sprintf("\x00%d", i)))))
		}
	}
	out := map[int]string{}
	for _, g := range probe.Groups() {
		for _, b := range g.Bindings {
			var i int
			if ks := b.Keys(); len(ks) == 1 {
				if _, err := fmt.Sscanf(ks[0], "\x00%d", &i); err == nil {
					out[i] = g.Title
				}
			}
		}
	}
	return out
}

// Apply rebinds the named actions to the given keys (the help label becomes the keys
// joined by "/"; the description stays). km is unchanged when it returns an error: an
// unknown action (with the names it may have meant), an empty key list, or a key that
// would trigger two actions in the same context. Only conflicts that involve an action
// whose keys changed are reported: the defaults share keys between overlays on purpose
// (tab is next pane and, in the redirect form, next field).
func Apply(km *KeyMap, overrides map[string][]string) error {
	if len(overrides) == 0 {
		return nil
	}
	actions := Actions()
	byName := map[string]Action{}
	for _, a := range actions {
		byName[a.Name] = a
	}
	next := *km
	v := reflect.ValueOf(&next).Elem()
	names := make([]string, 0, len(overrides))
	for n := range overrides {
		names = append(names, n)
	}
	sort.Strings(names)
	changed := map[string]bool{} // actions whose keys differ from before
	for _, n := range names {
		a, ok := byName[n]
		if !ok {
			return unknownAction(n, actions)
		}
		keys := overrides[n]
		if len(keys) == 0 {
			return fmt.Errorf("key action %q has no keys: give at least one, e.g. %s = [\"x\"]", n, n)
		}
		for _, k := range keys {
			if strings.TrimSpace(k) == "" {
				return fmt.Errorf("key action %q has an empty key", n)
			}
		}
		f := v.FieldByName(a.Field)
		old := f.Interface().(key.Binding)
		changed[n] = !slices.Equal(old.Keys(), keys)
		f.Set(reflect.ValueOf(key.NewBinding(key.WithKeys(keys...),
			key.WithHelp(strings.Join(keys, "/"), old.Help().Desc))))
	}
	if err := conflicts(&next, actions, changed); err != nil {
		return err
	}
	*km = next
	return nil
}

// conflicts finds a key that two actions of one context share, one of them rebound.
// Global bindings are active everywhere, so they share a context with every group.
func conflicts(km *KeyMap, actions []Action, changed map[string]bool) error {
	keysOf := func(a Action) []string { return km.binding(a).Keys() }
	for _, a := range actions {
		if !changed[a.Name] || a.Group == "" {
			continue
		}
		for _, b := range actions {
			if b.Name == a.Name || b.Group == "" {
				continue
			}
			if a.Group != b.Group && a.Group != "Global" && b.Group != "Global" {
				continue
			}
			for _, ka := range keysOf(a) {
				for _, kb := range keysOf(b) {
					if ka == kb {
						return fmt.Errorf("key %q is bound to both %s and %s (%s): rebind one of them", ka, a.Name, b.Name, contextOf(a, b))
					}
				}
			}
		}
	}
	return nil
}

func contextOf(a, b Action) string {
	if a.Group == b.Group {
		return "both in " + a.Group
	}
	return "global keys work everywhere"
}

// unknownAction names the action and the known names it is closest to.
func unknownAction(n string, actions []Action) error {
	known := make([]string, len(actions))
	for i, a := range actions {
		known[i] = a.Name
	}
	near := names.Near(n, known)
	if len(near) == 0 {
		return fmt.Errorf("unknown key action %q (the commented config from `intercom-tui config init` lists them all)", n)
	}
	return fmt.Errorf("unknown key action %q; did you mean %s?", n, strings.Join(near, ", "))
}

// binding is action a's binding in k.
func (k *KeyMap) binding(a Action) key.Binding {
	return reflect.ValueOf(k).Elem().FieldByName(a.Field).Interface().(key.Binding)
}

// Lookup is the binding of the named action ("close"), false when there is none.
func (k *KeyMap) Lookup(name string) (key.Binding, bool) {
	for _, a := range Actions() {
		if a.Name == name {
			return k.binding(a), true
		}
	}
	return key.Binding{}, false
}
