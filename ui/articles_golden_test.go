package ui

import (
	"testing"

	"github.com/charmbracelet/x/exp/teatest/v2"
)

// The articles tab through the whole program (seed 1, fixedNow): the tree, the reader
// beside it and alone, and search results with their snippets (in memory: no store).
// Regenerate only these with go test ./ui/ -run GoldenArticle -update.

func articlesTab(t *testing.T, w, hgt int) (*teatest.TestModel, *probe) {
	t.Helper()
	h := newHarness(t, 300)
	tm, p := h.run(t, w, hgt, "Open 134")
	press(tm, "4")
	waitFor(t, tm, p, "40 articles", "Developers & API")
	return tm, p
}

func TestGoldenArticleTree120x36(t *testing.T) {
	tm, _ := articlesTab(t, 120, 36)
	requireGolden(t, final(t, tm))
}

// articleReader opens "Welcome! Start here" (the sixth row under Getting started).
func articleReader(t *testing.T, w, hgt int) string {
	t.Helper()
	tm, p := articlesTab(t, w, hgt)
	press(tm, "j", "j", "j", "j", "j", "j", "enter")
	waitFor(t, tm, p, "en · fr · ja", "Before you start")
	return final(t, tm)
}

func TestGoldenArticleReader120x36(t *testing.T) {
	requireGolden(t, articleReader(t, 120, 36))
}

func TestGoldenArticleReader80x24(t *testing.T) {
	requireGolden(t, articleReader(t, 80, 24))
}

func TestGoldenArticleSearch120x36(t *testing.T) {
	tm, p := articlesTab(t, 120, 36)
	press(tm, "/", "r", "e", "f", "u", "n", "d")
	waitFor(t, tm, p, "2 results", "Requesting a refund")
	requireGolden(t, final(t, tm))
}
