package contacts

import (
	"context"
	"strconv"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// Company names in the list. A contact from a search or a list carries only the ids of
// its companies; their names come from GET /contacts/{id}/companies. To keep that
// cheap, names are asked for only once the agent has used the pane (a key: the root
// tells a pane nothing when its tab is shown, and a tab never looked at should cost
// nothing), only for the rows on screen, once the list has rested
// (restDelay after the last move; at once when a page arrives), once per contact, a
// handful at a time, and remembered by company id: a company seen on one contact's row
// or profile names every other row of it for free. Until a name is known the column
// says how many companies the contact has.

const (
	// restDelay lets the cursor rest before names are asked for, so holding j or paging
	// through sends nothing for the rows merely passed.
	restDelay = 200 * time.Millisecond
	// companyLookups is how many contacts' companies are asked for at once.
	companyLookups = 4
	// lookupTimeout bounds one batch.
	lookupTimeout = 30 * time.Second
)

// companyNames is the cache of company names. It is shared by copies of the pane: it
// only ever learns names, so an older copy reading it sees a superset of what it knew.
type companyNames struct {
	names   map[string]string // company id → sanitized name
	asked   map[string]bool   // contacts whose companies were asked for
	failed  map[string]bool   // … and could not be read (asked again on refresh)
	pending int               // batches in flight
}

func newCompanyNames() *companyNames {
	return &companyNames{names: map[string]string{}, asked: map[string]bool{}, failed: map[string]bool{}}
}

// learn remembers the names of companies.
func (c *companyNames) learn(companies []models.Company) {
	for _, co := range companies {
		if n := textfmt.Clip(textfmt.Line(co.Name), rowTextRunes); n != "" {
			c.names[string(co.ID)] = n
		}
	}
}

// column is the row's company column: the first known company's name (with "+1" for
// more), else how many there are.
func (c *companyNames) column(r *contactRow) string {
	if n, ok := c.name(r); ok {
		if r.companies > 1 {
			return n + " +" + strconv.Itoa(r.companies-1)
		}
		return n
	}
	return companyCount(r.companies)
}

// name is the first of the row's companies whose name is known.
func (c *companyNames) name(r *contactRow) (string, bool) {
	for _, id := range r.companyIDs {
		if n, ok := c.names[id]; ok {
			return n, true
		}
	}
	return "", false
}

// CompaniesLoadedMsg answers one batch of company lookups: each contact's companies.
// It only fills the cache, so it is never stale; Req names the batch.
type CompaniesLoadedMsg struct {
	shared.Loaded[map[string][]models.Company]
	Failed []string // contacts whose companies could not be read
}

// restMsg is the list having rested after a move; gen names the move.
type restMsg struct{ gen uint64 }

// restSoon asks for the visible rows' company names once the list rests.
func (p *Pane) restSoon() tea.Cmd {
	p.restGen++
	gen := p.restGen
	return p.timer(restDelay, func(time.Time) tea.Msg { return restMsg{gen: gen} })
}

// lookupCompanies asks for the companies of the visible rows whose column has no name
// yet, in one batch.
func (p *Pane) lookupCompanies() tea.Cmd {
	if !p.engaged || p.ctx.WS == nil {
		return nil
	}
	l := &p.list.rows
	h := p.listHeight()
	var ids []string
	for i := l.offset; i < min(l.len(), l.offset+h); i++ {
		r := &l.rows[i]
		if _, known := p.names.name(r); r.companies == 0 || known || p.names.asked[r.id] {
			continue
		}
		p.names.asked[r.id] = true
		ids = append(ids, r.id)
	}
	if len(ids) == 0 {
		return nil
	}
	p.names.pending++
	req := p.seq.Next()
	client := p.ctx.WS.API
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), lookupTimeout)
		defer cancel()
		var (
			mu     sync.Mutex
			wg     sync.WaitGroup
			out    = make(map[string][]models.Company, len(ids))
			failed []string
			first  error
		)
		sem := make(chan struct{}, companyLookups)
		for _, id := range ids {
			wg.Go(func() {
				sem <- struct{}{}
				defer func() { <-sem }()
				cs, err := client.ContactCompanies(ctx, id)
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					failed = append(failed, id)
					if first == nil {
						first = err
					}
					return
				}
				out[id] = cs
			})
		}
		wg.Wait()
		msg := CompaniesLoadedMsg{Failed: failed}
		msg.Req, msg.Value, msg.Err = req, out, first
		return msg
	}
}

// companiesLoaded fills the cache. A failed lookup leaves the count in the column; the
// refresh key asks again.
func (p Pane) companiesLoaded(msg CompaniesLoadedMsg) (Pane, tea.Cmd) {
	p.names.pending = max(0, p.names.pending-1)
	for _, cs := range msg.Value {
		p.names.learn(cs)
	}
	for _, id := range msg.Failed {
		p.names.failed[id] = true
	}
	return p, nil
}

// forgetFailed lets the next lookup ask again for contacts whose companies failed.
func (p *Pane) forgetFailed() {
	for id := range p.names.failed {
		delete(p.names.asked, id)
	}
	clear(p.names.failed)
}
