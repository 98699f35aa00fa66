package gen

import (
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Languages the generator writes, as ISO 639-1 codes.
var Languages = []string{"en", "fr", "es", "de", "ru", "zh"}

// zipfShift and zipfExponent shape the word-frequency curve of filler text:
// the word of rank r (from 0) has weight 1/(r+zipfShift)^zipfExponent, a
// Zipf-Mandelbrot law like that of real news text.
const (
	zipfShift    = 2.7
	zipfExponent = 1.0
)

// language is everything the generator knows about writing one language.
type language struct {
	code      string
	words     []string  // concepts first, then extras; "" for no word
	cum       []float64 // cumulative Zipf weights over words
	nConcepts int
	qOpen     string
	qClose    string
	thousands string // digit group separator
	spaced    bool   // words separated by spaces (false for Chinese)
	period    string
	comma     string
	months    [12]string
	concept   map[string]int // English concept key -> index
}

// langs holds the languages' tables, built on first use: building them
// cost every wiretrace process ~3-7 ms at start, generating or not.
var langs = sync.OnceValue(buildLanguages)

func langIndex(code string) int {
	for i, c := range Languages {
		if c == code {
			return i
		}
	}
	return 0
}

func buildLanguages() []*language {
	lines := strings.Split(strings.TrimSpace(conceptTable), "\n")
	out := make([]*language, len(Languages))
	for li, code := range Languages {
		l := &language{code: code, spaced: true, period: ".", comma: ",", concept: map[string]int{}}
		seen := map[string]bool{}
		for ci, line := range lines {
			cells := strings.Split(line, "|")
			w := ""
			if li < len(cells) {
				w = cells[li]
			}
			l.words = append(l.words, w)
			l.concept[cells[0]] = ci
			seen[w] = true
		}
		l.nConcepts = len(l.words)
		for _, w := range strings.Fields(extraWords[code]) {
			if !seen[w] {
				seen[w] = true
				l.words = append(l.words, w)
			}
		}
		l.cum = make([]float64, len(l.words))
		total := 0.0
		for r, w := range l.words {
			if w != "" {
				total += 1 / math.Pow(float64(r)+zipfShift, zipfExponent)
			}
			l.cum[r] = total
		}
		switch code {
		case "en":
			l.qOpen, l.qClose, l.thousands = "“", "”", ","
			l.months = [12]string{"Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"}
		case "fr":
			l.qOpen, l.qClose, l.thousands = "« ", " »", "."
			l.months = [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
		case "es":
			l.qOpen, l.qClose, l.thousands = "«", "»", "."
			l.months = [12]string{"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"}
		case "de":
			l.qOpen, l.qClose, l.thousands = "„", "“", "."
			l.months = [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}
		case "ru":
			l.qOpen, l.qClose, l.thousands = "«", "»", " "
			l.months = [12]string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}
		case "zh":
			l.qOpen, l.qClose, l.thousands = "“", "”", ""
			l.spaced, l.period, l.comma = false, "。", "，"
			for m := range l.months {
				l.months[m] = strconv.Itoa(m+1) + "月"
			}
		}
		out[li] = l
	}
	return out
}

// zipf draws a word index of l with the Zipf-Mandelbrot law, skipping
// words the language does not have.
func (l *language) zipf(r *rand.Rand) int {
	total := l.cum[len(l.cum)-1]
	for {
		x := r.Float64() * total
		i := sort.SearchFloat64s(l.cum, x)
		if i >= len(l.words) {
			i = len(l.words) - 1
		}
		if l.words[i] != "" {
			return i
		}
	}
}

// translateWord maps word index i of language from to a word index of
// language to: concepts map to themselves, extras by a fixed hash, which
// makes a stable word-for-word dictionary.
func translateWord(from, to *language, i int) int {
	if i < from.nConcepts || from == to {
		return i
	}
	n := len(to.words) - to.nConcepts
	h := uint64(i)*0x9E3779B97F4A7C15 ^ uint64(langIndex(from.code))<<56 ^ uint64(langIndex(to.code))<<48
	h ^= h >> 29
	return to.nConcepts + int(h%uint64(n))
}

// formatNumber writes n with the digit grouping of l.
func (l *language) formatNumber(n int) string {
	s := strconv.Itoa(n)
	if n < 1000 || l.thousands == "" {
		return s
	}
	var b strings.Builder
	pre := len(s) % 3
	if pre > 0 {
		b.WriteString(s[:pre])
	}
	for i := pre; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteString(l.thousands)
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

var (
	frNames = strings.NewReplacer("ayev", "aïev", "iyev", "iïev", "sh", "ch", "Sh", "Ch")
	deNames = strings.NewReplacer("ayev", "ajew", "yev", "jew", "etsov", "ezow", "sh", "sch", "Sh", "Sch")
	esNames = strings.NewReplacer("ayev", "áyev")
)

// nameIn spells a person or place name the way language l writes it:
// Tokayev is Tokaïev in French, Tokajew in German, Токаев in Russian and
// 托卡耶夫 in Chinese.
func nameIn(name, code string) string {
	switch code {
	case "fr":
		name = frNames.Replace(name)
	case "de":
		name = deNames.Replace(name)
		if strings.HasSuffix(name, "ov") {
			name = strings.TrimSuffix(name, "ov") + "ow"
		}
	case "es":
		name = esNames.Replace(name)
	case "ru":
		return toCyrillic(name)
	case "zh":
		return toHan(name)
	}
	return name
}

var cyrDigraphs = []struct{ lat, cyr string }{
	{"ayev", "аев"}, {"iyev", "иев"}, {"yev", "ев"}, {"th", "т"}, {"ph", "ф"}, {"ee", "и"}, {"oo", "у"}, {"shch", "щ"}, {"sh", "ш"}, {"ch", "ч"}, {"zh", "ж"}, {"kh", "х"}, {"ts", "ц"},
	{"ya", "я"}, {"yu", "ю"}, {"ye", "е"}, {"yo", "ё"}, {"ay", "ай"}, {"ey", "ей"}, {"oy", "ой"},
}

var cyrLetters = map[rune]string{
	'a': "а", 'b': "б", 'c': "к", 'd': "д", 'e': "е", 'f': "ф", 'g': "г", 'h': "х",
	'i': "и", 'j': "дж", 'k': "к", 'l': "л", 'm': "м", 'n': "н", 'o': "о", 'p': "п",
	'q': "к", 'r': "р", 's': "с", 't': "т", 'u': "у", 'v': "в", 'w': "в", 'x': "кс",
	'y': "ы", 'z': "з", 'é': "е", 'ú': "у", 'á': "а", 'ć': "ч", 'ğ': "г", 'ü': "ю",
	'ö': "ё", 'ã': "а", 'í': "и", 'ó': "о", '\'': "",
}

// toCyrillic transliterates a Latin name into Russian letters.
func toCyrillic(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		lower := strings.ToLower(s[i:])
		r, size := utf8.DecodeRuneInString(s[i:])
		upper := unicode.IsUpper(r)
		done := false
		for _, d := range cyrDigraphs {
			if strings.HasPrefix(lower, d.lat) {
				out := d.cyr
				if upper {
					out = capitalize(out)
				}
				b.WriteString(out)
				i += len(d.lat)
				done = true
				break
			}
		}
		if done {
			continue
		}
		if c, ok := cyrLetters[unicode.ToLower(r)]; ok {
			if upper {
				c = capitalize(c)
			}
			b.WriteString(c)
		} else {
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
