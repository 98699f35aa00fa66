package provenance

import (
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
