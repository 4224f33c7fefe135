package fake

import (
	"math/bits"
	"net/http"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/intercom-tui/intercom-tui/api/query"
	"github.com/intercom-tui/intercom-tui/models"
)

// searchConversations is POST /conversations/search: the matches in list order (newest
// activity first), with total_count. Every conversation must be tested to count them,
// and building one (even without parts) is most of the cost, so the seeded ones are
// tested in parallel chunks into a bitset over activity ranks; the few written ones are
// tested apart and slotted into the order by binary search. Only the page's items are
// then built again, so a page costs one pass over the workspace spread over all CPUs.
func (ws *Workspace) searchConversations(r *http.Request) (any, error) {
	m, perPage, cur, err := compileSearch(r, query.Conversations, "conversations/search", perPageConversations)
	if err != nil {
		return nil, err
	}
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	order := ws.world.ActivityOrder()
	hits := ws.matchSeeded(m, order)
	written := ws.matchWritten(m, order)
	out := models.ConversationList{Type: "conversation.list", Conversations: []models.Conversation{}}
	for _, w := range hits {
		out.TotalCount += bits.OnesCount64(w)
	}
	for _, w := range written {
		if w.match {
			out.TotalCount++
		}
	}

	// Walk the merged order after the cursor: written conversation w comes just before
	// the seeded rank w.at (see firstRankAfter), so seeded rank R precedes w iff R < w.at.
	after := cur.convKey()
	rank, wi := 0, 0
	switch {
	case after == nil:
	case after.t:
		rank = ws.firstRankAfter(after, order)
		for wi < len(written) && !after.before(written[wi].key) {
			wi++
		}
	default:
		rank = int(after.n) + 1
		for wi < len(written) && written[wi].at <= int(after.n) {
			wi++
		}
	}
	var last convKey
	more := false
	emit := func(c models.Conversation, k convKey) bool {
		if len(out.Conversations) == perPage {
			more = true
			return false
		}
		out.Conversations = append(out.Conversations, c)
		last = k
		return true
	}
	for {
		if wi < len(written) && (rank >= len(order) || written[wi].at <= rank) {
			w := written[wi]
			wi++
			if w.match {
				if !emit(ws.listItem(w.i), w.key) {
					break
				}
			}
			continue
		}
		if rank >= len(order) {
			break
		}
		if rank = nextHit(hits, rank); rank >= len(order) {
			continue // no seeded match left: only written ones may follow
		}
		if wi < len(written) && written[wi].at <= rank {
			continue // a written one comes first; rank is revisited
		}
		c := ws.listItem(int(order[rank]))
		if !emit(c, convKey{u: c.UpdatedAt, n: int64(rank)}) {
			break
		}
		rank++
	}
	next := ""
	if more {
		next = convCursor(cur, last)
	}
	out.Pages = pages(cur.Page, perPage, out.TotalCount, next)
	return out, nil
}

// searchChunk is how many activity ranks a worker tests at a time: a multiple of 64, so
// no two workers write the same bitset word.
const searchChunk = 64 * 64

// matchSeeded tests every seeded conversation that has no overlay and returns the
// matches as a bitset over activity ranks. The caller holds ws.mu (written ones are
// skipped here, so the overlay map is only read).
func (ws *Workspace) matchSeeded(m *query.Matcher, order []int32) []uint64 {
	hits := make([]uint64, (len(order)+63)/64)
	workers := min(runtime.GOMAXPROCS(0), (len(order)+searchChunk-1)/searchChunk)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			var rec query.ConversationRecord
			for {
				start := int(next.Add(searchChunk)) - searchChunk
				if start >= len(order) {
					return
				}
				for r := start; r < min(start+searchChunk, len(order)); r++ {
					i := int(order[r])
					if ws.convs[i] != nil {
						continue
					}
					c := ws.world.ConversationSummary(i)
					rec.Reset(&c)
					if m.Match(&rec) {
						hits[r/64] |= 1 << (r % 64)
					}
				}
			}
		})
	}
	wg.Wait()
	return hits
}

// writtenHit is a written conversation in list order: whether it matches and the
// seeded rank it is listed just before.
type writtenHit struct {
	i     int
	key   convKey
	at    int
	match bool
}

func (ws *Workspace) matchWritten(m *query.Matcher, order []int32) []writtenHit {
	out := make([]writtenHit, 0, len(ws.convs))
	var rec query.ConversationRecord
	for i, ov := range ws.convs {
		c := ws.world.ConversationSummary(i)
		ov.apply(&c)
		rec.Reset(&c)
		k := ov.key(i)
		out = append(out, writtenHit{i: i, key: k, at: ws.firstRankAfter(&k, order), match: m.Match(&rec)})
	}
	slices.SortFunc(out, func(a, b writtenHit) int { return compareKeys(a.key, b.key) })
	return out
}

// nextHit is the first set rank >= from, or len(hits)*64 when there is none.
func nextHit(hits []uint64, from int) int {
	for w := from / 64; w < len(hits); w++ {
		word := hits[w]
		if w == from/64 {
			word &^= 1<<(from%64) - 1
		}
		if word != 0 {
			return w*64 + bits.TrailingZeros64(word)
		}
	}
	return len(hits) * 64
}
