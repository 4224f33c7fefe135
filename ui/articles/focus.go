package articles

import (
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/usercmd"
)

// CommandValues are what a [[commands]] template sees here: the article in focus (the
// same one o and y use) and its web address in the language shown.
func (p Pane) CommandValues() usercmd.Values {
	a := p.focusArticle()
	if a == nil {
		return usercmd.Values{}
	}
	return usercmd.Values{ArticleID: string(a.ID), URL: p.linkURL()}
}

// focusArticle is the article linkURL takes its address from: the reader's when it has
// focus, else the tree's or the search's selected one, else the one open beside them.
func (p *Pane) focusArticle() *models.Article {
	if p.focus == focusReader && p.rd.open() {
		return p.rd.art
	}
	if n := p.tree.selected(); !p.sr.active && n != nil && n.kind == kindArticle {
		return n.article
	}
	if p.sr.active && p.sr.cursor < len(p.sr.hits) {
		if a, ok := p.byID[p.sr.hits[p.sr.cursor].ID]; ok {
			return a
		}
	}
	if p.rd.open() {
		return p.rd.art
	}
	return nil
}
