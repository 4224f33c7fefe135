package markdown

import "container/list"

// cacheKey is what a rendered body depends on.
type cacheKey struct {
	key     Key
	width   int
	style   string
	content uint64 // hash of the HTML: a body edited without a new updated_at still misses
}

type cacheEntry struct {
	k     cacheKey
	lines []string
	size  int
}

// lru is a least-recently-used cache bounded by entries and by bytes. Not safe for
// concurrent use: the Renderer guards it.
type lru struct {
	maxEntries, maxBytes, bytes int
	order                       *list.List // front = most recent; values are *cacheEntry
	items                       map[cacheKey]*list.Element
}

func newLRU(maxEntries, maxBytes int) *lru {
	return &lru{maxEntries: maxEntries, maxBytes: maxBytes, order: list.New(), items: map[cacheKey]*list.Element{}}
}

func (c *lru) get(k cacheKey) ([]string, bool) {
	el, ok := c.items[k]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*cacheEntry).lines, true
}

func (c *lru) put(k cacheKey, lines []string) {
	size := 64
	for _, l := range lines {
		size += len(l) + 16
	}
	if size > c.maxBytes {
		return // one huge body would evict everything else
	}
	if el, ok := c.items[k]; ok {
		e := el.Value.(*cacheEntry)
		c.bytes += size - e.size
		e.lines, e.size = lines, size
		c.order.MoveToFront(el)
	} else {
		c.items[k] = c.order.PushFront(&cacheEntry{k: k, lines: lines, size: size})
		c.bytes += size
	}
	for c.order.Len() > c.maxEntries || c.bytes > c.maxBytes {
		el := c.order.Back()
		e := el.Value.(*cacheEntry)
		c.order.Remove(el)
		delete(c.items, e.k)
		c.bytes -= e.size
	}
}

func (c *lru) len() int { return c.order.Len() }
