package textparse

import (
	"strconv"
	"strings"
	"time"

	"github.com/wiretrace/wiretrace/importer/internal/lazyre"
)

var monthNames = map[string]time.Month{}

func init() {
	add := func(m time.Month, names ...string) {
		for _, n := range names {
			monthNames[n] = m
		}
	}
	add(time.January, "january", "jan", "janvier", "janv", "enero", "ene", "januar", "jänner", "gennaio", "janeiro", "января", "январь", "styczeń", "stycznia")
	add(time.February, "february", "feb", "février", "fevrier", "févr", "fév", "febrero", "februar", "febbraio", "fevereiro", "февраля", "февраль", "lutego", "luty")
	add(time.March, "march", "mar", "mars", "marzo", "märz", "marz", "março", "марта", "март", "marca", "marzec")
	add(time.April, "april", "apr", "avril", "avr", "abril", "aprile", "апреля", "апрель", "kwietnia", "kwiecień")
	add(time.May, "may", "mai", "mayo", "maggio", "maio", "мая", "май", "maja", "maj")
	add(time.June, "june", "jun", "juin", "junio", "juni", "giugno", "junho", "июня", "июнь", "czerwca", "czerwiec")
	add(time.July, "july", "jul", "juillet", "juil", "julio", "juli", "luglio", "julho", "июля", "июль", "lipca", "lipiec")
	add(time.August, "august", "aug", "août", "aout", "agosto", "augusto", "августа", "август", "sierpnia", "sierpień")
	add(time.September, "september", "sep", "sept", "septembre", "septiembre", "settembre", "setembro", "сентября", "сентябрь", "września", "wrzesień")
	add(time.October, "october", "oct", "octobre", "octubre", "oktober", "ottobre", "outubro", "октября", "октябрь", "października", "październik")
	add(time.November, "november", "nov", "novembre", "noviembre", "novembro", "ноября", "ноябрь", "listopada", "listopad")
	add(time.December, "december", "dec", "décembre", "decembre", "déc", "diciembre", "dezember", "dicembre", "dezembro", "декабря", "декабрь", "grudnia", "grudzień")
}

// zones maps time-zone abbreviations common in news pages to offsets.
var zones = map[string]int{
	"UTC": 0, "GMT": 0, "Z": 0, "IST": 5*3600 + 1800, "PKT": 5 * 3600, "EST": -5 * 3600, "EDT": -4 * 3600,
	"CST": -6 * 3600, "CDT": -5 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600, "CET": 3600, "CEST": 7200,
	"BST": 3600, "MSK": 3 * 3600, "JST": 9 * 3600, "KST": 9 * 3600, "HKT": 8 * 3600, "SGT": 8 * 3600,
	"AEST": 10 * 3600, "AEDT": 11 * 3600, "ALMT": 6 * 3600, "WIB": 7 * 3600, "EET": 2 * 3600, "EEST": 3 * 3600,
}

const monthRe = `([A-Za-zÀ-ÿа-яА-ЯёЁłńóśźżę]{3,12})\.?`

var (
	// 2022-01-09, 2022-01-09T11:07:00+05:30
	isoRe = lazyre.New(`\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?)?`)
	// January 09 2022, January 9, 2022, Jan. 9, 2022 11:07 IST
	mdyRe = lazyre.New(`(?i)\b` + monthRe + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:[.,]?\s+(?:at\s+)?(\d{1,2}):(\d{2})\s*(am|pm)?\s*([A-Z]{1,4})?)?`)
	// 12th January, 2022; 9 janvier 2022; 12 января 2022 г.
	dmyRe = lazyre.New(`(?i)\b(\d{1,2})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?` + monthRe + `,?\s+(?:de\s+)?(\d{4})(?:[.,]?\s+(?:at\s+|à\s+)?(\d{1,2})[:h](\d{2})\s*([A-Z]{1,4})?)?`)
	// 09/01/2022 or 09.01.2022 (day first, as most of the world writes it)
	numRe = lazyre.New(`\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b`)
)

// ParseDate finds the first date with a year in s and returns it; ok is
// false when s holds none. A time and zone are kept when given.
func ParseDate(s string) (t time.Time, ok bool) {
	type cand struct {
		at int
		t  time.Time
	}
	var best *cand
	try := func(at int, t time.Time, good bool) {
		if good && (best == nil || at < best.at) {
			best = &cand{at, t}
		}
	}
	if m := isoRe.Get().FindStringSubmatchIndex(s); m != nil {
		g := groups(s, m)
		t, good := build(atoi(g[1]), time.Month(atoi(g[2])), atoi(g[3]), g[4], g[5], "", g[7])
		try(m[0], t, good)
	}
	if m := mdyRe.Get().FindStringSubmatchIndex(s); m != nil {
		g := groups(s, m)
		if mon, ok := monthNames[strings.ToLower(g[1])]; ok {
			t, good := build(atoi(g[3]), mon, atoi(g[2]), g[4], g[5], g[6], g[7])
			try(m[0], t, good)
		}
	}
	if m := dmyRe.Get().FindStringSubmatchIndex(s); m != nil {
		g := groups(s, m)
		if mon, ok := monthNames[strings.ToLower(g[2])]; ok {
			t, good := build(atoi(g[3]), mon, atoi(g[1]), g[4], g[5], "", g[6])
			try(m[0], t, good)
		}
	}
	if m := numRe.Get().FindStringSubmatchIndex(s); m != nil {
		g := groups(s, m)
		d, mo := atoi(g[1]), atoi(g[2])
		if mo > 12 && d <= 12 { // month first
			d, mo = mo, d
		}
		t, good := build(atoi(g[3]), time.Month(mo), d, "", "", "", "")
		try(m[0], t, good)
	}
	if best == nil {
		return time.Time{}, false
	}
	return best.t, true
}

func groups(s string, m []int) []string {
	g := make([]string, len(m)/2)
	for i := range g {
		if m[2*i] >= 0 {
			g[i] = s[m[2*i]:m[2*i+1]]
		}
	}
	return g
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

func build(y int, mon time.Month, d int, hh, mm, ampm, zone string) (time.Time, bool) {
	if y < 1900 || y > 2100 || mon < 1 || mon > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	h, mi := atoi(hh), atoi(mm)
	switch strings.ToLower(ampm) {
	case "pm":
		if h < 12 {
			h += 12
		}
	case "am":
		if h == 12 {
			h = 0
		}
	}
	if h > 23 || mi > 59 {
		h, mi = 0, 0
	}
	loc := time.UTC
	if zone != "" {
		if off, ok := zones[strings.ToUpper(zone)]; ok {
			loc = time.FixedZone(strings.ToUpper(zone), off)
		} else if z, err := time.Parse("-07:00", normOffset(zone)); err == nil {
			_, off := z.Zone()
			loc = time.FixedZone("", off)
		}
	}
	t := time.Date(y, mon, d, h, mi, 0, 0, loc)
	if t.Day() != d { // 31 February
		return time.Time{}, false
	}
	return t, true
}

func normOffset(z string) string {
	if len(z) == 5 && (z[0] == '+' || z[0] == '-') {
		return z[:3] + ":" + z[3:]
	}
	return z
}
