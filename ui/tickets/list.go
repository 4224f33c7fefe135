package tickets

import (
	"slices"
	"sort"
	"strings"

	"github.com/intercom-tui/intercom-tui/ui/components/listnav"
)

// rowList is the loaded rows of one view in the server's order (latest update first),
// with a cursor. With a filter on, vis holds the indices of the matching rows
// (ascending) and the cursor moves over those. A cursor move is O(1); only loading,
// refreshing and filtering walk the rows.
type rowList struct {
	rows   []ticketRow
	index  map[string]int // id → index in rows: dedupes pages, finds the cursor's row again
	vis    []int          // the rows the filter keeps; nil when no filter is on
	query  string         // the lower-cased filter vis was built for
	cursor int            // index into the shown rows
	offset int            // the first shown row on screen
}

// len is the number of rows shown (all, or the filter's matches).
func (l *rowList) len() int {
	if l.query != "" {
		return len(l.vis)
	}
	return len(l.rows)
}

// at is the i-th shown row.
func (l *rowList) at(i int) *ticketRow {
	if l.query != "" {
		return &l.rows[l.vis[i]]
	}
	return &l.rows[i]
}

// selected is the row under the cursor, or nil when nothing is shown.
func (l *rowList) selected() *ticketRow {
	if l.cursor < 0 || l.cursor >= l.len() {
		return nil
	}
	return l.at(l.cursor)
}

// moveTo puts the cursor on shown row i (clamped) and scrolls it into a screen of height.
func (l *rowList) moveTo(i, height int) {
	l.cursor, l.offset = listnav.Place(i, l.len(), height, l.offset)
}

// append adds a next page's rows, skipping any already listed (a ticket updated between
// two page requests moves up and may come again).
func (l *rowList) append(rs []ticketRow) {
	if l.index == nil {
		l.index = make(map[string]int, len(rs))
	}
	for _, r := range rs {
		if _, dup := l.index[r.id]; dup {
			continue
		}
		l.index[r.id] = len(l.rows)
		l.rows = append(l.rows, r)
		if l.query != "" && strings.Contains(r.search, l.query) {
			l.vis = append(l.vis, len(l.rows)-1)
		}
	}
}

// refresh replaces the head of the list with a fresh first page and keeps the cursor on
// the same ticket (else at the nearest index), at the same place on screen. When the
// page is not the whole view, rows loaded earlier that are older than the page's oldest
// stay below it; it reports whether any did, as paging then goes on from the old end.
func (l *rowList) refresh(head []ticketRow, complete bool, height int) (keptTail bool) {
	var selID string
	if s := l.selected(); s != nil {
		selID = s.id
	}
	screenPos := l.cursor - l.offset
	rows := make([]ticketRow, 0, max(len(head), len(l.rows)))
	fresh := make(map[string]bool, len(head))
	for _, r := range head {
		if !fresh[r.id] {
			fresh[r.id] = true
			rows = append(rows, r)
		}
	}
	if !complete && len(head) > 0 {
		oldest := head[len(head)-1].updated
		for _, r := range l.rows {
			if r.updated < oldest && !fresh[r.id] {
				rows = append(rows, r)
				keptTail = true
			}
		}
	}
	byUpdate := func(a, b ticketRow) int {
		switch {
		case a.updated > b.updated:
			return -1
		case a.updated < b.updated:
			return 1
		}
		return 0
	}
	if !slices.IsSortedFunc(rows, byUpdate) {
		slices.SortStableFunc(rows, byUpdate)
	}
	old := *l
	*l = rowList{index: make(map[string]int, len(rows))}
	l.append(rows)
	if old.query != "" {
		l.query = old.query
		l.vis = l.filterAll(old.query)
	}
	cursor := old.cursor
	if i, ok := l.shownIndex(selID); ok {
		cursor = i
	}
	l.cursor = max(0, min(cursor, l.len()-1))
	l.offset = l.cursor - max(0, screenPos)
	l.moveTo(l.cursor, height)
	return keptTail
}

// shownIndex is where the ticket id is among the shown rows.
func (l *rowList) shownIndex(id string) (int, bool) {
	ri, ok := l.index[id]
	if !ok || id == "" {
		return 0, false
	}
	if l.query == "" {
		return ri, true
	}
	i := sort.SearchInts(l.vis, ri)
	return i, i < len(l.vis) && l.vis[i] == ri
}

// setFilter shows only the rows whose search text holds q (case-insensitive); "" shows
// all. The cursor stays on its ticket when that still shows, else on the nearest row
// after it.
func (l *rowList) setFilter(q string, height int) {
	q = strings.ToLower(strings.TrimSpace(q))
	if q == l.query {
		return
	}
	selRow := -1
	if s := l.selected(); s != nil {
		selRow = l.index[s.id]
	}
	if q == "" {
		l.vis = nil
	} else {
		l.vis = l.filterAll(q)
	}
	l.query = q
	cursor := 0
	if selRow >= 0 {
		if q == "" {
			cursor = selRow
		} else {
			cursor = sort.SearchInts(l.vis, selRow)
		}
	}
	l.moveTo(cursor, height)
}

// filterAll is every row whose search text holds q.
func (l *rowList) filterAll(q string) []int {
	out := make([]int, 0, len(l.rows))
	for i := range l.rows {
		if strings.Contains(l.rows[i].search, q) {
			out = append(out, i)
		}
	}
	return out
}

// replace puts r in place of the row with the same id, if listed, keeping its position
// (a write changes a ticket, not where the agent found it; a refresh re-sorts). The
// filter keeps showing it until the filter changes.
func (l *rowList) replace(r ticketRow) {
	if i, ok := l.index[r.id]; ok {
		l.rows[i] = r
	}
}
