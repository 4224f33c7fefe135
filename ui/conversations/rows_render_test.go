package conversations

import (
	"testing"

	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

// rowCell cuts and pads exactly as textfmt.Cell does.
func TestRowCellIsTextfmtCell(t *testing.T) {
	for _, s := range []string{"", "a", "ab", "Oisín Kelly", "wide 漢字 name", "exactly-ten", "tab\there", "emoji 🙂 x"} {
		for w := 0; w <= 14; w++ {
			if got, want := rowCell(s, textWidth(s), w), textfmt.Cell(s, w); got != want {
				t.Errorf("rowCell(%q, %d) = %q, want %q", s, w, got, want)
			}
		}
	}
}

// Joining a row from the styles' escape sequences draws what rendering every cell
// through lipgloss draws, in every state, theme and width.
func TestRowSpansRenderAsLipgloss(t *testing.T) {
	convs, w := benchSummaries(300)
	dir := testContext(w, testNow, 20).Dir
	now := inboxNow.Unix()
	for _, mode := range []theme.Palette{theme.Dark, theme.Light} {
		st := theme.New(mode)
		for _, sel := range []bool{false, true} {
			fast := newRowStyles(st, sel)
			for _, rs := range []rowStyles{fast, fast.marked()} {
				slow := rs
				for _, sp := range []*span{&slow.base, &slow.bold, &slow.unread, &slow.priority, &slow.channel, &slow.muted, &slow.tag} {
					if !sp.concatOnly {
						t.Errorf("theme %s selected=%v: a row style renders through lipgloss", mode.Name, sel)
					}
					sp.concatOnly = false
				}
				for i := range convs {
					r := newConvRow(&convs[i], dir)
					for _, width := range []int{30, 80, 119, 200} {
						l := newRowLayout(width)
						if got, want := r.render(l, &rs, now), r.render(l, &slow, now); got != want {
							t.Fatalf("row %d at %d: %q, want %q", i, width, got, want)
						}
					}
				}
			}
		}
	}
}
