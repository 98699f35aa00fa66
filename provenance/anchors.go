package provenance

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

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
	// name: the key is a name's skeleton, matched with one consonant
	// more or less too. A name that is also cognate is a word of a
	// script whose common words are not known yet: it scores as a name
	// and is not indexed.
	name bool
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
	// Candidate names of the scripts without capitals, and those that are
	// common words of this text (commonInText).
	scripted := make([][]scriptName, len(sents))
	for i := range sents {
		scripted[i] = scriptNames(text, toks[i])
	}
	common := commonInText(scripted)
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
		ts := toks[i]
		for k := 0; k < len(ts); k++ {
			t := ts[k]
			if mayBeCalendar(t.norm) {
				if k, ok := calendarOf(t.norm); ok && (t.cap || !calendarNeedsCap[t.norm]) {
					add(anchor{key: k, weight: 0.8})
					continue
				}
				if t.norm[0] >= 0xe3 { // CJK: 星期三, 水曜日
					if key, last := cjkDate(text, ts, k, ""); key != "" {
						add(anchor{key: key, weight: 0.8})
						k = last
						continue
					}
				}
			}
			switch {
			case t.num || isNativeDigit(t.norm):
				digits, plain, last := numberAt(text, ts, k)
				if last == k {
					if key, last := cjkDate(text, ts, k, digits); key != "" { // 3月, 3월
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
				addKey('#', digits, anchor{num: true, weight: w})
			case t.cap && names[t.norm] != nil && !notNames[t.norm] && utf8.RuneCountInString(t.norm) >= 3:
				if isAcronym(text[t.s:t.e]) {
					addKey('@', t.norm, anchor{weight: 1})
					continue
				}
				if sk := names[t.norm].of(t.norm); len(sk) >= 2 {
					add(anchor{key: sk, weight: nameWeight(sk), name: true, cognate: len(sk) < 3})
				}
			case !t.cap && utf8.RuneCountInString(t.norm) >= 7 && (t.norm[0] < utf8.RuneSelf || t.norm[0] >= 0xd0 && t.norm[0] <= 0xd3):
				addKey('~', cognatePrefix(t.norm), anchor{weight: 0.4, cognate: true})
			}
		}
		for _, n := range scripted[i] {
			if common[n] || stopWord(n) {
				continue
			}
			if a, ok := scriptNameAnchor(n); ok {
				add(a)
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

// nameWeight is the weight of a capitalised name by its skeleton: one of
// two consonant classes (Sung, Wong) is less specific, and not indexed
// as a candidate key (anchor.cognate).
func nameWeight(sk string) float64 {
	if len(sk) < 3 {
		return 0.7
	}
	return 1
}

// scriptNameAnchor returns the anchor of a candidate name of a script
// without capitals (not a common word), or false when it is too short a
// name. Katakana and Han sound-character runs are names by their
// characters and are indexed as translation candidates; a Hangul, Arabic
// or Devanagari word that is not a common word may still be any word of
// the language, so it scores alignments but is no candidate key, and a
// translation is not asked to carry it (anchor.cognate).
func scriptNameAnchor(n scriptName) (anchor, bool) {
	sk := skeletons.of(n.word)
	if len(sk) < 3 {
		return anchor{}, false
	}
	return anchor{key: sk, weight: 1, name: true, cognate: n.script != scriptKana && n.script != scriptHan}, true
}

// numberAt reads the number that starts at token k of ts (a number, or a
// word of digits of another script) in text: its normal form, whether it
// was written without separators, and the index of its last token (a
// scale word is part of it: "2.5 million" is 2500000).
func numberAt(text string, ts []token, k int) (digits string, plain bool, last int) {
	t := ts[k]
	if t.num {
		digits, plain = strings.Trim(t.norm, "."), text[t.s:t.e] == t.norm
	} else {
		// Digits of another script: read again from the text, with the
		// separators tokenize split them on (٢٬٠٠٠).
		var end int
		end, digits, plain = scanAnyNumber(text, int(t.s))
		for k+1 < len(ts) && int(ts[k+1].s) < end {
			k++
		}
	}
	if k+1 < len(ts) {
		if e := scaleOf(ts[k+1].norm); e > 0 {
			digits, plain = scaleNumber(digits, e), false
			k++
		}
	}
	return digits, plain, k
}

// cognatePrefix returns the first five letters of a long common word,
// Cyrillic transliterated, with k read as c and z as s: экономика and
// economy, президент and president share "econo" and "presi".
func cognatePrefix(w string) string {
	if w[0] >= utf8.RuneSelf {
		w = latin(w)
	}
	p := firstRunes(w, 5)
	if !strings.ContainsAny(p, "kz") {
		return p
	}
	return cognateReplacer.Replace(p)
}

var cognateReplacer = strings.NewReplacer("k", "c", "z", "s")

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
			if !x.cognate || x.name {
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
