package archive

import (
	"context"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Relevance is BM25 computed here, in Go, from the stored title and text
// of the candidates, and not by FTS5's bm25(): to weigh each term, bm25()
// first counts the articles containing it by reading the term's whole
// doclist, at every query. For a word in 600,000 articles that is 35 ms in
// native SQLite and more for phrases (100 ms) and prefixes (280 ms), however
// few articles are scored. Here the candidates are the newest matches, at
// most rankCandidates of them (all of them in a smaller match set), read by
// id, and the weights come from the match counts the search already has.
// The formula is FTS5's: k1 1.2, b 0.75, a title match weighs ten times a
// body match.

const (
	bm25K1      = 1.2
	bm25B       = 0.75
	titleWeight = 10.0
)

// scorer holds a query's positive terms as folded words.
type scorer struct {
	words  [][]string // folded words of each term ("" for CJK terms)
	prefix []bool
	cjk    []string         // CJK terms, counted as substrings
	first  map[string][]int // first word → terms starting with it
	pfirst []int            // terms whose only word is a prefix
	idf    []float64
}

// newScorer prepares fq's terms. df estimates how many of n articles hold
// a term.
func newScorer(fq ftsQuery, n int, df func(term string, prefix bool) int) *scorer {
	sc := &scorer{first: map[string][]int{}}
	for i, t := range fq.terms {
		pre := i < len(fq.prefix) && fq.prefix[i]
		var w []string
		cjk := ""
		if containsCJK(t) {
			cjk = strings.ToLower(t)
		} else {
			w = wordsOf(Fold(t))
			if len(w) == 0 {
				continue
			}
		}
		k := len(sc.words)
		sc.words = append(sc.words, w)
		sc.prefix = append(sc.prefix, pre)
		sc.cjk = append(sc.cjk, cjk)
		switch {
		case cjk != "":
		case pre && len(w) == 1:
			sc.pfirst = append(sc.pfirst, k)
		default:
			sc.first[w[0]] = append(sc.first[w[0]], k)
		}
		nt := float64(df(t, pre))
		idf := math.Log((float64(n) - nt + 0.5) / (nt + 0.5))
		if idf <= 0 {
			idf = 1e-6 // as FTS5 does for words in most articles
		}
		sc.idf = append(sc.idf, idf)
	}
	return sc
}

// doc is one candidate's term frequencies and length in words.
type doc struct {
	id     int64
	title  []int
	body   []int
	length int
}

// count adds the occurrences of the terms in text to tf and returns the
// length of text in bytes, which stands for its number of words (BM25 uses
// only its ratio to the average). Each term's first word is found with
// strings.Index in the folded text and checked for word boundaries: ten
// times faster than splitting the text into words.
func (sc *scorer) count(text string, tf []int, buf *foldBuf) int {
	var lower string
	f := buf.fold(text)
	for k := range sc.words {
		if c := sc.cjk[k]; c != "" {
			if lower == "" {
				lower = strings.ToLower(text)
			}
			tf[k] += strings.Count(lower, c)
			continue
		}
		sc.each(f, k, func(int) bool { tf[k]++; return true })
	}
	return len(text)
}

// firstMatch returns the byte offset in f (folded) of the earliest match of a
// term, or -1.
func (sc *scorer) firstMatch(f string) int {
	at := -1
	for k := range sc.words {
		if c := sc.cjk[k]; c != "" {
			if i := strings.Index(f, c); i >= 0 && (at < 0 || i < at) {
				at = i
			}
			continue
		}
		sc.each(f, k, func(i int) bool {
			if at < 0 || i < at {
				at = i
			}
			return false
		})
	}
	return at
}

// each calls fn with the offset of every match of term k in the folded
// text f, in order, until fn returns false.
func (sc *scorer) each(f string, k int, fn func(at int) bool) {
	w := sc.words[k]
	last := len(w) - 1
	for i := 0; i < len(f); {
		j := strings.Index(f[i:], w[0])
		if j < 0 {
			return
		}
		at := i + j
		i = at + len(w[0])
		if at > 0 && wordBefore(f, at) {
			continue
		}
		pos, ok := at+len(w[0]), true
		for n := 1; ok && n <= last; n++ {
			if wordAt(f, pos) { // the previous word goes on
				ok = false
				break
			}
			for pos < len(f) && !wordAt(f, pos) {
				_, size := utf8.DecodeRuneInString(f[pos:])
				pos += size
			}
			if !strings.HasPrefix(f[pos:], w[n]) {
				ok = false
			}
			pos += len(w[n])
		}
		if ok && (sc.prefix[k] || !wordAt(f, pos)) && !fn(at) {
			return
		}
	}
}

// wordAt reports whether a word character starts at f[i].
func wordAt(f string, i int) bool {
	if i >= len(f) {
		return false
	}
	if c := f[i]; c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
	}
	r, _ := utf8.DecodeRuneInString(f[i:])
	return isWordRune(r) && !isCJK(r) // CJK text around a Latin word bounds it
}

// wordBefore reports whether a word character ends just before f[i].
func wordBefore(f string, i int) bool {
	if c := f[i-1]; c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
	}
	r, _ := utf8.DecodeLastRuneInString(f[:i])
	return isWordRune(r) && !isCJK(r)
}

// score orders docs by BM25, best first, newer first on ties.
func (sc *scorer) score(docs []doc) []ranked {
	avg := 0.0
	for _, d := range docs {
		avg += float64(d.length)
	}
	avg = max(avg/float64(max(len(docs), 1)), 1)
	out := make([]ranked, len(docs))
	for i, d := range docs {
		s := 0.0
		norm := bm25K1 * (1 - bm25B + bm25B*float64(d.length)/avg)
		for k := range sc.words {
			f := titleWeight*float64(d.title[k]) + float64(d.body[k])
			if f > 0 {
				s += sc.idf[k] * f * (bm25K1 + 1) / (f + norm)
			}
		}
		out[i] = ranked{id: d.id, score: s}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		return out[i].id > out[j].id
	})
	return out
}

// rankText reads the candidates' titles and texts and returns them in
// BM25 order.
func (s *Store) rankText(ctx context.Context, sc *scorer, cands []int64) ([]ranked, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, title, text FROM articles WHERE id IN (SELECT value FROM json_each(?))", idList(cands))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var buf foldBuf
	docs := make([]doc, 0, len(cands))
	tf := make([]int, 2*len(cands)*len(sc.words))
	for rows.Next() {
		var d doc
		var title, text string
		if err := rows.Scan(&d.id, &title, &text); err != nil {
			return nil, err
		}
		n := len(sc.words)
		d.title, d.body, tf = tf[:n:n], tf[n:2*n:2*n], tf[2*n:]
		d.length = sc.count(title, d.title, &buf) + sc.count(text, d.body, &buf)
		docs = append(docs, d)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return sc.score(docs), nil
}

// foldBuf folds texts the way the full-text index compares words (lower
// case, accents removed), reusing its memory from one text to the next.
type foldBuf struct{ b []byte }

func (f *foldBuf) fold(text string) string {
	b := f.b[:0]
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(r)
		if m, ok := foldMap[r]; ok {
			b = append(b, m...)
		} else {
			b = utf8.AppendRune(b, r)
		}
	}
	f.b = b
	return string(b)
}

// snippet returns about 200 characters of text around the first match of
// the query's terms, highlighted, or the start of the text when the terms
// match only the title. The match is found in the folded text, whose
// offsets can differ from the text's where folding changed a letter's
// length; when the window so placed holds no match, the whole text is
// highlighted to place it.
func snippet(text string, fq ftsQuery, buf *foldBuf) string {
	sc := newScorer(fq, 1, func(string, bool) int { return 1 })
	f := buf.fold(text)
	at := sc.firstMatch(f)
	if at < 0 {
		return cut(text, 200)
	}
	if len(f) != len(text) { // map the folded offset by its share of the text
		at = int(int64(at) * int64(len(text)) / int64(max(len(f), 1)))
	}
	start, end := window(text, at)
	s := Highlight(text[start:end], fq.terms, fq.prefix)
	if !strings.Contains(s, MarkStart) {
		at = strings.Index(Highlight(text, fq.terms, fq.prefix), MarkStart) // the same offset in text
		if at < 0 {
			return cut(text, 200)
		}
		start, end = window(text, at)
		s = Highlight(text[start:end], fq.terms, fq.prefix)
	}
	if start > 0 {
		s = "…" + s
	}
	if end < len(text) {
		s += "…"
	}
	return strings.Join(strings.Fields(s), " ")
}

// window returns the bounds of about 60 characters before offset at and
// 200 bytes after it, on word boundaries.
func window(text string, at int) (start, end int) {
	at = min(at, len(text))
	for at < len(text) && !utf8.RuneStart(text[at]) {
		at++
	}
	start = at
	for k := 0; start > 0 && k < 60; k++ {
		_, n := utf8.DecodeLastRuneInString(text[:start])
		start -= n
	}
	for start > 0 && start < at { // to the start of a word
		r, n := utf8.DecodeRuneInString(text[start:])
		start += n
		if unicode.IsSpace(r) {
			break
		}
	}
	end = min(len(text), at+200)
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end++
	}
	if i := strings.LastIndexFunc(text[at:end], unicode.IsSpace); end < len(text) && i > 0 {
		end = at + i
	}
	return start, end
}
