package provenance

import (
	"bytes"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// token is one normalised word of a text and where it sits in the text.
type token struct {
	norm string // lower case, accents folded, spelling normalised
	s, e int32  // byte offsets of the word in the text (int32: a token is 32 bytes, not 40)
	cap  bool   // the word starts with an upper-case letter
	num  bool   // the word is a number
	// quoted: the word is inside quotation marks. Independent reports of
	// one event often carry the same quotation, so quoted words count less
	// as evidence of reuse.
	quoted bool
}

// foldTable maps accented Latin letters to their base letter: every one
// is below foldRunes, so it is an array indexed by rune ("" for the
// letters that stay as they are).
var foldTable [foldRunes]string

// foldRunes bounds the runes foldTable folds.
const foldRunes = 0x250

func init() {
	groups := map[string]string{
		"a": "àáâãäåāăąǎ", "c": "çćĉċč", "d": "ďđ", "e": "èéêëēĕėęě", "g": "ĝğġģ", "h": "ĥħ",
		"i": "ìíîïĩīĭįı", "j": "ĵ", "k": "ķ", "l": "ĺļľŀł", "n": "ñńņňŉ", "o": "òóôõöøōŏőǒ",
		"r": "ŕŗř", "s": "śŝşšș", "t": "ţťŧț", "u": "ùúûüũūŭůűųǔ", "w": "ŵ", "y": "ýÿŷ", "z": "źżž",
		"ae": "æ", "oe": "œ", "ss": "ß", "th": "þ",
	}
	for base, letters := range groups {
		for _, r := range letters {
			foldTable[r] = base
		}
	}
}

// cyrillic transliterates Russian and Ukrainian letters to Latin, so that
// names can be matched across scripts (Токаев, Tokayev).
var cyrillic = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z", 'и': "i",
	'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t",
	'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "",
	'э': "e", 'ю': "yu", 'я': "ya", 'і': "i", 'ї': "i", 'є': "e", 'ґ': "g",
}

// foldWord lower-cases w and folds its accents.
func foldWord(w string) string {
	// Most words are ASCII: lower-case them without the fold table, and
	// without allocating when they already are.
	ascii, upper := true, false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if ascii {
		if !upper {
			return w
		}
		return strings.ToLower(w)
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		r = unicode.ToLower(r)
		if r < foldRunes && foldTable[r] != "" {
			b.WriteString(foldTable[r])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// spelling maps British spellings (and a few others) to one form, so that
// "organised" and "organized" give the same token. It only needs to be
// consistent, not correct: "raised" becomes "raized" in every text alike.
// britishSuffixes are the British endings spelling rewrites, in the order
// they are tried.
var britishSuffixes = [][2]string{
	{"isation", "ization"}, {"isations", "izations"}, {"ising", "izing"}, {"ised", "ized"}, {"ises", "izes"},
	{"ise", "ize"}, {"yse", "yze"}, {"ysed", "yzed"}, {"ysing", "yzing"},
	{"ours", "ors"}, {"our", "or"}, {"oured", "ored"}, {"ouring", "oring"}, {"ourite", "orite"},
	{"tre", "ter"}, {"tres", "ters"}, {"ogue", "og"}, {"ogues", "ogs"},
	{"lled", "led"}, {"lling", "ling"}, {"ller", "ler"},
}

// britishByLast holds britishSuffixes by their last byte, in the same
// order: only those can be suffixes of a word that ends with that byte.
var britishByLast = func() (t [256][][2]string) {
	for _, suf := range britishSuffixes {
		c := suf[0][len(suf[0])-1]
		t[c] = append(t[c], suf)
	}
	return t
}()

func spelling(w string) string {
	if len(w) < 5 {
		return w
	}
	if whole, ok := wholeSpelling(w); ok {
		return whole
	}
	if cut, repl := britishEnding(w); cut > 0 {
		return w[:len(w)-cut] + repl
	}
	return w
}

// wholeSpelling returns the one form of the words spelling maps whole.
func wholeSpelling(w string) (string, bool) {
	switch w {
	case "defence":
		return "defense", true
	case "offence":
		return "offense", true
	case "licence":
		return "license", true
	case "programme", "programmes":
		return "program" + w[9:], true
	case "grey":
		return "gray", true
	}
	return "", false
}

// britishEnding returns the length of w's British ending and what
// replaces it, or 0 when w has none (britishSuffixes, tried in order).
func britishEnding(w string) (cut int, repl string) {
	n := len(w)
	if n == 0 {
		return 0, ""
	}
	for _, suf := range britishByLast[w[n-1]] {
		if strings.HasSuffix(w, suf[0]) && n-len(suf[0]) >= 2 {
			return len(suf[0]), suf[1]
		}
	}
	return 0, ""
}

// unspaced reports whether r belongs to a script written without spaces
// between words.
func unspaced(r rune) bool {
	return r >= 0x0E00 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

// isWordRune reports whether r belongs to a word: a letter, a digit or a
// mark.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// asciiWord marks the ASCII word runes: letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// tokenize splits text into normalised words. Numbers keep their digits
// only, so "2,000", "2.000" and "2 000" are all "2000"; decimals get a
// point ("2,5" and "2.5" are "2.5"). Offsets are 32-bit: a text longer
// than 2 GiB (the importer takes files of 64 MiB at most) is tokenized up
// to there.
func tokenize(text string) []token {
	text = text[:min(len(text), math.MaxInt32)]
	toks := make([]token, 0, len(text)/6+1)
	norms := normArena{buf: make([]byte, 0, len(text)/8+16)}
	i := 0
	quoted := false
	for i < len(text) {
		// Most of a text is ASCII: its bytes are read without decoding.
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if !isWordRune(r) {
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
			s, e, norm := scanNumber(text, i)
			toks = append(toks, token{norm: norm, s: int32(s), e: int32(e), num: true, quoted: quoted})
			i = e
			continue
		}
		s := i
		if unspaced(r) {
			// Chinese, Japanese and Thai have no spaces: each character
			// is a token, so shingles are runs of five characters.
			i += size
			toks = append(toks, token{norm: text[s:i], s: int32(s), e: int32(i), quoted: quoted})
			continue
		}
		ascii, upper := true, false
		for i < len(text) {
			if c := text[i]; c < utf8.RuneSelf {
				if !asciiWord[c] {
					break
				}
				upper = upper || 'A' <= c && c <= 'Z'
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if !isWordRune(r) || unspaced(r) {
				break
			}
			ascii = false
			i += size
		}
		w := text[s:i]
		var norm string
		switch {
		case !ascii:
			norm = norms.fold(w)
		case upper:
			norm = norms.lower(w)
		default:
			norm = w
		}
		toks = append(toks, token{norm: norms.spelling(norm), s: int32(s), e: int32(i), cap: 'A' <= r && r <= 'Z' || r >= utf8.RuneSelf && unicode.IsUpper(r), quoted: quoted})
	}
	return toks
}

// normArena holds the normal forms of the words of one text that are not
// substrings of it (lower-cased, folded or respelled words): they are
// appended to one buffer and handed out as strings over it, one
// allocation for many (they were a fifth of tokenize's time). A string
// handed out covers bytes below the buffer's length, which are never
// written again: appends write past it, or into a new array when it
// grows, and the old one stays as it was for the strings over it.
type normArena struct{ buf []byte }

// since returns the bytes appended since the buffer's length was start,
// as a string.
func (a *normArena) since(start int) string {
	if len(a.buf) == start {
		return ""
	}
	return unsafe.String(&a.buf[start], len(a.buf)-start)
}

// lower returns the ASCII word w in lower case.
func (a *normArena) lower(w string) string {
	start := len(a.buf)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		a.buf = append(a.buf, c)
	}
	return a.since(start)
}

// fold returns foldWord(w) for a word w that is not all ASCII.
func (a *normArena) fold(w string) string {
	start := len(a.buf)
	for _, r := range w {
		r = unicode.ToLower(r)
		if r < foldRunes && foldTable[r] != "" {
			a.buf = append(a.buf, foldTable[r]...)
			continue
		}
		a.buf = utf8.AppendRune(a.buf, r)
	}
	return a.since(start)
}

// spelling returns spelling(w).
func (a *normArena) spelling(w string) string {
	if len(w) < 5 {
		return w
	}
	if whole, ok := wholeSpelling(w); ok {
		return whole
	}
	if cut, repl := britishEnding(w); cut > 0 {
		start := len(a.buf)
		a.buf = append(a.buf, w[:len(w)-cut]...)
		a.buf = append(a.buf, repl...)
		return a.since(start)
	}
	return w
}

// scanNumber reads the number that starts at text[s] and returns its end
// and normal form.
func scanNumber(text string, s int) (int, int, string) {
	i := s
	for i < len(text) && text[i] >= '0' && text[i] <= '9' {
		i++
	}
	// The normal form is text[s:i] until a separator is dropped or
	// replaced: only then is it built (most numbers have none).
	var b []byte
	for i < len(text) {
		c := text[i]
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
		if j-(i+sep) != 3 && (c != ',' && c != '.' || bytes.IndexByte(b, '.') >= 0) {
			break
		}
		if b == nil {
			b = append(make([]byte, 0, j-s), text[s:i]...)
		}
		if j-(i+sep) != 3 {
			b = append(b, '.')
		}
		b = append(b, text[i+sep:j]...)
		i = j
	}
	// Letters glued to the number ("12th", "2022年") end the token.
	if b == nil {
		return s, i, text[s:i]
	}
	return s, i, string(b)
}

// span is a half-open byte range of a text.
type span struct{ s, e int }

// paragraphs returns the byte spans of the non-empty lines of text.
func paragraphs(text string) []span {
	var out []span
	off := 0
	for off <= len(text) {
		k := strings.IndexByte(text[off:], '\n')
		end := len(text)
		if k >= 0 {
			end = off + k
		}
		s, e := off, end
		for s < e && (text[s] == ' ' || text[s] == '\t' || text[s] == '\r') {
			s++
		}
		for e > s && (text[e-1] == ' ' || text[e-1] == '\t' || text[e-1] == '\r') {
			e--
		}
		if e > s {
			out = append(out, span{s, e})
		}
		if k < 0 {
			break
		}
		off = end + 1
	}
	return out
}

// abbreviations end with a point that does not end a sentence.
var abbreviations = map[string]bool{"m": true, "mr": true, "mrs": true, "ms": true, "dr": true, "st": true,
	"mme": true, "mm": true, "gen": true, "col": true, "lt": true, "sgt": true, "prof": true, "jan": true,
	"feb": true, "aug": true, "sept": true, "oct": true, "nov": true, "dec": true, "no": true, "vs": true,
	"sr": true, "jr": true, "gov": true, "sen": true, "rep": true, "u.s": true, "p": true, "s": true, "co": true, "inc": true}

// sentences returns the byte spans of the sentences of text: lines are
// split after '.', '!', '?' (and their CJK forms) followed by a space and
// not preceded by a known abbreviation.
func sentences(text string) []span {
	var out []span
	for _, p := range paragraphs(text) {
		s := p.s
		for i := p.s; i < p.e; {
			c := text[i]
			if c < utf8.RuneSelf {
				// ASCII: one byte, and the common case.
				i++
				if c != '.' && c != '!' && c != '?' {
					continue
				}
			}
			r := rune(c)
			if c >= utf8.RuneSelf {
				var size int
				r, size = utf8.DecodeRuneInString(text[i:])
				i += size
				if r != '。' && r != '！' && r != '？' {
					continue
				}
			}
			// Include closing quotes and brackets.
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

func lastWord(s string) string {
	s = strings.TrimRight(s, ".!?\"'”’»)]… ")
	i := strings.LastIndexFunc(s, func(r rune) bool { return !isWordRune(r) && r != '.' })
	return s[i+1:]
}

func trimSpan(text string, s, e int) span {
	for s < e && (text[s] == ' ' || text[s] == '\t') {
		s++
	}
	for e > s && (text[e-1] == ' ' || text[e-1] == '\t') {
		e--
	}
	return span{s, e}
}

// clip returns s cut to at most n runes, with an ellipsis when cut, its
// white space collapsed to single spaces.
func clip(s string, n int) string {
	// Most passages are already spaced with single spaces: they are cut
	// without copying. The first n runes, spaces included, are kept.
	count, prevSpace := 0, true
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		space := r == ' '
		if !space && (r < utf8.RuneSelf && asciiSpace(byte(r)) || r >= utf8.RuneSelf && unicode.IsSpace(r)) {
			return clipSlow(s, n) // another white space
		}
		if space && (prevSpace || i+1 == len(s)) {
			return clipSlow(s, n) // a leading, doubled or trailing space
		}
		if count == n {
			if space && !startsWord(s[i+1:]) {
				return clipSlow(s, n)
			}
			return s[:i] + "…"
		}
		i += size
		count++
		prevSpace = space
	}
	return s
}

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == 0x85
}

// startsWord reports whether s starts with a rune that is not white space.
func startsWord(s string) bool {
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return !unicode.IsSpace(r)
}

// clipSlow is clip for any text.
func clipSlow(s string, n int) string {
	// Two passes, the first to size the result exactly: links keep their
	// clipped passages until they are stored, and a builder grown for the
	// worst case (4 bytes a rune) held three times the bytes of an ASCII
	// passage (a fifth of an import's live heap).
	var b strings.Builder
	b.Grow(clipInto(nil, s, n))
	clipInto(&b, s, n)
	return b.String()
}

// clipInto writes clipSlow(s, n) to b, or only counts its bytes when b is
// nil, and returns how many bytes that is. It stops after n runes:
// passages can be whole articles. ASCII bytes are read without decoding.
func clipInto(b *strings.Builder, s string, n int) int {
	written := 0
	put := func(t string) {
		written += len(t)
		if b != nil {
			b.WriteString(t)
		}
	}
	count, space := 0, false
	for i := 0; i < len(s); {
		size, white := 1, false
		if c := s[i]; c < utf8.RuneSelf {
			white = asciiSpace(c)
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			white = unicode.IsSpace(r)
		}
		if white {
			space = count > 0
			i += size
			continue
		}
		if space {
			if count == n {
				put("…")
				return written
			}
			put(" ")
			count++
			space = false
		}
		if count == n {
			put("…")
			return written
		}
		put(s[i : i+size])
		i += size
		count++
	}
	return written
}
