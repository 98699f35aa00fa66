package linking

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/internal/par"
	"github.com/wiretrace/wiretrace/provenance"
)

// session links the successive batches of one import. It keeps the
// candidate articles it has read and their prepared texts from one batch
// to the next (a bounded number of them), since the copies of a story
// arrive close together. Articles must not change while a session is in
// use; its Link calls must not overlap.
type session struct {
	s     *archive.Store
	cache *provenance.Cache
	docs  *docCache
	full  *saturated
	stale int // link ends stored since the stories were last updated, at most

	// waiting, when set, is called once if another process holds the
	// archive's link lock, which the first Link waits for.
	waiting func(archive.LinkHolder)
	lock    *archive.LinkLock
	// marked are the articles this session marked stale (stories to
	// update); flushAll is set when the session took the lock over from
	// a process that died holding it, whose stale stories are left too.
	marked   []int64
	flushAll bool
	// relink, when set, is a relink's progress to record with each
	// batch's links; printed is the last article whose fingerprints the
	// relink has stored already.
	relink  bool
	printed int64

	// fps and stored are the storing of the last batch's fingerprints
	// and of its links, nil before the first batch.
	fps, stored *pending
}

// pending is work going on in the background: done is closed when it is
// over, err is then its outcome.
type pending struct {
	done chan struct{}
	err  error
}

// wait returns the outcome of p once it is over; a nil p is over.
func (p *pending) wait() error {
	if p == nil {
		return nil
	}
	<-p.done
	return p.err
}

// failed returns the error of p if it is over and failed.
func (p *pending) failed() error {
	if p == nil {
		return nil
	}
	select {
	case <-p.done:
		return p.err
	default:
		return nil
	}
}

// newSession returns a session that links the articles of s.
func newSession(s *archive.Store) *session {
	return &session{s: s, cache: provenance.NewCache(), docs: newDocCache(), full: newSaturated()}
}

// Link fingerprints the articles ids (new articles, larger ids than any
// already linked), links each to the older articles of the archive and
// stores the links, in the background while the next batch is linked.
// The Service calls it for each committed batch. The stories the links
// touch are recomputed once there are staleFlush of them or more, and by Flush, which must end a session:
// the copies of one story arrive in many batches, and recomputing it after
// each was a sixth of the linking's time.
func (x *session) Link(ctx context.Context, ids []int64) error {
	s := x.s
	if len(ids) == 0 {
		return nil
	}
	if err := x.stored.failed(); err != nil {
		return err
	}
	if err := x.acquire(ctx); err != nil {
		return err
	}
	ids = append([]int64(nil), ids...)
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	docs := make([]provenance.Doc, 0, len(ids))
	fps := make(map[int64][]uint64, len(ids))
	cache := x.cache
	// The batch's tokens and sides, made with its fingerprints, serve
	// again to link each of its articles.
	cache.Hold(ids)
	defer cache.Release()
	arts, err := s.Articles(ctx, ids)
	if err != nil {
		return fmt.Errorf("link: %w", err)
	}
	for _, id := range ids {
		if a, ok := arts[id]; ok { // else deleted since
			docs = append(docs, docOf(a))
		}
	}
	prints := make([][]uint64, len(docs))
	par.Each(len(docs), func(i int) { prints[i] = cache.Fingerprints(docs[i]) })
	for i, d := range docs {
		fps[d.ID] = prints[i]
	}
	// The batch's fingerprints are stored while it is linked: it finds
	// its own articles in the batch index, and the articles before it in
	// the archive, once the previous batch's are stored.
	if err := x.fps.wait(); err != nil {
		return err
	}
	fpsStored := &pending{done: make(chan struct{})}
	go func() {
		defer close(fpsStored.done)
		if x.relink && ids[len(ids)-1] <= x.printed {
			return // stored by the relink's first phase
		}
		if err := s.SetFingerprints(ctx, fps); err != nil {
			fpsStored.err = fmt.Errorf("link: %w", err)
		}
	}()
	x.fps = fpsStored
	bx := newBatchIndex(s, x.docs, x.full, fps)
	for _, d := range docs {
		x.docs.put(d)
	}
	l := &provenance.Linker{Index: bx, Before: true, Cache: cache}
	links, err := linkEach(ctx, len(docs), func(i int) (provenance.Doc, bool, error) { return docs[i], true, nil }, l)
	if err != nil {
		return fmt.Errorf("link: %w", err)
	}
	known := x.texts(docs, links, bx)
	// The links are stored while the next batch is linked: linking
	// reads fingerprints, metadata and texts, never links. Batches store
	// their links in order, since a batch replaces the links of its
	// articles, which the next batch links to.
	prev, stored := x.stored, &pending{done: make(chan struct{})}
	x.stored = stored
	go func() {
		defer close(stored.done)
		if stored.err = fpsStored.wait(); stored.err != nil {
			return
		}
		if stored.err = prev.wait(); stored.err != nil {
			return
		}
		stored.err = x.store(ctx, ids, links, known)
	}()
	return nil
}

// texts returns the texts of the articles of links that the session holds:
// those of the batch (docs), the candidates read for it (bx) and those
// still in its cache.
func (x *session) texts(docs []provenance.Doc, links []wiretrace.Link, bx *batchIndex) map[int64]string {
	batch := make(map[int64]string, len(docs))
	for _, d := range docs {
		batch[d.ID] = d.Text
	}
	out := make(map[int64]string, 2*len(docs))
	for _, l := range links {
		for _, id := range [2]int64{l.From, l.To} {
			if _, ok := out[id]; ok {
				continue
			}
			if t, ok := batch[id]; ok {
				out[id] = t
			} else if t, ok := bx.text(id); ok {
				out[id] = t
			} else if d, ok := x.docs.get(id); ok {
				out[id] = d.Text
			}
		}
	}
	return out
}

// store stores the links of the articles ids, and updates the stories
// once staleFlush link ends wait for it. known holds the texts of some of
// the links' articles.
func (x *session) store(ctx context.Context, ids []int64, links []wiretrace.Link, known map[int64]string) error {
	w := archive.LinkWrite{Articles: ids, Links: links, Known: known, Older: true}
	if x.relink {
		w.RelinkUpto = ids[len(ids)-1]
	}
	marked, err := x.s.WriteLinks(ctx, w)
	if err != nil {
		return fmt.Errorf("link: %w", err)
	}
	x.marked = append(x.marked, marked...)
	if x.stale += 2 * len(links); x.stale >= staleFlush {
		x.stale = 0
		return x.flushMarked(ctx)
	}
	return nil
}

// acquire takes the archive's link lock for the session, waiting for
// another process that holds it, unless the session holds it already.
func (x *session) acquire(ctx context.Context) error {
	if x.lock != nil {
		return nil
	}
	l, err := x.s.LockLinking(ctx, x.waiting)
	if err != nil {
		return fmt.Errorf("link: %w", err)
	}
	x.lock = l
	if l.TookOver {
		x.flushAll = true
	}
	return nil
}

// Release gives the archive's link lock up (Flush does too); the
// session takes it again at its next Link.
func (x *session) Release(ctx context.Context) error {
	err := x.lock.Release(ctx)
	x.lock = nil
	return err
}

// Abandon drops the session's link lock without releasing it, as a
// process killed while linking would; the next session takes the lock
// over and updates the stories this one left out of date. Service.Flush
// abandons the lock of a session that failed or was cancelled.
func (x *session) Abandon() {
	x.lock.Abandon()
	x.lock = nil
}

// flushMarked updates the stories of the articles this session marked
// stale and that still are: work in proportion to the session's, however
// many other rows stories_stale holds (an import that read all of them
// took 45 s with 10 million).
func (x *session) flushMarked(ctx context.Context) error {
	ids := x.marked
	x.marked = nil
	slices.Sort(ids)
	ids = slices.Compact(ids)
	for start := 0; start < len(ids); start += staleChunk {
		still, err := x.s.StaleAmong(ctx, ids[start:min(start+staleChunk, len(ids))])
		if err != nil {
			return err
		}
		if len(still) == 0 {
			continue
		}
		if err := updateStories(ctx, x.s, still); err != nil {
			return err
		}
		if err := x.s.UnmarkStale(ctx, still); err != nil {
			return err
		}
	}
	return nil
}

// Wait returns once the links of every batch linked so far are stored,
// with the first error storing them. It does not update stories (Flush
// does).
func (x *session) Wait() error {
	if err := x.fps.wait(); err != nil {
		return err
	}
	return x.stored.wait()
}

// staleFlush is how many link ends a session stores before it updates
// their stories.
const staleFlush = 400000

// Flush updates the stories of every article whose links this session
// changed, and those an earlier session left out of date when it was
// interrupted (it died holding the link lock, which this one took over),
// then releases the link lock.
func (x *session) Flush(ctx context.Context) error {
	if err := x.Wait(); err != nil {
		return err
	}
	x.stale = 0
	// A session that linked nothing still takes the lock, to learn
	// whether an interrupted one left stories to update.
	if err := x.acquire(ctx); err != nil {
		return err
	}
	if err := x.flushMarked(ctx); err != nil {
		return err
	}
	if x.flushAll {
		if err := flushStories(ctx, x.s, nil); err != nil {
			return err
		}
		x.flushAll = false
	}
	return x.Release(ctx)
}

// linkEach links n articles (doc returns the i-th, or false when it is
// gone) on up to GOMAXPROCS goroutines and returns their links in article
// order. With Before set, the articles are independent of each other: each
// is linked to older ones, whose fingerprints are already stored.
func linkEach(ctx context.Context, n int, doc func(i int) (provenance.Doc, bool, error), l *provenance.Linker) ([]wiretrace.Link, error) {
	res := make([][]wiretrace.Link, n)
	errs := make([]error, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n || ctx.Err() != nil {
					return
				}
				d, ok, err := doc(i)
				if err == nil && ok {
					res[i], err = l.Link(ctx, d)
				}
				if err != nil {
					errs[i] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []wiretrace.Link
	for i := range res {
		if errs[i] != nil {
			return nil, errs[i]
		}
		out = append(out, res[i]...)
	}
	return out, nil
}
