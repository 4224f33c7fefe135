package picker

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// press sends keys by name ("enter", "esc", "up", "down", "pgdown", "space",
// "backspace") or types the text of any other name, rune by rune. It returns the picker
// and every message its commands yielded, in order.
func press(t *testing.T, o shared.Overlay, keys ...string) (shared.Overlay, []tea.Msg) {
	t.Helper()
	var msgs []tea.Msg
	send := func(k tea.KeyPressMsg) {
		var cmd tea.Cmd
		o, cmd = o.Update(k)
		msgs = append(msgs, drain(cmd)...)
	}
	for _, k := range keys {
		switch k {
		case "enter":
			send(tea.KeyPressMsg{Code: tea.KeyEnter})
		case "esc":
			send(tea.KeyPressMsg{Code: tea.KeyEscape})
		case "up":
			send(tea.KeyPressMsg{Code: tea.KeyUp})
		case "down":
			send(tea.KeyPressMsg{Code: tea.KeyDown})
		case "pgdown":
			send(tea.KeyPressMsg{Code: tea.KeyPgDown})
		case "pgup":
			send(tea.KeyPressMsg{Code: tea.KeyPgUp})
		case "space":
			send(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
		case "backspace":
			send(tea.KeyPressMsg{Code: tea.KeyBackspace})
		default:
			for _, r := range k {
				send(tea.KeyPressMsg{Code: r, Text: string(r)})
			}
		}
	}
	return o, msgs
}

// drain runs a command as the runtime would, batches and sequences included, and lists
// the messages in the order a sequence delivers them.
func drain(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, drain(c)...)
		}
		return out
	}
	if v := reflect.ValueOf(msg); v.IsValid() && v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		var out []tea.Msg
		for i := range v.Len() {
			out = append(out, drain(v.Index(i).Interface().(tea.Cmd))...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

// result is the one Result among msgs, which must come after the Pop.
func result(t *testing.T, msgs []tea.Msg) Result {
	t.Helper()
	popped := false
	var out []Result
	for _, m := range msgs {
		switch m := m.(type) {
		case shared.PopOverlay:
			popped = true
		case Result:
			if !popped {
				t.Fatal("the result came before the overlay was popped")
			}
			out = append(out, m)
		}
	}
	if len(out) != 1 {
		t.Fatalf("%d results in %v", len(out), msgs)
	}
	return out[0]
}

func noResult(t *testing.T, msgs []tea.Msg) {
	t.Helper()
	for _, m := range msgs {
		if _, ok := m.(Result); ok {
			t.Fatalf("unexpected result %+v", m)
		}
		if _, ok := m.(shared.PopOverlay); ok {
			t.Fatal("the picker closed")
		}
	}
}

func assignItems() []Item {
	return []Item{
		{ID: "me", Label: "Me (Ana Ruiz)", Detail: "admin", Pin: PinTop},
		{ID: "t1", Label: "Billing", Detail: "team"},
		{ID: "t2", Label: "Mobile sales", Detail: "team"},
		{ID: "a1", Label: "Bianca Lopes", Detail: "admin"},
		{ID: "a2", Label: "Samir Amin", Detail: "admin"},
		{ID: "none", Label: "Unassign", Detail: "nobody", Pin: PinBottom},
	}
}

// shownIDs is the ids of the rows, in order.
func shownIDs(o shared.Overlay) []string {
	m := o.(Model)
	var out []string
	for _, r := range m.shown {
		out = append(out, m.items[r.item].ID)
	}
	return out
}

func TestFilterRanksAndKeepsPins(t *testing.T) {
	p := shared.Overlay(New(Options{ID: "x", Title: "Assign", Items: assignItems()}))
	if got := shownIDs(p); !slices.Equal(got, []string{"me", "t1", "t2", "a1", "a2", "none"}) {
		t.Fatalf("no text: %v, want the given order", got)
	}
	p, _ = press(t, p, "a")
	// Every label but Billing has an a; Me stays first and Unassign last whatever their scores.
	if got := shownIDs(p); got[0] != "me" || got[len(got)-1] != "none" || len(got) != 5 {
		t.Fatalf("'a': %v", got)
	}
	p, _ = press(t, p, "backspace", "bi")
	if got := shownIDs(p); !slices.Equal(got, []string{"t1", "a1", "t2"}) {
		t.Fatalf("'bi': %v, want Billing, then Bianca, then Mobile sales", got)
	}
	// Pinned items are filtered like the others.
	p, _ = press(t, p, "backspace", "backspace", "un")
	if got := shownIDs(p); !slices.Equal(got, []string{"none"}) {
		t.Fatalf("'un': %v", got)
	}
	p, _ = press(t, p, "backspace", "backspace", "me")
	if got := shownIDs(p); got[0] != "me" {
		t.Fatalf("'me': %v", got)
	}
}

// j and k are text in a picker; the arrows move.
func TestLettersAreTextArrowsMove(t *testing.T) {
	p := shared.Overlay(New(Options{Items: assignItems()}))
	p, _ = press(t, p, "down", "down")
	if c := p.(Model).cursor; c != 2 {
		t.Fatalf("cursor %d after two downs", c)
	}
	p, _ = press(t, p, "up")
	if c := p.(Model).cursor; c != 1 {
		t.Fatalf("cursor %d after up", c)
	}
	p, _ = press(t, p, "jk")
	if got := p.(Model).Text(); got != "jk" {
		t.Fatalf("typed %q", got)
	}
	if c := p.(Model).cursor; c != 0 {
		t.Fatalf("typing puts the cursor on the best match; it is on %d", c)
	}
	p, _ = press(t, p, "backspace", "backspace", "pgdown")
	if c := p.(Model).cursor; c != 5 {
		t.Fatalf("pgdown: cursor %d, want the last row", c)
	}
	p, _ = press(t, p, "down", "pgup")
	if c := p.(Model).cursor; c != 0 {
		t.Fatalf("pgup: cursor %d", c)
	}
}

func TestEnterChoosesAfterThePop(t *testing.T) {
	p := shared.Overlay(New(Options{ID: "assign:7", Items: assignItems()}))
	p, msgs := press(t, p, "sam", "enter")
	r := result(t, msgs)
	if r.ID != "assign:7" || len(r.Chosen) != 1 || r.Chosen[0].ID != "a2" || r.Cancelled {
		t.Fatalf("result %+v", r)
	}
	// Done: nothing more comes out of it, even if a key arrives before the Pop lands.
	_, msgs = press(t, p, "enter", "esc")
	if len(msgs) != 0 {
		t.Fatalf("a finished picker answered again: %v", msgs)
	}
}

func TestEscCancels(t *testing.T) {
	p := shared.Overlay(New(Options{ID: "x", Items: assignItems()}))
	_, msgs := press(t, p, "bil", "esc")
	if r := result(t, msgs); !r.Cancelled || r.ID != "x" || len(r.Chosen) != 0 {
		t.Fatalf("result %+v", r)
	}
}

func TestEnterOnNothingSaysSoAndKeepsTheText(t *testing.T) {
	p := shared.Overlay(New(Options{Items: assignItems()}))
	p, msgs := press(t, p, "zzz", "enter")
	noResult(t, msgs)
	m := p.(Model)
	if m.Text() != "zzz" || !strings.Contains(m.err, "Nothing matches “zzz”") {
		t.Fatalf("text %q err %q", m.Text(), m.err)
	}
	if v := ansi.Strip(m.View(80, 24)); !strings.Contains(v, "Nothing matches “zzz”") || !strings.Contains(v, "No match") {
		t.Fatalf("the refusal is not shown:\n%s", v)
	}
	p, _ = press(t, p, "backspace")
	if p.(Model).err != "" {
		t.Fatal("editing the text clears the refusal")
	}
}

func tagItems() []Item {
	return []Item{
		{ID: "1", Label: "billing", Checked: true},
		{ID: "2", Label: "refund"},
		{ID: "3", Label: "VIP", Checked: true},
		{ID: "4", Label: "bug"},
	}
}

func TestMultiSelect(t *testing.T) {
	create := func(s string) string { return "Create tag “" + s + "”" }
	p := shared.Overlay(New(Options{ID: "tags", Items: tagItems(), Multi: true, Create: create}))
	// Toggle refund on (row 1) and VIP off (row 2), then apply.
	p, _ = press(t, p, "down", "space", "down", "space")
	if v := ansi.Strip(p.View(80, 24)); !strings.Contains(v, "[x] refund") || !strings.Contains(v, "[ ] VIP") || !strings.Contains(v, "2 checked") {
		t.Fatalf("checks not shown:\n%s", v)
	}
	_, msgs := press(t, p, "enter")
	r := result(t, msgs)
	ids := func(items []Item) (out []string) {
		for _, it := range items {
			out = append(out, it.ID)
		}
		return out
	}
	if !slices.Equal(ids(r.Chosen), []string{"1", "2"}) || !slices.Equal(ids(r.Added), []string{"2"}) || !slices.Equal(ids(r.Removed), []string{"3"}) {
		t.Fatalf("chosen %v added %v removed %v", ids(r.Chosen), ids(r.Added), ids(r.Removed))
	}

	// Enter without a toggle checks the item under the cursor (never unchecks).
	p = New(Options{ID: "tags", Items: tagItems(), Multi: true, Create: create})
	_, msgs = press(t, p, "bug", "enter")
	if r := result(t, msgs); !slices.Equal(ids(r.Added), []string{"4"}) || len(r.Removed) != 0 {
		t.Fatalf("enter on bug: added %v removed %v", ids(r.Added), ids(r.Removed))
	}
	p = New(Options{ID: "tags", Items: tagItems(), Multi: true})
	_, msgs = press(t, p, "vip", "enter")
	if r := result(t, msgs); len(r.Added)+len(r.Removed) != 0 {
		t.Fatalf("enter on a checked tag changed %+v", r)
	}
}

func TestCreateRow(t *testing.T) {
	create := func(s string) string { return "Create tag “" + s + "”" }
	p := shared.Overlay(New(Options{ID: "tags", Items: tagItems(), Multi: true, Create: create}))
	p, _ = press(t, p, "bu")
	// "bu" matches bug and billing, and names no tag: the create row comes last.
	m := p.(Model)
	if m.create != "bu" || m.rows() != len(m.shown)+1 {
		t.Fatalf("create %q rows %d shown %d", m.create, m.rows(), len(m.shown))
	}
	p, _ = press(t, p, "g")
	if p.(Model).create != "" {
		t.Fatal("an exact name (case ignored) offers no create row")
	}
	// On the create row space is text, so a new name can have spaces.
	p, _ = press(t, p, "backspace", "backspace", "backspace", "new", "down", "space", "one")
	if got := p.(Model).Text(); got != "new one" {
		t.Fatalf("typed %q", got)
	}
	if v := ansi.Strip(p.View(80, 24)); !strings.Contains(v, "+ Create tag “new one”") {
		t.Fatalf("no create row:\n%s", v)
	}
	_, msgs := press(t, p, "enter")
	r := result(t, msgs)
	if r.Create != "new one" || len(r.Added) != 0 {
		t.Fatalf("result %+v", r)
	}

	// Single-select pickers offer it too.
	p = New(Options{ID: "one", Items: tagItems(), Create: create})
	_, msgs = press(t, p, "zebra", "enter")
	if r := result(t, msgs); r.Create != "zebra" || len(r.Chosen) != 0 {
		t.Fatalf("result %+v", r)
	}
}

func TestFreeText(t *testing.T) {
	presets := []Item{{ID: "1h", Label: "1 hour"}, {ID: "4h", Label: "4 hours"}, {ID: "tomorrow", Label: "Tomorrow 9:00"}}
	parse := func(s string) (string, error) {
		if s == "2h" {
			return "enter snoozes until 14:00", nil
		}
		return "", fmt.Errorf("%q: use 30m, 2h or 3d", s)
	}
	p := shared.Overlay(New(Options{ID: "snooze", Items: presets, AcceptText: true, FreeText: parse}))
	// A preset that matches is chosen, not parsed.
	_, msgs := press(t, p, "4h", "enter")
	if r := result(t, msgs); len(r.Chosen) != 1 || r.Chosen[0].ID != "4h" || r.Text != "" {
		t.Fatalf("4h: %+v", r)
	}
	// Text that matches no preset shows what it means, and enter takes it.
	p = New(Options{ID: "snooze", Items: presets, AcceptText: true, FreeText: parse})
	p, _ = press(t, p, "2h")
	if v := ansi.Strip(p.View(80, 24)); !strings.Contains(v, "enter snoozes until 14:00") {
		t.Fatalf("no preview:\n%s", v)
	}
	_, msgs = press(t, p, "enter")
	if r := result(t, msgs); r.Text != "2h" || len(r.Chosen) != 0 {
		t.Fatalf("2h: %+v", r)
	}
	// A parse error shows inline; the text stays to be corrected.
	p = New(Options{ID: "snooze", Items: presets, AcceptText: true, FreeText: parse})
	p, msgs = press(t, p, "3x", "enter")
	noResult(t, msgs)
	if v := ansi.Strip(p.View(80, 24)); !strings.Contains(v, `"3x": use 30m, 2h or 3d`) || p.(Model).Text() != "3x" {
		t.Fatalf("no inline error:\n%s", v)
	}
	p, _ = press(t, p, "backspace", "backspace", "2h")
	_, msgs = press(t, p, "enter")
	if r := result(t, msgs); r.Text != "2h" {
		t.Fatalf("after the fix: %+v", r)
	}
}

// A picker without items is a one-line prompt: an optional note.
func TestPrompt(t *testing.T) {
	p := shared.Overlay(New(Options{ID: "note", Title: "Closing note", AcceptText: true, AllowEmpty: true, CharLimit: 500}))
	_, msgs := press(t, p, "enter")
	if r := result(t, msgs); r.Text != "" || r.Cancelled {
		t.Fatalf("empty note: %+v", r)
	}
	p = New(Options{ID: "note", Title: "Closing note", AcceptText: true, AllowEmpty: true})
	p, _ = press(t, p, "Thanks, all sorted!")
	v := ansi.Strip(p.View(80, 24))
	if strings.Contains(v, "No match") || !strings.Contains(v, "Thanks, all sorted!") {
		t.Fatalf("prompt view:\n%s", v)
	}
	_, msgs = press(t, p, "enter")
	if r := result(t, msgs); r.Text != "Thanks, all sorted!" {
		t.Fatalf("note: %+v", r)
	}
	// Without AllowEmpty an empty enter does nothing.
	p = New(Options{ID: "x", AcceptText: true, FreeText: func(string) (string, error) { return "", errors.New("bad") }})
	_, msgs = press(t, p, "enter")
	noResult(t, msgs)
}

func TestPaste(t *testing.T) {
	p := shared.Overlay(New(Options{Items: assignItems()}))
	p, _ = p.Update(tea.PasteMsg{Content: "sam"})
	if got := shownIDs(p); !slices.Equal(got, []string{"a2"}) {
		t.Fatalf("after paste: %v", got)
	}
}

// Only the visible window is drawn, the cursor is always in it, and the box fits.
func TestViewWindowAndSize(t *testing.T) {
	var items []Item
	for i := range 100 {
		items = append(items, Item{ID: fmt.Sprint(i), Label: fmt.Sprintf("Admin %03d", i), Detail: "admin"})
	}
	p := shared.Overlay(New(Options{Title: "Assign #1", Items: items}))
	v := ansi.Strip(p.View(120, 36))
	if !strings.Contains(v, "Admin 000") || !strings.Contains(v, "Admin 014") || strings.Contains(v, "Admin 015") {
		t.Fatalf("window of 15:\n%s", v)
	}
	for range 50 {
		p, _ = press(t, p, "down")
	}
	v = ansi.Strip(p.View(120, 36))
	if !strings.Contains(v, "▌ Admin 050") || strings.Contains(v, "Admin 000") {
		t.Fatalf("cursor on 50 not in the window:\n%s", v)
	}
	if !strings.Contains(v, "100 of 100") {
		t.Fatalf("no count:\n%s", v)
	}
	for _, size := range [][2]int{{120, 36}, {80, 24}, {40, 10}, {20, 6}, {10, 4}, {5, 2}, {0, 0}} {
		v := p.View(size[0], size[1])
		if v == "" {
			continue
		}
		lines := strings.Split(v, "\n")
		if len(lines) > size[1] {
			t.Errorf("%dx%d: %d lines", size[0], size[1], len(lines))
		}
		w := ansi.StringWidth(lines[0])
		for i, l := range lines {
			if lw := ansi.StringWidth(l); lw != w || lw > size[0] {
				t.Errorf("%dx%d: line %d is %d wide (first %d)", size[0], size[1], i, lw, w)
			}
		}
	}
	// A short screen shrinks the list, not the cursor's visibility.
	v = ansi.Strip(p.View(80, 9))
	if !strings.Contains(v, "▌ Admin 050") {
		t.Fatalf("9 lines high:\n%s", v)
	}
}

func TestHostileLabelsAreSanitized(t *testing.T) {
	evil := "Eve\x1b]0;pwned\x07\x1b[2J\u202eroot\nnext"
	p := New(Options{Title: "Assign " + evil, Items: []Item{{ID: "e", Label: evil, Detail: "\x1b[31mred"}}})
	v := p.View(80, 24)
	for _, bad := range []string{"\x1b]0", "\x1b[2J", "\u202e", "\x07", "\x1b[31mred"} {
		if strings.Contains(v, bad) {
			t.Fatalf("view holds %q", bad)
		}
	}
	if !strings.Contains(ansi.Strip(v), "Everoot next") {
		t.Fatalf("the visible text is kept:\n%s", ansi.Strip(v))
	}
}

// Matched runes are styled apart from the rest of the label.
func TestMatchedRunesHighlighted(t *testing.T) {
	p := shared.Overlay(New(Options{Items: assignItems()}))
	p, _ = press(t, p, "msa")
	m := p.(Model)
	if got := shownIDs(p); got[0] != "t2" {
		t.Fatalf("'msa': %v", got)
	}
	st := m.opts.Styles
	sel := st.RowSelected
	row := m.row(0, 60)
	hl := sel.Foreground(st.Palette.Accent).Underline(true)
	for _, want := range []string{hl.Render("M"), sel.Render("obile "), hl.Render("sa"), sel.Render("les")} {
		if !strings.Contains(row, want) {
			t.Fatalf("row %q lacks %q", row, want)
		}
	}
}
