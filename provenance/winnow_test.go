package provenance

import (
	"math/rand"
	"strings"
	"testing"
)

// randomWords returns n words drawn from a vocabulary of 2,000.
func randomWords(rng *rand.Rand, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "w" + strings.Repeat("x", rng.Intn(3)) + string(rune('a'+rng.Intn(26))) + string(rune('a'+rng.Intn(26))) + string(rune('a'+rng.Intn(3)))
	}
	return out
}

// TestWinnowFindsEveryLinkablePassage checks the guarantee the window
// width is chosen for: two texts that share a passage of minSharedTokens
// words, whatever surrounds it, share at least two reuse fingerprints,
// so the Linker aligns them.
func TestWinnowFindsEveryLinkablePassage(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for trial := 0; trial < 2000; trial++ {
		shared := randomWords(rng, minSharedTokens)
		a := append(append(randomWords(rng, rng.Intn(40)), shared...), randomWords(rng, rng.Intn(40))...)
		b := append(append(randomWords(rng, rng.Intn(40)), shared...), randomWords(rng, rng.Intn(40))...)
		fa := map[uint64]bool{}
		for _, fp := range reuseFingerprints(tokenize(strings.Join(a, " "))) {
			fa[fp] = true
		}
		common := map[uint64]bool{}
		for _, fp := range reuseFingerprints(tokenize(strings.Join(b, " "))) {
			if fa[fp] {
				common[fp] = true
			}
		}
		if len(common) < 2 {
			t.Fatalf("trial %d: texts sharing %d words share %d fingerprints, want 2 or more", trial, minSharedTokens, len(common))
		}
	}
}

// TestWiderWindowKeepsOldFingerprints checks what lets archives made with
// the narrower window of earlier versions (8) link new articles: the
// fingerprints of a text with the current window are among those the
// narrower one gave it.
func TestWiderWindowKeepsOldFingerprints(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for trial := 0; trial < 500; trial++ {
		h := shingles(tokenize(strings.Join(randomWords(rng, 1+rng.Intn(300)), " ")))
		old := map[uint64]bool{}
		for _, p := range winnow(h, 8) {
			old[h[p]] = true
		}
		for _, p := range winnow(h, winnowW) {
			if !old[h[p]] {
				t.Fatalf("trial %d: fingerprint %x (position %d of %d) not among the window-8 ones", trial, h[p], p, len(h))
			}
		}
	}
}
