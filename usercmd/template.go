// Package usercmd runs the agent's own shell commands ([[commands]] in the config),
// bound to keys: a text/template over the item in focus, rendered with every value
// shell-quoted, run with `sh -c`.
//
// The values come from the network (an email, a phone number), so the template language
// is cut down to what can be quoted safely: plain {{.Name}} placeholders, outside any
// quotes of the command's own. A function or pipeline ({{html .X}}) could undo the
// quoting, and a placeholder inside '…' or "…" would turn it inside out; both are
// refused when the config is read, with the reason.
package usercmd

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"text/template"
	"text/template/parse"

	"github.com/intercom-tui/intercom-tui/sanitize"
)

// Values are what a command's template may use: the item in focus when its key is
// pressed. An empty value is one the focus does not have (a contact pane has no
// conversation); a command that uses it does not run.
type Values struct {
	ConversationID string // the conversation in focus (open thread, else the row)
	TicketID       string // the ticket in focus
	ContactID      string // the contact in focus, or the first contact of the conversation or ticket
	ContactEmail   string // that contact's email, when the pane has it
	ContactPhone   string // that contact's phone, as the contact record holds it
	ArticleID      string // the help-center article in focus
	// URL is the web address of the item in focus: the Intercom web app's page of the
	// conversation, ticket or contact, or the article's public address.
	URL string
}

// Names lists the fields of Values, in declaration order: the names a template may use.
func Names() []string {
	t := reflect.TypeOf(Values{})
	names := make([]string, t.NumField())
	for i := range names {
		names[i] = t.Field(i).Name
	}
	return names
}

// get is the named value ("" for an unknown name).
func (v Values) get(name string) string {
	f := reflect.ValueOf(v).FieldByName(name)
	if !f.IsValid() {
		return ""
	}
	return f.String()
}

// parseErrPrefix is text/template's "template: run:1: " before what is wrong: the
// caller names the file and line already.
var parseErrPrefix = regexp.MustCompile(`^template: run:\d+:(\d+:)? `)

// Template is a parsed run = "…" line.
type Template struct {
	tmpl   *template.Template
	fields []string // the values it uses, each once, in order of first use
}

// Parse parses and checks a command's template. Errors say what to change; they hold no
// value (there is none yet) and no file position (the caller adds it).
func Parse(text string) (*Template, error) {
	if strings.TrimSpace(text) == "" {
		return nil, errors.New("is empty: give the shell command to run")
	}
	tm, err := template.New("run").Option("missingkey=error").Parse(text)
	if err != nil {
		return nil, fmt.Errorf("is not a valid template: %s", parseErrPrefix.ReplaceAllString(err.Error(), ""))
	}
	t := &Template{tmpl: tm}
	var q quoteState
	dollar := false // the text before ends in $: $'…' is bash's escape-reading quote
	for _, n := range tm.Tree.Root.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			q = q.scan(n.Text)
			dollar = strings.HasSuffix(string(n.Text), "$")
		case *parse.CommentNode:
		case *parse.ActionNode:
			name, ok := plainField(n)
			if !ok {
				return nil, fmt.Errorf("uses %s: only plain values such as {{.ContactEmail}} may appear (%s)", n, strings.Join(Names(), ", "))
			}
			if !slices.Contains(Names(), name) {
				return nil, fmt.Errorf("uses {{.%s}}, which is not a value: use one of %s", name, strings.Join(Names(), ", "))
			}
			if q != unquoted {
				return nil, fmt.Errorf("puts {{.%s}} inside %s: values are quoted for the shell already, so remove the quotes around it", name, q)
			}
			if dollar {
				return nil, fmt.Errorf("puts $ right before {{.%s}}: values are quoted for the shell already, so remove the $", name)
			}
			dollar = false
			if !slices.Contains(t.fields, name) {
				t.fields = append(t.fields, name)
			}
		default:
			return nil, fmt.Errorf("uses %s: only plain values such as {{.ContactEmail}} may appear, no if, range or with", n)
		}
	}
	return t, nil
}

// plainField is the name of an action that is exactly {{.Name}}.
func plainField(n *parse.ActionNode) (string, bool) {
	p := n.Pipe
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return "", false
	}
	f, ok := p.Cmds[0].Args[0].(*parse.FieldNode)
	if !ok || len(f.Ident) != 1 {
		return "", false
	}
	return f.Ident[0], true
}

// Fields are the values the template uses.
func (t *Template) Fields() []string { return slices.Clone(t.fields) }

// MissingError names the values a command needs that the focus does not have.
type MissingError struct{ Names []string }

func (e *MissingError) Error() string {
	return "nothing here has " + strings.Join(e.Names, " or ")
}

// Render is the shell script for v: every value sanitized (no control characters, ESC
// sequences or bidi overrides, newlines made spaces) and single-quoted, so that whatever
// it holds is one word to sh. A value the template uses and v lacks is a *MissingError.
func (t *Template) Render(v Values) (string, error) {
	data := map[string]string{}
	var missing []string
	for _, name := range t.fields {
		s := strings.TrimSpace(sanitize.Line(v.get(name)))
		if s == "" {
			missing = append(missing, name)
			continue
		}
		data[name] = Quote(s)
	}
	if len(missing) > 0 {
		return "", &MissingError{Names: missing}
	}
	var b strings.Builder
	if err := t.tmpl.Execute(&b, data); err != nil {
		return "", err
	}
	return b.String(), nil
}

// Quote single-quotes s for sh: inside '…' nothing is special but ' itself, which is
// closed, escaped and reopened ('\”). NUL cannot be passed to a program at all, so it
// is dropped.
func Quote(s string) string {
	s = strings.ReplaceAll(s, "\x00", "")
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// quoteState is where sh is in the command's own text: a placeholder must come where a
// new word may start or continue unquoted, else the quoting of the value is undone.
type quoteState int

const (
	unquoted quoteState = iota
	inSingle
	inDouble
	afterBackslash
)

func (q quoteState) String() string {
	switch q {
	case inSingle:
		return "single quotes"
	case inDouble:
		return "double quotes"
	case afterBackslash:
		return "a backslash escape"
	}
	return "no quotes"
}

// scan follows sh's quoting through text. It is deliberately simple (no here-documents,
// no nested $(…) quoting): it only needs to tell whether a placeholder that follows is
// inside quotes of the command's own.
func (q quoteState) scan(text []byte) quoteState {
	escaped := false // a backslash inside double quotes
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch q {
		case afterBackslash:
			q = unquoted
		case inSingle:
			if c == '\'' {
				q = unquoted
			}
		case inDouble:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				q = unquoted
			}
		default:
			switch c {
			case '\\':
				q = afterBackslash
			case '\'':
				q = inSingle
			case '"':
				q = inDouble
			}
		}
	}
	return q
}
