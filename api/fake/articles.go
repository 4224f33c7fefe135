package fake

import (
	"cmp"
	"net/http"
	"slices"

	"github.com/intercom-tui/intercom-tui/models"
)

// The help center is read-only and small: its lists are sorted once, in New, newest
// update first as the spec's examples are.

func sortByUpdated[T any](items []T, updated func(T) int64, id func(T) models.ID) {
	slices.SortStableFunc(items, func(a, b T) int {
		if c := cmp.Compare(updated(b), updated(a)); c != 0 {
			return c
		}
		return cmp.Compare(parseID(string(id(a))), parseID(string(id(b))))
	})
}

// initHelpCenter sorts the article indices, collections and sections. Articles are
// sorted by their updated_at alone (ArticleUpdatedAt, no bodies built), ties by index:
// one O(N log N) sort here, then every GET /articles page is O(per_page).
func (ws *Workspace) initHelpCenter() {
	n := ws.world.NumArticles()
	updated := make([]int64, n)
	ws.articleOrder = make([]int, n)
	for i := range n {
		ws.articleOrder[i] = i
		updated[i] = ws.world.ArticleUpdatedAt(i)
	}
	slices.SortStableFunc(ws.articleOrder, func(a, b int) int { return cmp.Compare(updated[b], updated[a]) })
	ws.collections = ws.world.Collections()
	sortByUpdated(ws.collections, func(c models.Collection) int64 { return c.UpdatedAt }, func(c models.Collection) models.ID { return c.ID })
	ws.sections = ws.world.Sections()
	sortByUpdated(ws.sections, func(s models.Section) int64 { return s.UpdatedAt }, func(s models.Section) models.ID { return s.ID })
}

// listArticles is GET /articles: article_list_item, without statistics, 25 per page.
func (ws *Workspace) listArticles(r *http.Request) (any, error) {
	perPage, cur, err := listParams(r, "articles", perPageArticles)
	if err != nil {
		return nil, err
	}
	n := len(ws.articleOrder)
	out := models.ArticleList{Type: "list", Data: []models.Article{}, TotalCount: n}
	next := indexPage(cur, perPage, n, func(k int) {
		a := ws.world.Article(ws.articleOrder[k])
		a.Statistics = nil
		out.Data = append(out.Data, a)
	})
	out.Pages = pages(cur.Page, perPage, n, next)
	return out, nil
}

// retrieveArticle is GET /articles/{id}, with statistics.
func (ws *Workspace) retrieveArticle(r *http.Request) (any, error) {
	i, ok := ws.world.ArticleIndex(r.PathValue("id"))
	if !ok {
		return nil, notFound(msgResourceNotFound)
	}
	return ws.world.Article(i), nil
}

// listAllCollections is GET /help_center/collections.
func (ws *Workspace) listAllCollections(r *http.Request) (any, error) {
	perPage, cur, err := listParams(r, "collections", perPageHelpCenter)
	if err != nil {
		return nil, err
	}
	n := len(ws.collections)
	out := models.CollectionList{Type: "list", Data: []models.Collection{}, TotalCount: n}
	next := indexPage(cur, perPage, n, func(k int) { out.Data = append(out.Data, ws.collections[k]) })
	out.Pages = pages(cur.Page, perPage, n, next)
	return out, nil
}

// retrieveCollection is GET /help_center/collections/{id}.
func (ws *Workspace) retrieveCollection(r *http.Request) (any, error) {
	c, ok := byID(ws.collections, func(c models.Collection) models.ID { return c.ID }, r.PathValue("id"))
	if !ok {
		return nil, notFound(msgResourceNotFound)
	}
	return c, nil
}

// listAllSections is GET /help_center/sections.
func (ws *Workspace) listAllSections(r *http.Request) (any, error) {
	perPage, cur, err := listParams(r, "sections", perPageHelpCenter)
	if err != nil {
		return nil, err
	}
	n := len(ws.sections)
	out := models.SectionList{Type: "list", Data: []models.Section{}, TotalCount: n}
	next := indexPage(cur, perPage, n, func(k int) { out.Data = append(out.Data, ws.sections[k]) })
	out.Pages = pages(cur.Page, perPage, n, next)
	return out, nil
}

// retrieveSection is GET /help_center/sections/{id}.
func (ws *Workspace) retrieveSection(r *http.Request) (any, error) {
	s, ok := byID(ws.sections, func(s models.Section) models.ID { return s.ID }, r.PathValue("id"))
	if !ok {
		return nil, notFound(msgResourceNotFound)
	}
	return s, nil
}

// listHelpCenters is GET /help_center/help_centers.
func (ws *Workspace) listHelpCenters(*http.Request) (any, error) {
	return models.HelpCenterList{Type: "list", Data: ws.world.HelpCenters()}, nil
}

// retrieveHelpCenter is GET /help_center/help_centers/{id}.
func (ws *Workspace) retrieveHelpCenter(r *http.Request) (any, error) {
	h, ok := byID(ws.world.HelpCenters(), func(h models.HelpCenter) models.ID { return h.ID }, r.PathValue("id"))
	if !ok {
		return nil, notFound(msgResourceNotFound)
	}
	return h, nil
}

// listParams reads per_page and starting_after of a GET list.
func listParams(r *http.Request, list string, def int) (int, cursor, error) {
	perPage, err := perPageParam(r, def)
	if err != nil {
		return 0, cursor{}, err
	}
	cur, err := decodeCursor(r.URL.Query().Get("starting_after"), list, 0)
	return perPage, cur, err
}
