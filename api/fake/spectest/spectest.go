// Package spectest loads Intercom's OpenAPI descriptions for tests: the 2.9 file (and
// 2.10 for ticket search), patched in memory for the 2.9 file's two known bugs, and a
// validator that checks requests and responses with kin-openapi's openapi3filter.
package spectest

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// Dir is where the spec files live: ../shared beside the repository, or SPEC_DIR.
func Dir() string {
	if d := os.Getenv("SPEC_DIR"); d != "" {
		return d
	}
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..", "..")
	return filepath.Join(root, "..", "shared")
}

var (
	mu    sync.Mutex
	cache = map[string]*openapi3.T{}
)

// Load returns the spec for an Intercom-Version ("2.9" or "2.10"), parsed once per
// process and patched. Callers must not modify it.
func Load(t testing.TB, version string) *openapi3.T {
	t.Helper()
	mu.Lock()
	defer mu.Unlock()
	if doc, ok := cache[version]; ok {
		return doc
	}
	path := filepath.Join(Dir(), "intercom-openapi-"+version+".yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("spec %s: %v", version, err)
	}
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = false
	doc, err := loader.LoadFromDataWithPath(nullableRefs(patchRaw(data)), &url.URL{Path: path})
	if err != nil {
		t.Fatalf("spec %s: %v", version, err)
	}
	patch(doc)
	// doc.Validate is skipped on purpose: the file has examples that break their own
	// schemas and a malformed anyOf in create_ticket_request.
	cache[version] = doc
	return doc
}

// patchRaw fixes the dangling $ref #/components/schemas/custom_attributes (used by
// create_phone_switch_request and update_conversation_request, undefined in 2.9 and
// 2.10) before loading, by defining it as a free-form object.
func patchRaw(data []byte) []byte {
	if bytes.Contains(data, []byte("\n    custom_attributes:\n")) {
		return data
	}
	anchor := []byte("\n  schemas:\n")
	i := bytes.Index(data, anchor)
	if i < 0 {
		return data
	}
	def := []byte("    custom_attributes:\n      type: object\n      additionalProperties: true\n")
	at := i + len(anchor)
	out := make([]byte, 0, len(data)+len(def))
	out = append(out, data[:at]...)
	out = append(out, def...)
	return append(out, data[at:]...)
}

// nullableRefs rewrites a property written as {$ref: X, nullable: true} into
// {nullable: true, allOf: [{$ref: X}]}. OpenAPI 3.0 ignores the siblings of a $ref, so a
// validator would refuse the null that the spec means to allow and that its own examples
// (and Intercom) send, e.g. conversation_part.assigned_to. This is not a change of the
// contract, only the 3.0 spelling of what the file says.
func nullableRefs(data []byte) []byte {
	lines := bytes.Split(data, []byte("\n"))
	for i, line := range lines {
		trimmed := bytes.TrimLeft(line, " ")
		if !bytes.HasPrefix(trimmed, []byte(`"$ref":`)) && !bytes.HasPrefix(trimmed, []byte("$ref:")) {
			continue
		}
		indent := line[:len(line)-len(trimmed)]
		if !siblingNullable(lines, i, indent) {
			continue
		}
		lines[i] = []byte(string(indent) + "allOf:\n" + string(indent) + "- " + string(trimmed))
	}
	return bytes.Join(lines, []byte("\n"))
}

// siblingNullable reports whether the mapping that holds line i (keys at indent) has
// "nullable: true".
func siblingNullable(lines [][]byte, i int, indent []byte) bool {
	same := func(l []byte) bool {
		return bytes.HasPrefix(l, indent) && len(l) > len(indent) && l[len(indent)] != ' ' && l[len(indent)] != '-'
	}
	for _, step := range []int{-1, 1} {
		for j := i + step; j >= 0 && j < len(lines); j += step {
			l := lines[j]
			if bytes.HasPrefix(l, append(append([]byte{}, indent...), ' ')) {
				continue // deeper: a child of a sibling key
			}
			if !same(l) {
				break
			}
			if bytes.Equal(bytes.TrimSpace(l), []byte("nullable: true")) {
				return true
			}
		}
	}
	return false
}

// patch fixes the second known bug: GET /conversations is typed paginated_response
// (a news_item|newsfeed list) while its example and Intercom's answer are a
// conversation_list.
func patch(doc *openapi3.T) {
	contactNotesID(doc)
	list := doc.Components.Schemas["conversation_list"]
	if list == nil {
		return
	}
	item := doc.Paths.Find("/conversations")
	if item == nil || item.Get == nil {
		return
	}
	if r := item.Get.Responses.Value("200"); r != nil && r.Value != nil {
		if mt := r.Value.Content.Get("application/json"); mt != nil {
			mt.Schema = &openapi3.SchemaRef{Ref: "#/components/schemas/conversation_list", Value: list.Value}
		}
	}
}

// contactNotesID: /contacts/{id}/notes declares its id an integer, yet contact ids are
// 24-hex strings everywhere else in the file (and in Intercom); it is validated as a
// string so that a real contact id is not reported as a violation.
func contactNotesID(doc *openapi3.T) {
	item := doc.Paths.Find("/contacts/{id}/notes")
	if item == nil {
		return
	}
	for _, op := range item.Operations() {
		for _, p := range append(op.Parameters, item.Parameters...) {
			if p.Value != nil && p.Value.In == "path" && p.Value.Name == "id" {
				p.Value.Schema = openapi3.NewStringSchema().NewRef()
			}
		}
	}
}

// Validator checks requests and responses against one spec version.
type Validator struct {
	router routers.Router
}

// NewValidator builds a router for the spec, with its servers replaced by baseURL (the
// test server) so that request URLs match.
func NewValidator(t testing.TB, version, baseURL string) *Validator {
	t.Helper()
	orig := Load(t, version)
	doc := *orig // shallow copy: only Servers differs
	doc.Servers = openapi3.Servers{{URL: baseURL}}
	r, err := gorillamux.NewRouter(&doc)
	if err != nil {
		t.Fatalf("router for %s: %v", version, err)
	}
	return &Validator{router: r}
}

// Check validates one exchange. reqBody and respBody are the bytes that were sent and
// received (the request's Body is not read).
func (v *Validator) Check(req *http.Request, reqBody []byte, status int, header http.Header, respBody []byte) error {
	r := req.Clone(context.Background())
	r.Body = io.NopCloser(bytes.NewReader(reqBody))
	route, params, err := v.router.FindRoute(r)
	if err != nil {
		return err
	}
	in := &openapi3filter.RequestValidationInput{
		Request:    r,
		PathParams: params,
		Route:      route,
		Options:    &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc},
	}
	if err := openapi3filter.ValidateRequest(context.Background(), in); err != nil {
		return err
	}
	out := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: in,
		Status:                 status,
		Header:                 header,
		Options:                &openapi3filter.Options{IncludeResponseStatus: true},
	}
	out.SetBodyBytes(respBody)
	return openapi3filter.ValidateResponse(context.Background(), out)
}

// Route names the spec operation a request matches, as "METHOD /path/{template}".
func (v *Validator) Route(req *http.Request) (string, error) {
	route, _, err := v.router.FindRoute(req)
	if err != nil {
		return "", err
	}
	return route.Method + " " + route.Path, nil
}
