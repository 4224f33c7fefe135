package replies

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var ana = Values{CustomerName: "Ana María Silva", CustomerEmail: "ana@example.com", AdminName: "Jane Doe"}

func TestFillFillsEveryPlaceholder(t *testing.T) {
	body := "Hi {{first_name}} ({{ last_name }}, {{name}}),\nwe wrote to {{ email }}.\n— {{admin_first_name}} / {{admin_name}} {{FIRST_NAME}}"
	got, holes := Fill(body, ana)
	want := "Hi Ana (María Silva, Ana María Silva),\nwe wrote to ana@example.com.\n— Jane / Jane Doe Ana"
	if got != want || len(holes) != 0 {
		t.Fatalf("Fill = %q %v, want %q", got, holes, want)
	}
}

func TestFillLeavesAMissingValueVisibleAndSaysWhy(t *testing.T) {
	got, holes := Fill("Hi {{ first_name }}, {{email}} {{first_name}} {{colour}} — {{admin_name}}", Values{CustomerEmail: "x@example.com"})
	if want := "Hi {{first_name}}, x@example.com {{first_name}} {{colour}} — {{admin_name}}"; got != want {
		t.Fatalf("text %q, want %q", got, want)
	}
	want := []Hole{
		{Placeholder: "{{first_name}}", Why: "this customer has no name"},
		{Placeholder: "{{colour}}", Why: "unknown placeholder (a typo in the saved reply?)", Unknown: true},
		{Placeholder: "{{admin_name}}", Why: "your teammate profile has no name (or has not loaded yet)"},
	}
	if !reflect.DeepEqual(holes, want) {
		t.Fatalf("holes %#v", holes)
	}
	msg := Message(holes[:1])
	if msg != "{{first_name}}: this customer has no name — replace it before sending" {
		t.Fatalf("message %q", msg)
	}
	if m := Message(holes); !strings.Contains(m, "{{colour}}: unknown placeholder") || !strings.HasSuffix(m, "replace them before sending") {
		t.Fatalf("message %q", m)
	}
}

func TestOneWordNameHasNoLastName(t *testing.T) {
	got, holes := Fill("{{first_name}} {{last_name}}", Values{CustomerName: "Cher"})
	if got != "Cher {{last_name}}" || len(holes) != 1 || !strings.Contains(holes[0].Why, "no last name") {
		t.Fatalf("%q %v", got, holes)
	}
}

func TestValuesAreSanitizedAndNotExpandedAgain(t *testing.T) {
	got, holes := Fill("Hi {{name}}", Values{CustomerName: "Eve\x1b[2J\u202e {{email}}\n"})
	if got != "Hi Eve {{email}}" || len(holes) != 0 {
		t.Fatalf("%q %v", got, holes)
	}
	// The value put a placeholder in the text: sending it is refused all the same.
	if f := Find(got, Values{}); len(f) != 1 || f[0].Placeholder != "{{email}}" {
		t.Fatalf("Find %v", f)
	}
}

func TestFindListsEveryPlaceholderLeft(t *testing.T) {
	if f := Find("no holes {here} {{ }} {{1x}}", ana); len(f) != 0 {
		t.Fatalf("Find %v", f)
	}
	f := Find("Hi {{first_name}} and {{ email }}", ana)
	if len(f) != 2 || f[0].Placeholder != "{{first_name}}" || f[1].Placeholder != "{{ email }}" || !strings.Contains(f[0].Why, "placeholder") {
		t.Fatalf("Find %v", f)
	}
}

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestLoadMergesConfigAndFolderSorted(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "refund.md", "# Refund on its way\n\nHi {{first_name}},\r\nyour refund is on its way.\n\n")
	write(t, dir, "thanks.md", "Thanks \x1b]0;pwn\afor waiting!\n")
	write(t, dir, "notes.txt", "not a reply")
	write(t, dir, ".draft.md", "an editor's file")
	if err := os.Mkdir(filepath.Join(dir, "sub.md"), 0o700); err != nil {
		t.Fatal(err)
	}
	got, err := Load([]Reply{{Name: " Billing address ", Body: "Please send your billing address.\n"}}, dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []Reply{
		{Name: "Billing address", Body: "Please send your billing address.", From: "config"},
		{Name: "Refund on its way", Body: "Hi {{first_name}},\nyour refund is on its way.", From: filepath.Join(dir, "refund.md")},
		{Name: "thanks", Body: "Thanks for waiting!", From: filepath.Join(dir, "thanks.md")},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Load =\n%#v\nwant\n%#v", got, want)
	}
	if p := got[1].Preview(); p != "Hi {{first_name}}," {
		t.Fatalf("preview %q", p)
	}
}

func TestLoadErrorsNameTheFolderOrFile(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "nope")
	if _, err := Load(nil, missing); err == nil || !strings.Contains(err.Error(), "replies_dir "+missing+" does not exist") {
		t.Fatalf("missing folder: %v", err)
	}
	write(t, dir, "file", "x")
	if _, err := Load(nil, filepath.Join(dir, "file")); err == nil || !strings.Contains(err.Error(), "is not a folder") {
		t.Fatalf("a file: %v", err)
	}
	empty := filepath.Join(dir, "empty")
	_ = os.Mkdir(empty, 0o700)
	write(t, empty, "blank.md", "# Only a heading\n\n")
	if _, err := Load(nil, empty); err == nil || !strings.Contains(err.Error(), filepath.Join(empty, "blank.md")+" has no text") {
		t.Fatalf("empty reply: %v", err)
	}
	bin := filepath.Join(dir, "bin")
	_ = os.Mkdir(bin, 0o700)
	write(t, bin, "x.md", "\xff\xfe")
	if _, err := Load(nil, bin); err == nil || !strings.Contains(err.Error(), "not UTF-8") {
		t.Fatalf("binary: %v", err)
	}
	dup := filepath.Join(dir, "dup")
	_ = os.Mkdir(dup, 0o700)
	write(t, dup, "a.md", "# Thanks\nbody")
	_, err := Load([]Reply{{Name: "thanks", Body: "x"}}, dup)
	if err == nil || !strings.Contains(err.Error(), `"Thanks" is defined twice (config and `+filepath.Join(dup, "a.md")+")") {
		t.Fatalf("duplicate: %v", err)
	}
}
