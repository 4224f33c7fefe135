package conversations

import (
	"bytes"
	"encoding/binary"
	"math/bits"
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
// newline (which no row text holds), so a filter reads contiguous memory instead of
// chasing 100k separate strings; and each row has a mask of the bytes its text holds and
// a signature of its pairs of bytes, so most rows that cannot match are passed over
// without reading their text.
type rowList struct {
	rows   []convRow
	index  map[string]int32 // id → index in rows: dedupes pages, finds the cursor's row again
	text   []byte           // the rows' search texts, each ended by '\n'
	ends   []int            // ends[i] is the offset of row i's '\n' in text
	masks  []uint64         // masks[i] is byteMask of row i's text
	pairs  []pairSig        // pairs[i] is pairSignature of row i's text
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
	l.masks = append(l.masks, byteMask(text))
	l.pairs = append(l.pairs, pairSignature(text))
}

// pairSig has a bit for each pair of adjacent bytes in a text: the 128 commonest
// letter pairs of English have a bit of their own, so a query of one of them is
// answered from the signature alone (those are the queries that match most rows, which
// would otherwise all be read); the other pairs are hashed into the other 128 bits, so a
// query's pair absent from a row rules it out most of the time.
type pairSig [4]uint64

// commonPairs are the pairs with a bit of their own, commonest first.
var commonPairs = [128]string{
	"th", "he", "in", "er", "an", "re", "on", "at", "en", "nd", "ti", "es", "or", "te", "of",
	"ed", "is", "it", "al", "ar", "st", "to", "nt", "ng", "se", "ha", "as", "ou", "io", "le",
	"ve", "co", "me", "de", "hi", "ri", "ro", "ic", "ne", "ea", "ra", "ce", "li", "ch", "ll",
	"be", "ma", "si", "om", "ur", "ca", "el", "ta", "la", "ns", "di", "fo", "ho", "pe", "ec",
	"pr", "no", "ct", "us", "ac", "ot", "il", "tr", "ly", "nc", "et", "ut", "ss", "so", "rs",
	"un", "lo", "wa", "ge", "ie", "wh", "ee", "wi", "em", "ad", "ol", "rt", "po", "we", "na",
	"ul", "ni", "ts", "mo", "ow", "pa", "im", "mi", "ai", "sh", "ir", "su", "id", "os", "iv",
	"ia", "am", "fi", "ci", "vi", "pl", "ig", "tu", "ev", "ld", "ry", "mp", "fe", "bl", "ab",
	"gh", "ty", "op", "wo", "sa", "ay", "ex", "ke",
}

// pairSlot is 1 + the own bit of a common pair, by a<<8|b; 0 for any other pair.
var pairSlot = func() *[1 << 16]uint8 {
	var t [1 << 16]uint8
	for i, p := range commonPairs {
		t[int(p[0])<<8|int(p[1])] = uint8(i + 1)
	}
	return &t
}()

func pairBit(a, b byte) (word int, bit uint64) {
	k := uint32(a)<<8 | uint32(b)
	if s := pairSlot[k]; s != 0 {
		return int(s-1) >> 6, 1 << ((s - 1) & 63)
	}
	h := 128 + (k*0x9e3779b1)>>25 // 128..255
	return int(h >> 6), 1 << (h & 63)
}

func pairSignature(t []byte) pairSig {
	var s pairSig
	for i := 0; i+1 < len(t); i++ {
		w, bit := pairBit(t[i], t[i+1])
		s[w] |= bit
	}
	return s
}

// holds reports whether every bit of need is set in s.
func (s *pairSig) holds(need *pairSig) bool {
	return s[0]&need[0] == need[0] && s[1]&need[1] == need[1] && s[2]&need[2] == need[2] && s[3]&need[3] == need[3]
}

// byteBit is the bit of byte c in a byteMask: one of its own for each lower-case ASCII
// letter and digit (what filters are typed with), shared by the other bytes.
func byteBit(c byte) uint64 {
	switch {
	case c >= 'a' && c <= 'z':
		return 1 << (c - 'a')
	case c >= '0' && c <= '9':
		return 1 << (26 + c - '0')
	}
	return 1 << (36 + c%28)
}

// byteMask is the bits of the bytes in t: a text lacking one of a query's bits cannot
// hold the query.
func byteMask(t []byte) uint64 {
	var m uint64
	for _, c := range t {
		m |= byteBit(c)
	}
	return m
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
		masks: make([]uint64, 0, len(items)),
		pairs: make([]pairSig, 0, len(items)),
	}
	for _, it := range items {
		l.push(it.r, it.text)
	}
	if old.query != "" {
		l.query = old.query
		l.vis = l.filter(nil, []byte(old.query))
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
// matches.
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
	case l.query != "" && strings.HasPrefix(q, l.query):
		l.vis = l.filter(l.vis, []byte(q))
	default:
		l.vis = l.filter(nil, []byte(q))
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

// filter is the rows of from (nil: of all rows) whose text holds q. A row's mask and
// pair signature rule out most of those that do not; one letter or digit, or a common
// pair, is answered by them alone, as its bit is its own. Testing row by row beats scanning the whole buffer: a query's
// first byte is common, and bytes.Index over megabytes falls back to a byte-at-a-time
// loop once it has failed on it a few times.
func (l *rowList) filter(from []int32, q []byte) []int32 {
	need, needPairs := byteMask(q), pairSignature(q)
	// A letter or digit has a bit of its own, and so has a common pair.
	letter := len(q) == 1 && bits.OnesCount64(need) == 1 && need < 1<<36
	pair := len(q) == 2 && pairSlot[int(q[0])<<8|int(q[1])] != 0
	n := len(l.rows)
	if from != nil {
		n = len(from)
	}
	out := make([]int32, 0, n) // one allocation: growing it would copy as often
	for k := range n {
		i := k
		if from != nil {
			i = int(from[k])
		}
		if l.masks[i]&need == need && (letter || l.pairs[i].holds(&needPairs) && (pair || contains(l.textOf(i), q))) {
			out = append(out, int32(i))
		}
	}
	return out
}

// contains reports whether s holds q. For q of two bytes or more it tests eight
// positions of s at once for q's first two bytes (SWAR), then compares the rest where
// both are found; bytes.Contains would call IndexByte for q's first byte again at each
// of its many places in a row (an 'e' every ten bytes) before settling on a scan.
func contains(s, q []byte) bool {
	if len(q) < 2 || len(s) < len(q) {
		return bytes.Contains(s, q)
	}
	b0, b1 := repeatByte(q[0]), repeatByte(q[1])
	last := len(s) - len(q) // the last position q can start at
	i := 0
	for ; i+9 <= len(s) && i <= last; i += 8 {
		x := binary.LittleEndian.Uint64(s[i:])
		y := binary.LittleEndian.Uint64(s[i+1:])
		for m := zeroBytes(x^b0) & zeroBytes(y^b1); m != 0; m &= m - 1 {
			p := i + bits.TrailingZeros64(m)/8
			if p <= last && bytes.Equal(s[p+2:p+len(q)], q[2:]) {
				return true
			}
		}
	}
	for ; i <= last; i++ {
		if s[i] == q[0] && s[i+1] == q[1] && bytes.Equal(s[i+2:i+len(q)], q[2:]) {
			return true
		}
	}
	return false
}

func repeatByte(c byte) uint64 { return uint64(c) * 0x0101010101010101 }

// zeroBytes has the top bit set in exactly the bytes of x that are zero.
func zeroBytes(x uint64) uint64 {
	const low7 = 0x7f7f7f7f7f7f7f7f
	return ^((x&low7 + low7) | x | low7)
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
	l.masks[i], l.pairs[i] = byteMask(text), pairSignature(text)
	if bytes.Equal(l.text[start:l.ends[i]], text) {
		return
	}
	l.text = append(l.text[:start:start], append(text, l.text[l.ends[i]:]...)...)
	delta := len(text) - old
	for j := int(i); j < len(l.ends); j++ {
		l.ends[j] += delta
	}
}
