package palette

import (
	"reflect"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/ui/components/picker"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// Every key of every binding becomes a press that the binding matches: an action chosen
// in the palette behaves as its key.
func TestPressMatchesEveryBinding(t *testing.T) {
	for _, e := range Entries(keymap.Default()) {
		for _, name := range e.Binding.Keys() {
			msg, ok := Press(name)
			if !ok {
				t.Errorf("%s: no press for %q", e.Binding.Help().Desc, name)
				continue
			}
			if msg.String() != name || !key.Matches(msg, e.Binding) {
				t.Errorf("%s: press for %q reads %q", e.Binding.Help().Desc, name, msg.String())
			}
		}
	}
}

func TestPressRefusesNonsense(t *testing.T) {
	for _, name := range []string{"", "ctrl+", "ab"} {
		if _, ok := Press(name); ok {
			t.Errorf("Press(%q) built a key", name)
		}
	}
}

// The palette lists every binding of the help groups, with its key.
func TestItemsListEveryBinding(t *testing.T) {
	k := keymap.Default()
	items := Items(k)
	i := 0
	for _, g := range k.Groups() {
		for _, b := range g.Bindings {
			h := b.Help()
			if items[i].Label != h.Desc || !strings.HasPrefix(items[i].Detail, h.Key+" ") {
				t.Errorf("item %d is %q %q, want %q %q", i, items[i].Label, items[i].Detail, h.Desc, h.Key)
			}
			i++
		}
	}
	if i != len(items) {
		t.Errorf("%d items for %d bindings", len(items), i)
	}
}

// run types text into the palette, presses enter, and returns its answer.
func run(t *testing.T, text string, last tea.KeyPressMsg) picker.Result {
	t.Helper()
	k := keymap.Default()
	var o shared.Overlay = New(k, nil)
	for _, r := range text {
		o, _ = o.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	_, cmd := o.Update(last)
	if cmd == nil {
		t.Fatal("no answer")
	}
	// tea.Sequence(Pop, result): the palette closes, then answers.
	v := reflect.ValueOf(cmd())
	if v.Kind() != reflect.Slice || v.Len() != 2 {
		t.Fatalf("answer is not a sequence of two: %#v", v.Interface())
	}
	if _, ok := v.Index(0).Interface().(tea.Cmd)().(shared.PopOverlay); !ok {
		t.Fatal("the palette does not close first")
	}
	res, ok := v.Index(1).Interface().(tea.Cmd)().(picker.Result)
	if !ok {
		t.Fatal("no picker.Result")
	}
	return res
}

func TestChoosingAnActionGivesItsKey(t *testing.T) {
	k := keymap.Default()
	res := run(t, "search every", tea.KeyPressMsg{Code: tea.KeyEnter})
	msg, ok := Chosen(k, res)
	if !ok || !key.Matches(msg, k.GlobalSearch) {
		t.Fatalf("search everything chose %q (%v)", msg.String(), ok)
	}
	res = run(t, "tomorrow", tea.KeyPressMsg{Code: tea.KeyEnter})
	if msg, ok := Chosen(k, res); !ok || !key.Matches(msg, k.SnoozeTomorrow) {
		t.Fatalf("tomorrow chose %q (%v)", msg.String(), ok)
	}
}

func TestCancelChoosesNothing(t *testing.T) {
	k := keymap.Default()
	res := run(t, "rep", tea.KeyPressMsg{Code: tea.KeyEscape})
	if _, ok := Chosen(k, res); ok {
		t.Fatal("esc chose an action")
	}
	if _, ok := Chosen(k, picker.Result{ID: "other", Chosen: []picker.Item{{ID: "0"}}}); ok {
		t.Fatal("another picker's answer chose an action")
	}
}

// Every key a [[commands]] entry may use is one the palette can press, with any
// modifiers: choosing a command in the palette runs it.
func TestPressEveryCommandKey(t *testing.T) {
	names := append([]string{"x", "X", "ö"}, keymap.NamedKeys...)
	for _, n := range names {
		for _, mod := range []string{"", "ctrl+", "alt+", "ctrl+alt+", "ctrl+alt+shift+"} {
			name := mod + n
			if !keymap.ValidKeyName(name) {
				t.Errorf("%q: keymap refuses it", name)
				continue
			}
			msg, ok := Press(name)
			if !ok || msg.String() != name {
				t.Errorf("%q: press %v reads %q", name, ok, msg.String())
			}
		}
	}
}
