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

func TestNullableRefsRewritten(t *testing.T) {
	in := "      properties:\n        assigned_to:\n          \"$ref\": \"#/components/schemas/reference\"\n          nullable: true\n        author:\n          \"$ref\": \"#/components/schemas/author\"\n"
	want := "      properties:\n        assigned_to:\n          allOf:\n          - \"$ref\": \"#/components/schemas/reference\"\n          nullable: true\n        author:\n          \"$ref\": \"#/components/schemas/author\"\n"
	if got := string(nullableRefs([]byte(in))); got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
	part := Load(t, "2.9").Components.Schemas["conversation_part"].Value
	if !part.Properties["assigned_to"].Value.Nullable {
		t.Fatal("conversation_part.assigned_to should be nullable after loading")
	}
}
