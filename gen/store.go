package gen

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
)

// ErrNotEmpty is returned by WriteArchive for an archive that already
// holds articles: the IDs of the truth would not be those of the archive.
var ErrNotEmpty = errors.New("gen: archive is not empty")

// ArchiveOptions tune WriteArchive.
type ArchiveOptions struct {
	// Batch is the number of articles per transaction; 0 means 2000.
	Batch int
	// Truth, if not nil, receives the truth as JSON Lines, like TruthName.
	Truth io.Writer
	// Progress, if not nil, is called after each batch with the number of
	// articles stored.
	Progress func(done int)
	// AfterBatch, if not nil, is called with the IDs of each stored batch,
	// after it is committed (provenance linking, as an import does).
	AfterBatch func(ctx context.Context, ids []int64) error
}

// WriteArchive stores every article of g in s, in ID order, generating the
// next batch on all CPUs while the current one is stored. The archive must
// be empty, so that article i gets ID i+1 as its Truth says; it returns
// ErrNotEmpty otherwise.
func WriteArchive(ctx context.Context, g *Generator, s *archive.Store, o ArchiveOptions) error {
	batch := o.Batch
	if batch <= 0 {
		batch = 2000
	}
	truth, progress := o.Truth, o.Progress
	var n int
	if err := s.DB().QueryRowContext(ctx, "SELECT count(*) FROM articles").Scan(&n); err != nil {
		return fmt.Errorf("gen: count articles: %w", err)
	}
	if n > 0 {
		return fmt.Errorf("%w: %s holds %d articles", ErrNotEmpty, s.Path(), n)
	}
	type chunk struct {
		arts  []*wiretrace.Article
		truth []Truth
	}
	make1 := func(start int) chunk {
		end := min(start+batch, g.Len())
		c := chunk{arts: make([]*wiretrace.Article, end-start), truth: make([]Truth, end-start)}
		workers := runtime.GOMAXPROCS(0)
		var wg sync.WaitGroup
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := start + w; i < end; i += workers {
					a, tr := g.Article(i)
					c.arts[i-start], c.truth[i-start] = &a, tr
				}
			}()
		}
		wg.Wait()
		return c
	}
	next := make(chan chunk, 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer close(next)
		for start := 0; start < g.Len(); start += batch {
			c := make1(start)
			select {
			case next <- c:
			case <-ctx.Done():
				return
			}
		}
	}()
	var enc *json.Encoder
	if truth != nil {
		enc = json.NewEncoder(truth)
	}
	done := 0
	for c := range next {
		res, err := s.Add(ctx, c.arts)
		if err != nil {
			return fmt.Errorf("gen: store articles %d-%d: %w", done+1, done+len(c.arts), err)
		}
		for k, r := range res {
			if r.Duplicate || r.ID != c.truth[k].ID {
				return fmt.Errorf("gen: article %d (%s) stored as %d (duplicate %v): truth IDs would not match", c.truth[k].ID, c.truth[k].Origin, r.ID, r.Duplicate)
			}
			if enc != nil {
				if err := enc.Encode(c.truth[k]); err != nil {
					return fmt.Errorf("gen: write truth: %w", err)
				}
			}
		}
		if o.AfterBatch != nil {
			ids := make([]int64, len(res))
			for k, r := range res {
				ids[k] = r.ID
			}
			if err := o.AfterBatch(ctx, ids); err != nil {
				return fmt.Errorf("gen: after storing articles %d-%d: %w", done+1, done+len(c.arts), err)
			}
		}
		done += len(c.arts)
		if progress != nil {
			progress(done)
		}
	}
	return ctx.Err()
}
