package seed

import (
	"testing"
	"time"
)

var benchNow = time.Date(2025, 6, 15, 12, 0, 0, 0, time.UTC)

func BenchmarkConversationSummary(b *testing.B) {
	w := New(42, 1_000_000, benchNow)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		_ = w.ConversationSummary(i % 1_000_000)
		i += 7919
	}
}

func BenchmarkConversationFull(b *testing.B) {
	w := New(42, 1_000_000, benchNow)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		_ = w.Conversation(i % 1_000_000)
		i += 7919
	}
}

// BenchmarkNew1M is building a 1,000,000-conversation world and its activity order.
func BenchmarkNew1M(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		w := New(42, 1_000_000, benchNow)
		if len(w.ActivityOrder()) != 1_000_000 {
			b.Fatal("short activity order")
		}
	}
}

func BenchmarkContact(b *testing.B) {
	w := New(42, 0, benchNow)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		_ = w.Contact(i % w.NumContacts())
		i++
	}
}

func BenchmarkArticle(b *testing.B) {
	w := New(42, 0, benchNow)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		_ = w.Article(i % w.NumArticles())
		i++
	}
}
