package provenance

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Numbers survive translation, but not always in the same digits or the
// same form: Persian writes ۲۰۲۵, Arabic ٢٠٢٥ with ٬ between thousands,
// Hindi २०२५, Japanese full-width ２０２５, and "2.5 million" is "250万" in
// Chinese and "2,5 млн" in Russian. The anchors read every number as ASCII
// digits with a point for decimals, with its scale word multiplied in.

// digitValue returns the value of r as a decimal digit of any script (a
// rune of Unicode's category Nd), or -1 when r is not one. Unicode puts
// the digits of every script in runs from zero to nine, so the value is
// the distance from the start of r's run, modulo ten.
func digitValue(r rune) int {
	if r < utf8.RuneSelf {
		if '0' <= r && r <= '9' {
			return int(r - '0')
		}
		return -1
	}
	if !unicode.Is(unicode.Nd, r) {
		return -1
	}
	for _, rg := range unicode.Nd.R16 {
		if lo, hi := rune(rg.Lo), rune(rg.Hi); lo <= r && r <= hi {
			return int(r-lo) % 10
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if lo, hi := rune(rg.Lo), rune(rg.Hi); lo <= r && r <= hi {
			return int(r-lo) % 10
		}
	}
	return -1
}

// isNativeDigit reports whether the word w starts with a digit that is not
// ASCII: tokenize reads those as words, not numbers.
func isNativeDigit(w string) bool {
	if w == "" || w[0] < utf8.RuneSelf {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	return digitValue(r) >= 0
}

// numberSeparator returns the size of the digit group separator at
// text[i] and whether it can only be a decimal point (Arabic ٫), or 0.
func numberSeparator(text string, i int) (size int, decimal bool) {
	switch c := text[i]; c {
	case ',', '.', ' ', '\'':
		return 1, false
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	switch r {
	case '\u00a0', '\u202f', '\u2009', '٬', '،', '，':
		return size, false
	case '٫', '．':
		return size, true
	}
	return 0, false
}

// scanDigits returns the end of the run of digits (of any script) at
// text[s], and the run in ASCII digits appended to b.
func scanDigits(text string, s int, b []byte) (int, []byte) {
	i := s
	for i < len(text) {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		v := digitValue(r)
		if v < 0 {
			break
		}
		b = append(b, byte('0'+v))
		i += size
	}
	return i, b
}

// scanAnyNumber reads the number in digits of any script that starts at
// text[s]: its end, its normal form (ASCII digits, a point for decimals)
// and whether it was written without separators. Groups of exactly three
// digits after a separator are thousands; other groups after ',', '.' or
// '٫' are decimals, once.
func scanAnyNumber(text string, s int) (end int, norm string, plain bool) {
	i, b := scanDigits(text, s, nil)
	plain = true
	decimal := false
	for i < len(text) {
		sep, dec := numberSeparator(text, i)
		if sep == 0 || i+sep >= len(text) {
			break
		}
		j, digits := scanDigits(text, i+sep, nil)
		if len(digits) == 0 {
			break
		}
		c := text[i]
		canDecimal := dec || c == ',' || c == '.'
		if len(digits) != 3 || dec {
			if !canDecimal || decimal {
				break
			}
			decimal = true
			b = append(b, '.')
		}
		b = append(b, digits...)
		plain = false
		i = j
	}
	return i, string(b), plain
}

// scaleWords are the words for powers of ten that follow a number, by
// language, with their exponent: "2.5 million", "2,5 млн", "250万",
// "25 लाख". A word of stems matches with up to four more letters
// (inflections: миллиона, millones); the others match whole.
var (
	scaleWords = map[string]int{
		"thousand": 3, "thousands": 3, "bn": 9, "mln": 6, "mio": 6, "mrd": 9, "bin": 3, "lakh": 5, "lakhs": 5,
		"crore": 7, "crores": 7, "тыс": 3, "млн": 6, "млрд": 9, "мың": 3,
		"مليون": 6, "ملايين": 6, "مليار": 9, "ألف": 3, "آلاف": 3, "الف": 3,
		"میلیون": 6, "میلیارد": 9, "هزار": 3,
		"मिलियन": 6, "लाख": 5, "करो\u095c": 7, "करो\u0921\u093c": 7, "करोड": 7, "अरब": 9, "ह\u095bार": 3, "ह\u091c\u093cार": 3, "हजार": 3,
	}
	scaleStems = []struct {
		stem string
		exp  int
	}{
		{"million", 6}, {"millon", 6}, {"milliard", 9}, {"billion", 9}, {"trillion", 12},
		{"milyon", 6}, {"milyar", 9}, {"миллион", 6}, {"миллиард", 9}, {"тысяч", 3},
		{"мільйон", 6}, {"мільярд", 9}, {"тисяч", 3},
	}
	// scaleRunes are the CJK and Hangul scale characters: they may be
	// glued to what follows (만명, 万人).
	scaleRunes = map[rune]int{'万': 4, '萬': 4, '亿': 8, '億': 8, '千': 3, '만': 4, '억': 8, '천': 3}
)

// scaleOf returns the power of ten the word w (normalised) stands for
// after a number, or 0.
func scaleOf(w string) int {
	if w == "" {
		return 0
	}
	if w[0] >= utf8.RuneSelf {
		r, _ := utf8.DecodeRuneInString(w)
		if e, ok := scaleRunes[r]; ok {
			return e
		}
	}
	if e, ok := scaleWords[w]; ok {
		return e
	}
	for _, s := range scaleStems {
		if strings.HasPrefix(w, s.stem) && len(w)-len(s.stem) <= 8 {
			return s.exp
		}
	}
	return 0
}

// scaleNumber multiplies the normal form of a number by ten to the power
// exp: "2.5" and 6 give "2500000".
func scaleNumber(n string, exp int) string {
	intPart, frac, _ := strings.Cut(n, ".")
	for exp > 0 && frac != "" {
		intPart += frac[:1]
		frac = frac[1:]
		exp--
	}
	intPart += strings.Repeat("0", exp)
	intPart = strings.TrimLeft(intPart, "0")
	if intPart == "" {
		intPart = "0"
	}
	if frac != "" {
		return intPart + "." + frac
	}
	return intPart
}
