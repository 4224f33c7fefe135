package contacts

import (
	"context"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/api/query"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/filter"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// Search. `/` focuses the search box; typing searches as you type, debounced: each edit
// starts a timer (searchDelay) with a new generation and only the timer of the last
// edit sends POST /contacts/search, so a burst of keys is one request. A new request
// cancels the one in flight (its context), and an answer to anything but the latest
// request is dropped. enter leaves the box (searching at once if the timer has not
// fired), esc clears it. An empty box lists all contacts (GET /contacts), in the
// server's order. Near the end of the loaded rows the next page is asked for.

const (
	// searchDelay is the pause after the last key before the search is sent.
	searchDelay = 300 * time.Millisecond
	// listTimeout bounds one page request, retries included.
	listTimeout = 60 * time.Second
	// maxQueryRunes bounds what is sent of the typed text.
	maxQueryRunes = 200
	// defaultPageSize is GET /contacts's and the contact search's default.
	defaultPageSize = 50
)

// searchFields are the contact fields a search matches, with the operators to use on
// them in order of preference: contains, else starts with, else equals. The choice is
// made against the query package's reading of the spec (query.AllowedOperators).
var searchFields = []string{"name", "email", "phone", "external_id"}

// searchQuery is the OR over the search fields that finds text: each field with the
// best operator Intercom allows on it, and the phone once more as digits when the text
// reads as a phone number ("+44 20 7946" → "+44207946").
func searchQuery(text string) models.Query {
	var filters []models.Query
	add := func(field, value string) {
		ops := query.AllowedOperators(query.Contacts, field)
		f := query.Field(field)
		switch {
		case slices.Contains(ops, "~"):
			filters = append(filters, f.Contains(value))
		case slices.Contains(ops, "^"):
			filters = append(filters, f.StartsWith(value))
		case slices.Contains(ops, "="):
			filters = append(filters, f.Eq(value))
		}
	}
	for _, f := range searchFields {
		add(f, text)
	}
	if d := digits(text); d != "" && d != text {
		add("phone", d)
	}
	return query.Or(filters...)
}

// normalizeQuery is the text to search for: trimmed, one line, bounded.
func normalizeQuery(s string) string {
	return textfmt.Clip(strings.Join(strings.Fields(s), " "), maxQueryRunes)
}

// ListMsg answers a page of the list: all contacts (Query "") or a search. It is
// dropped unless Req is still the list's latest request.
type ListMsg struct {
	shared.Loaded[api.Page[models.Contact]]
	Query string
	More  bool      // a next page, appended
	Now   time.Time // read by the command, for the last-seen ages
}

var _ shared.Outcome = ListMsg{}

// listCancelledMsg is a request a newer one cancelled: nothing to apply and nothing to
// report (it carries no outcome, so the online indicator ignores it).
type listCancelledMsg struct{ req uint64 }

// typedMsg is the debounce timer of an edit; gen names the edit.
type typedMsg struct{ gen uint64 }

// listRetryMsg is what a failed load's toast runs on the retry key.
type listRetryMsg struct{ more bool }

// listState is the list and where its loading stands.
type listState struct {
	rows    rowList
	query   string // what the rows answer ("" = all contacts)
	loaded  bool   // a first page has answered
	total   int
	next    string // the next page's cursor, "" at the end
	req     uint64 // the latest request; an answer to any other is stale
	pending bool
	more    bool   // the request in flight asks for a next page
	asking  string // the query of the request in flight
	err     error  // the last load failed (rows already shown stay)
	cancel  context.CancelFunc

	storeReq  uint64    // the store read in flight (cache.go); 0 when none is wanted
	fromStore bool      // the rows came from the store, not yet from the network
	savedAt   time.Time // when the shown saved view was saved; zero for a store search
}

// wanted is the query the list is headed for: the one in flight, else the one shown.
func (p *Pane) wanted() string {
	if p.list.pending && !p.list.more {
		return p.list.asking
	}
	return p.list.query
}

// focusSearch gives the search box focus (from the list or a profile).
func (p *Pane) focusSearch() tea.Cmd {
	p.prof = profile{}
	p.input.SetStyles(filter.Styles(p.ctx.Styles))
	p.input.CursorEnd()
	return p.input.Focus()
}

// searchKey handles a key while the search box has focus.
func (p Pane) searchKey(msg tea.KeyPressMsg) (Pane, tea.Cmd) {
	k := p.ctx.Keys
	switch {
	case key.Matches(msg, k.Back):
		p.input.Blur()
		p.input.Reset()
		return p, p.searchNow()
	case key.Matches(msg, k.Open):
		p.input.Blur()
		return p, p.searchNow()
	}
	return p.edit(msg)
}

// edit gives the box a key or a paste; a changed text restarts the debounce timer.
func (p Pane) edit(msg tea.Msg) (Pane, tea.Cmd) {
	before := p.input.Value()
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	if p.input.Value() == before {
		return p, cmd
	}
	p.typedGen++
	gen := p.typedGen
	return p, tea.Batch(cmd, p.timer(searchDelay, func(time.Time) tea.Msg { return typedMsg{gen: gen} }))
}

// typed is the debounce timer firing: only the last edit's timer searches.
func (p Pane) typed(msg typedMsg) (Pane, tea.Cmd) {
	if msg.gen != p.typedGen {
		return p, nil // another key came after it
	}
	return p, p.searchNow()
}

// searchNow searches for the box's text unless the list already shows or awaits it.
// Any debounce timer still running becomes moot.
func (p *Pane) searchNow() tea.Cmd {
	p.typedGen++
	q := normalizeQuery(p.input.Value())
	if q == p.wanted() && (p.list.loaded || p.list.pending) && p.list.err == nil {
		return nil
	}
	return p.load(q, false)
}

// load asks for the first page of q (more=false) or the next page of the shown list.
// It cancels the request in flight, whose answer will be dropped.
func (p *Pane) load(q string, more bool) tea.Cmd {
	if p.ctx.WS == nil {
		return nil
	}
	l := &p.list
	if l.cancel != nil {
		l.cancel()
	}
	req := p.seq.Next()
	ctx, cancel := context.WithCancel(context.Background())
	l.req, l.pending, l.more, l.asking, l.cancel = req, true, more, q, cancel
	cursor := ""
	if more {
		cursor = l.next
	}
	client, perPage, now, st := p.ctx.WS.API, p.pageSize(), p.clock(), p.ctx.Store
	fetch := func() tea.Msg {
		defer cancel()
		tctx, stop := context.WithTimeout(ctx, listTimeout)
		defer stop()
		var page api.Page[models.Contact]
		var err error
		if q == "" {
			page, err = client.ListContacts(tctx, perPage, cursor)
		} else {
			page, err = client.SearchContacts(tctx, searchQuery(q), perPage, cursor)
		}
		if ctx.Err() != nil {
			return listCancelledMsg{req: req}
		}
		msg := ListMsg{Query: q, More: more, Now: now()}
		msg.Req, msg.Value, msg.Err = req, page, err
		if err == nil {
			saveList(st, q, more, page, msg.Now)
		}
		return msg
	}
	if more {
		return fetch
	}
	l.storeReq = 0 // a store read for another list is moot
	if p.wantsListStore(q) {
		return tea.Batch(fetch, p.readListStore(q, false))
	}
	return fetch
}

func (p *Pane) pageSize() int {
	n := p.ctx.Settings.PageSize
	if n <= 0 {
		n = defaultPageSize
	}
	return min(n, 150)
}

// listLoaded applies an answer if it is still the latest request.
func (p Pane) listLoaded(msg ListMsg) (Pane, tea.Cmd) {
	l := &p.list
	if msg.Req != l.req {
		return p, nil // stale: a newer request superseded it
	}
	l.pending, l.cancel = false, nil
	if !msg.Now.IsZero() {
		p.now = msg.Now.Unix()
	}
	if msg.Err != nil {
		l.err = msg.Err
		what := "Loading contacts"
		if msg.Query != "" {
			what = "Searching contacts"
		}
		retry := func() tea.Msg { return listRetryMsg{more: msg.More} }
		toast := shared.LoadErrorToast(what+": "+errText(msg.Err), msg.Err, retry)
		// The server was not reached and the list does not show this query: the store
		// answers it (rows the network gave for it stay: they are fresher).
		if !msg.More && api.IsNetwork(msg.Err) && !(l.loaded && l.query == msg.Query) {
			return p, tea.Batch(toast, p.readListStore(msg.Query, true))
		}
		return p, toast
	}
	l.err = nil
	if !msg.More {
		l.storeReq, l.fromStore, l.savedAt = 0, false, time.Time{}
	}
	page := msg.Value
	rows := make([]contactRow, len(page.Items))
	for i := range page.Items {
		rows[i] = newContactRow(&page.Items[i])
	}
	if msg.More {
		l.rows.append(rows)
	} else {
		l.rows.reset(rows, l.loaded && msg.Query == l.query, p.listHeight())
		l.query, l.loaded = msg.Query, true
	}
	l.next, l.total = page.Next, page.TotalCount
	return p, p.lookupCompanies()
}

// retry sends a failed load again, unless something newer is in flight.
func (p Pane) retry(msg listRetryMsg) (Pane, tea.Cmd) {
	if p.list.pending {
		return p, nil
	}
	q := normalizeQuery(p.input.Value())
	if msg.more && q == p.list.query && p.list.next != "" {
		return p, p.load(q, true)
	}
	return p, p.load(q, false)
}

// refresh reloads the first page of what the list shows (r), keeping the cursor.
func (p *Pane) refresh() tea.Cmd {
	p.forgetFailed()
	return p.load(p.list.query, false)
}

// maybeMore asks for the next page once the cursor is within a screen of the end.
func (p *Pane) maybeMore() tea.Cmd {
	l := &p.list
	if l.pending || l.next == "" || !l.loaded {
		return nil
	}
	if l.rows.cursor < l.rows.len()-1-max(p.listHeight(), 1) {
		return nil
	}
	return p.load(l.query, true)
}

// clock is the context's clock, read only in commands.
func (p *Pane) clock() func() time.Time {
	if p.ctx.Now != nil {
		return p.ctx.Now
	}
	return time.Now
}

// timer is tea.Tick, unless a test holds the timers.
func (p *Pane) timer(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
	if p.after != nil {
		return p.after(d, fn)
	}
	return tea.Tick(d, fn)
}
