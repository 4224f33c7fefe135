package contract

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/api/fake/spectest"
)

// TestExamplesDecode decodes every 2xx response example of every endpoint the client
// calls into its model, re-encodes the model, and checks that ids, types, states,
// timestamps, bodies and names came through. An endpoint the client calls without an
// example under test fails the test.
func TestExamplesDecode(t *testing.T) {
	for _, ep := range api.Endpoints {
		t.Run(ep.Method+" "+ep.Path, func(t *testing.T) {
			doc := spectest.Load(t, ep.Version)
			examples := responseExamples(doc, ep.Method, ep.Path)
			if len(examples) == 0 {
				t.Fatalf("no 2xx response example in the %s spec for %s %s", ep.Version, ep.Method, ep.Path)
			}
			for name, ex := range examples {
				raw, err := json.Marshal(ex)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				target := ep.Model()
				if err := json.Unmarshal(raw, target); err != nil {
					t.Fatalf("example %q does not decode into %T: %v", name, target, err)
				}
				again, err := json.Marshal(target)
				if err != nil {
					t.Fatalf("%s: re-encode: %v", name, err)
				}
				var got any
				if err := json.Unmarshal(again, &got); err != nil {
					t.Fatal(err)
				}
				var want any
				_ = json.Unmarshal(raw, &want)
				for _, miss := range lost(want, got, "") {
					t.Errorf("example %q: %s", name, miss)
				}
			}
		})
	}
}

func responseExamples(doc *openapi3.T, method, path string) map[string]any {
	item := doc.Paths.Find(path)
	if item == nil {
		return nil
	}
	op := item.GetOperation(method)
	if op == nil || op.Responses == nil {
		return nil
	}
	out := map[string]any{}
	for code, ref := range op.Responses.Map() {
		if !strings.HasPrefix(code, "2") || ref.Value == nil {
			continue
		}
		mt := ref.Value.Content.Get("application/json")
		if mt == nil {
			continue
		}
		if mt.Example != nil {
			out[code+"/example"] = mt.Example
		}
		for name, ex := range mt.Examples {
			if ex.Value != nil && ex.Value.Value != nil {
				out[code+"/"+name] = ex.Value.Value
			}
		}
	}
	return out
}

// renamed maps a key of the spec's examples to the key the model writes, where the
// examples and the schema disagree (notes §11).
var renamed = map[string]string{
	"statistics.conversations": "conversions",
}

// listRenamed is the same for list envelopes: examples say data, the schema another key.
var listRenamed = map[string]string{
	"ticket_types":           "ticket_types",
	"ticket_type_attributes": "ticket_type_attributes",
}

// lost lists the facts of want (the example) that are missing or changed in got (the
// model re-encoded). Facts are ids, types, states, timestamps, bodies, names, emails,
// urls and titles, at any depth.
func lost(want, got any, path string) []string {
	var out []string
	switch w := want.(type) {
	case map[string]any:
		g, _ := got.(map[string]any)
		keys := make([]string, 0, len(w))
		for k := range w {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			gk := k
			if r, ok := renamed[last(path)+"."+k]; ok {
				gk = r
			}
			gv, present := g[gk]
			if !present && k == "data" {
				for _, alt := range listRenamed {
					if v, ok := g[alt]; ok {
						gv, present = v, true
					}
				}
			}
			sub := path + "." + k
			if isFact(k) && !isContainer(w[k]) {
				if !sameFact(w[k], gv) {
					out = append(out, fmt.Sprintf("%s: example has %v, model gives %v", sub, show(w[k]), show(gv)))
				}
				continue
			}
			out = append(out, lost(w[k], gv, sub)...)
		}
	case []any:
		g, _ := got.([]any)
		if len(g) != len(w) {
			return []string{fmt.Sprintf("%s: example has %d items, model gives %d", path, len(w), len(g))}
		}
		for i := range w {
			out = append(out, lost(w[i], g[i], fmt.Sprintf("%s[%d]", path, i))...)
		}
	}
	return out
}

func last(path string) string {
	if i := strings.LastIndex(path, "."); i >= 0 {
		path = path[i+1:]
	}
	if i := strings.Index(path, "["); i >= 0 {
		path = path[:i]
	}
	return path
}

func isContainer(v any) bool {
	switch v.(type) {
	case map[string]any, []any:
		return true
	}
	return false
}

func isFact(k string) bool {
	switch k {
	case "id", "type", "state", "ticket_state", "part_type", "body", "title", "name",
		"email", "url", "role", "priority", "open", "read", "phone", "subject", "sla_status",
		"data_type", "icon", "description", "ticket_id", "workspace_id", "region", "id_code":
		return true
	}
	return strings.HasSuffix(k, "_at") || strings.HasSuffix(k, "_id") || strings.HasSuffix(k, "_since") || strings.HasSuffix(k, "_until")
}

// sameFact compares leniently where the wire allows it: a number and the same number as
// a string are one id; null, absent and the zero value are all "none".
func sameFact(want, got any) bool {
	if isNone(want) {
		return isNone(got)
	}
	if reflect.DeepEqual(want, got) {
		return true
	}
	return scalar(want) != "" && scalar(want) == scalar(got)
}

func isNone(v any) bool {
	switch t := v.(type) {
	case nil:
		return true
	case string:
		return t == ""
	case float64:
		return t == 0
	case bool:
		return !t
	}
	return false
}

func scalar(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(t)
	}
	return ""
}

func show(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
