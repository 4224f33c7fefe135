package articles

import (
	"errors"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/store"
)

// storeCache is the offline store (package store) as a Cache.
type storeCache struct{ s *store.Store }

func (c storeCache) LoadHelp() (Help, error) {
	var h Help
	var err error
	if h.Centers, err = c.s.HelpCenters(); err != nil {
		return Help{}, err
	}
	if h.Collections, err = c.s.Collections(); err != nil {
		return Help{}, err
	}
	if h.Sections, err = c.s.Sections(); err != nil {
		return Help{}, err
	}
	if h.Articles, err = c.s.Articles(); err != nil {
		return Help{}, err
	}
	return h, nil
}

func (c storeCache) SaveHelp(h Help) error {
	return errors.Join(c.s.PutHelpCenters(h.Centers), c.s.PutCollections(h.Collections),
		c.s.PutSections(h.Sections), c.s.PutArticles(h.Articles))
}

func (c storeCache) Article(id string) (models.Article, bool, error) {
	a, err := c.s.Article(id)
	if errors.Is(err, store.ErrNotFound) {
		return models.Article{}, false, nil
	}
	return a, err == nil, err
}

func (c storeCache) Search(q string, limit int) ([]Hit, error) {
	hits, err := c.s.SearchArticles(q, limit)
	if err != nil {
		return nil, err
	}
	out := make([]Hit, 0, len(hits))
	for _, h := range hits {
		if h.Kind == store.KindArticle {
			out = append(out, Hit{ID: h.ID, Title: h.Title, Snippet: h.Snippet})
		}
	}
	return out, nil
}
