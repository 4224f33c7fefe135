// Package composer is the overlay in which an agent writes a reply to the customer or
// an internal note: a text area with a title, a status line and its keys.
//
// The composer does no I/O. It tells the pane that opened it what happened, with
// messages: DraftChangedMsg after every edit (the pane saves the draft), SendMsg when
// the agent sends, ClosedMsg when they close it keeping the draft; the last two come
// after the composer has closed (tea.Sequence(shared.Pop, result)). The pane answers
// with SavedMsg, which the composer shows ("draft saved 12:04", or why not).
//
// Sending closes the composer at once: the pane sends the text, shows it in the thread
// straight away, and keeps the draft until the server has confirmed it. If the server
// refuses, the draft is still there the next time the composer opens, with the reason.
//
// In a reply or a conversation note, ctrl+a (InsertArticle) opens the help-center
// search (search.NewArticles) above the composer; the article chosen there comes back
// as a search.ArticleChosenMsg once the search has closed, and its [Title](url) link
// goes in at the cursor. ctrl+r (InsertReply) does the same with a saved reply
// (replies.go), whose placeholders must all be filled before the text can be sent.
package composer

import (
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/drafts"
	"github.com/intercom-tui/intercom-tui/replies"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/components/picker"
	"github.com/intercom-tui/intercom-tui/ui/search"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

// DraftChangedMsg is the text after an edit. The pane saves it as the draft, unless a
// message with a higher Seq was applied already (it arrived late).
type DraftChangedMsg struct {
	ConvID string
	Kind   drafts.Kind
	Text   string
	Seq    uint64
}

// seq numbers the composer's messages about a draft, across composers, in the order
// Update made them: the commands that deliver them may run in any order.
var seq atomic.Uint64

// NextSeq is the number of the next message about a draft.
func NextSeq() uint64 { return seq.Add(1) }

// SendMsg asks the pane to send the text (never blank: the composer refuses that).
// The composer has closed.
type SendMsg struct {
	ConvID string
	Kind   drafts.Kind
	Text   string
	Seq    uint64
}

// ClosedMsg says the agent closed the composer without sending: Text is the draft to
// keep (the pane saves it now rather than after the usual pause).
type ClosedMsg struct {
	ConvID string
	Kind   drafts.Kind
	Text   string
	Seq    uint64
}

// SavedMsg is the pane's answer to a save of the draft: Text was saved at At, or Err
// says why not. The composer shows it while its text is still Text.
type SavedMsg struct {
	ConvID string
	Kind   drafts.Kind
	Text   string
	At     time.Time
	Err    error
}

// Options open a composer.
type Options struct {
	ConvID    string
	Kind      drafts.Kind
	Name      string // the customer's name, for a reply's title; may be empty
	Title     string // overrides the title, e.g. "Note on Ana García" for a contact note
	Text      string // the draft to continue
	Status    string // the first status line, e.g. "draft restored, saved 12:04"
	StatusErr bool   // Status is an error (a failed send, an unreadable draft)
	// Values fill a saved reply's placeholders: the conversation's customer and the
	// signed-in admin ("" is unknown: the placeholder stays and the status says so).
	Values replies.Values
	// Width and Height are the area the composer opens over (the pane's). View adapts
	// to the area it is given later.
	Width, Height int
}

// Composer is the overlay. It is a value: Update returns the changed one.
type Composer struct {
	ctx         *shared.Context
	convID      string
	kind        drafts.Kind
	name        string
	customTitle string
	ta          textarea.Model
	styled      *theme.Styles // the styles ta was given
	taW         int           // the width and height ta was given
	taH         int
	status      string
	isErr       bool
	changed     string // the text last reported in a DraftChangedMsg
	values      replies.Values
	holes       []replies.Hole // the placeholders left in the text (replies.go)
}

// Box limits: the composer is at most this wide and its text area this tall.
const (
	maxBoxWidth   = 88
	maxTextHeight = 10
)

// New returns a focused composer.
func New(ctx *shared.Context, o Options) Composer {
	c := Composer{ctx: ctx, convID: o.ConvID, kind: o.Kind, name: o.Name, customTitle: o.Title, status: o.Status, isErr: o.StatusErr,
		values: o.Values}
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.CharLimit = 0
	ta.MaxHeight = 0 // the text may be long; the area scrolls
	ta.Placeholder = c.placeholder()
	c.ta = ta
	c.restyle(ctx.Styles)
	w, h := c.textSize(o.Width, o.Height)
	c.ta.SetWidth(w)
	c.ta.SetHeight(h)
	c.taW, c.taH = w, h
	c.ta.SetValue(o.Text)
	c.changed = c.ta.Value() // as the text area keeps it (tabs become spaces)
	c.findHoles(c.changed)
	if !o.StatusErr { // a failed send's reason comes first; the holes show on the next edit
		c.holeStatus()
	}
	c.ta.Focus() // a static cursor: no blink command
	return c
}

func (c *Composer) restyle(s *theme.Styles) {
	prompt := s.Rule
	if c.kind.Internal() {
		prompt = lipgloss.NewStyle().Foreground(s.Palette.Warning) // the thread's note bar
	}
	state := textarea.StyleState{
		Text:        s.Text,
		Placeholder: s.Muted,
		Prompt:      prompt,
		EndOfBuffer: s.Muted,
	}
	c.ta.SetStyles(textarea.Styles{
		Focused: state,
		Blurred: state,
		Cursor:  textarea.CursorStyle{Color: s.Palette.Accent, Blink: false},
	})
	c.styled = s
}

func (c Composer) placeholder() string {
	if c.kind.Internal() {
		return "Write a note for your teammates…"
	}
	return "Write your reply… **bold**, *italic*, [links](https://…); a blank line starts a paragraph"
}

// ConvID is the conversation the composer writes to.
func (c Composer) ConvID() string { return c.convID }

// Kind is what the composer writes: a reply or a note.
func (c Composer) Kind() drafts.Kind { return c.kind }

// Value is the text as typed.
func (c Composer) Value() string { return c.ta.Value() }

// Status is the status line and whether it is an error.
func (c Composer) Status() (string, bool) { return c.status, c.isErr }

// Update handles keys, pastes and the pane's answers.
func (c Composer) Update(msg tea.Msg) (shared.Overlay, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := c.ctx.Keys
		switch {
		case key.Matches(msg, k.Send):
			return c.send()
		case key.Matches(msg, k.Cancel):
			closed := ClosedMsg{ConvID: c.convID, Kind: c.kind, Text: c.ta.Value(), Seq: NextSeq()}
			return c, tea.Sequence(shared.Pop, func() tea.Msg { return closed })
		case key.Matches(msg, k.InsertArticle) && c.canInsert():
			// The search sits above the composer; its answer comes back here once it
			// has closed (the top overlay gets every message).
			return c, shared.Push(search.NewArticles(c.ctx))
		case key.Matches(msg, k.InsertReply) && c.canInsert():
			return c.openReplies()
		}
	case search.ArticleChosenMsg:
		return c.insertArticle(msg)
	case picker.Result:
		if msg.ID == ReplyPickerID {
			return c.insertReply(msg)
		}
		return c, nil
	case SavedMsg:
		if msg.ConvID == c.convID && msg.Kind == c.kind {
			c.saved(msg)
		}
		return c, nil
	case DraftChangedMsg, SendMsg, ClosedMsg:
		return c, nil // ours, on their way to the pane
	}
	// Everything else is the text area's: keys, pastes, its own answers.
	var cmd tea.Cmd
	c.ta, cmd = c.ta.Update(msg)
	return c, tea.Batch(cmd, c.edited())
}

// edited reports a changed text to the pane (which saves the draft), or nil.
func (c *Composer) edited() tea.Cmd {
	text := c.ta.Value()
	if text == c.changed {
		return nil
	}
	c.changed = text
	c.findHoles(text)
	if !c.holeStatus() {
		c.status, c.isErr = "saving…", false
	}
	changed := DraftChangedMsg{ConvID: c.convID, Kind: c.kind, Text: text, Seq: NextSeq()}
	return func() tea.Msg { return changed }
}

// canInsert reports a kind that takes article links and saved replies: replies and
// conversation notes.
func (c Composer) canInsert() bool { return c.kind == drafts.Reply || c.kind == drafts.Note }

// insertArticle puts a link to the chosen article at the cursor: [Title](url), or the
// title alone when the article has no usable URL (the status says so).
func (c Composer) insertArticle(msg search.ArticleChosenMsg) (shared.Overlay, tea.Cmd) {
	title := strings.TrimSpace(sanitize.Line(msg.Title))
	if title == "" {
		title = "article " + sanitize.Line(msg.ID)
	}
	if msg.Err != nil {
		c.status, c.isErr = "Could not read the article "+title+": "+sanitize.Line(msg.Err.Error()), true
		return c, nil
	}
	link, ok := ArticleLink(title, msg.URL)
	c.ta.InsertString(link)
	cmd := c.edited()
	if !ok {
		c.status, c.isErr = title+" has no link: inserted its title only", true
	}
	return c, cmd
}

// ArticleLink is the markdown link [title](u) that ToHTML turns into a link, with the
// title's markdown escaped and u cleaned; with ok false, the title alone when u is not
// an http or https URL.
func ArticleLink(title, u string) (text string, ok bool) {
	label := strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "[", "(", "]", ")").Replace(sanitize.Line(title))
	u = strings.TrimSpace(sanitize.Line(u))
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return label, false
	}
	href := strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "[", "%5B", "]", "%5D",
		"<", "%3C", ">", "%3E", `"`, "%22").Replace(p.String())
	if len(href) > maxURL || !allowedURL(href) {
		return label, false
	}
	return "[" + label + "](" + href + ")", true
}

// send asks the pane to send the text and closes; a blank text is refused in place.
func (c Composer) send() (shared.Overlay, tea.Cmd) {
	text := c.ta.Value()
	if strings.TrimSpace(text) == "" {
		c.status, c.isErr = "Nothing to send: write your "+string(c.kind)+" first", true
		return c, nil
	}
	if c.findHoles(text); len(c.holes) > 0 {
		c.status, c.isErr = notSent(c.holes), true
		return c, nil
	}
	send := SendMsg{ConvID: c.convID, Kind: c.kind, Text: text, Seq: NextSeq()}
	return c, tea.Sequence(shared.Pop, func() tea.Msg { return send })
}

func (c *Composer) saved(msg SavedMsg) {
	switch {
	case msg.Err != nil:
		c.status, c.isErr = "Draft not saved: "+sanitize.Line(msg.Err.Error()), true
	case msg.Text != c.ta.Value():
		// An older text was saved: the newer one is on its way, "saving…" stays.
	case len(c.holes) > 0:
		// The holes stay in view; a refused send's "Not sent: …" stays as it is.
		if c.status != notSent(c.holes) {
			c.holeStatus()
		}
	default:
		c.status, c.isErr = "draft saved "+msg.At.Format("15:04"), false
	}
}

// View draws the box for an area of width x height.
func (c Composer) View(width, height int) string {
	s := c.ctx.Styles
	box := s.HelpBox
	frameW, frameH := box.GetHorizontalFrameSize(), box.GetVerticalFrameSize()
	outer := boxWidth(width)
	inner := outer - frameW
	if inner < 12 || height < frameH+5 {
		return ansi.Truncate(s.Error.Render("Window too small to write in"), max(0, width), "…")
	}
	footer := c.footer(inner)
	room := height - frameH - 3 - len(footer) // less the title and two blank lines
	if room < 1 {
		footer = footer[len(footer)-1:] // the keys stay
		room = height - frameH - 4
	}
	w, h := c.textSize(width, height)
	lines := []string{ansi.Truncate(c.title(), inner, "…"), "", c.textView(w, max(1, min(h, room))), ""}
	lines = append(lines, footer...)
	return box.Width(outer).Render(strings.Join(lines, "\n"))
}

// boxWidth is the composer's outer width in an area width wide: a margin each side
// of the thread, at most maxBoxWidth.
func boxWidth(width int) int {
	if width < 40 {
		return width
	}
	return min(width-4, maxBoxWidth)
}

// textSize is the text area's size in an area of width x height: what the box leaves,
// with room for the title, two blank lines and a two-line footer.
func (c Composer) textSize(width, height int) (int, int) {
	box := c.ctx.Styles.HelpBox
	w := boxWidth(width) - box.GetHorizontalFrameSize()
	h := height - box.GetVerticalFrameSize() - 5
	return max(1, w), max(1, min(maxTextHeight, h))
}

// textView renders the text area at w x h. The area was sized for the pane when the
// composer opened; after a resize it is drawn at the new size without changing the
// model (its viewport is shared with copies, so the size is put back).
func (c Composer) textView(w, h int) string {
	ta := c.ta
	if c.styled != c.ctx.Styles { // the theme changed meanwhile
		c.restyle(c.ctx.Styles)
		ta = c.ta
	}
	if w == c.taW && h == c.taH {
		return ta.View()
	}
	ta.SetWidth(w)
	ta.SetHeight(h)
	view := ta.View()
	ta.SetWidth(c.taW)
	ta.SetHeight(c.taH)
	return view
}

func (c Composer) title() string {
	s := c.ctx.Styles
	id := sanitize.Line(c.convID)
	if c.customTitle != "" {
		return s.NoteHeader.Render(" "+sanitize.Line(c.customTitle)+" ") + s.Muted.Render("  only teammates see it")
	}
	if c.kind == drafts.Note {
		return s.NoteHeader.Render(" Internal note on #"+id+" ") + s.Muted.Render("  only teammates see it")
	}
	name := strings.TrimSpace(sanitize.Line(c.name))
	if name == "" {
		return s.Title.Render("Reply on #"+id) + s.Muted.Render("  the customer sees it")
	}
	return s.Title.Render("Reply to "+name) + s.Muted.Render("  #"+id)
}

// footer is the status on the left and the keys on the right, or, when they do not
// fit on one line, the status (up to two lines) over the keys.
func (c Composer) footer(width int) []string {
	s, k := c.ctx.Styles, c.ctx.Keys
	hint := func(b key.Binding, desc string) string {
		return s.HelpKey.Render(b.Help().Key) + " " + s.HelpDesc.Render(desc)
	}
	// Send and close always show; the inserts, last first, only when there is room
	// (ctrl+r and ctrl+a are in the help and the palette anyway).
	hints := []string{hint(k.Send, "send")}
	if c.canInsert() {
		hints = append(hints, hint(k.InsertArticle, "article"), hint(k.InsertReply, "saved reply"))
	}
	hints = append(hints, hint(k.Cancel, "keep draft & close"))
	keys := strings.Join(hints, s.Muted.Render("  ·  "))
	for len(hints) > 2 && lipgloss.Width(keys) > width {
		hints = append(hints[:len(hints)-2], hints[len(hints)-1])
		keys = strings.Join(hints, s.Muted.Render("  ·  "))
	}
	keys = ansi.Truncate(keys, width, "…")
	var status []string
	if c.status != "" {
		style := s.Muted
		if c.isErr {
			style = s.Error
		}
		status = strings.Split(ansi.Wrap(sanitize.Line(c.status), width, " "), "\n")
		if len(status) > 2 {
			status = status[:2]
			status[1] = ansi.Truncate(status[1]+" …", width, "…")
		}
		for i, l := range status {
			status[i] = style.Render(l)
		}
	}
	left := ""
	if len(status) == 1 {
		left = status[0]
	}
	if gap := width - lipgloss.Width(left) - lipgloss.Width(keys); len(status) <= 1 && gap >= 2 {
		return []string{left + strings.Repeat(" ", gap) + keys}
	}
	return append(status, keys)
}
