package seed

import (
	"encoding/hex"
	"strconv"
)

// Every item is derived from (seed, kind, index) with its own splitmix64 stream, so any
// item can be rebuilt on demand in any order and comes out the same every time, without
// the World keeping it in memory.

// Stream kinds: one per kind of derived item, so streams never overlap.
const (
	kWorkspace uint64 = iota + 1
	kAdmin
	kContactBase
	kContactMore
	kCompany
	kConvHead
	kConvPart
	kConvExtra
	kTicket
	kTicketPart
	kArticle
	kIDs
)

// rng is a splitmix64 generator: tiny, fast, and good enough for fake data.
type rng struct{ s uint64 }

func mix(z uint64) uint64 {
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

func newRNG(seed, kind, index uint64) rng {
	return rng{mix(mix(seed^kind*0x9e3779b97f4a7c15) + index)}
}

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	return mix(r.s)
}

// intn returns a value in [0, n) (n > 0) by multiply-shift; the bias is negligible here.
func (r *rng) intn(n int) int {
	return int((r.next() >> 32) * uint64(n) >> 32)
}

// between returns a value in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

func (r *rng) int64n(n int64) int64 { return int64(r.next() % uint64(n)) }

func (r *rng) float() float64 { return float64(r.next()>>11) / (1 << 53) }

func (r *rng) chance(p float64) bool { return r.float() < p }

func pick[T any](r *rng, xs []T) T { return xs[r.intn(len(xs))] }

// weighted returns an index drawn with the given relative weights.
func weighted(r *rng, weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	x := r.intn(total)
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

// perm returns a seeded permutation of [0, n).
func perm(r *rng, n int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	for i := n - 1; i > 0; i-- {
		j := r.intn(i + 1)
		p[i], p[j] = p[j], p[i]
	}
	return p
}

// hex24 builds a Mongo-style 24-hex id: 4 bytes of timestamp then 8 random bytes,
// which is what Intercom contact, company and segment ids look like.
func hex24(unix int64, r *rng) string {
	var b [12]byte
	u := uint32(unix)
	b[0], b[1], b[2], b[3] = byte(u>>24), byte(u>>16), byte(u>>8), byte(u)
	x := r.next()
	for i := 4; i < 12; i++ {
		b[i] = byte(x)
		x >>= 8
	}
	return hex.EncodeToString(b[:])
}

// affine is a bijection on [0, 2^30): i → (a·i + b) mod 2^30 with a odd, so conversation
// ids look scattered yet map back to their index with one multiplication.
type affine struct{ a, b, inv uint64 }

const affineMask = 1<<30 - 1

func newAffine(r *rng) affine {
	a := r.next()&affineMask | 1
	b := r.next() & affineMask
	inv := a // Newton's iteration for the inverse modulo 2^30: each step doubles the good bits.
	for range 5 {
		inv *= 2 - a*inv
	}
	return affine{a, b, inv & affineMask}
}

func (f affine) apply(i uint64) uint64  { return (f.a*i + f.b) & affineMask }
func (f affine) invert(x uint64) uint64 { return ((x - f.b) * f.inv) & affineMask }

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
