package provenance

import (
	"context"
	"testing"

	"github.com/wiretrace/wiretrace/gen"
)

// boilerplateRef is the rule as it was until 2026-12-08: a fingerprint
// held by df articles of one outlet (d counted) is boilerplate.
func boilerplateRef(post map[uint64][]int64, self int64, limit int, outletOf func(int64) int32, own int32, nOutlets, df int) map[uint64]bool {
	boiler := map[uint64]bool{}
	per := make([]int, nOutlets+1)
	var counted []int32
	for fp, ids := range post {
		if len(ids) >= limit {
			boiler[fp] = true
			continue
		}
		for _, o := range counted {
			per[o] = 0
		}
		counted = counted[:0]
		if own != 0 {
			per[own] = 1
			counted = append(counted, own)
		}
		for _, id := range ids {
			if id == self {
				continue
			}
			if o := outletOf(id); o != 0 {
				if per[o] == 0 {
					counted = append(counted, o)
				}
				per[o]++
				if per[o] >= df {
					boiler[fp] = true
					break
				}
			}
		}
	}
	return boiler
}

// boilerCase is one article of a generated corpus with what the Linker
// holds when it judges boilerplate.
type boilerCase struct {
	fps      []uint64
	post     map[uint64][]int64
	self     int64
	outletOf func(int64) int32
	who      sharerOf
	own      int32
	nOutlets int
}

// genBoilerCases links n generated articles in id order (Before) and
// returns, for each, the postings and outlets the Linker reads.
func genBoilerCases(tb testing.TB, n int) []boilerCase {
	tb.Helper()
	g := gen.New(gen.Config{Articles: n, Seed: 5, Outlets: 40})
	idx := NewMemIndex()
	outlets := map[string]int32{}
	of := map[int64]int32{}
	var out []boilerCase
	for i := 0; i < g.Len(); i++ {
		a, _ := g.Article(i)
		d := Doc{ID: int64(i + 1), Source: a.Source, Title: a.Title, Text: a.Text, Language: a.Language}
		idx.Add(d)
		o, ok := outlets[d.Source]
		if !ok {
			o = int32(len(outlets) + 1)
			outlets[d.Source] = o
		}
		of[d.ID] = o
		fps := Fingerprints(d.Title, d.Text)
		post, err := idx.Postings(context.Background(), fps, 101)
		if err != nil {
			tb.Fatal(err)
		}
		cut := olderPostings(post, d.ID)
		out = append(out, boilerCase{fps: fps, post: cut, self: d.ID,
			outletOf: func(id int64) int32 { return of[id] },
			who:      whoOf(cut, d.ID, limit101, of), own: o})
	}
	for i := range out {
		out[i].nOutlets = len(outlets)
	}
	return out
}

const limit101 = 101

// whoOf returns the sharerOf of the articles of post, as the Linker
// counts them: their outlet in of, and the text-reuse fingerprints of d,
// not too common, that they hold.
func whoOf(post map[uint64][]int64, self int64, limit int, of map[int64]int32) sharerOf {
	type sharer struct{ outlet, shares int32 }
	sh := map[int64]sharer{}
	for fp, ids := range post {
		if len(ids) >= limit {
			continue
		}
		for _, id := range ids {
			if id != self {
				s := sh[id]
				s.outlet = of[id]
				if !IsAnchorKey(fp) {
					s.shares++
				}
				sh[id] = s
			}
		}
	}
	return func(id int64) (int32, int32) { s := sh[id]; return s.outlet, s.shares }
}

// TestBoilerplateOnlyFrees: counting stories instead of articles can only
// take fingerprints out of the boilerplate, never add one; on a generated
// corpus, whose outlets publish no versions of a story, it takes out none.
func TestBoilerplateOnlyFrees(t *testing.T) {
	cases := genBoilerCases(t, 1500)
	judged, freed := 0, 0
	for _, c := range cases {
		ref := boilerplateRef(c.post, c.self, 101, c.outletOf, c.own, c.nOutlets, 3)
		got := boilerplate(c.fps, c.post, c.self, 101, c.who, c.own, c.nOutlets, 3)
		for fp := range got {
			if !ref[fp] {
				t.Fatalf("article %d: fingerprint %x is boilerplate only by the new rule", c.self, fp)
			}
		}
		judged += len(ref)
		freed += len(ref) - len(got)
	}
	if judged == 0 {
		t.Fatal("no boilerplate at all: the corpus tests nothing")
	}
	if freed != 0 {
		t.Errorf("%d of %d boilerplate fingerprints freed in a corpus without versions", freed, judged)
	}
}

// BenchmarkBoilerplate times the rule per article of a generated corpus,
// by articles (the old rule) and by stories.
func BenchmarkBoilerplate(b *testing.B) {
	cases := genBoilerCases(b, 1500)
	b.Run("rule=articles", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			c := cases[i%len(cases)]
			boilerplateRef(c.post, c.self, 101, func(id int64) int32 { o, _ := c.who(id); return o }, c.own, c.nOutlets, 3)
		}
	})
	b.Run("rule=stories", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			c := cases[i%len(cases)]
			boilerplate(c.fps, c.post, c.self, 101, c.who, c.own, c.nOutlets, 3)
		}
	})
}
