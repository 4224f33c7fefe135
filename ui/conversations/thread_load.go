package conversations

import (
	"context"
	"errors"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// ThreadLoadedMsg answers Thread.Open: GET /conversations/{id} and, on success, the
// thread already rendered for the width the thread had when it asked. It embeds
// shared.Loaded (Req names the request), so the root sees its Outcome.
type ThreadLoadedMsg struct {
	shared.Loaded[*models.Conversation]
	ID   string
	Loc  *time.Location // the workspace's time zone the times are shown in
	Now  time.Time      // the clock reading relative times count from
	body threadBody
}

// ThreadRenderedMsg answers a re-render of a loaded thread for a new width (or theme,
// or directory). Req names the render request; rendering needs no network, so it
// carries no Outcome.
type ThreadRenderedMsg struct {
	Req  uint64
	ID   string
	Loc  *time.Location
	Now  time.Time
	body threadBody
}

// threadRetryMsg is the error toast's retry: Update reopens the thread, so the retry
// gets a request number of its own.
type threadRetryMsg struct{ id string }

// threadLoadTimeout bounds one load, retries and rate-limit waits included.
const threadLoadTimeout = 90 * time.Second

// threadTarget is what a rendered body depends on besides the conversation.
type threadTarget struct {
	width  int
	styles *theme.Styles
	dir    *workspace.Directory
}

func (b threadBody) target() threadTarget { return threadTarget{b.width, b.styles, b.dir} }

// target is what the thread's body should be rendered for now.
func (t *Thread) target() threadTarget { return threadTarget{t.width, t.ctx.Styles, t.ctx.Dir} }

// clock is the context's clock, read only inside commands.
func (t *Thread) clock() func() time.Time {
	if t.ctx.Now != nil {
		return t.ctx.Now
	}
	return time.Now
}

// input captures, in Update, what a command renders with: the command must not read the
// shared context, which the root may change meanwhile.
func (t *Thread) input(conv *models.Conversation) threadInput {
	return threadInput{conv: conv, width: t.width, styles: t.ctx.Styles, dir: t.ctx.Dir, md: t.md}
}

// loadCmd fetches the conversation and renders it. A load superseded by a newer Open is
// cancelled and answers nothing.
func (t *Thread) loadCmd(ctx context.Context, req uint64) tea.Cmd {
	id, ws, st, in, clock := t.id, t.ctx.WS, t.ctx.Store, t.input(nil), t.clock()
	return func() tea.Msg {
		msg := ThreadLoadedMsg{ID: id}
		msg.Req = req
		if ws == nil || ws.API == nil {
			msg.Err = errors.New("no workspace is connected")
			return msg
		}
		cctx, stop := context.WithTimeout(ctx, threadLoadTimeout)
		defer stop()
		conv, err := ws.API.Conversation(cctx, id)
		if ctx.Err() != nil {
			return nil // cancelled by a newer Open: nobody waits for this answer
		}
		switch {
		case err != nil:
			msg.Err = err
			return msg
		case conv == nil:
			msg.Err = errors.New("the answer held no conversation")
			return msg
		}
		if st != nil {
			_ = st.PutConversation(*conv) // best-effort: the answer shows whether it is kept or not
		}
		msg.Value = conv
		in.conv, in.now, in.loc = conv, clock(), textfmt.Zone(in.dir.Timezone())
		msg.Loc, msg.Now, msg.body = in.loc, in.now, renderThreadBody(in)
		return msg
	}
}

// renderCmd renders the loaded conversation for the thread's current target.
func (t *Thread) renderCmd(req uint64) tea.Cmd {
	id, in, clock := t.id, t.input(t.conv), t.clock()
	return func() tea.Msg {
		in.now, in.loc = clock(), textfmt.Zone(in.dir.Timezone())
		return ThreadRenderedMsg{Req: req, ID: id, Loc: in.loc, Now: in.now, body: renderThreadBody(in)}
	}
}

// maybeRender asks for a re-render when the body was made for another width, theme or
// directory, or from an older conversation, unless one for the same is already on its
// way. When the body is current, any render in flight is moot and will be dropped.
func (t *Thread) maybeRender() tea.Cmd {
	if t.conv == nil || t.width <= 0 || t.ctx.Styles == nil {
		return nil
	}
	want := t.target()
	switch {
	case t.body.target() == want && !t.stale:
		t.renderReq = 0
		return nil
	case t.renderReq != 0 && t.renderFor == want:
		return nil
	}
	t.renderReq, t.renderFor = t.seq.Next(), want
	return t.renderCmd(t.renderReq)
}

func (t Thread) loaded(msg ThreadLoadedMsg) (Thread, tea.Cmd) {
	if !t.loading || msg.Req != t.loadReq || msg.ID != t.id {
		return t, nil // a newer Open superseded it
	}
	t.loading, t.cancel = false, nil
	if msg.Err != nil {
		t.err = msg.Err
		t.refreshChrome()
		id := t.id
		retry := func() tea.Msg { return threadRetryMsg{id: id} }
		what := "Could not load this conversation: "
		if t.stored {
			what = "Could not refresh this conversation: " // the store's copy stays readable
		}
		return t, shared.LoadErrorToast(what+threadErrText(msg.Err), msg.Err, retry)
	}
	// A reload keeps the reader's place unless at the end; the store's copy, not yet
	// scrolled, gives way to the network's opened at its latest part.
	latest := t.conv == nil || t.atBottom() || (t.stored && t.offset == t.latestOffset())
	t.err, t.conv, t.stored, t.storeReq = nil, msg.Value, false, 0
	if msg.Loc != nil {
		t.loc, t.now = msg.Loc, msg.Now
	}
	t.applyBody(msg.body, latest)
	cmd := t.maybeRender()
	return t, cmd
}

func (t Thread) rendered(msg ThreadRenderedMsg) (Thread, tea.Cmd) {
	if t.renderReq == 0 || msg.Req != t.renderReq || msg.ID != t.id {
		return t, nil // superseded: a newer render, a reload, or another conversation
	}
	t.renderReq = 0
	t.loc, t.now = msg.Loc, msg.Now
	t.applyBody(msg.body, false)
	cmd := t.maybeRender() // the size or theme may have moved on meanwhile
	return t, cmd
}

// threadErrText is an error as a toast or an inline line has room for.
func threadErrText(err error) string {
	if errors.Is(err, context.DeadlineExceeded) {
		return "timed out"
	}
	// The app's short wording, not the Go error: "cannot decode 200 response to GET …"
	// means nothing to an agent. A 404 here is a conversation deleted meanwhile.
	short := api.Short(err)
	if api.IsNotFound(err) {
		short = "it no longer exists (deleted meanwhile?): " + short
	}
	s := strings.TrimPrefix(sanitize.Line(short), "intercom: ")
	if i := strings.Index(s, " (request "); i > 0 {
		s = s[:i]
	}
	return ansi.Truncate(strings.TrimSpace(s), 120, "…")
}
