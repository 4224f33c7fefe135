package ui

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/intercom-tui/intercom-tui/ui/theme"
)

// sgr finds every SGR sequence; colourParam is one of its parameters that sets a
// colour: 30-39, 40-49, 90-97, 100-107 (38 and 48 lead the extended forms).
var (
	sgr         = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)
	colourParam = regexp.MustCompile(`^(3[0-9]|4[0-9]|9[0-7]|10[0-7])$`)
)

func colours(screen string) []string {
	var out []string
	for _, m := range sgr.FindAllStringSubmatch(screen, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			if colourParam.MatchString(p) {
				out = append(out, m[0])
				break
			}
		}
	}
	return out
}

// rawFinal quits and returns the final screen with its escape sequences.
func rawFinal(t *testing.T, tm *teatest.TestModel) string {
	t.Helper()
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	return tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(probed).App.Render()
}

// Under NO_COLOR the screen (a list, a thread with an internal note, its markdown
// bodies, the tab and status bars) has no colour at all, and the selected row is
// still marked: by the cursor bar and by reverse video.
func TestNoColorScreenHasNoColour(t *testing.T) {
	h := newHarness(t, 300)
	h.ctx.Styles = nil // the app builds its styles from Options.Look, as at start-up
	tm, p := h.runWith(t, Options{Where: "demo workspace", Look: theme.Config{NoColor: true}}, 120, 36, "Open 134")
	press(tm, "j", "j", "enter")
	waitFor(t, tm, p, "Alejandro López <alejandro", "Internal note")
	screen := rawFinal(t, tm)
	if c := colours(screen); len(c) > 0 {
		t.Errorf("NO_COLOR screen has %d colour sequences, first %q", len(c), c[0])
	}
	var selected string
	for _, l := range strings.Split(screen, "\n") {
		if strings.HasPrefix(ansi.Strip(l), "▌") {
			selected = l
		}
	}
	if selected == "" {
		t.Fatalf("no row has the cursor bar:\n%s", ansi.Strip(screen))
	}
	if !reverse(selected) {
		t.Errorf("the selected row is not in reverse video: %q", selected)
	}
	if !strings.Contains(screen, "\x1b[7") && !strings.Contains(screen, ";7m") {
		t.Error("no reverse video anywhere: the active tab and the note header need it")
	}
}

func reverse(line string) bool {
	for _, m := range sgr.FindAllStringSubmatch(line, -1) {
		for _, p := range strings.Split(m[1], ";") {
			if p == "7" {
				return true
			}
		}
	}
	return false
}

// The same screen in colour does have colours: the check above is not blind.
func TestColourScreenHasColour(t *testing.T) {
	h := newHarness(t, 300)
	tm, _ := h.run(t, 80, 24, "Open 134")
	if c := colours(rawFinal(t, tm)); len(c) == 0 {
		t.Error("the default theme wrote no colour")
	}
}

// Icons are plain by default and Nerd Font glyphs when the config asks; the columns
// stay where they were (every icon is one cell).
func TestNerdIconsOnOptIn(t *testing.T) {
	h := newHarness(t, 300)
	tm, _ := h.run(t, 120, 36, "Open 134")
	plain := ansi.Strip(rawFinal(t, tm))
	if !strings.Contains(plain, theme.PlainIcons.Unread) || strings.Contains(plain, theme.NerdIcons.Unread) {
		t.Fatalf("default icons are not the plain ones:\n%s", plain)
	}

	h = newHarness(t, 300)
	h.ctx.Styles = nil
	tm, _ = h.runWith(t, Options{Where: "demo workspace", Look: theme.Config{Icons: "nerd"}}, 120, 36, "Open 134")
	nerd := ansi.Strip(rawFinal(t, tm))
	for _, want := range []string{theme.NerdIcons.Unread + " ", theme.NerdIcons.Online + " online"} {
		if !strings.Contains(nerd, want) {
			t.Errorf("nerd screen lacks %q:\n%s", want, nerd)
		}
	}
	if strings.Contains(nerd, theme.PlainIcons.Unread) {
		t.Errorf("nerd screen still has the plain unread mark:\n%s", nerd)
	}
	swap := strings.NewReplacer(theme.NerdIcons.Unread, theme.PlainIcons.Unread, theme.NerdIcons.Priority, theme.PlainIcons.Priority)
	if got := swap.Replace(nerd); got != plain {
		t.Errorf("with the icons swapped back the screens differ (a column moved):\nplain:\n%s\nnerd:\n%s", plain, nerd)
	}
}

// rawScreen is the probe's last screen with its escape sequences.
func (p *probe) rawScreen() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.raw
}

// A tour of the other screens under NO_COLOR: a picker, the help, the palette, the
// ticket list and detail, the help-center tree and reader. None writes a colour, and
// each shows its chosen line in reverse video.
func TestNoColorTour(t *testing.T) {
	h := newHarness(t, 300)
	h.ctx.Styles = nil
	tm, p := h.runWith(t, Options{Where: "demo workspace", Look: theme.Config{NoColor: true}}, 120, 36, "Open 134")
	check := func(what string, wantReverse bool) {
		t.Helper()
		raw := p.rawScreen()
		if c := colours(raw); len(c) > 0 {
			t.Errorf("%s: %d colour sequences under NO_COLOR, first %q:\n%s", what, len(c), c[0], ansi.Strip(raw))
		}
		if wantReverse && !strings.Contains(raw, "\x1b[7") && !strings.Contains(raw, ";7m") && !strings.Contains(raw, ";7;") {
			t.Errorf("%s: nothing in reverse video", what)
		}
	}
	press(tm, "a")
	waitFor(t, tm, p, "Assign #", "▌ Me (")
	check("assign picker", true)
	press(tm, "esc")
	waitGone(t, tm, p, "Assign #")
	press(tm, "?")
	waitFor(t, tm, p, "Keys", "next view")
	check("help", true)
	press(tm, "?")
	waitGone(t, tm, p, "next view")
	tm.Send(ctrlK)
	waitFor(t, tm, p, "Command palette")
	check("palette", true)
	press(tm, "esc")
	waitGone(t, tm, p, "Command palette")
	press(tm, "3")
	waitFor(t, tm, p, "#10")
	press(tm, "enter")
	waitFor(t, tm, p, "Submitted")
	check("tickets", true)
	press(tm, "4")
	waitFor(t, tm, p, "40 articles", "Developers & API")
	check("articles tree", true)
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
}

// waitGone waits until the screen no longer shows gone (an overlay closed).
func waitGone(t *testing.T, tm *teatest.TestModel, p *probe, gone string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func([]byte) bool { return !strings.Contains(p.text(), gone) },
		teatest.WithDuration(15*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
}
