package conversations

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// One space keypress (toggle the row, move down) and the frame after it, with 100k rows
// loaded and 10k of them selected: the view bar's count is recounted once per change.
func BenchmarkSelectSpace100k(b *testing.B) {
	p := benchPane(b, 100_000)
	v := p.activeView()
	set := p.selection(v.def.key)
	for i := 0; i < len(v.list.rows); i += 10 {
		set[v.list.rows[i].id] = struct{}{}
	}
	space := tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	_ = p.View()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if v.list.cursor == len(v.list.rows)-1 {
			b.StopTimer()
			v.list.moveTo(0, p.listHeight())
			b.StartTimer()
		}
		p, _ = p.Update(space)
		_ = p.View()
	}
}

// One j keypress while a range is drawn over up to 100k rows, and the frame after it:
// the range is two indices, whatever its length.
func BenchmarkRangeJ100k(b *testing.B) {
	p := benchPane(b, 100_000)
	p, _ = p.Update(inboxKey("V"))
	j := inboxKey("j")
	_ = p.View()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if v := p.activeView(); v.list.cursor == len(v.list.rows)-1 {
			b.StopTimer()
			v.list.moveTo(0, p.listHeight())
			b.StartTimer()
		}
		p, _ = p.Update(j)
		_ = p.View()
	}
}
