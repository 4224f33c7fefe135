package redirect

import (
	"encoding/json"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/sanitize"
)

// maxWidth bounds the box: the JSON body and the hints read well at this width.
const maxWidth = 84

// labelWidth is the phone label's column ("Phone" and the space after it).
const labelWidth = 8

// View draws the step's box for an area of width x height; the root centres it.
func (m Model) View(width, height int) string {
	s := m.ctx.Styles
	inner := min(width, maxWidth) - s.HelpBox.GetHorizontalFrameSize()
	rows := height - s.HelpBox.GetVerticalFrameSize()
	if inner < 20 || rows < 4 {
		return ""
	}
	var body, foot []string
	switch m.step {
	case Edit:
		body, foot = m.editView(inner), m.editHints()
	case Confirm:
		body, foot = m.confirmView(), []string{hint(m.ctx.Keys.Confirm, "/"+m.ctx.Keys.Yes.Help().Key+" send") + "  " + hint(m.ctx.Keys.Cancel, "back to edit (keeps everything)")}
	case Sending:
		body = []string{s.Title.Render("Phone-call redirect"), "", s.Muted.Render("Sending the SMS to " + m.sending.number.International + " …")}
	case Result:
		body, foot = m.resultView(), []string{hint(m.ctx.Keys.Copy, "copy the link") + "  " + hint(m.ctx.Keys.RedirectLog, "log") + "  " + hint(m.ctx.Keys.Cancel, "close")}
	case Log:
		body, foot = m.logView(inner, rows-3), []string{m.ctx.Keys.Up.Help().Key + " " + hint(m.ctx.Keys.Down, "scroll") + "  " + hint(m.ctx.Keys.Back, "back to the form")}
	}
	lines := wrapAll(body, inner)
	footer := wrapAll(foot, inner)
	for i := range footer {
		footer[i] = s.Muted.Render(footer[i])
	}
	if keep := rows - len(footer) - 1; len(lines) > keep {
		lines = lines[:max(0, keep)] // a short screen: the keys stay in sight
	}
	if len(footer) > 0 {
		lines = append(append(lines, ""), footer...)
	}
	for i, l := range lines {
		lines[i] = l + strings.Repeat(" ", max(0, inner-lipgloss.Width(l)))
	}
	return s.HelpBox.Render(strings.Join(lines, "\n"))
}

func (m Model) editView(inner int) []string {
	s := m.ctx.Styles
	out := []string{s.Title.Render("Phone-call redirect") + s.Muted.Render(" · text the caller a link to the Messenger"), ""}
	out = append(out, m.label("Phone", 0)+m.input(m.phone.View(), phoneWidth))
	under := func(style lipgloss.Style, text string) []string { return indented(style, text, inner) }
	switch {
	case m.refused != "":
		out = append(out, under(s.Error, m.refused)...)
	case m.readErr != nil && m.tried:
		out = append(out, under(s.Error, m.readErr.Error())...)
	case m.readErr == nil:
		out = append(out, under(s.Muted, reading(m.read))...)
	case m.lookupReq != 0:
		out = append(out, under(s.Muted, "Looking up the contact's phone…")...)
	case m.phone.Value() != "":
		out = append(out, under(s.Muted, m.readErr.Error())...)
	default:
		out = append(out, under(s.Muted, m.regionNote())...)
	}
	if m.note != "" {
		out = append(out, under(s.Muted, m.note)...)
	}
	out = append(out, "", s.Bold.Render("Custom attributes")+s.Muted.Render(" (optional; added to the contact's custom data)"))
	if len(m.attrs) == 0 {
		out = append(out, s.Muted.Render("  none: "+m.ctx.Keys.AddAttr.Help().Key+" adds one"))
	}
	errs := rowErrors(m.attrs)
	for i, a := range m.attrs {
		kind := "‹" + a.kind.String() + "›"
		line := m.label("", 1+2*i) + m.input(a.key.View(), keyWidth) + " " + s.Muted.Render(kind+strings.Repeat(" ", max(0, 10-lipgloss.Width(kind)))) +
			m.marker(2+2*i) + m.input(a.value.View(), valueWidth)
		out = append(out, line)
		if errs[i] != "" && (m.tried || a.value.Value() != "") {
			out = append(out, under(s.Error, errs[i])...)
		}
	}
	if m.status != "" {
		out = append(out, "", s.Error.Render(sanitize.Line(m.status)))
	}
	return out
}

// regionNote says how a number without its country code is read.
func (m Model) regionNote() string {
	if r := m.ctx.Settings.PhoneRegion; r != "" {
		return "A number without + is read as dialled in " + r
	}
	return "Start the number with + and its country code"
}

func (m Model) editHints() []string {
	k := m.ctx.Keys
	return []string{
		hint(k.NextField, "next field") + "  " + hint(k.AddAttr, "add attribute") + "  " + hint(k.RemoveAttr, "remove") + "  " + hint(k.AttrType, "type"),
		hint(k.Review, "review & send") + "  " + hint(k.RedirectLog, "sent log") + "  " + hint(k.Cancel, "close"),
	}
}

func (m Model) confirmView() []string {
	s := m.ctx.Styles
	n := m.sending.number
	out := []string{s.Title.Render("Send this SMS?"), "",
		s.Text.Render("To " + reading(n)),
		s.Muted.Render("The caller gets an SMS with a link to the Messenger."), "",
		s.Bold.Render("POST /phone_call_redirects")}
	for _, l := range strings.Split(m.sending.body(), "\n") {
		out = append(out, s.Text.Render(l))
	}
	if m.status != "" {
		out = append(out, "", s.Error.Render(m.status))
	}
	return out
}

func (m Model) resultView() []string {
	s := m.ctx.Styles
	out := []string{s.Success.Render("SMS sent to " + reading(m.sending.number)), ""}
	if u := sanitize.Line(m.sent.URL); u != "" {
		out = append(out, s.Bold.Render("Messenger link"), s.Text.Render(u))
	} else {
		out = append(out, s.Muted.Render("Intercom sent the SMS but returned no Messenger link."))
	}
	if m.logErr != nil {
		out = append(out, "", s.Muted.Render("Not written to the local log: "+sanitize.Line(m.logErr.Error())))
	}
	return out
}

// logView is the newest entries first, two lines each, from logTop.
func (m Model) logView(inner, rows int) []string {
	s := m.ctx.Styles
	out := []string{s.Title.Render("Sent redirects") + s.Muted.Render(" · this computer's log, newest first"), ""}
	switch {
	case m.logErrMsg != "":
		return append(out, s.Error.Render(m.logErrMsg))
	case m.logReq != 0:
		return append(out, s.Muted.Render("Reading the log…"))
	case len(m.log) == 0:
		return append(out, s.Empty.Render("Nothing sent yet"))
	}
	for _, r := range m.log[m.logTop:] {
		if len(out)+3 > rows {
			break
		}
		result := sanitize.Line(r.Result)
		style := s.Error
		if result == "sent" {
			style = s.Success
		}
		head := r.SentAt.Format("2006-01-02 15:04") + "  " + sanitize.Line(r.Phone) + "  " + sanitize.Line(r.Country) + "  "
		out = append(out, s.Text.Render(head)+style.Render(result), s.Muted.Render(ansi.Truncate("  "+attrsText(r.Attrs), inner, "…")))
		if u := sanitize.Line(r.URL); u != "" {
			out = append(out, s.Muted.Render(ansi.Truncate("  "+u, inner, "…")))
		} else if msg := sanitize.Line(r.Message); msg != "" {
			out = append(out, s.Muted.Render(ansi.Truncate("  "+msg, inner, "…")))
		}
	}
	return out
}

// attrsText is the attributes as sent, compact JSON ("no attributes" for none).
func attrsText(attrs map[string]any) string {
	if len(attrs) == 0 {
		return "no attributes"
	}
	b, err := json.Marshal(attrs)
	if err != nil {
		return "?"
	}
	return sanitize.Line(string(b))
}

// label is a field's label with the focus marker.
func (m Model) label(text string, field int) string {
	return m.marker(field) + m.ctx.Styles.Bold.Render(text+strings.Repeat(" ", max(0, labelWidth-2-len(text))))
}

func (m Model) marker(field int) string {
	if m.focus == field {
		return m.ctx.Styles.Title.Render(m.ctx.Styles.Icons.Pointer + " ")
	}
	return "  "
}

// input pads an input's view to its width, so the columns line up.
func (m Model) input(view string, width int) string {
	return view + strings.Repeat(" ", max(0, width-lipgloss.Width(view)))
}

// hint is "key desc" in the footer's words.
func hint(b key.Binding, desc string) string {
	if desc == "" || strings.HasPrefix(desc, "/") {
		return b.Help().Key + desc
	}
	return b.Help().Key + " " + desc
}

// indented is text under a field: wrapped within the field's column, then styled.
func indented(style lipgloss.Style, text string, inner int) []string {
	pad := strings.Repeat(" ", labelWidth)
	lines := strings.Split(ansi.Wrap(text, max(10, inner-labelWidth), " "), "\n")
	for i, l := range lines {
		lines[i] = pad + style.Render(l)
	}
	return lines
}

// wrapAll wraps each line at width (long reasons, long links).
func wrapAll(lines []string, width int) []string {
	var out []string
	for _, l := range lines {
		if lipgloss.Width(l) <= width {
			out = append(out, l)
			continue
		}
		out = append(out, strings.Split(ansi.Wrap(l, width, " "), "\n")...)
	}
	return out
}
