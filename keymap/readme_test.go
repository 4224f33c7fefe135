package keymap

import (
	"os"
	"strings"
	"testing"
)

// TestREADMEListsEveryDefault keeps README's key table in step with the defaults: each
// binding's keys and description appear on one row of it.
func TestREADMEListsEveryDefault(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "| `") {
			rows[line] = true
		}
	}
	for _, g := range Default().Groups() {
		for _, b := range g.Bindings {
			h := b.Help()
			found := false
			for row := range rows {
				if strings.Contains(row, "`"+h.Key+"`") && strings.Contains(row, h.Desc) {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("README has no key row with `%s` and %q (%s)", h.Key, h.Desc, g.Title)
			}
		}
	}
}
