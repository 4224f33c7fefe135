package articles

import (
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/markdown"
)

// reader is the article being read: which one, in which language, its rendered body and
// how far it is scrolled. Bodies are rendered in a command; an answer names the render
// it answers (gen) and older ones are dropped.
type reader struct {
	art     *models.Article // nil when nothing is open
	locs    []string
	loc     int
	lines   []string // the body, rendered
	offset  int
	gen     uint64 // the latest render asked for
	pending bool
	width   int       // what the lines were (or are being) rendered at
	style   string    // and in which glamour style
	key     renderKey // the render the lines are (or will be), for the prefetch cache
}

// RenderedMsg is a rendered body. Gen names the render; a newer one supersedes it.
type RenderedMsg struct {
	Gen   uint64
	Lines []string
	Err   error
}

func (r *reader) open() bool { return r.art != nil }

// content is the article in the current language.
func (r *reader) content() models.ArticleContent {
	if r.art == nil {
		return models.ArticleContent{}
	}
	return contentFor(r.art, r.locale())
}

func (r *reader) locale() string {
	if r.loc < 0 || r.loc >= len(r.locs) {
		return ""
	}
	return r.locs[r.loc]
}

// show opens an article (keeping the language when it has it) and renders it.
func (p *Pane) show(a *models.Article) tea.Cmd {
	prev := p.rd.locale()
	same := p.rd.art != nil && p.rd.art.ID == a.ID
	p.rd.art = a
	p.rd.locs = locales(a)
	p.rd.loc = 0
	for i, l := range p.rd.locs {
		if l == prev {
			p.rd.loc = i
		}
	}
	if !same {
		p.rd.offset = 0
		p.rd.lines = nil
	}
	// Rendered ahead (or read before): on screen in this Update, no command.
	if k := p.keyFor(a); k.locale == p.rd.locale() {
		if lines, ok := p.pf.get(k); ok {
			p.rd.gen++ // a render still on its way is moot
			p.rd.pending, p.rd.lines, p.rd.width, p.rd.style, p.rd.key = false, lines, k.width, k.style, k
			p.rd.scrollTo(p.rd.offset, p.bodyHeight())
			return nil
		}
	}
	return p.render()
}

// render asks for the body at the reader's width in the current theme.
func (p *Pane) render() tea.Cmd {
	if !p.rd.open() {
		return nil
	}
	p.rd.gen++
	p.rd.pending = true
	gen := p.rd.gen
	w, _ := p.readerSize()
	p.rd.width, p.rd.style = w, p.ctx.Styles.GlamourStyle()
	c := p.rd.content()
	key := markdown.Key{ID: string(p.rd.art.ID) + "@" + p.rd.locale(), UpdatedAt: c.UpdatedAt}
	p.rd.key = renderKey{id: string(p.rd.art.ID), locale: p.rd.locale(), updated: c.UpdatedAt, width: w, style: p.rd.style}
	md, style := p.md, p.rd.style
	return func() tea.Msg {
		lines, err := md.Render(key, c.Body, w, style)
		return RenderedMsg{Gen: gen, Lines: lines, Err: err}
	}
}

func (p Pane) rendered(msg RenderedMsg) (Pane, tea.Cmd) {
	if msg.Gen != p.rd.gen {
		return p, nil // a newer render (another width, language or article) is on its way
	}
	p.rd.pending = false
	p.rd.lines = msg.Lines
	if msg.Err == nil {
		p.pf.put(p.rd.key, msg.Lines) // coming back to it costs nothing
	}
	p.rd.scrollTo(p.rd.offset, p.bodyHeight())
	return p, nil
}

// readerFollow re-renders the open article when a reload changed it.
func (p *Pane) readerFollow() tea.Cmd {
	if !p.rd.open() {
		return nil
	}
	a, ok := p.byID[string(p.rd.art.ID)]
	if !ok || (a.UpdatedAt == p.rd.art.UpdatedAt && a.Body == p.rd.art.Body && a.TranslatedContent == p.rd.art.TranslatedContent) {
		return nil
	}
	return p.show(a)
}

// nextLocale shows the article in its next language.
func (p *Pane) nextLocale() tea.Cmd {
	if len(p.rd.locs) < 2 {
		return nil
	}
	p.rd.loc = (p.rd.loc + 1) % len(p.rd.locs)
	p.rd.offset = 0
	return p.render()
}

func (r *reader) scrollTo(i, height int) {
	r.offset = max(0, min(i, len(r.lines)-max(1, height)))
}
