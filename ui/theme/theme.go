// Package theme maps one palette to one Styles struct. No other package holds a colour
// literal: panes and widgets take their styles from here.
package theme

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Palette is the colours by role.
type Palette struct {
	Name     string
	Dark     bool
	Fg       color.Color
	Muted    color.Color
	Subtle   color.Color // borders, separators
	Accent   color.Color // focus, selection, active tab
	AccentFg color.Color // text on Accent
	SelectBg color.Color // the selected row
	Customer color.Color
	Teammate color.Color
	Bot      color.Color
	NoteBg   color.Color // internal notes stand out
	NoteFg   color.Color
	Success  color.Color
	Warning  color.Color
	Error    color.Color
	ErrorFg  color.Color // text on Error
	Unread   color.Color
	Priority color.Color
	StatusBg color.Color
	StatusFg color.Color
}

// Dark is the palette for dark terminals.
var Dark = Palette{
	Name: "dark", Dark: true,
	Fg: lipgloss.Color("#E4E4E7"), Muted: lipgloss.Color("#9CA3AF"), Subtle: lipgloss.Color("#4B5563"),
	Accent: lipgloss.Color("#60A5FA"), AccentFg: lipgloss.Color("#0B1220"), SelectBg: lipgloss.Color("#1E3A5F"),
	Customer: lipgloss.Color("#34D399"), Teammate: lipgloss.Color("#60A5FA"), Bot: lipgloss.Color("#C084FC"),
	NoteBg: lipgloss.Color("#3B3415"), NoteFg: lipgloss.Color("#FDE68A"),
	Success: lipgloss.Color("#34D399"), Warning: lipgloss.Color("#FBBF24"), Error: lipgloss.Color("#F87171"), ErrorFg: lipgloss.Color("#1F0A0A"),
	Unread: lipgloss.Color("#60A5FA"), Priority: lipgloss.Color("#F87171"),
	StatusBg: lipgloss.Color("#1F2937"), StatusFg: lipgloss.Color("#D1D5DB"),
}

// Light is the palette for light terminals.
var Light = Palette{
	Name: "light", Dark: false,
	Fg: lipgloss.Color("#1F2937"), Muted: lipgloss.Color("#6B7280"), Subtle: lipgloss.Color("#D1D5DB"),
	Accent: lipgloss.Color("#1D4ED8"), AccentFg: lipgloss.Color("#FFFFFF"), SelectBg: lipgloss.Color("#DBEAFE"),
	Customer: lipgloss.Color("#047857"), Teammate: lipgloss.Color("#1D4ED8"), Bot: lipgloss.Color("#7E22CE"),
	NoteBg: lipgloss.Color("#FEF3C7"), NoteFg: lipgloss.Color("#78350F"),
	Success: lipgloss.Color("#047857"), Warning: lipgloss.Color("#B45309"), Error: lipgloss.Color("#B91C1C"), ErrorFg: lipgloss.Color("#FFFFFF"),
	Unread: lipgloss.Color("#1D4ED8"), Priority: lipgloss.Color("#B91C1C"),
	StatusBg: lipgloss.Color("#E5E7EB"), StatusFg: lipgloss.Color("#111827"),
}

// Styles is every style the UI uses, built from one palette.
type Styles struct {
	Palette Palette
	Icons   Icons
	// Mono is true under NO_COLOR: no style carries a colour, and what colour would
	// have told (selection, focus, notes) is told by reverse, bold and underline.
	Mono bool

	Text   lipgloss.Style
	Muted  lipgloss.Style
	Bold   lipgloss.Style
	Title  lipgloss.Style
	Border lipgloss.Style // a frame around a pane
	Focus  lipgloss.Style // a frame around the focused pane
	Rule   lipgloss.Style // separators

	TabActive   lipgloss.Style
	TabInactive lipgloss.Style
	TabBar      lipgloss.Style

	Row         lipgloss.Style
	RowSelected lipgloss.Style
	Unread      lipgloss.Style
	Priority    lipgloss.Style
	Tag         lipgloss.Style
	Channel     lipgloss.Style
	ViewActive  lipgloss.Style
	ViewOther   lipgloss.Style
	Filter      lipgloss.Style

	Customer   lipgloss.Style // author names by role
	Teammate   lipgloss.Style
	Bot        lipgloss.Style
	NoteHeader lipgloss.Style
	NoteBody   lipgloss.Style
	Event      lipgloss.Style // one-line system rows (assigned, snoozed, closed, reopened)
	Attachment lipgloss.Style

	StatusBar   lipgloss.Style
	StatusKey   lipgloss.Style
	StatusOK    lipgloss.Style
	StatusWarn  lipgloss.Style
	StatusError lipgloss.Style

	ToastInfo  lipgloss.Style
	ToastError lipgloss.Style
	HelpBox    lipgloss.Style
	HelpKey    lipgloss.Style
	HelpDesc   lipgloss.Style
	HelpTitle  lipgloss.Style
	Empty      lipgloss.Style
	Error      lipgloss.Style
	Success    lipgloss.Style
}

// New builds the Styles of a palette.
func New(p Palette) *Styles {
	s := lipgloss.NewStyle
	return &Styles{
		Palette: p,
		Icons:   PlainIcons,
		Text:    s().Foreground(p.Fg),
		Muted:   s().Foreground(p.Muted),
		Bold:    s().Foreground(p.Fg).Bold(true),
		Title:   s().Foreground(p.Accent).Bold(true),
		Border:  s().Border(lipgloss.RoundedBorder()).BorderForeground(p.Subtle),
		Focus:   s().Border(lipgloss.RoundedBorder()).BorderForeground(p.Accent),
		Rule:    s().Foreground(p.Subtle),

		TabActive:   s().Foreground(p.AccentFg).Background(p.Accent).Bold(true).Padding(0, 1),
		TabInactive: s().Foreground(p.Muted).Padding(0, 1),
		TabBar:      s().Foreground(p.Muted),

		Row:         s().Foreground(p.Fg),
		RowSelected: s().Foreground(p.Fg).Background(p.SelectBg).Bold(true),
		Unread:      s().Foreground(p.Unread).Bold(true),
		Priority:    s().Foreground(p.Priority).Bold(true),
		Tag:         s().Foreground(p.Warning),
		Channel:     s().Foreground(p.Muted),
		ViewActive:  s().Foreground(p.Accent).Bold(true).Underline(true),
		ViewOther:   s().Foreground(p.Muted),
		Filter:      s().Foreground(p.Accent),

		Customer:   s().Foreground(p.Customer).Bold(true),
		Teammate:   s().Foreground(p.Teammate).Bold(true),
		Bot:        s().Foreground(p.Bot).Bold(true),
		NoteHeader: s().Foreground(p.NoteFg).Background(p.NoteBg).Bold(true),
		NoteBody:   s().Border(lipgloss.ThickBorder(), false, false, false, true).BorderForeground(p.Warning).PaddingLeft(1),
		Event:      s().Foreground(p.Muted).Italic(true),
		Attachment: s().Foreground(p.Accent),

		StatusBar:   s().Foreground(p.StatusFg).Background(p.StatusBg),
		StatusKey:   s().Foreground(p.Accent).Background(p.StatusBg).Bold(true),
		StatusOK:    s().Foreground(p.Success).Background(p.StatusBg),
		StatusWarn:  s().Foreground(p.Warning).Background(p.StatusBg),
		StatusError: s().Foreground(p.Error).Background(p.StatusBg).Bold(true),

		ToastInfo:  s().Foreground(p.Fg).Border(lipgloss.RoundedBorder()).BorderForeground(p.Success).Padding(0, 1),
		ToastError: s().Foreground(p.Fg).Border(lipgloss.RoundedBorder()).BorderForeground(p.Error).Padding(0, 1),
		HelpBox:    s().Border(lipgloss.RoundedBorder()).BorderForeground(p.Accent).Padding(0, 1),
		HelpKey:    s().Foreground(p.Accent).Bold(true),
		HelpDesc:   s().Foreground(p.Fg),
		HelpTitle:  s().Foreground(p.Fg).Bold(true).Underline(true),
		Empty:      s().Foreground(p.Muted).Italic(true),
		Error:      s().Foreground(p.Error).Bold(true),
		Success:    s().Foreground(p.Success),
	}
}

// For picks the palette for a terminal background; override ("dark"/"light") wins.
func For(isDark bool, override string) *Styles {
	switch override {
	case "dark":
		return New(Dark)
	case "light":
		return New(Light)
	}
	if isDark {
		return New(Dark)
	}
	return New(Light)
}

// GlamourStyle is the markdown style matching the palette: the glamour standard style
// name ("dark", "light"), or "mono" (no colour) under NO_COLOR, with the image icon
// after a "|" when it is not the plain one (markdown.Render reads both).
func (s *Styles) GlamourStyle() string {
	name := "light"
	switch {
	case s.Mono:
		name = "mono"
	case s.Palette.Dark:
		name = "dark"
	}
	if s.Icons.Image != PlainIcons.Image {
		name += "|" + s.Icons.Image
	}
	return name
}
