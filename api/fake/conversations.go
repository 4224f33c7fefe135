package fake

import (
	"html"
	"net/http"
	"slices"
	"sort"
	"strings"

	"github.com/intercom-tui/intercom-tui/models"
)

// convKey is a conversation's place in list order: updated_at, newest first; at equal
// updated_at a written conversation (t) comes before a seeded one; then written ones by
// their last write, latest first (see convOverlay.key), and seeded ones by their rank in
// the seed's activity order. One total order over both kinds is what lets a cursor name
// "everything after this item".
type convKey struct {
	u int64
	t bool
	n int64 // written: write order and index (convOverlay.key); seeded: activity rank
}

func (a convKey) before(b convKey) bool {
	if a.u != b.u {
		return a.u > b.u
	}
	if a.t != b.t {
		return a.t
	}
	return a.n < b.n
}

func compareKeys(a, b convKey) int {
	if a == b {
		return 0
	}
	if a.before(b) {
		return -1
	}
	return 1
}

// walkConvs calls fn with each conversation as a list item (no parts, overlay applied)
// in list order, starting after `after` (nil: from the top), until fn returns false.
// Written conversations (few) are sorted on the spot and merged with the seed's cached
// activity order, so a page costs O(page + writes), whatever the workspace size.
// The caller holds ws.mu.
func (ws *Workspace) walkConvs(after *convKey, fn func(i int, c *models.Conversation, k convKey) bool) {
	type entry struct {
		i int
		k convKey
	}
	written := make([]entry, 0, len(ws.convs))
	for i, ov := range ws.convs {
		if k := ov.key(i); after == nil || after.before(k) {
			written = append(written, entry{i, k})
		}
	}
	slices.SortFunc(written, func(a, b entry) int { return compareKeys(a.k, b.k) })
	order := ws.world.ActivityOrder()
	rank := ws.firstRankAfter(after, order)
	var seeded *models.Conversation
	var seededKey convKey
	for w := 0; ; {
		if seeded == nil {
			for rank < len(order) && ws.convs[int(order[rank])] != nil {
				rank++ // listed among the written ones, at its new place
			}
			if rank < len(order) {
				c := ws.listItem(int(order[rank]))
				seeded, seededKey = &c, convKey{u: c.UpdatedAt, n: int64(rank)}
			}
		}
		if w < len(written) && (seeded == nil || written[w].k.before(seededKey)) {
			i := written[w].i
			c := ws.listItem(i)
			if !fn(i, &c, written[w].k) {
				return
			}
			w++
			continue
		}
		if seeded == nil {
			return
		}
		if !fn(int(order[rank]), seeded, seededKey) {
			return
		}
		seeded = nil
		rank++
	}
}

// firstRankAfter is the first activity rank of a seeded conversation listed after key.
func (ws *Workspace) firstRankAfter(key *convKey, order []int32) int {
	switch {
	case key == nil:
		return 0
	case !key.t:
		return int(key.n) + 1
	}
	// After a written conversation come the seeded ones with updated_at <= its own; the
	// activity order is sorted by updated_at, newest first.
	return sort.Search(len(order), func(r int) bool {
		return ws.world.ConversationSummary(int(order[r])).UpdatedAt <= key.u
	})
}

func (c cursor) convKey() *convKey {
	if c.Page <= 1 {
		return nil
	}
	return &convKey{u: c.U, t: c.T, n: c.N}
}

func convCursor(prev cursor, k convKey) string {
	return cursor{List: prev.List, Query: prev.Query, Page: prev.Page + 1, U: k.u, T: k.t, N: k.n}.encode()
}

// listConversations is GET /conversations: every conversation, newest activity first.
func (ws *Workspace) listConversations(r *http.Request) (any, error) {
	perPage, err := perPageParam(r, perPageConversations)
	if err != nil {
		return nil, err
	}
	cur, err := decodeCursor(r.URL.Query().Get("starting_after"), "conversations", 0)
	if err != nil {
		return nil, err
	}
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	total := ws.world.NumConversations()
	out := models.ConversationList{Type: "conversation.list", Conversations: make([]models.Conversation, 0, perPage), TotalCount: total}
	var last convKey
	more := false
	ws.walkConvs(cur.convKey(), func(_ int, c *models.Conversation, k convKey) bool {
		if len(out.Conversations) == perPage {
			more = true
			return false
		}
		out.Conversations = append(out.Conversations, *c)
		last = k
		return true
	})
	next := ""
	if more {
		next = convCursor(cur, last)
	}
	out.Pages = pages(cur.Page, perPage, total, next)
	return out, nil
}

// conversationIndex resolves a path id, or answers the spec's 404.
func (ws *Workspace) conversationIndex(id string) (int, error) {
	i, ok := ws.world.ConversationIndex(id)
	if !ok {
		return 0, notFound(msgResourceNotFound)
	}
	return i, nil
}

// conversation builds conversation i in full with its overlay. The caller holds ws.mu.
func (ws *Workspace) conversation(i int) models.Conversation {
	c := ws.world.Conversation(i)
	if ov := ws.convs[i]; ov != nil {
		ov.apply(&c)
	}
	if c.Tags != nil {
		c.Tags.Tags = ws.fixTags(c.Tags.Tags)
	}
	return c
}

// listItem builds conversation i without parts, as lists and searches show it. The
// caller holds ws.mu.
func (ws *Workspace) listItem(i int) models.Conversation {
	c := ws.world.ConversationSummary(i)
	if ov := ws.convs[i]; ov != nil {
		ov.apply(&c)
	}
	if c.Tags != nil {
		c.Tags.Tags = ws.fixTags(c.Tags.Tags)
	}
	return c
}

// retrieveConversation is GET /conversations/{id}.
func (ws *Workspace) retrieveConversation(r *http.Request) (any, error) {
	i, err := ws.conversationIndex(r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	ws.mu.RLock()
	c := ws.conversation(i)
	ws.mu.RUnlock()
	return displayAs(r, c), nil
}

type updateConversationRequest struct {
	Read             *bool          `json:"read"`
	CustomAttributes map[string]any `json:"custom_attributes"`
}

// updateConversation is PUT /conversations/{id}: {read} marks it read or unread. Custom
// attributes are accepted; the 2.9 conversation object has no field to show them.
// Reading does not move the conversation in the list (updated_at is left alone).
func (ws *Workspace) updateConversation(r *http.Request) (any, error) {
	i, err := ws.conversationIndex(r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	var req updateConversationRequest
	if err := decode(r, &req); err != nil {
		return nil, err
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if req.Read != nil {
		ws.convOverlay(i).read = *req.Read
	}
	return displayAs(r, ws.conversation(i)), nil
}

// convOverlay returns conversation i's overlay, creating it from the seed on first write.
// The caller holds ws.mu for writing.
func (ws *Workspace) convOverlay(i int) *convOverlay {
	ov := ws.convs[i]
	if ov == nil {
		c := ws.world.ConversationSummary(i)
		ov = newConvOverlay(&c)
		ws.convs[i] = ov
	}
	return ov
}

type tagRequest struct {
	ID      flexString `json:"id"`
	AdminID flexString `json:"admin_id"`
}

// attachTagToConversation is POST /conversations/{conversation_id}/tags {id, admin_id}.
func (ws *Workspace) attachTagToConversation(r *http.Request) (any, error) {
	return ws.tagConversation(r, r.PathValue("conversation_id"), "", true)
}

// detachTagFromConversation is DELETE /conversations/{conversation_id}/tags/{id} {admin_id}.
func (ws *Workspace) detachTagFromConversation(r *http.Request) (any, error) {
	return ws.tagConversation(r, r.PathValue("conversation_id"), r.PathValue("id"), false)
}

func (ws *Workspace) tagConversation(r *http.Request, convID, tagID string, attach bool) (any, error) {
	i, ok := ws.world.ConversationIndex(convID)
	if !ok {
		return nil, notFound("Conversation not found")
	}
	var req tagRequest
	if err := decode(r, &req); err != nil {
		return nil, err
	}
	if attach {
		if req.ID == "" {
			return nil, missing("id")
		}
		tagID = string(req.ID)
	}
	if req.AdminID == "" {
		return nil, missing("admin_id")
	}
	if _, err := ws.admin(string(req.AdminID)); err != nil {
		return nil, err
	}
	tag, err := ws.tag(tagID)
	if err != nil {
		return nil, err
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	ov := ws.convOverlay(i)
	at := slices.IndexFunc(ov.tags, func(t models.Tag) bool { return t.ID == tag.ID })
	now := ws.now()
	switch {
	case attach && at < 0:
		applied := tag
		applied.AppliedAt = models.NullInt(now)
		applied.AppliedBy = &models.Reference{Type: "admin", ID: models.ID(req.AdminID)}
		ov.tags = append(ov.tags, applied)
		ov.updatedAt = now
	case !attach && at >= 0:
		ov.tags = slices.Delete(ov.tags, at, at+1)
		ov.updatedAt = now
	}
	return tag, nil
}

// displayAs honours ?display_as=plaintext: bodies lose their HTML.
func displayAs(r *http.Request, c models.Conversation) models.Conversation {
	if r.URL.Query().Get("display_as") != "plaintext" {
		return c
	}
	if c.Source != nil {
		s := *c.Source
		s.Body = plainText(s.Body)
		c.Source = &s
	}
	if c.ConversationParts != nil {
		parts := slices.Clone(c.ConversationParts.ConversationParts)
		for k := range parts {
			parts[k].Body = models.NullString(plainText(string(parts[k].Body)))
		}
		list := *c.ConversationParts
		list.ConversationParts = parts
		c.ConversationParts = &list
	}
	return c
}

// plainText drops tags (block ends become line breaks) and unescapes entities.
func plainText(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		lt := strings.IndexByte(s, '<')
		if lt < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:lt])
		gt := strings.IndexByte(s[lt:], '>')
		if gt < 0 {
			break
		}
		tag := strings.ToLower(s[lt+1 : lt+gt])
		if tag == "br" || tag == "br/" || tag == "br /" || tag == "/p" || tag == "/li" || tag == "/div" {
			b.WriteByte('\n')
		}
		s = s[lt+gt+1:]
	}
	return strings.TrimSpace(html.UnescapeString(b.String()))
}

// byID finds an item by id in a small slice.
func byID[T any](items []T, id func(T) models.ID, want string) (T, bool) {
	for _, it := range items {
		if string(id(it)) == want {
			return it, true
		}
	}
	var zero T
	return zero, false
}
