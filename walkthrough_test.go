package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/intercom-tui/intercom-tui/config"
	"github.com/intercom-tui/intercom-tui/keymap"
)

// readmeSection is README's text from the heading that starts with title to the next
// "## " heading.
func readmeSection(t *testing.T, title string) string {
	t.Helper()
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	i := strings.Index(s, "\n## "+title)
	if i < 0 {
		t.Fatalf("README has no section %q", title)
	}
	s = s[i+1:]
	if j := strings.Index(s[3:], "\n## "); j >= 0 {
		s = s[:j+3]
	}
	return s
}

var shBlock = regexp.MustCompile("(?s)```sh\n(.*?)```")

// README's "First steps" run as written (go run . is the program on the PATH): config
// init, the [keys] table that rebinds x to close, the triage profile. Each `go run .`
// in them runs the program with stdout not a terminal, which loads the config (key
// conflicts included) and prints the inbox. Then the file they made is read the way
// the program reads it: close is x alone, and --profile triage starts on Unassigned.
func TestReadmeWalkthrough(t *testing.T) {
	sh := shellOrSkip(t, "sh")
	env := programOnPath(t)
	cfgHome := filepath.Join(t.TempDir(), "walk")
	env = append(env, "XDG_CONFIG_HOME="+cfgHome, "INTERCOM_PROFILE=")
	sec := readmeSection(t, "First steps")

	steps := []string{"go run . config init\ngo run . config path\n"}
	for _, m := range shBlock.FindAllStringSubmatch(sec, -1) {
		steps = append(steps, m[1])
	}
	if len(steps) != 3 {
		t.Fatalf("README's First steps have %d shell blocks, want 2 (the key, the profile)", len(steps)-1)
	}
	for i, step := range steps {
		script := strings.ReplaceAll(dedent(step), "go run .", "intercom-tui")
		cmd := exec.Command(sh, "-c", "set -e\n"+script)
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("step %d:\n%s\nfailed: %v\n%s", i+1, script, err, out)
		}
		if i > 0 && !strings.Contains(string(out), "demo workspace") {
			t.Errorf("step %d's go run . printed no inbox:\n%s", i+1, out)
		}
	}

	path := filepath.Join(cfgHome, "intercom-tui", "config.toml")
	file, err := config.Load(path, true)
	if err != nil {
		t.Fatal(err)
	}
	keys, err := configKeys(file)
	if err != nil {
		t.Fatal(err)
	}
	if got := keys.Close.Keys(); len(got) != 1 || got[0] != "x" {
		t.Errorf("close is bound to %v, want [x]", got)
	}
	group := ""
	for _, a := range keymap.Actions() {
		if a.Name == "close" {
			group = a.Group
		}
	}
	for _, a := range keymap.Actions() {
		b, _ := keys.Lookup(a.Name)
		if a.Name != "close" && a.Group == group && contains(b.Keys(), "x") {
			t.Errorf("x is also bound to %s in %s", a.Name, group)
		}
		if a.Name == "close" && contains(b.Keys(), "c") {
			t.Error("c still closes")
		}
	}
	if f := (browseFlags{}).withConfig(file); f.defaultView != "" {
		t.Errorf("without a profile the first view is %q, want the default (open)", f.defaultView)
	}
	triage, err := file.Select("triage")
	if err != nil {
		t.Fatal(err)
	}
	f := (browseFlags{}).withConfig(triage)
	if f.defaultView != "unassigned" || f.refresh.String() != "30s" {
		t.Errorf("--profile triage: first view %q, refresh %s; want unassigned, 30s", f.defaultView, f.refresh)
	}
}

// dedent removes the indentation of a code block inside a list item.
func dedent(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, "   ")
	}
	return strings.Join(lines, "\n")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
