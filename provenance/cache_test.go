package provenance

import (
	"fmt"
	"slices"
	"testing"
)

func TestCacheFingerprints(t *testing.T) {
	docs := []Doc{
		{ID: 1, Title: "Tokayev says CSTO troops will leave Kazakhstan", Text: "NUR-SULTAN, Jan 11 (AFP) - President Kassym-Jomart Tokayev said on Tuesday that 2,030 troops of the Collective Security Treaty Organization would leave within 10 days.\n\nHe said \"the main mission\" was over."},
		{ID: 2, Text: "Le président Tokaïev a annoncé mardi le retrait des 2 030 soldats de l'OTSC d'ici dix jours."},
		{ID: 3, Title: "  ", Text: "Short."},
	}
	c := NewCache()
	for _, d := range docs {
		want := Fingerprints(d.Title, d.Text)
		if got := c.Fingerprints(d); !slices.Equal(got, want) {
			t.Errorf("doc %d: cached fingerprints %v, want %v", d.ID, got, want)
		}
		if got := c.Fingerprints(d); !slices.Equal(got, want) { // from the cache
			t.Errorf("doc %d: second call %v, want %v", d.ID, got, want)
		}
	}
	var nilCache *Cache
	if got, want := nilCache.Fingerprints(docs[0]), Fingerprints(docs[0].Title, docs[0].Text); !slices.Equal(got, want) || len(want) == 0 {
		t.Errorf("nil cache: got %v, want %v (non-empty)", got, want)
	}
}

// TestCacheHold checks that the articles given to Hold keep their tokens,
// side and fingerprints (the same ones, not made again) while more than
// cacheSize other articles are prepared, that the others are dropped as
// before, that what is held is right, and that Release lets them go.
func TestCacheHold(t *testing.T) {
	doc := func(id int64) Doc {
		return Doc{ID: id, Title: "Tokayev says troops will leave", Text: fmt.Sprintf("Article %d. President Tokayev said on Tuesday that 2,030 troops would leave within %d days.", id, id)}
	}
	c := NewCache()
	held := []int64{1, 2, 3}
	c.Hold(held)
	first := map[int64]*token{}
	sides := map[int64]*side{}
	for _, id := range held {
		d := doc(id)
		if got, want := c.Fingerprints(d), Fingerprints(d.Title, d.Text); !slices.Equal(got, want) {
			t.Fatalf("held doc %d: fingerprints %v, want %v", id, got, want)
		}
		first[id], sides[id] = &c.tokens(d)[0], c.side(d)
	}
	other := doc(100)
	otherToks := &c.tokens(other)[0]
	for id := int64(1000); id < 1000+2*cacheSize+10; id++ {
		c.Fingerprints(doc(id))
	}
	for _, id := range held {
		if &c.tokens(doc(id))[0] != first[id] || c.side(doc(id)) != sides[id] {
			t.Errorf("held doc %d was prepared again", id)
		}
	}
	if &c.tokens(other)[0] == otherToks {
		t.Errorf("a doc not held survived %d others in a cache of %d", 2*cacheSize+10, cacheSize)
	}
	c.Release()
	if &c.tokens(doc(1))[0] == first[1] {
		t.Error("doc 1 still held after Release")
	}
	var nilCache *Cache
	nilCache.Hold(held) // no-ops
	nilCache.Release()
}
