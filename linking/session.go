// Package linking runs package provenance over an archive: it adapts an
// archive.Store to provenance.Index, links newly imported articles and
// relinks a whole archive. The archive stores; provenance computes; this
// package only moves values between the two.
package linking

import (
	"context"
	"errors"
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

// Index is an archive.Store seen as a provenance.Index.
type Index struct{ Store *archive.Store }

var _ provenance.Index = Index{}

// Postings implements provenance.Index.
func (x Index) Postings(ctx context.Context, fps []uint64, limit int) (map[uint64][]int64, error) {
	return x.Store.Postings(ctx, fps, limit)
}

// Meta implements provenance.Index.
func (x Index) Meta(ctx context.Context, ids []int64) (map[int64]provenance.Meta, error) {
	ms, err := x.Store.Meta(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]provenance.Meta, len(ms))
	for id, m := range ms {
		out[id] = provenance.Meta{Source: m.Source, Language: m.Language}
	}
	return out, nil
}

// Doc implements provenance.Index.
func (x Index) Doc(ctx context.Context, id int64) (provenance.Doc, error) {
	a, err := x.Store.Article(ctx, id)
	if errors.Is(err, archive.ErrNotFound) {
		return provenance.Doc{}, fmt.Errorf("%w: %w", provenance.ErrNotFound, err)
	}
	if err != nil {
		return provenance.Doc{}, err
	}
	return DocOf(a), nil
}

var _ provenance.DocsIndex = Index{}

// Docs implements provenance.DocsIndex.
func (x Index) Docs(ctx context.Context, ids []int64) (map[int64]provenance.Doc, error) {
	as, err := x.Store.Articles(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]provenance.Doc, len(as))
	for id, a := range as {
		out[id] = DocOf(a)
	}
	return out, nil
}

// batchIndex is the Index of one batch of articles being linked: the
// postings of all the batch's fingerprints are looked up in one pass, at
// the first lookup, and candidate articles are read through a docCache.
// It is safe for concurrent use.
type batchIndex struct {
	Index
	fps  []uint64 // every fingerprint of the batch
	docs *docCache
	full *saturated
	// local holds the postings of the batch's own articles, ascending,
	// whether or not the archive has them yet: the batch's fingerprints
	// are stored while it is linked.
	local map[uint64][]int64

	mu      sync.Mutex
	limit   int // of the prefetched postings, 0 before the first lookup
	fetched map[uint64]bool
	post    map[uint64][]int64

	// read holds the text of every candidate read for the batch, for
	// storing its links: the docCache has dropped many of them by then,
	// and reading them again was 1% of an import's time.
	readMu sync.Mutex
	read   map[int64]string
}

// saw records the text of d, read for the batch.
func (b *batchIndex) saw(d provenance.Doc) {
	b.readMu.Lock()
	defer b.readMu.Unlock()
	if b.read == nil {
		b.read = map[int64]string{}
	}
	b.read[d.ID] = d.Text
}

// text returns the text of a candidate read for the batch.
func (b *batchIndex) text(id int64) (string, bool) {
	b.readMu.Lock()
	defer b.readMu.Unlock()
	t, ok := b.read[id]
	return t, ok
}

// docCache keeps the articles read as candidates, so that each is read
// from the archive once for many articles that find it, and the metadata
// of every article read. It is safe for concurrent use.
type docCache struct {
	mu   sync.Mutex
	docs map[int64]provenance.Doc
	meta *metaTable
}

func newDocCache() *docCache {
	return &docCache{docs: map[int64]provenance.Doc{}, meta: newMetaTable()}
}

func (c *docCache) get(id int64) (provenance.Doc, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	d, ok := c.docs[id]
	return d, ok
}

func (c *docCache) put(d provenance.Doc) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.docs) >= maxCachedDocs {
		clear(c.docs)
	}
	c.docs[d.ID] = d
	c.meta.put(d.ID, provenance.Meta{Source: d.Source, Language: d.Language})
}

// saturated keeps the postings of the fingerprints found held by limit
// articles or more, across the batches of a session: the smallest limit
// ids of such a fingerprint stay the same as articles are added (they get
// larger ids), and the Linker only counts them, as boilerplate. They were
// an eighth of the lookups but half of the index entries read: a fixed
// footer line or a wire story's most common sentence was read again, 101
// ids, for every later article that held it. It is safe for concurrent
// use.
type saturated struct {
	mu    sync.Mutex
	limit int
	lists map[uint64][]int64
}

// maxSaturated bounds the fingerprints a saturated keeps (6.5 MB of ids at
// the Linker's limit of 101).
const maxSaturated = 1 << 13

func newSaturated() *saturated { return &saturated{lists: map[uint64][]int64{}} }

// split returns the fingerprints of fps whose postings with limit are not
// known, and the known ones; a nil saturated knows none. The lists are shared: callers must not change
// them.
func (s *saturated) split(fps []uint64, limit int) (rest []uint64, known map[uint64][]int64) {
	if s == nil {
		return fps, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	known = map[uint64][]int64{}
	if limit != s.limit {
		return fps, known
	}
	rest = make([]uint64, 0, len(fps))
	for _, fp := range fps {
		if ids, ok := s.lists[fp]; ok {
			known[fp] = ids
		} else {
			rest = append(rest, fp)
		}
	}
	return rest, known
}

// add keeps the lists of post, looked up with limit, that are limit long.
func (s *saturated) add(post map[uint64][]int64, limit int) {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if limit != s.limit {
		clear(s.lists)
		s.limit = limit
	}
	for fp, ids := range post {
		if len(ids) >= limit && len(s.lists) < maxSaturated {
			s.lists[fp] = ids
		}
	}
}

// lookup returns the postings of fps in the archive, those of saturated
// fingerprints from b.full, the others read in as many parts as there are
// cores (one per thousand fingerprints at least), each on a connection of
// its own.
func (b *batchIndex) lookup(ctx context.Context, fps []uint64, limit int) (map[uint64][]int64, error) {
	rest, known := b.full.split(fps, limit)
	parts := min(runtime.GOMAXPROCS(0), max(1, len(rest)/1000))
	posts := make([]map[uint64][]int64, parts)
	errs := make([]error, parts)
	var wg sync.WaitGroup
	for i := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			part := rest[i*len(rest)/parts : (i+1)*len(rest)/parts]
			posts[i], errs[i] = b.Index.Postings(ctx, part, limit)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	for _, p := range posts[1:] {
		for fp, ids := range p {
			posts[0][fp] = ids
		}
	}
	b.full.add(posts[0], limit)
	for fp, ids := range known {
		posts[0][fp] = ids
	}
	return posts[0], nil
}

func newBatchIndex(s *archive.Store, docs *docCache, full *saturated, fps map[int64][]uint64) *batchIndex {
	b := &batchIndex{Index: Index{s}, docs: docs, full: full, fetched: map[uint64]bool{}, local: map[uint64][]int64{}}
	ids := make([]int64, 0, len(fps))
	for id := range fps {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		for _, fp := range fps[id] {
			if !b.fetched[fp] {
				b.fetched[fp] = true
				b.fps = append(b.fps, fp)
			}
			b.local[fp] = append(b.local[fp], id)
		}
	}
	sort.Slice(b.fps, func(i, j int) bool { return b.fps[i] < b.fps[j] })
	return b
}

// Postings implements provenance.Index.
func (b *batchIndex) Postings(ctx context.Context, fps []uint64, limit int) (map[uint64][]int64, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.limit == 0 {
		post, err := b.prefetch(ctx, limit)
		if err != nil {
			return nil, err
		}
		b.post, b.limit = b.withLocal(post, b.fps, limit), limit
	}
	if limit != b.limit {
		post, err := b.lookup(ctx, fps, limit)
		if err != nil {
			return nil, err
		}
		return b.withLocal(post, fps, limit), nil
	}
	out := make(map[uint64][]int64, len(fps))
	var missing []uint64
	for _, fp := range fps {
		if !b.fetched[fp] {
			missing = append(missing, fp)
		} else if ids, ok := b.post[fp]; ok {
			out[fp] = ids
		}
	}
	if len(missing) > 0 {
		more, err := b.lookup(ctx, missing, limit)
		if err != nil {
			return nil, err
		}
		for fp, ids := range more {
			out[fp] = ids
		}
	}
	return out, nil
}

// prefetch looks up the postings of all the batch's fingerprints: every
// article of the batch waits for them.
func (b *batchIndex) prefetch(ctx context.Context, limit int) (map[uint64][]int64, error) {
	return b.lookup(ctx, b.fps, limit)
}

// withLocal adds the batch's own postings of fps to post, their postings
// in the archive looked up with limit, as if the archive had them all:
// the smallest limit ids of each fingerprint, ascending, each once.
func (b *batchIndex) withLocal(post map[uint64][]int64, fps []uint64, limit int) map[uint64][]int64 {
	for _, fp := range fps {
		mine, ok := b.local[fp]
		if !ok {
			continue
		}
		stored := post[fp]
		if len(stored) >= limit && stored[len(stored)-1] < mine[0] {
			continue // the batch's ids come after the limit
		}
		// A copy: the batch keeps its own lists.
		merged := slices.Clip(archive.MergeIDs(stored, slices.Clone(mine), limit))
		post[fp] = merged
	}
	return post
}

// Meta implements provenance.Index.
func (b *batchIndex) Meta(ctx context.Context, ids []int64) (map[int64]provenance.Meta, error) {
	out := make(map[int64]provenance.Meta, len(ids))
	var missing []int64
	t := b.docs.meta
	t.mu.Lock()
	for _, id := range ids {
		if m, ok := t.getLocked(id); ok {
			out[id] = m
		} else {
			missing = append(missing, id)
		}
	}
	t.mu.Unlock()
	if len(missing) == 0 {
		return out, nil
	}
	more, err := b.Index.Meta(ctx, missing)
	if err != nil {
		return nil, err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	for id, m := range more {
		out[id] = m
		t.putLocked(id, m)
	}
	return out, nil
}

// Doc implements provenance.Index.
func (b *batchIndex) Doc(ctx context.Context, id int64) (provenance.Doc, error) {
	if d, ok := b.docs.get(id); ok {
		b.saw(d)
		return d, nil
	}
	d, err := b.Index.Doc(ctx, id)
	if err != nil {
		return d, err
	}
	b.docs.put(d)
	b.saw(d)
	return d, nil
}

// Docs implements provenance.DocsIndex.
func (b *batchIndex) Docs(ctx context.Context, ids []int64) (map[int64]provenance.Doc, error) {
	out := make(map[int64]provenance.Doc, len(ids))
	var missing []int64
	for _, id := range ids {
		if d, ok := b.docs.get(id); ok {
			out[id] = d
		} else {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		more, err := b.Index.Docs(ctx, missing)
		if err != nil {
			return nil, err
		}
		for id, d := range more {
			b.docs.put(d)
			out[id] = d
		}
	}
	for _, d := range out {
		b.saw(d)
	}
	return out, nil
}

// maxCachedDocs bounds the candidate articles a batchIndex keeps.
const maxCachedDocs = 2048

// DocOf returns the provenance view of an article.
func DocOf(a *wiretrace.Article) provenance.Doc {
	return provenance.Doc{ID: a.ID, Source: a.Source, Title: a.Title, Text: a.Text, Language: a.Language,
		Published: a.Published, Credits: a.Credits}
}

// maxStory bounds the articles gathered when stories are recomputed.
const maxStory = 100000

// Link fingerprints the articles ids (new articles, larger ids than any
// already linked), links each to the older articles of the archive,
// stores the links and updates the stories they touch.
func Link(ctx context.Context, s *archive.Store, ids []int64) error {
	x := NewSession(s)
	if err := x.Link(ctx, ids); err != nil {
		return err
	}
	return x.Flush(ctx)
}

// Session links the successive batches of one import. It keeps the
// candidate articles it has read and their prepared texts from one batch
// to the next (a bounded number of them), since the copies of a story
// arrive close together. Articles must not change while a Session is in
// use; its Link calls must not overlap.
type Session struct {
	s     *archive.Store
	cache *provenance.Cache
	docs  *docCache
	full  *saturated
	stale int // link ends stored since the stories were last updated, at most

	// Waiting, when set, is called once if another process holds the
	// archive's link lock, which the first Link waits for.
	Waiting func(archive.LinkHolder)
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

// NewSession returns a Session that links the articles of s.
func NewSession(s *archive.Store) *Session {
	return &Session{s: s, cache: provenance.NewCache(), docs: newDocCache(), full: newSaturated()}
}

// Link fingerprints the articles ids (new articles, larger ids than any
// already linked), links each to the older articles of the archive and
// stores the links, in the background while the next batch is linked.
// The import command calls it after each committed batch. The stories the links touch are recomputed once there are
// staleFlush of them or more, and by Flush, which must end a session:
// the copies of one story arrive in many batches, and recomputing it after
// each was a sixth of the linking's time.
func (x *Session) Link(ctx context.Context, ids []int64) error {
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
			docs = append(docs, DocOf(a))
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
func (x *Session) texts(docs []provenance.Doc, links []wiretrace.Link, bx *batchIndex) map[int64]string {
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
func (x *Session) store(ctx context.Context, ids []int64, links []wiretrace.Link, known map[int64]string) error {
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
func (x *Session) acquire(ctx context.Context) error {
	if x.lock != nil {
		return nil
	}
	l, err := x.s.LockLinking(ctx, x.Waiting)
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
func (x *Session) Release(ctx context.Context) error {
	err := x.lock.Release(ctx)
	x.lock = nil
	return err
}

// Abandon drops the session's link lock without releasing it, as a
// process killed while linking would; the next session takes the lock
// over and updates the stories this one left out of date. For tests.
func (x *Session) Abandon() {
	x.lock.Abandon()
	x.lock = nil
}

// flushMarked updates the stories of the articles this session marked
// stale and that still are: work in proportion to the session's, however
// many other rows stories_stale holds (an import that read all of them
// took 45 s with 10 million).
func (x *Session) flushMarked(ctx context.Context) error {
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
		if err := UpdateStories(ctx, x.s, still); err != nil {
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
func (x *Session) Wait() error {
	if err := x.fps.wait(); err != nil {
		return err
	}
	return x.stored.wait()
}

// staleFlush is how many link ends a Session stores before it updates
// their stories.
const staleFlush = 400000

// Flush updates the stories of every article whose links this session
// changed, and those an earlier session left out of date when it was
// interrupted (it died holding the link lock, which this one took over),
// then releases the link lock.
func (x *Session) Flush(ctx context.Context) error {
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
		if err := FlushStories(ctx, x.s); err != nil {
			return err
		}
		x.flushAll = false
	}
	return x.Release(ctx)
}

// FlushStories updates the stories of every article of s whose links
// changed since its story was last computed (archive.Store.StaleStories).
func FlushStories(ctx context.Context, s *archive.Store) error {
	return flushStories(ctx, s, nil)
}

// flushStories is FlushStories, calling done, when not nil, with the last
// article whose story is up to date after each chunk.
func flushStories(ctx context.Context, s *archive.Store, done func(upto int64)) error {
	var after int64
	for {
		ids, err := s.StaleStories(ctx, after, staleChunk)
		if err != nil || len(ids) == 0 {
			return err
		}
		if err := UpdateStories(ctx, s, ids); err != nil {
			return err
		}
		// Rows of missing articles, which no story unmarks.
		if err := s.UnmarkStale(ctx, ids); err != nil {
			return err
		}
		after = ids[len(ids)-1]
		if done != nil {
			done(after)
		}
	}
}

// staleChunk is how many stale articles UpdateStories is given at once.
// Their whole stories are read, with the links among them: 2,000 articles
// of a 100k-article import are about 13,000 articles of their stories
// (20,000 made the import's peak memory 70 MB larger). An article that a
// chunk's stories include is no longer stale, so a story is recomputed
// once for all its stale articles.
const staleChunk = 2000

// UpdateStories recomputes and stores the stories of the given articles:
// the connected components of links that hold them. At most maxStory
// articles are gathered: beyond that, a component is cut short.
func UpdateStories(ctx context.Context, s *archive.Store, ids []int64) error {
	seen := map[int64]bool{}
	var all, frontier []int64
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			all = append(all, id)
			frontier = append(frontier, id)
		}
	}
	for len(frontier) > 0 && len(all) < maxStory {
		next, err := s.LinkedIDs(ctx, frontier)
		if err != nil {
			return fmt.Errorf("update stories: %w", err)
		}
		frontier = frontier[:0]
		for _, id := range next {
			if !seen[id] {
				seen[id] = true
				all = append(all, id)
				frontier = append(frontier, id)
			}
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	briefs, err := s.Briefs(ctx, all)
	if err != nil {
		return fmt.Errorf("update stories: %w", err)
	}
	links, err := s.LinkEndsAmong(ctx, all)
	if err != nil {
		return fmt.Errorf("update stories: %w", err)
	}
	docs := make([]provenance.Doc, 0, len(all))
	for _, id := range all {
		if a, ok := briefs[id]; ok {
			docs = append(docs, DocOf(a))
		}
	}
	if err := s.SaveStories(ctx, provenance.Stories(docs, links)); err != nil {
		return fmt.Errorf("update stories: %w", err)
	}
	return nil
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

// Relink recomputes the fingerprint index, the links and the stories of
// the whole archive, holding the archive's link lock (it waits for
// another process that holds it). It replaces what it recomputes in
// place, and records its progress in the archive (archive.BeginRelink):
// a relink that is stopped leaves the links and stories it has not
// reached as they were, usable, and the next relink resumes it. It used
// to delete every link, fingerprint and story first, so a killed relink
// left none, and nothing said so.
//
// First the fingerprints of every article are stored, then the articles
// are linked in ascending order, batch by batch, by a Session, as an
// import links them: an article's links depend only on the articles up
// to it (provenance.Linker.Before), so a relink and an import of the same
// files store the same links. Its memory does not grow with the archive:
// links are stored batch by batch, and the stories they touch are
// computed from the archive afterwards, a chunk of articles at a time.
func Relink(ctx context.Context, s *archive.Store, progress Progress) (Stats, error) {
	return RelinkWith(ctx, s, RelinkOptions{Progress: progress})
}

// RelinkOptions are the options of RelinkWith.
type RelinkOptions struct {
	Progress Progress
	// Waiting is called once if another process holds the link lock.
	Waiting func(archive.LinkHolder)
	// Resumed is called when the relink resumes an unfinished one.
	Resumed func(archive.RelinkProgress)
}

// relinkBatch is how many articles a relink fingerprints or links at once.
const relinkBatch = 500

// RelinkWith is Relink with options.
func RelinkWith(ctx context.Context, s *archive.Store, opt RelinkOptions) (Stats, error) {
	var st Stats
	progress := opt.Progress
	if progress == nil {
		progress = func(string, int, int) {}
	}
	x := NewSession(s)
	x.Waiting = opt.Waiting
	if err := x.acquire(ctx); err != nil {
		return st, fmt.Errorf("relink: %w", err)
	}
	defer func() {
		x.Wait() // a stopped relink's batches being stored
		x.Release(context.WithoutCancel(ctx))
	}()
	p, resumed, err := s.BeginRelink(ctx)
	if err != nil {
		return st, fmt.Errorf("relink: %w", err)
	}
	if resumed && opt.Resumed != nil {
		opt.Resumed(p)
	}
	// Phase 1: the fingerprints of every article, stored in place.
	total, done := 0, 0
	if err := s.DB().QueryRowContext(ctx, "SELECT count(*), count(*) FILTER (WHERE id <= ?) FROM articles", p.Printed).Scan(&total, &done); err != nil {
		return st, fmt.Errorf("relink: %w", err)
	}
	for {
		ids, err := s.ArticleIDsAfter(ctx, p.Printed, relinkBatch)
		if err != nil || len(ids) == 0 {
			if err != nil {
				return st, fmt.Errorf("relink: fingerprints: %w", err)
			}
			break
		}
		arts, err := s.Articles(ctx, ids)
		if err != nil {
			return st, fmt.Errorf("relink: fingerprints: %w", err)
		}
		fps := make(map[int64][]uint64, len(arts))
		list := make([]*wiretrace.Article, 0, len(arts))
		for _, a := range arts {
			list = append(list, a)
		}
		prints := make([][]uint64, len(list))
		par.Each(len(list), func(i int) { prints[i] = provenance.Fingerprints(list[i].Title, list[i].Text) })
		for i, a := range list {
			fps[a.ID] = prints[i]
		}
		p.Printed = ids[len(ids)-1]
		if err := s.SetRelinkFingerprints(ctx, fps, p.Printed); err != nil {
			return st, fmt.Errorf("relink: fingerprints: %w", err)
		}
		done += len(ids)
		total = max(total, done)
		progress("fingerprints", done, 0)
	}
	progress("fingerprints", done, done)

	// Phase 2: the links, in place, by a session that records the
	// relink's progress with each batch.
	x.relink, x.printed = true, p.Printed
	if err := s.DB().QueryRowContext(ctx, "SELECT count(*), count(*) FILTER (WHERE id <= ?) FROM articles", p.Linked).Scan(&total, &done); err != nil {
		return st, fmt.Errorf("relink: %w", err)
	}
	st.Articles = total
	after := p.Linked
	for {
		ids, err := s.ArticleIDsAfter(ctx, after, relinkBatch)
		if err != nil {
			return st, fmt.Errorf("relink: %w", err)
		}
		if len(ids) == 0 {
			break
		}
		if err := x.Link(ctx, ids); err != nil {
			return st, fmt.Errorf("relink: %w", err)
		}
		after = ids[len(ids)-1]
		done += len(ids)
		progress("links", done, max(total, done))
	}
	if err := x.Wait(); err != nil {
		return st, fmt.Errorf("relink: %w", err)
	}
	// Every story whose links changed, this relink's or a stopped one's.
	progress("stories", 0, total)
	x.marked = nil
	err = flushStories(ctx, s, func(upto int64) {
		n := 0
		s.DB().QueryRowContext(ctx, "SELECT count(*) FROM articles WHERE id <= ?", upto).Scan(&n)
		progress("stories", n, total)
	})
	if err != nil {
		return st, fmt.Errorf("relink: %w", err)
	}
	if err := s.EndRelink(ctx); err != nil {
		return st, fmt.Errorf("relink: %w", err)
	}
	if err := s.DB().QueryRowContext(ctx, "SELECT count(*) FROM links").Scan(&st.Links); err != nil {
		return st, fmt.Errorf("relink: %w", err)
	}
	if st.Stories, err = s.CountStories(ctx); err != nil {
		return st, fmt.Errorf("relink: %w", err)
	}
	progress("stories", total, total)
	return st, nil
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
