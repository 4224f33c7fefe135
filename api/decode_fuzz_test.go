package api

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/intercom-tui/intercom-tui/api/query"
	"github.com/intercom-tui/intercom-tui/clock"
	"github.com/intercom-tui/intercom-tui/models"
)

// The decoders meet whatever a server, a proxy or a broken connection hands back. The
// fuzz targets feed arbitrary status, content type and body through the client's own
// path (Client methods over an in-memory transport, and decode/statusError directly)
// and check: no panic; an error is typed by what went wrong (a non-2xx status is an
// *APIError, *PhoneRedirectError or *RateLimitError carrying that status); and an
// error's text is one safe line without the token, since it ends up in a toast.

// bodySeeds are realistic and hostile bodies, seeds for every target.
var bodySeeds = []string{
	`{"type":"conversation","id":"1","created_at":1700000000,"source":{"type":"conversation","id":"9","body":"<p>Hi</p>","author":{"type":"user","id":"5","name":"Jane"}},"conversation_parts":{"type":"conversation_part.list","conversation_parts":[{"type":"conversation_part","id":"2","part_type":"comment","body":"<p>x</p>","author":{"type":"admin","id":"7"}}],"total_count":1}}`,
	`{"type":"conversation.list","conversations":[{"type":"conversation","id":1}],"total_count":1,"pages":{"type":"pages","page":1,"per_page":20,"total_pages":2,"next":{"per_page":20,"starting_after":"WzE3MDAwMDAwMDAsMV0="}}}`,
	`{"type":"list","data":[{"type":"contact","id":"5","email":"a@b.co","name":null,"custom_attributes":{"plan":"pro","seats":3}}],"total_count":1,"pages":{"type":"pages","next":null}}`,
	`{"type":"list","data":[{"type":"company","id":"c1","name":"Acme"}],"pages":{"type":"pages","next":"https://api.intercom.io/contacts/5/companies?page=2"}}`,
	`{"type":"ticket_type.list","ticket_types":[{"type":"ticket_type","id":"1","name":"Bug","ticket_type_attributes":{"type":"list","data":[{"type":"ticket_type_attribute","id":"3","data_type":"string"}]}}]}`,
	`{"type":"article","id":"1","title":"T","body":"<p>b</p>","statistics":{"type":"article_statistics","conversations":3},"translated_content":{"type":"article_translated_content","fr":{"type":"article_content","title":"t"},"de":null}}`,
	`{"type":"admin","id":"7","email":"x@y.z","app":{"type":"app","id_code":"abc"},"avatar":{"type":"avatar","image_url":null}}`,
	`{"type":"phone_call_redirect","url":"https://intercom.help/x"}`,
	`{"type":"error.list","request_id":"r1","errors":[{"code":"not_found","message":"Resource Not Found"}]}`,
	`{"type":"error.list","errors":[{"code":"\u001b]52;c;aGk=\u0007x","message":"\u001b[2J\u202eevil","field":"\u0000"}]}`,
	`{"error_key":"invalid_phone_number","message":"Invalid phone number"}`,
	`{"type":"error.list","errors":[{"code":"unauthorized","message":"Bearer dG9rOmFiY2RlZjEyMzQ1Njc4OTA6OjE6c2VjcmV0LXRva2Vu= is revoked"}]}`,
	"<html><head><title>502 Bad Gateway \x1b[31m</title></head><body><script>alert(1)</script><h1>nginx</h1></body></html>",
	"Authorization: Bearer " + testToken + "\r\n",
	`{"type":"conversation","id":"1","conversation_parts":{"conversation_parts":[{"id":`,
	`{"type":"conversation","id":{"nested":true},"created_at":"soon"}`,
	`{"waiting_since":"1e400","snoozed_until":"NaN","admin_assignee_id":"-0x1p3"}`,
	`null`, `[]`, `""`, `{}`, ``, "\xff\xfe{", `{"pages":{"next":{"starting_after":""}},"data":null}`,
}

// fuzzTransport answers every request with the same response, without a network.
type fuzzTransport struct {
	status      int
	contentType string
	body        []byte
}

func (f fuzzTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		_, _ = io.Copy(io.Discard, r.Body)
		_ = r.Body.Close()
	}
	h := http.Header{}
	if f.contentType != "" {
		h.Set("Content-Type", f.contentType)
	}
	return &http.Response{
		StatusCode: f.status, Status: http.StatusText(f.status), Header: h,
		Body: io.NopCloser(bytes.NewReader(f.body)), ContentLength: int64(len(f.body)), Request: r,
	}, nil
}

// clientCalls is every Client method that reads a response body, each as one call.
var clientCalls = func() []func(context.Context, *Client) error {
	q := query.Field("created_at").Gt(int64(1700000000))
	tq := query.Field("created_at").Gte(int64(1700000000))
	e1 := func(_ any, err error) error { return err }
	all := func(seq func(func(any, error) bool)) error {
		for _, err := range seq {
			if err != nil {
				return err
			}
		}
		return nil
	}
	return []func(context.Context, *Client) error{
		func(ctx context.Context, c *Client) error { return e1(c.Me(ctx)) },
		func(ctx context.Context, c *Client) error { return e1(c.Admins(ctx)) },
		func(ctx context.Context, c *Client) error { return e1(c.Admin(ctx, "7")) },
		func(ctx context.Context, c *Client) error { return e1(c.Teams(ctx)) },
		func(ctx context.Context, c *Client) error { return e1(c.Team(ctx, "8")) },
		func(ctx context.Context, c *Client) error { return e1(c.Tags(ctx)) },
		func(ctx context.Context, c *Client) error { return e1(c.CreateTag(ctx, "vip")) },
		func(ctx context.Context, c *Client) error { return e1(c.Segments(ctx)) },
		func(ctx context.Context, c *Client) error { return e1(c.ListArticles(ctx, "")) },
		func(ctx context.Context, c *Client) error { return e1(c.Article(ctx, "1")) },
		func(ctx context.Context, c *Client) error { return e1(c.HelpCenters(ctx)) },
		func(ctx context.Context, c *Client) error { return e1(c.ListCollections(ctx, "")) },
		func(ctx context.Context, c *Client) error { return e1(c.ListSections(ctx, "")) },
		func(ctx context.Context, c *Client) error {
			return all(func(yield func(any, error) bool) {
				for a, err := range c.AllArticles(ctx) {
					if !yield(a, err) {
						return
					}
				}
			})
		},
		func(ctx context.Context, c *Client) error { return e1(c.ListContacts(ctx, 50, "")) },
		func(ctx context.Context, c *Client) error { return e1(c.SearchContacts(ctx, q, 50, "")) },
		func(ctx context.Context, c *Client) error { return e1(c.Contact(ctx, "5")) },
		func(ctx context.Context, c *Client) error { return e1(c.ContactCompanies(ctx, "5")) },
		func(ctx context.Context, c *Client) error { return e1(c.ContactTags(ctx, "5")) },
		func(ctx context.Context, c *Client) error { return e1(c.ContactSegments(ctx, "5")) },
		func(ctx context.Context, c *Client) error { return e1(c.ContactNotes(ctx, "5", "")) },
		func(ctx context.Context, c *Client) error { return e1(c.CreateNote(ctx, "5", "7", "<p>n</p>")) },
		func(ctx context.Context, c *Client) error { return e1(c.ListConversations(ctx, 20, "")) },
		func(ctx context.Context, c *Client) error {
			return all(func(yield func(any, error) bool) {
				for v, err := range c.AllConversations(ctx, 20) {
					if !yield(v, err) {
						return
					}
				}
			})
		},
		func(ctx context.Context, c *Client) error { return e1(c.SearchConversations(ctx, q, 20, "")) },
		func(ctx context.Context, c *Client) error { return e1(c.Conversation(ctx, "1")) },
		func(ctx context.Context, c *Client) error { return e1(c.MarkRead(ctx, "1")) },
		func(ctx context.Context, c *Client) error { return e1(c.Reply(ctx, "1", "7", "<p>r</p>")) },
		func(ctx context.Context, c *Client) error { return e1(c.Note(ctx, "1", "7", "<p>n</p>")) },
		func(ctx context.Context, c *Client) error { return e1(c.ReplyAsContact(ctx, "1", "5", "<p>c</p>")) },
		func(ctx context.Context, c *Client) error { return e1(c.Close(ctx, "1", "7", "")) },
		func(ctx context.Context, c *Client) error { return e1(c.Snooze(ctx, "1", "7", epoch.Add(time.Hour))) },
		func(ctx context.Context, c *Client) error { return e1(c.Open(ctx, "1", "7")) },
		func(ctx context.Context, c *Client) error { return e1(c.Assign(ctx, "1", "7", AssignTeam("8"), "")) },
		func(ctx context.Context, c *Client) error { return e1(c.AttachTag(ctx, "1", "3", "7")) },
		func(ctx context.Context, c *Client) error { return e1(c.DetachTag(ctx, "1", "3", "7")) },
		func(ctx context.Context, c *Client) error {
			return e1(c.PhoneRedirect(ctx, "+353871234567", map[string]any{"issue": "billing"}))
		},
		func(ctx context.Context, c *Client) error { return e1(c.TicketTypes(ctx)) },
		func(ctx context.Context, c *Client) error { return e1(c.Ticket(ctx, "11")) },
		func(ctx context.Context, c *Client) error { return e1(c.SetTicketState(ctx, "11", "in_progress")) },
		func(ctx context.Context, c *Client) error { return e1(c.AssignTicket(ctx, "11", "7", "8")) },
		func(ctx context.Context, c *Client) error { return e1(c.TicketNote(ctx, "11", "7", "<p>n</p>")) },
		func(ctx context.Context, c *Client) error { return e1(c.SearchTickets(ctx, tq, 20, "")) },
	}
}()

// fuzzStatus maps any number onto 200 (half the time) or an HTTP status 100–599.
func fuzzStatus(n uint16) int {
	if n%2 == 0 {
		return 200
	}
	return 100 + int(n/2)%500
}

// checkErrorText fails t unless msg is one line a toast can show: no controls (C0, DEL,
// C1), no bidi controls, valid UTF-8, no token.
func checkErrorText(t *testing.T, msg string) {
	t.Helper()
	if strings.Contains(msg, testToken) {
		t.Fatalf("token in error %q", msg)
	}
	if !utf8.ValidString(msg) {
		t.Fatalf("invalid UTF-8 in error %q", msg)
	}
	for _, r := range msg {
		if r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			t.Fatalf("control %U in error %q", r, msg)
		}
	}
}

// checkCallError checks err as returned for a response with status.
func checkCallError(t *testing.T, status int, err error) {
	t.Helper()
	if err == nil {
		if status >= 300 && status != http.StatusNotModified {
			// 1xx and 304 carry no body the client can judge; anything else must fail.
			t.Fatalf("status %d: no error", status)
		}
		return
	}
	checkErrorText(t, err.Error())
	switch {
	case status == http.StatusTooManyRequests:
		if !IsRateLimited(err) {
			t.Fatalf("429: error %T %v is not a rate-limit error", err, err)
		}
	case status >= 300:
		if statusOf(err) != status {
			t.Fatalf("status %d: error %T %v does not carry the status", status, err, err)
		}
	case status >= 200:
		if statusOf(err) != 0 {
			t.Fatalf("status %d: error %T %v claims a status", status, err, err)
		}
	}
}

// newFuzzClient is a client with a fake clock (rate-limit waits and backoff pass at
// once) over tr, or over no transport at all when tr is nil.
func newFuzzClient(tb testing.TB, tr http.RoundTripper) *Client {
	tb.Helper()
	opts := []Option{WithToken(testToken), WithClock(clock.NewFake(epoch)), WithMaxRetries(1), withRand(rand.New(rand.NewPCG(1, 2)))}
	if tr != nil {
		opts = append(opts, WithHTTPClient(&http.Client{Transport: tr}))
	}
	c, err := New(opts...)
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	return c
}

// FuzzClientResponses runs one Client method (picked by call) against a transport that
// answers with status, contentType and body.
func FuzzClientResponses(f *testing.F) {
	for i, b := range bodySeeds {
		f.Add(uint8(i*7), uint16(0), "application/json", []byte(b))
		f.Add(uint8(i*7+3), uint16(2*(404-100)+1), "text/html", []byte(b))
	}
	f.Fuzz(func(t *testing.T, call uint8, status uint16, contentType string, body []byte) {
		st := fuzzStatus(status)
		c := newFuzzClient(t, fuzzTransport{status: st, contentType: contentType, body: body})
		err := clientCalls[int(call)%len(clientCalls)](context.Background(), c)
		if st >= 100 && st < 200 || st == http.StatusNotModified || st == http.StatusNoContent {
			return // no body to judge: whatever the method makes of an empty answer
		}
		checkCallError(t, st, err)
	})
}

// decodeTargets are fresh values of every response model the client decodes.
func decodeTargets() []any {
	return []any{
		&models.Me{}, &models.AdminList{}, &models.Admin{}, &models.TeamList{}, &models.Team{},
		&models.DataTagList{}, &models.Tag{}, &models.SegmentList{}, &models.ArticleList{},
		&models.Article{}, &models.HelpCenterList{}, &models.CollectionList{}, &models.SectionList{},
		&models.ContactList{}, &models.Contact{}, &models.CompanyList{}, &models.NoteList{},
		&models.Note{}, &models.ConversationList{}, &models.Conversation{}, &models.PhoneSwitch{},
		&models.TicketTypeList{}, &models.Ticket{}, &models.TicketList{}, &models.TicketPart{},
	}
}

// FuzzDecodeBody decodes a 2xx body into every response model through Client.decode:
// it succeeds or fails with a *DecodeError whose text is safe.
func FuzzDecodeBody(f *testing.F) {
	for _, b := range bodySeeds {
		f.Add("application/json", []byte(b))
	}
	c := newFuzzClient(f, nil)
	r := getRequest("/conversations/1", nil)
	f.Fuzz(func(t *testing.T, contentType string, body []byte) {
		resp := &response{status: http.StatusOK, header: http.Header{"Content-Type": {contentType}}, body: body}
		for _, out := range decodeTargets() {
			err := c.decode(r, resp, out)
			if err == nil {
				continue
			}
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("%T: error %T %v is not a *DecodeError", out, err, err)
			}
			checkErrorText(t, err.Error())
			if utf8.RuneCountInString(de.Snippet) > maxSnippetRunes+1 {
				t.Fatalf("snippet of %d runes", utf8.RuneCountInString(de.Snippet))
			}
		}
	})
}

// FuzzStatusError turns an arbitrary non-2xx response into an error through
// statusError (parseErrorBody, errorBody): the status is kept, the fields are short
// and the text is safe.
func FuzzStatusError(f *testing.F) {
	for i, b := range bodySeeds {
		f.Add(uint16(i*37), "application/json", "req-"+string(rune('a'+i)), []byte(b))
	}
	f.Add(uint16(2), "text/html", "\x1b]0;t\x07"+testToken, []byte("<title>Bearer "+testToken+"</title>"))
	c := newFuzzClient(f, nil)
	r := request{method: http.MethodPost, path: "/conversations/1/reply"}
	f.Fuzz(func(t *testing.T, status uint16, contentType, requestID string, body []byte) {
		st := 300 + int(status)%300
		h := http.Header{"Content-Type": {contentType}, "X-Request-Id": {requestID}}
		err := c.statusError(r, &response{status: st, header: h, body: body})
		if statusOf(err) != st {
			t.Fatalf("error %T %v does not carry status %d", err, err, st)
		}
		checkErrorText(t, err.Error())
		var ae *APIError
		if errors.As(err, &ae) {
			for _, s := range []struct {
				what string
				v    string
				max  int
			}{{"request id", ae.RequestID, 80}, {"body", ae.Body, maxMessageRunes}} {
				if n := utf8.RuneCountInString(s.v); n > s.max+1 {
					t.Fatalf("%s of %d runes: %q", s.what, n, s.v)
				}
			}
			for _, it := range ae.Errors {
				if utf8.RuneCountInString(it.Message) > maxMessageRunes+1 || utf8.RuneCountInString(it.Code) > 81 {
					t.Fatalf("error item too long: %+v", it)
				}
			}
		}
	})
}

// Every call decodes a well-formed body and fails well on each kind of broken answer,
// so a failure of the fuzz targets is about the body, not the harness.
func TestClientCallsDecode(t *testing.T) {
	for i, call := range clientCalls {
		for _, st := range []int{200, 400, 401, 404, 429, 500, 502, 503} {
			for _, b := range bodySeeds {
				c := newFuzzClient(t, fuzzTransport{status: st, contentType: "application/json", body: []byte(b)})
				checkCallError(t, st, call(context.Background(), c))
			}
		}
		c := newFuzzClient(t, fuzzTransport{status: 200, contentType: "application/json", body: []byte(bodySeeds[0])})
		if err := call(context.Background(), c); err != nil && !IsNetwork(err) {
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Errorf("call %d on a conversation body: %v", i, err)
			}
		}
	}
}
