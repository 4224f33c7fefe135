package conversations

import (
	"context"
	"errors"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
)

// Prefetch: when the cursor rests on a row (the preview timer), the conversation under
// it and the next few are fetched and rendered in commands, so that opening one shows
// it in the next frame and revisiting one costs nothing. Glamour takes tens of
// milliseconds per long thread; it must never run on the key path.

const (
	// defaultPrefetchAhead: the row under the cursor and the next 3.
	defaultPrefetchAhead = 3
	// prefetchInflight bounds the prefetches on the network at once (the thread's own
	// load comes on top): the machine has few cores and the renders compete with keys.
	prefetchInflight = 2
	// prefetchMinBudget is the share of the rate-limit window (percent) below which
	// nothing speculative is sent: what the agent asks for comes first.
	prefetchMinBudget = 20
)

// prefetcher is the pane's prefetch state, shared by pointer by copies of the pane
// (like the row cache) and changed only in Update.
type prefetcher struct {
	ahead    int // rows after the cursor's; negative turns prefetching off
	cache    *threadCache
	inflight map[string]prefetchReq // by conversation id
	resting  bool                   // the cursor rests: an answer may start the next one
	// onRest: the rest timer also runs where no preview needs it (a list without the
	// split, or the split already showing the row), for prefetching alone.
	onRest bool
	sent   int // prefetch commands started (tests read it)
}

type prefetchReq struct {
	req    uint64
	cancel context.CancelFunc
}

func newPrefetcher() *prefetcher {
	return &prefetcher{ahead: defaultPrefetchAhead, cache: newThreadCache(), inflight: map[string]prefetchReq{}}
}

// prefetchedMsg answers one prefetch: the conversation and its body, or why not.
type prefetchedMsg struct {
	req     uint64
	id      string
	c       cachedThread
	err     error
	skipped bool // the rate budget was too low: nothing was sent
}

// lowBudget reports a rate budget too spent for speculative requests.
func lowBudget(b api.RateBudget) bool {
	return b.Known && b.Limit > 0 && b.Remaining*100 < b.Limit*prefetchMinBudget
}

// prefetchWindow is the rows the prefetch wants now: the cursor's and the next ahead.
func (p *Pane) prefetchWindow() []*convRow {
	v := p.activeView()
	if p.pf == nil || p.pf.ahead < 0 || v == nil || p.threadFocused {
		return nil
	}
	from := v.list.cursor
	to := min(v.list.len(), from+p.pf.ahead+1)
	out := make([]*convRow, 0, max(0, to-from))
	for i := from; i < to; i++ {
		if r := v.list.at(i); r != nil {
			out = append(out, r)
		}
	}
	return out
}

// cursorMoved cancels the prefetches of rows no longer in the window; the rest go on.
func (p *Pane) cursorMoved() {
	if p.pf == nil {
		return
	}
	p.pf.resting = false
	if len(p.pf.inflight) == 0 {
		return
	}
	want := p.prefetchWindow()
	for id, r := range p.pf.inflight {
		if !containsRow(want, id) {
			r.cancel()
			delete(p.pf.inflight, id)
		}
	}
}

func containsRow(rows []*convRow, id string) bool {
	for _, r := range rows {
		if r.id == id {
			return true
		}
	}
	return false
}

// PrefetchOnRest has the pane prefetch whenever the cursor rests, not only when the
// split thread follows it: the list alone (narrow terminals) gets the next threads
// ready too. The root turns it on; it costs a timer per cursor move.
func (p Pane) PrefetchOnRest() Pane {
	if p.pf != nil {
		p.pf.onRest = true
	}
	return p
}

// restPrefetch reports whether a rest with no preview would prefetch anything.
func (p *Pane) restPrefetch() bool {
	return p.pf != nil && p.pf.onRest && p.wantsPrefetch()
}

// wantsPrefetch reports whether resting here would prefetch anything.
func (p *Pane) wantsPrefetch() bool {
	target := p.thread.target()
	for _, r := range p.prefetchWindow() {
		if _, busy := p.pf.inflight[r.id]; !busy && !p.thread.loads(r.id) && !p.pf.cache.fresh(r.id, r.updated, target) {
			return true
		}
	}
	return false
}

// prefetchNow starts prefetches for the window's rows that are neither cached for the
// thread's target nor on their way, up to prefetchInflight at once.
func (p *Pane) prefetchNow() tea.Cmd {
	in := p.thread.input(nil)
	if p.pf == nil || in.width <= 0 || in.styles == nil {
		return nil
	}
	p.pf.resting = true
	target := p.thread.target()
	var cmds []tea.Cmd
	for _, r := range p.prefetchWindow() {
		if len(p.pf.inflight) >= prefetchInflight {
			break
		}
		if _, busy := p.pf.inflight[r.id]; busy || p.thread.loads(r.id) || p.pf.cache.fresh(r.id, r.updated, target) {
			continue
		}
		// A conversation cached for another width or theme needs a render, not a request.
		have, _ := p.pf.cache.conv(r.id, r.updated)
		cmds = append(cmds, p.prefetchCmd(r.id, have.conv, in))
	}
	return tea.Batch(cmds...)
}

// prefetchCmd fetches conversation id (unless conv is given) and renders it for in.
// It sends nothing when the rate budget is low, and answers nothing once cancelled.
func (p *Pane) prefetchCmd(id string, conv *models.Conversation, in threadInput) tea.Cmd {
	req := p.seq.Next()
	ctx, cancel := context.WithCancel(context.Background())
	p.pf.inflight[id] = prefetchReq{req: req, cancel: cancel}
	p.pf.sent++
	ws, st, clock := p.ctx.WS, p.ctx.Store, p.clock()
	return func() tea.Msg {
		msg := prefetchedMsg{req: req, id: id}
		if conv == nil {
			if ws == nil || ws.API == nil {
				msg.err = errors.New("no workspace is connected")
				return msg
			}
			if lowBudget(ws.API.RateBudget()) {
				msg.skipped = true
				return msg
			}
			cctx, stop := context.WithTimeout(ctx, threadLoadTimeout)
			defer stop()
			c, err := ws.API.Conversation(cctx, id)
			switch {
			case ctx.Err() != nil:
				return nil // cancelled: the cursor moved away
			case err != nil:
				msg.err = err
				return msg
			case c == nil:
				msg.err = errors.New("the answer held no conversation")
				return msg
			}
			if st != nil {
				_ = st.PutConversation(*c) // best-effort, as for a load
			}
			conv = c
		}
		if ctx.Err() != nil {
			return nil
		}
		in.conv, in.now, in.loc = conv, clock(), textfmt.Zone(in.dir.Timezone())
		msg.c = cachedThread{conv: conv, loc: in.loc, now: in.now, body: renderThreadBody(in)}
		return msg
	}
}

// prefetched keeps a prefetch's answer and, while the cursor rests, starts the next.
// A failed prefetch is not reported: nobody asked for it, and opening that
// conversation loads it again and says what failed.
func (p Pane) prefetched(msg prefetchedMsg) (Pane, tea.Cmd) {
	cur, ok := p.pf.inflight[msg.id]
	if !ok || cur.req != msg.req {
		return p, nil // cancelled or superseded
	}
	delete(p.pf.inflight, msg.id)
	cur.cancel()
	if msg.skipped || msg.err != nil {
		return p, nil // no more speculative requests until the next rest
	}
	p.pf.cache.put(msg.id, msg.c)
	if !p.pf.resting {
		return p, nil
	}
	cmd := p.prefetchNow()
	return p, cmd
}

// rememberThread keeps what the thread shows (a load, a re-render) in the cache, so
// coming back to it costs no request and no render.
func (p *Pane) rememberThread() {
	if p.pf == nil {
		return
	}
	if c, ok := p.thread.cached(); ok {
		p.pf.cache.put(p.thread.ID(), c)
	}
}

// openCached shows conversation id from the cache when it holds it for the thread's
// target: on screen in this Update, with a reload only when the list's updated_at is
// newer than the cached copy. ok is false when the cache cannot help.
func (p *Pane) openCached(id string, summary *models.Conversation, updated int64) (tea.Cmd, bool) {
	if p.pf == nil {
		return nil, false
	}
	c, ok := p.pf.cache.get(id, p.thread.target())
	if !ok {
		return nil, false
	}
	if r, busy := p.pf.inflight[id]; busy {
		r.cancel()
		delete(p.pf.inflight, id)
	}
	var show, reload tea.Cmd
	p.thread, show = p.thread.Show(id, summary, c)
	if updated > c.conv.UpdatedAt {
		p.thread, reload = p.thread.Open(id, summary)
	}
	var loaded ThreadLoadedMsg
	loaded.ID, loaded.Value = id, c.conv
	next, hooks := p.afterThreadLoaded(loaded)
	*p = next
	return tea.Batch(show, reload, hooks), true
}

// openRow opens conversation id in the thread: from the cache when it can, else by a
// load. A prefetch of it still on its way is cancelled: the thread's load replaces it.
func (p *Pane) openRow(id string, summary *models.Conversation, updated int64) tea.Cmd {
	if cmd, ok := p.openCached(id, summary, updated); ok {
		return cmd
	}
	if p.pf != nil {
		if r, busy := p.pf.inflight[id]; busy {
			r.cancel()
			delete(p.pf.inflight, id)
		}
	}
	var cmd tea.Cmd
	p.thread, cmd = p.thread.Open(id, summary)
	return cmd
}

// forgetThread drops a conversation a write is about to change, or changed.
func (p *Pane) forgetThread(id string) {
	if p.pf != nil && id != "" {
		p.pf.cache.drop(id)
	}
}
