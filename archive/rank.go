package archive

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Snippets: where the query's terms first match in a text, found in Go
// on the folded text (BM25 itself is in bm25.go).

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
