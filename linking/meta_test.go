package linking

import (
	"fmt"
	"sync"
	"testing"

	"github.com/wiretrace/wiretrace/provenance"
)

// get returns the metadata of id, if t has it.
func (t *metaTable) get(id int64) (provenance.Meta, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.getLocked(id)
}

func TestMetaTableKeepsWhatWasPut(t *testing.T) {
	tab := newMetaTable()
	want := map[int64]provenance.Meta{}
	// Dense ids in any order, an id of 0, and ids past the slice's bound.
	for _, id := range []int64{5, 1, 0, 70000, 3, maxDenseMeta - 1, maxDenseMeta, maxDenseMeta + 12345} {
		m := provenance.Meta{Source: fmt.Sprintf("Outlet %d", id%4), Language: []string{"en", "fr", ""}[id%3]}
		tab.put(id, m)
		want[id] = m
	}
	for id, m := range want {
		got, ok := tab.get(id)
		if !ok || got != m {
			t.Errorf("get(%d) = %+v, %v; want %+v", id, got, ok, m)
		}
	}
	for _, id := range []int64{2, 4, 6, 69999, maxDenseMeta + 1, -1} {
		if got, ok := tab.get(id); ok {
			t.Errorf("get(%d) = %+v for an id never put", id, got)
		}
	}
	// Each outlet and language is stored once.
	distinct := map[string]bool{}
	for _, m := range want {
		distinct[m.Source], distinct[m.Language] = true, true
	}
	if len(tab.names) != len(distinct) {
		t.Errorf("names = %q, want the %d distinct outlets and languages", tab.names, len(distinct))
	}
	// An article's metadata can be put again, changed.
	tab.put(5, provenance.Meta{Source: "Other", Language: "de"})
	if got, _ := tab.get(5); got.Source != "Other" || got.Language != "de" {
		t.Errorf("get(5) after a second put = %+v", got)
	}
}

func TestMetaTableBoundsLargeIDs(t *testing.T) {
	tab := newMetaTable()
	for i := range int64(maxSparseMeta + 10) {
		tab.put(maxDenseMeta+i, provenance.Meta{Source: "S", Language: "en"})
	}
	if len(tab.more) > maxSparseMeta {
		t.Fatalf("%d large ids kept, bound %d", len(tab.more), maxSparseMeta)
	}
	if len(tab.dense) != 0 {
		t.Fatalf("large ids grew the slice to %d", len(tab.dense))
	}
	if _, ok := tab.get(maxDenseMeta + maxSparseMeta + 9); !ok {
		t.Fatal("the last id put was dropped")
	}
}

func TestMetaTableConcurrent(t *testing.T) {
	tab := newMetaTable()
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range int64(5000) {
				id := i*4 + int64(w)
				tab.put(id, provenance.Meta{Source: fmt.Sprint("S", id%7), Language: "en"})
				if m, ok := tab.get(id); !ok || m.Source != fmt.Sprint("S", id%7) {
					t.Errorf("get(%d) = %+v, %v right after put", id, m, ok)
					return
				}
			}
		}()
	}
	wg.Wait()
}
