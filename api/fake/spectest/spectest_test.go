package spectest

import "testing"

func TestLoadBothVersions(t *testing.T) {
	for _, v := range []string{"2.9", "2.10"} {
		doc := Load(t, v)
		if doc.Paths.Find("/conversations/{id}") == nil {
			t.Fatalf("%s: no /conversations/{id}", v)
		}
		if doc.Components.Schemas["custom_attributes"] == nil {
			t.Fatalf("%s: custom_attributes not patched in", v)
		}
	}
	if Load(t, "2.10").Paths.Find("/tickets/search") == nil {
		t.Fatal("2.10 has no /tickets/search")
	}
}
