package models

import "encoding/json"

// Article is a help-center article. A list returns it without statistics.
type Article struct {
	Type              string               `json:"type"`
	ID                ID                   `json:"id"`
	WorkspaceID       string               `json:"workspace_id"`
	Title             string               `json:"title"`
	Description       NullString           `json:"description"`
	Body              NullString           `json:"body"`
	AuthorID          int64                `json:"author_id"`
	State             string               `json:"state"`
	CreatedAt         int64                `json:"created_at"`
	UpdatedAt         int64                `json:"updated_at"`
	URL               NullString           `json:"url"`
	ParentID          NullInt              `json:"parent_id"`
	ParentIDs         []int64              `json:"parent_ids"`
	ParentType        NullString           `json:"parent_type"`
	DefaultLocale     string               `json:"default_locale"`
	TranslatedContent *ArticleTranslations `json:"translated_content"`
	Statistics        *ArticleStatistics   `json:"statistics,omitempty"`
}

// ArticleContent is one locale's version of an article.
type ArticleContent struct {
	Type        string `json:"type"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Body        string `json:"body"`
	AuthorID    int64  `json:"author_id"`
	State       string `json:"state"`
	CreatedAt   int64  `json:"created_at"`
	UpdatedAt   int64  `json:"updated_at"`
	URL         string `json:"url"`
}

// Translations is translated_content: {type, <locale>: content, …}, for articles
// (ArticleContent) and for collections and sections (GroupContent). Locales are kept
// in a map; Locales lists them in a stable order.
type Translations[T any] struct {
	Type    string
	Content map[string]T
}

// ArticleTranslations is an article's translated_content.
type ArticleTranslations = Translations[ArticleContent]

// GroupTranslations is the translated_content of collections and sections.
type GroupTranslations = Translations[GroupContent]

func (t Translations[T]) MarshalJSON() ([]byte, error) {
	m := make(map[string]any, len(t.Content)+1)
	m["type"] = t.Type
	for k, v := range t.Content {
		m[k] = v
	}
	return json.Marshal(m)
}

func (t *Translations[T]) UnmarshalJSON(b []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	t.Content = make(map[string]T, len(raw))
	for k, v := range raw {
		if k == "type" {
			_ = json.Unmarshal(v, &t.Type)
			continue
		}
		if string(v) == "null" {
			continue
		}
		var c T
		if err := json.Unmarshal(v, &c); err != nil {
			return err
		}
		t.Content[k] = c
	}
	return nil
}

// Locales lists the translated locales, sorted.
func (t *Translations[T]) Locales() []string {
	if t == nil {
		return nil
	}
	return sortedKeys(t.Content)
}

// ArticleStatistics are an article's views and reactions. The spec's key is
// `conversions`; its example says `conversations`, so both are read.
type ArticleStatistics struct {
	Type                      string  `json:"type"`
	Views                     int64   `json:"views"`
	Conversions               int64   `json:"conversions"`
	Reactions                 int64   `json:"reactions"`
	HappyReactionPercentage   float64 `json:"happy_reaction_percentage"`
	NeutralReactionPercentage float64 `json:"neutral_reaction_percentage"`
	SadReactionPercentage     float64 `json:"sad_reaction_percentage"`
}

func (s *ArticleStatistics) UnmarshalJSON(b []byte) error {
	type plain ArticleStatistics
	var p struct {
		plain
		Conversations *int64 `json:"conversations"`
	}
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*s = ArticleStatistics(p.plain)
	if s.Conversions == 0 && p.Conversations != nil {
		s.Conversions = *p.Conversations
	}
	return nil
}

// ArticleList is GET /articles.
type ArticleList struct {
	Type       string       `json:"type"`
	Pages      *CursorPages `json:"pages"`
	TotalCount int          `json:"total_count"`
	Data       []Article    `json:"data"`
}

// GroupContent is a collection's or section's name and description in one locale.
type GroupContent struct {
	Type        string `json:"type"`
	Name        string `json:"name"`
	Description string `json:"description"`
}

// Collection is a top-level group of a help center.
type Collection struct {
	Type              string             `json:"type"`
	ID                ID                 `json:"id"`
	WorkspaceID       string             `json:"workspace_id"`
	Name              string             `json:"name"`
	Description       NullString         `json:"description"`
	CreatedAt         int64              `json:"created_at"`
	UpdatedAt         int64              `json:"updated_at"`
	URL               NullString         `json:"url"`
	Icon              NullString         `json:"icon"`
	Order             int                `json:"order"`
	DefaultLocale     string             `json:"default_locale"`
	TranslatedContent *GroupTranslations `json:"translated_content"`
	HelpCenterID      NullInt            `json:"help_center_id"`
}

// CollectionList is GET /help_center/collections.
type CollectionList struct {
	Type       string       `json:"type"`
	Pages      *CursorPages `json:"pages"`
	TotalCount int          `json:"total_count"`
	Data       []Collection `json:"data"`
}

// Section groups articles inside a collection. parent_id is an integer or a string in the spec.
type Section struct {
	Type              string             `json:"type"`
	ID                ID                 `json:"id"`
	WorkspaceID       string             `json:"workspace_id"`
	Name              string             `json:"name"`
	CreatedAt         int64              `json:"created_at"`
	UpdatedAt         int64              `json:"updated_at"`
	URL               NullString         `json:"url"`
	Icon              NullString         `json:"icon"`
	Order             int                `json:"order"`
	ParentID          ID                 `json:"parent_id"`
	DefaultLocale     string             `json:"default_locale"`
	TranslatedContent *GroupTranslations `json:"translated_content"`
}

// SectionList is GET /help_center/sections.
type SectionList struct {
	Type       string       `json:"type"`
	Pages      *CursorPages `json:"pages"`
	TotalCount int          `json:"total_count"`
	Data       []Section    `json:"data"`
}

// HelpCenter is one help center of the workspace.
type HelpCenter struct {
	Type            string     `json:"type,omitempty"`
	ID              ID         `json:"id"`
	WorkspaceID     string     `json:"workspace_id"`
	CreatedAt       int64      `json:"created_at"`
	UpdatedAt       int64      `json:"updated_at"`
	Identifier      string     `json:"identifier"`
	WebsiteTurnedOn bool       `json:"website_turned_on"`
	DisplayName     string     `json:"display_name"`
	URL             string     `json:"url"`
	CustomDomain    NullString `json:"custom_domain"`
}

// HelpCenterList is GET /help_center/help_centers.
type HelpCenterList struct {
	Type string       `json:"type"`
	Data []HelpCenter `json:"data"`
}
