package provenance

import (
	"context"
	"fmt"
	"sort"
)

// MemIndex is an Index held in memory, for tests, benchmarks and small
// batches. It is not safe for concurrent use.
type MemIndex struct {
	docs     map[int64]Doc
	postings map[uint64][]int64
}

var _ Index = (*MemIndex)(nil)

// NewMemIndex returns an empty MemIndex.
func NewMemIndex() *MemIndex {
	return &MemIndex{docs: map[int64]Doc{}, postings: map[uint64][]int64{}}
}

// Add stores d and its Fingerprints. Docs must be added in id order.
func (m *MemIndex) Add(d Doc) {
	m.docs[d.ID] = d
	for _, fp := range Fingerprints(d.Title, d.Text) {
		m.postings[fp] = append(m.postings[fp], d.ID)
	}
}

// Len returns the number of docs.
func (m *MemIndex) Len() int { return len(m.docs) }

// Docs returns every doc in id order.
func (m *MemIndex) Docs() []Doc {
	out := make([]Doc, 0, len(m.docs))
	for _, d := range m.docs {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Postings implements Index.
func (m *MemIndex) Postings(_ context.Context, fps []uint64, limit int) (map[uint64][]int64, error) {
	out := make(map[uint64][]int64, len(fps))
	for _, fp := range fps {
		ids := m.postings[fp]
		if len(ids) > limit {
			ids = ids[:limit]
		}
		if len(ids) > 0 {
			out[fp] = ids
		}
	}
	return out, nil
}

// Meta implements Index.
func (m *MemIndex) Meta(_ context.Context, ids []int64) (map[int64]Meta, error) {
	out := make(map[int64]Meta, len(ids))
	for _, id := range ids {
		if d, ok := m.docs[id]; ok {
			out[id] = Meta{Source: d.Source, Language: d.Language}
		}
	}
	return out, nil
}

// Doc implements Index.
func (m *MemIndex) Doc(_ context.Context, id int64) (Doc, error) {
	d, ok := m.docs[id]
	if !ok {
		return Doc{}, fmt.Errorf("doc %d: %w", id, ErrNotFound)
	}
	return d, nil
}
