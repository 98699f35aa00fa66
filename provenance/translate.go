package provenance

import (
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Translations are found without a model: numbers, names and quotations
// survive translation, and a translation keeps the order of the sentences
// of its original. Each sentence gets a set of anchors (numbers in one
// form, names reduced to a consonant skeleton that ignores
// transliteration: Tokayev, Tokaïev, Tokajew and Токаев are all "tkv"),
// and a monotone dynamic programme aligns the sentences of the two texts on
// their shared anchors, favouring pairs at the same relative position.

// quoteAnchor stands for "this sentence holds a quotation".
const quoteAnchor = "\"q"

// anchor is one translation-proof feature of a sentence.
type anchor struct {
	key    string
	num    bool
	weight float64
	// cognate: a long common word by its first letters ("psycho" for
	// psychological, psychologique, psicológica). Cognates help score
	// sentence pairs; they are not indexed.
	cognate bool
}

// soundReplacer merges German and French spellings of the same sounds.
var soundReplacer = strings.NewReplacer("tsch", "ch", "sch", "sh", "ph", "f", "ou", "u")

// skeleton reduces a name to a form that survives transliteration: folded,
// Cyrillic transliterated, then its first letter and the following
// consonants, with similar sounds merged (c/q/k, z/s, w/v) and repeats
// collapsed.
func skeleton(w string) string {
	var lat strings.Builder
	for _, r := range foldWord(w) {
		if t, ok := cyrillic[r]; ok {
			lat.WriteString(t)
			continue
		}
		lat.WriteRune(r)
	}
	// German and French spellings of the same sounds.
	l := soundReplacer.Replace(lat.String())
	l = strings.TrimSuffix(l, "w")
	if !strings.HasSuffix(l, "o") && strings.HasSuffix(lat.String(), "w") {
		l += "w" // only "-ow" (Moscow) loses its w; Tokajew keeps it
	}
	var b strings.Builder
	var last rune
	for i, r := range l {
		switch r {
		case 'c', 'q':
			r = 'k'
		case 'z':
			r = 's'
		case 'w':
			r = 'v'
		case 'x':
			r = 'k'
		}
		if i > 0 && strings.ContainsRune("aeiouyjh", r) {
			continue
		}
		if r == last {
			continue
		}
		b.WriteRune(r)
		last = r
	}
	return b.String()
}

// notNames are capitalised words that are not names, in the languages of
// the archive; they start sentences or titles.
var notNames = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the a an and but in on at of for to from with by as he she it they we i you this that these those
		his her its their our after before while when if mr mrs ms le la les un une des du de et mais dans sur pour par avec selon il elle ils elles
		nous vous ce cette ces son sa ses leur m mme el los las una unos y pero en con por para según él ella ellos este esta
		der die das ein eine und aber im am mit von für nach laut er sie es wir ich dieser diese herr frau
		в на и но с по для от о об он она они это этот эта`) {
		notNames[w] = true
	}
}

// calendar maps month and weekday names of the archive's languages
// (folded, Russian transliterated) to one key: dates survive translation.
var calendar = map[string]string{}

func init() {
	months := []string{
		"january janvier enero januar gennaio janeiro yanvarya yanvar jan janv ene",
		"february fevrier febrero februar febbraio fevereiro fevralya fevral feb fev",
		"march mars marzo marz marco marta mart mar",
		"april avril abril aprile aprelya aprel apr avr abr",
		"may mai mayo maggio maio maya",
		"june juin junio juni giugno junho iyunya iyun jun",
		"july juillet julio juli luglio julho iyulya iyul jul juil",
		"august aout agosto augusta avgusta avgust aug ago",
		"september septembre septiembre settembre setembro sentyabrya sentyabr sep sept",
		"october octobre octubre oktober ottobre outubro oktyabrya oktyabr oct okt",
		"november novembre noviembre novembro noyabrya noyabr nov",
		"december decembre diciembre dezember dicembre dezembro dekabrya dekabr dec dic dez",
	}
	days := []string{
		"monday lundi lunes montag lunedi segunda ponedelnik",
		"tuesday mardi martes dienstag martedi terca vtornik",
		"wednesday mercredi miercoles mittwoch mercoledi quarta sreda sredu",
		"thursday jeudi jueves donnerstag giovedi quinta chetverg",
		"friday vendredi viernes freitag venerdi sexta pyatnitsa pyatnitsu",
		"saturday samedi sabado samstag sabato subbota subbotu",
		"sunday dimanche domingo sonntag domenica voskresenye voskresene",
	}
	for i, line := range months {
		for _, w := range strings.Fields(line) {
			calendar[w] = "%m" + strconv.Itoa(i+1)
		}
	}
	for i, line := range days {
		for _, w := range strings.Fields(line) {
			calendar[w] = "%d" + strconv.Itoa(i+1)
		}
	}
}

// calendarNeedsCap are calendar words that are also common words or
// abbreviations ("may", Spanish "mar"): they count when capitalised.
var calendarNeedsCap = map[string]bool{}

func init() {
	for _, w := range strings.Fields("may mar jan janv feb fev apr avr abr jun jul juil aug ago sep sept oct okt nov dec dic dez ene") {
		calendarNeedsCap[w] = true
	}
}

// latin folds and transliterates a normalised word to Latin letters.
func latin(w string) string {
	if w == "" || w[0] < utf8.RuneSelf {
		return w
	}
	var b strings.Builder
	for _, r := range w {
		if t, ok := cyrillic[r]; ok {
			b.WriteString(t)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// sentenceAnchors returns the anchors of each sentence span of text.
func sentenceAnchors(text string, sents []span) [][]anchor {
	return sentenceAnchorsOf(text, sents, sentenceTokens(text, sents))
}

// sentenceTokens returns the tokens of each sentence span of text (in
// order, not overlapping), with byte offsets in text. The text is
// tokenized once: a sentence starts and ends outside words (after '.',
// '!', '?' and a space, at a line break), so the tokens of the whole text
// that fall in a sentence are those of the sentence alone. Only the quoted
// flag may differ, which anchors do not read.
func sentenceTokens(text string, sents []span) [][]token {
	return splitTokens(tokenize(text), sents)
}

// splitTokens returns the tokens of a text (all) that fall in each of its
// sentences.
func splitTokens(all []token, sents []span) [][]token {
	out := make([][]token, len(sents))
	k := 0
	for i, s := range sents {
		for k < len(all) && int(all[k].s) < s.s {
			k++
		}
		j := k
		for j < len(all) && int(all[j].e) <= s.e {
			j++
		}
		out[i] = all[k:j:j]
		k = j
	}
	return out
}

// sentenceAnchorsOf returns the anchors of each sentence span of text
// from the tokens of each sentence (offsets in text).
func sentenceAnchorsOf(text string, sents []span, toks [][]token) [][]anchor {
	// Names: capitalised words seen at least once inside a sentence, with
	// their skeleton once made (a name recurs in a text).
	names := map[string]*nameSkeleton{}
	for i := range sents {
		for j, t := range toks[i] {
			if j > 0 && t.cap && !t.num && names[t.norm] == nil {
				names[t.norm] = &nameSkeleton{}
			}
		}
	}
	// The anchors of all sentences go in one slice, and the keys made
	// from words ("#2030", "@UN", "~psych") in one arena: out[i] is cut
	// from the slice at the end, when it no longer moves.
	var all []anchor
	ends := make([]int, len(sents))
	keys := normArena{buf: make([]byte, 0, 256)}
	for i, s := range sents {
		start := len(all)
		// A sentence has a few anchors: a linear scan finds the ones
		// already added faster than a map.
		add := func(a anchor) bool {
			for _, b := range all[start:] {
				if b.key == a.key {
					return false
				}
			}
			all = append(all, a)
			return true
		}
		// addKey adds an anchor whose key is prefix and word: made in
		// the arena, and dropped from it again when the sentence has it.
		addKey := func(prefix byte, word string, a anchor) {
			k := len(keys.buf)
			keys.buf = append(append(keys.buf, prefix), word...)
			a.key = keys.since(k)
			if !add(a) {
				keys.buf = keys.buf[:k] // the key is not kept: its bytes are free again
			}
		}
		for _, t := range toks[i] {
			if mayBeCalendar(t.norm) {
				if k, ok := calendar[latin(t.norm)]; ok && (t.cap || !calendarNeedsCap[t.norm]) {
					add(anchor{key: k, weight: 0.8})
					continue
				}
			}
			switch {
			case t.num:
				digits := strings.Trim(t.norm, ".")
				if len(digits) < 2 {
					continue
				}
				w := 2.0
				raw := text[t.s:t.e]
				if len(digits) == 4 && raw == digits && (strings.HasPrefix(digits, "19") || strings.HasPrefix(digits, "20")) {
					w = 1
				}
				addKey('#', digits, anchor{num: true, weight: w})
			case t.cap && names[t.norm] != nil && !notNames[t.norm] && utf8.RuneCountInString(t.norm) >= 3:
				if isAcronym(text[t.s:t.e]) {
					addKey('@', t.norm, anchor{weight: 1})
					continue
				}
				if sk := names[t.norm].of(t.norm); utf8.RuneCountInString(sk) >= 3 {
					add(anchor{key: sk, weight: 1})
				}
			case !t.cap && utf8.RuneCountInString(t.norm) >= 7 && t.norm[0] < utf8.RuneSelf:
				addKey('~', firstRunes(t.norm, 5), anchor{weight: 0.4, cognate: true})
			}
		}
		if hasQuote(text[s.s:s.e]) {
			add(anchor{key: quoteAnchor, weight: 0.5})
		}
		ends[i] = len(all)
	}
	out := make([][]anchor, len(sents))
	start := 0
	for i, end := range ends {
		if end > start {
			out[i] = all[start:end:end]
		}
		start = end
	}
	return out
}

// calendarLengths holds, for each first byte of the calendar's words, the
// lengths they have, as bits: most words of a text have none and are not
// looked up.
var calendarLengths [256]uint32

// This init runs after the one that fills calendar, above in this file.
func init() {
	for w := range calendar {
		calendarLengths[w[0]] |= 1 << min(len(w), 31)
	}
}

// mayBeCalendar reports whether latin(w) may be a word of calendar: true
// for every word that is, and for others.
func mayBeCalendar(w string) bool {
	if w == "" {
		return false
	}
	if w[0] >= utf8.RuneSelf {
		return true // transliterated first
	}
	return calendarLengths[w[0]]&(1<<min(len(w), 31)) != 0
}

// nameSkeleton is the skeleton of a name, made when first needed.
type nameSkeleton struct {
	made bool
	skel string
}

// of returns the skeleton of name.
func (n *nameSkeleton) of(name string) string {
	if !n.made {
		n.skel, n.made = skeletons.of(name), true
	}
	return n.skel
}

// skeletonCache keeps the skeletons of the names met, for all texts: the
// names of a story recur in every copy and translation of it, and making
// a skeleton took a fifth of the time of preparing a text's anchors. It is
// safe for concurrent use.
type skeletonCache struct {
	mu sync.Mutex
	m  map[string]string
}

// maxSkeletons bounds the names a skeletonCache keeps (a few MB); when
// full it starts over.
const maxSkeletons = 1 << 16

var skeletons = &skeletonCache{m: map[string]string{}}

// of returns skeleton(name).
func (c *skeletonCache) of(name string) string {
	c.mu.Lock()
	sk, ok := c.m[name]
	c.mu.Unlock()
	if ok {
		return sk
	}
	sk = skeleton(name)
	c.mu.Lock()
	if len(c.m) >= maxSkeletons {
		clear(c.m)
	}
	// A copy: name may point into a whole text.
	c.m[strings.Clone(name)] = sk
	c.mu.Unlock()
	return sk
}

// firstRunes returns the first n runes of s.
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// hasQuote reports whether s holds a quotation mark: one of "“”«»„. Their
// UTF-8 encodings start with a byte that no other rune's encoding holds
// inside it, so matching bytes finds the same runes as decoding.
func hasQuote(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			return true
		case 0xc2: // « U+00AB, » U+00BB
			if i+1 < len(s) && (s[i+1] == 0xab || s[i+1] == 0xbb) {
				return true
			}
		case 0xe2: // “ U+201C, ” U+201D, „ U+201E
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x9c || s[i+2] == 0x9d || s[i+2] == 0x9e) {
				return true
			}
		}
	}
	return false
}

// anchored counts the sentences with a name, number or quotation.
func anchored(as [][]anchor) int {
	n := 0
	for _, a := range as {
		for _, x := range a {
			if !x.cognate {
				n++
				break
			}
		}
	}
	return n
}

func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

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
}

// sideIndex maps the anchor keys of a side to the sentences that hold
// them, in order (a sentence holds a key once). It is made for the new
// article of a link, once for all its candidates, and not kept with the
// cached sides.
type sideIndex map[string][]int32

func indexSide(sd *side) sideIndex {
	where := sideIndex{}
	for i, as := range sd.anchors {
		for _, x := range as {
			where[x.key] = append(where[x.key], int32(i))
		}
	}
	return where
}

func newSide(text string) *side { return newSideTokens(text, tokenize(text)) }

// newSideTokens is newSide given the tokens of text.
func newSideTokens(text string, toks []token) *side {
	sd := &side{text: text, sents: sentences(text)}
	// Sides are kept for many candidates: the tokens are not.
	sd.anchors = sentenceAnchorsOf(text, sd.sents, splitTokens(toks, sd.sents))
	sd.quotes = make([]bool, len(sd.sents))
	for i, s := range sd.sents {
		sd.quotes[i] = hasQuote(text[s.s:s.e])
	}
	return sd
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
		quoteA: sa.quotes, quoteB: sb.quotes}
	aa, ab := sa.anchors, sb.anchors
	n, m := len(aa), len(ab)
	if n == 0 || m == 0 {
		return ta
	}
	// Anchors frequent in the pair of texts (the president's name in every
	// sentence) weigh less: freq is the number of sentences of both texts
	// that hold a key.
	inA := map[string]int{} // sentences of A that hold each key of B
	for _, as := range aa {
		for _, x := range as {
			if _, ok := whereB[x.key]; ok {
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
	shared := func(x anchor, s *float64, real, cognates *int, num *bool) {
		if x.key == quoteAnchor {
			*s += x.weight
			return
		}
		if x.cognate {
			*cognates++
			*s += x.weight
			return
		}
		w := x.weight
		if f := freq(x.key); f > 2 {
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
					shared(x, &s, &real, &cognates, &num)
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
	for i := 0; i < n; i++ {
		sc[i] = scores[i*m : (i+1)*m]
		touched = touched[:0]
		for _, x := range aa[i] {
			for _, j := range whereB[x.key] {
				if sum[j] == 0 && reals[j] == 0 && cogs[j] == 0 {
					touched = append(touched, j)
				}
				shared(x, &sum[j], &reals[j], &cogs[j], &num)
			}
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
	return math.Max(ca, cb) >= minTranslationMost && math.Min(ca, cb) >= minTranslationLeast
}

// languageStopwords are frequent words of each language, to guess the
// language of an article that does not say.
var languageStopwords = map[string][]string{
	"en": strings.Fields("the and of to in that is was for on with said by as"),
	"fr": strings.Fields("le la les et des du est une dans pour que qui sur par avec pas"),
	"es": strings.Fields("el la los las y del que en por con una para se al según"),
	"de": strings.Fields("der die das und ist nicht mit den von zu sich auf dem ein eine"),
	"it": strings.Fields("il di che della del per con non una sono gli nel alla"),
	"pt": strings.Fields("o os do da que em para com não uma dos das ao pelo"),
	"ru": strings.Fields("и в не на что с по как это он из за для от"),
}

// guessLanguage returns the ISO 639-1 code of the language whose frequent
// words text uses most, or "" when it cannot tell.
func guessLanguage(text string) string {
	counts := map[string]int{}
	words := map[string]int{}
	for _, t := range tokenize(text) {
		words[t.norm]++
	}
	best, bestN := "", 0
	for lang, sw := range languageStopwords {
		for _, w := range sw {
			counts[lang] += words[foldWord(w)]
		}
		if counts[lang] > bestN {
			best, bestN = lang, counts[lang]
		}
	}
	if bestN < 3 {
		return ""
	}
	return best
}
