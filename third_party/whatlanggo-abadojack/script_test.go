package whatlanggo

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
)

func TestDetectScript(t *testing.T) {
	tests := map[string]*unicode.RangeTable{
		"123456789-=?":  nil,
		"Hello, world!": unicode.Latin,
		"Привет всем!":  unicode.Cyrillic,
		"ქართული ენა მსოფლიო ":         unicode.Georgian,
		"県見夜上温国阪題富販":                   unicode.Han,
		" ككل حوالي 1.6، ومعظم الناس ": unicode.Arabic,
		"हिमालयी वन चिड़िया (जूथेरा सालिमअली) चिड़िया की एक प्रजाति है": unicode.Devanagari,
		"היסטוריה והתפתחות של האלפבית העברי":                            unicode.Hebrew,
		"የኢትዮጵያ ፌዴራላዊ ዴሞክራሲያዊሪፐብሊክ":                                     unicode.Ethiopic,
		"Привет! Текст на русском with some English.":                   unicode.Cyrillic,
		"Russian word любовь means love.":                               unicode.Latin,
		"আমি ভালো আছি, ধন্যবাদ!":                                        unicode.Bengali,
	}

	for text, want := range tests {
		got := DetectScript(text)
		if want != got {
			t.Fatalf("%s want %s got %s", text, Scripts[want], Scripts[got])
		}
	}
}

func TestIsLatin(t *testing.T) {
	tests := map[rune]bool{
		'z': true, 'A': true, 'č': true, 'š': true, 'Ĵ': true, 'ж': false,
	}

	for r, want := range tests {
		got := isLatin(r)
		if want != got {
			t.Fatalf("%#U want %t got %t", r, want, got)
		}
	}
}

func TestIsEthiopic(t *testing.T) {
	tests := map[rune]bool{
		'ፚ': true, 'ᎀ': true, 'а': false, 'L': false,
	}

	for r, want := range tests {
		got := isEthiopic(r)
		if want != got {
			t.Fatalf("%#U want %t got %t", r, want, got)
		}
	}
}

func TestIsGeorgian(t *testing.T) {
	tests := map[rune]bool{
		'რ': true, 'Я': false,
	}

	for r, want := range tests {
		got := isGeorgian(r)
		if want != got {
			t.Fatalf("%#U want %t got %t", r, want, got)
		}
	}
}

func TestIsBengali(t *testing.T) {
	tests := map[rune]bool{
		'а': false, 'ই': true,
	}

	for r, want := range tests {
		got := isBengali(r)
		if want != got {
			t.Fatalf("%#U want %t got %t", r, want, got)
		}
	}
}

func TestIsHiraganaKatakana(t *testing.T) {
	tests := map[rune]bool{
		'カ': true, 'Ґ': false,
		'ｴ': true, 'ᄁ': false,
		'ひ': true, 'Ꙕ': false,
		'ゐ': true, 'ф': false,
	}

	for r, want := range tests {
		got := isHiraganaKatakana(r)
		if want != got {
			t.Fatalf("%#U want %t got %t", r, want, got)
		}
	}
}

func TestIsHangul(t *testing.T) {
	tests := map[rune]bool{
		'ᄁ': true, 't': false,
	}

	for r, want := range tests {
		got := isHangul(r)
		if want != got {
			t.Fatalf("%#U want %t got %t", r, want, got)
		}
	}
}

func TestIsGreek(t *testing.T) {
	tests := map[rune]bool{
		'φ': true, 'ф': false,
	}

	for r, want := range tests {
		got := isGreek(r)
		if want != got {
			t.Fatalf("%#U want %t got %t", r, want, got)
		}
	}
}

func TestIsKannada(t *testing.T) {
	tests := map[rune]bool{
		'ಡ': true, 'S': false,
	}

	for r, want := range tests {
		got := isKannada(r)
		if want != got {
			t.Fatalf("%#U want %t got %t", r, want, got)
		}
	}
}

func TestIsTamil(t *testing.T) {
	tests := map[rune]bool{
		'ஐ': true, 'Ж': false,
	}

	for r, want := range tests {
		got := isTamil(r)
		if want != got {
			t.Fatalf("%#U want %t got %t", r, want, got)
		}
	}
}

func TestIsThai(t *testing.T) {
	tests := map[rune]bool{
		'ก': true, '๛': true, 'Ґ': false,
	}

	for r, want := range tests {
		got := isThai(r)
		if want != got {
			t.Fatalf("%#U want %t got %t", r, want, got)
		}
	}
}

func TestIsGujarati(t *testing.T) {
	tests := map[rune]bool{
		'ઁ': true, '૱': true, 'l': false,
	}

	for r, want := range tests {
		got := isGujarati(r)
		if want != got {
			t.Fatalf("%#U want %t got %t", r, want, got)
		}
	}
}

func TestIsGurmukhi(t *testing.T) {
	tests := map[rune]bool{
		'ਁ': true, 'ੴ': true, 'Ж': false,
	}

	for r, want := range tests {
		got := isGurmukhi(r)
		if want != got {
			t.Fatalf("%#U want %t got %t", r, want, got)
		}
	}
}

func TestIsTelugu(t *testing.T) {
	tests := map[rune]bool{
		'ఁ': true, '౿': true, 'l': false,
	}

	for r, want := range tests {
		got := isTelugu(r)
		if want != got {
			t.Fatalf("%#U want %t got %t", r, want, got)
		}
	}
}

func TestIsOriya(t *testing.T) {
	tests := map[rune]bool{
		'ଐ': true, '୷': true, 'l': false,
	}

	for r, want := range tests {
		got := isOriya(r)
		if want != got {
			t.Fatalf("%#U want %t got %t", r, want, got)
		}
	}
}

// TestDetectScriptASCIIFastPath checks the Wiretrace patch of DetectScript
// (ASCII read without the Unicode tables) against upstream's loop, which
// detectScriptReference repeats, on texts that mix ASCII with other
// scripts in every proportion.
func TestDetectScriptASCIIFastPath(t *testing.T) {
	parts := []string{"Hello world, 2022! ", "Привет мир ", "こんにちは", "日本語", "مرحبا", "नमस्ते ", "\x01\x7f~", "ñandú ", "Ελλάδα "}
	rng := rand.New(rand.NewSource(2))
	for n := 0; n < 3000; n++ {
		var b strings.Builder
		for k := rng.Intn(12); k >= 0; k-- {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		text := b.String()
		if got, want := DetectScript(text), detectScriptReference(text); got != want {
			t.Fatalf("%q: script %v, want %v", text, Scripts[got], Scripts[want])
		}
	}
}

// detectScriptReference is upstream's DetectScript.
func detectScriptReference(text string) *unicode.RangeTable {
	halfLen := len(text) / 2
	counters := []scriptCounter{
		{isLatin, unicode.Latin, 0}, {isCyrillic, unicode.Cyrillic, 0}, {isArabic, unicode.Arabic, 0},
		{isDevanagari, unicode.Devanagari, 0}, {isHiraganaKatakana, _HiraganaKatakana, 0},
		{isEthiopic, unicode.Ethiopic, 0}, {isHebrew, unicode.Hebrew, 0}, {isBengali, unicode.Bengali, 0},
		{isGeorgian, unicode.Georgian, 0}, {isHan, unicode.Han, 0}, {isHangul, unicode.Hangul, 0},
		{isGreek, unicode.Greek, 0}, {isKannada, unicode.Kannada, 0}, {isTamil, unicode.Tamil, 0},
		{isThai, unicode.Thai, 0}, {isGujarati, unicode.Gujarati, 0}, {isGurmukhi, unicode.Gurmukhi, 0},
		{isTelugu, unicode.Telugu, 0}, {isMalayalam, unicode.Malayalam, 0}, {isOriya, unicode.Oriya, 0},
		{isMyanmar, unicode.Myanmar, 0}, {isSinhala, unicode.Sinhala, 0}, {isKhmer, unicode.Khmer, 0},
	}
	for _, ch := range text {
		if isStopChar(ch) {
			continue
		}
		for i, sc := range counters {
			if sc.checkFunc(ch) {
				counters[i].count++
				if counters[i].count > halfLen {
					return sc.script
				}
				if i > 0 {
					counters[i], counters[i-1] = counters[i-1], counters[i]
				}
			}
		}
	}
	jpCount, max := 0, 0
	maxScript := &unicode.RangeTable{}
	for _, script := range counters {
		if script.count > max {
			max, maxScript = script.count, script.script
			if script.script == _HiraganaKatakana {
				jpCount = max
			}
		}
	}
	switch {
	case max == 0:
		return nil
	case maxScript == unicode.Han && jpCount > 0:
		return _HiraganaKatakana
	default:
		return maxScript
	}
}
