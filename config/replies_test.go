package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const repliesFile = `region = "us"
replies_dir = "~/replies"

[[replies]]
name = " Refund on its way "
body = """
Hi {{first_name}},

your refund is on its way.
"""

[[replies]]
name = "Thanks"
body = "Thanks for waiting!"
`

func TestRepliesParse(t *testing.T) {
	t.Setenv("HOME", "/home/ana")
	cfg, err := Parse("c.toml", []byte(repliesFile))
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Replies) != 2 || cfg.Replies[0].Name != "Refund on its way" || !strings.HasPrefix(cfg.Replies[0].Body, "Hi {{first_name}},\n") || cfg.Replies[1].Name != "Thanks" {
		t.Fatalf("replies = %#v", cfg.Replies)
	}
	if want := filepath.Join("/home/ana", "replies"); cfg.RepliesDir != want {
		t.Fatalf("replies_dir = %q, want %q", cfg.RepliesDir, want)
	}
	// Elsewhere the path stays as given (whether it exists is checked when loading).
	cfg, err = Parse("c.toml", []byte(`replies_dir = " /srv/replies~/x "`))
	if err != nil || cfg.RepliesDir != "/srv/replies~/x" {
		t.Fatalf("replies_dir = %q %v", cfg.RepliesDir, err)
	}
}

// Each error names the file, the line of the entry at fault (not the first [[replies]]),
// the key and what to do.
func TestRepliesErrorsNameFileLineAndKey(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"[[replies]]\nname = \"A\"\nbody = \"a\"\n\n[[replies]]\nbody = \"b\"\n",
			"config file c.toml:5: replies.1: this saved reply has no name"},
		{"[[replies]]\nname = \"A\"\nbody = \"a\"\n[[replies]]\nname = \"B\"\nbody = \"  \"\n",
			`config file c.toml:4: replies.1: saved reply "B" has no body`},
		{"[[replies]]\nname = \"Thanks\"\nbody = \"a\"\n[[replies]]\nname = \"B\"\nbody = \"b\"\n[[replies]]\nname = \"thanks \"\nbody = \"c\"\n",
			`config file c.toml:8: replies.2.name: saved reply "thanks" is defined twice: rename one`},
	} {
		_, err := Parse("c.toml", []byte(c.text))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q:\n got %v\nwant %s", c.text, err, c.want)
		}
	}
	if _, err := Parse("c.toml", []byte("[[replies]]\nname = \"A\"\ntitle = \"x\"\n")); err == nil || !strings.Contains(err.Error(), "c.toml:3: unknown key") {
		t.Errorf("unknown key: %v", err)
	}
}

func TestRepliesDirNeedsAHomeToExpand(t *testing.T) {
	t.Setenv("HOME", "")
	if os.Getenv("HOME") != "" {
		t.Skip("HOME cannot be unset here")
	}
	_, err := Parse("c.toml", []byte("region = \"us\"\nreplies_dir = \"~/r\"\n"))
	if err == nil || !strings.Contains(err.Error(), "c.toml:2: replies_dir: cannot expand ~") {
		t.Fatalf("err = %v", err)
	}
}
