package conversations

import (
	"context"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/markdown"
	"github.com/intercom-tui/intercom-tui/ui/components/scroll"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// Thread is one conversation to read: a pinned header (subject, customer, state,
// assignee, tags) over every part, oldest first, in a scrolling window.
//
// It is a value: methods return the changed Thread. The markdown Renderer (and its
// cache) is shared by pointer. Loading and rendering happen in commands; Update stores
// their answers, dropping any that a newer request superseded; View only slices lines.
//
// A thread opens at its latest part, as agents read the newest first: the window ends
// at the bottom, or, when the latest part is taller than the window, starts at that
// part's heading. A reload keeps the reader's place unless they were at the end.
// Times show in the workspace's time zone (the app's, from /me; UTC when unknown).
type Thread struct {
	ctx *shared.Context
	md  *markdown.Renderer
	seq shared.Seq

	id      string
	summary *models.Conversation // the list's item: the header while loading
	conv    *models.Conversation // the loaded conversation, nil until then
	loading bool
	err     error
	loadReq uint64
	cancel  context.CancelFunc // cancels the load in flight

	storeReq uint64 // the store read in flight (cache.go), 0 when none
	stored   bool   // conv is the offline store's copy, until the network's arrives

	loc *time.Location // the workspace's zone and a clock reading, from the last answer
	now time.Time

	body      threadBody
	renderReq uint64 // the re-render in flight, 0 when none
	renderFor threadTarget
	// stale: the body shows an older conversation than conv (Replace); the render of
	// conv is in flight, and a render is due even for an unchanged width and theme.
	stale bool

	width, height int
	offset        int // first body line shown
	focused       bool

	// Pre-rendered chrome, refreshed whenever what it shows changes.
	chromeFor   threadTarget
	header      []string
	rule        string
	placeholder []string // the body while there is none: loading, error, nothing open
}

// Scroll steps: J/K (and the wheel) move a few lines, for reading from the list.
const threadScrollStep = scroll.Step

// NewThread returns an empty thread that renders bodies with r (shared with other
// panes for its cache); nil gets a renderer of its own.
func NewThread(ctx *shared.Context, r *markdown.Renderer) Thread {
	if r == nil {
		r = markdown.New()
	}
	t := Thread{ctx: ctx, md: r}
	t.refreshChrome()
	return t
}

// Open shows conversation id: the summary's header at once, then the whole thread once
// GET /conversations/{id} answers. Opening the one already shown reloads it in place.
func (t Thread) Open(id string, summary *models.Conversation) (Thread, tea.Cmd) {
	if t.cancel != nil {
		t.cancel()
		t.cancel = nil
	}
	fresh := id != t.id || t.conv == nil // nothing of it shows yet: the store may have it
	if fresh {
		t.conv, t.body, t.offset, t.renderReq, t.stored, t.stale = nil, threadBody{}, 0, 0, false, false
		t.summary = summary
	} else if summary != nil {
		t.summary = summary
	}
	t.id, t.err, t.loading, t.storeReq = id, nil, id != "", 0
	if id == "" {
		t.summary = nil
		t.refreshChrome()
		return t, nil
	}
	var fromStore tea.Cmd
	if fresh {
		fromStore = t.readThread()
	}
	t.loadReq = t.seq.Next()
	ctx, cancel := context.WithCancel(context.Background())
	t.cancel = cancel
	t.refreshChrome()
	return t, tea.Batch(fromStore, t.loadCmd(ctx, t.loadReq))
}

// SetSize gives the thread its area. Lines made for another width stay on screen (cut
// or padded) until the re-render it asks for answers.
func (t Thread) SetSize(width, height int) (Thread, tea.Cmd) {
	bottom := t.atBottom()
	t.width, t.height = max(0, width), max(0, height)
	t.refreshChrome()
	if bottom {
		t.offset = t.maxOffset()
	}
	t.clamp()
	t.refreshRule()
	cmd := t.maybeRender()
	return t, cmd
}

// Update handles the thread's own answers and its keys: the scroll keys when focused,
// J/K always (the pane sends them while the list has focus).
func (t Thread) Update(msg tea.Msg) (Thread, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case ThreadLoadedMsg:
		t, cmd = t.loaded(msg)
	case ThreadRenderedMsg:
		t, cmd = t.rendered(msg)
	case storedThreadMsg:
		t, cmd = t.storedLoaded(msg)
	case threadRetryMsg:
		if msg.id == t.id && !t.loading {
			t, cmd = t.Open(t.id, t.summary)
		}
	case tea.KeyPressMsg:
		if offset, ok := scroll.Key(msg, t.ctx.Keys, t.focused, t.doc(), threadScrollStep); ok {
			t = t.scrollTo(offset)
		}
	case tea.MouseWheelMsg:
		if offset, ok := scroll.Wheel(msg, t.offset, threadScrollStep); ok {
			t = t.scrollTo(offset)
		}
	}
	// The root may have changed the theme or loaded the directory since the last
	// render: the chrome follows at once, the body through a render command.
	if t.chromeFor != t.target() {
		t.refreshChrome()
	}
	return t, tea.Batch(cmd, t.maybeRender())
}

func (t Thread) scrollTo(offset int) Thread {
	t.offset = offset
	t.clamp()
	t.refreshRule()
	return t
}

// View is the thread at exactly its size.
func (t Thread) View() string {
	if t.width <= 0 || t.height <= 0 {
		return ""
	}
	var b strings.Builder
	n := 0
	line := func(s string) {
		if n > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(textfmt.FitWidth(s, t.width))
		n++
	}
	for _, h := range t.header {
		line(h)
	}
	if t.showRule() {
		line(t.rule)
	}
	lines := t.body.lines
	if len(lines) == 0 {
		lines = t.placeholder
	}
	for _, l := range scroll.Window(lines, t.offset, t.height-n) {
		line(l)
	}
	for n < t.height {
		line("")
	}
	return b.String()
}

// ID is the open conversation's id, "" when none is.
func (t Thread) ID() string { return t.id }

// Loading reports a load in flight.
func (t Thread) Loading() bool { return t.loading }

// Rendering reports a body render in flight (after a resize, a theme change or a write).
func (t Thread) Rendering() bool { return t.renderReq != 0 }

// Err is the last load's error, nil once a load succeeds.
func (t Thread) Err() error { return t.err }

// Stored reports that the conversation shown is the offline store's copy: the network's
// has not arrived (yet).
func (t Thread) Stored() bool { return t.stored }

// Conversation is the loaded conversation, else the summary it was opened with.
func (t Thread) Conversation() *models.Conversation {
	if t.conv != nil {
		return t.conv
	}
	return t.summary
}

// Focus gives the thread the keys: the scroll keys then move it.
func (t Thread) Focus() Thread { t.focused = true; return t }

// Blur takes the keys away; J/K still scroll it.
func (t Thread) Blur() Thread { t.focused = false; return t }

// Focused reports whether the thread has the keys.
func (t Thread) Focused() bool { return t.focused }

// Help lists the keys that act on the thread now.
func (t Thread) Help() []key.Binding {
	k := t.ctx.Keys
	if k == nil {
		return nil
	}
	var out []key.Binding
	if t.focused {
		out = []key.Binding{k.Down, k.Up, k.PageDown, k.PageUp, k.Top, k.Bottom}
	} else {
		out = []key.Binding{k.ScrollDown, k.ScrollUp}
	}
	if t.err != nil {
		out = append(out, k.Retry)
	}
	return out
}

// Replace shows c in place of the loaded conversation (an optimistic change, a rollback,
// or the server's answer to a write), keeping the reader's place unless at the end. It
// does nothing for another conversation. The body is re-rendered by a command.
func (t Thread) Replace(c *models.Conversation) (Thread, tea.Cmd) {
	if c == nil || string(c.ID) != t.id {
		return t, nil
	}
	if t.conv == nil {
		t.summary = c // still loading: the header follows at once, the load brings the rest
		t.refreshChrome()
		return t, nil
	}
	t.conv, t.stale = c, true
	t.refreshChrome()
	t.renderReq, t.renderFor = t.seq.Next(), t.target()
	return t, t.renderCmd(t.renderReq)
}
