package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/usercmd"
)

// paneModel is what a pane package provides: a value type whose Update returns its own
// type (conversations.Pane, contacts.Pane, tickets.Pane).
type paneModel[P any] interface {
	Update(tea.Msg) (P, tea.Cmd)
	View() string
	Title() string
	Help() []key.Binding
	Busy() bool
	Capturing() bool
	Init() tea.Cmd
}

// pane is any pane behind one interface, so the root keeps them in a slice.
type pane interface {
	update(tea.Msg) (pane, tea.Cmd)
	View() string
	Title() string
	Help() []key.Binding
	Busy() bool
	Capturing() bool
	Init() tea.Cmd
	// FocusContact is the contact in focus (id, and its phone when the pane has it),
	// for the phone-call redirect form; panes without one give "", "".
	FocusContact() (id, phone string)
	// Badge is a count the tab shows beside the title (new unassigned conversations);
	// 0 shows none.
	Badge() int
	// CommandValues are the values of the item in focus for a [[commands]] template;
	// a pane without them gives none (commands that need one do not run there).
	CommandValues() usercmd.Values
}

// commandValues is what a pane that has an item in focus provides.
type commandValues interface{ CommandValues() usercmd.Values }

// focusContact is what a pane that shows contacts (or references to them) provides.
type focusContact interface{ FocusContact() (id, phone string) }

// wrap adapts a pane package's concrete model to pane.
type wrap[P paneModel[P]] struct{ p P }

func (w wrap[P]) update(msg tea.Msg) (pane, tea.Cmd) {
	p, cmd := w.p.Update(msg)
	return wrap[P]{p}, cmd
}

func (w wrap[P]) View() string        { return w.p.View() }
func (w wrap[P]) Title() string       { return w.p.Title() }
func (w wrap[P]) Help() []key.Binding { return w.p.Help() }
func (w wrap[P]) Busy() bool          { return w.p.Busy() }
func (w wrap[P]) Capturing() bool     { return w.p.Capturing() }
func (w wrap[P]) Init() tea.Cmd       { return w.p.Init() }

func (w wrap[P]) FocusContact() (id, phone string) {
	if f, ok := any(w.p).(focusContact); ok {
		return f.FocusContact()
	}
	return "", ""
}

// badged is a pane with a count for its tab.
type badged interface{ NewUnassigned() int }

func (w wrap[P]) Badge() int {
	if b, ok := any(w.p).(badged); ok {
		return b.NewUnassigned()
	}
	return 0
}

func (w wrap[P]) CommandValues() usercmd.Values {
	if f, ok := any(w.p).(commandValues); ok {
		return f.CommandValues()
	}
	return usercmd.Values{}
}
