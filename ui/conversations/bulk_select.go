package conversations

import (
	"slices"
	"strconv"
)

// The selection of each view (see bulkState). It changes only in Update; View reads it
// through rowMarks and selectionNote.

// toggle selects the conversation id in v, or unselects it.
func (p *Pane) toggle(v *inboxView, id string) {
	set := p.selection(v.def.key)
	if _, ok := set[id]; ok {
		delete(set, id)
	} else {
		set[id] = struct{}{}
	}
	p.bulk.selGen++
}

// selection is view's set, made on first use.
func (p *Pane) selection(view string) idSet {
	if p.bulk.sel == nil {
		p.bulk.sel = map[string]idSet{}
	}
	if p.bulk.counts == nil {
		p.bulk.counts = &selCount{}
	}
	set := p.bulk.sel[view]
	if set == nil {
		set = idSet{}
		p.bulk.sel[view] = set
	}
	return set
}

// rangeBounds are the shown rows the range covers, from its anchor to the cursor, when a
// range is being drawn in v and its anchor is still shown.
func (p *Pane) rangeBounds(v *inboxView) (lo, hi int, ok bool) {
	if p.bulk.anchor == "" || p.bulk.anchorIn != v.def.key || v.list.len() == 0 {
		return 0, 0, false
	}
	a, ok := v.list.shownIndex(p.bulk.anchor)
	if !ok {
		return 0, 0, false
	}
	c := max(0, min(v.list.cursor, v.list.len()-1))
	return min(a, c), max(a, c), true
}

// commitRange adds the range to the selection and ends it.
func (p *Pane) commitRange(v *inboxView) {
	lo, hi, ok := p.rangeBounds(v)
	p.bulk.anchor = ""
	if !ok {
		return
	}
	set := p.selection(v.def.key)
	for i := lo; i <= hi; i++ {
		set[v.list.at(i).id] = struct{}{}
	}
	p.bulk.selGen++
}

// clearSelection unselects every conversation of v.
func (p *Pane) clearSelection(v *inboxView) {
	delete(p.bulk.sel, v.def.key)
	p.bulk.selGen++
}

// hasSelection reports a selected conversation that v still lists.
func (p *Pane) hasSelection(v *inboxView) bool {
	for id := range p.bulk.sel[v.def.key] {
		if _, ok := v.list.index[id]; ok {
			return true
		}
	}
	return false
}

// takeSelection is the selected conversations that v still lists, in the list's order.
// The others have left the view since they were selected: they are dropped.
func (p *Pane) takeSelection(v *inboxView) []string {
	set := p.bulk.sel[v.def.key]
	at := make([]int32, 0, len(set))
	for id := range set {
		if i, ok := v.list.index[id]; ok {
			at = append(at, i)
		} else {
			delete(set, id)
		}
	}
	slices.Sort(at)
	ids := make([]string, len(at))
	for n, i := range at {
		ids[n] = v.list.rows[i].id
	}
	p.bulk.selGen++
	return ids
}

// rowMarks says which shown rows are marked for a bulk action: selected, or in the range
// being drawn. View asks it for the visible rows only.
type rowMarks struct {
	set    idSet
	lo, hi int // the range, as shown indices; lo > hi when there is none
}

func (p *Pane) marks(v *inboxView) rowMarks {
	m := rowMarks{set: p.bulk.sel[v.def.key], lo: 1, hi: 0}
	if lo, hi, ok := p.rangeBounds(v); ok {
		m.lo, m.hi = lo, hi
	}
	return m
}

// has reports that shown row i, conversation id, is marked.
func (m rowMarks) has(i int, id string) bool {
	if i >= m.lo && i <= m.hi {
		return true
	}
	_, ok := m.set[id]
	return ok
}

// selCount caches how many selected conversations the active view lists. Rows come and go
// only when a page loads, which bumps barGen; the selection changes bump selGen.
type selCount struct {
	barGen, selGen uint64
	view           string
	n              int
}

// selectedCount is how many of v's selected conversations it lists.
func (p *Pane) selectedCount(v *inboxView) int {
	set := p.bulk.sel[v.def.key]
	c := p.bulk.counts
	if len(set) == 0 || c == nil {
		return 0
	}
	if c.barGen == p.barGen && c.selGen == p.bulk.selGen && c.view == v.def.key {
		return c.n
	}
	n := 0
	for id := range set {
		if _, ok := v.list.index[id]; ok {
			n++
		}
	}
	*c = selCount{barGen: p.barGen, selGen: p.bulk.selGen, view: v.def.key, n: n}
	return n
}

// selectionNote is what the view bar says about the selection: "3 selected", "5 in
// range", "3 selected + 5 in range", or "" when nothing is selected.
func (p *Pane) selectionNote() string {
	v := p.activeView()
	if v == nil {
		return ""
	}
	n := p.selectedCount(v)
	note := ""
	if n > 0 {
		note = strconv.Itoa(n) + " selected"
	}
	if lo, hi, ok := p.rangeBounds(v); ok {
		r := strconv.Itoa(hi-lo+1) + " in range"
		if note != "" {
			return note + " + " + r
		}
		return r
	}
	return note
}
