// Package storetest opens throwaway offline stores for tests.
package storetest

import (
	"path/filepath"
	"testing"

	"github.com/intercom-tui/intercom-tui/store"
)

// Open is a new store in a temporary directory, closed when the test ends.
func Open(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}
