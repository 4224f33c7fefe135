package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// envRunMain makes the test binary run main() instead of the tests: the completion
// scripts call the program back (`intercom-tui __complete …`), so the tests put a
// wrapper named intercom-tui on the PATH that runs this binary that way.
const envRunMain = "INTERCOM_TUI_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(envRunMain) == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// programOnPath is a directory holding an intercom-tui that runs main() of this test
// binary, and a config file with two profiles, with HOME and XDG dirs of its own.
func programOnPath(t *testing.T) (env []string) {
	t.Helper()
	dir := t.TempDir()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	script := "#!/bin/sh\n" + envRunMain + "=1 exec '" + self + "' \"$@\"\n"
	if err := os.WriteFile(filepath.Join(dir, "intercom-tui"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	cfgDir := filepath.Join(dir, "config")
	if err := os.MkdirAll(filepath.Join(cfgDir, "intercom-tui"), 0o700); err != nil {
		t.Fatal(err)
	}
	cfg := "[profiles.eu-support]\nregion = \"eu\"\n\n[profiles.us-support]\nregion = \"us\"\n"
	if err := os.WriteFile(filepath.Join(cfgDir, "intercom-tui", "config.toml"), []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	return append(os.Environ(), "PATH="+dir+string(os.PathListSeparator)+os.Getenv("PATH"),
		"HOME="+dir, "XDG_CONFIG_HOME="+cfgDir, "INTERCOM_TOKEN=", "INTERCOM_ACCESS_TOKEN=")
}

func shellOrSkip(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed; .ci/run installs it", name)
		}
		t.Skipf("%s is not installed", name)
	}
	return path
}

func runShell(t *testing.T, env []string, shell string, args ...string) string {
	t.Helper()
	cmd := exec.Command(shell, args...)
	cmd.Env = env
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %v: %v\nstdout: %s\nstderr: %s", shell, args, err, out.String(), errb.String())
	}
	return out.String()
}

func wantAll(t *testing.T, what, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("%s: %q missing from:\n%s", what, w, got)
		}
	}
}

// Bash: the script loads, and completing runs the program for subcommands, the
// region's values and the config file's profiles.
func TestBashCompletion(t *testing.T) {
	bash := shellOrSkip(t, "bash")
	if _, err := os.Stat("/usr/share/bash-completion/bash_completion"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("bash-completion is not installed; .ci/run installs it")
		}
		t.Skip("bash-completion is not installed")
	}
	env := programOnPath(t)
	complete := func(line string) string {
		words := strings.Fields(line)
		if strings.HasSuffix(line, " ") {
			words = append(words, "")
		}
		quoted := make([]string, len(words))
		for i, w := range words {
			quoted[i] = "'" + w + "'"
		}
		// Cobra's bash script needs bash-completion's helpers, as users' shells have.
		script := `source /usr/share/bash-completion/bash_completion
source <(intercom-tui completion bash)
COMP_WORDS=(` + strings.Join(quoted, " ") + `)
COMP_CWORD=` + strconv.Itoa(len(words)-1) + `
COMP_LINE='` + line + `'
COMP_POINT=${#COMP_LINE}
__start_intercom-tui intercom-tui 2>/dev/null
printf '%s\n' "${COMPREPLY[@]}"`
		return runShell(t, env, bash, "-c", script)
	}
	wantAll(t, "subcommands", complete("intercom-tui "), "config", "doctor", "redirect", "serve-demo", "sync", "completion")
	wantAll(t, "--region", complete("intercom-tui --region "), "us", "eu", "au")
	wantAll(t, "--profile", complete("intercom-tui --profile "), "eu-support", "us-support")
	wantAll(t, "config", complete("intercom-tui config "), "init", "path", "edit")
}

// Fish: `complete -C` asks fish for the completions of a command line.
func TestFishCompletion(t *testing.T) {
	fish := shellOrSkip(t, "fish")
	env := programOnPath(t)
	complete := func(line string) string {
		return runShell(t, env, fish, "--no-config", "-c", "intercom-tui completion fish | source; complete -C'"+line+"'")
	}
	wantAll(t, "subcommands", complete("intercom-tui "), "config", "doctor", "redirect", "sync")
	wantAll(t, "--region", complete("intercom-tui --region "), "us", "eu", "au")
	wantAll(t, "--profile", complete("intercom-tui --profile "), "eu-support", "us-support")
}

// Zsh: the script parses, defines the completion function, and registers it with
// compdef once compinit has run.
func TestZshCompletion(t *testing.T) {
	zsh := shellOrSkip(t, "zsh")
	env := programOnPath(t)
	out := runShell(t, env, zsh, "-f", "-c", `autoload -U compinit && compinit -u -D
source <(intercom-tui completion zsh)
whence -w _intercom-tui
print -r -- ${_comps[intercom-tui]}`)
	wantAll(t, "zsh", out, "_intercom-tui: function", "_intercom-tui")
	// What the function asks the program for: the same answers bash and fish get.
	got := runShell(t, env, zsh, "-f", "-c", `intercom-tui __complete --profile ''`)
	wantAll(t, "__complete --profile", got, "eu-support", "us-support")
}

// --version names the build, the toolchain and platform, and the API version.
func TestVersionHasBuildInformation(t *testing.T) {
	var out, errb bytes.Buffer
	root := newRootCmd(&out, &errb)
	root.SetArgs([]string{"--version"})
	if err := root.Execute(); err != nil {
		t.Fatal(err)
	}
	wantAll(t, "--version", out.String(), "intercom-tui ", "built with go1.", "Intercom REST API 2.9 (ticket search 2.10)")
}
