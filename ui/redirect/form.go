// Package redirect is the phone-call deflection form (P, from anywhere): a caller's
// number and optional custom attributes, a confirmation of exactly what will be sent,
// then POST /phone_call_redirects, which texts the caller a link to the Messenger.
//
// It is a shared.Overlay and does no I/O: the send, the lookup of the focused contact's
// phone and the local log are commands whose answers name the form and the request
// (late ones are dropped). A number is read with the phone package in the configured
// region and refused before any request when it cannot take an SMS. A send is never
// repeated by itself: each is one SMS. On any failure everything typed stays.
package redirect

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/phone"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/store"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

// Options open a form.
type Options struct {
	// ID names the form in its answers; the root gives each form it opens a new one,
	// so an answer meant for a closed form never lands in the next.
	ID uint64
	// Phone prefills the number (the focused contact's, as stored).
	Phone string
	// ContactID, when Phone is "", is a contact whose phone is looked up and filled in
	// unless the agent has typed a number by then.
	ContactID string
}

// Step is where the form is.
type Step int

const (
	Edit    Step = iota // typing the number and attributes
	Confirm             // reading exactly what will be sent
	Sending             // the one request is in flight
	Result              // sent: the Messenger link
	Log                 // the local log of sent redirects
)

// Model is the form. It is a value: Update returns the changed one.
type Model struct {
	ctx *shared.Context
	id  uint64
	seq shared.Seq

	step, back Step // back: where the log view returns to

	phone   textinput.Model
	attrs   []attr
	focus   int // 0 the phone; 1+2i row i's name; 2+2i its value
	read    phone.Number
	readErr error
	tried   bool   // a submit was attempted: refusals show as errors
	typed   bool   // the agent edited the number: a late lookup leaves it alone
	refused string // the server's reason for the number, until it is edited
	status  string // a form-wide line: a failed send, an offline refusal
	note    string // a muted line under the phone (the lookup's outcome)

	lookupReq, sendReq, logReq uint64

	sending payload // what the confirmation shows and the send sends
	sent    *models.PhoneSwitch
	logErr  error // the log write after a send failed

	log       []store.Redirect
	logErrMsg string
	logTop    int
	done      bool
}

// New builds the form on its first field, the number prefilled from opts.
func New(ctx *shared.Context, opts Options) Model {
	m := Model{ctx: ctx, id: opts.ID, phone: newInput(ctx.Styles, "the caller's number, e.g. 083 234 5678 or +353 83 234 5678", 64)}
	m.phone.Focus()
	if p := strings.TrimSpace(sanitize.Line(opts.Phone)); p != "" {
		m.phone.SetValue(p)
		m.phone.CursorEnd()
	} else if opts.ContactID != "" {
		m.lookupReq = m.seq.Next()
	}
	m.reread()
	return m
}

// Open is the command that shows a new form and, when there is a contact to look up,
// then starts the lookup (in that order, so the answer finds the form open).
func Open(ctx *shared.Context, opts Options) tea.Cmd {
	m := New(ctx, opts)
	if m.lookupReq == 0 {
		return shared.Push(m)
	}
	return tea.Sequence(shared.Push(m), lookup(ctx.WS, ctx.Store, m.id, m.lookupReq, opts.ContactID))
}

// Step is where the form is.
func (m Model) Step() Step { return m.step }

// Phone is the number as typed.
func (m Model) Phone() string { return m.phone.Value() }

// Update handles keys, pastes and the form's answers.
func (m Model) Update(msg tea.Msg) (shared.Overlay, tea.Cmd) {
	if m.done {
		return m, nil
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.PasteMsg:
		if m.step == Edit {
			return m.edit(msg)
		}
	case PhoneMsg:
		return m.looked(msg), nil
	case SentMsg:
		return m.answered(msg), nil
	case LogMsg:
		return m.logged(msg), nil
	}
	return m, nil
}

// key is a key press by step.
func (m Model) key(msg tea.KeyPressMsg) (shared.Overlay, tea.Cmd) {
	switch m.step {
	case Edit:
		return m.editKey(msg)
	case Confirm:
		return m.confirmKey(msg)
	case Result:
		return m.resultKey(msg)
	case Log:
		return m.logKey(msg), nil
	}
	return m, nil // sending: the answer decides what comes next
}

func (m Model) editKey(msg tea.KeyPressMsg) (shared.Overlay, tea.Cmd) {
	k := m.ctx.Keys
	switch {
	case key.Matches(msg, k.Cancel):
		return m.close()
	case key.Matches(msg, k.Review):
		return m.submit(), nil
	case key.Matches(msg, k.Confirm) && m.focus == m.fields()-1:
		return m.submit(), nil
	case key.Matches(msg, k.NextField, k.Confirm):
		return m.focusOn(m.focus + 1), nil
	case key.Matches(msg, k.PrevField):
		return m.focusOn(m.focus - 1), nil
	case key.Matches(msg, k.AddAttr):
		m.attrs = append(append([]attr(nil), m.attrs...), newAttr(m.ctx.Styles))
		return m.focusOn(m.fields() - 2), nil
	case key.Matches(msg, k.RemoveAttr):
		return m.removeRow(), nil
	case key.Matches(msg, k.AttrType):
		if i := m.row(); i >= 0 {
			m.attrs = append([]attr(nil), m.attrs...)
			m.attrs[i].kind = (m.attrs[i].kind + 1) % numKinds
		}
		return m, nil
	case key.Matches(msg, k.RedirectLog):
		return m.openLog()
	}
	return m.edit(msg)
}

func (m Model) confirmKey(msg tea.KeyPressMsg) (shared.Overlay, tea.Cmd) {
	k := m.ctx.Keys
	switch {
	case key.Matches(msg, k.Confirm, k.Yes):
		return m.send()
	case key.Matches(msg, k.Cancel, k.No):
		m.step = Edit
	}
	return m, nil
}

func (m Model) resultKey(msg tea.KeyPressMsg) (shared.Overlay, tea.Cmd) {
	k := m.ctx.Keys
	switch {
	case key.Matches(msg, k.Copy):
		if m.sent == nil || m.sent.URL == "" {
			return m, shared.Toast("No Messenger link came back to copy")
		}
		return m, tea.Batch(tea.SetClipboard(sanitize.Line(m.sent.URL)), shared.Toast("Messenger link copied"))
	case key.Matches(msg, k.RedirectLog):
		return m.openLog()
	case key.Matches(msg, k.Cancel, k.Confirm):
		return m.close()
	}
	return m, nil
}

func (m Model) logKey(msg tea.KeyPressMsg) Model {
	k := m.ctx.Keys
	switch {
	case key.Matches(msg, k.Back, k.RedirectLog):
		m.step, m.logReq = m.back, 0
	case key.Matches(msg, k.Down):
		m.logTop = min(max(0, len(m.log)-1), m.logTop+1)
	case key.Matches(msg, k.Up):
		m.logTop = max(0, m.logTop-1)
	}
	return m
}

// edit gives a key or a paste to the focused field.
func (m Model) edit(msg tea.Msg) (shared.Overlay, tea.Cmd) {
	var cmd tea.Cmd
	if m.focus == 0 {
		before := m.phone.Value()
		m.phone, cmd = m.phone.Update(msg)
		if m.phone.Value() != before {
			m.typed, m.refused, m.note = true, "", ""
			m.reread()
		}
		return m, cmd
	}
	i := m.row()
	m.attrs = append([]attr(nil), m.attrs...)
	if m.focus%2 == 1 {
		m.attrs[i].key, cmd = m.attrs[i].key.Update(msg)
	} else {
		m.attrs[i].value, cmd = m.attrs[i].value.Update(msg)
	}
	return m, cmd
}

// reread reads the number as typed, in the configured region.
func (m *Model) reread() {
	m.read, m.readErr = phone.Parse(m.phone.Value(), m.ctx.Settings.PhoneRegion)
}

// fields is how many inputs the form has.
func (m Model) fields() int { return 1 + 2*len(m.attrs) }

// row is the attribute row in focus, or -1 on the phone.
func (m Model) row() int {
	if m.focus == 0 {
		return -1
	}
	return (m.focus - 1) / 2
}

// focusOn moves the focus to field i (wrapping around).
func (m Model) focusOn(i int) Model {
	n := m.fields()
	m.focus = ((i % n) + n) % n
	m.phone.Blur()
	m.attrs = append([]attr(nil), m.attrs...)
	for r := range m.attrs {
		m.attrs[r].key.Blur()
		m.attrs[r].value.Blur()
	}
	switch r := m.row(); {
	case r < 0:
		m.phone.Focus()
	case m.focus%2 == 1:
		m.attrs[r].key.Focus()
	default:
		m.attrs[r].value.Focus()
	}
	return m
}

// removeRow drops the attribute row in focus (the phone cannot be removed).
func (m Model) removeRow() Model {
	i := m.row()
	if i < 0 {
		return m
	}
	m.attrs = append(append([]attr(nil), m.attrs[:i]...), m.attrs[i+1:]...)
	switch n := len(m.attrs); {
	case n == 0:
		return m.focusOn(0)
	case i < n:
		return m.focusOn(1 + 2*i) // the row that took its place
	default:
		return m.focusOn(1 + 2*(n-1))
	}
}

// submit moves to the confirmation when every field is valid; otherwise the refusals
// show and the focus goes to the first refused field.
func (m Model) submit() Model {
	m.tried = true
	if m.readErr != nil {
		return m.focusOn(0)
	}
	for i, e := range rowErrors(m.attrs) {
		if e != "" {
			return m.focusOn(1 + 2*i)
		}
	}
	p, ok := collect(m.read, m.readErr, m.attrs)
	if !ok {
		return m
	}
	m.sending, m.step = p, Confirm
	return m
}

// send sends the confirmed payload, unless the app is offline.
func (m Model) send() (shared.Overlay, tea.Cmd) {
	if m.ctx.Offline {
		m.status = shared.OfflineText
		return m, nil
	}
	m.status, m.step = "", Sending
	m.sendReq = m.seq.Next()
	return m, send(m.ctx.WS.API, m.ctx.Store, m.ctx.Now, m.id, m.sendReq, m.sending)
}

// answered applies the send's answer: the link, or back to the form with the reason.
func (m Model) answered(msg SentMsg) Model {
	if msg.Form != m.id || msg.Req != m.sendReq || m.step != Sending {
		return m // another form's, or an attempt no longer awaited
	}
	m.sendReq, m.logErr = 0, msg.LogErr
	var pe *api.PhoneRedirectError
	switch {
	case msg.Err == nil:
		m.sent, m.step = msg.Value, Result
		if m.sent == nil {
			m.sent = &models.PhoneSwitch{}
		}
		return m
	case asRefusal(msg.Err, &pe):
		m.refused = refusal(pe)
		m = m.focusOn(0)
	default:
		m.status = failure(msg.Err)
	}
	m.step = Edit
	return m
}

// looked fills the number from the lookup, unless the agent has typed one.
func (m Model) looked(msg PhoneMsg) Model {
	if msg.Form != m.id || msg.Req != m.lookupReq {
		return m
	}
	m.lookupReq = 0
	switch {
	case m.typed || m.phone.Value() != "":
	case msg.Err != nil:
		m.note = "Could not look up the contact's phone: " + sanitize.Line(api.Short(msg.Err))
	case strings.TrimSpace(msg.Value) == "":
		m.note = "The contact has no phone number on record"
	default:
		m.phone.SetValue(strings.TrimSpace(sanitize.Line(msg.Value)))
		m.phone.CursorEnd()
		m.reread()
	}
	return m
}

// openLog shows the local log, read in a command.
func (m Model) openLog() (shared.Overlay, tea.Cmd) {
	m.back, m.step, m.logTop = m.step, Log, 0
	m.log, m.logErrMsg = nil, ""
	if m.ctx.Store == nil {
		m.logErrMsg = "No offline store: sent redirects are not logged"
		return m, nil
	}
	m.logReq = m.seq.Next()
	return m, readLog(m.ctx.Store, m.ctx.Now, m.id, m.logReq)
}

func (m Model) logged(msg LogMsg) Model {
	if msg.Form != m.id || msg.Req != m.logReq || m.step != Log {
		return m
	}
	m.logReq = 0
	m.log = msg.Entries
	if msg.Err != nil {
		m.logErrMsg = "Reading the log: " + sanitize.Line(msg.Err.Error())
	}
	return m
}

func asRefusal(err error, pe **api.PhoneRedirectError) bool { return errors.As(err, pe) }

// close finishes the form.
func (m Model) close() (shared.Overlay, tea.Cmd) {
	m.done = true
	return m, shared.Pop
}
