package importer

import (
	"context"
	"errors"
	"sync"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
)

// streamFile stores the articles of a container file (JSON Lines, feed,
// WARC, zip, tar) batch by batch, parsing its documents in parallel; the
// file is marked imported with its last batch.
func (r *runner) streamFile(ctx context.Context, j job, arts *[]*wiretrace.Article, files *[]archive.ImportedFile, flush func() error) error {
	f, err := openRegular(j.path)
	if err != nil {
		skipped := errors.Is(err, ErrNotRegular)
		if skipped {
			r.count(&r.sum.Skipped, 1)
		} else {
			r.count(&r.sum.Failed, 1)
		}
		r.report(Problem{Path: j.path, Err: err, Skipped: skipped})
		return nil
	}
	defer f.Close()
	good, bad, skipped := 0, 0, 0
	add := func(a *wiretrace.Article) error {
		good++
		*arts = append(*arts, a)
		if len(*arts) >= r.o.BatchSize {
			return flush()
		}
		return ctx.Err()
	}
	// Documents are parsed in parallel, a chunk at a time, and stored in order.
	type doc struct {
		name string
		raw  []byte
		d    Defaults
		arts []*wiretrace.Article
		err  error
	}
	var chunk []*doc
	chunkBytes := 0
	parseChunk := func() error {
		var wg sync.WaitGroup
		sem := make(chan struct{}, r.o.Workers)
		for _, dc := range chunk {
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer wg.Done()
				dc.arts, dc.err = Parse(dc.name, dc.raw, dc.d)
				<-sem
			}()
		}
		wg.Wait()
		for _, dc := range chunk {
			if dc.err != nil {
				bad++
				r.report(Problem{Path: dc.name, Err: dc.err})
				continue
			}
			for _, a := range dc.arts {
				if err := add(a); err != nil {
					return err
				}
			}
		}
		clear(chunk)
		chunk, chunkBytes = chunk[:0], 0
		return nil
	}
	s := sink{
		doc: func(name string, raw []byte, d Defaults) error {
			chunk = append(chunk, &doc{name: name, raw: raw, d: d})
			chunkBytes += len(raw)
			if len(chunk) >= 4*r.o.Workers || chunkBytes >= maxChunk {
				return parseChunk()
			}
			return nil
		},
		art: func(a *wiretrace.Article) error {
			if err := parseChunk(); err != nil {
				return err
			}
			return add(a)
		},
		bad: func(name string, err error, skip bool) {
			if skip {
				skipped++
				r.count(&r.sum.Skipped, 1)
			} else {
				bad++
			}
			r.report(Problem{Path: name, Err: err, Skipped: skip})
		},
	}
	s.budget = newBudget(j.size)
	err = streamContainer(j.kind, j.path, f, j.size, j.d, s, 0)
	var fe *fatalError
	if err == nil || !errors.As(err, &fe) {
		// Keep what was read before a damaged part.
		if perr := parseChunk(); perr != nil {
			err = perr
		}
	}
	r.count(&r.sum.Failed, bad)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if errors.As(err, &fe) {
			return err
		}
		r.count(&r.sum.Failed, 1)
		r.report(Problem{Path: j.path, Err: err})
		if good == 0 {
			return nil
		}
	}
	if good == 0 && bad == 0 && err == nil {
		if skipped > 0 {
			// Each was reported (a feed of title-only items).
			return nil
		}
		r.count(&r.sum.Failed, 1)
		r.report(Problem{Path: j.path, Err: ErrNoText})
		return nil
	}
	*files = append(*files, archive.ImportedFile{Path: j.abs, Size: j.size, MTime: j.mtime})
	return nil
}

// fatalError is a failure of the archive, not of a file: it stops the import.
type fatalError struct{ err error }

func (e *fatalError) Error() string { return e.err.Error() }
func (e *fatalError) Unwrap() error { return e.err }
