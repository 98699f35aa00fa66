package archive

import (
	"strings"
	"unicode"
)

// HighlightQuery wraps the words of text that the search query matches in
// MarkStart and MarkEnd, ignoring case and accents, as the index does.
func HighlightQuery(text, query string) string {
	q := translate(query)
	return Highlight(text, q.terms, q.prefix)
}

// Highlight wraps every occurrence of the terms (words or phrases; a true
// prefix[i] makes term i a prefix) in MarkStart and MarkEnd.
func Highlight(text string, terms []string, prefix []bool) string {
	for _, t := range terms {
		if containsCJK(t) {
			return highlightSubstrings(text, terms)
		}
	}
	type word struct {
		start, end int
		fold       string
	}
	var words []word
	start := -1
	for i, r := range text {
		if isWordRune(r) && !isCJK(r) { // CJK text around a Latin word bounds it
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			words = append(words, word{start, i, Fold(text[start:i])})
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, word{start, len(text), Fold(text[start:])})
	}
	marked := make([]int, len(words)) // end word index+1 of a match starting here
	for ti, t := range terms {
		tw := wordsOf(Fold(t))
		if len(tw) == 0 {
			continue
		}
		pre := ti < len(prefix) && prefix[ti]
		for i := 0; i+len(tw) <= len(words); i++ {
			ok := true
			for k, w := range tw {
				got := words[i+k].fold
				if k == len(tw)-1 && pre {
					if !strings.HasPrefix(got, w) {
						ok = false
					}
				} else if got != w {
					ok = false
				}
				if !ok {
					break
				}
			}
			if ok && marked[i] < i+len(tw) {
				marked[i] = i + len(tw)
			}
		}
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(words); i++ {
		if marked[i] == 0 {
			continue
		}
		end := marked[i]
		for j := i + 1; j < end; j++ { // overlapping matches extend the span
			if marked[j] > end {
				end = marked[j]
			}
		}
		b.WriteString(text[last:words[i].start])
		b.WriteString(MarkStart)
		b.WriteString(text[words[i].start:words[end-1].end])
		b.WriteString(MarkEnd)
		last = words[end-1].end
		i = end - 1
	}
	b.WriteString(text[last:])
	return b.String()
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func wordsOf(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) })
}

// Fold lowercases s and removes the accents of Latin, Greek and Cyrillic
// letters, the way the full-text index compares words.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(r)
		if m, ok := foldMap[r]; ok {
			b.WriteString(m)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

var foldMap = func() map[rune]string {
	m := map[rune]string{}
	pairs := []string{
		"àáâãäåāăą", "a", "çćĉċč", "c", "ďđ", "d", "èéêëēĕėęě", "e", "ĝğġģ", "g", "ĥħ", "h",
		"ìíîïĩīĭįı", "i", "ĵ", "j", "ķ", "k", "ĺļľŀł", "l", "ñńņňŉ", "n", "òóôõöøōŏő", "o",
		"ŕŗř", "r", "śŝşšș", "s", "ţťŧț", "t", "ùúûüũūŭůűų", "u", "ŵ", "w", "ýÿŷ", "y", "źżž", "z",
		"ё", "е", "й", "и", "ά", "α", "έ", "ε", "ή", "η", "ίϊΐ", "ι", "ό", "ο", "ύϋΰ", "υ", "ώ", "ω",
	}
	for i := 0; i < len(pairs); i += 2 {
		for _, r := range pairs[i] {
			m[r] = pairs[i+1]
		}
	}
	m['ß'], m['æ'], m['œ'], m['þ'], m['ð'] = "ss", "ae", "oe", "th", "d"
	return m
}()

// highlightSubstrings marks every occurrence of the terms as substrings:
// words are not spaced apart in Chinese, Japanese or Thai.
func highlightSubstrings(text string, terms []string) string {
	lower := strings.ToLower(text)
	marked := make([]bool, len(text)+1)
	for _, t := range terms {
		t = strings.ToLower(t)
		if t == "" {
			continue
		}
		for i := 0; ; {
			j := strings.Index(lower[i:], t)
			if j < 0 {
				break
			}
			for k := i + j; k < i+j+len(t) && k < len(marked); k++ {
				marked[k] = true
			}
			i += j + len(t)
		}
	}
	var b strings.Builder
	in := false
	for i := 0; i < len(text); i++ {
		if marked[i] && !in {
			b.WriteString(MarkStart)
			in = true
		} else if !marked[i] && in {
			b.WriteString(MarkEnd)
			in = false
		}
		b.WriteByte(text[i])
	}
	if in {
		b.WriteString(MarkEnd)
	}
	return b.String()
}
