package api

import (
	"context"
	"iter"

	"github.com/intercom-tui/intercom-tui/models"
)

// The help-center lists (articles, collections, sections) declare no query parameters
// in 2.9, yet answer with cursor pages. Their methods therefore send only
// starting_after, and only when asked for a following page; the first request is the
// bare path and the server picks the page size.

// ListArticles is one page of articles, most recently updated first: GET /articles.
func (c *Client) ListArticles(ctx context.Context, cursor string) (Page[models.Article], error) {
	var out models.ArticleList
	if err := c.do(ctx, getRequest("/articles", listQuery(0, cursor)), &out); err != nil {
		return Page[models.Article]{}, err
	}
	return pageOf(out.Data, out.TotalCount, out.Pages), nil
}

// AllArticles walks GET /articles to the end (the offline store's sync).
func (c *Client) AllArticles(ctx context.Context) iter.Seq2[models.Article, error] {
	return Iterate(ctx, c.ListArticles)
}

// Article is one article with its statistics: GET /articles/{id}. Bodies are HTML.
func (c *Client) Article(ctx context.Context, id string) (*models.Article, error) {
	if err := required("article id", id); err != nil {
		return nil, err
	}
	var out models.Article
	if err := c.do(ctx, getRequest(pathf("/articles/%s", id), nil), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// HelpCenters lists the workspace's help centers: GET /help_center/help_centers.
func (c *Client) HelpCenters(ctx context.Context) ([]models.HelpCenter, error) {
	var out models.HelpCenterList
	if err := c.do(ctx, getRequest("/help_center/help_centers", nil), &out); err != nil {
		return nil, err
	}
	return out.Data, nil
}

// ListCollections is one page of help-center collections:
// GET /help_center/collections.
func (c *Client) ListCollections(ctx context.Context, cursor string) (Page[models.Collection], error) {
	var out models.CollectionList
	if err := c.do(ctx, getRequest("/help_center/collections", listQuery(0, cursor)), &out); err != nil {
		return Page[models.Collection]{}, err
	}
	return pageOf(out.Data, out.TotalCount, out.Pages), nil
}

// AllCollections walks GET /help_center/collections to the end.
func (c *Client) AllCollections(ctx context.Context) iter.Seq2[models.Collection, error] {
	return Iterate(ctx, c.ListCollections)
}

// ListSections is one page of help-center sections: GET /help_center/sections.
func (c *Client) ListSections(ctx context.Context, cursor string) (Page[models.Section], error) {
	var out models.SectionList
	if err := c.do(ctx, getRequest("/help_center/sections", listQuery(0, cursor)), &out); err != nil {
		return Page[models.Section]{}, err
	}
	return pageOf(out.Data, out.TotalCount, out.Pages), nil
}

// AllSections walks GET /help_center/sections to the end.
func (c *Client) AllSections(ctx context.Context) iter.Seq2[models.Section, error] {
	return Iterate(ctx, c.ListSections)
}
