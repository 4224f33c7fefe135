// Package shared is what the root model and the panes pass to each other: the shared
// context, the async-answer envelope, and the messages panes send to the root.
package shared

import (
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/drafts"
	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/phone"
	"github.com/intercom-tui/intercom-tui/replies"
	"github.com/intercom-tui/intercom-tui/store"
	"github.com/intercom-tui/intercom-tui/ui/theme"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// Settings are the behaviour knobs the panes read (from the config file later).
type Settings struct {
	RefreshInterval time.Duration // inbox auto-refresh; 0 turns it off
	PageSize        int           // conversations per page (at most 150)
	SplitMinWidth   int           // list and thread side by side from this width (120)
	BudgetEvery     time.Duration // how often the status bar reads the rate-limit budget; 0 = never
	MarkReadOnOpen  bool          // opening a thread marks it read (PUT /conversations/{id})
	BulkParallel    int           // writes of a bulk action in flight at once
	// HelpCenterMaxAge: at start, the help center is synced in the background when the
	// store's last sync of it is older than this (or it was never synced); 0 never does.
	HelpCenterMaxAge time.Duration
	// PhoneRegion is the country (ISO 3166, "IE") a phone number typed without its
	// country code is read in; "" accepts only numbers starting with + or 00.
	PhoneRegion string
	// DefaultView is the conversations view shown first (open, unassigned, mine,
	// snoozed, closed); "" or unknown is open.
	DefaultView string
	// Bell rings the terminal bell when a refresh finds new unassigned conversations.
	Bell bool
	// NoMouse leaves the mouse to the terminal (its own text selection): no clicks, no
	// wheel. The zero value has the mouse on, as the default does.
	NoMouse bool
}

// DefaultSettings are used when nothing is configured.
func DefaultSettings() Settings {
	return Settings{RefreshInterval: 60 * time.Second, PageSize: 50, SplitMinWidth: 120, BudgetEvery: time.Second,
		MarkReadOnOpen: true, BulkParallel: 4, HelpCenterMaxAge: 24 * time.Hour, PhoneRegion: phone.DefaultRegion(nil)}
}

// Context is shared, read-mostly state passed down to every pane. Only the root's
// Update changes it (Dir is set once the directory has loaded; Styles on a theme change).
type Context struct {
	WS       *workspace.Workspace
	Dir      *workspace.Directory // nil until /me, /admins and /teams answered
	Styles   *theme.Styles
	Keys     *keymap.KeyMap
	Now      func() time.Time
	Settings Settings
	Drafts   *drafts.Store // unsent replies and notes on disk; nil keeps none
	Store    *store.Store  // the offline cache (SQLite, FTS5); nil: network only
	// Replies are the saved replies (config [[replies]] and replies_dir), read before
	// the program starts; the composer's ctrl+r picks from them.
	Replies []replies.Reply
	// Offline is true while the network is down (the last request failed to reach the
	// server). Only the root's Update sets it; panes refuse writes while it is true.
	Offline bool
}

// ErrOffline is the error of a write refused because the app is offline: nothing was
// sent. Executors answer a refused write with it so every layer (composer, bulk run)
// settles as for any failed write.
var ErrOffline = errors.New("offline: not sent")

// OfflineText is what the user is told when a write is refused offline.
const OfflineText = "You're offline: the change was not sent. Nothing is lost — try again when the connection is back"

// Loaded is an async answer: it names the request it answers so that a pane can drop
// it when a newer request has superseded it.
type Loaded[T any] struct {
	Req   uint64
	Value T
	Err   error
}

// Seq hands out request numbers. It lives in a model and is advanced in Update.
type Seq struct{ n uint64 }

// Next is a new request number, greater than every earlier one.
func (s *Seq) Next() uint64 { s.n++; return s.n }

// Current is the last number handed out.
func (s *Seq) Current() uint64 { return s.n }

// ToastMsg asks the root to show a short message. Retry, when set, is what the retry
// key runs while the toast is up.
type ToastMsg struct {
	Text  string
	Error bool
	Retry tea.Cmd
	// Network marks a read that failed to reach the server. While the app is offline
	// the root shows its one offline notice instead: every pane's load fails the same
	// way then, and the status bar already says since when.
	Network bool
}

// Toast returns a command that shows an informational toast.
func Toast(text string) tea.Cmd {
	return func() tea.Msg { return ToastMsg{Text: text} }
}

// ErrorToast returns a command that shows an error toast with a retry action.
func ErrorToast(text string, retry tea.Cmd) tea.Cmd {
	return func() tea.Msg { return ToastMsg{Text: text, Error: true, Retry: retry} }
}

// LoadErrorToast is ErrorToast for a failed read: err says whether it failed to reach
// the server (see ToastMsg.Network).
func LoadErrorToast(text string, err error, retry tea.Cmd) tea.Cmd {
	network := api.Unreachable(err)
	return func() tea.Msg { return ToastMsg{Text: text, Error: true, Retry: retry, Network: network} }
}

// Outcome is implemented by every async answer (Loaded and the structs that embed it):
// the root reads it, before routing the message, to keep the online/offline indicator
// and the last error up to date.
type Outcome interface{ Outcome() error }

// Outcome reports how the request ended.
func (l Loaded[T]) Outcome() error { return l.Err }

// SizeMsg tells a pane the size of its area (the screen less the tab and status bars).
// The root sends it on every resize and when a pane becomes active.
type SizeMsg struct{ Width, Height int }

// DirectoryMsg carries the workspace directory (/me, /admins, /teams) once loaded; the
// root stores it in Context.Dir and then forwards it so panes can start loading.
// Stale, when set, is the network error that made Value come from the offline store
// (the last directory saved): panes use it as they would a fresh one, and the root
// counts the message as a network failure (offline) and retries later.
type DirectoryMsg struct {
	Loaded[*workspace.Directory]
	Stale error
}

// Outcome is the network error of a directory served from the store, else Err.
func (m DirectoryMsg) Outcome() error {
	if m.Stale != nil {
		return m.Stale
	}
	return m.Err
}

// OpenConversationMsg asks the root to show a conversation's thread in the
// conversations pane (e.g. Enter on a contact's conversation).
type OpenConversationMsg struct{ ID string }

// OpenArticleMsg asks the root to show an article in the articles pane's reader (e.g.
// enter on an article found by the global search).
type OpenArticleMsg struct{ ID string }

// OpenContactMsg asks the root to show a contact's profile in the contacts pane (e.g.
// u on a conversation).
type OpenContactMsg struct{ ID string }

// StoreChangedMsg tells the panes that the offline store's Resource (a syncer.Res*
// name, e.g. "articles") changed under them (a background sync), so a pane showing it
// re-reads the store.
type StoreChangedMsg struct{ Resource string }

// ActivatedMsg tells a pane it is now on screen (its tab was chosen), so it can start
// work it saves until someone looks, such as lazy lookups for the rows shown.
type ActivatedMsg struct{}

// DeactivatedMsg tells a pane another tab was chosen: it is no longer on screen (what
// it finds meanwhile, such as new unassigned conversations, is news to the agent).
type DeactivatedMsg struct{}
