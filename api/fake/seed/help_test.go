package seed

import (
	"slices"
	"strings"
	"testing"

	"github.com/intercom-tui/intercom-tui/models"
)

func TestTicketTypes(t *testing.T) {
	w := New(6, 0, testNow)
	dataTypes := map[string]bool{}
	for _, tt := range w.TicketTypes() {
		if !reNumeric.MatchString(string(tt.ID)) || tt.Icon == "" || tt.Name == "" {
			t.Errorf("ticket type %+v", tt)
		}
		attrs := tt.Attributes()
		if len(attrs) < 4 || attrs[0].Name != "_default_title_" || attrs[1].Name != "_default_description_" {
			t.Fatalf("ticket type %s attributes start %v", tt.Name, attrs[:2])
		}
		if attrs[0].InputOptions["multiline"] != false || attrs[1].InputOptions["multiline"] != true {
			t.Errorf("ticket type %s default attributes input_options %v %v", tt.Name, attrs[0].InputOptions, attrs[1].InputOptions)
		}
		for _, a := range attrs {
			dataTypes[a.DataType] = true
			if itoa(a.TicketTypeID) != string(tt.ID) || !reNumeric.MatchString(string(a.ID)) {
				t.Errorf("attribute %s of %s: id %q ticket_type_id %d", a.Name, tt.Name, a.ID, a.TicketTypeID)
			}
			if a.DataType == models.DataList && len(listOptions(a)) < 2 {
				t.Errorf("list attribute %s has options %v", a.Name, a.InputOptions)
			}
		}
	}
	for _, dt := range []string{models.DataString, models.DataList, models.DataInteger, models.DataDecimal, models.DataBoolean, models.DataDatetime, models.DataFiles} {
		if !dataTypes[dt] {
			t.Errorf("no ticket type attribute of data_type %s", dt)
		}
	}
}

func listOptions(a models.TicketTypeAttribute) []string {
	opts, _ := a.InputOptions["list_options"].([]any)
	var labels []string
	for _, o := range opts {
		if m, ok := o.(map[string]any); ok {
			if l, ok := m["label"].(string); ok && m["id"] != "" {
				labels = append(labels, l)
			}
		}
	}
	return labels
}

func TestTickets(t *testing.T) {
	w := New(6, 0, testNow)
	states, partTypes := map[string]bool{}, map[string]bool{}
	for i := range w.NumTickets() {
		tk := w.Ticket(i)
		states[tk.TicketState] = true
		if !reNumeric.MatchString(string(tk.TicketID)) || tk.Title() == "" || tk.TicketStateInternalLabel == "" || tk.TicketStateExternalLabel == "" {
			t.Errorf("ticket %d: %+v", i, tk)
		}
		for _, id := range []models.ID{tk.AdminAssigneeID, tk.TeamAssigneeID} {
			if id != "0" && !reNumeric.MatchString(string(id)) {
				t.Errorf("ticket %d assignee id %q", i, id)
			}
		}
		for _, a := range tk.TicketType.Attributes() {
			v, ok := tk.TicketAttributes[a.Name]
			if !ok {
				t.Errorf("ticket %d has no value for %s", i, a.Name)
				continue
			}
			checkAttrValue(t, i, a, v)
		}
		parts := tk.Parts()
		if len(parts) == 0 || tk.TicketParts.TotalCount != len(parts) || parts[len(parts)-1].UpdatedAt != tk.UpdatedAt {
			t.Fatalf("ticket %d parts %d (total %d)", i, len(parts), tk.TicketParts.TotalCount)
		}
		state, lastAdmin := models.TicketSubmitted, models.ID("0")
		prev := tk.CreatedAt - 1
		for _, p := range parts {
			partTypes[p.PartType] = true
			if p.CreatedAt <= prev || p.CreatedAt > testNow.Unix() || !slices.Contains([]string{"admin", "bot", "team"}, p.Author.Type) {
				t.Errorf("ticket %d part %s at %d by %s", i, p.ID, p.CreatedAt, p.Author.Type)
			}
			prev = p.CreatedAt
			switch p.PartType {
			case "ticket_state_updated_by_admin":
				if p.PreviousTicketState != state {
					t.Errorf("ticket %d: state change from %s while in %s", i, p.PreviousTicketState, state)
				}
				state = p.TicketState
			case "assignment":
				if p.AssignedTo.Type == "admin" {
					lastAdmin = p.AssignedTo.ID
				}
			case "note":
				if p.Body == "" {
					t.Errorf("ticket %d: empty note", i)
				}
			}
		}
		if state != tk.TicketState || lastAdmin != tk.AdminAssigneeID {
			t.Errorf("ticket %d: timeline ends in %s/%s, ticket is %s/%s", i, state, lastAdmin, tk.TicketState, tk.AdminAssigneeID)
		}
	}
	for _, s := range ticketStates {
		if !states[s] {
			t.Errorf("no ticket in state %s", s)
		}
	}
	for _, p := range []string{"ticket_state_updated_by_admin", "ticket_attribute_updated_by_admin", "assignment", "note"} {
		if !partTypes[p] {
			t.Errorf("no ticket part of type %s", p)
		}
	}
}

func checkAttrValue(t *testing.T, ticket int, a models.TicketTypeAttribute, v any) {
	t.Helper()
	ok := false
	switch a.DataType {
	case models.DataString:
		_, ok = v.(string)
	case models.DataList:
		s, _ := v.(string)
		ok = slices.Contains(listOptions(a), s)
	case models.DataInteger:
		_, ok = v.(int)
	case models.DataDecimal:
		_, ok = v.(float64)
	case models.DataBoolean:
		_, ok = v.(bool)
	case models.DataDatetime:
		_, ok = v.(int64)
	case models.DataFiles:
		files := models.FileAttribute(v)
		ok = len(files) > 0 && files[0].URL != "" && files[0].ContentType != "" && files[0].Filesize > 0
	}
	if !ok {
		t.Errorf("ticket %d attribute %s (%s) has value %#v", ticket, a.Name, a.DataType, v)
	}
}

func TestHelpCenter(t *testing.T) {
	w := New(12, 0, testNow)
	hc := w.HelpCenters()[0]
	if !reNumeric.MatchString(string(hc.ID)) || hc.URL == "" || hc.DisplayName == "" {
		t.Errorf("help center %+v", hc)
	}
	colls := map[string]bool{}
	for _, c := range w.Collections() {
		colls[string(c.ID)] = true
		if !reNumeric.MatchString(string(c.ID)) || itoa(int64(c.HelpCenterID)) != string(hc.ID) || len(c.TranslatedContent.Content) < 2 || c.Order == 0 {
			t.Errorf("collection %+v", c)
		}
	}
	sections := map[string]string{}
	for _, s := range w.Sections() {
		sections[string(s.ID)] = string(s.ParentID)
		if !reNumeric.MatchString(string(s.ID)) || !colls[string(s.ParentID)] {
			t.Errorf("section %+v", s)
		}
	}
	seen := map[string]bool{}
	long := 0
	for i := range w.NumArticles() {
		a := w.Article(i)
		seen["state:"+a.State] = true
		body := string(a.Body)
		if len(body) >= 30_000 {
			long++
		}
		for _, tag := range []string{"<h1>", "<h2>", "<h3>", "<p>", "<ol>", "<ul>", "<table>", "<pre><code>", "<a href=", "<img "} {
			if strings.Contains(body, tag) {
				seen[tag] = true
			}
		}
		for loc := range a.TranslatedContent.Content {
			seen["locale:"+loc] = true
		}
		if a.TranslatedContent.Content["en"].Body != body || a.URL == "" || a.Statistics == nil || a.AuthorID == 0 {
			t.Errorf("article %d: %s", i, a.Title)
		}
		parent := itoa(int64(a.ParentID))
		switch a.ParentType {
		case "section":
			if sections[parent] == "" || len(a.ParentIDs) != 2 || itoa(a.ParentIDs[0]) != sections[parent] {
				t.Errorf("article %d: section parent %s, parent_ids %v", i, parent, a.ParentIDs)
			}
		case "collection":
			if !colls[parent] || len(a.ParentIDs) != 1 {
				t.Errorf("article %d: collection parent %s", i, parent)
			}
		default:
			t.Errorf("article %d: parent_type %q", i, a.ParentType)
		}
		s := a.Statistics
		if a.State == "published" && (s.Views == 0 || s.HappyReactionPercentage+s.NeutralReactionPercentage+s.SadReactionPercentage != 100) {
			t.Errorf("article %d statistics %+v", i, s)
		}
	}
	for _, want := range []string{"state:published", "state:draft", "locale:en", "locale:fr", "locale:de", "locale:ja",
		"<h1>", "<h2>", "<h3>", "<p>", "<ol>", "<ul>", "<table>", "<pre><code>", "<a href=", "<img "} {
		if !seen[want] {
			t.Errorf("no article with %s", want)
		}
	}
	if long < 2 {
		t.Errorf("%d articles of 30 KB or more, want a few", long)
	}
}
