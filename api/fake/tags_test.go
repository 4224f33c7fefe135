package fake

import (
	"slices"
	"testing"

	"github.com/intercom-tui/intercom-tui/models"
)

func TestCreateAndRenameTags(t *testing.T) {
	e := newEnv(t, Options{Seed: 8, Size: 30})
	w := e.ws.World()
	var created models.Tag
	e.do("POST", "/tags", map[string]any{"name": "Escalated to billing"}).want(t, 200).decode(t, &created)
	if created.Type != "tag" || created.ID == "" || created.Name != "Escalated to billing" {
		t.Fatalf("created %+v", created)
	}
	var again models.Tag
	e.do("POST", "/tags", map[string]any{"name": "escalated TO billing"}).want(t, 200).decode(t, &again)
	if again.ID != created.ID {
		t.Fatalf("same name (any case) made a second tag: %+v", again)
	}
	var list models.DataTagList
	e.do("GET", "/tags", nil).want(t, 200).decode(t, &list)
	if len(list.Data) != len(w.Tags())+1 {
		t.Fatalf("%d tags listed", len(list.Data))
	}
	// A created tag can be applied like a seeded one.
	conv := w.ConversationID(0)
	me := string(w.Me().ID)
	e.do("POST", "/conversations/"+conv+"/tags", map[string]any{"id": string(created.ID), "admin_id": me}).want(t, 200)

	// A rename shows wherever the tag does, seeded conversations included.
	c := getConv(t, e, conv)
	seeded := c.Tags.Tags[0]
	e.do("POST", "/tags", map[string]any{"id": string(seeded.ID), "name": "Renamed"}).want(t, 200)
	if c := getConv(t, e, conv); c.Tags.Tags[0].Name != "Renamed" {
		t.Fatalf("conversation still shows %q", c.Tags.Tags[0].Name)
	}
	e.do("GET", "/tags", nil).want(t, 200).decode(t, &list)
	if !slices.ContainsFunc(list.Data, func(x models.Tag) bool { return x.ID == seeded.ID && x.Name == "Renamed" }) {
		t.Fatal("GET /tags misses the rename")
	}
	if r := e.doBad("POST", "/tags", map[string]any{"id": "1", "name": "x"}); r.status != 404 || r.errorCode(t) != "tag_not_found" {
		t.Fatalf("rename of an unknown tag: %d %s", r.status, r.body)
	}
	if r := e.doBad("POST", "/tags", map[string]any{"test": "invalid"}); r.status != 400 || r.errorCode(t) != "parameter_invalid" {
		t.Fatalf("no name: %d %s", r.status, r.body)
	}
}

func TestTagUsersAndCompanies(t *testing.T) {
	e := newEnv(t, Options{Seed: 8, Size: 30})
	w := e.ws.World()
	contact, company := string(w.Contact(5).ID), w.Company(2)
	var tag models.Tag
	e.do("POST", "/tags", map[string]any{"name": "Pilot", "users": []any{map[string]any{"id": contact}}}).want(t, 200).decode(t, &tag)
	var tags models.DataTagList
	e.do("GET", "/contacts/"+contact+"/tags", nil).want(t, 200).decode(t, &tags)
	if !slices.ContainsFunc(tags.Data, func(x models.Tag) bool { return x.ID == tag.ID }) {
		t.Fatal("tagged user does not list the tag")
	}
	has := func() bool {
		var c models.Company
		e.do("GET", "/companies/"+string(company.ID), nil).want(t, 200).decode(t, &c)
		return c.Tags != nil && slices.ContainsFunc(c.Tags.Tags, func(x models.Tag) bool { return x.ID == tag.ID })
	}
	e.do("POST", "/tags", map[string]any{"name": "Pilot", "companies": []any{map[string]any{"company_id": company.CompanyID}}}).want(t, 200)
	if !has() {
		t.Fatal("tagged company does not show the tag")
	}
	e.do("POST", "/tags", map[string]any{"name": "Pilot", "companies": []any{map[string]any{"id": string(company.ID), "untag": true}}}).want(t, 200)
	if has() {
		t.Fatal("untagged company still shows the tag")
	}
}
