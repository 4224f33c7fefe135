package conversations

// threadCacheCap bounds the conversations kept rendered: a few screens of reading. A
// 200-part thread's lines are a few hundred KB, so 32 stay well under 20 MB.
const threadCacheCap = 32

// bodiesPerThread bounds the renders kept per conversation (a resize, a theme switch).
const bodiesPerThread = 2

// threadCache holds the conversations prefetched or read, each with its updated_at (in
// the conversation) and its rendered bodies per target (width, theme, directory). It is
// least-recently-used and bounded; only Update touches it, so it needs no lock.
type threadCache struct {
	entries map[string]*threadCacheEntry
	tick    uint64
}

type threadCacheEntry struct {
	c      cachedThread // the latest body put
	bodies []threadBody // the bodies for this conversation, newest first
	used   uint64       // the cache's tick at the last get or put
}

func newThreadCache() *threadCache {
	return &threadCache{entries: make(map[string]*threadCacheEntry, threadCacheCap+1)}
}

// get is the cached conversation id rendered for target, when there is one. Its
// updated_at may be older than the list's: the caller decides whether to reload.
func (c *threadCache) get(id string, target threadTarget) (cachedThread, bool) {
	e := c.entries[id]
	if e == nil {
		return cachedThread{}, false
	}
	for _, b := range e.bodies {
		if b.target() == target {
			c.tick++
			e.used = c.tick
			out := e.c
			out.body = b
			return out, true
		}
	}
	return cachedThread{}, false
}

// fresh reports whether id is cached, at least as new as updated, rendered for target:
// prefetching it again would change nothing.
func (c *threadCache) fresh(id string, updated int64, target threadTarget) bool {
	e := c.entries[id]
	if e == nil || e.c.conv.UpdatedAt < updated {
		return false
	}
	for _, b := range e.bodies {
		if b.target() == target {
			return true
		}
	}
	return false
}

// conv is the cached conversation id when it is at least as new as updated, whatever
// it was rendered for: a new target needs a render, not a request.
func (c *threadCache) conv(id string, updated int64) (cachedThread, bool) {
	e := c.entries[id]
	if e == nil || e.c.conv.UpdatedAt < updated {
		return cachedThread{}, false
	}
	return e.c, true
}

// put keeps a conversation and one body of it. Another copy of the conversation (a
// reload, a write's answer) replaces the entry and its bodies; the same copy rendered
// for another target adds a body.
func (c *threadCache) put(id string, t cachedThread) {
	if t.conv == nil || len(t.body.lines) == 0 {
		return
	}
	c.tick++
	e := c.entries[id]
	if e == nil || e.c.conv != t.conv {
		e = &threadCacheEntry{}
		c.entries[id] = e
	}
	e.c, e.used = t, c.tick
	kept := e.bodies[:0:0]
	kept = append(kept, t.body)
	for _, b := range e.bodies {
		if b.target() != t.body.target() && len(kept) < bodiesPerThread {
			kept = append(kept, b)
		}
	}
	e.bodies = kept
	if len(c.entries) > threadCacheCap {
		c.evict()
	}
}

// drop forgets id: a write changed it, so the copy kept may be out of date.
func (c *threadCache) drop(id string) { delete(c.entries, id) }

// evict removes the least recently used entry (a scan of 33: cheaper than a list).
func (c *threadCache) evict() {
	var oldest string
	var at uint64
	for id, e := range c.entries {
		if oldest == "" || e.used < at {
			oldest, at = id, e.used
		}
	}
	delete(c.entries, oldest)
}

func (c *threadCache) len() int { return len(c.entries) }
