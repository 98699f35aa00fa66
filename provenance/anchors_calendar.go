package provenance

import (
	"strconv"
	"strings"
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

// calendarLengths holds, for each first byte of the calendar's words, the
// lengths they have, as bits: most words of a text have none and are not
// looked up.
var calendarLengths [256]uint32

// This init runs after the one that fills calendar, above in this file.
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
