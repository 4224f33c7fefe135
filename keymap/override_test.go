package keymap

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

func press(k string) tea.KeyPressMsg {
	if len(k) == 1 {
		return tea.KeyPressMsg{Code: rune(k[0]), Text: k}
	}
	return tea.KeyPressMsg{}
}

func TestActionNamesAreSnakeCaseOfFields(t *testing.T) {
	want := map[string]string{"Close": "close", "NextView": "next_view", "OpenURL": "open_url",
		"OpenByID": "open_by_id", "Tab1": "tab1", "GlobalSearch": "global_search", "ForceQuit": "force_quit"}
	got := map[string]string{}
	for _, a := range Actions() {
		got[a.Field] = a.Name
		if a.Group == "" {
			t.Errorf("%s is in no help group", a.Field)
		}
	}
	for f, n := range want {
		if got[f] != n {
			t.Errorf("%s: name %q, want %q", f, got[f], n)
		}
	}
}

func TestApplyRebindsCloseToX(t *testing.T) {
	km := Default()
	if err := Apply(km, map[string][]string{"close": {"x"}}); err != nil {
		t.Fatal(err)
	}
	if !key.Matches(press("x"), km.Close) {
		t.Error("x does not close")
	}
	if key.Matches(press("c"), km.Close) {
		t.Error("c still closes")
	}
	if h := km.Close.Help(); h.Key != "x" || h.Desc != "close" {
		t.Errorf("help = %+v, want x / close", h)
	}
}

func TestApplyReportsConflict(t *testing.T) {
	km := Default()
	err := Apply(km, map[string][]string{"close": {"s"}})
	if err == nil {
		t.Fatal("close = s (snooze's key) was accepted")
	}
	for _, w := range []string{`"s"`, "close", "snooze"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not name %s", err, w)
		}
	}
	if !key.Matches(press("c"), km.Close) {
		t.Error("a refused override changed the keymap")
	}
}

func TestApplyReportsConflictWithGlobal(t *testing.T) {
	err := Apply(Default(), map[string][]string{"copy": {"q"}})
	if err == nil || !strings.Contains(err.Error(), "quit") {
		t.Fatalf("copy = q (quit's key): err = %v, want a conflict naming quit", err)
	}
}

func TestApplyAllowsSameKeyInOtherContexts(t *testing.T) {
	// Articles and Triage are never active together.
	if err := Apply(Default(), map[string][]string{"copy": {"x"}, "close": {"x"}}); err != nil {
		t.Fatal(err)
	}
}

func TestApplySwapsKeys(t *testing.T) {
	km := Default()
	if err := Apply(km, map[string][]string{"close": {"s"}, "snooze": {"c"}}); err != nil {
		t.Fatal(err)
	}
	if !key.Matches(press("s"), km.Close) || !key.Matches(press("c"), km.Snooze) {
		t.Error("swap did not take effect")
	}
}

func TestApplyReportsUnknownAction(t *testing.T) {
	err := Apply(Default(), map[string][]string{"clsoe": {"x"}})
	if err == nil || !strings.Contains(err.Error(), `"clsoe"`) || !strings.Contains(err.Error(), "close") {
		t.Fatalf("err = %v, want it to name clsoe and suggest close", err)
	}
	err = Apply(Default(), map[string][]string{"close": {}})
	if err == nil || !strings.Contains(err.Error(), "close") {
		t.Fatalf("empty key list: err = %v", err)
	}
}
