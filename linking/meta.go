package linking

import (
	"sync"

	"github.com/wiretrace/wiretrace/provenance"
)

// metaTable keeps the outlet and language of the articles a session has
// read, for as long as the session lasts: the Linker asks for those of
// every candidate before reading any, and a later article finds the same
// older ones again and again. Reading them from the archive each time,
// or through a cache cleared when full, was 3% of the CPU of a 100k
// import. Outlets and languages are few, so the table stores each once
// and keeps two small numbers per article, in a slice indexed by id
// (8 bytes an article: 8 MB for a million). It is safe for concurrent use.
type metaTable struct {
	mu    sync.Mutex
	names []string          // outlets and languages, by number - 1
	num   map[string]uint32 // the number of each name
	dense []metaRef         // by article id, below maxDenseMeta
	more  map[int64]metaRef // the ids at or above maxDenseMeta, bounded
}

// metaRef is an article's outlet and language as numbers in names; 0 is an
// article not in the table.
type metaRef struct{ source, language uint32 }

// maxDenseMeta bounds the ids kept in the slice (32 MB); larger ones go in
// a map that is cleared when it holds maxSparseMeta of them.
const (
	maxDenseMeta  = 1 << 22
	maxSparseMeta = 1 << 16
)

func newMetaTable() *metaTable {
	return &metaTable{num: map[string]uint32{}, more: map[int64]metaRef{}}
}

// getLocked returns the metadata of id, if the table has it; t.mu is held.
func (t *metaTable) getLocked(id int64) (provenance.Meta, bool) {
	var r metaRef
	if id >= 0 && id < int64(len(t.dense)) {
		r = t.dense[id]
	} else if id >= maxDenseMeta {
		r = t.more[id]
	}
	if r.source == 0 {
		return provenance.Meta{}, false
	}
	return provenance.Meta{Source: t.names[r.source-1], Language: t.names[r.language-1]}, true
}

// put records the metadata of id.
func (t *metaTable) put(id int64, m provenance.Meta) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.putLocked(id, m)
}

func (t *metaTable) putLocked(id int64, m provenance.Meta) {
	if id < 0 {
		return
	}
	r := metaRef{source: t.number(m.Source), language: t.number(m.Language)}
	if id >= maxDenseMeta {
		if len(t.more) >= maxSparseMeta {
			clear(t.more)
		}
		t.more[id] = r
		return
	}
	if id >= int64(len(t.dense)) {
		n := max(2*len(t.dense), int(id)+1, 1024)
		t.dense = append(t.dense, make([]metaRef, min(n, maxDenseMeta)-len(t.dense))...)
	}
	t.dense[id] = r
}

// number returns the number of name, adding it when new.
func (t *metaTable) number(name string) uint32 {
	if n, ok := t.num[name]; ok {
		return n
	}
	t.names = append(t.names, name)
	n := uint32(len(t.names))
	t.num[name] = n
	return n
}
