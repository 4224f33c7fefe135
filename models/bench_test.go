package models_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/intercom-tui/intercom-tui/api/fake/seed"
	"github.com/intercom-tui/intercom-tui/models"
)

// BenchmarkDecodeConversationPage150 decodes one full page of a conversation list or
// search (150 items, the maximum per_page), as the inbox does for every page it loads.
func BenchmarkDecodeConversationPage150(b *testing.B) {
	w := seed.New(1, 150, time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC))
	page := models.ConversationList{Type: "conversation.list", TotalCount: 150,
		Pages: &models.CursorPages{Type: "pages", Page: 1, PerPage: 150, TotalPages: 1}}
	for i := range 150 {
		page.Conversations = append(page.Conversations, w.ConversationSummary(i))
	}
	data, err := json.Marshal(page)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var out models.ConversationList
		if err := json.Unmarshal(data, &out); err != nil {
			b.Fatal(err)
		}
		if len(out.Conversations) != 150 {
			b.Fatal("lost items")
		}
	}
}
