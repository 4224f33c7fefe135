package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/ui/components/help"
	"github.com/intercom-tui/intercom-tui/ui/palette"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

// The command palette (ctrl+k or :) over the inbox. Regenerate with
// go test ./ui/ -run Palette -update.

var ctrlK = tea.KeyPressMsg{Code: 'k', Mod: tea.ModCtrl}

func TestGoldenPalette120x36(t *testing.T) {
	h := newHarness(t, 300)
	tm, p := h.run(t, 120, 36, "Open 134")
	tm.Send(ctrlK)
	waitFor(t, tm, p, "Command palette", "help", "? · Global")
	requireGolden(t, final(t, tm))
}

// : opens the palette too; choosing "search everything" opens the global search, as
// ctrl+f would.
func TestPaletteReachesGlobalSearch(t *testing.T) {
	h := newHarness(t, 300)
	tm, p := h.run(t, 120, 36, "Open 134")
	press(tm, ":")
	waitFor(t, tm, p, "Command palette")
	for _, r := range "search every" {
		press(tm, string(r))
	}
	waitFor(t, tm, p, "> search every", "ctrl+f · Global")
	press(tm, "enter")
	waitFor(t, tm, p, "search articles and conversations")
	if s := final(t, tm); strings.Contains(s, "Command palette") {
		t.Fatalf("the palette is still open:\n%s", s)
	}
}

// Every binding of the keymap's help groups appears, with its key, in the help overlay's
// text and in the palette's list (found by typing its description).
func TestEveryBindingInHelpAndPalette(t *testing.T) {
	k := keymap.Default()
	styles := theme.New(theme.Dark)
	helpText, _ := help.Render(styles, k, 240, 400, 0)
	helpText = ansi.Strip(helpText)
	for _, g := range k.Groups() {
		for _, b := range g.Bindings {
			hb := b.Help()
			if !strings.Contains(helpText, hb.Key) || !strings.Contains(helpText, hb.Desc) {
				t.Errorf("help lacks %q (%s)", hb.Desc, hb.Key)
			}
			var o shared.Overlay = palette.New(k, styles)
			for _, r := range hb.Desc {
				o, _ = o.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
			}
			row := false
			for _, line := range strings.Split(ansi.Strip(o.View(160, 40)), "\n") {
				if strings.Contains(line, hb.Desc) && strings.Contains(line, " "+hb.Key+" · ") {
					row = true
				}
			}
			if !row {
				t.Errorf("palette lacks %q (%s):\n%s", hb.Desc, hb.Key, ansi.Strip(o.View(160, 40)))
			}
		}
	}
}
