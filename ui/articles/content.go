package articles

import (
	"net/url"
	"slices"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/sanitize"
)

// locales are an article's languages: its default first, then its other translations
// in order.
func locales(a *models.Article) []string {
	def := a.DefaultLocale
	if def == "" {
		def = "en"
	}
	out := []string{def}
	for _, l := range a.TranslatedContent.Locales() {
		if l != def {
			out = append(out, l)
		}
	}
	return out
}

// contentFor is the article in one locale: its translation, or the article's own fields
// for the default locale (and for a translation whose fields are empty).
func contentFor(a *models.Article, loc string) models.ArticleContent {
	own := models.ArticleContent{Title: a.Title, Description: string(a.Description), Body: string(a.Body),
		State: a.State, UpdatedAt: a.UpdatedAt, URL: string(a.URL)}
	if a.TranslatedContent == nil {
		return own
	}
	c, ok := a.TranslatedContent.Content[loc]
	if !ok {
		return own
	}
	if loc == a.DefaultLocale || loc == "" {
		// The top level is the default locale; a translation entry fills only gaps.
		if own.Body == "" {
			own.Body = c.Body
		}
		if own.URL == "" {
			own.URL = c.URL
		}
		return own
	}
	if c.UpdatedAt == 0 {
		c.UpdatedAt = a.UpdatedAt
	}
	if c.Title == "" {
		c.Title = a.Title
	}
	if c.State == "" {
		c.State = a.State
	}
	return c
}

// webURL is u if it is an http(s) address the browser may open, else "". A URL comes
// from the server: nothing else (file:, javascript:, an option-looking string) is
// handed to the OS opener.
func webURL(u string) string {
	u = sanitize.Line(u)
	p, err := url.Parse(u)
	if err != nil || p.Host == "" || !slices.Contains([]string{"http", "https"}, p.Scheme) {
		return ""
	}
	return p.String()
}
