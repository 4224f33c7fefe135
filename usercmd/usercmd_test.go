package usercmd

import (
	"context"
	"errors"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"
)

func mustParse(t *testing.T, text string) *Template {
	t.Helper()
	tm, err := Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

// An email built to break out of the quoting reaches the command as one argument,
// byte for byte, and runs nothing.
func TestInjectionStaysOneArgument(t *testing.T) {
	if _, err := exec.LookPath(Shell); err != nil {
		t.Skip("no sh")
	}
	tm := mustParse(t, `printf '%s|' {{.ContactEmail}} {{.ConversationID}}`)
	hostile := []string{
		"a@b.c;rm -rf ~",
		"x'; touch /tmp/pwned; echo '",
		"$(touch /tmp/pwned)`id`",
		"a b\tc\nd",
		`"; exit 3; "`,
		"it's \\ fine",
	}
	for _, email := range hostile {
		script, err := tm.Render(Values{ContactEmail: email, ConversationID: "42"})
		if err != nil {
			t.Fatal(err)
		}
		r := Background(context.Background(), script, 5*time.Second)
		if r.Err != nil {
			t.Fatalf("%q: %v %s", email, r.Err, r.Stderr)
		}
		want := strings.TrimSpace(strings.NewReplacer("\n", " ", "\t", " ").Replace(email)) + "|42|"
		if r.Stdout != want {
			t.Errorf("%q became %q, want %q", email, r.Stdout, want)
		}
	}
}

func TestRenderSanitizesValues(t *testing.T) {
	tm := mustParse(t, `echo {{.URL}}`)
	got, err := tm.Render(Values{URL: "https://x/\x1b]52;c;aGk=\x07y\u202e"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(got, "\x1b\x07\u202e") {
		t.Errorf("escape or bidi control kept: %q", got)
	}
}

func TestRenderRefusesMissingValues(t *testing.T) {
	tm := mustParse(t, `open {{.URL}} {{.ContactEmail}} {{.TicketID}} {{.URL}}`)
	if got := tm.Fields(); !slices.Equal(got, []string{"URL", "ContactEmail", "TicketID"}) {
		t.Errorf("fields = %v", got)
	}
	_, err := tm.Render(Values{URL: "https://x", ContactEmail: "  "})
	var miss *MissingError
	if !errors.As(err, &miss) || !slices.Equal(miss.Names, []string{"ContactEmail", "TicketID"}) {
		t.Fatalf("got %v", err)
	}
}

func TestParseRefusesWhatWouldUndoTheQuoting(t *testing.T) {
	for text, want := range map[string]string{
		`echo "{{.ContactEmail}}"`:      "inside double quotes",
		`echo 'x {{.ContactEmail}}'`:    "inside single quotes",
		`echo \{{.ContactEmail}}`:       "inside a backslash escape",
		`echo ${{.ContactEmail}}`:       "puts $ right before",
		`echo {{.ContactEmail | html}}`: "only plain values",
		`echo {{printf "%s" .URL}}`:     "only plain values",
		`{{range .URL}}x{{end}}`:        "no if, range or with",
		`echo {{.Token}}`:               "{{.Token}}, which is not a value",
		`echo {{$x := .URL}}`:           "only plain values",
		`echo {{.URL.Host}}`:            "only plain values",
		`echo {{.URL}`:                  "not a valid template",
		"":                              "is empty",
	} {
		_, err := Parse(text)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want %q", text, err, want)
		}
	}
	// Quotes that close before the value, and escaped quotes, are fine.
	for _, ok := range []string{
		`echo 'a' {{.URL}} "b" {{.URL}}`,
		`echo "it\"s" {{.URL}}`,
		`echo \' {{.URL}}`,
		`x={{.URL}}; echo "$x"`,
		`{{/* a comment */}}open {{.URL}}`,
	} {
		if _, err := Parse(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
}

func TestEnvDropsTheToken(t *testing.T) {
	got := Env([]string{"HOME=/h", "INTERCOM_TOKEN=s", "INTERCOM_ACCESS_TOKEN=s", "INTERCOM_REGION=eu", "PATH=/bin"})
	if !slices.Equal(got, []string{"HOME=/h", "INTERCOM_REGION=eu", "PATH=/bin"}) {
		t.Errorf("env = %v", got)
	}
}

func TestBackgroundSummary(t *testing.T) {
	if _, err := exec.LookPath(Shell); err != nil {
		t.Skip("no sh")
	}
	t.Setenv("INTERCOM_TOKEN", "secret-token")
	cases := []struct {
		script, want string
		failed       bool
	}{
		{"printf '\\n\\nfirst\\nsecond\\n'", "crm: first", false},
		{"true", "crm: done", false},
		{"echo out; echo 'bad \x1b[31mthing' >&2; exit 3", "crm failed (exit status 3): bad thing", true},
		{"exit 2", "crm failed (exit status 2)", true},
		{"echo ${INTERCOM_TOKEN:-none}", "crm: none", false},
	}
	for _, c := range cases {
		text, failed := Background(context.Background(), c.script, 5*time.Second).Summary("crm")
		if text != c.want || failed != c.failed {
			t.Errorf("%s: got %q %v, want %q %v", c.script, text, failed, c.want, c.failed)
		}
	}
}

func TestBackgroundTimesOut(t *testing.T) {
	if _, err := exec.LookPath(Shell); err != nil {
		t.Skip("no sh")
	}
	start := time.Now()
	r := Background(context.Background(), "sleep 30 & sleep 30", 200*time.Millisecond)
	if !r.TimedOut {
		t.Fatalf("not timed out: %+v", r)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("waited %s for a command stopped after 200ms", d)
	}
	if text, failed := r.Summary("crm"); !failed || !strings.Contains(text, "stopped after 200ms") {
		t.Errorf("summary %q %v", text, failed)
	}
}
