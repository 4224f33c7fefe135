// Package keymap holds every key binding of intercom-tui, with its help text. No other
// package names a key: panes match on these bindings, the help overlay and the README
// table are generated from Groups.
package keymap

import "charm.land/bubbles/v2/key"

// KeyMap is every binding. Vim keys and arrows both work where it makes sense.
type KeyMap struct {
	// Global
	Quit          key.Binding
	ForceQuit     key.Binding
	Help          key.Binding
	NextTab       key.Binding
	PrevTab       key.Binding
	Tab1          key.Binding
	Tab2          key.Binding
	Tab3          key.Binding
	Tab4          key.Binding
	Retry         key.Binding
	GlobalSearch  key.Binding
	PhoneRedirect key.Binding
	Palette       key.Binding

	// Lists and readers
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding
	Open     key.Binding
	Back     key.Binding
	Filter   key.Binding
	Refresh  key.Binding

	// Conversations
	NextView key.Binding
	PrevView key.Binding
	View1    key.Binding
	View2    key.Binding
	View3    key.Binding
	View4    key.Binding
	View5    key.Binding
	// OpenWeb opens a conversation in Intercom's web app (O: o is Reopen there).
	OpenWeb key.Binding

	// Thread
	ScrollUp   key.Binding
	ScrollDown key.Binding

	// Triage (on the conversation under the cursor or in the thread, or on the selection)
	Reply  key.Binding
	Note   key.Binding
	Assign key.Binding
	Snooze key.Binding
	// SnoozeTomorrow is Intercom's own z: until tomorrow 9:00, without a picker.
	SnoozeTomorrow key.Binding
	Close          key.Binding
	Reopen         key.Binding
	Priority       key.Binding
	Tags           key.Binding
	Select         key.Binding
	SelectRange    key.Binding

	// Contacts and tickets
	Profile     key.Binding
	TicketState key.Binding
	OpenByID    key.Binding

	// Articles
	Expand   key.Binding
	Collapse key.Binding
	OpenURL  key.Binding
	Copy     key.Binding
	Locale   key.Binding

	// Overlays: composer, pickers, confirmations
	Send          key.Binding
	InsertArticle key.Binding
	// InsertReply shares ctrl+r with the global Retry: an open overlay gets keys
	// first, so ctrl+r is a saved reply in the composer and retry everywhere else.
	InsertReply key.Binding
	Confirm     key.Binding
	Cancel      key.Binding
	Toggle      key.Binding
	Yes         key.Binding
	No          key.Binding

	// The phone-call redirect form (P)
	NextField   key.Binding
	PrevField   key.Binding
	AddAttr     key.Binding
	RemoveAttr  key.Binding
	AttrType    key.Binding
	Review      key.Binding
	RedirectLog key.Binding

	// Commands are the config's own shell commands ([[commands]]), bound by
	// AddCommands; none by default. They are not actions: [keys] does not rebind them.
	Commands []key.Binding
}

// Default is the built-in keymap.
func Default() *KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return &KeyMap{
		Quit:         b("q", "quit", "q"),
		ForceQuit:    b("ctrl+c", "quit", "ctrl+c"),
		Help:         b("?", "help", "?"),
		NextTab:      b("tab", "next pane", "tab"),
		PrevTab:      b("shift+tab", "previous pane", "shift+tab"),
		Tab1:         b("1", "conversations", "1"),
		Tab2:         b("2", "contacts", "2"),
		Tab3:         b("3", "tickets", "3"),
		Tab4:         b("4", "articles", "4"),
		Retry:        b("ctrl+r", "retry what failed", "ctrl+r"),
		GlobalSearch: b("ctrl+f", "search everything", "ctrl+f"),
		// Shift-p, as p is the conversation's priority.
		PhoneRedirect: b("P", "SMS a Messenger link", "P"),
		// ctrl+k as in Intercom's web inbox; : for vim hands.
		Palette: b("ctrl+k/:", "command palette", "ctrl+k", ":"),

		Up:       b("↑/k", "up", "up", "k"),
		Down:     b("↓/j", "down", "down", "j"),
		PageUp:   b("pgup/ctrl+b", "page up", "pgup", "ctrl+b"),
		PageDown: b("pgdn", "page down", "pgdown"), // ctrl+f is the global search
		Top:      b("g/home", "top", "g", "home"),
		Bottom:   b("G/end", "bottom", "G", "end"),
		Open:     b("enter", "open", "enter"),
		Back:     b("esc", "back", "esc"),
		Filter:   b("/", "filter", "/"),
		Refresh:  b("r", "refresh", "r"),

		NextView: b("]", "next view", "]"),
		PrevView: b("[", "previous view", "["),
		View1:    b("!", "open", "!"),
		View2:    b("@", "unassigned", "@"),
		View3:    b("#", "mine", "#"),
		View4:    b("$", "snoozed", "$"),
		View5:    b("%", "closed", "%"),
		// Shift-o, as o reopens a conversation; elsewhere o opens the browser.
		OpenWeb: b("O", "open in Intercom's web app", "O"),

		ScrollUp:   b("K", "scroll thread up", "K"),
		ScrollDown: b("J", "scroll thread down", "J"),

		Reply:          b("R", "reply", "R"),
		Note:           b("N", "internal note", "N"),
		Assign:         b("a", "assign", "a"),
		Snooze:         b("s", "snooze", "s"),
		SnoozeTomorrow: b("z", "snooze until tomorrow 9:00", "z"),
		Close:          b("c", "close", "c"),
		Reopen:         b("o", "reopen", "o"),
		Priority:       b("p", "priority", "p"),
		Tags:           b("t", "tags", "t"),
		Select:         b("space", "select", "space"),
		SelectRange:    b("V", "select range", "V"),

		Profile:     b("u", "customer's profile", "u"),
		TicketState: b("S", "change ticket state", "S"),
		OpenByID:    b("i", "open a ticket by id", "i"),

		Expand:   b("→/l", "expand", "right", "l"),
		Collapse: b("←/h", "collapse", "left", "h"),
		OpenURL:  b("o", "open in browser", "o"),
		Copy:     b("y", "copy link", "y"),
		Locale:   b("L", "next language", "L"),

		Send:          b("ctrl+s", "send", "ctrl+s"),
		InsertArticle: b("ctrl+a", "insert an article link", "ctrl+a"),
		InsertReply:   b("ctrl+r", "insert a saved reply", "ctrl+r"),
		Confirm:       b("enter", "choose", "enter"),
		Cancel:        b("esc", "cancel (keeps the draft)", "esc"),
		Toggle:        b("space", "toggle", "space"),
		Yes:           b("y", "yes", "y"),
		No:            b("n", "no", "n"),

		// Control keys, as every printable key is text in the form's fields.
		NextField:   b("tab", "next field", "tab"),
		PrevField:   b("shift+tab", "previous field", "shift+tab"),
		AddAttr:     b("ctrl+n", "add attribute", "ctrl+n"),
		RemoveAttr:  b("ctrl+x", "remove attribute", "ctrl+x"),
		AttrType:    b("ctrl+t", "text/number/boolean", "ctrl+t"),
		Review:      b("ctrl+s", "review and send", "ctrl+s"),
		RedirectLog: b("ctrl+l", "sent log", "ctrl+l"),
	}
}

// Group is a titled set of bindings, for the help overlay and the README.
type Group struct {
	Title    string
	Bindings []key.Binding
}

// Groups lists every binding once, in help order.
func (k *KeyMap) Groups() []Group {
	groups := []Group{
		{"Global", []key.Binding{k.Help, k.NextTab, k.PrevTab, k.Tab1, k.Tab2, k.Tab3, k.Tab4, k.Retry, k.GlobalSearch, k.Palette, k.PhoneRedirect, k.Quit, k.ForceQuit}},
		{"Lists", []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Open, k.Back, k.Filter, k.Refresh}},
		{"Conversations", []key.Binding{k.NextView, k.PrevView, k.View1, k.View2, k.View3, k.View4, k.View5, k.OpenWeb}},
		{"Thread", []key.Binding{k.ScrollUp, k.ScrollDown}},
		{"Triage", []key.Binding{k.Reply, k.Note, k.Assign, k.Snooze, k.SnoozeTomorrow, k.Close, k.Reopen, k.Priority, k.Tags, k.Select, k.SelectRange}},
		{"Contacts and tickets", []key.Binding{k.Profile, k.TicketState, k.OpenByID}},
		{"Articles", []key.Binding{k.Expand, k.Collapse, k.OpenURL, k.Copy, k.Locale}},
		{"Composer and pickers", []key.Binding{k.Send, k.InsertArticle, k.InsertReply, k.Confirm, k.Cancel, k.Toggle, k.Yes, k.No}},
		{"Phone-call redirect", []key.Binding{k.NextField, k.PrevField, k.AddAttr, k.RemoveAttr, k.AttrType, k.Review, k.RedirectLog}},
	}
	if len(k.Commands) > 0 {
		groups = append(groups, Group{CommandsGroup, k.Commands})
	}
	return groups
}
