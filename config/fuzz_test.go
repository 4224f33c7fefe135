package config

import (
	"strings"
	"testing"
)

// FuzzParse: no input makes Parse (or the key locator behind its messages) panic, and
// every error names the file.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"",
		"token = \"abc\"\nregion = \"eu\"\n",
		"token_command = \"pass show intercom/token\"\nbase_url = \"https://x\"\n",
		"[profiles.work]\ntoken = 'x'\n",
		"a.\"b.c\".d = 1\n",
		"[[replies]]\ntitle = \"\"\"\nmulti\n\"\"\"\n",
		"token = \"a\"\ntoken_command = \"b\"\n",
		"region = 5\n",
		"= 1\n",
		"[x\n",
		"key = \"\\u0000\"\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := Parse("f.toml", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "config file f.toml") {
				t.Fatalf("error without the file: %q", err)
			}
			return
		}
		if cfg.Token != "" && cfg.TokenCommand != "" {
			t.Fatal("token and token_command both accepted")
		}
	})
}
