package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/config"
	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/usercmd"
)

// runRoot runs the root command with args and returns stdout, stderr and the error.
func runRoot(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	cmd := newRootCmd(&out, &errOut)
	cmd.SetArgs(args)
	err := cmd.ExecuteContext(context.Background())
	return out.String(), errOut.String(), err
}

func writeConfig(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestConfigInitWritesPrivateFileThatLoads(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	want := filepath.Join(dir, "intercom-tui", "config.toml")
	out, errOut, err := runRoot(t, "config", "init")
	if err != nil || !strings.Contains(out, want) {
		t.Fatalf("init: %v %q %q", err, out, errOut)
	}
	st, err := os.Stat(want)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("stat: %v %v", st, err)
	}
	f, err := config.Load(want, true)
	if err != nil || f.Config.Token != "" || len(f.Config.Keys) != 0 {
		t.Fatalf("load: %v %v", f, err)
	}
	data, _ := os.ReadFile(want)
	for _, a := range keymap.Actions() {
		if !strings.Contains(string(data), "# "+a.Name+" = [") {
			t.Errorf("init's comments do not list action %s", a.Name)
		}
	}
	// Uncommenting the whole [keys] section (the defaults) loads and applies cleanly.
	var keys strings.Builder
	on := false
	for _, line := range strings.Split(string(data), "\n") {
		if on && line == "" {
			break // the end of the [keys] section
		}
		on = on || line == "# [keys]"
		if on && !strings.HasPrefix(line, "# —") {
			keys.WriteString(strings.TrimPrefix(line, "# ") + "\n")
		}
	}
	cfg, err := config.Parse("x", []byte(keys.String()))
	if err != nil || len(cfg.Keys) != len(keymap.Actions()) {
		t.Fatalf("uncommented keys: %v (%d keys)", err, len(cfg.Keys))
	}
	if err := keymap.Apply(keymap.Default(), cfg.Keys); err != nil {
		t.Fatalf("default keys as overrides: %v", err)
	}
	if _, errOut, err = runRoot(t, "config", "init"); err == nil || !strings.Contains(errOut, "--force") {
		t.Fatalf("second init: %v %q", err, errOut)
	}
	if err := os.Chmod(want, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, err = runRoot(t, "config", "init", "--force"); err != nil {
		t.Fatalf("init --force: %v %q", err, errOut)
	}
	if st, _ := os.Stat(want); st.Mode().Perm() != 0o600 {
		t.Errorf("after --force mode %v", st.Mode().Perm())
	}
}

func TestConfigPathPrintsTheFileRead(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	out, _, err := runRoot(t, "config", "path")
	if err != nil || strings.TrimSpace(out) != filepath.Join(dir, "intercom-tui", "config.toml") {
		t.Fatalf("%v %q", err, out)
	}
	out, _, err = runRoot(t, "--config", "/etc/other.toml", "config", "path")
	if err != nil || strings.TrimSpace(out) != "/etc/other.toml" {
		t.Fatalf("--config: %v %q", err, out)
	}
}

func TestConfigEditRunsEditorThenChecksTheFile(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	script := filepath.Join(t.TempDir(), "ed.sh")
	if err := os.WriteFile(script, []byte("#!/bin/sh\nprintf '[keys]\\nclose = [\"x\"]\\n' >> \"$1\"\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("EDITOR", script)
	if _, errOut, err := runRoot(t, "config", "edit"); err != nil {
		t.Fatalf("edit: %v %q", err, errOut)
	}
	path, _ := config.DefaultPath()
	f, err := config.Load(path, true)
	if err != nil || f.Config.Keys["close"][0] != "x" {
		t.Fatalf("after edit: %v %v", f, err)
	}

	// A mistake made in the editor is reported at once, with the file and line.
	bad := writeConfig(t, "")
	if err := os.WriteFile(script, []byte("#!/bin/sh\nprintf '[keys]\\nclose = [\"s\"]\\n' >> \"$1\"\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	_, errOut, err := runRoot(t, "--config", bad, "config", "edit")
	if err == nil || !strings.Contains(errOut, bad+":1") || !strings.Contains(errOut, "snooze") {
		t.Fatalf("bad edit: %v %q", err, errOut)
	}

	t.Setenv("EDITOR", "true")
	if _, errOut, err := runRoot(t, "config", "edit"); err != nil {
		t.Fatalf("EDITOR=true: %v %q", err, errOut)
	}
}

const profileConfig = `region = "us"
refresh = "90s"

[profiles.eu-support]
region = "eu"
token = "eu-token"
phone_region = "IE"
refresh = "15s"

[keys]
close = ["x"]
`

func TestProfileFlagSelectsWorkspaceAndSettings(t *testing.T) {
	t.Setenv("INTERCOM_TOKEN", "")
	t.Setenv("INTERCOM_ACCESS_TOKEN", "")
	t.Setenv("INTERCOM_REGION", "")
	t.Setenv("INTERCOM_PHONE_REGION", "")
	t.Setenv(config.EnvProfile, "")
	path := writeConfig(t, profileConfig)
	ctxFor := func(profile string) context.Context {
		return withSession(context.Background(), &session{flags: globalFlags{config: path, profile: profile}})
	}
	tgt, err := resolveTarget(ctxFor("eu-support"), connFlags{})
	if err != nil || tgt.Region != api.RegionEU || tgt.Token != "eu-token" {
		t.Fatalf("--profile eu-support: %v %v", tgt, err)
	}
	if tgt, _ := resolveTarget(ctxFor(""), connFlags{}); tgt.Region != api.RegionUS || tgt.HasToken() {
		t.Fatalf("no profile: %v", tgt)
	}
	t.Setenv(config.EnvProfile, "eu-support")
	if tgt, _ := resolveTarget(ctxFor(""), connFlags{}); tgt.Region != api.RegionEU {
		t.Fatalf("INTERCOM_PROFILE: %v", tgt)
	}
	if _, err := resolveTarget(ctxFor("apac"), connFlags{}); err == nil || !strings.Contains(err.Error(), "eu-support") {
		t.Fatalf("unknown profile: %v", err)
	}

	file, err := loadConfig(ctxFor("eu-support"))
	if err != nil {
		t.Fatal(err)
	}
	f := browseFlags{refresh: time.Minute, region: "US"}.withConfig(file)
	if f.refresh != 15*time.Second || f.region != "IE" {
		t.Errorf("profile settings: %+v", f)
	}
	given := browseFlags{refresh: time.Minute, region: "US", changed: func(string) bool { return true }}.withConfig(file)
	if given.refresh != time.Minute || given.region != "US" {
		t.Errorf("flags must win over the profile: %+v", given)
	}
	km, err := configKeys(file)
	if err != nil {
		t.Fatal(err)
	}
	if ks := km.Close.Keys(); len(ks) != 1 || ks[0] != "x" {
		t.Errorf("close keys = %v", ks)
	}
}

func TestBrowseReportsKeyConflictsAtStart(t *testing.T) {
	path := writeConfig(t, "region = \"us\"\n[keys]\nclose = [\"s\"]\n")
	_, errOut, err := runRoot(t, "--config", path, "--demo", "--demo-size", "5")
	if err == nil || !strings.Contains(errOut, path+":2") || !strings.Contains(errOut, "close") || !strings.Contains(errOut, "snooze") {
		t.Fatalf("%v %q", err, errOut)
	}
	path = writeConfig(t, "[keys]\nclsoe = [\"x\"]\n")
	if _, errOut, err = runRoot(t, "--config", path, "--demo", "--demo-size", "5"); err == nil || !strings.Contains(errOut, `"clsoe"`) {
		t.Fatalf("%v %q", err, errOut)
	}
}

// README's example config loads, and its keys apply without a conflict.
func TestReadmeExampleConfigLoads(t *testing.T) {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	var block string
	for _, part := range strings.Split(string(data), "```toml\n")[1:] {
		if body := strings.SplitN(part, "```", 2)[0]; strings.Contains(body, `close = ["x"]`) {
			block = body
		}
	}
	if block == "" {
		t.Fatal(`README has no toml example with close = ["x"]`)
	}
	cfg, err := config.Parse("README.md", []byte(block))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := cfg.Profiles["eu-support"]; !ok {
		t.Error("the example has no eu-support profile")
	}
	km := keymap.Default()
	if err := keymap.Apply(km, cfg.Keys); err != nil {
		t.Fatal(err)
	}
}

// The commented [[commands]] examples of config init load, bind their keys over the
// defaults, and name every template value.
func TestConfigInitCommandsExampleLoads(t *testing.T) {
	text := defaultConfigText()
	for _, n := range usercmd.Names() {
		if !strings.Contains(text, "{{."+n+"}}") {
			t.Errorf("the commands comment does not list {{.%s}}", n)
		}
	}
	var b strings.Builder
	on := false
	for _, line := range strings.Split(text, "\n") {
		on = on || line == "# [[commands]]"
		if on {
			b.WriteString(strings.TrimPrefix(strings.TrimPrefix(line, "#"), " ") + "\n")
		}
	}
	path := writeConfig(t, b.String())
	file, err := config.Load(path, true)
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	cmds, err := configCommands(file, keymap.Default())
	if err != nil || len(cmds) != 3 || !cmds[2].Terminal {
		t.Fatalf("%v %+v", err, cmds)
	}
}

// A command's key that an action uses stops the start before anything connects, naming
// the file and line of that key, the command and the action.
func TestBrowseReportsCommandKeyConflictsAtStart(t *testing.T) {
	path := writeConfig(t, "region = \"us\"\n\n[[commands]]\nname = \"crm\"\nkey = \"ctrl+o\"\nrun = \"true\"\n\n[[commands]]\nname = \"mail\"\nkey = \"c\"\nrun = \"echo {{.ContactEmail}}\"\n")
	_, errOut, err := runRoot(t, "--config", path, "--demo", "--demo-size", "5")
	want := path + `:10: [[commands]]: key "c" is bound to both command "mail" and the close action (Triage)`
	if err == nil || !strings.Contains(errOut, want) {
		t.Fatalf("%v %q\nwant %q", err, errOut, want)
	}
	path = writeConfig(t, "[[commands]]\nname = \"crm\"\nkey = \"ctrl+o\"\nrun = \"open '{{.URL}}'\"\n")
	_, errOut, err = runRoot(t, "--config", path, "--demo", "--demo-size", "5")
	if err == nil || !strings.Contains(errOut, path+`:4: commands.0.run: command "crm": run puts {{.URL}} inside single quotes`) {
		t.Fatalf("%v %q", err, errOut)
	}
}

// README's [[commands]] example loads and binds over the default keys.
func TestReadmeCommandsExampleLoads(t *testing.T) {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	var block string
	for _, part := range strings.Split(string(data), "```toml\n")[1:] {
		if body := strings.SplitN(part, "```", 2)[0]; strings.Contains(body, "[[commands]]") {
			block = body
		}
	}
	if block == "" {
		t.Fatal("README has no toml example with [[commands]]")
	}
	file, err := config.Load(writeConfig(t, block), true)
	if err != nil {
		t.Fatal(err)
	}
	if cmds, err := configCommands(file, keymap.Default()); err != nil || len(cmds) != 2 {
		t.Fatalf("%v %d", err, len(cmds))
	}
}

// mouse = false in the file turns the mouse off unless --mouse was given; unset, the
// flag's default (on) stands.
func TestMouseConfigAndFlag(t *testing.T) {
	off := false
	file := &config.File{Config: config.Config{Mouse: &off}}
	if f := (browseFlags{mouse: true}).withConfig(file); f.mouse {
		t.Error("mouse = false in the file did not turn the mouse off")
	}
	given := browseFlags{mouse: true, changed: func(n string) bool { return n == "mouse" }}.withConfig(file)
	if !given.mouse {
		t.Error("--mouse must win over the file")
	}
	if f := (browseFlags{mouse: true}).withConfig(&config.File{}); !f.mouse {
		t.Error("no mouse key: the mouse stays on")
	}
	cfg, err := config.Parse("c.toml", []byte("mouse = false\n"))
	if err != nil || cfg.Mouse == nil || *cfg.Mouse {
		t.Fatalf("mouse = false parses: %v %v", cfg.Mouse, err)
	}
}
