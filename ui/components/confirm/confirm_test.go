package confirm

import (
	"reflect"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// answer runs the command's sequence in order.
func answer(t *testing.T, cmd tea.Cmd) []tea.Msg {
	t.Helper()
	if cmd == nil {
		return nil
	}
	msg := cmd()
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeOf(tea.Cmd(nil)) {
		return []tea.Msg{msg}
	}
	var out []tea.Msg
	for i := range v.Len() {
		out = append(out, v.Index(i).Interface().(tea.Cmd)())
	}
	return out
}

func TestAnswers(t *testing.T) {
	km := keymap.Default()
	yesKey := key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes"))
	for _, tc := range []struct {
		name string
		yes  []key.Binding
		key  tea.KeyPressMsg
		want *Result
	}{
		{"enter", nil, tea.KeyPressMsg{Code: tea.KeyEnter}, &Result{ID: "q", Yes: true}},
		{"esc", nil, tea.KeyPressMsg{Code: tea.KeyEscape}, &Result{ID: "q", Yes: false}},
		{"other", nil, tea.KeyPressMsg{Code: 'x', Text: "x"}, nil},
		{"extra yes key", []key.Binding{yesKey, km.Confirm}, tea.KeyPressMsg{Code: 'y', Text: "y"}, &Result{ID: "q", Yes: true}},
	} {
		o := shared.Overlay(New(Options{ID: "q", Question: "Create tag “vip”?", Yes: tc.yes, Keys: km}))
		o, cmd := o.Update(tc.key)
		msgs := answer(t, cmd)
		if tc.want == nil {
			if len(msgs) != 0 {
				t.Errorf("%s: answered %v", tc.name, msgs)
			}
			continue
		}
		if len(msgs) != 2 || msgs[0] != (shared.PopOverlay{}) || msgs[1] != *tc.want {
			t.Errorf("%s: %v, want Pop then %+v", tc.name, msgs, *tc.want)
		}
		if _, again := o.Update(tc.key); again != nil {
			t.Errorf("%s: answered twice", tc.name)
		}
	}
}

func TestView(t *testing.T) {
	yes := []key.Binding{key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")), keymap.Default().Confirm}
	o := New(Options{Question: "Create tag “\x1b[2Jvip”?", Yes: yes})
	v := o.View(80, 24)
	if strings.Contains(v, "\x1b[2J") {
		t.Fatal("the question is not sanitized")
	}
	plain := ansi.Strip(v)
	if !strings.Contains(plain, "Create tag “vip”?") || !strings.Contains(plain, "y/enter yes, esc no") {
		t.Fatalf("view:\n%s", plain)
	}
	for _, size := range [][2]int{{20, 4}, {6, 3}, {0, 0}} {
		if v := o.View(size[0], size[1]); v != "" {
			for _, l := range strings.Split(v, "\n") {
				if ansi.StringWidth(l) > size[0] {
					t.Errorf("%dx%d: %q is too wide", size[0], size[1], ansi.Strip(l))
				}
			}
		}
	}
}
