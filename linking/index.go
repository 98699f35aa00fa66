package linking

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"sync"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
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
	return docOf(a), nil
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
		out[id] = docOf(a)
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

// docOf returns the provenance view of an article.
func docOf(a *wiretrace.Article) provenance.Doc {
	return provenance.Doc{ID: a.ID, Source: a.Source, Title: a.Title, Text: a.Text, Language: a.Language,
		Published: a.Published, Credits: a.Credits}
}
