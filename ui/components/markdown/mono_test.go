package markdown

import (
	"regexp"
	"strings"
	"testing"

	"charm.land/glamour/v2/styles"
)

// sgrColour finds an SGR colour parameter (3x, 4x, 9x, 10x, 38;…, 48;…).
var sgrColour = regexp.MustCompile(`\x1b\[(?:[0-9]*[;:])*(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:[;:][0-9]*)*m`)

const richBody = `<h1>Refunds</h1><p>Read <b>this</b>, <i>then</i> <a href="https://example.com/x">that</a>.</p>` +
	`<ul><li>one</li><li>two</li></ul><pre><code>code block</code></pre><blockquote>quoted</blockquote>` +
	`<table><tr><th>A</th></tr><tr><td>1</td></tr></table><p><img src="https://cdn.example.com/a.png"></p>`

// The mono style (NO_COLOR) writes no colour at all but keeps the text and its
// emphasis; the dark style it comes from does write colours (the test is not blind).
func TestMonoStyleHasNoColour(t *testing.T) {
	r := New()
	mono, err := r.Render(Key{}, richBody, 60, MonoStyle)
	if err != nil {
		t.Fatal(err)
	}
	out := strings.Join(mono, "\n")
	if m := sgrColour.FindString(out); m != "" {
		t.Errorf("mono output has a colour %q:\n%q", m, out)
	}
	for _, want := range []string{"Refunds", "this", "then", "that", "one", "code block", "quoted", "▣ a.png"} {
		if !strings.Contains(plain(mono), want) {
			t.Errorf("mono output lacks %q:\n%s", want, plain(mono))
		}
	}
	if !strings.Contains(out, "\x1b[") {
		t.Error("mono output has no emphasis at all")
	}
	dark, _ := r.Render(Key{}, richBody, 60, "dark")
	if !sgrColour.MatchString(strings.Join(dark, "\n")) {
		t.Error("the dark style has no colour either: the pattern finds nothing")
	}
	// Stripping the colours copies what it changes: glamour's own sheet keeps them.
	if styles.DarkStyleConfig.Document.Color == nil {
		t.Error("building the mono style changed glamour's dark style")
	}
}

// A style may carry the image icon after "|" (the Nerd Font one, from the theme); it
// is part of the cache key, so a change of icons renders again.
func TestStyleCarriesTheImageIcon(t *testing.T) {
	r := New()
	body := `<p><img alt="chart" src="https://cdn.example.com/c.png"></p>`
	k := Key{ID: "p1", UpdatedAt: 1}
	nerd, err := r.Render(k, body, 60, "dark|\uf03e")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(plain(nerd), "\uf03e chart") {
		t.Errorf("nerd: %q", plain(nerd))
	}
	plainLines, _ := r.Render(k, body, 60, "dark")
	if !strings.Contains(plain(plainLines), "▣ chart") {
		t.Errorf("plain: %q", plain(plainLines))
	}
	if _, err := r.Render(Key{}, body, 60, "nope|x"); err == nil {
		t.Error("an unknown style with an icon: no error")
	}
}
