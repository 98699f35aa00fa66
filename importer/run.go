package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/wiretrace/wiretrace/archive"
)

// Saver stores imported articles; *archive.Store is one.
type Saver interface {
	// AddBatch stores articles and marks files as imported, atomically.
	AddBatch(ctx context.Context, arts []*archive.Article, files []archive.ImportedFile) ([]archive.AddResult, error)
	// FileImported reports whether this file was imported before unchanged.
	FileImported(ctx context.Context, path string, size, mtime int64) (bool, error)
}

// importedUnder is implemented by a Saver that can tell whether any file
// at or under a path was imported: Run looks up no file under a folder
// that none was imported from.
type importedUnder interface {
	ImportedUnder(ctx context.Context, path string) (bool, error)
}

// MaxFileSize bounds a text or HTML file; larger ones fail with a reason.
// JSON Lines files are streamed and have no bound.
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

// Problem is a file (or a line of one) that was not imported.
type Problem struct {
	Path    string
	Err     error
	Skipped bool // skipped on purpose (unsupported type), not failed
}

func (p Problem) String() string {
	verb := "failed"
	if p.Skipped {
		verb = "skipped"
	}
	return fmt.Sprintf("%s: %s: %v", verb, p.Path, p.Err)
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
	arts []*archive.Article
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
	arts  []*archive.Article
	files []archive.ImportedFile
}

// freshRoots reports, for each of paths, whether no file at or under it
// was imported before (so that its files need not be looked up one by
// one: 2% of the CPU of a 100k import). A path is never fresh when the
// Saver cannot tell, when it cannot be looked up, or when it overlaps
// another of paths, whose files this import may store first.
func (r *runner) freshRoots(ctx context.Context, paths []string) []bool {
	fresh := make([]bool, len(paths))
	iu, ok := r.s.(importedUnder)
	if !ok {
		return fresh
	}
	abs := make([]string, len(paths))
	for i, p := range paths {
		a, err := filepath.Abs(p)
		if err != nil {
			return fresh
		}
		abs[i] = a
	}
	for i, a := range abs {
		overlaps := false
		for j, b := range abs {
			if i != j && (within(a, b) || within(b, a)) {
				overlaps = true
			}
		}
		if overlaps {
			continue
		}
		done, err := iu.ImportedUnder(ctx, a)
		fresh[i] = err == nil && !done
	}
	return fresh
}

func (r *runner) walk(ctx context.Context, paths []string, jobs chan<- job) error {
	fresh := r.freshRoots(ctx, paths)
	seq := 0
	send := func(j job) error {
		j.seq = seq
		seq++
		r.mu.Lock()
		r.sum.TotalFiles++
		r.mu.Unlock()
		select {
		case r.slots <- struct{}{}:
		case <-ctx.Done():
			return ctx.Err()
		}
		select {
		case jobs <- j:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	for i, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			if err := send(job{path: p, skip: fmt.Errorf("cannot read: %w", unwrapPathError(err))}); err != nil {
				return err
			}
			continue
		}
		if !fi.IsDir() {
			if err := send(r.fileJob(p, fi, fresh[i])); err != nil {
				return err
			}
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err != nil {
				return send(job{path: path, skip: fmt.Errorf("cannot read: %w", unwrapPathError(err))})
			}
			name := d.Name()
			if path != p && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || isManifestName(name) || (r.o.Manifest != nil && sameFile(path, r.o.Manifest.Path)) {
				return nil
			}
			if !d.Type().IsRegular() {
				return nil
			}
			fi, err := d.Info()
			if err != nil {
				return send(job{path: path, skip: fmt.Errorf("cannot read: %w", unwrapPathError(err))})
			}
			return send(r.fileJob(path, fi, fresh[i]))
		})
		if err != nil {
			return err
		}
	}
	r.mu.Lock()
	r.sum.Counted = true
	r.mu.Unlock()
	return nil
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func sameFile(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == bb
}

func (r *runner) fileJob(path string, fi fs.FileInfo, fresh bool) job {
	abs, _ := filepath.Abs(path)
	j := job{path: path, abs: abs, size: fi.Size(), mtime: fi.ModTime().UnixNano(), fresh: fresh}
	j.d = Defaults{Source: r.o.Source, Entry: r.o.Manifest.Lookup(path)}
	if j.d.Entry == nil {
		j.d.Entry = r.folderManifest(filepath.Dir(path)).Lookup(path)
	}
	// Only a name without a known extension (or an .xml that may be a feed)
	// needs its first bytes looked at; the rest is told by the name, so
	// most files are opened once, by the parser.
	var head []byte
	if ext := strings.ToLower(filepath.Ext(path)); ext == "" || ext == ".xml" {
		head = make([]byte, 512)
		if f, err := os.Open(path); err == nil {
			n, _ := io.ReadFull(f, head)
			head = head[:n]
			f.Close()
		}
	}
	j.kind = containerKind(path, head)
	if j.kind == "" {
		j.kind = KindOf(path, head)
	}
	if j.kind == "" {
		j.skip = fmt.Errorf("%w %q", ErrUnsupported, filepath.Ext(path))
	}
	return j
}

// folderManifest returns the manifest under one of ManifestNames in dir or
// the nearest folder above it, or nil.
func (r *runner) folderManifest(dir string) *Manifest {
	r.mu.Lock()
	m, ok := r.manifests[dir]
	if !ok {
		// The walk never comes back to a folder it has left, so only the
		// manifests of dir's parents can apply again: forget the others
		// (a large import would otherwise keep every manifest it read).
		for d := range r.manifests {
			if !within(dir, d) {
				delete(r.manifests, d)
			}
		}
	}
	r.mu.Unlock()
	if ok {
		return m
	}
	for _, n := range ManifestNames {
		p := filepath.Join(dir, n)
		if _, err := os.Stat(p); err == nil {
			mm, err := ReadManifest(p)
			if err != nil {
				r.report(Problem{Path: p, Err: err})
				break
			}
			m = mm
			break
		}
	}
	if m == nil {
		if parent := filepath.Dir(dir); parent != dir {
			m = r.folderManifest(parent)
		}
	}
	r.mu.Lock()
	r.manifests[dir] = m
	r.mu.Unlock()
	return m
}

// within reports whether the folder dir is parent or the same folder.
func within(dir, parent string) bool {
	rel, err := filepath.Rel(parent, dir)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
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
	if j.size > MaxFileSize {
		res.err = fmt.Errorf("file too large (%d MB, limit %d MB)", j.size>>20, MaxFileSize>>20)
		return res
	}
	raw, err := os.ReadFile(j.path)
	if err != nil {
		res.err = unwrapPathError(err)
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
	var arts []*archive.Article
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

// streamFile stores the articles of a container file (JSON Lines, feed,
// WARC, zip, tar) batch by batch, parsing its documents in parallel; the
// file is marked imported with its last batch.
func (r *runner) streamFile(ctx context.Context, j job, arts *[]*archive.Article, files *[]archive.ImportedFile, flush func() error) error {
	f, err := os.Open(j.path)
	if err != nil {
		r.count(&r.sum.Failed, 1)
		r.report(Problem{Path: j.path, Err: unwrapPathError(err)})
		return nil
	}
	defer f.Close()
	good, bad := 0, 0
	add := func(a *archive.Article) error {
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
		arts []*archive.Article
		err  error
	}
	var chunk []*doc
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
		chunk = chunk[:0]
		return nil
	}
	s := sink{
		doc: func(name string, raw []byte, d Defaults) error {
			chunk = append(chunk, &doc{name: name, raw: raw, d: d})
			if len(chunk) >= 4*r.o.Workers {
				return parseChunk()
			}
			return nil
		},
		art: func(a *archive.Article) error {
			if err := parseChunk(); err != nil {
				return err
			}
			return add(a)
		},
		bad: func(name string, err error, skipped bool) {
			if skipped {
				r.count(&r.sum.Skipped, 1)
			} else {
				bad++
			}
			r.report(Problem{Path: name, Err: err, Skipped: skipped})
		},
	}
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
