package fake

import (
	"net/http"
	"strings"
	"testing"

	"github.com/intercom-tui/intercom-tui/models"
)

// fixture names seeded items the route tests address.
type fixture struct {
	me, admin2, team, tag, conv, conv2, contact, email, externalID                       string
	company, segment, note, ticket, ticketType, article, collection, section, helpCenter string
}

func fixtures(e *env) fixture {
	w := e.ws.World()
	f := fixture{
		me: string(w.Me().ID), admin2: string(w.Admins()[1].ID), team: string(w.Teams()[0].ID),
		tag: string(w.Tags()[0].ID), conv: w.ConversationID(0), conv2: w.ConversationID(1),
		ticket: string(w.Ticket(0).ID), ticketType: string(w.TicketTypes()[0].ID),
		article: string(w.Article(0).ID), collection: string(w.Collections()[0].ID),
		section: string(w.Sections()[0].ID), helpCenter: string(w.HelpCenters()[0].ID),
		company: string(w.Company(0).ID), segment: string(w.Segments()[0].ID),
	}
	for i := range w.NumContacts() {
		c := w.Contact(i)
		if c.Role == "user" && c.Email != "" && c.ExternalID != "" && len(w.ContactNotes(i)) > 0 {
			f.contact, f.email, f.externalID = string(c.ID), c.Email, string(c.ExternalID)
			f.note = string(w.ContactNotes(i)[0].ID)
			break
		}
	}
	return f
}

type routeCase struct {
	method, path string
	body         any
	status       int
}

// TestEveryRouteAgainstSpec sends a request the spec allows to every route and checks
// request and answer with kin-openapi; then it checks that no route was left out.
func TestEveryRouteAgainstSpec(t *testing.T) {
	e := newEnv(t, Options{Seed: 7})
	f := fixtures(e)
	future := epoch.Unix() + 3600
	search := map[string]any{
		"query":      map[string]any{"operator": "AND", "value": []any{map[string]any{"field": "created_at", "operator": ">", "value": "1306054154"}}},
		"pagination": map[string]any{"per_page": 5},
	}
	cases := []routeCase{
		{"GET", "/me", nil, 200},
		{"GET", "/admins", nil, 200},
		{"GET", "/admins/" + f.admin2, nil, 200},
		{"GET", "/teams", nil, 200},
		{"GET", "/teams/" + f.team, nil, 200},
		{"GET", "/tags", nil, 200},
		{"POST", "/tags", map[string]any{"name": "Escalated"}, 200},
		{"POST", "/tags", map[string]any{"name": "Renamed", "id": f.tag}, 200},
		{"POST", "/tags", map[string]any{"name": "VIP", "users": []any{map[string]any{"id": f.contact}}}, 200},
		{"POST", "/tags", map[string]any{"name": "VIP", "companies": []any{map[string]any{"id": f.company}}}, 200},
		{"POST", "/tags", map[string]any{"name": "VIP", "companies": []any{map[string]any{"id": f.company, "untag": true}}}, 200},
		{"GET", "/segments", nil, 200},
		{"GET", "/segments?include_count=true", nil, 200},

		{"GET", "/conversations", nil, 200},
		{"GET", "/conversations?per_page=150", nil, 200},
		{"POST", "/conversations/search", search, 200},
		{"GET", "/conversations/" + f.conv, nil, 200},
		{"GET", "/conversations/" + f.conv + "?display_as=plaintext", nil, 200},
		{"PUT", "/conversations/" + f.conv, map[string]any{"read": true, "custom_attributes": map[string]any{"issue": "billing"}}, 200},
		{"POST", "/conversations/" + f.conv + "/reply", map[string]any{"message_type": "comment", "type": "admin", "admin_id": f.me, "body": "<p>On it!</p>"}, 200},
		{"POST", "/conversations/" + f.conv + "/reply", map[string]any{"message_type": "note", "type": "admin", "admin_id": f.me, "body": "<p>Internal</p>",
			"attachment_urls": []string{"https://example.com/a.png"}}, 200},
		{"POST", "/conversations/" + f.conv + "/reply", map[string]any{"message_type": "comment", "type": "user", "intercom_user_id": f.contact, "body": "thanks"}, 200},
		{"POST", "/conversations/" + f.conv + "/reply", map[string]any{"message_type": "comment", "type": "user", "email": f.email, "body": "again"}, 200},
		{"POST", "/conversations/" + f.conv + "/reply", map[string]any{"message_type": "comment", "type": "user", "user_id": f.externalID, "body": "and again"}, 200},
		{"POST", "/conversations/last/reply", map[string]any{"message_type": "comment", "type": "user", "intercom_user_id": f.contact, "body": "latest"}, 200},
		{"POST", "/conversations/" + f.conv + "/parts", map[string]any{"message_type": "close", "type": "admin", "admin_id": f.me, "body": "Closing"}, 200},
		{"POST", "/conversations/" + f.conv + "/parts", map[string]any{"message_type": "open", "admin_id": f.me}, 200},
		{"POST", "/conversations/" + f.conv + "/parts", map[string]any{"message_type": "snoozed", "admin_id": f.me, "snoozed_until": future}, 200},
		{"POST", "/conversations/" + f.conv + "/parts", map[string]any{"message_type": "assignment", "type": "admin", "admin_id": f.me, "assignee_id": f.admin2}, 200},
		{"POST", "/conversations/" + f.conv + "/parts", map[string]any{"message_type": "assignment", "type": "team", "admin_id": f.me, "assignee_id": f.team, "body": "over to you"}, 200},
		{"POST", "/conversations/" + f.conv + "/parts", map[string]any{"message_type": "assignment", "type": "admin", "admin_id": f.me, "assignee_id": "0"}, 200},
		{"POST", "/conversations/" + f.conv + "/tags", map[string]any{"id": f.tag, "admin_id": f.me}, 200},
		{"DELETE", "/conversations/" + f.conv + "/tags/" + f.tag, map[string]any{"admin_id": f.me}, 200},

		{"GET", "/contacts", nil, 200},
		{"POST", "/contacts/search", map[string]any{"query": map[string]any{"field": "role", "operator": "=", "value": "user"}}, 200},
		{"GET", "/contacts/" + f.contact, nil, 200},
		{"GET", "/contacts/" + f.contact + "/companies", nil, 200},
		{"GET", "/contacts/" + f.contact + "/segments", nil, 200},
		{"GET", "/contacts/" + f.contact + "/tags", nil, 200},
		{"POST", "/contacts/" + f.contact + "/tags", map[string]any{"id": f.tag}, 200},
		{"DELETE", "/contacts/" + f.contact + "/tags/" + f.tag, nil, 200},
		{"GET", "/contacts/" + f.contact + "/notes", nil, 200},
		{"POST", "/contacts/" + f.contact + "/notes", map[string]any{"body": "<p>Called them</p>", "admin_id": f.admin2}, 200},
		{"GET", "/notes/" + f.note, nil, 200},
		{"GET", "/companies/" + f.company, nil, 200},

		{"GET", "/tickets/" + f.ticket, nil, 200},
		{"PUT", "/tickets/" + f.ticket, map[string]any{"state": "in_progress"}, 200},
		{"PUT", "/tickets/" + f.ticket, map[string]any{"assignment": map[string]any{"admin_id": f.me, "assignee_id": f.admin2}, "is_shared": true}, 200},
		{"PUT", "/tickets/" + f.ticket, map[string]any{"ticket_attributes": map[string]any{"_default_title_": "Renamed"}, "state": "resolved"}, 200},
		{"POST", "/tickets/" + f.ticket + "/reply", map[string]any{"message_type": "note", "admin_id": f.me, "body": "<p>Escalated</p>"}, 200},
		{"POST", "/tickets/search", search, 200},
		{"GET", "/ticket_types", nil, 200},
		{"GET", "/ticket_types/" + f.ticketType, nil, 200},

		{"GET", "/articles", nil, 200},
		{"GET", "/articles/" + f.article, nil, 200},
		{"GET", "/help_center/collections", nil, 200},
		{"GET", "/help_center/collections/" + f.collection, nil, 200},
		{"GET", "/help_center/sections", nil, 200},
		{"GET", "/help_center/sections/" + f.section, nil, 200},
		{"GET", "/help_center/help_centers", nil, 200},
		{"GET", "/help_center/help_centers/" + f.helpCenter, nil, 200},

		{"POST", "/phone_call_redirects", map[string]any{"phone": "+353832345678", "custom_attributes": map[string]any{"issue_type": "Billing"}}, 200},
		{"POST", "/phone_call_redirects", map[string]any{"phone": "+1 1234567890"}, 400},
		{"POST", "/phone_call_redirects", map[string]any{"phone": PhoneSMSFailed}, 400},
		{"POST", "/phone_call_redirects", map[string]any{"phone": PhoneUnprocessable}, 422},
	}
	cases = append(cases, notFoundCases(f)...)
	for _, c := range cases {
		t.Run(c.method+" "+c.path, func(t *testing.T) {
			e.t = t
			e.do(c.method, c.path, c.body).want(t, c.status)
		})
	}
	e.t = t
	for _, p := range e.ws.Routes() {
		if p == "/" {
			continue
		}
		method, path, _ := strings.Cut(p, " ")
		if e.ws.Count(method, path) == 0 {
			t.Errorf("route %s has no test", p)
		}
	}
}

// notFoundCases address unknown ids on every route that takes one.
func notFoundCases(f fixture) []routeCase {
	admin := map[string]any{"admin_id": f.me}
	return []routeCase{
		{"GET", "/admins/1", nil, 404},
		{"POST", "/tags", map[string]any{"name": "x", "users": []any{map[string]any{"id": "1"}}}, 404},
		{"POST", "/tags", map[string]any{"name": "x", "companies": []any{map[string]any{"company_id": "nope"}}}, 404},
		{"GET", "/teams/1", nil, 404},
		{"GET", "/conversations/1", nil, 404},
		{"PUT", "/conversations/1", map[string]any{"read": true}, 404},
		{"POST", "/conversations/1/reply", map[string]any{"message_type": "note", "type": "admin", "admin_id": f.me, "body": "x"}, 404},
		{"POST", "/conversations/1/parts", map[string]any{"message_type": "open", "admin_id": f.me}, 404},
		{"POST", "/conversations/1/tags", map[string]any{"id": f.tag, "admin_id": f.me}, 404},
		{"POST", "/conversations/" + f.conv + "/tags", map[string]any{"id": "1", "admin_id": f.me}, 404},
		{"DELETE", "/conversations/" + f.conv + "/tags/1", admin, 404},
		{"GET", "/contacts/000000000000000000000000", nil, 404},
		{"GET", "/contacts/000000000000000000000000/companies", nil, 404},
		{"GET", "/contacts/000000000000000000000000/segments", nil, 404},
		{"GET", "/contacts/000000000000000000000000/tags", nil, 404},
		{"POST", "/contacts/000000000000000000000000/tags", map[string]any{"id": f.tag}, 404},
		{"DELETE", "/contacts/" + f.contact + "/tags/1", nil, 404},
		{"GET", "/contacts/000000000000000000000000/notes", nil, 404},
		{"POST", "/contacts/000000000000000000000000/notes", map[string]any{"body": "x"}, 404},
		{"GET", "/notes/1", nil, 404},
		{"GET", "/companies/000000000000000000000000", nil, 404},
		{"GET", "/tickets/1", nil, 404},
		{"PUT", "/tickets/1", map[string]any{"state": "resolved"}, 404},
		{"POST", "/tickets/1/reply", map[string]any{"admin_id": f.me, "body": "x"}, 404},
		{"GET", "/ticket_types/1", nil, 404},
		{"GET", "/articles/1", nil, 404},
		{"GET", "/help_center/collections/1", nil, 404},
		{"GET", "/help_center/sections/1", nil, 404},
		{"GET", "/help_center/help_centers/1", nil, 404},
	}
}

// TestNotFoundCodes checks the code and message of each 404 against the spec's examples.
func TestNotFoundCodes(t *testing.T) {
	e := newEnv(t, Options{Seed: 7})
	f := fixtures(e)
	for _, c := range []struct {
		method, path string
		body         any
		code         string
	}{
		{"GET", "/admins/1", nil, "admin_not_found"},
		{"GET", "/teams/1", nil, "team_not_found"},
		{"GET", "/conversations/1", nil, "not_found"},
		{"POST", "/conversations/" + f.conv + "/tags", map[string]any{"id": "1", "admin_id": f.me}, "tag_not_found"},
		{"GET", "/companies/000000000000000000000000", nil, "company_not_found"},
		{"GET", "/contacts/000000000000000000000000", nil, "not_found"},
		{"POST", "/conversations/" + f.conv + "/reply", map[string]any{"message_type": "note", "type": "admin", "admin_id": "1", "body": "x"}, "admin_not_found"},
		{"PUT", "/tickets/" + f.ticket, map[string]any{"assignment": map[string]any{"admin_id": f.me, "assignee_id": "1"}}, "assignee_not_found"},
		{"POST", "/conversations/" + f.conv + "/parts", map[string]any{"message_type": "assignment", "type": "team", "admin_id": f.me, "assignee_id": "1"}, "assignee_not_found"},
	} {
		r := e.do(c.method, c.path, c.body).want(t, http.StatusNotFound)
		if got := r.errorCode(t); got != c.code {
			t.Errorf("%s %s: code %q, want %q", c.method, c.path, got, c.code)
		}
	}
}

// TestUnauthorized: every route answers 401 error.list "Access Token Invalid" to a
// missing or wrong token, before anything else (even an unknown version).
func TestUnauthorized(t *testing.T) {
	e := newEnv(t, Options{Seed: 7})
	for _, auth := range []string{"", "Bearer wrong", "Basic " + e.ws.Token(), e.ws.Token()} {
		for _, p := range e.ws.Routes() {
			method, path, ok := strings.Cut(p, " ")
			if !ok {
				method, path = "GET", "/nowhere"
			}
			path = strings.NewReplacer("{id}", "1", "{conversation_id}", "1", "{contact_id}", "1").Replace(path)
			req, data := e.request(method, path, map[string]any{})
			if auth == "" {
				req.Header.Del("Authorization")
			} else {
				req.Header.Set("Authorization", auth)
			}
			req.Header.Set("Intercom-Version", "9.9")
			r := e.send(req, data, false).want(t, http.StatusUnauthorized)
			var body models.ErrorList
			r.decode(t, &body)
			if body.Errors[0].Code != "unauthorized" || body.Errors[0].Message != "Access Token Invalid" || body.RequestID == "" {
				t.Errorf("%s %s with %q: %s", method, path, auth, r.body)
			}
			if r.header.Get("X-RateLimit-Limit") != "" {
				t.Errorf("rate-limit headers on an unauthenticated answer")
			}
		}
	}
	// And the 401 of an operation that declares it validates against the spec.
	req, data := e.request("GET", "/me", nil)
	req.Header.Set("Authorization", "Bearer nope")
	e.send(req, data, true).want(t, http.StatusUnauthorized)
}
