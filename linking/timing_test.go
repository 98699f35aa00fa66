package linking_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace/linking"
	"github.com/wiretrace/wiretrace/provenance"
)

type timed struct {
	linking.Index
	post, meta, doc time.Duration
	nfp, ndoc       int
}

func (t *timed) Postings(ctx context.Context, fps []uint64, limit int) (map[uint64][]int64, error) {
	s := time.Now()
	defer func() { t.post += time.Since(s) }()
	t.nfp += len(fps)
	return t.Index.Postings(ctx, fps, limit)
}
func (t *timed) Meta(ctx context.Context, ids []int64) (map[int64]provenance.Meta, error) {
	s := time.Now()
	defer func() { t.meta += time.Since(s) }()
	return t.Index.Meta(ctx, ids)
}
func (t *timed) Doc(ctx context.Context, id int64) (provenance.Doc, error) {
	s := time.Now()
	defer func() { t.doc += time.Since(s) }()
	t.ndoc++
	return t.Index.Doc(ctx, id)
}

// BenchmarkLinkTiming reports where the time of linking one article goes,
// at each size of benchSizes.
func BenchmarkLinkTiming(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(fmt.Sprint("articles=", n), func(b *testing.B) { linkTiming(b, n) })
	}
}

func linkTiming(b *testing.B, n int) {
	s := benchArchive(b, n)
	ctx := context.Background()
	ti := &timed{Index: linking.Index{Store: s}}
	l := &provenance.Linker{Index: ti}
	docs := make([]provenance.Doc, 200)
	for i := range docs {
		d, err := ti.Index.Doc(ctx, int64(1+(i*37)%n))
		if err != nil {
			b.Fatal(err)
		}
		docs[i] = d
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := l.Link(ctx, docs[i%len(docs)]); err != nil {
			b.Fatal(err)
		}
	}
	per := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / float64(b.N) }
	b.ReportMetric(per(ti.post), "postings-ms/op")
	b.ReportMetric(per(ti.meta), "meta-ms/op")
	b.ReportMetric(per(ti.doc), "docs-ms/op")
	b.ReportMetric(float64(ti.nfp)/float64(b.N), "fingerprints/op")
	b.ReportMetric(float64(ti.ndoc)/float64(b.N), "candidates/op")
}
