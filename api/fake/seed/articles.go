package seed

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/intercom-tui/intercom-tui/models"
)

// Articles past the curated set are derived: article i >= len(articleDefs) reuses def
// i % len(articleDefs) under a title marked "(part k)", in a section chosen by cycling
// over every section, with its own dates spread over the past year. Nothing per article
// is stored; ids are arithmetic and ArticleIndex inverts them.

// articleSlots are the (collection, section) pairs derived articles cycle through.
var articleSlots = func() [][2]int {
	var out [][2]int
	for k, d := range collectionDefs {
		for s := range d.sections {
			out = append(out, [2]int{k, s})
		}
	}
	return out
}()

// articleDefAt is the definition of article i: the curated one, or a derived copy.
func articleDefAt(i int) articleDef {
	n := len(articleDefs)
	d := articleDefs[i%n]
	if i < n {
		return d
	}
	part := i/n + 1
	slot := articleSlots[(i-n)%len(articleSlots)]
	d.title = fmt.Sprintf("%s (part %d)", d.title, part)
	d.collection, d.section = slot[0], slot[1]
	if len(d.titles) > 0 {
		t := make(map[string]string, len(d.titles))
		for loc, title := range d.titles {
			t[loc] = fmt.Sprintf("%s (%d)", title, part)
		}
		d.titles = t
	}
	return d
}

// Help-center ids are integers (strings in JSON): small for the help center, 7 digits for
// the rest, spaced with a seeded jitter so they look real yet never collide.
func (w *World) helpCenterID() int64 { return 90 + int64(w.seed%50) }

func (w *World) collectionID(k int) int64 {
	return 8_100_000 + int64(k)*1_013 + int64(mix(w.seed^0xc011)%1000)
}

func (w *World) sectionID(k, s int) int64 {
	return 8_200_000 + int64(k*10+s)*997 + int64(mix(w.seed^0x5ec7)%900)
}

func (w *World) articleID(i int) string {
	return itoa(articleIDBase + int64(i)*37 + int64(mix(w.seed+uint64(i)*31)%37))
}

const articleIDBase = 9_100_000

func (w *World) helpURL() string { return "https://help." + w.domain }

// HelpCenters is the workspace's one help center.
func (w *World) HelpCenters() []models.HelpCenter {
	return []models.HelpCenter{{Type: "help_center", ID: models.ID(itoa(w.helpCenterID())), WorkspaceID: w.appID,
		CreatedAt: w.createdAt + 2*day, UpdatedAt: w.createdAt + 40*day, Identifier: slug(w.appName), WebsiteTurnedOn: true,
		DisplayName: w.appName + " Help Center", URL: w.helpURL(), CustomDomain: models.NullString("help." + w.domain)}}
}

// Collections are the 3 top-level collections, in order.
func (w *World) Collections() []models.Collection {
	out := make([]models.Collection, len(collectionDefs))
	for k, d := range collectionDefs {
		id := w.collectionID(k)
		created := w.createdAt + int64(3+k)*day
		out[k] = models.Collection{Type: "collection", ID: models.ID(itoa(id)), WorkspaceID: w.appID, Name: d.name,
			Description: models.NullString(d.desc), CreatedAt: created, UpdatedAt: created + int64(20+k*7)*day,
			URL:  models.NullString(fmt.Sprintf("%s/en/collections/%d-%s", w.helpURL(), id, slug(d.name))),
			Icon: models.NullString(d.icon), Order: k + 1, DefaultLocale: "en", HelpCenterID: models.NullInt(w.helpCenterID()),
			TranslatedContent: &models.GroupTranslations{Type: "group_translated_content", Content: map[string]models.GroupContent{
				"en": {Type: "group_content", Name: d.name, Description: d.desc},
				"fr": {Type: "group_content", Name: d.fr[0], Description: d.fr[1]},
			}}}
	}
	return out
}

// Sections are the sections of every collection; parent_id is the collection's id.
func (w *World) Sections() []models.Section {
	var out []models.Section
	for k, d := range collectionDefs {
		for s, name := range d.sections {
			created := w.createdAt + int64(5+k*3+s)*day
			out = append(out, models.Section{Type: "section", ID: models.ID(itoa(w.sectionID(k, s))), WorkspaceID: w.appID,
				Name: name, CreatedAt: created, UpdatedAt: created + int64(10+s)*day,
				URL:   models.NullString(fmt.Sprintf("%s/en/collections/%d-%s#%s", w.helpURL(), w.collectionID(k), slug(d.name), slug(name))),
				Order: s + 1, ParentID: models.ID(itoa(w.collectionID(k))), DefaultLocale: "en",
				TranslatedContent: &models.GroupTranslations{Type: "group_translated_content", Content: map[string]models.GroupContent{
					"en": {Type: "group_content", Name: name},
				}}})
		}
	}
	return out
}

// NumArticles is the number of articles: the curated 40 unless Options.Articles asked
// for another number.
func (w *World) NumArticles() int { return w.articles }

// ArticleIndex finds an article by id. Ids are 9,100,000 + 37·i + a jitter below 37, so
// the index is the quotient; the id must then match exactly.
func (w *World) ArticleIndex(id string) (int, bool) {
	v, err := strconv.ParseInt(id, 10, 64)
	if err != nil || v < articleIDBase {
		return 0, false
	}
	i := (v - articleIDBase) / 37
	if i >= int64(w.articles) || w.articleID(int(i)) != id {
		return 0, false
	}
	return int(i), true
}

// articleHead draws article i's state and dates; r is left positioned for the rest.
func (w *World) articleHead(i int) (r rng, state string, created, updated int64) {
	r = newRNG(w.seed, kArticle, uint64(i))
	state = "published"
	if i > 0 && r.chance(0.15) {
		state = "draft"
	}
	if i < len(articleDefs) {
		created = w.createdAt + 7*day + r.int64n(w.nowUnix-w.createdAt-14*day)
		updated = created + r.int64n(w.nowUnix-created)
		return r, state, created, updated
	}
	// Derived: updated within the past year, created up to a year before that (never
	// before the workspace's first week).
	updated = w.nowUnix - 3600 - r.int64n(365*day)
	created = max(updated-r.int64n(365*day), w.createdAt+7*day)
	return r, state, min(created, updated), updated
}

// ArticleUpdatedAt is Article(i).UpdatedAt without building the article (for sorting).
func (w *World) ArticleUpdatedAt(i int) int64 {
	_, _, _, updated := w.articleHead(i)
	return updated
}

var articleDescriptions = []string{"A step-by-step guide", "Everything you need to know", "Quick answers and examples", "How it works and what to check"}

// Article is article i (0 <= i < NumArticles) with statistics and translations.
func (w *World) Article(i int) models.Article {
	def := articleDefAt(i)
	d := &def
	r, state, created, updated := w.articleHead(i)
	id := w.articleID(i)
	author := w.admins[r.intn(len(w.admins))].id
	desc := pick(&r, articleDescriptions)
	body := articleBody(&r, d, w.domain)
	url := fmt.Sprintf("%s/en/articles/%s-%s", w.helpURL(), id, slug(d.title))
	a := models.Article{Type: "article", ID: models.ID(id), WorkspaceID: w.appID, Title: d.title,
		Description: models.NullString(desc), Body: models.NullString(body), AuthorID: author, State: state,
		CreatedAt: created, UpdatedAt: updated, URL: models.NullString(url), DefaultLocale: "en",
		TranslatedContent: &models.ArticleTranslations{Type: "article_translated_content", Content: map[string]models.ArticleContent{
			"en": {Type: "article_content", Title: d.title, Description: desc, Body: body, AuthorID: author, State: state,
				CreatedAt: created, UpdatedAt: updated, URL: url},
		}}}
	coll := w.collectionID(d.collection)
	if d.section >= 0 {
		sec := w.sectionID(d.collection, d.section)
		a.ParentID, a.ParentType, a.ParentIDs = models.NullInt(sec), "section", []int64{coll, sec}
	} else {
		a.ParentID, a.ParentType, a.ParentIDs = models.NullInt(coll), "collection", []int64{coll}
	}
	for _, loc := range []string{"fr", "de", "ja"} {
		title, ok := d.titles[loc]
		if !ok {
			continue
		}
		tstate := state
		if r.chance(0.2) {
			tstate = "draft" // a translation still in progress
		}
		s := slug(title)
		if s == "" {
			s = slug(d.title)
		}
		a.TranslatedContent.Content[loc] = models.ArticleContent{Type: "article_content", Title: title, Description: "",
			Body: fmt.Sprintf(translatedBodies[loc], strings.ToLower(title)), AuthorID: author, State: tstate,
			CreatedAt: created + day, UpdatedAt: updated, URL: fmt.Sprintf("%s/%s/articles/%s-%s", w.helpURL(), loc, id, s)}
	}
	a.Statistics = &models.ArticleStatistics{Type: "article_statistics"}
	if state == "published" {
		views := int64(r.between(50, 20_000))
		happy := float64(r.between(40, 90))
		sad := math.Min(float64(r.between(0, 25)), 100-happy)
		a.Statistics.Views, a.Statistics.Conversions, a.Statistics.Reactions = views, views*int64(r.between(1, 5))/100, views*int64(r.between(2, 8))/100
		a.Statistics.HappyReactionPercentage, a.Statistics.SadReactionPercentage = happy, sad
		a.Statistics.NeutralReactionPercentage = 100 - happy - sad
	}
	return a
}
