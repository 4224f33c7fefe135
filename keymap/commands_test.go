package keymap

import (
	"errors"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

func TestAddCommandsBindsAndGroups(t *testing.T) {
	km := Default()
	if err := AddCommands(km, []CommandKey{{"Open in CRM", "ctrl+o"}, {"Copy email", "f5"}}); err != nil {
		t.Fatal(err)
	}
	if !key.Matches(tea.KeyPressMsg{Code: 'o', Mod: tea.ModCtrl}, km.Commands[0]) {
		t.Error("ctrl+o does not match the first command")
	}
	g := km.Groups()
	last := g[len(g)-1]
	if last.Title != CommandsGroup || len(last.Bindings) != 2 || last.Bindings[1].Help().Desc != "Copy email" {
		t.Errorf("last group = %+v", last)
	}
	if n := len(Default().Groups()); n != len(g)-1 {
		t.Errorf("the default keymap has a %s group", CommandsGroup)
	}
}

// A command's key may not be any action's, in any group (overlay keys included), nor
// another command's; the error names both and which command it is.
func TestAddCommandsRefusesTakenKeys(t *testing.T) {
	cases := []struct {
		cmds  []CommandKey
		index int
		want  string
	}{
		{[]CommandKey{{"crm", "ctrl+r"}}, 0, `key "ctrl+r" is bound to both command "crm" and the retry action (Global)`},
		{[]CommandKey{{"crm", "ctrl+o"}, {"mail", "y"}}, 1, `key "y" is bound to both command "mail" and the copy action (Articles)`},
		{[]CommandKey{{"crm", "ctrl+s"}}, 0, `command "crm" and the send action (Composer and pickers)`},
		{[]CommandKey{{"crm", "ctrl+o"}, {"mail", "ctrl+o"}}, 1, `key "ctrl+o" is bound to both command "mail" and command "crm"`},
		{[]CommandKey{{"crm", "control-o"}}, 0, `command "crm": "control-o" is not a key name`},
	}
	for _, c := range cases {
		km := Default()
		err := AddCommands(km, c.cmds)
		var ke *CommandKeyError
		if !errors.As(err, &ke) || ke.Index != c.index || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: got %v, want [%d] %q", c.cmds, err, c.index, c.want)
		}
		if km.Commands != nil {
			t.Errorf("%v: commands bound despite the error", c.cmds)
		}
	}
	// A key [keys] freed is free for a command.
	km := Default()
	if err := Apply(km, map[string][]string{"retry": {"ctrl+g"}, "insert_reply": {"alt+r"}}); err != nil {
		t.Fatal(err)
	}
	if err := AddCommands(km, []CommandKey{{"crm", "ctrl+r"}}); err != nil {
		t.Errorf("ctrl+r after retry and insert_reply moved away: %v", err)
	}
}

func TestValidKeyName(t *testing.T) {
	for _, ok := range []string{"ctrl+o", "alt+m", "f5", "ctrl+alt+x", "X", "ö", "+", "shift+tab", "pgdown"} {
		if !ValidKeyName(ok) {
			t.Errorf("%q refused", ok)
		}
	}
	for _, bad := range []string{"", "ctrl+", "control+o", "ab", "alt+ctrl+x", "f13", " ", "ctrl+ "} {
		if ValidKeyName(bad) {
			t.Errorf("%q accepted", bad)
		}
	}
}
