package linking

import (
	"context"
	"errors"
	"fmt"

	"github.com/wiretrace/wiretrace/archive"
)

// DefaultBatch is how many articles Resume links at once when
// Options.Batch is 0: the importer's batch.
const DefaultBatch = 500

// Options set up a Service. The zero Options link silently.
type Options struct {
	// Waiting, when set, is called once each time the service finds
	// another process holding the archive's link lock, which it then
	// waits for (until the context is done).
	Waiting func(archive.LinkHolder)
	// Progress, when set, is called during Relink.
	Progress Progress
	// Resumed, when set, is called when Relink resumes a relink that
	// was stopped, with where that one stood.
	Resumed func(archive.RelinkProgress)
	// Unlinked, when set, is called by Resume with the number of
	// articles that earlier imports left unlinked, before it links them;
	// it is not called when there are none.
	Unlinked func(n int)
	// Batch is how many articles Resume links at once; 0 means
	// DefaultBatch.
	Batch int
}

// Stats counts what a relink computed.
type Stats struct {
	Articles int `json:"articles"`
	Links    int `json:"links"`
	Stories  int `json:"stories"` // of two articles or more
}

// Progress is called during a relink with the phase ("fingerprints",
// "links", "stories") and the articles done so far out of total.
type Progress func(phase string, done, total int)

// ErrOpen is returned by Relink when batches handed to the service are
// not flushed yet.
var ErrOpen = errors.New("linking: an import's linking is not flushed")

// Service links the articles of one archive: every import, merge,
// generated archive, the demo, the desktop app's import, relink and
// check --repair go through one. It is built explicitly with New and
// holds the state of the import it links (the candidates it has read,
// the link lock) from the first batch to Flush; it is not safe for
// concurrent use, and the function AfterBatch returns must be called
// from one goroutine at a time, as an importer does.
type Service struct {
	s   *archive.Store
	opt Options
	x   *session   // the session of the batches since the last Flush
	bg  chan error // the batch being linked in the background, nil when none
}

// New returns the linking service of the archive s.
func New(s *archive.Store, o Options) *Service {
	if o.Batch <= 0 {
		o.Batch = DefaultBatch
	}
	return &Service{s: s, opt: o}
}

// session returns the session of the batches since the last Flush,
// starting one if needed.
func (v *Service) session() *session {
	if v.x == nil {
		v.x = newSession(v.s)
		v.x.waiting = v.opt.Waiting
	}
	return v.x
}

// AfterBatch returns the function an importer calls with the ids of each
// batch it has committed (importer.Options.AfterBatch,
// gen.ArchiveOptions.AfterBatch, a merge's batches). The function waits
// for the linking of the previous batch, whose fingerprints and links
// this one builds on, and returns the error of that linking if it failed;
// then it links this batch in the background while the importer parses
// and stores the next one. The linking outlives the call, so it runs
// under ctx, the caller's own context, not the importer's, which ends
// with the import. Flush must end the work.
func (v *Service) AfterBatch(ctx context.Context) func(context.Context, []int64) error {
	return func(_ context.Context, ids []int64) error { return v.enqueue(ctx, ids) }
}

// enqueue waits for the batch being linked, then starts linking ids
// under ctx.
func (v *Service) enqueue(ctx context.Context, ids []int64) error {
	if err := v.wait(); err != nil {
		return err
	}
	if len(ids) == 0 {
		return nil
	}
	x := v.session()
	ch := make(chan error, 1)
	v.bg = ch
	go func() { ch <- x.Link(ctx, ids) }()
	return nil
}

// wait returns once the batch being linked in the background, if any, is
// linked (its links may still be being stored), with its error.
func (v *Service) wait() error {
	if v.bg == nil {
		return nil
	}
	err := <-v.bg
	v.bg = nil
	return err
}

// Resume links the articles that earlier imports stored and left
// unlinked (archive.Store.Unlinked): an import or merge stopped by a
// crash, a kill or a cancel after it committed a batch and before that
// batch's links were stored. It calls Options.Unlinked, then hands them
// to the pipeline as AfterBatch does, Options.Batch at a time, and
// returns how many there were; Flush ends the work. An import calls it
// before its first batch: an article's links depend only on the articles
// before it, so linking the leftovers first gives the archive an
// uninterrupted import would have.
func (v *Service) Resume(ctx context.Context) (int, error) {
	left, err := v.s.Unlinked(ctx)
	if err != nil {
		return 0, fmt.Errorf("link: resume: %w", err)
	}
	if len(left) > 0 && v.opt.Unlinked != nil {
		v.opt.Unlinked(len(left))
	}
	for start := 0; start < len(left); start += v.opt.Batch {
		if err := v.enqueue(ctx, left[start:min(start+v.opt.Batch, len(left))]); err != nil {
			return start, fmt.Errorf("link: resume: %w", err)
		}
	}
	return len(left), nil
}

// Flush waits for every batch handed to AfterBatch and Resume to be
// linked and stored, updates the stories their links changed (and all
// those that a linker which died holding the link lock left out of date,
// when this one took the lock over), then releases the link lock. A
// Flush with no batch still takes the lock for that.
//
// When the linking failed or ctx is done, Flush returns the error once
// the work in the background has stopped, and leaves the link lock as a
// killed process would (archive.LinkLock.Abandon): the next linker, in
// this process (the desktop app imports again) or another, takes it over
// and updates the stories left out of date, and Resume links the
// articles left unlinked. The service can be used again after Flush.
func (v *Service) Flush(ctx context.Context) error {
	err := v.wait()
	x := v.session()
	v.x = nil
	if err == nil {
		err = x.Flush(ctx)
	}
	if err != nil {
		x.Wait() // the background stores, stopped
		x.Abandon()
		return err
	}
	return nil
}

// Link links the articles ids now, as one batch of an import (AfterBatch
// then Flush): it returns once their fingerprints, links and stories are
// stored. The articles must be newer than any linked before.
func (v *Service) Link(ctx context.Context, ids []int64) error {
	err := v.enqueue(ctx, ids)
	if ferr := v.Flush(ctx); err == nil {
		err = ferr
	}
	return err
}

// LinkBatch links the articles ids now, as one batch of an import, and
// returns once their fingerprints and links are stored; unlike Link it
// keeps the session (the candidates read, the saturated fingerprints,
// the link lock) for the next batch, as AfterBatch does, and leaves the
// stories to Flush, which must end the work. It is for callers that
// store and link batches in turn and time each, such as the benchmarks.
func (v *Service) LinkBatch(ctx context.Context, ids []int64) error {
	if err := v.enqueue(ctx, ids); err != nil {
		return err
	}
	if err := v.wait(); err != nil {
		return err
	}
	if v.x == nil {
		return nil
	}
	return v.x.Wait()
}

// Relink recomputes the fingerprint index, the links and the stories of
// the whole archive, holding the archive's link lock (it waits for
// another process that holds it, calling Options.Waiting). It replaces
// what it recomputes in place and records its progress in the archive
// (archive.Store.BeginRelink): a relink that is stopped leaves the links
// and stories it has not reached as they were, usable, and the next
// relink resumes it (calling Options.Resumed). It reports its progress
// to Options.Progress.
//
// An article's links depend only on the articles up to it
// (provenance.Linker.Before), so a relink and an import of the same files
// store the same links. Its memory does not grow with the archive: links
// are stored batch by batch, and the stories they touch are computed from
// the archive afterwards, a chunk of articles at a time. It returns
// ErrOpen if batches handed to AfterBatch or Resume are not flushed.
func (v *Service) Relink(ctx context.Context) (Stats, error) {
	if v.x != nil || v.bg != nil {
		return Stats{}, fmt.Errorf("relink: %w", ErrOpen)
	}
	return relink(ctx, v.s, v.opt)
}
