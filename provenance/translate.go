package provenance

import (
	"math"
	"strings"
)

// Translations are found without a model: numbers, names and quotations
// survive translation, and a translation keeps the order of the sentences
// of its original. Each sentence gets a set of anchors (numbers in one
// form, names reduced to a consonant skeleton that ignores
// transliteration: Tokayev, Tokaïev, Tokajew and Токаев are all "tkv"),
// and a monotone dynamic programme aligns the sentences of the two texts on
// their shared anchors, favouring pairs at the same relative position.

// sentencePair is one aligned pair of sentences.
type sentencePair struct {
	a, b  int // sentence indexes
	score float64
	// sure marks pairs fit to show as evidence: anchored on specific
	// anchors, filled in between two such, or next to one on the same
	// diagonal. Weak pairs elsewhere only count for coverage.
	sure bool
}

// markSure sets the sure flag of the pairs (in order).
func markSure(pairs []sentencePair) {
	for i := range pairs {
		if pairs[i].score >= minPairScore || pairs[i].score == 0 {
			pairs[i].sure = true
		}
	}
	for i := range pairs {
		if pairs[i].sure {
			continue
		}
		next := func(j int) bool {
			return j >= 0 && j < len(pairs) && pairs[j].score >= minPairScore &&
				abs(pairs[j].a-pairs[i].a) == 1 && pairs[j].a-pairs[i].a == pairs[j].b-pairs[i].b
		}
		pairs[i].sure = next(i-1) || next(i+1)
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// translationAlignment is the result of aligning two texts sentence by
// sentence on their anchors.
type translationAlignment struct {
	pairs        []sentencePair
	textA, textB string // the aligned texts: title and text of each article
	score        float64
	sentsA       []span
	sentsB       []span
	anchoredA    int // sentences of A with at least one anchor
	anchoredB    int
	coveredA     int // bytes of A in aligned sentences
	coveredB     int
	lenA, lenB   int
	sharedNumber bool // a number anchor is shared by an aligned pair
	strong       int  // pairs aligned on anchors; the others are filled in
	// lenDev is the standard deviation of the log ratio of the lengths of
	// aligned sentences: a translation keeps it small (Gale and Church).
	lenDev float64
	quoteA []bool
	quoteB []bool
	// recallA is the mean share of the names and numbers of a sentence
	// of A found in the sentence of B paired with it (anchorRecall).
	recallA, recallB float64
	// nounCapsA: A capitalises its nouns (side.nounCaps).
	nounCapsA, nounCapsB bool
}

// fillIn pairs the sentences left between two anchored pairs when both
// gaps hold the same number of sentences (at most 4) of similar lengths and
// quotations: a translation keeps the sentences that carry no anchor in
// place too.
func (ta *translationAlignment) fillIn() {
	if len(ta.pairs) == 0 {
		return
	}
	similar := func(i, j int) bool {
		la := float64(ta.sentsA[i].e - ta.sentsA[i].s)
		lb := float64(ta.sentsB[j].e - ta.sentsB[j].s)
		return math.Min(la, lb)/math.Max(la, lb) >= 0.45 && ta.quoteA[i] == ta.quoteB[j]
	}
	var out []sentencePair
	prevA, prevB := -1, -1
	bounds := append(append([]sentencePair(nil), ta.pairs...), sentencePair{a: len(ta.sentsA), b: len(ta.sentsB)})
	for k, p := range bounds {
		ga, gb := p.a-prevA-1, p.b-prevB-1
		if ga == gb && ga > 0 && ga <= 4 && k > 0 && k < len(bounds)-1 {
			ok := true
			for x := 1; x <= ga; x++ {
				if !similar(prevA+x, prevB+x) {
					ok = false
					break
				}
			}
			if ok {
				for x := 1; x <= ga; x++ {
					out = append(out, sentencePair{a: prevA + x, b: prevB + x})
				}
			}
		}
		if k < len(bounds)-1 {
			out = append(out, p)
		}
		prevA, prevB = p.a, p.b
	}
	ta.pairs = out
}

// Thresholds of a translation link.
const (
	minTranslationPairs = 3    // strong sentence pairs
	minTranslationScore = 5.0  // summed over the strong pairs
	minTranslationMost  = 0.55 // of one text in aligned sentences
	minTranslationLeast = 0.4  // of the other
	minPairScore        = 1.2  // a strong pair, anchored on specific numbers or names
	minWeakScore        = 0.2  // a weak pair: a frequent name, or quotations of similar length
	minAnchorRecall     = 0.7  // of the names and numbers of a sentence, in its counterpart, both ways
)

// fullText is what translations are aligned on: the title, which is
// translated too, and the text.
func fullText(d Doc) string {
	if strings.TrimSpace(d.Title) == "" {
		return d.Text
	}
	return d.Title + "\n" + d.Text
}

// alignTranslation aligns the sentences of a and b.
func alignTranslation(a, b string) translationAlignment {
	return alignSides(newSide(a), newSide(b))
}

// side is one text prepared for translation alignment, so that a new
// article is prepared once for all its candidates.
type side struct {
	text    string
	sents   []span
	anchors [][]anchor
	quotes  []bool
	// nounCaps: the text capitalises its nouns, as German does: more
	// than nounCapsShare of its words inside sentences are capitalised.
	nounCaps bool
}

// nounCapsShare is the share of capitalised words inside sentences above
// which a text capitalises its nouns (English and French news: 10-15%,
// German: 30% or more).
const nounCapsShare = 0.25

// capitalisesNouns reports whether a text whose tokens are given per
// sentence capitalises its nouns.
func capitalisesNouns(toks [][]token) bool {
	words, caps := 0, 0
	for _, ts := range toks {
		for _, t := range ts[min(1, len(ts)):] {
			if t.num || t.norm == "" || t.norm[0] >= 0xd4 { // no case
				continue
			}
			words++
			if t.cap {
				caps++
			}
		}
	}
	return words >= 20 && float64(caps) > nounCapsShare*float64(words)
}

// sideIndex maps the anchor keys of a side to the sentences that hold
// them, in order (a sentence holds a key once). It is made for the new
// article of a link, once for all its candidates, and not kept with the
// cached sides.
type sideIndex map[string][]int32

func indexSide(sd *side) sideIndex {
	where := sideIndex{}
	var buf []byte
	for i, as := range sd.anchors {
		for _, x := range as {
			where[x.key] = append(where[x.key], int32(i))
			if !x.name || len(x.key) < minFuzzyName {
				continue
			}
			// The name less one consonant, under a mark: a name of the
			// other text that lacks it finds this one.
			for d := range len(x.key) {
				buf = append(append(append(buf[:0], fuzzyMark), x.key[:d]...), x.key[d+1:]...)
				if l := where[string(buf)]; len(l) == 0 || l[len(l)-1] != int32(i) {
					where[string(buf)] = append(l, int32(i))
				}
			}
			// Its stems, under another mark: the name of the other text
			// without the case endings that this one glues to it.
			for p := max(minFuzzyName-1, len(x.key)-maxSuffix); p < len(x.key); p++ {
				buf = append(append(buf[:0], suffixMark), x.key[:p]...)
				if l := where[string(buf)]; len(l) == 0 || l[len(l)-1] != int32(i) {
					where[string(buf)] = append(l, int32(i))
				}
			}
		}
	}
	return where
}

func newSide(text string) *side { return newSideTokens(text, tokenize(text)) }

// newSideTokens is newSide given the tokens of text.
func newSideTokens(text string, toks []token) *side {
	sd := &side{text: text, sents: splitDanda(text, sentences(text))}
	// Sides are kept for many candidates: the tokens are not.
	split := splitTokens(toks, sd.sents)
	sd.anchors = sentenceAnchorsOf(text, sd.sents, split)
	sd.nounCaps = capitalisesNouns(split)
	sd.quotes = make([]bool, len(sd.sents))
	for i, s := range sd.sents {
		sd.quotes[i] = hasQuote(text[s.s:s.e])
	}
	return sd
}

// splitDanda splits the sentences of text further after a danda (।, the
// full stop of Hindi and other Indian scripts) followed by a space.
func splitDanda(text string, sents []span) []span {
	if !strings.Contains(text, "।") {
		return sents
	}
	var out []span
	for _, sp := range sents {
		s := sp.s
		for {
			k := strings.Index(text[s:sp.e], "। ")
			if k < 0 {
				break
			}
			e := s + k + len("।")
			out = append(out, span{s, e})
			s = e + 1
		}
		if s < sp.e {
			out = append(out, span{s, sp.e})
		}
	}
	return out
}

// alignSides aligns the sentences of two prepared texts.
func alignSides(sa, sb *side) translationAlignment {
	return alignSidesTo(sa, sb, indexSide(sb))
}

// alignSidesTo aligns the sentences of two prepared texts, given the index
// of the second.
func alignSidesTo(sa, sb *side, whereB sideIndex) translationAlignment {
	a, b := sa.text, sb.text
	ta := translationAlignment{textA: a, textB: b, sentsA: sa.sents, sentsB: sb.sents, lenA: len(a), lenB: len(b),
		quoteA: sa.quotes, quoteB: sb.quotes, nounCapsA: sa.nounCaps, nounCapsB: sb.nounCaps}
	aa, ab := sa.anchors, sb.anchors
	n, m := len(aa), len(ab)
	if n == 0 || m == 0 {
		return ta
	}
	// Anchors frequent in the pair of texts (the president's name in every
	// sentence) weigh less: freq is the number of sentences of both texts
	// that hold a key.
	// For a name that B holds within one consonant only, freq counts the
	// sentences of A.
	inA := map[string]int{} // sentences of A that hold each key of B, or a name
	for _, as := range aa {
		for _, x := range as {
			if _, ok := whereB[x.key]; ok || x.name {
				inA[x.key]++
			}
		}
	}
	freq := func(key string) int { return inA[key] + len(whereB[key]) }
	ta.anchoredA, ta.anchoredB = anchored(aa), anchored(ab)
	// finish turns the sum of the shared anchors of sentences i and j into
	// their score.
	finish := func(i, j int, s float64, real, cognates int) float64 {
		if real == 0 && s > 0 {
			// Quotations or common words alone: a weak pair.
			if cognates >= 3 {
				s = math.Min(s, 1.0)
			} else {
				s = 0.3
			}
		}
		// Same relative position, similar length.
		pa := (float64(i) + 0.5) / float64(n)
		pb := (float64(j) + 0.5) / float64(m)
		s *= 1 - math.Min(0.8, math.Abs(pa-pb))
		la := float64(ta.sentsA[i].e - ta.sentsA[i].s)
		lb := float64(ta.sentsB[j].e - ta.sentsB[j].s)
		if r := math.Min(la, lb) / math.Max(la, lb); r < 0.5 {
			s *= r * 2
		}
		return s
	}
	// shared adds the contribution of anchor x of A, shared with a
	// sentence of B, to that pair's sum.
	shared := func(x anchor, fuzzy bool, s *float64, real, cognates *int, num *bool) {
		if x.key == quoteAnchor {
			*s += x.weight
			return
		}
		if x.cognate && !x.name {
			*cognates++
			*s += x.weight
			return
		}
		w := x.weight
		f := freq(x.key)
		if fuzzy {
			f = inA[x.key]
		}
		if f > 2 {
			w *= math.Sqrt(2 / float64(f))
		}
		*s += w
		if x.num {
			*num = true
		}
		*real++
	}
	// score is the score of one pair, and whether it shares a number.
	score := func(i, j int) (float64, bool) {
		var s float64
		num := false
		real, cognates := 0, 0
		for _, x := range aa[i] {
			for _, y := range ab[j] {
				if x.key == y.key {
					shared(x, false, &s, &real, &cognates, &num)
				}
			}
		}
		return finish(i, j, s, real, cognates), num
	}
	// The score of every pair, from the sentences of B that hold each
	// anchor of A: pairs that share nothing score 0. Each pair's sum adds
	// its shared anchors in the order of A's, as score does.
	sc := make([][]float64, n)
	scores := make([]float64, n*m)
	sum := make([]float64, m)
	reals := make([]int, m)
	cogs := make([]int, m)
	var touched []int32
	var num bool
	// credited marks the sentences of B an anchor of A was counted for,
	// by the anchor's number (stamp), so that a name counts once per pair.
	credited := make([]int32, m)
	stamp := int32(0)
	var buf []byte
	for i := 0; i < n; i++ {
		sc[i] = scores[i*m : (i+1)*m]
		touched = touched[:0]
		for _, x := range aa[i] {
			stamp++
			for _, j := range whereB[x.key] {
				if sum[j] == 0 && reals[j] == 0 && cogs[j] == 0 {
					touched = append(touched, j)
				}
				credited[j] = stamp
				shared(x, false, &sum[j], &reals[j], &cogs[j], &num)
			}
			buf = fuzzyNames(whereB, x, buf, func(j int32) {
				if credited[j] == stamp {
					return
				}
				credited[j] = stamp
				if sum[j] == 0 && reals[j] == 0 && cogs[j] == 0 {
					touched = append(touched, j)
				}
				y := x
				y.weight *= fuzzyWeight
				shared(y, true, &sum[j], &reals[j], &cogs[j], &num)
			})
		}
		for _, j := range touched {
			sc[i][j] = finish(i, int(j), sum[j], reals[j], cogs[j])
			sum[j], reals[j], cogs[j] = 0, 0, 0
		}
	}
	dp := make([][]float64, n+1)
	cells := make([]float64, (n+1)*(m+1))
	for i := range dp {
		dp[i] = cells[i*(m+1) : (i+1)*(m+1)]
	}
	for i := 1; i <= n; i++ {
		for j := 1; j <= m; j++ {
			// Scores are finite and at least 0: math.Max's care for NaN
			// and signed zeros is not needed.
			best := dp[i-1][j]
			if v := dp[i][j-1]; v > best {
				best = v
			}
			if s := sc[i-1][j-1]; s >= minWeakScore && dp[i-1][j-1]+s > best {
				best = dp[i-1][j-1] + s
			}
			dp[i][j] = best
		}
	}
	for i, j := n, m; i > 0 && j > 0; {
		s := sc[i-1][j-1]
		switch {
		case s >= minWeakScore && dp[i][j] == dp[i-1][j-1]+s:
			ta.pairs = append(ta.pairs, sentencePair{a: i - 1, b: j - 1, score: s})
			if _, num := score(i-1, j-1); num {
				ta.sharedNumber = true
			}
			if s >= minPairScore {
				ta.strong++
				ta.score += s
			}
			i, j = i-1, j-1
		case dp[i][j] == dp[i-1][j]:
			i--
		default:
			j--
		}
	}
	for l, r := 0, len(ta.pairs)-1; l < r; l, r = l+1, r-1 {
		ta.pairs[l], ta.pairs[r] = ta.pairs[r], ta.pairs[l]
	}
	ta.fillIn()
	markSure(ta.pairs)
	var logs []float64
	for _, p := range ta.pairs {
		la := ta.sentsA[p.a].e - ta.sentsA[p.a].s
		lb := ta.sentsB[p.b].e - ta.sentsB[p.b].s
		ta.coveredA += la
		ta.coveredB += lb
		logs = append(logs, math.Log(float64(lb+1)/float64(la+1)))
	}
	ta.recallA = anchorRecall(ta.pairs, aa, ab, func(p sentencePair) (int, int) { return p.a, p.b })
	ta.recallB = anchorRecall(ta.pairs, ab, aa, func(p sentencePair) (int, int) { return p.b, p.a })
	ta.lenDev = 1
	if len(logs) >= 3 {
		var mean, v float64
		for _, x := range logs {
			mean += x
		}
		mean /= float64(len(logs))
		for _, x := range logs {
			v += (x - mean) * (x - mean)
		}
		ta.lenDev = math.Sqrt(v / float64(len(logs)))
	}
	return ta
}

// isTranslation reports whether the alignment is strong enough to call one
// text a translation of the other.
//
// The rule was chosen on a generated corpus where same-event reports in
// other languages share names, numbers and even sentences of facts: what
// tells a translation is that sentence after sentence of both texts align,
// so most of one text and a good part of the other (which may add or cut
// paragraphs, or carry a long footer) must lie in aligned sentences.
func (ta translationAlignment) isTranslation() bool {
	if ta.strong < minTranslationPairs || ta.score < minTranslationScore || ta.lenA == 0 || ta.lenB == 0 {
		return false
	}
	ca := float64(ta.coveredA) / float64(ta.lenA)
	cb := float64(ta.coveredB) / float64(ta.lenB)
	if math.Max(ca, cb) < minTranslationMost || math.Min(ca, cb) < minTranslationLeast {
		return false
	}
	// Two reports of one football match share the names, the score and
	// the order of the goals; only a translation carries the names and
	// numbers of each sentence into its counterpart, in both directions.
	// A text of a language that capitalises its nouns (German) has
	// "names" no translation keeps: only the other direction counts.
	return (ta.nounCapsA || ta.recallA >= minAnchorRecall) && (ta.nounCapsB || ta.recallB >= minAnchorRecall)
}
