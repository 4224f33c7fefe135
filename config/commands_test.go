package config

import (
	"strings"
	"testing"
)

const commandsFile = `region = "us"

[[commands]]
name = "Open in CRM"
key = " ctrl+o "
run = "open https://crm.example.com/search?q={{.ContactEmail}}"

[[commands]]
name = "Page the thread"
key = "ctrl+e"
terminal = true
run = "echo {{.ConversationID}} | less"
`

func TestParseCommands(t *testing.T) {
	cfg, err := Parse("c.toml", []byte(commandsFile))
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Commands) != 2 {
		t.Fatalf("commands = %+v", cfg.Commands)
	}
	if c := cfg.Commands[0]; c.Name != "Open in CRM" || c.Key != "ctrl+o" || c.Terminal {
		t.Errorf("first = %+v", c)
	}
	if c := cfg.Commands[1]; !c.Terminal || c.Key != "ctrl+e" {
		t.Errorf("second = %+v", c)
	}
}

// Errors name the file, the line of the offending key inside its own [[commands]]
// table, and the command.
func TestCommandErrorsNameFileLineAndCommand(t *testing.T) {
	cases := []struct{ run, want string }{
		{`run = "open {{.Email}}"`, `c.toml:12: commands.1.run: command "second": run uses {{.Email}}, which is not a value: use one of ConversationID`},
		{`run = "open {{.URL"`, `c.toml:12: commands.1.run: command "second": run is not a valid template: unclosed action`},
		{`run = "echo '{{.ContactEmail}}'"`, `c.toml:12: commands.1.run: command "second": run puts {{.ContactEmail}} inside single quotes`},
		{`run = "echo {{html .ContactEmail}}"`, `c.toml:12: commands.1.run: command "second": run uses {{html .ContactEmail}}: only plain values`},
		{`run = "{{if .URL}}open{{end}}"`, `c.toml:12: commands.1.run: command "second": run uses {{if .URL}}open{{end}}: only plain values`},
		{`run = " "`, `c.toml:12: commands.1.run: command "second": run is empty`},
	}
	for _, c := range cases {
		text := commandsFile[:strings.Index(commandsFile, "[[commands]]\nname = \"Page")] +
			"[[commands]]\nname = \"second\"\nkey = \"ctrl+e\"\n\n" + c.run + "\n"
		_, err := Parse("c.toml", []byte(text))
		if err == nil || !strings.Contains(err.Error(), "config file "+c.want) {
			t.Errorf("%s:\n got %v\nwant %s", c.run, err, c.want)
		}
	}
	_, err := Parse("c.toml", []byte("[[commands]]\nname = \"x\"\nrun = \"true\"\n"))
	if err == nil || !strings.Contains(err.Error(), `c.toml:1: commands.0: command "x" has no key`) {
		t.Errorf("no key: %v", err)
	}
	_, err = Parse("c.toml", []byte("[[commands]]\nkey = \"ctrl+o\"\nrun = \"true\"\n"))
	if err == nil || !strings.Contains(err.Error(), `c.toml:1: commands.0: [[commands]] number 1 has no name`) {
		t.Errorf("no name: %v", err)
	}
}

func TestKeyLineInArraysOfTables(t *testing.T) {
	if got := keyLine(commandsFile, []string{"commands"}); got != 3 {
		t.Errorf("commands = line %d, want 3", got)
	}
	if got := keyLine(commandsFile, []string{"commands", "1", "key"}); got != 10 {
		t.Errorf("commands.1.key = line %d, want 10", got)
	}
	if got := keyLine(commandsFile, []string{"commands", "0", "run"}); got != 6 {
		t.Errorf("commands.0.run = line %d, want 6", got)
	}
	if got := keyLine(commandsFile, []string{"commands", "1"}); got != 8 {
		t.Errorf("commands.1 = line %d, want 8", got)
	}
}
