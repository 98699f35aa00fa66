package whatlanggo

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
)

func TestCount(t *testing.T) {
	tests := map[string]map[string]int{
		"":             {"": 0},
		",":            {"": 0},
		"a":            {" a ": 1},
		"-a-":          {" a ": 1},
		"yes":          {" ye": 1, "yes": 1, "es ": 1},
		"Give - IT...": {" gi": 1, "giv": 1, "ive": 1, "ve ": 1, " it": 1, "it ": 1},
	}

	for key, value := range tests {
		got := map[[3]rune]int{}
		for _, t := range count(key) {
			got[trigramRunes(t.key)] = t.count
		}

		for key1, value1 := range value {
			var k [3]rune
			copy(k[:], []rune(key1))
			if got[k] != value1 {
				t.Fatalf("%s got %d want %d", key1, got[k], value1)
			}
		}
	}
}

func TestToTrigramChar(t *testing.T) {
	tests := map[rune]rune{
		'a': 'a', 'z': 'z', 'A': 'A', 'Z': 'Z', 'Ж': 'Ж', 'ß': 'ß',
		//punctuation, digits, ... etc
		'\t': ' ', '\n': ' ', ' ': ' ', '.': ' ', '0': ' ', '9': ' ', ',': ' ', '@': ' ',
		'[': ' ', ']': ' ', '^': ' ', '\\': ' ', '`': ' ', '|': ' ', '{': ' ', '}': ' ', '~': ' '}

	for r, want := range tests {
		got := toTrigramChar(r)
		if got != want {
			t.Fatalf("%q got %q want %q", r, got, want)
		}
	}
}

func TestGetTrigramsWithPositions(t *testing.T) {
	tests := map[string]map[string]int{
		"xaaaaabbbbd": {"aaa": 0, "bbb": 1},
	}

	for key, value := range tests {
		got := getTrigramsWithPositions(key)
		for trigram, position := range value {
			if got[trigram] != position {
				t.Fatalf("%s : want %d got %d", trigram, position, got[trigram])
			}
		}
	}
}

// countReference is upstream's count, keyed by rune triples: the
// reference that TestCountMatchesReference checks the Wiretrace patch
// against.
func countReference(text string) map[[3]rune]int {
	var r1, r2, r3 rune
	trigrams := map[[3]rune]int{}
	txt := make([]rune, 0, len(text)+1)
	for _, r := range text {
		txt = append(txt, unicode.ToLower(toTrigramChar(r)))
	}
	txt = append(txt, ' ')
	r1 = ' '
	r2 = txt[0]
	for i := 1; i < len(txt); i++ {
		r3 = txt[i]
		if !(r2 == ' ' && (r1 == ' ' || r3 == ' ')) {
			trigrams[[3]rune{r1, r2, r3}]++
		}
		r1 = r2
		r2 = r3
	}
	return trigrams
}

// TestCountMatchesReference checks that count finds upstream's trigrams
// and counts, in ascending order of their runes, on texts of several
// scripts, invalid UTF-8 and the largest runes included.
func TestCountMatchesReference(t *testing.T) {
	texts := []string{"", " ", "a", "ab", "Give - IT...", "x\xffy \xf4\x8f\xbf\xbf\xf4\x8f\xbf\xbf z",
		"Le président a annoncé mercredi une série de mesures pour l'économie.",
		"Президент в среду объявил о ряде мер. Президент!", "日本語のテキスト、日本語"}
	rng := rand.New(rand.NewSource(1))
	var b strings.Builder
	for i := 0; i < 5000; i++ {
		b.WriteRune(rune(rng.Intn(0x500)))
		if rng.Intn(5) == 0 {
			b.WriteByte(' ')
		}
	}
	texts = append(texts, b.String())
	for _, text := range texts {
		want := countReference(text)
		got := count(text)
		if len(got) != len(want) {
			t.Fatalf("%q: %d trigrams, want %d", text, len(got), len(want))
		}
		for i, tg := range got {
			if i > 0 && got[i-1].key >= tg.key {
				t.Fatalf("%q: trigrams out of order at %d", text, i)
			}
			if n := want[trigramRunes(tg.key)]; n != tg.count {
				t.Fatalf("%q: %q counted %d, want %d", text, trigramRunes(tg.key), tg.count, n)
			}
		}
	}
}
