package linking_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/gen"
	"github.com/wiretrace/wiretrace/linking"
	"github.com/wiretrace/wiretrace/provenance"
)

// benchSizes are the archive sizes of BenchmarkLinkArticle; set
// WIRETRACE_BENCH_SIZES=1000,10000,100000 for more. The archives are kept
// in $TMPDIR/wiretrace-linkbench-N.db between runs.
func benchSizes() []int {
	v := os.Getenv("WIRETRACE_BENCH_SIZES")
	if v == "" {
		return []int{1000, 10000}
	}
	var out []int
	for _, f := range strings.Split(v, ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
			out = append(out, n)
		}
	}
	return out
}

// benchArchive returns a generated archive of n articles whose fingerprint
// index is filled (no links).
func benchArchive(b *testing.B, n int) *archive.Store {
	b.Helper()
	ctx := context.Background()
	p := filepath.Join(os.TempDir(), fmt.Sprintf("wiretrace-linkbench-%d.db", n))
	ready := p + ".ready"
	if _, err := os.Stat(ready); err != nil {
		os.Remove(p)
		s, err := archive.Open(p)
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		g := gen.New(gen.Config{Articles: n, Seed: 1})
		for start := 0; start < g.Len(); start += 2000 {
			var arts []*wiretrace.Article
			for i := start; i < min(start+2000, g.Len()); i++ {
				a, _ := g.Article(i)
				arts = append(arts, &a)
			}
			if _, err := s.Add(ctx, arts); err != nil {
				b.Fatal(err)
			}
		}
		fps := map[int64][]uint64{}
		err = s.Each(ctx, func(a *wiretrace.Article) error {
			fps[a.ID] = provenance.Fingerprints(a.Title, a.Text)
			if len(fps) == 2000 {
				err := s.SetFingerprints(ctx, fps)
				fps = map[int64][]uint64{}
				return err
			}
			return nil
		})
		if err == nil {
			err = s.SetFingerprints(ctx, fps)
		}
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
		os.WriteFile(ready, nil, 0o644)
		b.Logf("built %s in %s", p, time.Since(start).Round(time.Second))
	}
	s, err := archive.Open(p)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkLinkArticle measures linking one article (index lookups,
// candidate reads and alignments, not storing) into archives of growing
// size: the time per article should not grow with the archive.
func BenchmarkLinkArticle(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			s := benchArchive(b, n)
			ctx := context.Background()
			idx := linking.Index{Store: s}
			l := &provenance.Linker{Index: idx}
			r := rand.New(rand.NewPCG(1, uint64(n)))
			docs := make([]provenance.Doc, 200)
			for i := range docs {
				d, err := idx.Doc(ctx, 1+r.Int64N(int64(n)))
				if err != nil {
					b.Fatal(err)
				}
				docs[i] = d
			}
			links := 0
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				ls, err := l.Link(ctx, docs[i%len(docs)])
				if err != nil {
					b.Fatal(err)
				}
				links += len(ls)
			}
			b.ReportMetric(float64(links)/float64(b.N), "links/article")
		})
	}
}
