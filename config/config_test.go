package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestParseValid(t *testing.T) {
	cfg, err := Parse("c.toml", []byte(`# mine
token = " tok-123 "
base_url = "https://proxy.example.com/intercom"
region = "eu"
`))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Token != "tok-123" || cfg.BaseURL != "https://proxy.example.com/intercom" || cfg.Region != "eu" || cfg.TokenCommand != "" {
		t.Fatalf("got %#v", cfg)
	}
	if strings.Contains(cfg.String()+cfg.GoString(), "tok-123") {
		t.Fatalf("printing a Config shows its token: %s", cfg)
	}
}

func TestParseUnknownKeyNamesFileLineAndKey(t *testing.T) {
	cases := []struct {
		text, want string
	}{
		{"region = \"us\"\n\ntokn = \"x\"\n", `c.toml:3: unknown key "tokn"`},
		{"region = \"us\"\n[theme]\nname = \"dark\"\n", `c.toml:3: unknown key "theme.name"`},
		{"region = \"us\"\n[colors]\naccent = \"red\"\n", `c.toml:2: unknown key "colors"`},
		{"# c\n[profiles.work]\nregion = \"eu\"\ntokne = \"x\"\n", `c.toml:4: unknown key "profiles.work.tokne"`},
	}
	for _, c := range cases {
		_, err := Parse("c.toml", []byte(c.text))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q", c.text, err, c.want)
		}
	}
}

func TestParseSyntaxErrorNamesLineAndColumnNotTheValue(t *testing.T) {
	_, err := Parse("/home/a/c.toml", []byte("region = \"us\"\ntoken = s3cr3tTokenValue\n"))
	if err == nil {
		t.Fatal("a bare word is not a TOML value")
	}
	if !strings.HasPrefix(err.Error(), "config file /home/a/c.toml:2:9: ") {
		t.Fatalf("no file:line:column in %q", err)
	}
	if strings.Contains(err.Error(), "s3cr3tTokenValue") {
		t.Fatalf("the value (a token) is in the error: %q", err)
	}
	_, err = Parse("c.toml", []byte("region = 5\n"))
	if err == nil || !strings.Contains(err.Error(), "line 1") || !strings.Contains(err.Error(), "c.toml") {
		t.Fatalf("a wrong type: %v", err)
	}
}

func TestParseRefusesTokenAndTokenCommand(t *testing.T) {
	_, err := Parse("c.toml", []byte("token = \"a\"\ntoken_command = \"pass show x\"\n"))
	if err == nil || !strings.Contains(err.Error(), "both token and token_command") {
		t.Fatalf("got %v", err)
	}
}

func writeConfig(t *testing.T, text string, mode os.FileMode) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(p, []byte(text), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, mode); err != nil { // the umask may have narrowed it
		t.Fatal(err)
	}
	return p
}

func TestLoadMissingFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "none.toml")
	f, err := Load(p, false)
	if err != nil || f.Exists || !reflect.DeepEqual(f.Config, Config{}) {
		t.Fatalf("a missing default file: %+v %v", f, err)
	}
	if _, err := Load(p, true); err == nil {
		t.Fatal("a missing --config FILE must be an error")
	}
}

func TestLoadRefusesReadableFileWithSecrets(t *testing.T) {
	for _, text := range []string{"token = \"tok-9\"\n", "token_command = \"pass show intercom/token\"\n"} {
		for _, mode := range []os.FileMode{0o644, 0o640, 0o604, 0o660} {
			p := writeConfig(t, text, mode)
			_, err := Load(p, false)
			if err == nil {
				t.Fatalf("mode %o with %q accepted", mode, text)
			}
			if !strings.Contains(err.Error(), "chmod 600 "+p) || strings.Contains(err.Error(), "tok-9") {
				t.Fatalf("mode %o: %q", mode, err)
			}
		}
		p := writeConfig(t, text, 0o600)
		if f, err := Load(p, false); err != nil || !f.Exists {
			t.Fatalf("0600: %v", err)
		}
	}
	p := writeConfig(t, "region = \"eu\"\n", 0o644)
	if f, err := Load(p, false); err != nil || f.Config.Region != "eu" {
		t.Fatalf("a file without secrets may be readable: %v", err)
	}
}

func TestShellQuote(t *testing.T) {
	if got := shellQuote("/home/a b/it's.toml"); got != `'/home/a b/it'\''s.toml'` {
		t.Fatal(got)
	}
}
