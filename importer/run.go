package importer

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
)

// Saver stores imported articles; *archive.Store is one.
type Saver interface {
	// AddBatch stores articles and marks files as imported, atomically.
	AddBatch(ctx context.Context, arts []*wiretrace.Article, files []archive.ImportedFile) ([]archive.AddResult, error)
	// FileImported reports whether this file was imported before unchanged.
	FileImported(ctx context.Context, path string, size, mtime int64) (bool, error)
}

// importedUnder is implemented by a Saver that can tell whether any file
// at or under a path was imported: Run looks up no file under a folder
// that none was imported from.
type importedUnder interface {
	ImportedUnder(ctx context.Context, path string) (bool, error)
}

// MaxFileSize bounds a document read whole (an HTML page, a feed, a WARC
// record); larger ones fail with a reason. A plain text file is bounded
// lower (it is one article, see maxTextFile). JSON Lines, WARC and bundle
// files are streamed and bounded by what they hold (each line, record and
// member) and by what they inflate to.
const MaxFileSize = 64 << 20

// Options tune an import.
type Options struct {
	Source    string    // outlet of files whose manifest names none
	Manifest  *Manifest // applies to every file, before folder manifests
	BatchSize int       // articles per transaction; default 500
	Workers   int       // parallel parsers; default GOMAXPROCS
	// Progress is called after each stored batch and at the end.
	Progress func(Progress)
	// Problem is called for each file or line that fails or is skipped.
	Problem func(Problem)
	// AfterBatch is called with the ids of the articles each batch added,
	// after it is committed (provenance links them).
	AfterBatch func(ctx context.Context, ids []int64) error
}

// Progress counts an import so far.
type Progress struct {
	Files      int   // files done
	TotalFiles int   // files found so far; final once Counted
	Counted    bool  // the walk has finished
	Bytes      int64 // bytes read
	Imported   int
	Duplicates int
	Skipped    int
	Failed     int
	Elapsed    time.Duration
}

// Problem is a file (or a line of one) that was not imported, or (with
// Warning set) one that was read without all it holds.
type Problem struct {
	Path    string
	Err     error
	Skipped bool // skipped on purpose (unsupported type), not failed
	// Warning is set for a file that is read in spite of Err (a manifest
	// with columns it does not know); it counts neither as failed nor as
	// skipped.
	Warning bool
}

// Verb is how the problem is named at the start of its line: "failed",
// "skipped" or "warning".
func (p Problem) Verb() string {
	switch {
	case p.Warning:
		return "warning"
	case p.Skipped:
		return "skipped"
	}
	return "failed"
}

func (p Problem) String() string {
	return fmt.Sprintf("%s: %s: %v", p.Verb(), p.Path, p.Err)
}

// Summary is the outcome of an import.
type Summary struct {
	Progress
	Unchanged   int // files skipped because they were imported before (counted as duplicates)
	Problems    []Problem
	Interrupted bool
}

// job is one file to read.
type job struct {
	seq   int
	path  string
	abs   string // path made absolute, as imported_files keeps it
	size  int64
	mtime int64
	d     Defaults
	kind  Kind
	skip  error // set when the file is known to be skipped
	// fresh is set when no file was imported from the path given to Run
	// that this file is found under, nor from any path under it: the file
	// cannot have been imported before.
	fresh bool
}

// result is a parsed file.
type result struct {
	job
	arts []*wiretrace.Article
	err  error
	// unchanged is set for a file imported before unchanged, which is
	// neither read nor parsed again; lookupErr when that could not be
	// looked up (the archive cannot be read).
	unchanged bool
	lookupErr error
}

// Run imports the files and folders at paths (folders recursively, in name
// order) into s. Files that fail are reported and the rest goes on; the
// error is only for what stops the whole import (the archive cannot be
// written, or ctx was cancelled, which also sets Summary.Interrupted).
// Articles are stored in batches, each in one transaction together with
// the list of files it completes, so an interrupted import resumes where it
// stopped when run again.
func Run(ctx context.Context, s Saver, paths []string, o Options) (*Summary, error) {
	if o.BatchSize <= 0 {
		o.BatchSize = 500
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	r := &runner{s: s, o: o, sum: &Summary{}, start: time.Now(), manifests: map[string]*Manifest{}}
	if err := o.Manifest.Warning(); err != nil {
		r.report(Problem{Path: o.Manifest.Path, Err: err, Warning: true})
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	jobs := make(chan job, o.Workers*4)
	results := make(chan result, o.Workers*4)
	// A file takes a slot when the walk sends it and frees it when the
	// writer takes it in walk order: this bounds the results held back
	// behind a slow file.
	r.slots = make(chan struct{}, o.Workers*16)
	walkErr := make(chan error, 1)
	go func() {
		defer close(jobs)
		walkErr <- r.walk(ctx, paths, jobs)
	}()
	var wg sync.WaitGroup
	for i := 0; i < o.Workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- r.parse(ctx, j)
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	// Batches are stored (and linked) in a goroutine of their own, so
	// that parsing goes on meanwhile; one more batch can wait for it.
	batches := make(chan batch, 1)
	storeErr := make(chan error, 1)
	go func() { storeErr <- r.store(ctx, cancel, batches) }()
	err := r.write(ctx, results, batches)
	if err != nil {
		cancel() // the batches still queued are not stored
	}
	close(batches)
	if serr := <-storeErr; serr != nil {
		err = serr
	}
	if err != nil {
		cancel()
		for range results { // let the workers finish
		}
	}
	if werr := <-walkErr; err == nil && werr != nil && !errors.Is(werr, context.Canceled) {
		err = werr
	}
	if ctx.Err() != nil || errors.Is(err, context.Canceled) {
		r.sum.Interrupted = true
		if errors.Is(err, context.Canceled) {
			err = nil
		}
	}
	r.sum.Elapsed = time.Since(r.start)
	r.progress()
	return r.sum, err
}

type runner struct {
	s     Saver
	o     Options
	sum   *Summary
	start time.Time
	mu    sync.Mutex // guards sum (written by the walk, writer and store) and manifests
	// manifests caches the folder manifest that applies in each folder
	// (nil when none).
	manifests map[string]*Manifest
	// slots holds a token for each file sent by the walk and not yet
	// taken by the writer.
	slots chan struct{}
}

// batch is articles to store in one transaction, with the files they
// complete.
type batch struct {
	arts  []*wiretrace.Article
	files []archive.ImportedFile
}

// parse parses one file, unless it was imported before unchanged: an
// import run again after an interruption only looks up the files it
// stored already.
func (r *runner) parse(ctx context.Context, j job) result {
	if j.skip == nil && !j.fresh {
		done, err := r.s.FileImported(ctx, j.abs, j.size, j.mtime)
		if err != nil || done {
			return result{job: j, unchanged: done, lookupErr: err}
		}
	}
	return parseJob(j)
}

// parseJob reads and parses one file (not JSON Lines, which the writer
// streams).
func parseJob(j job) result {
	res := result{job: j}
	if j.skip != nil || IsContainer(j.kind) {
		return res
	}
	limit, what := docLimit(j.kind)
	if j.size > limit {
		res.err = sizeTooLarge(what, j.size, limit)
		return res
	}
	raw, err := readRegular(j.path, limit, what)
	if err != nil {
		if errors.Is(err, ErrNotRegular) {
			res.skip = err
		} else {
			res.err = err
		}
		return res
	}
	res.arts, res.err = Parse(j.path, raw, j.d)
	return res
}

// write gathers results in walk order into batches and hands them to
// batches, to be stored by store.
func (r *runner) write(ctx context.Context, results <-chan result, batches chan<- batch) error {
	pending := map[int]result{}
	next := 0
	var arts []*wiretrace.Article
	var files []archive.ImportedFile
	flush := func() error {
		if len(arts) == 0 && len(files) == 0 {
			return nil
		}
		select {
		case batches <- batch{arts: arts, files: files}:
		case <-ctx.Done():
			return ctx.Err()
		}
		// The store owns the slices now.
		arts, files = nil, nil
		return nil
	}
	handle := func(res result) error {
		r.mu.Lock()
		r.sum.Files++
		r.sum.Bytes += res.size
		r.mu.Unlock()
		if res.skip != nil {
			r.count(&r.sum.Skipped, 1)
			r.report(Problem{Path: res.path, Err: res.skip, Skipped: true})
			return nil
		}
		if res.lookupErr != nil {
			return res.lookupErr
		}
		if res.unchanged {
			r.mu.Lock()
			r.sum.Unchanged++
			r.sum.Duplicates++
			r.mu.Unlock()
			return nil
		}
		if IsContainer(res.kind) {
			return r.streamFile(ctx, res.job, &arts, &files, flush)
		}
		if res.err != nil {
			r.count(&r.sum.Failed, 1)
			r.report(Problem{Path: res.path, Err: res.err})
			return nil
		}
		arts = append(arts, res.arts...)
		files = append(files, archive.ImportedFile{Path: res.abs, Size: res.size, MTime: res.mtime})
		if len(arts) >= r.o.BatchSize {
			return flush()
		}
		return nil
	}
	for res := range results {
		pending[res.seq] = res
		for {
			p, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-r.slots
			if ctx.Err() != nil {
				continue // drain without storing
			}
			if err := handle(p); err != nil {
				return err
			}
		}
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return flush()
}

// store stores batches in order and links each after it is committed.
// On a failure it calls cancel, which stops the walk and the writer, skips
// the batches still queued and returns the error.
func (r *runner) store(ctx context.Context, cancel func(), batches <-chan batch) error {
	var err error
	for b := range batches {
		if err != nil || ctx.Err() != nil {
			continue // drain without storing
		}
		if err = r.storeBatch(ctx, b); err != nil {
			cancel()
		}
	}
	return err
}

// storeBatch stores one batch, counts what it added and calls AfterBatch
// with the new ids. It returns a *fatalError when the archive or the
// linking fails.
func (r *runner) storeBatch(ctx context.Context, b batch) error {
	res, err := r.s.AddBatch(ctx, b.arts, b.files)
	if err != nil {
		return &fatalError{err}
	}
	var ids []int64
	dups := 0
	for _, a := range res {
		if a.Duplicate {
			dups++
		} else {
			ids = append(ids, a.ID)
		}
	}
	r.mu.Lock()
	r.sum.Duplicates += dups
	r.sum.Imported += len(ids)
	r.mu.Unlock()
	if r.o.AfterBatch != nil && len(ids) > 0 {
		if err := r.o.AfterBatch(ctx, ids); err != nil {
			return &fatalError{err}
		}
	}
	r.progress()
	return nil
}

// count adds n to one of the summary's counters.
func (r *runner) count(c *int, n int) {
	r.mu.Lock()
	*c += n
	r.mu.Unlock()
}

func (r *runner) report(p Problem) {
	r.mu.Lock()
	r.sum.Problems = append(r.sum.Problems, p)
	r.mu.Unlock()
	if r.o.Problem != nil {
		r.o.Problem(p)
	}
}

func (r *runner) progress() {
	if r.o.Progress == nil {
		return
	}
	r.mu.Lock()
	p := r.sum.Progress
	r.mu.Unlock()
	p.Elapsed = time.Since(r.start)
	r.o.Progress(p)
}
