package provenance

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/gosimple/unidecode"
)

// Names are matched across scripts by a phonetic skeleton: the name is
// romanised (gosimple/unidecode, a port of Python's Unidecode: Cyrillic,
// Kana and Hangul romanise letter by letter, Han characters by their
// Mandarin reading, Arabic and Devanagari by their consonants and written
// vowels), and reduced to classes of consonants that transliteration
// keeps apart: labials (p b f v), velars (k g c q x kh gh), dentals (t d
// th), sibilants (s z j sh ch zh ts), m, n and liquids (l r), with a
// leading "a" when the name starts with a vowel, "h" when with an h.
// Vowels, other h, w and y,
// which scripts write, drop or insert at will, are left out, and repeats
// collapse. Tokayev, Tokaev, Tokaïev, Tokajew, Токаев, 托卡耶夫 (tuo qia ye
// fu), トカエフ, 토카예프, توكاييف and तोकायेव are all "tkp".

// skeleton reduces a name (a normalised word of any script) to its
// phonetic skeleton.
func skeleton(w string) string {
	return phoneticKey(romanize(w))
}

// digraphs are the letter pairs of romanisations that stand for one sound.
var digraphs = strings.NewReplacer("sch", "s", "tch", "s", "sh", "s", "ch", "s", "zh", "s", "ts", "s", "tz", "s",
	"kh", "k", "gh", "k", "ph", "p", "th", "t", "ck", "k")

// consonantClass maps the letters a-z to their class, 0 for those left
// out.
var consonantClass = func() (t [128]byte) {
	for _, g := range []string{"pbfv", "kgcqx", "tdt", "szj", "m", "n", "rl"} {
		for i := 0; i < len(g); i++ {
			t[g[i]] = g[0]
		}
	}
	return t
}()

// phoneticKey reduces a romanised name (lower-case ASCII letters, others
// ignored) to its classes of consonants.
func phoneticKey(l string) string {
	// Tokajew: a final w after e is a v (German, Polish); Moscow's is not.
	if strings.HasSuffix(l, "ew") {
		l = l[:len(l)-1] + "v"
	}
	l = digraphs.Replace(l)
	b := make([]byte, 0, 8)
	for i := 0; i < len(l); i++ {
		c := l[i]
		if c >= 128 {
			continue
		}
		// ng before a consonant or at the end is one nasal (Washington,
		// 京 jing).
		if c == 'g' && i > 0 && l[i-1] == 'n' && (i+1 == len(l) || !isVowel(l[i+1])) {
			continue
		}
		k := consonantClass[c]
		if c == 'h' && i == 0 {
			k = 'h' // Harris, 哈 ha; elsewhere h is silent or part of a sound
		}
		// j between vowels, or after one at the end, is a y (Tokajew,
		// Maja); elsewhere it is the sound of English j and pinyin.
		if c == 'j' && i > 0 && isVowel(l[i-1]) && (i+1 == len(l) || isVowel(l[i+1])) {
			k = 0
		}
		if k == 0 {
			if len(b) == 0 && i == 0 && (isVowel(c) || c == 'w') {
				b = append(b, 'a')
			}
			continue
		}
		if len(b) > 0 && b[len(b)-1] == k {
			continue
		}
		b = append(b, k)
	}
	return string(b)
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// romanize returns a normalised word in lower-case Latin letters.
func romanize(w string) string {
	if w == "" {
		return w
	}
	if w[0] < utf8.RuneSelf && isASCII(w) {
		return strings.ToLower(w)
	}
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case unicode.Is(unicode.Arabic, r):
		w = arabicStem(w)
		if r == 'ا' || r == 'أ' || r == 'إ' || r == 'آ' || r == 'ع' {
			w = "a" + w // Unidecode writes no vowel for an initial alif
		}
	case unicode.Is(unicode.Hangul, r):
		w = hangulStem(w)
	case unicode.In(r, unicode.Katakana, unicode.Hiragana):
		w = kanaFix.Replace(w)
	case unicode.Is(unicode.Han, r):
		return pinyinFix.Replace(strings.ToLower(unidecode.Unidecode(hanFix.Replace(w))))
	}
	return strings.ToLower(unidecode.Unidecode(w))
}

// hanFix gives the characters of foreign names the reading they have
// there where Unidecode gives another one (卡 is ka in 托卡耶夫, not
// qia), and pinyinFix spells the pinyin initials x, q and j by the sound
// they stand for in transcriptions (西 xi, 齐 qi, 加 jia: s, ch, g).
var (
	hanFix    = strings.NewReplacer("卡", "喀")
	pinyinFix = strings.NewReplacer("x", "s", "q", "ch", "j", "g")
)

// kanaFix spells the Kana that Unidecode romanises by the Nihon-shiki
// system the way transliterations mean them: フ is fu, not hu.
var kanaFix = strings.NewReplacer("フ", "fu", "ふ", "fu", "ヴ", "vu")

// arabicArticles are the forms of the article al- glued to a word, the
// longest first.
var arabicArticles = []string{"وال", "بال", "فال", "كال", "لل", "ال"}

// arabicStem strips the article from an Arabic word of more than two
// letters after it.
func arabicStem(w string) string {
	for _, a := range arabicArticles {
		if rest, ok := strings.CutPrefix(w, a); ok && utf8.RuneCountInString(rest) > 2 {
			return rest
		}
	}
	return w
}

// hangulParticles are the Korean particles glued to the end of a word,
// the longest first.
var hangulParticles = []string{"에게서", "으로는", "에서는", "이라고", "에서", "에게", "께서", "까지", "부터", "으로", "라고",
	"은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "도", "로", "만"}

// hangulStem strips one particle from a Korean word that keeps two
// syllables or more.
func hangulStem(w string) string {
	for _, p := range hangulParticles {
		if rest, ok := strings.CutSuffix(w, p); ok && utf8.RuneCountInString(rest) >= 2 {
			return rest
		}
	}
	return w
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
