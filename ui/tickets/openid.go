package tickets

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/components/filter"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// `i` opens a ticket by id: an inline input over the list takes digits, enter sends
// GET /tickets/{id} (2.9) and the detail shows the answer with focus. Agents know tickets
// by the Inbox's number (#123, the ticket_id), which the API does not take: a number
// that is no ticket's id but is the number of a loaded ticket opens that one. An unknown
// id keeps the input open and says so; esc cancels (the answer is then dropped).

// byIDState is the open-by-id input and its request.
type byIDState struct {
	input textinput.Model
	req   uint64 // the lookup in flight, 0 when none
	err   string // why the last lookup failed, shown on the input line
}

// OpenedMsg answers an open by id: the ticket, or why there is none. Req names the
// lookup; an answer to any other is dropped.
type OpenedMsg struct {
	shared.Loaded[*models.Ticket]
	Typed string // what the agent typed
}

var _ shared.Outcome = OpenedMsg{}

// idCharLimit bounds the typed id.
const idCharLimit = 20

func newByID(ctx *shared.Context) byIDState {
	in := filter.New(ctx.Styles, "Open ticket id: ", "digits")
	in.CharLimit = idCharLimit
	return byIDState{input: in}
}

// openByID focuses the input (from the list or the detail).
func (p Pane) openByID() (Pane, tea.Cmd) {
	if p.filter.Focused() {
		p.closeFilter(true)
	}
	p.detailFocused = false // the list shows the input line
	p.detail = p.detail.Blur()
	p.byID.input.SetStyles(filter.Styles(p.ctx.Styles))
	p.byID.input.Reset()
	p.byID.err, p.byID.req = "", 0
	cmd := p.byID.input.Focus()
	return p, cmd
}

// byIDKey handles a key while the input has focus: digits only.
func (p Pane) byIDKey(msg tea.KeyPressMsg) (Pane, tea.Cmd) {
	k := p.ctx.Keys
	switch {
	case key.Matches(msg, k.Back):
		p.byID.input.Blur()
		p.byID.req, p.byID.err = 0, "" // a lookup in flight is dropped when it answers
		cmd := p.previewSoon()
		return p, cmd
	case key.Matches(msg, k.Open):
		return p.lookup()
	case msg.Text != "" && strings.Trim(msg.Text, "0123456789") != "":
		return p, nil // not a digit: ignored
	}
	var cmd tea.Cmd
	p.byID.input, cmd = p.byID.input.Update(msg)
	p.byID.err = ""
	return p, cmd
}

// byIDPaste keeps the digits of a paste ("#1234" → "1234").
func (p Pane) byIDPaste(msg tea.PasteMsg) (Pane, tea.Cmd) {
	msg.Content = strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, msg.Content)
	var cmd tea.Cmd
	p.byID.input, cmd = p.byID.input.Update(msg)
	p.byID.err = ""
	return p, cmd
}

// lookup sends GET /tickets/{id} for the typed id; if there is no such ticket and a
// loaded row has that number, that row's ticket is fetched instead.
func (p Pane) lookup() (Pane, tea.Cmd) {
	typed := strings.TrimSpace(p.byID.input.Value())
	if typed == "" {
		p.byID.err = "Type a ticket id"
		return p, nil
	}
	alt := ""
	for _, v := range p.views {
		for i := range v.list.rows {
			if r := &v.list.rows[i]; r.t != nil && string(r.t.TicketID) == typed && r.id != typed {
				alt = r.id
			}
		}
	}
	req := p.seq.Next()
	p.byID.req, p.byID.err = req, ""
	ws, st := p.ctx.WS, p.ctx.Store
	return p, func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), loadTimeout)
		defer cancel()
		t, err := ws.API.Ticket(ctx, typed)
		if api.IsNotFound(err) && alt != "" {
			t, err = ws.API.Ticket(ctx, alt)
		}
		if err == nil && t != nil {
			saveTickets(st, []models.Ticket{*t})
		}
		return OpenedMsg{Loaded: shared.Loaded[*models.Ticket]{Req: req, Value: t, Err: err}, Typed: typed}
	}
}

// opened shows the ticket a lookup found, or says why there is none.
func (p Pane) opened(msg OpenedMsg) (Pane, tea.Cmd) {
	if msg.Req == 0 || msg.Req != p.byID.req {
		return p, nil // cancelled, or a newer lookup was sent
	}
	p.byID.req = 0
	id := sanitize.Line(msg.Typed)
	switch {
	case api.IsNotFound(msg.Err):
		p.byID.err = "No ticket has id " + id
		return p, nil
	case msg.Err != nil:
		p.byID.err = "Couldn't open ticket " + id + ": " + errText(msg.Err)
		return p, nil
	case msg.Value == nil:
		p.byID.err = "Couldn't open ticket " + id + ": the answer held no ticket"
		return p, nil
	}
	p.byID.input.Blur()
	p.byID.input.Reset()
	if v := p.activeView(); v != nil {
		if i, ok := v.list.shownIndex(string(msg.Value.ID)); ok {
			v.list.moveTo(i, p.listHeight())
		}
	}
	p.learnLabels(msg.Value)
	p.previewGen++
	var cmd tea.Cmd
	p.detail, cmd = p.detail.Show(msg.Value)
	p.detail = p.detail.Focus()
	p.detailFocused = true
	return p, cmd
}

// byIDLine is the input, with what the lookup is doing or why it failed.
func (p Pane) byIDLine(width int) string {
	st := p.ctx.Styles
	in := p.byID.input
	status := ""
	switch {
	case p.byID.req != 0:
		status = st.Muted.Render("  opening…")
	case p.byID.err != "":
		status = st.Error.Render("  " + p.byID.err)
	case in.Value() == "":
		status = st.Muted.Render("  the ticket's id, or a listed ticket's number")
	}
	in.SetWidth(max(1, min(idCharLimit+1, width-len(in.Prompt)-1)))
	return textfmt.FitWidth(in.View()+status, width)
}
