package theme

// Icons are the one-cell marks the UI draws. Plain ones are in every common monospace
// font (each checked in DejaVu Sans Mono, none an emoji, so none is drawn two cells
// wide by a terminal that falls back to a colour-emoji font); Nerd ones are Font
// Awesome glyphs of a Nerd Font's private-use range, shown only when the config asks
// ([theme] icons = "nerd"), since in any other font they are boxes.
type Icons struct {
	Name         string
	Unread       string // a conversation the teammate has not read
	Priority     string
	Marked       string // marked for a bulk action
	Done         string // a finished step, a success toast
	Failed       string // a failed step, an error toast
	Online       string
	Offline      string
	Attachment   string
	Image        string // an image in a message body
	Article      string
	Conversation string
	Search       string // the search prompt
	Expanded     string // an open section of the help-center tree
	Collapsed    string // a closed one
	Pointer      string // the chosen line of a list without a cursor bar
	Bullet       string
}

// PlainIcons work in any font; the default.
var PlainIcons = Icons{
	Name:         "plain",
	Unread:       "●",
	Priority:     "★",
	Marked:       "✓",
	Done:         "✓",
	Failed:       "✗",
	Online:       "●",
	Offline:      "○",
	Attachment:   "❐",
	Image:        "▣",
	Article:      "≡",
	Conversation: "✉",
	Search:       "⌕",
	Expanded:     "▾",
	Collapsed:    "▸",
	Pointer:      "▸",
	Bullet:       "•",
}

// NerdIcons are Nerd Font (Font Awesome) glyphs: nf-fa-circle, star, check, times,
// circle, circle_o, paperclip, image, file_text, comment, search, caret_down,
// caret_right. The pointer and the bullet stay plain: they are punctuation, and a
// caret beside the tree's carets would read as one more section.
var NerdIcons = Icons{
	Name:         "nerd",
	Unread:       "\uf111",
	Priority:     "\uf005",
	Marked:       "\uf00c",
	Done:         "\uf00c",
	Failed:       "\uf00d",
	Online:       "\uf111",
	Offline:      "\uf10c",
	Attachment:   "\uf0c6",
	Image:        "\uf03e",
	Article:      "\uf15c",
	Conversation: "\uf075",
	Search:       "\uf002",
	Expanded:     "\uf0d7",
	Collapsed:    "\uf0da",
	Pointer:      "▸",
	Bullet:       "•",
}

// IconSet is the set named "nerd", else the plain one.
func IconSet(name string) Icons {
	if name == NerdIcons.Name {
		return NerdIcons
	}
	return PlainIcons
}
