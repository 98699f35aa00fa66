package provenance_test

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/gen"
	"github.com/wiretrace/wiretrace/provenance"
	"github.com/wiretrace/wiretrace/provenance/agency"
)

// TestGenQuality links a generated corpus in memory and reports precision
// and recall against its truth. It runs only when WIRETRACE_EVAL gives
// the corpus size: WIRETRACE_EVAL=5000 go test -run TestGenQuality -v ./provenance/
func TestGenQuality(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("WIRETRACE_EVAL"))
	if n <= 0 {
		t.Skip("set WIRETRACE_EVAL=N to evaluate on a generated corpus of N articles")
	}
	g := gen.New(gen.Config{Articles: n, Seed: 1})
	idx := provenance.NewMemIndex()
	l := &provenance.Linker{Index: idx, Before: true, Cache: provenance.NewCache()}
	var truth []gen.Truth
	var found []gen.Pair
	kinds := map[gen.Pair]string{}
	var linkTime time.Duration
	// digest sums every link found, evidence and changes included, so
	// that a change meant to be faster only can show it links the same.
	digest := sha256.New()
	enc := json.NewEncoder(digest)
	credOK, credN := 0, 0
	for i := 0; i < g.Len(); i++ {
		a, tr := g.Article(i)
		truth = append(truth, tr)
		d := provenance.Doc{ID: tr.ID, Source: a.Source, Title: a.Title, Text: a.Text, Language: a.Language, Published: a.Published}
		d.Credits = agency.Detect(a.Title, a.Text, a.Source)
		if tr.Supplier != "" && tr.Credited {
			credN++
			for _, c := range d.Credits {
				if c.Agency == tr.Supplier && c.Role == wiretrace.RoleSupplier {
					credOK++
					break
				}
			}
		}
		idx.Add(d)
		start := time.Now()
		links, err := l.Link(context.Background(), d)
		linkTime += time.Since(start)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range links {
			if err := enc.Encode(k); err != nil {
				t.Fatal(err)
			}
			p := gen.MakePair(k.From, k.To)
			found = append(found, p)
			kinds[p] = k.Kind
		}
	}
	s := gen.Score(truth, found)
	t.Logf("articles %d: found %d links, precision %.3f, recall %.3f (%d/%d), story recall %.3f, false same-event %d",
		n, s.Found, s.Precision, s.Recall, s.Recalled, s.Expected, s.StoryRecall, s.FalseSameEvent)
	t.Logf("link time: %.2f ms per article (in memory); links digest %x", float64(linkTime.Microseconds())/1000/float64(n), digest.Sum(nil)[:8])
	t.Logf("supplier credits detected: %d/%d", credOK, credN)
	// Per kind.
	exp := gen.ExpectedLinks(truth)
	for _, kind := range []string{wiretrace.LinkReuse, wiretrace.LinkTranslation} {
		e, r := 0, 0
		for p, k := range exp {
			if k != kind {
				continue
			}
			e++
			if _, ok := kinds[p]; ok {
				r++
			}
		}
		f, c := 0, 0
		for p, k := range kinds {
			if k != kind {
				continue
			}
			f++
			if gen.ShareText(&truth[p.A-1], &truth[p.B-1]) {
				c++
			}
		}
		t.Logf("%s: recall %d/%d, precision %d/%d", kind, r, e, c, f)
	}
	if os.Getenv("WIRETRACE_EVAL_MISSES") != "" {
		shown := 0
		for p, k := range exp {
			if _, ok := kinds[p]; ok || shown > 10 {
				continue
			}
			shown++
			a, b := &truth[p.A-1], &truth[p.B-1]
			t.Logf("missed %s %d(%s %s) - %d(%s %s %v)", k, p.A, a.Kind, a.Language, p.B, b.Kind, b.Language, b.Edits)
		}
		shown = 0
		for p, k := range kinds {
			if gen.ShareText(&truth[p.A-1], &truth[p.B-1]) || shown > 10 {
				continue
			}
			shown++
			a, b := &truth[p.A-1], &truth[p.B-1]
			t.Logf("wrong %s %d(%s %s %s ev%d) - %d(%s %s %s ev%d)", k, p.A, a.Kind, a.Language, a.Source, a.Event, p.B, b.Kind, b.Language, b.Source, b.Event)
		}
	}
}

// BenchmarkLinkGen links the first 2,000 articles of a generated corpus
// in memory, each to the ones before it, as TestGenQuality does: the time
// per op is the time per article (fingerprints, lookups, alignments,
// evidence).
func BenchmarkLinkGen(b *testing.B) {
	const n = 2000
	g := gen.New(gen.Config{Articles: n, Seed: 1})
	docs := make([]provenance.Doc, n)
	for i := range docs {
		a, tr := g.Article(i)
		docs[i] = provenance.Doc{ID: tr.ID, Source: a.Source, Title: a.Title, Text: a.Text, Language: a.Language, Published: a.Published}
		docs[i].Credits = agency.Detect(a.Title, a.Text, a.Source)
	}
	b.ResetTimer()
	var idx *provenance.MemIndex
	var l *provenance.Linker
	links := 0
	for i := 0; i < b.N; i++ {
		if i%n == 0 {
			idx = provenance.NewMemIndex()
			l = &provenance.Linker{Index: idx, Before: true, Cache: provenance.NewCache()}
		}
		d := docs[i%n]
		idx.Add(d)
		ls, err := l.Link(context.Background(), d)
		if err != nil {
			b.Fatal(err)
		}
		links += len(ls)
	}
	b.ReportMetric(float64(links)/float64(b.N), "links/article")
}
