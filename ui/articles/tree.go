package articles

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/sanitize"
)

// Help is the help center as loaded: from the store or from the API. Strings are as the
// server sent them; the tree sanitizes what it shows.
type Help struct {
	Centers     []models.HelpCenter
	Collections []models.Collection
	Sections    []models.Section
	Articles    []models.Article
}

type nodeKind int

const (
	kindCenter nodeKind = iota
	kindCollection
	kindSection
	kindArticle
)

// node is one row of the tree: a group (help center, collection, section) or an article.
type node struct {
	kind     nodeKind
	id       string
	title    string // sanitized, one line
	children []*node
	articles int // articles under a group, at any depth
	drafts   int // of which drafts
	article  *models.Article
}

// key names a node across reloads (its expansion and the cursor survive a refresh).
func (n *node) key() string { return strconv.Itoa(int(n.kind)) + ":" + n.id }

func (n *node) group() bool { return n.kind != kindArticle }

// row is a visible node at its depth.
type row struct {
	n     *node
	depth int
}

// buildTree arranges the help center: help centers → collections (by order) → sections
// (by order) → articles (by title). An article or group whose parent is unknown goes at
// the top level rather than nowhere.
func buildTree(h Help) []*node {
	centers := map[string]*node{}
	colls := map[string]*node{}
	secs := map[string]*node{}
	var roots []*node

	for _, c := range h.Centers {
		n := &node{kind: kindCenter, id: string(c.ID), title: line(c.DisplayName, "Help center "+string(c.ID))}
		centers[n.id] = n
		roots = append(roots, n)
	}
	cs := slices.Clone(h.Collections)
	slices.SortStableFunc(cs, func(a, b models.Collection) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), strings.Compare(a.Name, b.Name))
	})
	for _, c := range cs {
		n := &node{kind: kindCollection, id: string(c.ID), title: line(c.Name, "Collection "+string(c.ID))}
		colls[n.id] = n
		parent := centers[strconv.FormatInt(int64(c.HelpCenterID), 10)]
		if parent == nil && len(roots) == 1 && roots[0].kind == kindCenter {
			parent = roots[0] // the one help center (2.9 may omit help_center_id)
		}
		roots = attach(roots, parent, n)
	}
	ss := slices.Clone(h.Sections)
	slices.SortStableFunc(ss, func(a, b models.Section) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), strings.Compare(a.Name, b.Name))
	})
	for _, s := range ss {
		n := &node{kind: kindSection, id: string(s.ID), title: line(s.Name, "Section "+string(s.ID))}
		secs[n.id] = n
		roots = attach(roots, colls[string(s.ParentID)], n)
	}
	as := slices.Clone(h.Articles)
	slices.SortStableFunc(as, func(a, b models.Article) int {
		return cmp.Or(strings.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title)), strings.Compare(string(a.ID), string(b.ID)))
	})
	for i := range as {
		a := &as[i]
		n := &node{kind: kindArticle, id: string(a.ID), title: line(a.Title, "Untitled article"), article: a}
		pid := strconv.FormatInt(int64(a.ParentID), 10)
		var parent *node
		if string(a.ParentType) == "section" {
			parent = secs[pid]
		} else {
			parent = colls[pid]
		}
		roots = attach(roots, parent, n)
	}
	for _, r := range roots {
		count(r)
	}
	return roots
}

// attach adds n under parent, or at the top level when parent is nil.
func attach(roots []*node, parent, n *node) []*node {
	if parent == nil {
		return append(roots, n)
	}
	parent.children = append(parent.children, n)
	return roots
}

// count fills the article and draft counts of a group.
func count(n *node) (int, int) {
	if !n.group() {
		if n.article.State == "draft" {
			return 1, 1
		}
		return 1, 0
	}
	n.articles, n.drafts = 0, 0
	for _, c := range n.children {
		a, d := count(c)
		n.articles += a
		n.drafts += d
	}
	return n.articles, n.drafts
}

// flatten lists the visible rows: the children of expanded groups.
func flatten(roots []*node, expanded func(*node) bool) []row {
	var out []row
	var walk func(ns []*node, depth int)
	walk = func(ns []*node, depth int) {
		for _, n := range ns {
			out = append(out, row{n: n, depth: depth})
			if n.group() && expanded(n) {
				walk(n.children, depth+1)
			}
		}
	}
	walk(roots, 0)
	return out
}

// line is a remote string made safe and one line, or def when empty.
func line(s, def string) string {
	s = strings.TrimSpace(sanitize.Line(s))
	if s == "" {
		return def
	}
	return s
}
