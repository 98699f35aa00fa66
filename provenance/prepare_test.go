package provenance

import (
	"fmt"
	"math"
	"math/rand"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/wiretrace/wiretrace/gen"
)

// sentenceAnchorsRef is sentenceAnchors as first written: each sentence
// tokenized on its own, a map of the anchors already added. The faster
// version must give the same anchors.
func sentenceAnchorsRef(text string, sents []span) [][]anchor {
	toks := make([][]token, len(sents))
	names := map[string]bool{}
	for i, s := range sents {
		toks[i] = tokenize(text[s.s:s.e])
		for j, t := range toks[i] {
			if j > 0 && t.cap && !t.num {
				names[t.norm] = true
			}
		}
	}
	out := make([][]anchor, len(sents))
	for i, s := range sents {
		seen := map[string]bool{}
		add := func(a anchor) {
			if !seen[a.key] {
				seen[a.key] = true
				out[i] = append(out[i], a)
			}
		}
		ts := toks[i]
		for k := 0; k < len(ts); k++ {
			t := ts[k]
			if k, ok := calendarOf(t.norm); ok && (t.cap || !calendarNeedsCap[t.norm]) {
				add(anchor{key: k, weight: 0.8})
				continue
			}
			if key, last := cjkDate(text[s.s:s.e], ts, k, ""); key != "" && !t.num && !isNativeDigit(t.norm) {
				add(anchor{key: key, weight: 0.8})
				k = last
				continue
			}
			switch {
			case t.num || isNativeDigit(t.norm):
				digits, plain, last := numberAt(text[s.s:s.e], ts, k)
				if last == k {
					if key, last := cjkDate(text[s.s:s.e], ts, k, digits); key != "" {
						add(anchor{key: key, weight: 0.8})
						k = last
						continue
					}
				}
				k = last
				if len(digits) < 2 {
					continue
				}
				w := 2.0
				if len(digits) == 4 && plain && (strings.HasPrefix(digits, "19") || strings.HasPrefix(digits, "20")) {
					w = 1
				}
				add(anchor{key: "#" + digits, num: true, weight: w})
			case t.cap && names[t.norm] && !notNames[t.norm] && utf8.RuneCountInString(t.norm) >= 3:
				if isAcronym(text[s.s+int(t.s) : s.s+int(t.e)]) {
					add(anchor{key: "@" + t.norm, weight: 1})
					continue
				}
				if sk := skeleton(t.norm); len(sk) >= 2 {
					add(anchor{key: sk, weight: nameWeight(sk), name: true, cognate: len(sk) < 3})
				}
			case !t.cap && utf8.RuneCountInString(t.norm) >= 7 && (t.norm[0] < utf8.RuneSelf || t.norm[0] >= 0xd0 && t.norm[0] <= 0xd3):
				r := []rune(latin(t.norm))
				add(anchor{key: "~" + strings.NewReplacer("k", "c", "z", "s").Replace(string(r[:5])), weight: 0.4, cognate: true})
			}
		}
		for _, n := range scriptNames(text[s.s:s.e], ts) {
			if a, ok := scriptNameAnchor(n); ok {
				add(a)
			}
		}
		if strings.ContainsAny(text[s.s:s.e], "\"“”«»„") {
			add(anchor{key: quoteAnchor, weight: 0.5})
		}
	}
	return out
}

// prepareTexts are texts whose sentences end in numbers, quotes,
// abbreviations and scripts without spaces, next to generated articles in
// every language of the generator.
var prepareTexts = []string{
	"Prices rose 2,5 percent in 2019. 300 people protested.\nThe U.S. said 1 000 000 were hit. «Nous partons», a dit M. Dupont.",
	"Токаев заявил, что 12 000 человек эвакуированы. Tokayev said 12,000 people left!  \"We go\" — he said? Yes.",
	"2022年，北京发生了地震。300人受伤。东京也有5.6级地震！",
	"Ends with a number 42\n\nAnd a line with 7. 8. 9.\nMr. Smith met Dr. Jones on Jan. 3 at 10.30.",
}

func TestSentenceAnchorsMatchPerSentenceTokens(t *testing.T) {
	texts := append(append([]string(nil), prepareTexts...), tokenizeTexts...)
	// Calendar words in several languages and cases, numbers, acronyms.
	texts = append(texts, "On Monday, May 5, in MAY and may; Mar 3 mar. Январь 12 января, 1999 2024 2,030 UN NATO Tokayev Tokayev's.\nEl lunes 3 de marzo. Am Montag, dem 3. März 2025.")
	g := gen.New(gen.Config{Articles: 600, Seed: 3})
	for i := 0; i < g.Len(); i++ {
		a, _ := g.Article(i)
		texts = append(texts, fullText(Doc{Title: a.Title, Text: a.Text}))
	}
	for _, text := range texts {
		sents := sentences(text)
		want := sentenceAnchorsRef(text, sents)
		got := sentenceAnchors(text, sents)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("anchors differ for %.80q:\n got %v\nwant %v", text, got, want)
		}
	}
}

// sentencesRef is sentences as first written.
func sentencesRef(text string) []span {
	var out []span
	for _, p := range paragraphs(text) {
		s := p.s
		for i := p.s; i < p.e; {
			r, size := utf8.DecodeRuneInString(text[i:])
			i += size
			if !strings.ContainsRune(".!?。！？", r) {
				continue
			}
			for i < p.e {
				r2, sz := utf8.DecodeRuneInString(text[i:])
				if !strings.ContainsRune("\"'”’»)]…", r2) {
					break
				}
				i += sz
			}
			if i < p.e && r < 0x3000 && text[i] != ' ' {
				continue
			}
			if r == '.' {
				w := lastWord(text[s:i])
				if abbreviations[strings.ToLower(w)] || len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
					continue
				}
			}
			if e := trimSpan(text, s, i); e.e > e.s {
				out = append(out, e)
			}
			s = i
		}
		if e := trimSpan(text, s, p.e); e.e > e.s {
			out = append(out, e)
		}
	}
	return out
}

// genDocs returns generated articles (every language of the generator)
// and hand-written ones with numbers, quotations, abbreviations and
// scripts without spaces at sentence and title ends.
func genDocs(n int) []Doc {
	var docs []Doc
	for i, text := range prepareTexts {
		docs = append(docs, Doc{ID: int64(i + 1), Title: []string{"", "Costs 1,", "«Quote»", "Price 12\u00a0"}[i%4], Text: text})
	}
	g := gen.New(gen.Config{Articles: n, Seed: 3})
	for i := 0; i < g.Len(); i++ {
		a, _ := g.Article(i)
		docs = append(docs, Doc{ID: int64(len(docs) + 1), Title: a.Title, Text: a.Text, Language: a.Language})
	}
	return docs
}

// A cached side reuses the tokens of the text; it must be the side of the
// title and text tokenized together, and sentences must split as before.
func TestCachedSideMatchesNewSide(t *testing.T) {
	c := NewCache()
	for _, d := range genDocs(600) {
		full := fullText(d)
		if got, want := sentences(full), sentencesRef(full); !reflect.DeepEqual(got, want) {
			t.Fatalf("sentences of %.80q:\n got %v\nwant %v", full, got, want)
		}
		if !reflect.DeepEqual(fullTokens(d, tokenize(d.Text)), tokenize(full)) {
			t.Fatalf("tokens of %.80q differ", full)
		}
		c.Fingerprints(d) // tokens first, as the linker does
		got, want := c.side(d), newSide(full)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("side of %.80q differs", full)
		}
		tx := newTransText(full, want.sents, fullTokens(d, tokenize(d.Text)))
		for i, s := range want.sents {
			if got, want := numbersOf(tx.toks[i]), numbers(full[s.s:s.e]); !reflect.DeepEqual(got, want) {
				t.Fatalf("numbers of %q: got %v, want %v", full[s.s:s.e], got, want)
			}
		}
		for _, p := range paragraphs(full) {
			if got, want := tokensIn(tx.all, p), len(tokenize(full[p.s:p.e])); got != want {
				t.Fatalf("tokens in %q: got %d, want %d", full[p.s:p.e], got, want)
			}
		}
	}
}

// alignReuseRef is alignReuse as first written (a map of positions, a map
// of diagonals).
func alignReuseRef(ta, tb []token, boiler map[uint64]bool) reuseAlignment {
	al := reuseAlignment{tokA: len(ta), tokB: len(tb)}
	ha, hb := shingles(ta), shingles(tb)
	if len(ha) == 0 || len(hb) == 0 {
		return al
	}
	selB := make([]bool, len(hb))
	if len(boiler) > 0 {
		for _, p := range winnow(hb, winnowW) {
			selB[p] = true
		}
	}
	pos := make(map[uint64][]int, len(ha))
	for i, h := range ha {
		if len(pos[h]) < maxPositions {
			pos[h] = append(pos[h], i)
		}
	}
	// Extend matches along diagonals (i - j constant).
	type diag struct{ startJ, lastJ int }
	var found []run
	cur := map[int]*diag{}
	flush := func(d int, r *diag) {
		n := r.lastJ - r.startJ + 1
		found = append(found, run{a0: r.startJ + d, a1: r.startJ + d + n + shingleK - 1, b0: r.startJ, b1: r.startJ + n + shingleK - 1})
	}
	for j, h := range hb {
		for _, i := range pos[h] {
			d := i - j
			if r, ok := cur[d]; ok && r.lastJ == j-1 {
				r.lastJ = j
				continue
			} else if ok {
				flush(d, r)
			}
			cur[d] = &diag{startJ: j, lastJ: j}
		}
	}
	for d, r := range cur {
		flush(d, r)
	}
	// Longest passages first, each word used once on each side.
	sort.Slice(found, func(x, y int) bool {
		lx, ly := found[x].a1-found[x].a0, found[y].a1-found[y].a0
		if lx != ly {
			return lx > ly
		}
		if found[x].a0 != found[y].a0 {
			return found[x].a0 < found[y].a0
		}
		return found[x].b0 < found[y].b0
	})
	usedA := make([]bool, len(ta))
	usedB := make([]bool, len(tb))
	for _, r := range found {
		// Trim the parts already used, then keep what remains if long.
		for r.a0 < r.a1 && (usedA[r.a0] || usedB[r.b0]) {
			r.a0++
			r.b0++
		}
		for r.a1 > r.a0 && (usedA[r.a1-1] || usedB[r.b1-1]) {
			r.a1--
			r.b1--
		}
		if r.a1-r.a0 < minRunTokens || overlaps(usedA, r.a0, r.a1) || overlaps(usedB, r.b0, r.b1) {
			continue
		}
		if boilerRun(hb, selB, r, boiler) {
			continue
		}
		for i := r.a0; i < r.a1; i++ {
			usedA[i] = true
		}
		for i := r.b0; i < r.b1; i++ {
			usedB[i] = true
		}
		al.runs = append(al.runs, r)
		al.coveredA += r.a1 - r.a0
		al.coveredB += r.b1 - r.b0
		for i := r.a0; i < r.a1; i++ {
			if !ta[i].quoted {
				al.unquotedA++
			}
		}
	}
	sort.Slice(al.runs, func(x, y int) bool { return al.runs[x].a0 < al.runs[y].a0 })
	return al
}

// alignReuse must find the passages it found before, with and without
// boilerplate, between generated articles of one event (copies, edited
// copies and independent reports) and against themselves.
func TestAlignReuseMatchesReference(t *testing.T) {
	docs := genDocs(400)
	toks := make([][]token, len(docs))
	for i, d := range docs {
		toks[i] = tokenize(d.Text)
	}
	pairs := 0
	for i := range docs {
		for j := max(0, i-25); j <= i; j++ {
			boiler := map[uint64]bool{}
			if j%3 == 0 {
				for k, h := range shingles(toks[j]) {
					if k%5 == 0 {
						boiler[h] = true
					}
				}
			}
			for _, b := range []map[uint64]bool{nil, boiler} {
				got, want := alignReuse(toks[j], toks[i], b), alignReuseRef(toks[j], toks[i], b)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("docs %d, %d: got %+v, want %+v", j, i, got, want)
				}
				if len(want.runs) > 0 {
					pairs++
				}
			}
		}
	}
	if pairs < 1000 {
		t.Errorf("only %d pairs shared passages: the test compares too little", pairs)
	}
}

// alignSidesRef is alignSides as first written: every pair of sentences
// scored by comparing their anchors.
func alignSidesRef(sa, sb *side) translationAlignment {
	a, b := sa.text, sb.text
	ta := translationAlignment{textA: a, textB: b, sentsA: sa.sents, sentsB: sb.sents, lenA: len(a), lenB: len(b),
		quoteA: sa.quotes, quoteB: sb.quotes, nounCapsA: sa.nounCaps, nounCapsB: sb.nounCaps}
	aa, ab := sa.anchors, sb.anchors
	n, m := len(aa), len(ab)
	if n == 0 || m == 0 {
		return ta
	}
	// Anchors frequent in the pair of texts (the president's name in every
	// sentence) weigh less.
	freq := map[string]int{}
	for _, side := range [][][]anchor{aa, ab} {
		for _, as := range side {
			for _, x := range as {
				freq[x.key]++
			}
		}
	}
	countA := map[string]int{}
	for _, as := range aa {
		for _, x := range as {
			countA[x.key]++
		}
	}
	ta.anchoredA, ta.anchoredB = anchored(aa), anchored(ab)
	score := func(i, j int) (float64, bool) {
		var s float64
		num := false
		real, cognates := 0, 0
		for _, x := range aa[i] {
			exact, fuzzy := false, false
			for _, y := range ab[j] {
				exact = exact || x.key == y.key
				fuzzy = fuzzy || x.name && y.name && oneConsonantApart(x.key, y.key)
			}
			if !exact && fuzzy {
				x.weight *= fuzzyWeight
			}
			for _, y := range ab[j] {
				if x.key != y.key && (exact || !fuzzy || !y.name || !oneConsonantApart(x.key, y.key)) {
					continue
				}
				fuzzy = false // counted once
				if x.key == quoteAnchor {
					s += x.weight
					continue
				}
				if x.cognate && !x.name {
					cognates++
					s += x.weight
					continue
				}
				w := x.weight
				f := freq[x.key]
				if x.key != y.key {
					f = countA[x.key]
				}
				if f > 2 {
					w *= math.Sqrt(2 / float64(f))
				}
				s += w
				if x.num {
					num = true
				}
				real++
			}
		}
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
		return s, num
	}
	dp := make([][]float64, n+1)
	for i := range dp {
		dp[i] = make([]float64, m+1)
	}
	sc := make([][]float64, n)
	for i := 0; i < n; i++ {
		sc[i] = make([]float64, m)
		for j := 0; j < m; j++ {
			sc[i][j], _ = score(i, j)
		}
	}
	for i := 1; i <= n; i++ {
		for j := 1; j <= m; j++ {
			best := math.Max(dp[i-1][j], dp[i][j-1])
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

// alignSides must align sentences as before, between generated articles
// of one event in any two languages (translations and independent
// reports alike).
func TestAlignSidesMatchesReference(t *testing.T) {
	docs := genDocs(400)
	sides := make([]*side, len(docs))
	for i, d := range docs {
		sides[i] = newSide(fullText(d))
	}
	aligned := 0
	for i := range docs {
		idx := indexSide(sides[i])
		for j := max(0, i-25); j <= i; j++ {
			got, want := alignSidesTo(sides[j], sides[i], idx), alignSidesRef(sides[j], sides[i])
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("docs %d, %d: got %+v, want %+v", j, i, got, want)
			}
			if want.strong > 0 {
				aligned++
			}
		}
	}
	if aligned < 500 {
		t.Errorf("only %d pairs aligned on anchors: the test compares too little", aligned)
	}
}

// tokenizeRef is tokenize as first written: every rune decoded and
// classified by the unicode tables, words lower-cased by foldWord.
func tokenizeRef(text string) []token {
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }
	toks := make([]token, 0, len(text)/6+1)
	i := 0
	quoted := false
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWord(r) {
			switch r {
			case '“', '„', '«':
				quoted = true
			case '”', '»', '\n':
				quoted = false
			case '"':
				quoted = !quoted
			}
			i += size
			continue
		}
		if r >= '0' && r <= '9' {
			s, e, norm := scanNumberRef(text, i)
			toks = append(toks, token{norm: norm, s: int32(s), e: int32(e), num: true, quoted: quoted})
			i = e
			continue
		}
		s := i
		if unspaced(r) {
			i += size
			toks = append(toks, token{norm: text[s:i], s: int32(s), e: int32(i), quoted: quoted})
			continue
		}
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if !isWord(r) || unspaced(r) {
				break
			}
			i += size
		}
		w := text[s:i]
		first, _ := utf8.DecodeRuneInString(w)
		toks = append(toks, token{norm: spellingRef(foldWordRef(w)), s: int32(s), e: int32(i), cap: unicode.IsUpper(first), quoted: quoted})
	}
	return toks
}

// foldWordRef is foldWord as first written, with the fold table a map.
func foldWordRef(w string) string {
	fold := map[rune]string{}
	for r := rune(0); r < foldRunes; r++ {
		if foldTable[r] != "" {
			fold[r] = foldTable[r]
		}
	}
	var b strings.Builder
	for _, r := range w {
		r = unicode.ToLower(r)
		if f, ok := fold[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// spellingRef is spelling as first written: every suffix tried in order.
func spellingRef(w string) string {
	n := len(w)
	if n < 5 {
		return w
	}
	switch w {
	case "defence":
		return "defense"
	case "offence":
		return "offense"
	case "licence":
		return "license"
	case "programme", "programmes":
		return "program" + w[9:]
	case "grey":
		return "gray"
	}
	for _, suf := range britishSuffixes {
		if strings.HasSuffix(w, suf[0]) && n-len(suf[0]) >= 2 {
			return w[:n-len(suf[0])] + suf[1]
		}
	}
	return w
}

// scanNumberRef is scanNumber as first written: the normal form always
// built.
func scanNumberRef(text string, s int) (int, int, string) {
	var b strings.Builder
	i := s
	for i < len(text) {
		c := text[i]
		if c >= '0' && c <= '9' {
			b.WriteByte(c)
			i++
			continue
		}
		// A separator followed by a digit group: thousands when exactly
		// three digits follow, a decimal point otherwise.
		sep := 0
		switch {
		case c == ',' || c == '.' || c == ' ' || c == '\'':
			sep = 1
		case strings.HasPrefix(text[i:], "\u00a0"), strings.HasPrefix(text[i:], "\u202f"):
			sep = 2
			if strings.HasPrefix(text[i:], "\u202f") {
				sep = 3
			}
		}
		if sep == 0 || i+sep >= len(text) || text[i+sep] < '0' || text[i+sep] > '9' {
			break
		}
		j := i + sep
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		if j-(i+sep) == 3 {
			b.WriteString(text[i+sep : j])
		} else if c == ',' || c == '.' {
			if strings.Contains(b.String(), ".") {
				break
			}
			b.WriteByte('.')
			b.WriteString(text[i+sep : j])
		} else {
			break
		}
		i = j
	}
	// Letters glued to the number ("12th", "2022年") end the token.
	return s, i, b.String()
}

// tokenizeTexts are texts with every kind of rune tokenize reads: accents,
// Cyrillic, Greek, marks, scripts without spaces, other digits, quotation
// marks, British spellings, invalid UTF-8.
var tokenizeTexts = []string{
	"Organised colours at the Théâtre: «Nous partons», a dit M. Dupont; the Programme's DEFENCE licence.",
	"ÆSIR Œuvre STRASSE Straße ÞORN İstanbul ǅemal Ǆ ǈ naïve coöperate e\u0301cole Ⅻ ½ ٣٤٥ ０１２",
	"Токаев заявил, что 12 000 человек эвакуированы. «Мы уходим» Ёлка ΑΘΗΝΑ Αθήνα",
	"2022年，北京发生了地震。300人受伤。東京ひらがなカタカナ ภาษาไทย ລາວ ខ្មែរ မြန်မာ",
	"\"quoted\" “more” „German“ »back« 2,5 2.000 2\u00a0000 3\u202f000 1'000 12th 7.5.3",
	"bad \xff\xfe bytes \xe2\x80 cut\xc3 and ab\xc2\xabc «x» travelled travellers theatres catalogues analysed",
}

func TestTokenizeMatchesReference(t *testing.T) {
	texts := append(append([]string(nil), tokenizeTexts...), prepareTexts...)
	for _, d := range genDocs(600) {
		texts = append(texts, d.Title, d.Text)
	}
	for _, text := range texts {
		if got, want := tokenize(text), tokenizeRef(text); !reflect.DeepEqual(got, want) {
			t.Fatalf("tokens of %.80q:\n got %v\nwant %v", text, got, want)
		}
	}
	// Random mixes of the pieces tokenize treats apart: respelled,
	// capitalised and folded words, numbers with and without separators
	// (thousands, decimals, several, glued letters), scripts, quotation
	// marks.
	pieces := []string{"Organised", "organisation", "COLOURS", "programme", "Defence", "grey", "travelled", "Токаев", "Tokaïev",
		"Straße", "ÉTÉ", "Œuvre", "İstanbul", "2,000", "2.000", "2 000", "2,5", "2.5.6", "1,234,567.89", "12th", "2022年", "3'000",
		"4\u00a0500", "7\u202f000", "1.2,3", "0,5,5", "1,5.000", "東京都", "ภาษาไทย", "\"quoted\"", "«cité»", "“Said”", "\n", " ", ",",
		".", "x", "A", "Ä", "\xff", "n\u0303", "ǅungla", "ﬁnance", "Catalogue", "analysed", "metres", "labelled", "a1b2", "9"}
	r := rand.New(rand.NewSource(5))
	for range 5000 {
		var b strings.Builder
		for range 1 + r.Intn(30) {
			b.WriteString(pieces[r.Intn(len(pieces))])
			b.WriteString([]string{" ", "", "\n", ", ", ". ", " "}[r.Intn(6)])
		}
		text := b.String()
		if got, want := tokenize(text), tokenizeRef(text); !reflect.DeepEqual(got, want) {
			t.Fatalf("tokens of %q:\n got %v\nwant %v", text, got, want)
		}
	}
	// Every rune up to the end of the fold table and a sample beyond,
	// alone, capitalised in a word, and inside a word.
	for r := rune(1); r < 0x3100; r++ {
		if r >= 0x800 && r%7 != 0 {
			continue
		}
		for _, text := range []string{string(r), "Ab" + string(r) + "cd ise", string(r) + "ours x" + string(r)} {
			if got, want := tokenize(text), tokenizeRef(text); !reflect.DeepEqual(got, want) {
				t.Fatalf("tokens of %q:\n got %v\nwant %v", text, got, want)
			}
		}
	}
}

func TestHasQuoteMatchesContainsAny(t *testing.T) {
	texts := append(append([]string(nil), tokenizeTexts...), prepareTexts...)
	for _, d := range genDocs(200) {
		texts = append(texts, d.Text)
	}
	// Every pair of bytes around the quotation marks' encodings.
	for _, q := range []string{"\"", "“", "”", "«", "»", "„", "‟", "¬", "’"} {
		for b := 0; b < 256; b++ {
			texts = append(texts, string([]byte{byte(b)})+q, q[:len(q)-1]+string([]byte{byte(b)}), "a"+q[:1])
		}
	}
	for _, s := range texts {
		if got, want := hasQuote(s), strings.ContainsAny(s, "\"“”«»„"); got != want {
			t.Fatalf("hasQuote(%q) = %v, want %v", s, got, want)
		}
	}
}

// shinglesRef is shingles as first written: the word hashes in a slice.
func shinglesRef(toks []token) []uint64 {
	if len(toks) < shingleK {
		return nil
	}
	wh := make([]uint64, len(toks))
	for i, t := range toks {
		wh[i] = hashString(t.norm)
	}
	out := make([]uint64, len(toks)-shingleK+1)
	for i := range out {
		var x uint64
		for j := 0; j < shingleK; j++ {
			x = (x<<7 | x>>57) ^ wh[i+j]
		}
		out[i] = mix(x) & fpMask
	}
	return out
}

func TestShinglesMatchReference(t *testing.T) {
	for _, d := range genDocs(200) {
		toks := tokenize(d.Text)
		for _, n := range []int{0, shingleK - 1, shingleK, shingleK + 1, len(toks)} {
			part := toks[:min(n, len(toks))]
			if got, want := shingles(part), shinglesRef(part); !reflect.DeepEqual(got, want) {
				t.Fatalf("shingles of %d tokens of %.60q: got %v, want %v", len(part), d.Text, got, want)
			}
		}
	}
}

// TestSkeletonCache checks that the shared cache of name skeletons gives
// skeleton's answer, for names seen once or again, before and after it
// fills up and starts over, and never holds more than maxSkeletons.
func TestSkeletonCache(t *testing.T) {
	c := &skeletonCache{m: map[string]string{}}
	names := []string{"tokayev", "tokaïev", "tokajew", "токаев", "moscow", "schröder", "tschechow", "philippe", "quezon"}
	for i := range maxSkeletons + 1000 {
		names = append(names, fmt.Sprintf("zx%dqw", i))
	}
	for pass := range 2 {
		for i, n := range names {
			if got, want := c.of(n), skeleton(n); got != want {
				t.Fatalf("pass %d, name %d: skeleton of %q is %q, want %q", pass, i, n, got, want)
			}
			if len(c.m) > maxSkeletons {
				t.Fatalf("%d skeletons kept, at most %d", len(c.m), maxSkeletons)
			}
		}
	}
}
