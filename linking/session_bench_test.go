package linking_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/gen"
	"github.com/wiretrace/wiretrace/linking"
)

// sessionArchive returns the path of a generated archive of n articles
// without provenance, kept in $TMPDIR between runs.
func sessionArchive(b *testing.B, n int) string {
	b.Helper()
	p := filepath.Join(os.TempDir(), fmt.Sprintf("wiretrace-sessionbench-%s-%d.db", filepath.Base(os.Args[0]), n))
	if _, err := os.Stat(p + ".ready"); err == nil {
		return p
	}
	os.Remove(p)
	s, err := archive.Open(p)
	if err != nil {
		b.Fatal(err)
	}
	if err := gen.WriteArchive(context.Background(), gen.New(gen.Config{Articles: n, Seed: 7, Credits: true}), s, gen.ArchiveOptions{}); err != nil {
		b.Fatal(err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	os.WriteFile(p+".ready", nil, 0o644)
	return p
}

func copyFile(b *testing.B, from, to string) {
	b.Helper()
	in, err := os.Open(from)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkSessionLink links a stored archive of 4,000 generated articles
// in import batches of 500 through the pipeline of one Service, as an
// import with linking does (fingerprints stored, candidates read,
// aligned, links and stories stored, Flush included); one op is the whole
// archive, reported per article.
func BenchmarkSessionLink(b *testing.B) {
	const n, batch = 4000, 500
	src := sessionArchive(b, n)
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		p := filepath.Join(b.TempDir(), "a.db")
		copyFile(b, src, p)
		s, err := archive.Open(p)
		if err != nil {
			b.Fatal(err)
		}
		svc := linking.New(s, linking.Options{})
		link := svc.AfterBatch(ctx)
		b.StartTimer()
		for start := 1; start <= n; start += batch {
			var ids []int64
			for id := start; id < start+batch && id <= n; id++ {
				ids = append(ids, int64(id))
			}
			if err := link(ctx, ids); err != nil {
				b.Fatal(err)
			}
		}
		if err := svc.Flush(ctx); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N*n), "ms/article")
}
