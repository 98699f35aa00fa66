package provenance

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// calendar maps month and weekday names of the archive's languages
// (folded, Russian transliterated) to one key: dates survive translation.
var calendar = map[string]string{}

func init() {
	months := []string{
		"january janvier enero januar gennaio janeiro yanvarya yanvar jan janv ene",
		"february fevrier febrero februar febbraio fevereiro fevralya fevral feb fev",
		"march mars marzo marz marco marta mart mar",
		"april avril abril aprile aprelya aprel apr avr abr",
		"may mai mayo maggio maio maya",
		"june juin junio juni giugno junho iyunya iyun jun",
		"july juillet julio juli luglio julho iyulya iyul jul juil",
		"august aout agosto augusta avgusta avgust aug ago",
		"september septembre septiembre settembre setembro sentyabrya sentyabr sep sept",
		"october octobre octubre oktober ottobre outubro oktyabrya oktyabr oct okt",
		"november novembre noviembre novembro noyabrya noyabr nov",
		"december decembre diciembre dezember dicembre dezembro dekabrya dekabr dec dic dez",
	}
	days := []string{
		"monday lundi lunes montag lunedi segunda ponedelnik",
		"tuesday mardi martes dienstag martedi terca vtornik",
		"wednesday mercredi miercoles mittwoch mercoledi quarta sreda sredu",
		"thursday jeudi jueves donnerstag giovedi quinta chetverg",
		"friday vendredi viernes freitag venerdi sexta pyatnitsa pyatnitsu",
		"saturday samedi sabado samstag sabato subbota subbotu",
		"sunday dimanche domingo sonntag domenica voskresenye voskresene",
	}
	for i, line := range months {
		for _, w := range strings.Fields(line) {
			calendar[w] = "%m" + strconv.Itoa(i+1)
		}
	}
	for i, line := range days {
		for _, w := range strings.Fields(line) {
			calendar[w] = "%d" + strconv.Itoa(i+1)
		}
	}
}

// calendarNeedsCap are calendar words that are also common words or
// abbreviations ("may", Spanish "mar"): they count when capitalised.
var calendarNeedsCap = map[string]bool{}

func init() {
	for _, w := range strings.Fields("may mar jan janv feb fev apr avr abr jun jul juil aug ago sep sept oct okt nov dec dic dez ene") {
		calendarNeedsCap[w] = true
	}
}

// Months and weekdays of the languages of other scripts, and of Turkish
// and Ukrainian, in their own letters (Cyrillic ones are stored
// transliterated, as latin reads them), in the case forms news uses
// (12 березня, 12 наурызда, في مارس). Chinese, Japanese and Korean
// write months as numbers (3月, 3월) and weekdays with the characters of
// cjkDates. They are CLDR's names; go-dateparser, which the importer
// uses, holds them too, but in internal packages.
var moreMonths = []string{
	"ocak sichnya sichen sichni қаңтар يناير كانون ژانویه जनवरी yanvare",
	"subat lyutogo lyutii lyutomu ақпан فبراير شباط فوریه फ़रवरी फरवरी fevrale",
	"mart bereznya berezen berezni наурыз مارس آذار मार्च marte",
	"nisan kvitnya kviten kvitni сәуір أبريل إبريل نيسان آوریل अप्रैल aprele",
	"mayis travnya traven travni мамыр مايو أيار मई",
	"haziran chervnya cherven chervni маусым يونيو حزيران ژوئن जून iyune",
	"temmuz lipnya lipen lipni шілде يوليو تموز ژوئیه जुलाई iyule",
	"agustos serpnya serpen serpni тамыз أغسطس آب اوت अगस्त avguste",
	"eylul veresnya veresen veresni қыркүйек سبتمبر أيلول سپتامبر सितंबर सितम्बर sentyabre",
	"ekim zhovtnya zhovten zhovtni қазан أكتوبر اکتبر अक्टूबर अक्तूबर oktyabre",
	"kasim listopada listopad نوفمبر نوامبر नवंबर नवम्बर noyabre қараша",
	"aralik grudnya gruden grudni желтоқсан ديسمبر دسامبر दिसंबर दिसम्बर dekabre",
}

var moreDays = []string{
	"pazartesi ponedilok дүйсенбі الاثنين دوشنبه सोमवार 월요일",
	"sali vivtorok сейсенбі الثلاثاء मंगलवार 화요일",
	"carsamba seredu sereda сәрсенбі الأربعاء چهارشنبه बुधवार 수요일",
	"persembe chetver бейсенбі الخميس پنجشنبه गुरुवार 목요일",
	"cuma pyatnitsyu pyatnitsya жұма الجمعة جمعه शुक्रवार 금요일",
	"cumartesi subotu subota сенбі السبت शनिवार 토요일",
	"pazar nedilyu nedilya жексенбі الأحد یکشنبه रविवार 일요일",
}

// kazakhLocative are the endings of the Kazakh locative (12 наурызда).
var kazakhLocative = []string{"да", "де", "та", "те"}

// This init runs after the one that fills calendar, and before the one
// that fills calendarLengths, in this file's order.
func init() {
	put := func(w, key string) {
		w = foldWord(strings.TrimSuffix(w, "_"))
		calendar[calendarKey(w)] = key
	}
	for i, line := range moreMonths {
		for _, w := range strings.Fields(line) {
			put(w, "%m"+strconv.Itoa(i+1))
			if r, _ := utf8.DecodeRuneInString(w); unicode.Is(unicode.Cyrillic, r) {
				for _, e := range kazakhLocative {
					put(w+e, "%m"+strconv.Itoa(i+1))
				}
			}
		}
	}
	for i, line := range moreDays {
		for _, w := range strings.Fields(line) {
			put(w, "%d"+strconv.Itoa(i+1))
		}
	}
}

// calendarOf returns the calendar key of a normalised word, if it is a
// month or a weekday (a Korean one with its particle: 수요일에).
func calendarOf(w string) (string, bool) {
	if k, ok := calendar[calendarKey(w)]; ok {
		return k, true
	}
	if r, _ := utf8.DecodeRuneInString(w); scriptOfRune(r) == scriptHangul {
		k, ok := calendar[hangulStem(w)]
		return k, ok
	}
	return "", false
}

// calendarKey is the key of a normalised word in calendar: Cyrillic
// transliterated, other scripts as they are.
func calendarKey(w string) string {
	if w == "" || w[0] < 0xd0 || w[0] > 0xd3 {
		return w
	}
	return latin(w)
}

// cjkDate returns the calendar key of the Chinese, Japanese or Korean
// date that starts at token k of ts in text (3月, 3월 after a number;
// 星期三, 周三, 水曜日), and the index of its last token, or "".
func cjkDate(text string, ts []token, k int, digits string) (string, int) {
	t := ts[k]
	if (t.num || isNativeDigit(t.norm)) && k+1 < len(ts) && ts[k+1].s == t.e {
		next := text[ts[k+1].s:]
		if strings.HasPrefix(next, "月") || strings.HasPrefix(next, "월") {
			if m, err := strconv.Atoi(digits); err == nil && m >= 1 && m <= 12 {
				return "%m" + strconv.Itoa(m), k + 1
			}
		}
		return "", k
	}
	s := text[t.s:]
	for _, p := range []string{"星期", "礼拜", "禮拜", "周", "週"} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			r, _ := utf8.DecodeRuneInString(rest)
			if d := strings.IndexRune("一二三四五六日天", r); d >= 0 {
				day := min(d/3+1, 7) // the characters are 3 bytes each
				return "%d" + strconv.Itoa(day), k + utf8.RuneCountInString(p)
			}
			return "", k
		}
	}
	r, size := utf8.DecodeRuneInString(s)
	if d := strings.IndexRune("月火水木金土日", r); d >= 0 && strings.HasPrefix(s[size:], "曜") {
		return "%d" + strconv.Itoa(d/3+1), k + 1
	}
	return "", k
}

// calendarLengths holds, for each first byte of the calendar's words, the
// lengths they have, as bits: most words of a text have none and are not
// looked up.
var calendarLengths [256]uint32

// This init runs after those that fill calendar, above in this file.
func init() {
	for w := range calendar {
		calendarLengths[w[0]] |= 1 << min(len(w), 31)
	}
}

// mayBeCalendar reports whether latin(w) may be a word of calendar: true
// for every word that is, and for others.
func mayBeCalendar(w string) bool {
	if w == "" {
		return false
	}
	if w[0] >= utf8.RuneSelf {
		return true // transliterated first
	}
	return calendarLengths[w[0]]&(1<<min(len(w), 31)) != 0
}
