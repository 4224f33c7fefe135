package conversations

import (
	"testing"

	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

// With 20k rows loaded a frame renders only the rows on screen, and renders them again
// only when what they show changes: the cursor, the conversation's updated_at, the
// width, the theme.
func TestRowsRenderOnlyWhenVisibleAndChanged(t *testing.T) {
	p := benchPaneSized(t, 20_000, 100, 40)
	rowsOnScreen := p.listHeight()
	rendered := func(f func()) int {
		t.Helper()
		before := p.cache.misses
		f()
		_ = p.View()
		return p.cache.misses - before
	}
	if n := rendered(func() {}); n != rowsOnScreen {
		t.Fatalf("the first frame rendered %d rows, want the %d on screen", n, rowsOnScreen)
	}
	if n := rendered(func() {}); n != 0 {
		t.Fatalf("an unchanged frame rendered %d rows", n)
	}
	if n := rendered(func() { p, _ = p.Update(inboxKey("j")) }); n != 2 {
		t.Fatalf("j rendered %d rows, want the two whose cursor changed", n)
	}
	if n := rendered(func() {
		for range rowsOnScreen {
			p, _ = p.Update(inboxKey("j"))
		}
	}); n > 3*rowsOnScreen {
		t.Fatalf("scrolling a screen rendered %d rows", n)
	}
	v := p.activeView()
	r := *v.list.at(v.list.offset)
	r.updated++
	if n := rendered(func() { v.list.replace(r.id, r) }); n != 1 {
		t.Fatalf("a newer updated_at rendered %d rows, want 1", n)
	}
	if n := rendered(func() { p, _ = p.Update(shared.SizeMsg{Width: 90, Height: 40}) }); n != rowsOnScreen {
		t.Fatalf("a new width rendered %d rows, want %d", n, rowsOnScreen)
	}
	if n := rendered(func() { p.ctx.Styles = theme.New(theme.Light) }); n != rowsOnScreen {
		t.Fatalf("a new theme rendered %d rows, want %d", n, rowsOnScreen)
	}
}
