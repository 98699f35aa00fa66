package gen

import (
	"strings"
	"unicode/utf8"
)

// Chinese writes foreign names by their sound, a character per syllable
// (Tokayev is 托卡耶夫): toHan does the same for the generator's names,
// so that the benchmark's Chinese translations carry no Latin letters.

// hanSyllables maps an onset (consonants, "" for none) to the characters
// of its syllables with the vowels a, e, i, o, u, and, last, the
// character for the consonant with no vowel after it.
var hanSyllables = map[string][6]string{
	"":   {"阿", "埃", "伊", "奥", "乌", ""},
	"b":  {"巴", "贝", "比", "博", "布", "布"},
	"p":  {"帕", "佩", "皮", "波", "普", "普"},
	"f":  {"法", "费", "菲", "福", "富", "夫"},
	"v":  {"瓦", "韦", "维", "沃", "武", "夫"},
	"w":  {"瓦", "韦", "维", "沃", "乌", "夫"},
	"m":  {"马", "梅", "米", "莫", "穆", "姆"},
	"t":  {"塔", "特", "蒂", "托", "图", "特"},
	"th": {"塔", "特", "蒂", "托", "图", "特"},
	"d":  {"达", "德", "迪", "多", "杜", "德"},
	"n":  {"纳", "内", "尼", "诺", "努", "恩"},
	"l":  {"拉", "莱", "利", "洛", "卢", "尔"},
	"r":  {"拉", "雷", "里", "罗", "鲁", "尔"},
	"k":  {"卡", "凯", "基", "科", "库", "克"},
	"c":  {"卡", "塞", "西", "科", "库", "克"},
	"q":  {"卡", "凯", "基", "科", "库", "克"},
	"g":  {"加", "格", "吉", "戈", "古", "格"},
	"h":  {"哈", "赫", "希", "霍", "胡", "赫"},
	"kh": {"哈", "赫", "希", "霍", "胡", "赫"},
	"s":  {"萨", "塞", "西", "索", "苏", "斯"},
	"z":  {"扎", "泽", "齐", "佐", "祖", "兹"},
	"sh": {"沙", "舍", "希", "肖", "舒", "什"},
	"ch": {"恰", "切", "奇", "乔", "丘", "奇"},
	"zh": {"扎", "热", "日", "若", "茹", "日"},
	"j":  {"贾", "杰", "吉", "乔", "朱", "季"},
	"y":  {"亚", "耶", "伊", "约", "尤", "伊"},
	"ts": {"察", "采", "齐", "措", "楚", "茨"},
	"x":  {"克萨", "克塞", "克西", "克索", "克苏", "克斯"},
}

// hanVowels are the vowel letters of toHan, by column of hanSyllables.
var hanVowels = map[byte]int{'a': 0, 'e': 1, 'i': 2, 'o': 3, 'u': 4, 'y': 2}

// toHan transcribes a Latin name into Chinese characters, syllable by
// syllable; the words of a name are joined by the middle dot.
func toHan(name string) string {
	var words []string
	for _, w := range strings.Fields(name) {
		words = append(words, hanWord(strings.ToLower(foldLatin(w))))
	}
	return strings.Join(words, "·")
}

// hanWord transcribes one lower-case ASCII word.
func hanWord(w string) string {
	var b strings.Builder
	for i := 0; i < len(w); {
		// The onset: a known digraph, one consonant, or none.
		onset := ""
		for _, d := range []string{"sh", "ch", "zh", "kh", "th", "ts"} {
			if strings.HasPrefix(w[i:], d) {
				onset = d
				break
			}
		}
		if onset == "" {
			if _, vowel := hanVowels[w[i]]; !vowel || w[i] == 'y' && i+1 < len(w) && isHanVowel(w[i+1]) {
				onset = w[i : i+1]
			}
		}
		row, ok := hanSyllables[onset]
		if !ok {
			i++ // not a letter the table knows
			continue
		}
		j := i + len(onset)
		if j < len(w) && isHanVowel(w[j]) {
			b.WriteString(row[hanVowels[w[j]]])
			j++
			// Diphthongs take one character; a y before a vowel starts
			// the next syllable (Tokayev).
			for j < len(w) && isHanVowel(w[j]) && !(w[j] == 'y' && j+1 < len(w) && isHanVowel(w[j+1])) {
				j++
			}
			// A final n closes the syllable (Astana's last a aside).
			if j < len(w) && w[j] == 'n' && (j+1 == len(w) || !isHanVowel(w[j+1])) {
				b.WriteString("恩")
				j++
			}
		} else {
			b.WriteString(row[5])
		}
		i = max(j, i+1)
	}
	return b.String()
}

func isHanVowel(c byte) bool {
	_, ok := hanVowels[c]
	return ok
}

// foldLatin drops the accents of the Latin letters of the generator's
// names (Erdoğan, Zoë).
func foldLatin(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < utf8.RuneSelf {
			b.WriteRune(r)
			continue
		}
		switch r {
		case 'á', 'à', 'â', 'ä', 'ã':
			b.WriteByte('a')
		case 'é', 'è', 'ê', 'ë':
			b.WriteByte('e')
		case 'í', 'ì', 'î', 'ï':
			b.WriteByte('i')
		case 'ó', 'ò', 'ô', 'ö', 'õ':
			b.WriteByte('o')
		case 'ú', 'ù', 'û', 'ü':
			b.WriteByte('u')
		case 'ć', 'ç', 'č':
			b.WriteByte('c')
		case 'ğ':
			b.WriteByte('g')
		case 'ş', 'š':
			b.WriteByte('s')
		case 'ñ':
			b.WriteByte('n')
		}
	}
	return b.String()
}
