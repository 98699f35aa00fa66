package provenance

import "slices"

// Text-reuse fingerprints: winnowing over hashes of word 5-grams.
//
// Why winnowing and not MinHash-LSH: the question asked of the index is
// "which articles share passages with this one", not "which articles are
// near-duplicates of this one". A republisher often keeps a third of a
// dispatch, or wraps it in local context: the Jaccard similarity of the two
// documents is then low although a whole passage is shared, and MinHash
// signatures (which estimate whole-document Jaccard) miss it. Winnowing
// (Schleimer, Wilkerson, Aiken 2003) keeps, from every window of w
// consecutive shingle hashes, the smallest: any passage of at least
// w+k-1 = 14 normalised words shared by two texts yields at least one
// common fingerprint, whatever surrounds it, and one of 2w+k-1 = 24 words
// at least two (two disjoint windows). The Linker aligns articles that
// share two fingerprints and links those that share minSharedTokens = 25
// words, so w = 10 is the widest window that finds every such pair; w = 8,
// until 2026-12-06, stored 22% more rows for the same links (archives
// made then keep theirs: a window's smallest hash is also the smallest of
// the narrower windows inside it, so the new fingerprints of a text are
// among its old ones and still find it). The fingerprints also keep a
// position in the text, so a shared fingerprint points at the passage to
// align, and its document frequency in the index tells boilerplate (held
// by many unrelated articles, or by many articles of one outlet) from
// provenance. The archive stores one (fingerprint, article) row per
// selected hash, about 2/(w+1) = 18% of the words of a text; finding the
// relatives of a new article is one index lookup per fingerprint.
const (
	shingleK = 5  // words per shingle
	winnowW  = 10 // shingles per winnowing window: the reasoning above ties it to minSharedTokens

	fpBits = 46
	fpMask = 1<<fpBits - 1
	// anchorSpace marks anchor keys (translation candidates) so that they
	// never collide with text-reuse fingerprints in the same index.
	anchorSpace = 1 << fpBits
)

// hashString is 64-bit FNV-1a.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// mix is the splitmix64 finaliser.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// shingles returns the hash of each run of shingleK consecutive tokens,
// masked to fpBits: element i covers tokens i..i+shingleK-1.
func shingles(toks []token) []uint64 {
	if len(toks) < shingleK {
		return nil
	}
	// The word hashes of a shingle, in a ring: wh[j%shingleK] is word j's.
	var wh [shingleK]uint64
	for j := 0; j < shingleK-1; j++ {
		wh[j] = hashString(toks[j].norm)
	}
	out := make([]uint64, len(toks)-shingleK+1)
	for i := range out {
		wh[(i+shingleK-1)%shingleK] = hashString(toks[i+shingleK-1].norm)
		var x uint64
		for j := 0; j < shingleK; j++ {
			x = (x<<7 | x>>57) ^ wh[(i+j)%shingleK]
		}
		out[i] = mix(x) & fpMask
	}
	return out
}

// winnow returns the positions in h of the winnowed minima: the smallest
// hash of each window of w (the rightmost one on ties), each position once.
// Texts shorter than one window keep their smallest hash.
func winnow(h []uint64, w int) []int {
	if len(h) == 0 {
		return nil
	}
	if len(h) <= w {
		m := 0
		for i := range h {
			if h[i] <= h[m] {
				m = i
			}
		}
		return []int{m}
	}
	var out []int
	last := -1
	for start := 0; start+w <= len(h); start++ {
		m := start
		for i := start; i < start+w; i++ {
			if h[i] <= h[m] {
				m = i
			}
		}
		if m != last {
			out = append(out, m)
			last = m
		}
	}
	return out
}

// reuseFingerprints returns the winnowed shingle hashes of toks, with
// repeats: fingerprintsOf sorts them and drops those.
func reuseFingerprints(toks []token) []uint64 {
	h := shingles(toks)
	sel := winnow(h, winnowW)
	out := make([]uint64, len(sel))
	for i, p := range sel {
		out[i] = h[p]
	}
	return out
}

// Fingerprints returns what the archive stores in its index for an
// article: the winnowed word 5-gram hashes of its text, that find copies
// of its passages, and the anchor keys of its title and text (pairs of
// numbers and names that occur in one sentence), that find its
// translations. All values are below 2^47, sorted and distinct. Store
// them with the article; Index.Postings looks them up.
func Fingerprints(title, text string) []uint64 {
	return fingerprintsOf(tokenize(text), anchorKeys(fullText(Doc{Title: title, Text: text})))
}

// fingerprintsOf returns the sorted, distinct fingerprints of a text from
// its tokens and its anchor keys.
func fingerprintsOf(toks []token, anchors []uint64) []uint64 {
	out := append(reuseFingerprints(toks), anchors...)
	slices.Sort(out)
	n := 0
	for i, v := range out {
		if i == 0 || v != out[n-1] {
			out[n] = v
			n++
		}
	}
	return out[:n]
}

// IsAnchorKey reports whether a value returned by Fingerprints is an
// anchor key (translation candidates) rather than a text-reuse fingerprint.
func IsAnchorKey(fp uint64) bool { return fp&anchorSpace != 0 }

// anchorKeys returns the anchor keys of a text: for each sentence, hashes
// of pairs of its anchors (numbers and names, which survive translation),
// and of its numbers of three digits or more alone. A sentence keeps its
// maxKeysPerSentence smallest pair hashes (consistent sampling: two
// sentences that share most anchors keep mostly the same pairs), a text at
// most maxAnchorKeys keys.
func anchorKeys(text string) []uint64 {
	return anchorKeysOf(sentenceAnchors(text, sentences(text)))
}

// anchorKeysOf returns the anchor keys of a text from the anchors of its
// sentences.
func anchorKeysOf(anchors [][]anchor) []uint64 {
	const maxKeysPerSentence, maxAnchorKeys = 8, 160
	seen := map[uint64]bool{}
	var out []uint64
	key := func(s string) uint64 { return mix(hashString(s))&fpMask | anchorSpace }
	for _, as := range anchors {
		var keys []uint64
		for i := range as {
			if as[i].key == quoteAnchor || as[i].cognate {
				continue
			}
			if as[i].num && len(as[i].key) >= 4 && as[i].weight > 1 {
				keys = append(keys, key(as[i].key))
			}
			for j := i + 1; j < len(as); j++ {
				if as[j].key == quoteAnchor || as[j].cognate {
					continue
				}
				a, b := as[i].key, as[j].key
				if a > b {
					a, b = b, a
				}
				keys = append(keys, key(a+"\x00"+b))
			}
		}
		slices.Sort(keys)
		if len(keys) > maxKeysPerSentence {
			keys = keys[:maxKeysPerSentence]
		}
		for _, k := range keys {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
		if len(out) >= maxAnchorKeys {
			break
		}
	}
	return out
}
