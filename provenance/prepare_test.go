package provenance

import (
	"reflect"
	"strings"
	"testing"
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
		for _, t := range toks[i] {
			if k, ok := calendar[latin(t.norm)]; ok && (t.cap || !calendarNeedsCap[t.norm]) {
				add(anchor{key: k, weight: 0.8})
				continue
			}
			switch {
			case t.num:
				digits := strings.Trim(t.norm, ".")
				if len(digits) < 2 {
					continue
				}
				w := 2.0
				raw := text[s.s+t.s : s.s+t.e]
				if len(digits) == 4 && raw == digits && (strings.HasPrefix(digits, "19") || strings.HasPrefix(digits, "20")) {
					w = 1
				}
				add(anchor{key: "#" + digits, num: true, weight: w})
			case t.cap && names[t.norm] && !notNames[t.norm] && utf8.RuneCountInString(t.norm) >= 3:
				if isAcronym(text[s.s+t.s : s.s+t.e]) {
					add(anchor{key: "@" + t.norm, weight: 1})
					continue
				}
				if sk := skeleton(t.norm); utf8.RuneCountInString(sk) >= 3 {
					add(anchor{key: sk, weight: 1})
				}
			case !t.cap && utf8.RuneCountInString(t.norm) >= 7 && t.norm[0] < utf8.RuneSelf:
				r := []rune(t.norm)
				add(anchor{key: "~" + string(r[:5]), weight: 0.4, cognate: true})
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
	texts := append([]string(nil), prepareTexts...)
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
		tx := newTransText(full, want.sents)
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
