package provenance

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/provenance/agency"
)

const (
	maxChangeItems = 10
	maxAlterGap    = 8   // words: a longer difference is a cut or an addition, not an alteration
	cutCoverage    = 0.3 // a paragraph with less of its words aligned is cut (or added)
)

// reuseChanges lists what the copy to changed in the text from: runs are
// the aligned passages, tokens [a0,a1) of from matching [b0,b1) of to, in
// the order of from.
func reuseChanges(from, to Doc, tf, tt []token, runs []run) wiretrace.Changes {
	ch := wiretrace.Changes{NewHeadline: titleChanged(from.Title, to.Title), Credited: Credited(from, to)}
	covF := make([]bool, len(tf))
	covT := make([]bool, len(tt))
	for _, r := range runs {
		for i := r.a0; i < r.a1; i++ {
			covF[i] = true
		}
		for i := r.b0; i < r.b1; i++ {
			covT[i] = true
		}
	}
	ch.Cut = uncovered(from.Text, tf, covF)
	ch.Added = uncovered(to.Text, tt, covT)
	for i := 1; i < len(runs) && len(ch.Altered) < maxChangeItems; i++ {
		p, r := runs[i-1], runs[i]
		if r.b0 < p.b1 {
			continue // reordered
		}
		ga, gb := r.a0-p.a1, r.b0-p.b1
		if ga > maxAlterGap || gb > maxAlterGap || ga+gb == 0 {
			continue
		}
		old := gapText(from.Text, tf, p.a1, r.a0)
		neu := gapText(to.Text, tt, p.b1, r.b0)
		if old == neu || !strings.ContainsAny(old+neu, "0123456789\"“”«»") {
			continue
		}
		ch.Altered = append(ch.Altered, clip(old, 80)+" → "+clip(neu, 80))
	}
	return ch
}

// gapText returns the text from the end of token i-1 to the start of token
// j, trimmed: what lies between two aligned passages.
func gapText(text string, toks []token, i, j int) string {
	if i >= j {
		return ""
	}
	return strings.TrimSpace(text[toks[i].s:toks[j-1].e])
}

// uncovered returns the paragraphs of text of which less than cutCoverage
// of the words are covered.
func uncovered(text string, toks []token, cov []bool) []string {
	var out []string
	for _, p := range paragraphs(text) {
		i := sort.Search(len(toks), func(k int) bool { return int(toks[k].s) >= p.s })
		n, c := 0, 0
		for ; i < len(toks) && int(toks[i].s) < p.e; i++ {
			n++
			if cov[i] {
				c++
			}
		}
		if n >= 3 && float64(c) < cutCoverage*float64(n) {
			out = append(out, clip(text[p.s:p.e], 160))
			if len(out) == maxChangeItems {
				break
			}
		}
	}
	return out
}

// transText is one text of a translation link as aligned: its text, its
// sentences, its tokens and those of each sentence.
type transText struct {
	text  string
	sents []span
	all   []token
	toks  [][]token
}

// newTransText prepares a text for the changes of a translation link from
// its tokens, all (the tokens of a sentence or paragraph are those of the
// text that fall in it).
func newTransText(text string, sents []span, all []token) transText {
	return transText{text: text, sents: sents, all: all, toks: splitTokens(all, sents)}
}

// translationChanges lists what the translation to changed: paragraphs
// without an aligned sentence, and figures that differ in aligned
// sentences.
func translationChanges(from, to Doc, f, t transText, pairs []sentencePair) wiretrace.Changes {
	ch := wiretrace.Changes{NewHeadline: translatedTitleChanged(from.Title, to.Title), Credited: Credited(from, to)}
	inF := map[int]bool{}
	inT := map[int]bool{}
	for _, p := range pairs {
		inF[p.a] = true
		inT[p.b] = true
	}
	ch.Cut = unalignedParagraphs(f, inF)
	ch.Added = unalignedParagraphs(t, inT)
	for _, p := range pairs {
		if len(ch.Altered) == maxChangeItems {
			break
		}
		nf := numbersOf(f.toks[p.a])
		nt := numbersOf(t.toks[p.b])
		if len(nf) == 0 || len(nt) == 0 || equalSets(nf, nt) {
			continue
		}
		ch.Altered = append(ch.Altered, strings.Join(nf, ", ")+" → "+strings.Join(nt, ", "))
	}
	return ch
}

func unalignedParagraphs(tx transText, aligned map[int]bool) []string {
	var out []string
	text, sents := tx.text, tx.sents
	for _, p := range paragraphs(text) {
		has, any := false, false
		for i, s := range sents {
			if s.s >= p.s && s.e <= p.e {
				any = true
				if aligned[i] {
					has = true
					break
				}
			}
		}
		if any && !has && tokensIn(tx.all, p) >= 3 {
			out = append(out, clip(text[p.s:p.e], 160))
			if len(out) == maxChangeItems {
				break
			}
		}
	}
	return out
}

// tokensIn counts the tokens of a text (all) inside span p. A paragraph
// starts and ends outside words, so they are the tokens of its text alone.
func tokensIn(all []token, p span) int {
	i := sort.Search(len(all), func(k int) bool { return int(all[k].s) >= p.s })
	j := i
	for j < len(all) && int(all[j].e) <= p.e {
		j++
	}
	return j - i
}

// numbers returns the distinct numbers of two or more digits in s, sorted.
func numbers(s string) []string { return numbersOf(tokenize(s)) }

// numbersOf returns the distinct numbers of two or more digits of toks,
// sorted.
func numbersOf(toks []token) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range toks {
		if t.num && len(strings.Trim(t.norm, ".")) >= 2 && !seen[t.norm] {
			seen[t.norm] = true
			out = append(out, t.norm)
		}
	}
	sort.Strings(out)
	return out
}

func equalSets(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// titleChanged reports whether two headlines in one language differ by
// more than light edits.
func titleChanged(a, b string) bool {
	if strings.TrimSpace(a) == "" || strings.TrimSpace(b) == "" {
		return false
	}
	wa, wb := map[string]bool{}, map[string]bool{}
	for _, t := range tokenize(a) {
		wa[t.norm] = true
	}
	for _, t := range tokenize(b) {
		wb[t.norm] = true
	}
	return jaccard(wa, wb) < 0.6
}

// translatedTitleChanged compares the anchors of two headlines in
// different languages.
func translatedTitleChanged(a, b string) bool {
	if strings.TrimSpace(a) == "" || strings.TrimSpace(b) == "" {
		return false
	}
	key := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, as := range sentenceAnchors(s, []span{{0, len(s)}}) {
			for _, x := range as {
				m[x.key] = true
			}
		}
		return m
	}
	ka, kb := key(a), key(b)
	if len(ka) == 0 && len(kb) == 0 {
		return false
	}
	return jaccard(ka, kb) < 0.5
}

func jaccard(a, b map[string]bool) float64 {
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 1
	}
	return float64(inter) / float64(union)
}

// Credited reports whether the copy to credits the source of from: an
// agency that from credits (as supplier or cited), the agency that from's
// outlet is, or from's outlet by name. An undeclared copy gives false.
func Credited(from, to Doc) bool {
	var names []string
	for _, c := range from.Credits {
		if c.Role != wiretrace.RolePhoto {
			names = append(names, c.Agency)
		}
	}
	if s := agency.Outlet(from.Source); s != "" {
		names = append(names, s)
	}
	for _, n := range names {
		if credits(to, n) {
			return true
		}
	}
	if src := strings.TrimSpace(from.Source); len(src) >= 3 && from.Source != to.Source {
		if isASCII(to.Text) && isASCII(src) {
			return containsFoldASCII(to.Text, src)
		}
		return strings.Contains(strings.ToLower(to.Text), strings.ToLower(src))
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// containsFoldASCII reports whether the ASCII text s holds the ASCII text
// sub, ignoring case: strings.Contains(strings.ToLower(s),
// strings.ToLower(sub)) without lower-casing s.
func containsFoldASCII(s, sub string) bool {
	sub = strings.ToLower(sub)
	if sub == "" {
		return true
	}
	first, upper := sub[0], sub[0]
	if 'a' <= first && first <= 'z' {
		upper = first - 'a' + 'A'
	}
	for i := 0; i+len(sub) <= len(s); i++ {
		if c := s[i]; c != first && c != upper {
			continue
		}
		if equalFoldASCII(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// equalFoldASCII reports whether the ASCII text s equals the lower-case
// ASCII text lower, ignoring the case of s.
func equalFoldASCII(s, lower string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}
