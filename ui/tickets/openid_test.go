package tickets

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestOpenByID(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.forget()
	h.press("i")
	if !h.p.Capturing() || !strings.Contains(h.screen(), "Open ticket id:") {
		t.Fatalf("i shows no input:\n%s", h.screen())
	}
	h.press(billingTicket, "enter") // resolved: no row of the Open view
	if h.p.Capturing() || !h.p.detailFocused || h.p.detail.ID() != billingTicket {
		t.Fatalf("the detail shows %q", h.p.detail.ID())
	}
	if got := h.requests("GET", "/tickets/"); len(got) != 1 || got[0].path != "/tickets/"+billingTicket {
		t.Fatalf("requests %v", got)
	}
	if screen := h.screen(); !strings.Contains(screen, "VAT number missing on invoice") || !strings.Contains(screen, "#102 · id 1236") {
		t.Fatalf("detail:\n%s", screen)
	}
	h.press("esc")
	if h.p.detailFocused {
		t.Fatal("esc should return to the list")
	}
}

func TestOpenByUnknownIDSaysSo(t *testing.T) {
	h := newHarness(t, 80, 24)
	before := h.p.detail.ID()
	h.press("i", "99999", "enter")
	if !h.p.Capturing() || h.p.detail.ID() != before {
		t.Fatal("an unknown id should keep the input open and the detail as it was")
	}
	if screen := h.screen(); !strings.Contains(screen, "No ticket has id 99999") {
		t.Fatalf("no error shown:\n%s", screen)
	}
	h.press("backspace", "backspace", "backspace", "backspace", "backspace", bugTicket, "enter")
	if h.p.detail.ID() != bugTicket || h.p.Capturing() {
		t.Fatalf("after fixing the id the detail shows %q", h.p.detail.ID())
	}
}

func TestOpenByInboxNumber(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.forget()
	h.press("i", "100", "enter") // #100 is ticket 1200, listed in Open
	if h.p.detail.ID() != bugTicket {
		t.Fatalf("#100 opened %q (error %q)", h.p.detail.ID(), h.p.byID.err)
	}
	got := h.requests("GET", "/tickets/")
	if len(got) != 2 || got[0].path != "/tickets/100" || got[1].path != "/tickets/"+bugTicket {
		t.Fatalf("requests %v", got)
	}
}

func TestOpenByIDTakesDigitsOnly(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.press("i", "12a3/ ")
	if got := h.p.byID.input.Value(); got != "123" {
		t.Fatalf("typed %q", got)
	}
	h.press("backspace", "backspace", "backspace")
	h.send(tea.PasteMsg{Content: "#" + billingTicket + "\n"})
	if got := h.p.byID.input.Value(); got != billingTicket {
		t.Fatalf("pasted %q", got)
	}
	h.press("esc")
	if h.p.Capturing() || h.p.inputLine() {
		t.Fatal("esc should close the input")
	}
	h.press("i", "enter")
	if !h.p.Capturing() || h.p.byID.err == "" {
		t.Fatal("enter on nothing should say what is missing")
	}
}
