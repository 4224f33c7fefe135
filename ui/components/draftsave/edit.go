package draftsave

import "maps"

// Edit is entry k of m to change, copy on write: a copy of the entry (an empty one if
// there is none) in a copy of the map, which it returns. A pane is a value, so copies
// of it share nothing; the pointer is good until the next Edit of k.
func Edit[K comparable, V any](m map[K]*V, k K) (map[K]*V, *V) {
	m = maps.Clone(m)
	if m == nil {
		m = map[K]*V{}
	}
	st := new(V)
	if old := m[k]; old != nil {
		*st = *old
	}
	m[k] = st
	return m, st
}
