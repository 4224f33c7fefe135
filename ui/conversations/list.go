package conversations

import (
	"bytes"
	"slices"
	"sort"
	"strings"

	"github.com/intercom-tui/intercom-tui/ui/components/listnav"
)

// rowList is the loaded rows of one view, in the server's order (newest activity first),
// with a cursor. With a filter on, vis holds the indices of the matching rows
// (ascending) and the cursor moves over those. Every cursor move is O(1): nothing here
// walks the rows except loading, refreshing and filtering.
//
// The filter's text of every row lives in one buffer, row after row, each ended by a
// newline (which no row text holds): a filter then scans contiguous memory, with
// bytes.Index, instead of chasing 100k separate strings.
type rowList struct {
	rows   []convRow
	index  map[string]int32 // id → index in rows: dedupes pages, finds the cursor's row again
	text   []byte           // the rows' search texts, each ended by '\n'
	ends   []int            // ends[i] is the offset of row i's '\n' in text
	vis    []int32          // the rows the filter keeps; nil when no filter is on
	query  string           // the lower-cased filter vis was built for
	cursor int              // index into the shown rows
	offset int              // the first shown row on screen
}

// len is the number of rows shown (all, or the filter's matches).
func (l *rowList) len() int {
	if l.query != "" {
		return len(l.vis)
	}
	return len(l.rows)
}

// at is the i-th shown row.
func (l *rowList) at(i int) *convRow {
	if l.query != "" {
		return &l.rows[l.vis[i]]
	}
	return &l.rows[i]
}

// textOf is row i's search text.
func (l *rowList) textOf(i int) []byte {
	start := 0
	if i > 0 {
		start = l.ends[i-1] + 1
	}
	return l.text[start:l.ends[i]]
}

// selected is the row under the cursor, or nil when nothing is shown.
func (l *rowList) selected() *convRow {
	if l.cursor < 0 || l.cursor >= l.len() {
		return nil
	}
	return l.at(l.cursor)
}

// moveTo puts the cursor on shown row i (clamped) and scrolls it into a screen of height.
func (l *rowList) moveTo(i, height int) {
	l.cursor, l.offset = listnav.Place(i, l.len(), height, l.offset)
}

// push adds a row with its search text; the caller has checked it is not listed.
func (l *rowList) push(r convRow, text []byte) {
	i := int32(len(l.rows))
	l.rows = append(l.rows, r)
	l.index[r.id] = i
	l.text = append(append(l.text, text...), '\n')
	l.ends = append(l.ends, len(l.text)-1)
}

// append adds a next page's rows, skipping any already listed (a conversation updated
// between two page requests moves up and may come again).
func (l *rowList) append(rs []convRow) {
	if l.index == nil {
		l.index = make(map[string]int32, len(rs))
	}
	q := []byte(l.query)
	for _, r := range rs {
		if _, dup := l.index[r.id]; dup {
			continue
		}
		l.push(r, []byte(r.searchText()))
		if len(q) > 0 && bytes.Contains(l.textOf(len(l.rows)-1), q) {
			l.vis = append(l.vis, int32(len(l.rows)-1))
		}
	}
}

// refresh replaces the head of the list with a fresh first page and keeps the cursor on
// the same conversation (else at the nearest index), at the same place on screen.
//
// When the page holds the whole view (complete), it is the list. Otherwise the rows
// loaded earlier that are older than the page's oldest are kept below it, so a refresh
// does not throw away what the agent paged through; it reports whether it kept any, as
// the caller then keeps paging from where the old pages ended.
func (l *rowList) refresh(head []convRow, complete bool, height int) (keptTail bool) {
	var selID string
	if s := l.selected(); s != nil {
		selID = s.id
	}
	screenPos := l.cursor - l.offset

	type item struct {
		r    convRow
		text []byte
	}
	items := make([]item, 0, max(len(head), len(l.rows)))
	fresh := make(map[string]bool, len(head))
	for _, r := range head {
		if !fresh[r.id] {
			fresh[r.id] = true
			items = append(items, item{r, []byte(r.searchText())})
		}
	}
	if !complete && len(head) > 0 {
		oldest := head[len(head)-1].updated
		for i, r := range l.rows {
			if r.updated < oldest && !fresh[r.id] {
				items = append(items, item{r, l.textOf(i)}) // the old buffer is not written again
				keptTail = true
			}
		}
	}
	// The server lists newest activity first; re-sort anyway, as the kept tail and the
	// fresh head were read at different times.
	byActivity := func(a, b item) int { return rowsByActivity(a.r, b.r) }
	if !slices.IsSortedFunc(items, byActivity) {
		slices.SortStableFunc(items, byActivity)
	}
	size := 0
	for _, it := range items {
		size += len(it.text) + 1
	}
	old := *l
	*l = rowList{
		rows:  make([]convRow, 0, len(items)),
		index: make(map[string]int32, len(items)),
		text:  make([]byte, 0, size),
		ends:  make([]int, 0, len(items)),
	}
	for _, it := range items {
		l.push(it.r, it.text)
	}
	if old.query != "" {
		l.query = old.query
		l.vis = l.filterAll([]byte(old.query))
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

func rowsByActivity(a, b convRow) int {
	switch {
	case a.updated > b.updated:
		return -1
	case a.updated < b.updated:
		return 1
	}
	return 0
}

// shownIndex is where the conversation id is among the shown rows.
func (l *rowList) shownIndex(id string) (int, bool) {
	ri, ok := l.index[id]
	if !ok || id == "" {
		return 0, false
	}
	if l.query == "" {
		return int(ri), true
	}
	i := sort.Search(len(l.vis), func(k int) bool { return l.vis[k] >= ri })
	return i, i < len(l.vis) && l.vis[i] == ri
}

// setFilter shows only the rows whose search text holds q (case-insensitive); "" shows
// all. The cursor stays on its conversation when that still shows, else on the nearest
// row after it. A query that extends the previous one searches only the previous
// matches when they are few.
func (l *rowList) setFilter(q string, height int) {
	q = strings.ToLower(strings.ReplaceAll(q, "\n", " ")) // rows end in '\n' in the buffer
	if q == l.query {
		return
	}
	var selRow int32 = -1
	if s := l.selected(); s != nil {
		selRow = l.index[s.id]
	}
	switch {
	case q == "":
		l.vis = nil
	case l.query != "" && strings.HasPrefix(q, l.query) && len(l.vis) < len(l.rows)/4:
		// Few matches left: test just those. With many, one scan of the buffer is faster
		// than a call per row.
		l.vis = l.filterWithin(l.vis, []byte(q))
	default:
		l.vis = l.filterAll([]byte(q))
	}
	l.query = q
	cursor := 0
	if selRow >= 0 {
		if q == "" {
			cursor = int(selRow)
		} else {
			cursor = sort.Search(len(l.vis), func(k int) bool { return l.vis[k] >= selRow })
		}
	}
	l.moveTo(cursor, height)
}

// filterAll is every row whose text holds q, found by scanning the whole buffer: after a
// match it resumes at the next row. q never holds '\n', so a match never spans two rows.
func (l *rowList) filterAll(q []byte) []int32 {
	out := make([]int32, 0, len(l.rows)) // one allocation: growing it would copy as often
	row := 0
	for pos := 0; pos < len(l.text); {
		j := bytes.Index(l.text[pos:], q)
		if j < 0 {
			break
		}
		at := pos + j
		for l.ends[row] < at {
			row++
		}
		out = append(out, int32(row))
		pos = l.ends[row] + 1
		row++
	}
	return out
}

// filterWithin is the rows of from whose text holds q.
func (l *rowList) filterWithin(from []int32, q []byte) []int32 {
	out := make([]int32, 0, len(from))
	for _, i := range from {
		if bytes.Contains(l.textOf(int(i)), q) {
			out = append(out, i)
		}
	}
	return out
}

// replace puts r in place of the row with the same id, if listed, keeping its position
// (a write changes a conversation, not where the agent found it; a refresh re-sorts).
// The row's search text is spliced in, so the filter sees the new assignee and tags.
func (l *rowList) replace(id string, r convRow) {
	i, ok := l.index[id]
	if !ok {
		return
	}
	l.rows[i] = r
	start := 0
	if i > 0 {
		start = l.ends[i-1] + 1
	}
	old, text := l.ends[i]-start, []byte(r.searchText())
	if bytes.Equal(l.text[start:l.ends[i]], text) {
		return
	}
	l.text = append(l.text[:start:start], append(text, l.text[l.ends[i]:]...)...)
	delta := len(text) - old
	for j := int(i); j < len(l.ends); j++ {
		l.ends[j] += delta
	}
}
