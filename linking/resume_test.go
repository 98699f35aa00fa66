package linking

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/gen"
)

// genArchive stores n generated articles, unlinked, in a new archive and
// returns its path once closed, to be copied.
func genArchive(t *testing.T, n int) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "unlinked.db")
	s, err := archive.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	g := gen.New(gen.Config{Articles: n, Seed: 9, Credits: true})
	if err := gen.WriteArchive(context.Background(), g, s, gen.ArchiveOptions{Batch: 500}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return p
}

// copyOf opens a copy of the archive file at p.
func copyOf(t *testing.T, p string) *archive.Store {
	t.Helper()
	in, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	q := filepath.Join(t.TempDir(), "copy.db")
	out, err := os.Create(q)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := archive.Open(q)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// provenance describes every link and story member of s in a stable
// form, and counts the links.
func provenanceOf(t *testing.T, s *archive.Store) (string, int) {
	t.Helper()
	ctx := context.Background()
	links, err := s.AllLinks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range links {
		lines = append(lines, fmt.Sprintf("link %d>%d %s directed=%v %s %.6f", l.From, l.To, l.Kind, l.Directed, l.DirectionReason, l.Reused))
	}
	sts, err := s.Stories(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range sts {
		var ms []string
		for _, m := range st.Articles {
			from := "-"
			if d := m.DerivedFrom; d != nil {
				from = fmt.Sprintf("%s/%d/%v", d.Agency, d.Article, d.Unknown)
			}
			ms = append(ms, fmt.Sprintf("%d<%s", m.Article, from))
		}
		slices.Sort(ms)
		lines = append(lines, "story "+st.OriginAgency+" "+strings.Join(ms, " "))
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n"), len(links)
}

// importBatches hands the articles of s to after as an importer would,
// in ascending batches of size, calling stop (when not nil) after the
// batch of index i has been handed over.
func importBatches(t *testing.T, s *archive.Store, size int, after func(context.Context, []int64) error, stop func(i int)) error {
	t.Helper()
	ids, err := s.ArticleIDsAfter(context.Background(), 0, 1<<30)
	if err != nil {
		t.Fatal(err)
	}
	for i, start := 0, 0; start < len(ids); i, start = i+1, start+size {
		if err := after(context.Background(), ids[start:min(start+size, len(ids))]); err != nil {
			return err
		}
		if stop != nil {
			stop(i)
		}
	}
	return nil
}

// unfinished returns the checks of the archive's link problems.
func unfinished(t *testing.T, s *archive.Store) []string {
	t.Helper()
	ps, err := s.LinkProblems(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range ps {
		out = append(out, p.Check)
	}
	return out
}

// TestResumeAndCancel links a generated archive whose articles were
// stored and never linked, or whose linking was cancelled part way, and
// checks that a later Service of the same process (as the desktop app's
// next import) finishes it, without waiting for the cancelled one's lock,
// to exactly the links and stories of an uninterrupted import.
func TestResumeAndCancel(t *testing.T) {
	if testing.Short() {
		t.Skip("links a generated archive five times")
	}
	const n = 2000
	base := genArchive(t, n)
	ref := copyOf(t, base)
	svc := New(ref, Options{})
	if err := importBatches(t, ref, 500, svc.AfterBatch(context.Background()), nil); err != nil {
		t.Fatal(err)
	}
	if err := svc.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	want, links := provenanceOf(t, ref)
	if links == 0 {
		t.Fatal("the uninterrupted import stored no links")
	}
	if ps := unfinished(t, ref); len(ps) > 0 {
		t.Fatalf("link problems after an uninterrupted import: %v", ps)
	}

	tests := []struct {
		name string
		// interrupt links the archive part way (or not at all) and
		// returns the error that stopped it.
		interrupt func(t *testing.T, s *archive.Store) error
		// left is the link problem the interruption must leave.
		left string
	}{
		{"never linked", func(t *testing.T, s *archive.Store) error { return nil }, "unlinked"},
		{"cancelled while a batch links", func(t *testing.T, s *archive.Store) error {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			v := New(s, Options{})
			if err := importBatches(t, s, 500, v.AfterBatch(ctx), func(i int) {
				if i == 1 {
					cancel()
				}
			}); err != nil && !errors.Is(err, context.Canceled) {
				t.Errorf("cancelled batches: %v", err)
			}
			return v.Flush(ctx)
		}, "unlinked"},
		{"cancelled before the stories", func(t *testing.T, s *archive.Store) error {
			ctx, cancel := context.WithCancel(context.Background())
			v := New(s, Options{})
			if err := importBatches(t, s, 500, v.AfterBatch(ctx), nil); err != nil {
				t.Fatal(err)
			}
			// Every batch is handed over, its links being stored; the
			// stories are left to Flush, which is cancelled.
			v.wait()
			if err := v.x.Wait(); err != nil {
				t.Fatal(err)
			}
			cancel()
			return v.Flush(ctx)
		}, "linking"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := copyOf(t, base)
			err := tc.interrupt(t, s)
			if tc.name != "never linked" && !errors.Is(err, context.Canceled) {
				t.Errorf("interrupted linking returned %v, want context.Canceled", err)
			}
			if ps := unfinished(t, s); !slices.Contains(ps, tc.left) {
				t.Errorf("link problems after the interruption: %v, want %q among them", ps, tc.left)
			}
			// The next import of this process: it must not wait for
			// the interrupted service's lock, which died with it.
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			told := 0
			v := New(s, Options{Batch: 137, Waiting: func(archive.LinkHolder) { told++; cancel() }, Unlinked: func(int) {}})
			left, err := v.Resume(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if err := v.Flush(ctx); err != nil {
				t.Fatalf("resuming: %v (waited for the lock %d times)", err, told)
			}
			if tc.left == "unlinked" && left == 0 {
				t.Errorf("Resume found no article to link")
			}
			if got, m := provenanceOf(t, s); got != want {
				t.Errorf("after resuming: %d links, an uninterrupted import %d (or other links or stories)", m, links)
			}
			if ps := unfinished(t, s); len(ps) > 0 {
				t.Errorf("link problems after resuming: %v", ps)
			}
		})
	}
}

// TestRelinkWhileOpen: a Service refuses to relink while batches handed
// to it are not flushed (the relink would wait for the service's own
// link lock).
func TestRelinkWhileOpen(t *testing.T) {
	s := open(t)
	seeds(t, s, "batch")
	v := New(s, Options{})
	ctx := context.Background()
	if _, err := v.Resume(ctx); err != nil {
		t.Fatal(err)
	}
	if err := v.AfterBatch(ctx)(ctx, []int64{5}); err != nil {
		t.Fatal(err)
	}
	if _, err := v.Relink(ctx); !errors.Is(err, ErrOpen) {
		t.Errorf("relink with a batch not flushed: %v, want ErrOpen", err)
	}
	if err := v.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if st, err := v.Relink(ctx); err != nil || st.Articles != 5 {
		t.Errorf("relink after Flush: %+v, %v", st, err)
	}
}
