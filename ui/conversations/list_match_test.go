package conversations

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// contains agrees with bytes.Contains on every query position, near both ends of the
// text and across its eight-byte steps.
func TestContainsAgreesWithBytes(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	alphabet := []byte("eraxé\x00 ")
	for range 20000 {
		s := make([]byte, r.IntN(40))
		for i := range s {
			s[i] = alphabet[r.IntN(len(alphabet))]
		}
		q := make([]byte, 1+r.IntN(4))
		for i := range q {
			q[i] = alphabet[r.IntN(len(alphabet))]
		}
		if got, want := contains(s, q), bytes.Contains(s, q); got != want {
			t.Fatalf("contains(%q, %q) = %v, want %v", s, q, got, want)
		}
	}
}

func FuzzContains(f *testing.F) {
	f.Add([]byte("μαρία\x00500 error on post"), []byte("er"))
	f.Add([]byte("aaaaaaaaaaaaaaaaab"), []byte("ab"))
	f.Fuzz(func(t *testing.T, s, q []byte) {
		if got, want := contains(s, q), bytes.Contains(s, q); got != want {
			t.Fatalf("contains(%q, %q) = %v, want %v", s, q, got, want)
		}
	})
}

// The filter keeps exactly the rows whose search text holds the query, typed a letter
// at a time (each narrowing the last), after a row changed and after a refresh.
func TestFilterMatchesEveryRowThatHoldsTheQuery(t *testing.T) {
	convs, w := benchSummaries(3000)
	dir := testContext(w, testNow, 20).Dir
	rs := make([]convRow, len(convs))
	for i := range convs {
		rs[i] = newConvRow(&convs[i], dir)
	}
	var l rowList
	l.append(rs)
	check := func(when string) {
		t.Helper()
		var want []int32
		for i := range l.rows {
			if l.query == "" || bytes.Contains([]byte(l.rows[i].searchText()), []byte(l.query)) {
				want = append(want, int32(i))
			}
		}
		if got := l.len(); got != len(want) {
			t.Fatalf("%s: %q shows %d rows, want %d", when, l.query, got, len(want))
		}
		for k, i := range want {
			if l.at(k) != &l.rows[i] {
				t.Fatalf("%s: %q: shown row %d is not row %d", when, l.query, k, i)
			}
		}
	}
	for _, typed := range []string{"error", "order", "ΜΑΡ", "o 5", "\x00", "a\x00", "zzzq", "e"} {
		for n := 1; n <= len(typed); n++ {
			l.setFilter(typed[:n], 30)
			check("typing")
		}
		l.setFilter("", 30)
		check("cleared")
	}
	for _, pair := range []string{"th", "er", "ue", "zq", "é", "5 "} { // own bits, hashed bits
		l.setFilter("", 30)
		l.setFilter(pair, 30)
		check("a pair typed at once")
	}
	l.setFilter("urgent", 30)
	r := rs[7]
	r.tags = "urgent"
	l.replace(r.id, r)
	l.setFilter("urgen", 30)
	l.setFilter("urgent", 30)
	check("after a row gained a tag")
	l.refresh(rs[:100], false, 30)
	check("after a refresh")
}
