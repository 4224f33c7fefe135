package articles

// treeView is the tree's visible rows, the cursor and the scroll position. Groups remember
// whether they are open by key, so a refresh keeps what the agent opened.
type treeView struct {
	roots    []*node
	rows     []row
	cursor   int
	offset   int
	expanded map[string]bool // explicit choices; help centers and collections start open
}

func (t *treeView) isExpanded(n *node) bool {
	if v, ok := t.expanded[n.key()]; ok {
		return v
	}
	return n.kind == kindCenter || n.kind == kindCollection
}

// rebuild recomputes the rows, keeping the cursor on the same node when it still exists.
func (t *treeView) rebuild(roots []*node, height int) {
	var keep string
	if sel := t.selected(); sel != nil {
		keep = sel.key()
	}
	t.roots = roots
	t.rows = flatten(roots, t.isExpanded)
	at := t.cursor
	for i, r := range t.rows {
		if r.n.key() == keep {
			at = i
			break
		}
	}
	t.moveTo(at, height)
}

func (t *treeView) selected() *node {
	if t.cursor < 0 || t.cursor >= len(t.rows) {
		return nil
	}
	return t.rows[t.cursor].n
}

// moveTo puts the cursor on row i (clamped) and scrolls it into a window of height rows.
func (t *treeView) moveTo(i, height int) {
	t.cursor = max(0, min(i, len(t.rows)-1))
	height = max(1, height)
	if t.cursor < t.offset {
		t.offset = t.cursor
	}
	if t.cursor >= t.offset+height {
		t.offset = t.cursor - height + 1
	}
	t.offset = max(0, min(t.offset, len(t.rows)-height))
}

// setExpanded opens or closes the group under the cursor; closing an article or a
// closed group moves the cursor to its parent instead.
func (t *treeView) setExpanded(open bool, height int) {
	n := t.selected()
	if n == nil {
		return
	}
	if n.group() && t.isExpanded(n) != open {
		if t.expanded == nil {
			t.expanded = map[string]bool{}
		}
		t.expanded[n.key()] = open
		t.rebuild(t.roots, height)
		return
	}
	if !open {
		depth := t.rows[t.cursor].depth
		for i := t.cursor - 1; i >= 0; i-- {
			if t.rows[i].depth < depth {
				t.moveTo(i, height)
				return
			}
		}
	}
}

// reveal opens the groups above node key and puts the cursor on it (an article opened
// from search shows where it lives).
func (t *treeView) reveal(key string, height int) {
	var path []*node
	var find func(ns []*node) bool
	find = func(ns []*node) bool {
		for _, n := range ns {
			if n.key() == key {
				return true
			}
			path = append(path, n)
			if find(n.children) {
				return true
			}
			path = path[:len(path)-1]
		}
		return false
	}
	if !find(t.roots) {
		return
	}
	if t.expanded == nil {
		t.expanded = map[string]bool{}
	}
	for _, g := range path {
		t.expanded[g.key()] = true
	}
	t.rows = flatten(t.roots, t.isExpanded)
	for i, r := range t.rows {
		if r.n.key() == key {
			t.moveTo(i, height)
			return
		}
	}
}
