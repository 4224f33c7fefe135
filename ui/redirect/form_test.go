package redirect

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/phone"
	"github.com/intercom-tui/intercom-tui/ui/shared"
)

func TestTypingShowsTheNumberAsItWillBeSent(t *testing.T) {
	e := newEnv(t, nil, Options{})
	e.shows("A number without + is read as dialled in IE")
	e.typeText("083 234 5678")
	e.shows("083 234 5678", "+353 83 234 5678 · Ireland · mobile")
	if e.m.read.E164 != "+353832345678" {
		t.Fatalf("read as %q", e.m.read.E164)
	}
}

// Every reason the phone package gives shows beside the field: muted while typing, as an
// error after a submit; nothing reaches the server.
func TestRefusedNumbersStayLocal(t *testing.T) {
	for _, in := range []string{"12345", "", "call me", "+353 1 234 5678", "083 234 5678 ext 12"} {
		t.Run(in, func(t *testing.T) {
			e := newEnv(t, nil, Options{})
			e.typeText(in)
			_, perr := phone.Parse(in, "IE")
			if perr == nil {
				t.Fatalf("%q is a valid number", in)
			}
			reason := perr.(*phone.Error).Reason
			e.press("ctrl+s")
			if e.m.Step() != Edit || !e.m.tried {
				t.Fatalf("step %v after submitting %q", e.m.Step(), in)
			}
			e.shows(reason)
			e.press("enter") // enter on the last field submits too
			if e.m.Step() != Edit {
				t.Fatalf("enter moved on to %v", e.m.Step())
			}
			if n := e.ws.Requests(); n != 0 {
				t.Fatalf("%d requests reached the fake", n)
			}
		})
	}
}

func TestAttributeRows(t *testing.T) {
	e := newEnv(t, nil, Options{Phone: "+353832345678"})
	e.shows("none: ctrl+n adds one")
	e.press("ctrl+n")
	if e.m.focus != 1 || len(e.m.attrs) != 1 {
		t.Fatalf("after ctrl+n: focus %d, %d rows", e.m.focus, len(e.m.attrs))
	}
	e.typeText("seats")
	e.press("ctrl+t") // text → number
	e.press("tab")
	e.typeText("3x")
	e.shows("‹number›", "Not a number")
	e.press("backspace")
	e.hides("Not a number")

	e.press("ctrl+n")
	e.typeText("vip")
	e.press("ctrl+t", "ctrl+t") // → boolean
	e.press("tab")
	e.typeText("maybe")
	e.shows("‹boolean›", "Type true or false")
	e.press("ctrl+u")
	e.typeText("yes")
	e.hides("Type true or false")

	e.press("ctrl+n")
	e.typeText("seats") // twice
	e.press("tab")
	e.typeText("x")
	e.shows("“seats” is already set above")
	e.press("ctrl+x")
	if len(e.m.attrs) != 2 || e.m.focus != 3 {
		t.Fatalf("after ctrl+x: %d rows, focus %d", len(e.m.attrs), e.m.focus)
	}
	e.hides("already set above")

	e.press("ctrl+n", "tab")
	e.typeText("no name")
	e.press("ctrl+s")
	e.shows("Name this attribute")
	if e.m.Step() != Edit || e.m.focus != 5 {
		t.Fatalf("a nameless value was accepted: step %v focus %d", e.m.Step(), e.m.focus)
	}
	e.press("tab", "ctrl+u")
	e.press("ctrl+n") // a blank row is skipped, not refused
	e.press("ctrl+s")
	if e.m.Step() != Confirm {
		t.Fatalf("step %v:\n%s", e.m.Step(), e.screen())
	}
	want := map[string]any{"seats": json.Number("3"), "vip": true}
	if !reflect.DeepEqual(e.m.sending.attrs, want) {
		t.Fatalf("attrs %#v", e.m.sending.attrs)
	}
}

func TestTabCyclesTheFields(t *testing.T) {
	e := newEnv(t, nil, Options{})
	e.press("ctrl+n")
	for _, want := range []int{2, 0, 1} {
		e.press("tab")
		if e.m.focus != want {
			t.Fatalf("focus %d, want %d", e.m.focus, want)
		}
	}
	e.press("shift+tab")
	if e.m.focus != 0 || !e.m.phone.Focused() {
		t.Fatalf("shift+tab: focus %d", e.m.focus)
	}
}

// The confirmation shows the request exactly as the client sends it, and esc goes back
// with everything kept.
func TestConfirmShowsExactlyWhatIsSent(t *testing.T) {
	e := newEnv(t, nil, Options{})
	e.typeText("083 234 5678")
	e.press("ctrl+n")
	e.typeText("issue_type")
	e.press("tab")
	e.typeText("Billing & <refunds>")
	e.press("ctrl+n")
	e.typeText("seats")
	e.press("ctrl+t", "tab")
	e.typeText("-2.5e3")
	e.press("ctrl+s")
	want := `{
  "phone": "+353832345678",
  "custom_attributes": {
    "issue_type": "Billing & <refunds>",
    "seats": -2.5e3
  }
}`
	if got := e.m.sending.body(); got != want {
		t.Fatalf("body:\n%s\nwant:\n%s", got, want)
	}
	e.shows("POST /phone_call_redirects", "To +353 83 234 5678 · Ireland · mobile", `"seats": -2.5e3`)

	e.press("esc")
	if e.m.Step() != Edit || e.m.Phone() != "083 234 5678" || len(e.m.attrs) != 2 || e.m.attrs[1].value.Value() != "-2.5e3" {
		t.Fatalf("esc lost something: step %v phone %q", e.m.Step(), e.m.Phone())
	}
	e.press("ctrl+s", "y")
	sent := e.redirects()
	if len(sent) != 1 {
		t.Fatalf("%d requests", len(sent))
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, []byte(want)); err != nil {
		t.Fatal(err)
	}
	if got := bytes.TrimSpace(sent[0].body); !bytes.Equal(got, compact.Bytes()) {
		t.Fatalf("on the wire %s, shown %s", got, compact.Bytes())
	}
}

func TestOfflineRefusesTheSend(t *testing.T) {
	e := newEnv(t, nil, Options{Phone: "+353832345678"})
	e.ctx.Offline = true
	e.press("ctrl+s", "enter")
	if e.m.Step() != Confirm || e.ws.Requests() != 0 {
		t.Fatalf("step %v, %d requests", e.m.Step(), e.ws.Requests())
	}
	e.shows("You're offline")
	e.ctx.Offline = false
	e.press("enter")
	if e.m.Step() != Result || e.ws.PhoneRedirects() != 1 {
		t.Fatalf("after reconnecting: step %v, %d redirects", e.m.Step(), e.ws.PhoneRedirects())
	}
}

func TestStaleAnswersAreDropped(t *testing.T) {
	e := newEnv(t, nil, Options{Phone: "+353832345678"})
	e.press("ctrl+s")
	before := e.m
	e.update(SentMsg{Form: 7, Loaded: shared.Loaded[*models.PhoneSwitch]{Req: 1}}) // nothing was sent yet
	e.update(LogMsg{Form: 7, Req: 1})
	if e.m.Step() != Confirm || !reflect.DeepEqual(e.m.sending, before.sending) {
		t.Fatalf("a stray answer changed the form: step %v", e.m.Step())
	}
	// Sending: another form's answer and an old attempt's are ignored.
	e.m.step, e.m.sendReq = Sending, 5
	e.update(SentMsg{Form: 8, Loaded: shared.Loaded[*models.PhoneSwitch]{Req: 5}})
	e.update(SentMsg{Form: 7, Loaded: shared.Loaded[*models.PhoneSwitch]{Req: 4}})
	if e.m.Step() != Sending {
		t.Fatalf("step %v", e.m.Step())
	}
	e.update(SentMsg{Form: 7, Loaded: shared.Loaded[*models.PhoneSwitch]{Req: 5, Value: &models.PhoneSwitch{URL: "http://x"}}})
	if e.m.Step() != Result {
		t.Fatalf("the awaited answer was dropped: step %v", e.m.Step())
	}
}

// The focused contact's phone fills the form when the lookup answers, unless the agent
// has typed a number by then.
func TestLookupFillsThePhoneUnlessTyped(t *testing.T) {
	e := newEnv(t, nil, Options{})
	var id, want string
	for i := range e.ws.World().NumContacts() {
		if c := e.ws.World().Contact(i); c.Phone != "" {
			id, want = string(c.ID), string(c.Phone)
			break
		}
	}
	cmd := Open(e.ctx, Options{ID: 9, ContactID: id})
	e.run(cmd)
	if e.m.Phone() != want || e.m.lookupReq != 0 {
		t.Fatalf("phone %q after the lookup, want %q (%s)", e.m.Phone(), want, e.m.note)
	}

	e2 := newEnv(t, nil, Options{ContactID: "any"})
	e2.typeText("0832345678")
	e2.update(PhoneMsg{Form: 7, Loaded: shared.Loaded[string]{Req: e2.m.lookupReq, Value: want}})
	if e2.m.Phone() != "0832345678" {
		t.Fatalf("the lookup overwrote what was typed: %q", e2.m.Phone())
	}
}

func TestSuccessShowsTheLinkAndCopiesIt(t *testing.T) {
	e := newEnv(t, nil, Options{Phone: "+353 83 234 5678"})
	e.press("ctrl+s", "enter")
	if e.m.Step() != Result {
		t.Fatalf("step %v:\n%s", e.m.Step(), e.screen())
	}
	url := e.m.sent.URL
	e.shows("SMS sent to +353 83 234 5678", "Messenger link", url)
	e.press("y")
	if e.clip != url || e.toasts[len(e.toasts)-1] != "Messenger link copied" {
		t.Fatalf("clipboard %q, toasts %q", e.clip, e.toasts)
	}
	e.press("esc")
	if !e.popped {
		t.Fatal("esc did not close the form")
	}
	if got := e.ws.SMSSent(); len(got) != 1 || got[0] != "+353832345678" {
		t.Fatalf("SMS sent to %v", got)
	}
}
