package query

import (
	"fmt"
	"testing"
)

// benchConv is a conversation as a fake might hold it: a struct whose Get
// switches on the field name and hands out values without allocating.
type benchConv struct {
	state     string
	open      bool
	createdAt int64
	admin     int64
	email     string
	body      string
	contacts  []string
	tags      []string
}

func (c *benchConv) Get(field string) (Value, bool) {
	switch field {
	case "state":
		return String(c.state), true
	case "open":
		return Bool(c.open), true
	case "created_at":
		return Date(c.createdAt), true
	case "admin_assignee_id":
		if c.admin == 0 {
			return Value{}, false
		}
		return Int(c.admin), true
	case "source.author.email":
		return String(c.email), true
	case "source.body":
		return String(c.body), true
	case "contact_ids":
		return Strings(c.contacts...), true
	case "tag_ids":
		return Strings(c.tags...), true
	}
	return Value{}, false
}

func benchConvs(n int) []benchConv {
	states := []string{"open", "closed", "snoozed"}
	bodies := []string{
		"<p>Hi, I need support with my invoice</p>",
		"<p>Where is my <b>refund</b>? Order #1234</p>",
		"<p>Thanks, that worked!</p>",
		"<p>Can I change my plan &amp; billing email?</p>",
	}
	out := make([]benchConv, n)
	for i := range out {
		out[i] = benchConv{
			state:     states[i%3],
			open:      i%3 == 0,
			createdAt: 1700000000 + int64(i)*60,
			admin:     int64(i % 7),
			email:     fmt.Sprintf("user%d@%s.com", i, []string{"example", "acme", "Corp"}[i%3]),
			body:      bodies[i%4],
			contacts:  []string{fmt.Sprintf("c%d", i%1000), fmt.Sprintf("c%d", (i+1)%1000)},
			tags:      []string{fmt.Sprintf("t%d", i%11)},
		}
	}
	return out
}

// BenchmarkMatchNested evaluates a two-level query over 100k conversations per
// iteration, as the fake does for one /conversations/search page scan.
func BenchmarkMatchNested(b *testing.B) {
	convs := benchConvs(100_000)
	q := And(
		Or(Field("state").Eq("open"), Field("state").Eq("snoozed")),
		Or(Field("source.body").Eq("refund"), Field("source.author.email").Contains("ACME"), Field("admin_assignee_id").In(1, 2, 3)),
		Or(Field("created_at").Gt(1700500000), Field("contact_ids").In("c1", "c2", "c3")),
		Field("tag_ids").NotIn("t3", "t4"),
	)
	m, err := Compile(Conversations, q)
	if err != nil {
		b.Fatal(err)
	}
	hits := 0
	b.ReportAllocs()
	for b.Loop() {
		hits = 0
		for i := range convs {
			if m.Match(&convs[i]) {
				hits++
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(convs)), "ns/record")
	if hits == 0 || hits == len(convs) {
		b.Fatalf("query is not selective: %d hits", hits)
	}
}
