package draftsave

import "testing"

func TestEditCopiesOnWrite(t *testing.T) {
	type state struct{ text string }
	var none map[string]*state
	m, st := Edit(none, "a")
	st.text = "x"
	if none != nil || m["a"].text != "x" {
		t.Fatalf("from nil: %v", m)
	}
	m2, st2 := Edit(m, "a")
	st2.text = "y"
	if m["a"].text != "x" || m2["a"].text != "y" {
		t.Errorf("the old map changed: %q %q", m["a"].text, m2["a"].text)
	}
}
