// Package palette is the command palette (ctrl+k or :): every action of the keymap with
// its key, fuzzy-searched. It is the shared picker with one item per binding of
// keymap.Groups, so the list can never miss a key. Choosing an action answers a
// picker.Result under ID; the root turns it back into the binding's key press (Press),
// so an action chosen here behaves exactly as its key.
package palette

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/ui/components/picker"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

// ID is the palette's overlay ID: its answer is the picker.Result with this ID.
const ID = "palette"

// Entry is one action: a binding of the keymap and the group it is listed under.
type Entry struct {
	Group   string
	Binding key.Binding
}

// Entries lists every binding of k.Groups, in help order.
func Entries(k *keymap.KeyMap) []Entry {
	var out []Entry
	for _, g := range k.Groups() {
		for _, b := range g.Bindings {
			out = append(out, Entry{Group: g.Title, Binding: b})
		}
	}
	return out
}

// Items is the palette's list: the action's description (matched), its key and group
// (shown). An item's ID is its index in Entries.
func Items(k *keymap.KeyMap) []picker.Item {
	entries := Entries(k)
	items := make([]picker.Item, len(entries))
	for i, e := range entries {
		h := e.Binding.Help()
		items[i] = picker.Item{ID: strconv.Itoa(i), Label: h.Desc, Detail: h.Key + " · " + e.Group}
	}
	return items
}

// New is the palette overlay.
func New(k *keymap.KeyMap, styles *theme.Styles) shared.Overlay {
	return picker.New(picker.Options{
		ID: ID, Title: "Command palette", Items: Items(k),
		Placeholder: "type an action: snooze, search, reply…",
		Empty:       "No action matches",
		Styles:      styles, Keys: k,
	})
}

// Chosen is the key press of the action res chose, or false when it chose none (esc, or
// a result that is not the palette's).
func Chosen(k *keymap.KeyMap, res picker.Result) (tea.KeyPressMsg, bool) {
	if res.ID != ID || res.Cancelled || len(res.Chosen) != 1 {
		return tea.KeyPressMsg{}, false
	}
	entries := Entries(k)
	i, err := strconv.Atoi(res.Chosen[0].ID)
	if err != nil || i < 0 || i >= len(entries) {
		return tea.KeyPressMsg{}, false
	}
	// The first key a press can be built for: a key rebound in the config may be one
	// Press does not know.
	for _, name := range entries[i].Binding.Keys() {
		if msg, ok := Press(name); ok {
			return msg, true
		}
	}
	return tea.KeyPressMsg{}, false
}

// named are the keys a binding names by a word, as tea.Key.String writes them.
var named = map[string]rune{
	"enter": tea.KeyEnter, "tab": tea.KeyTab, "esc": tea.KeyEscape, "space": tea.KeySpace,
	"backspace": tea.KeyBackspace, "delete": tea.KeyDelete,
	"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
	"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
	"insert": tea.KeyInsert,
	// Function keys: a [[commands]] key may be one (keymap.NamedKeys).
	"f1": tea.KeyF1, "f2": tea.KeyF2, "f3": tea.KeyF3, "f4": tea.KeyF4, "f5": tea.KeyF5, "f6": tea.KeyF6,
	"f7": tea.KeyF7, "f8": tea.KeyF8, "f9": tea.KeyF9, "f10": tea.KeyF10, "f11": tea.KeyF11, "f12": tea.KeyF12,
}

// modifiers are the prefixes of a key name, in tea.Key.Keystroke's order.
var modifiers = []struct {
	prefix string
	mod    tea.KeyMod
}{{"ctrl+", tea.ModCtrl}, {"alt+", tea.ModAlt}, {"shift+", tea.ModShift}}

// Press is the key press a terminal sends for a binding's key name ("ctrl+r", "shift+tab",
// "pgdown", "P", "?"): the one whose String is name. False for a name it cannot build.
func Press(name string) (tea.KeyPressMsg, bool) {
	var mod tea.KeyMod
	rest := name
	for _, m := range modifiers {
		if r, ok := strings.CutPrefix(rest, m.prefix); ok && r != "" {
			mod, rest = mod|m.mod, r
		}
	}
	if code, ok := named[rest]; ok {
		return tea.KeyPressMsg{Code: code, Mod: mod}, true
	}
	r, size := utf8.DecodeRuneInString(rest)
	if r == utf8.RuneError || size != len(rest) {
		return tea.KeyPressMsg{}, false
	}
	if mod != 0 {
		return tea.KeyPressMsg{Code: r, Mod: mod}, true
	}
	return tea.KeyPressMsg{Code: r, Text: rest}, true // a printable key types its text
}
