package store

import (
	"errors"
	"testing"
	"time"

	"github.com/intercom-tui/intercom-tui/api/query"
	"github.com/intercom-tui/intercom-tui/models"
)

func TestViewRoundTripKeepsOrder(t *testing.T) {
	st, _ := openTemp(t)
	if _, err := st.View("conversations:open"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unsaved view: %v, want ErrNotFound", err)
	}
	if err := st.PutConversations([]models.Conversation{conversation("1", "a", 10), conversation("2", "b", 20), conversation("3", "c", 30)}); err != nil {
		t.Fatal(err)
	}
	at := time.Unix(1_800_000_000, 0)
	if err := st.PutView(SavedView{Key: "conversations:open", IDs: []string{"3", "9", "1"}, Total: 40, SavedAt: at}); err != nil {
		t.Fatal(err)
	}
	v, err := st.View("conversations:open")
	if err != nil || v.Total != 40 || !v.SavedAt.Equal(at) || len(v.IDs) != 3 {
		t.Fatalf("view %+v, %v", v, err)
	}
	cs, err := st.ConversationsByID(v.IDs)
	if err != nil || len(cs) != 2 || cs[0].ID != "3" || cs[1].ID != "1" {
		t.Fatalf("by id: %v %v (want 3, 1: 9 is not stored)", ids(cs), err)
	}
}

func ids(cs []models.Conversation) []string {
	var out []string
	for _, c := range cs {
		out = append(out, string(c.ID))
	}
	return out
}

func TestMatchConversations(t *testing.T) {
	st, _ := openTemp(t)
	var cs []models.Conversation
	for i, state := range []string{"open", "closed", "open", "snoozed", "open"} {
		c := conversation(string(rune('a'+i)), "t", int64(100+i))
		c.State = state
		cs = append(cs, c)
	}
	if err := st.PutConversations(cs); err != nil {
		t.Fatal(err)
	}
	m, err := query.Compile(query.Conversations, query.Field("state").Eq("open"))
	if err != nil {
		t.Fatal(err)
	}
	got, total, err := st.MatchConversations(m, 2)
	if err != nil || total != 3 || len(got) != 2 || got[0].ID != "e" || got[1].ID != "c" {
		t.Fatalf("match: %v total %d, %v", ids(got), total, err)
	}
}

func TestSearchContactsAndTheirConversations(t *testing.T) {
	st, _ := openTemp(t)
	err := st.PutContacts([]models.Contact{
		{ID: "c1", Name: "Aoife Kelly", Email: "aoife@example.com", UpdatedAt: 5},
		{ID: "c2", Name: "Bob 100%", Email: "bob@example.org", Phone: "+353 83 234 5678", UpdatedAt: 9},
	})
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]string{"AOIFE": "c1", "example.org": "c2", "234 56": "c2", "100%": "c2"} {
		got, err := st.SearchContacts(q, 10)
		if err != nil || len(got) != 1 || string(got[0].ID) != want {
			t.Errorf("search %q: %v %v, want %s", q, got, err, want)
		}
	}
	if got, _ := st.SearchContacts("%", 10); len(got) != 1 {
		t.Errorf("%% is literal: %d hits", len(got))
	}
	if got, _ := st.SearchContacts("", 10); len(got) != 2 || got[0].ID != "c2" {
		t.Errorf("empty search lists the most recent first: %v", got)
	}
	c := conversation("x", "t", 1)
	c.Contacts = &models.ContactRefList{Contacts: []models.ContactReference{{Type: "contact", ID: "c1"}}}
	if err := st.PutConversations([]models.Conversation{c, conversation("y", "t", 2)}); err != nil {
		t.Fatal(err)
	}
	got, err := st.ContactConversations("c1", 10)
	if err != nil || len(got) != 1 || got[0].ID != "x" {
		t.Fatalf("contact conversations: %v %v", ids(got), err)
	}
}
